//! Messages to a citizen who left an e-mail address or a WhatsApp number with a complaint or an
//! aspirasi: its tracking code when it is sent, then a line at each status change they can see,
//! each with a link to follow it and one to stop the messages. Written to the outbox in the
//! transaction of the change; nothing in them names anyone, and the citizen's own text is not
//! repeated.

use crate::delivery::{self, Outgoing};
use crate::entities::{complaints, forum_inputs};
use crate::error::{ApiError, ApiResult};
use chrono::Utc;
use kinerja_domain::Contact;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

/// What a citizen follows: a complaint or an aspirasi, as the messages need it.
pub struct Thread<'a> {
    /// `complaint` or `aspirasi`, and its id: the start of every event key.
    kind: &'static str,
    id: i64,
    code: &'a str,
    contact: Option<&'a str>,
    token: Option<&'a str>,
    stopped: bool,
}

impl<'a> Thread<'a> {
    pub fn complaint(c: &'a complaints::Model) -> Self {
        Self {
            kind: "complaint",
            id: c.id,
            code: &c.tracking_code,
            contact: c.contact.as_deref(),
            token: c.notify_token.as_deref(),
            stopped: c.notify_stopped_at.is_some(),
        }
    }

    pub fn aspirasi(i: &'a forum_inputs::Model) -> Self {
        Self {
            kind: "aspirasi",
            id: i.id,
            code: &i.tracking_code,
            contact: i.contact.as_deref(),
            token: i.notify_token.as_deref(),
            stopped: i.notify_stopped_at.is_some(),
        }
    }

    /// Where its messages go, if its contact can receive them and they were not stopped.
    fn recipient(&self) -> Option<(Contact, &'a str)> {
        if self.stopped {
            return None;
        }
        Some((Contact::parse(self.contact?)?, self.token?))
    }

    fn noun(&self) -> &'static str {
        if self.kind == "complaint" {
            "pengaduan"
        } else {
            "aspirasi"
        }
    }

    fn footer(&self, token: &str) -> String {
        format!(
            "Lihat perkembangannya: {{app}}/lacak/{code}\n\n\
             Pesan ini dikirim karena Anda mencantumkan kontak ini pada {noun} {code}. \
             Berhenti menerima pesan: {{app}}{stop}\n",
            code = self.code,
            noun = self.noun(),
            stop = stop_path(token)
        )
    }

    async fn send(&self, db: &impl ConnectionTrait, event: &str, subject: String, lead: String) -> ApiResult<()> {
        let Some((to, token)) = self.recipient() else { return Ok(()) };
        let message = Outgoing {
            event_key: format!("{}:{}:{event}", self.kind, self.id),
            event_kind: if event == "filed" { "citizen.filed" } else { "citizen.status" },
            to: (&to).into(),
            subject,
            body: format!("{lead}\n{}", self.footer(token)),
            stop_path: Some(stop_path(token)),
        };
        delivery::enqueue(db, message).await
    }
}

/// The secret of a new complaint's or aspirasi's "stop messages" link, when its contact can
/// receive messages.
pub fn token_for(contact: Option<&str>) -> Option<String> {
    contact.and_then(Contact::parse).map(|_| crate::services::public_codes::secret_token())
}

/// The path of the page that stops the messages of the thread holding `token`.
pub fn stop_path(token: &str) -> String {
    format!("/berhenti/{token}")
}

/// Queues the tracking code of what was just sent.
pub async fn filed(db: &impl ConnectionTrait, t: &Thread<'_>) -> ApiResult<()> {
    let (code, noun) = (t.code, t.noun());
    let lead = format!(
        "Terima kasih, {noun} Anda sudah kami terima.\n\nKode pelacakan: {code}\n\
         Simpan kode ini untuk melihat tanggapan kami.\n"
    );
    let subject = if t.kind == "complaint" {
        format!("Pengaduan Anda diterima: {code}")
    } else {
        format!("Aspirasi Anda diterima: {code}")
    };
    t.send(db, "filed", subject, lead).await
}

/// Queues the news of a status change: `event` names the change uniquely (the complaint event's
/// id, the aspirasi's new status), `status` is the label the citizen sees, `extra` lines follow.
pub async fn status_changed(
    db: &impl ConnectionTrait,
    t: &Thread<'_>,
    event: &str,
    status: &str,
    extra: &[String],
) -> ApiResult<()> {
    let (code, noun) = (t.code, t.noun());
    let mut lead = format!("Status {noun} {code} kini: {status}.\n");
    for line in extra {
        lead.push_str(line);
        lead.push('\n');
    }
    let mut title = noun.to_owned();
    title[..1].make_ascii_uppercase();
    t.send(db, &format!("status:{event}"), format!("{title} {code}: {status}"), lead).await
}

/// The lines of a complaint's news after its status: a postponement and the public response.
pub fn complaint_details(c: &complaints::Model) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(until) = c.postponed_until {
        lines.push(format!("Tindak lanjut ditunda sampai {}.", kinerja_types::text::day(until, false)));
    }
    if let Some(response) = &c.public_response {
        lines.push(format!("\nTanggapan: {response}"));
    }
    lines
}

/// The tracking code of the thread holding `token` and whether it still sends messages; `stop`
/// stops them first (stopping twice is the same as once). 404 for an unknown token.
pub async fn by_token(db: &impl ConnectionTrait, token: &str, stop: bool) -> ApiResult<(String, bool)> {
    let now = Utc::now();
    if let Some(c) = complaints::Entity::find().filter(complaints::Column::NotifyToken.eq(token)).one(db).await? {
        let code = c.tracking_code.clone();
        let sending = c.notify_stopped_at.is_none();
        if stop && sending {
            let mut active = c.into_active_model();
            active.notify_stopped_at = Set(Some(now));
            active.update(db).await?;
        }
        return Ok((code, sending && !stop));
    }
    if let Some(i) = forum_inputs::Entity::find().filter(forum_inputs::Column::NotifyToken.eq(token)).one(db).await? {
        let code = i.tracking_code.clone();
        let sending = i.notify_stopped_at.is_none();
        if stop && sending {
            let mut active = i.into_active_model();
            active.notify_stopped_at = Set(Some(now));
            active.update(db).await?;
        }
        return Ok((code, sending && !stop));
    }
    Err(ApiError::NotFound)
}
