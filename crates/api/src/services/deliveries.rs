//! The admin's view of messages outside the app: the delivery log (newest first, recipients
//! masked) and a test message to check that a channel works.

use crate::delivery::{self, Outgoing};
use crate::entities::outbox;
use crate::error::{ApiError, ApiResult};
use kinerja_domain::contact::{mask, Contact};
use kinerja_types::{Delivery, Invalid};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

pub fn to_wire(m: outbox::Model) -> Delivery {
    Delivery {
        id: m.id,
        event_kind: m.event_kind,
        recipient: if m.channel == "webhook" { format!("webhook #{}", m.recipient) } else { mask(&m.recipient) },
        channel: m.channel,
        status: m.status,
        attempts: m.attempts,
        last_error: m.last_error,
        next_attempt_at: m.next_attempt_at,
        created_at: m.created_at,
        sent_at: m.sent_at,
    }
}

/// A page of the log and the total.
pub async fn list(db: &impl ConnectionTrait, offset: u64, limit: u64) -> ApiResult<(Vec<Delivery>, u64)> {
    let total = outbox::Entity::find().count(db).await?;
    let rows = outbox::Entity::find().order_by_desc(outbox::Column::Id).offset(offset).limit(limit).all(db).await?;
    Ok((rows.into_iter().map(to_wire).collect(), total))
}

/// Queues a test message to `to` on the channel its form names (422 when it is neither an
/// e-mail address nor a mobile number, or that channel is not configured); answers the log row.
pub async fn test(db: &impl ConnectionTrait, to: &str, configured: &[&str]) -> ApiResult<Delivery> {
    let contact = Contact::parse(to).ok_or_else(|| ApiError::field("to", Invalid::ContactUnreachable))?;
    if !configured.contains(&contact.channel()) {
        return Err(ApiError::field("to", Invalid::ChannelNotConfigured));
    }
    let key = format!("test:{}", crate::services::public_codes::secret_token());
    delivery::enqueue(
        db,
        Outgoing {
            event_key: key.clone(),
            event_kind: "test",
            to: (&contact).into(),
            subject: "Pesan uji Kinerja".into(),
            body: format!(
                "Ini pesan uji dari Kinerja, dikirim oleh admin untuk memeriksa saluran {}.\n\
                 Jika pesan ini sampai, saluran bekerja. Buka aplikasi: {{app}}/\n",
                contact.channel()
            ),
            stop_path: None,
        },
    )
    .await?;
    let row =
        outbox::Entity::find().filter(outbox::Column::EventKey.eq(key)).one(db).await?.ok_or(ApiError::NotFound)?;
    Ok(to_wire(row))
}

/// Queues a delivery again now (see [`crate::delivery::outbox::replay`]): 404 when there is none,
/// 422 `not_replayable` when its content is gone or a worker holds it. Audited.
pub async fn replay(db: &DatabaseConnection, actor: &crate::audit::Actor, id: i64) -> ApiResult<Delivery> {
    let txn = crate::db::begin(db).await?;
    outbox::Entity::find_by_id(id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    if !delivery::outbox::replay(&txn, id, chrono::Utc::now()).await? {
        return Err(ApiError::field("id", Invalid::NotReplayable));
    }
    let row = outbox::Entity::find_by_id(id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    let out = to_wire(row);
    crate::audit::record(&txn, actor, crate::audit::Change::new("delivery.replay", "delivery", id).after(&out)).await?;
    txn.commit().await?;
    Ok(out)
}
