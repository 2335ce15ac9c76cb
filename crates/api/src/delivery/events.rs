//! Events of the app for the webhook subscriptions. An event is an audited change (one
//! mechanism: whatever is audited can be announced), written to the outbox in the change's own
//! transaction for each active subscription to it, so it goes at least once and only if the change
//! was kept. An event is thin: its name, id, moment, the entity and its id, the status it moved to,
//! and the API path to read the rest with a token that may see it; no personal data travels in it.

use crate::entities::webhooks;
use crate::error::ApiResult;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};

/// What the audit recorded, as an event needs it.
pub struct Announced<'a> {
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<&'a str>,
    pub after: Option<&'a serde_json::Value>,
    pub at: DateTime<Utc>,
}

/// The events a subscription listens to.
pub fn subscribed(w: &webhooks::Model) -> Vec<String> {
    crate::stored::json::<Vec<String>>("webhooks.events", &w.events)
}

/// The event an audited action announces, if any.
pub fn event_of(action: &str) -> Option<&'static str> {
    Some(match action {
        "activity.submit" => "activity.submitted",
        "activity.approve" => "activity.approved",
        "activity.reject" => "activity.rejected",
        "skp.submit" => "skp.submitted",
        "skp.approve" | "skp.approve_by_admin_for_missing_penilai" => "skp.approved",
        "skp.return" => "skp.returned",
        "assessment.finalized" => "assessment.finalized",
        "assessment.objected" => "assessment.objected",
        "assessment.decided" => "assessment.decided",
        "complaint.file" => "complaint.filed",
        "complaint.transition" | "complaint.postpone" => "complaint.status_changed",
        "leave.create" => "leave.recorded",
        _ => return None,
    })
}

/// Where the API serves the entity an event is about.
fn resource(entity: &str, id: &str) -> Option<String> {
    let path = match entity {
        "activity" => "activities",
        "skp" => "skps",
        "assessment" => "assessments",
        "complaint" => "complaints",
        _ => return None,
    };
    Some(format!("/api/v1/{path}/{id}"))
}

/// Queues the event of `change` (audit entry `audit_id`, hashed `hash`, made at `at`) for each
/// active subscription to it, in the change's transaction. Nothing when the action announces
/// nothing or no one listens.
pub async fn announce(txn: &DatabaseTransaction, change: &Announced<'_>, audit_id: i64, hash: &str) -> ApiResult<()> {
    let at = change.at;
    let Some(event) = event_of(change.action) else { return Ok(()) };
    let listening: Vec<webhooks::Model> = webhooks::Entity::find()
        .filter(webhooks::Column::Active.eq(true))
        .filter(webhooks::Column::RemovedAt.is_null())
        .all(txn)
        .await?
        .into_iter()
        .filter(|w| subscribed(w).iter().any(|e| e == event))
        .collect();
    if listening.is_empty() {
        return Ok(());
    }
    // The same on every attempt and every subscription: a receiver drops a repeat by it.
    let id = format!("evt_{audit_id}_{}", &hash[..hash.len().min(16)]);
    let entity_id = change.entity_id.unwrap_or_default().to_owned();
    // The status the entity moved to: fixed by the event, or a complaint's new status word. Never
    // the audit's free text (a rejection's note is a person's words).
    let status = match event {
        "complaint.status_changed" => change
            .after
            .and_then(|a| a.as_str().or_else(|| a.get("status").and_then(|s| s.as_str())))
            .filter(|s| s.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .map(str::to_owned),
        "complaint.filed" => Some("received".to_owned()),
        "leave.recorded" => None,
        other => other.split('.').nth(1).map(str::to_owned),
    };
    let body = serde_json::json!({
        "id": id,
        "event": event,
        "occurred_at": at,
        "entity": change.entity,
        "entity_id": entity_id,
        "status": status,
        "resource": resource(change.entity, &entity_id),
    })
    .to_string();
    for hook in listening {
        let message = super::Outgoing {
            event_key: id.clone(),
            event_kind: event,
            to: super::Recipient::Webhook(hook.id),
            subject: event.to_owned(),
            body: body.clone(),
            stop_path: None,
        };
        super::enqueue(txn, message).await?;
    }
    Ok(())
}
