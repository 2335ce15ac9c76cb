//! The `bkn` channel: posts an export record (the outbox row's JSON envelope, as stored) to the
//! Pemda's bridge toward BKN (`KINERJA_BKN_BRIDGE_URL`), with the record's own idempotency key
//! (the same for the same content, across exports and retries) and, when
//! `KINERJA_BKN_BRIDGE_SECRET` is set, `X-Kinerja-Signature` as for webhooks. The bridge answers
//! 2xx with `{"status":"accepted"}` or `{"status":"rejected","reason":"…"}`, or a 4xx with a
//! `reason` for a record it refuses; a 5xx or no answer is retried with back-off.

use super::channels::{Channel, Refusal, Sending};
use super::webhook::signature;
use crate::entities::bkn_export_records;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::time::Duration;

/// Deliveries to the bridge.
pub struct Bridge {
    db: sea_orm::DatabaseConnection,
    client: reqwest::Client,
    url: String,
    secret: Option<String>,
}

impl Bridge {
    pub fn new(db: sea_orm::DatabaseConnection, url: String, secret: Option<String>) -> Self {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Self { db, client, url, secret }
    }
}

/// The bridge's reason in its answer, cut to a length the report shows.
fn reason_of(body: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(body).ok()?;
    let text = v["reason"].as_str().or(v["message"].as_str())?;
    Some(text.chars().take(500).collect())
}

impl Channel for Bridge {
    fn name(&self) -> &'static str {
        "bkn"
    }

    /// `to` is the export record's id, `text` its envelope.
    fn send<'a>(
        &'a self,
        _key: &'a str,
        to: &'a str,
        subject: &'a str,
        text: &'a str,
        _stop: Option<&'a str>,
    ) -> Sending<'a> {
        Box::pin(async move {
            let id: i64 = to.parse().map_err(|_| Refusal::permanent("rekaman ekspor tidak dikenal"))?;
            let idempotency = serde_json::from_str::<serde_json::Value>(text)
                .ok()
                .and_then(|v| v["idempotency_key"].as_str().map(str::to_owned))
                .unwrap_or_default();
            let mut request = self
                .client
                .post(&self.url)
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .header("User-Agent", "Kinerja-BKN/1")
                .header("Idempotency-Key", &idempotency)
                .header("X-Kinerja-Record", subject);
            if let Some(secret) = &self.secret {
                request = request.header("X-Kinerja-Signature", signature(secret, text.as_bytes()));
            }
            let answer = request.body(text.to_owned()).send().await.map_err(|e| {
                Refusal::passing(format!(
                    "jembatan BKN tidak terjangkau ({})",
                    if e.is_timeout() { "waktu habis" } else { "sambungan gagal" }
                ))
            })?;
            let status = answer.status();
            let body = answer.text().await.unwrap_or_default();
            let record = |accepted: bool, reason: Option<String>| async move {
                answered(&self.db, id, accepted, reason).await.map_err(|e| Refusal::passing(format!("basis data: {e}")))
            };
            if status.is_success() {
                let rejected = serde_json::from_str::<serde_json::Value>(&body)
                    .ok()
                    .is_some_and(|v| v["status"].as_str() == Some("rejected"));
                record(!rejected, if rejected { reason_of(&body) } else { None }).await?;
                return Ok(());
            }
            if status.is_client_error() && !matches!(status.as_u16(), 408 | 429) {
                let why = reason_of(&body).unwrap_or_else(|| format!("jembatan menjawab HTTP {}", status.as_u16()));
                record(false, Some(why.clone())).await?;
                return Err(Refusal::permanent(format!("ditolak: {why}")));
            }
            Err(Refusal::passing(format!("jembatan menjawab HTTP {}", status.as_u16())))
        })
    }
}

/// A record the outbox gave up on (the bridge never answered after every attempt): `failed`,
/// with the last reason; a new export sends it again.
pub async fn undelivered(db: &impl ConnectionTrait, record_id: i64, why: &str) -> Result<(), sea_orm::DbErr> {
    bkn_export_records::Entity::update_many()
        .col_expr(bkn_export_records::Column::Status, sea_orm::sea_query::Expr::value("failed"))
        .col_expr(bkn_export_records::Column::Reason, sea_orm::sea_query::Expr::value(Some(why.to_owned())))
        .col_expr(bkn_export_records::Column::UpdatedAt, sea_orm::sea_query::Expr::value(chrono::Utc::now()))
        .filter(bkn_export_records::Column::Id.eq(record_id))
        .filter(bkn_export_records::Column::Status.eq("sent"))
        .exec(db)
        .await?;
    Ok(())
}

/// What the bridge answered for a record: `accepted`, or `rejected` with its reason.
pub async fn answered(
    db: &impl ConnectionTrait,
    record_id: i64,
    accepted: bool,
    reason: Option<String>,
) -> Result<(), sea_orm::DbErr> {
    bkn_export_records::Entity::update_many()
        .col_expr(
            bkn_export_records::Column::Status,
            sea_orm::sea_query::Expr::value(if accepted { "accepted" } else { "rejected" }),
        )
        .col_expr(bkn_export_records::Column::Reason, sea_orm::sea_query::Expr::value(reason))
        .col_expr(bkn_export_records::Column::UpdatedAt, sea_orm::sea_query::Expr::value(chrono::Utc::now()))
        .filter(bkn_export_records::Column::Id.eq(record_id))
        .exec(db)
        .await?;
    Ok(())
}
