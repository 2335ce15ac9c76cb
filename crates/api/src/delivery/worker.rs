//! The delivery worker: a task of the server that sends what the outbox holds, a batch at a time,
//! and sleeps when nothing is due. Several replicas may each run one (see [`super::outbox::claim`]).

use super::outbox;
use super::Channels;
use crate::entities::outbox::Model;
use chrono::Utc;
use sea_orm::DatabaseConnection;
use std::time::Duration;

/// Messages taken per round.
const BATCH: u64 = 20;

/// Starts the worker on the current runtime; it runs while the server does. Nothing starts when no
/// channel is configured (the messages wait in the outbox).
pub fn spawn(db: DatabaseConnection, channels: Channels, every: Duration) {
    if channels.names().is_empty() {
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

/// Sends one batch of due messages; answers how many were taken.
pub async fn round(db: &DatabaseConnection, channels: &Channels) -> crate::error::ApiResult<usize> {
    let taken = outbox::claim(db, &channels.names(), Utc::now(), BATCH).await?;
    for row in &taken {
        deliver(db, channels, row).await?;
    }
    Ok(taken.len())
}

async fn deliver(db: &DatabaseConnection, channels: &Channels, row: &Model) -> crate::error::ApiResult<()> {
    let Some(channel) = channels.get(&row.channel) else {
        return outbox::failed(db, row, "saluran tidak dikonfigurasi").await;
    };
    let text = row.body.replace("{app}", &channels.app_url);
    let stop = row.stop_path.as_ref().map(|p| format!("{}{p}", channels.app_url));
    match channel.send(&row.recipient, &row.subject, &text, stop.as_deref()).await {
        Ok(()) => {
            tracing::info!(id = row.id, kind = %row.event_kind, channel = %row.channel, "message sent");
            outbox::sent(db, row).await
        }
        Err(why) => {
            tracing::warn!(id = row.id, kind = %row.event_kind, channel = %row.channel, attempt = row.attempts, error = %why, "message not sent");
            outbox::failed(db, row, &why).await
        }
    }
}
