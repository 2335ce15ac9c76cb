//! Outgoing webhooks: the BKPSDM's subscriptions and their delivery log. The events themselves
//! are announced by the audit (see `delivery::events`).

use crate::audit::{Actor, Change};
use crate::entities::{outbox, webhooks};
use crate::error::{ApiError, ApiResult};
use chrono::Utc;
use kinerja_types::{Delivery, Invalid, Issue, NewWebhook, Webhook, WebhookChange, WEBHOOK_EVENTS};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait,
    IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

pub fn to_wire(w: &webhooks::Model) -> Webhook {
    Webhook {
        id: w.id,
        url: w.url.clone(),
        events: crate::delivery::events::subscribed(w),
        description: w.description.clone(),
        active: w.active,
        created_at: w.created_at,
        updated_at: w.updated_at,
    }
}

/// An address events may go to: `https://` of a public host, without credentials in it; a plain
/// `http://` or a local or private address only where the server allows it
/// (`KINERJA_WEBHOOKS_ALLOW_HTTP`: a bridge beside the server, and tests), so that an admin's URL
/// cannot point the server at its own network. (A public name resolving to a private address is
/// not caught: the known limit.)
fn check_url(url: &str, allow_http: bool) -> ApiResult<String> {
    let url = url.trim();
    let parsed = reqwest::Url::parse(url).map_err(|_| ApiError::field("url", Invalid::WebhookUrl))?;
    let scheme_ok = parsed.scheme() == "https" || (allow_http && parsed.scheme() == "http");
    let host = parsed.host_str().unwrap_or_default().trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
    let local = match host.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(ip)) => {
            ip.is_loopback() || ip.is_private() || ip.is_link_local() || ip.is_unspecified() || ip.is_broadcast()
        }
        Ok(std::net::IpAddr::V6(ip)) => {
            let first = ip.segments()[0];
            ip.is_loopback() || ip.is_unspecified() || (first & 0xfe00) == 0xfc00 || (first & 0xffc0) == 0xfe80
        }
        Err(_) => {
            host.is_empty()
                || host == "localhost"
                || [".localhost", ".local", ".internal"].iter().any(|s| host.ends_with(s))
        }
    };
    if !scheme_ok || (local && !allow_http) || !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(ApiError::field("url", Invalid::WebhookUrl));
    }
    Ok(url.to_owned())
}

/// The events as stored: known names, at least one, each once.
fn check_events(list: &[String]) -> ApiResult<String> {
    if list.is_empty() {
        return Err(ApiError::field("events", Invalid::WebhookNoEvents));
    }
    let mut out: Vec<&str> = Vec::new();
    for e in list {
        let known = WEBHOOK_EVENTS
            .iter()
            .find(|k| **k == e.trim())
            .ok_or_else(|| ApiError::field("events", Issue::new(Invalid::WebhookEvent).with("value", e)))?;
        if !out.contains(known) {
            out.push(known);
        }
    }
    Ok(serde_json::to_string(&out).unwrap_or_else(|_| "[]".into()))
}

/// Subscribes an address (the caller checked the capability). Audited without the secret.
pub async fn create(
    txn: &DatabaseTransaction,
    actor: &Actor,
    user_id: i64,
    body: &NewWebhook,
    allow_http: bool,
) -> ApiResult<Webhook> {
    let now = Utc::now();
    let row = webhooks::ActiveModel {
        url: Set(check_url(&body.url, allow_http)?),
        events: Set(check_events(&body.events)?),
        secret: Set(body.secret.clone()),
        description: Set(body.description.as_deref().map(str::trim).filter(|d| !d.is_empty()).map(str::to_owned)),
        active: Set(true),
        created_by_user_id: Set(user_id),
        created_at: Set(now),
        updated_at: Set(now),
        removed_at: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let out = to_wire(&row);
    crate::audit::record(txn, actor, Change::new("webhook.create", "webhook", row.id).after(&out)).await?;
    Ok(out)
}

/// The subscriptions not removed, newest first: a page and the total.
pub async fn list(db: &impl ConnectionTrait, offset: u64, limit: u64) -> ApiResult<(Vec<Webhook>, u64)> {
    let select = webhooks::Entity::find().filter(webhooks::Column::RemovedAt.is_null());
    let total = select.clone().count(db).await?;
    let rows = select.order_by_desc(webhooks::Column::Id).offset(offset).limit(limit).all(db).await?;
    Ok((rows.iter().map(to_wire).collect(), total))
}

/// Changes a subscription (address, events, secret, on or off). Audited without the secret.
pub async fn update(
    txn: &DatabaseTransaction,
    actor: &Actor,
    id: i64,
    body: &WebhookChange,
    allow_http: bool,
) -> ApiResult<Webhook> {
    let row = webhooks::Entity::find_by_id(id)
        .filter(webhooks::Column::RemovedAt.is_null())
        .one(txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    let before = to_wire(&row);
    let mut active = row.into_active_model();
    if let Some(url) = &body.url {
        active.url = Set(check_url(url, allow_http)?);
    }
    if let Some(list) = &body.events {
        active.events = Set(check_events(list)?);
    }
    if let Some(secret) = &body.secret {
        active.secret = Set(secret.clone());
    }
    if let Some(on) = body.active {
        active.active = Set(on);
    }
    active.updated_at = Set(Utc::now());
    let row = active.update(txn).await?;
    let out = to_wire(&row);
    let change = Change::new("webhook.update", "webhook", id).before(&before).after(&out);
    crate::audit::record(txn, actor, change).await?;
    Ok(out)
}

/// Removes a subscription: it is sent nothing more, what was queued for it is given up, and it
/// stays only for its delivery log. Removing again changes nothing. Audited.
pub async fn delete(txn: &DatabaseTransaction, actor: &Actor, id: i64) -> ApiResult<()> {
    let row = webhooks::Entity::find_by_id(id).one(txn).await?.ok_or(ApiError::NotFound)?;
    if row.removed_at.is_some() {
        return Ok(());
    }
    let before = to_wire(&row);
    let mut removed = row.into_active_model();
    removed.active = Set(false);
    removed.removed_at = Set(Some(Utc::now()));
    removed.update(txn).await?;
    outbox::Entity::update_many()
        .col_expr(outbox::Column::Status, Expr::value("dead"))
        .col_expr(outbox::Column::LastError, Expr::value(Some("langganan webhook dihapus".to_owned())))
        .filter(outbox::Column::Channel.eq("webhook"))
        .filter(outbox::Column::Recipient.eq(id.to_string()))
        .filter(outbox::Column::Status.eq("pending"))
        .exec(txn)
        .await?;
    crate::audit::record(txn, actor, Change::new("webhook.delete", "webhook", id).before(&before)).await?;
    Ok(())
}

/// The deliveries to one subscription, newest first: a page and the total.
pub async fn deliveries(
    db: &impl ConnectionTrait,
    id: i64,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<Delivery>, u64)> {
    webhooks::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let select = outbox::Entity::find()
        .filter(outbox::Column::Channel.eq("webhook"))
        .filter(outbox::Column::Recipient.eq(id.to_string()));
    let total = select.clone().count(db).await?;
    let rows = select.order_by_desc(outbox::Column::Id).offset(offset).limit(limit).all(db).await?;
    Ok((rows.into_iter().map(crate::services::deliveries::to_wire).collect(), total))
}
