//! The webhook channel: posts an event (the outbox row's JSON text, as stored) to the address of
//! the subscription the row names, signed with its secret:
//! `X-Kinerja-Signature: sha256=<hex HMAC-SHA256 of the body>`.

use super::channels::{Channel, Refusal, Sending};
use crate::entities::webhooks;
use hmac::{Hmac, Mac};
use sea_orm::{DatabaseConnection, EntityTrait};
use sha2::Sha256;
use std::time::Duration;

/// The signature header's value for `body` under `secret`.
pub fn signature(secret: &str, body: &[u8]) -> String {
    // HMAC takes a key of any length.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap_or_else(|_| unreachable!());
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Deliveries to the subscriptions of the `webhooks` table.
pub struct Webhooks {
    db: DatabaseConnection,
    client: reqwest::Client,
}

impl Webhooks {
    pub fn new(db: DatabaseConnection) -> Self {
        // No redirects: a signed event goes where it was subscribed, nowhere else.
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Self { db, client }
    }
}

impl Channel for Webhooks {
    fn name(&self) -> &'static str {
        "webhook"
    }

    /// `to` is the subscription's id, `subject` the event's name, `text` its JSON; `key` names the
    /// delivery (the same on every attempt and on a replay).
    fn send<'a>(
        &'a self,
        key: &'a str,
        to: &'a str,
        subject: &'a str,
        text: &'a str,
        _stop: Option<&'a str>,
    ) -> Sending<'a> {
        Box::pin(async move {
            let id: i64 = to.parse().map_err(|_| Refusal::permanent("langganan tidak dikenal"))?;
            let hook = webhooks::Entity::find_by_id(id)
                .one(&self.db)
                .await
                .map_err(|e| Refusal::passing(format!("basis data: {e}")))?
                .filter(|h| h.removed_at.is_none())
                .ok_or_else(|| Refusal::permanent("langganan webhook sudah dihapus"))?;
            let event_id = serde_json::from_str::<serde_json::Value>(text)
                .ok()
                .and_then(|v| v["id"].as_str().map(str::to_owned))
                .unwrap_or_default();
            let answer = self
                .client
                .post(&hook.url)
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .header("User-Agent", "Kinerja-Webhook/1")
                .header("X-Kinerja-Event", subject)
                .header("X-Kinerja-Event-Id", event_id)
                .header("X-Kinerja-Delivery", key)
                .header("Idempotency-Key", key)
                .header("X-Kinerja-Signature", signature(&hook.secret, text.as_bytes()))
                .body(text.to_owned())
                .send()
                .await
                .map_err(|e| {
                    let why = match () {
                        () if e.is_timeout() => "waktu habis",
                        () if e.is_connect() => "sambungan gagal",
                        () => "galat jaringan",
                    };
                    Refusal::passing(format!("penerima tidak terjangkau ({why})"))
                })?;
            let status = answer.status();
            if status.is_success() {
                return Ok(());
            }
            // Only the status is kept: the answer's body is the receiver's business. 410 Gone: the
            // receiver says this subscription is over. Anything else may pass (a receiver down, a
            // bad deploy on their side): retried with back-off, and replayable.
            Err(Refusal { why: format!("penerima menjawab HTTP {}", status.as_u16()), permanent: status == 410 })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_is_hmac_sha256_hex() {
        // RFC 4231 test case 2.
        assert_eq!(
            signature("Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
