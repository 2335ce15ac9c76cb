//! The aspirasi of a forum as staff handle them: recorded in the room, then discussed, declined
//! (with a public response), hidden, or committed through a commitment.

use super::{input_wire, trimmed};
use crate::audit::{self, Actor, Change};
use crate::entities::{forum_inputs, forums};
use crate::error::{ApiError, ApiResult};
use crate::services::citizen_messages;
use crate::services::public_codes::{fingerprint, tracking_code};
use chrono::Utc;
use kinerja_domain::oversight::{InputSource, InputStatus};
use kinerja_types::Invalid;
use kinerja_types::{ForumInput, InputUpdate, NewRoomInput};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, Set};

/// The aspirasi, else 404.
pub async fn find(db: &impl ConnectionTrait, id: i64) -> ApiResult<forum_inputs::Model> {
    forum_inputs::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)
}

/// Records what was said in the room of an open forum as an aspirasi, already `discussed`. Audited.
pub async fn add_room(
    txn: &DatabaseTransaction,
    actor: &Actor,
    f: &forums::Model,
    body: &NewRoomInput,
) -> ApiResult<ForumInput> {
    let now = Utc::now();
    let text = body.text.trim().to_owned();
    let row = forum_inputs::ActiveModel {
        forum_id: Set(f.id),
        tracking_code: Set(tracking_code("ASP")),
        source: Set(InputSource::Room),
        speaker: Set(trimmed(&body.speaker)),
        fingerprint: Set(fingerprint(&["room", &f.id.to_string(), &text])),
        text: Set(text),
        contact: Set(None),
        status: Set(InputStatus::Discussed),
        response: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let out = input_wire(&row);
    audit::record(txn, actor, Change::new("forum_input.create", "forum_input", row.id).after(&out)).await?;
    Ok(out)
}

/// Settles an aspirasi (its forum's staff allowed): 422 for `committed` (a commitment does that) or
/// a decline without a response of 10 characters, 409 if the status cannot follow. Audited.
pub async fn settle(
    txn: &DatabaseTransaction,
    actor: &Actor,
    i: forum_inputs::Model,
    body: &InputUpdate,
) -> ApiResult<ForumInput> {
    if body.status == InputStatus::Committed {
        return Err(ApiError::field("status", Invalid::InputViaCommitment));
    }
    let current = i.status;
    if !current.can_become(body.status) {
        return Err(ApiError::Conflict(format!(
            "aspirasi berstatus \"{}\" tidak dapat diubah menjadi \"{}\"",
            current.public_label(),
            body.status.public_label()
        )));
    }
    let response = trimmed(&body.response);
    if InputStatus::needs_response(body.status) && response.as_deref().is_none_or(|r| r.chars().count() < 10) {
        return Err(ApiError::field("response", Invalid::DeclineReason));
    }
    let before = input_wire(&i);
    let mut a: forum_inputs::ActiveModel = i.into();
    a.status = Set(body.status);
    if response.is_some() {
        a.response = Set(response);
    }
    a.updated_at = Set(Utc::now());
    let row = a.update(txn).await?;
    let out = input_wire(&row);
    audit::record(txn, actor, Change::new("forum_input.update", "forum_input", row.id).before(&before).after(&out))
        .await?;
    if row.status != current {
        let thread = citizen_messages::Thread::aspirasi(&row);
        let response: Vec<String> = row.response.iter().map(|r| format!("\nTanggapan: {r}")).collect();
        // One message per change, even back to an earlier status.
        let event = format!("{}:{}", row.status.as_str(), row.updated_at.timestamp_millis());
        citizen_messages::status_changed(txn, &thread, &event, row.status.public_label(), &response).await?;
    }
    Ok(out)
}
