//! The delivery worker: a task of the server that sends what the outbox holds, a batch at a time,
//! and sleeps when nothing is due. Several replicas may each run one (see [`super::outbox::claim`]).

use super::channels::framed;
use super::outbox;
use super::Channels;
use crate::entities::outbox::Model;
use chrono::Utc;
use kinerja_types::PemdaSettings;
use sea_orm::DatabaseConnection;
use std::time::Duration;

/// Messages sent per round before the worker looks at the clock again.
const BATCH: usize = 20;

/// Starts the worker on the current runtime; it runs while the server does. Nothing starts when no
/// channel is configured (the messages wait in the outbox).
pub fn spawn(db: DatabaseConnection, channels: Channels, every: Duration) {
    if channels.carried().is_empty() {
        return;
    }
    tokio::spawn(async move {
        loop {
            match round(&db, &channels).await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "outbox round failed"),
            }
            tokio::time::sleep(every).await;
        }
    });
}

/// Sends up to [`BATCH`] due messages, each taken just before it is sent (so its lease covers one
/// send, not a queue of them); answers how many were taken.
pub async fn round(db: &DatabaseConnection, channels: &Channels) -> crate::error::ApiResult<usize> {
    let names = channels.carried();
    let mut taken = 0;
    let mut settings = None;
    while taken < BATCH {
        let Some(row) = outbox::claim(db, &names, Utc::now(), 1).await?.pop() else { break };
        if settings.is_none() {
            settings = Some(crate::pemda_settings::load(db).await?);
        }
        deliver(db, channels, settings.as_ref().unwrap_or(&PemdaSettings::default()), &row).await?;
        taken += 1;
    }
    Ok(taken)
}

async fn deliver(
    db: &DatabaseConnection,
    channels: &Channels,
    settings: &PemdaSettings,
    row: &Model,
) -> crate::error::ApiResult<()> {
    let Some(channel) = channels.get(&row.channel) else {
        return outbox::failed(db, row, "saluran tidak dikonfigurasi", false).await;
    };
    // An event goes as stored: its signature is over those bytes.
    let text = match row.channel.as_str() {
        "webhook" | "bkn" => row.body.clone(),
        "whatsapp" => {
            framed(&settings.whatsapp_template, &settings.pemda_name, &row.body.replace("{app}", &channels.app_url))
        }
        _ => row.body.replace("{app}", &channels.app_url),
    };
    let stop = row.stop_path.as_ref().map(|p| format!("{}{p}", channels.app_url));
    // The row and the moment it was written: unique across databases (a restored copy, a
    // staging server sharing the gateway) where the id alone is not.
    let key = format!("kinerja-outbox-{}-{}", row.id, row.created_at.timestamp_millis());
    match channel.send(&key, &row.recipient, &row.subject, &text, stop.as_deref()).await {
        Ok(()) => {
            tracing::info!(id = row.id, kind = %row.event_kind, channel = %row.channel, "message sent");
            outbox::sent(db, row).await
        }
        Err(refusal) => {
            // A server's refusal often repeats the address: the log and the delivery log mask it.
            // (A webhook's or an export record's recipient is an id, not an address: nothing to mask.)
            let why = match row.channel.as_str() {
                "webhook" | "bkn" => refusal.why.clone(),
                _ => refusal.why.replace(&row.recipient, &kinerja_domain::contact::mask(&row.recipient)),
            };
            if row.channel == "bkn" && !refusal.permanent && row.attempts >= outbox::MAX_ATTEMPTS {
                if let Ok(id) = row.recipient.parse() {
                    super::bkn::undelivered(db, id, &why).await?;
                }
            }
            tracing::warn!(id = row.id, kind = %row.event_kind, channel = %row.channel, attempt = row.attempts, permanent = refusal.permanent, error = %why, "message not sent");
            outbox::failed(db, row, &why, refusal.permanent).await
        }
    }
}
