//! A person's messages outside the app: their verified e-mail address and WhatsApp number, the
//! groups of events they keep out, their quiet hours; and the copy of each in-app notification
//! that goes to those channels (written to the outbox with the notification).

use crate::delivery::{self, Outgoing};
use crate::entities::message_settings as settings;
use crate::error::{ApiError, ApiResult};
use chrono::{DateTime, Duration, Utc};
use kinerja_domain::Contact;
use kinerja_types::{
    ContactCode, Invalid, Issue, MessagePreferences, MessageSettings, MESSAGE_CHANNELS, MESSAGE_GROUPS,
};
use rand::Rng;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
};
use sha2::{Digest, Sha256};

/// How long a verification code holds, and how many wrong tries it takes.
const CODE_LIFE: Duration = Duration::minutes(15);
const CODE_TRIES: i32 = 5;

/// The group an event kind belongs to (see `MESSAGE_GROUPS`).
pub fn group(kind: &str) -> &'static str {
    match kind {
        k if k.starts_with("skp.") || k.starts_with("rhk.") => "skp",
        k if k.starts_with("activity.") => "activity",
        k if k == "assessment_review" || k.starts_with("evaluation_follow_up") => "evaluation",
        k if k.starts_with("assessment.") => "assessment",
        k if k.starts_with("complaint") || k == "aspirasi" => "service",
        _ => "feedback",
    }
}

/// The muted entries in their shortest form, one per group: a group kept off every channel as
/// the group alone, else the channel it is kept off.
fn normalized_muted(muted: &[String]) -> Vec<String> {
    let off = |channel: &str, group: &str| muted.iter().any(|m| m == group || *m == format!("{channel}:{group}"));
    MESSAGE_GROUPS
        .iter()
        .filter_map(|g| {
            let channels: Vec<&str> = MESSAGE_CHANNELS.iter().copied().filter(|c| off(c, g)).collect();
            match channels.as_slice() {
                [] => None,
                [one] if MESSAGE_CHANNELS.len() > 1 => Some(format!("{one}:{g}")),
                _ => Some((*g).to_owned()),
            }
        })
        .collect()
}

/// The group in words, for a message that names no one.
pub(crate) fn group_words(group: &str) -> &'static str {
    match group {
        "skp" => "perencanaan SKP",
        "activity" => "aktivitas harian",
        "assessment" => "penilaian kinerja",
        "evaluation" => "tim penilai dan evaluasi",
        "service" => "layanan publik",
        _ => "umpan balik dan pengembangan",
    }
}

fn hash(code: &str) -> String {
    hex::encode(Sha256::digest(code.as_bytes()))
}

fn hhmm(minutes: i16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn parse_hhmm(text: &str) -> Option<i16> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (i16, i16) = (h.parse().ok()?, m.parse().ok()?);
    ((0..24).contains(&h) && (0..60).contains(&m)).then_some(h * 60 + m)
}

async fn row(db: &impl ConnectionTrait, user_id: i64) -> ApiResult<Option<settings::Model>> {
    Ok(settings::Entity::find_by_id(user_id).one(db).await?)
}

fn blank(user_id: i64) -> settings::Model {
    settings::Model {
        user_id,
        email: None,
        email_verified_at: None,
        whatsapp: None,
        whatsapp_verified_at: None,
        code_channel: None,
        code_hash: None,
        code_expires_at: None,
        code_tries: 0,
        muted: String::new(),
        quiet_from: None,
        quiet_to: None,
        updated_at: Utc::now(),
        digest: false,
    }
}

async fn save(db: &impl ConnectionTrait, exists: bool, m: settings::Model) -> ApiResult<settings::Model> {
    let mut active = m.into_active_model();
    active.updated_at = Set(Utc::now());
    if exists {
        // Every field may have changed.
        Ok(active.reset_all().update(db).await?)
    } else {
        Ok(active.reset_all().insert(db).await?)
    }
}

pub fn to_wire(m: &settings::Model, channels: &[&str]) -> MessageSettings {
    MessageSettings {
        email: m.email.clone(),
        email_verified: m.email_verified_at.is_some(),
        whatsapp: m.whatsapp.clone(),
        whatsapp_verified: m.whatsapp_verified_at.is_some(),
        muted: m.muted.split(',').filter(|g| !g.is_empty()).map(str::to_owned).collect(),
        quiet_from: m.quiet_from.map(hhmm),
        quiet_to: m.quiet_to.map(hhmm),
        digest: m.digest,
        channels: channels.iter().map(|c| (*c).to_owned()).collect(),
    }
}

/// The person's settings (empty ones before they set any).
pub async fn get(db: &impl ConnectionTrait, user_id: i64, channels: &[&str]) -> ApiResult<MessageSettings> {
    Ok(to_wire(&row(db, user_id).await?.unwrap_or_else(|| blank(user_id)), channels))
}

/// Keeps the groups kept out and the quiet hours (422 for an unknown group, or quiet hours not
/// both `HH:MM` and different).
pub async fn set_preferences(
    db: &impl ConnectionTrait,
    user_id: i64,
    body: &MessagePreferences,
    channels: &[&str],
) -> ApiResult<MessageSettings> {
    for g in &body.muted {
        let group = match g.split_once(':') {
            Some((channel, group)) if MESSAGE_CHANNELS.contains(&channel) => group,
            Some(_) => "",
            None => g.as_str(),
        };
        if !MESSAGE_GROUPS.contains(&group) {
            return Err(ApiError::field("muted", Issue::new(Invalid::MessageGroup).with("value", g)));
        }
    }
    let quiet = match (body.quiet_from.as_deref(), body.quiet_to.as_deref()) {
        (None | Some(""), None | Some("")) => (None, None),
        (Some(a), Some(b)) => match (parse_hhmm(a), parse_hhmm(b)) {
            (Some(a), Some(b)) if a != b => (Some(a), Some(b)),
            _ => return Err(ApiError::field("quiet_from", Invalid::QuietHours)),
        },
        _ => return Err(ApiError::field("quiet_from", Invalid::QuietHours)),
    };
    let existing = row(db, user_id).await?;
    let exists = existing.is_some();
    let mut m = existing.unwrap_or_else(|| blank(user_id));
    m.muted = normalized_muted(&body.muted).join(",");
    (m.quiet_from, m.quiet_to) = quiet;
    m.digest = body.digest;
    Ok(to_wire(&save(db, exists, m).await?, channels))
}

/// Records a new address on the channel its form names, not yet verified, and sends it a 6-digit
/// code through the outbox (422 when it is neither an e-mail address nor a mobile number, or its
/// channel is not configured; 429 after five codes in an hour).
pub async fn change_contact(
    db: &impl ConnectionTrait,
    user_id: i64,
    address: &str,
    channels: &[&str],
) -> ApiResult<MessageSettings> {
    let contact = Contact::parse(address).ok_or_else(|| ApiError::field("address", Invalid::ContactUnreachable))?;
    if !channels.contains(&contact.channel()) {
        return Err(ApiError::field("address", Invalid::ChannelNotConfigured));
    }
    crate::services::rate_limit::hit(db, crate::services::rate_limit::CONTACT_CODES_PER_USER, &user_id.to_string())
        .await?;
    let existing = row(db, user_id).await?;
    let exists = existing.is_some();
    let mut m = existing.unwrap_or_else(|| blank(user_id));
    match &contact {
        Contact::Email(a) => (m.email, m.email_verified_at) = (Some(a.clone()), None),
        Contact::WhatsApp(a) => (m.whatsapp, m.whatsapp_verified_at) = (Some(a.clone()), None),
    }
    let code = format!("{:06}", rand::rng().random_range(0..1_000_000));
    m.code_channel = Some(contact.channel().to_owned());
    m.code_hash = Some(hash(&code));
    m.code_expires_at = Some(Utc::now() + CODE_LIFE);
    m.code_tries = 0;
    let saved = save(db, exists, m).await?;
    let nonce = crate::services::public_codes::secret_token();
    delivery::enqueue(
        db,
        Outgoing {
            event_key: format!("verify:{user_id}:{}", &nonce[..16]),
            event_kind: "contact.verify",
            to: (&contact).into(),
            subject: "Kode verifikasi Kinerja".into(),
            body: format!(
                "Kode verifikasi Anda: {code}\n\nMasukkan kode ini di halaman profil Kinerja dalam 15 menit \
                 untuk menerima pemberitahuan di sini. Abaikan pesan ini bila Anda tidak memintanya.\n"
            ),
            stop_path: None,
        },
    )
    .await?;
    Ok(to_wire(&saved, channels))
}

/// Verifies the address of `body.channel` with the code sent to it (422 when wrong, expired, or
/// tried too often).
pub async fn verify(
    db: &impl ConnectionTrait,
    user_id: i64,
    body: &ContactCode,
    channels: &[&str],
) -> ApiResult<MessageSettings> {
    let wrong = || ApiError::field("code", Invalid::ContactCodeWrong);
    // One try counted at once, before the comparison: parallel guesses each use up a try.
    let counted = settings::Entity::update_many()
        .col_expr(settings::Column::CodeTries, Expr::col(settings::Column::CodeTries).add(1))
        .filter(settings::Column::UserId.eq(user_id))
        .filter(settings::Column::CodeChannel.eq(body.channel.as_str()))
        .filter(settings::Column::CodeExpiresAt.gt(Utc::now()))
        .filter(settings::Column::CodeTries.lt(CODE_TRIES))
        .exec(db)
        .await?;
    if counted.rows_affected != 1 {
        return Err(wrong());
    }
    let mut m = row(db, user_id).await?.ok_or_else(wrong)?;
    if m.code_hash.as_deref() != Some(hash(body.code.trim()).as_str()) {
        return Err(wrong());
    }
    let now = Utc::now();
    match body.channel.as_str() {
        "email" => m.email_verified_at = Some(now),
        _ => m.whatsapp_verified_at = Some(now),
    }
    (m.code_channel, m.code_hash, m.code_expires_at, m.code_tries) = (None, None, None, 0);
    Ok(to_wire(&save(db, true, m).await?, channels))
}

/// The end of the quiet hours `now` falls in (local minutes of the day, the Pemda's offset), if
/// it falls in them.
pub(crate) fn quiet_until(m: &settings::Model, now: DateTime<Utc>, offset_minutes: i32) -> Option<DateTime<Utc>> {
    let (from, to) = (m.quiet_from?, m.quiet_to?);
    let local = now + Duration::minutes(i64::from(offset_minutes));
    let minute = i16::try_from(chrono::Timelike::hour(&local) * 60 + chrono::Timelike::minute(&local)).ok()?;
    let inside = if from < to { minute >= from && minute < to } else { minute >= from || minute < to };
    if !inside {
        return None;
    }
    let wait = (i64::from(to) - i64::from(minute)).rem_euclid(24 * 60);
    Some(now + Duration::minutes(wait) - Duration::seconds(i64::from(chrono::Timelike::second(&local))))
}

/// Copies an in-app notice of `kind` (leading to `link`) to the verified channels of `accounts`
/// that do not keep its group out, timed after their quiet hours, or held for the daily digest of
/// those who asked for one. The copy names no one: it says
/// that something of its group waits in the app, with the link.
pub async fn copy_out(db: &impl ConnectionTrait, accounts: &[i64], kind: &str, link: Option<&str>) -> ApiResult<()> {
    if accounts.is_empty() {
        return Ok(());
    }
    let people =
        settings::Entity::find().filter(settings::Column::UserId.is_in(accounts.iter().copied())).all(db).await?;
    if people.is_empty() {
        return Ok(());
    }
    let group = group(kind);
    let pemda = crate::pemda_settings::load(db).await?;
    let offset = pemda.utc_offset_minutes;
    let now = Utc::now();
    let digest = crate::services::digest::next_at(now, offset, &pemda.reminders.digest_at);
    let event = crate::services::public_codes::secret_token();
    for m in people.iter().filter(|m| !m.muted.split(',').any(|g| g == group)) {
        let off = |channel: &str| m.muted.split(',').any(|g| g.split_once(':') == Some((channel, group)));
        let verified = [
            (m.email.as_ref(), m.email_verified_at.is_some(), "email"),
            (m.whatsapp.as_ref(), m.whatsapp_verified_at.is_some(), "whatsapp"),
        ];
        for (address, ok, channel) in verified {
            let Some(address) = address.filter(|_| ok && !off(channel)) else { continue };
            let contact = Contact::on(channel, address);
            let words = group_words(group);
            let body = format!(
                "Ada pemberitahuan baru untuk Anda di Kinerja ({words}).\nBuka: {{app}}{}\n\n\
                 Atur pesan seperti ini di profil Anda: {{app}}/profil\n",
                link.unwrap_or("/notifikasi")
            );
            let message = Outgoing {
                event_key: format!("notice:{}:{}:{}", m.user_id, kind, &event[..16]),
                event_kind: kind,
                to: (&contact).into(),
                subject: format!("Kinerja: pemberitahuan {words}"),
                body,
                stop_path: None,
            };
            if m.digest {
                delivery::hold(db, message, digest, m.user_id).await?;
            } else {
                delivery::enqueue_at(db, message, quiet_until(m, now, offset).unwrap_or(now), Some(m.user_id)).await?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn kinds_fall_in_their_groups() {
        assert_eq!(group("skp.returned"), "skp");
        assert_eq!(group("rhk.cascaded"), "skp");
        assert_eq!(group("activity.rejected"), "activity");
        assert_eq!(group("assessment.finalized"), "assessment");
        assert_eq!(group("assessment_review"), "evaluation");
        assert_eq!(group("evaluation_follow_up"), "evaluation");
        assert_eq!(group("feedback.new"), "feedback");
        assert_eq!(group("complaint"), "service");
        assert_eq!(group("complaint.overdue"), "service");
        assert_eq!(group("evaluation_follow_up.reminder"), "evaluation");
        assert!(["skp.returned", "activity.rejected", "feedback.new", "complaint"]
            .iter()
            .all(|k| MESSAGE_GROUPS.contains(&group(k))));
    }

    #[test]
    fn quiet_hours_hold_messages_to_their_end_across_midnight() {
        let mut m = blank(1);
        (m.quiet_from, m.quiet_to) = (Some(21 * 60), Some(6 * 60));
        // 23:30 in UTC+7 is 16:30 UTC: held to 06:00 local, 23:00 UTC.
        let late = Utc.with_ymd_and_hms(2026, 12, 4, 16, 30, 0).unwrap();
        assert_eq!(quiet_until(&m, late, 420), Some(Utc.with_ymd_and_hms(2026, 12, 4, 23, 0, 0).unwrap()));
        // 05:00 local: held an hour.
        let early = Utc.with_ymd_and_hms(2026, 12, 4, 22, 0, 0).unwrap();
        assert_eq!(quiet_until(&m, early, 420), Some(Utc.with_ymd_and_hms(2026, 12, 4, 23, 0, 0).unwrap()));
        // 10:00 local: not held.
        assert_eq!(quiet_until(&m, Utc.with_ymd_and_hms(2026, 12, 5, 3, 0, 0).unwrap(), 420), None);
        (m.quiet_from, m.quiet_to) = (Some(12 * 60), Some(13 * 60));
        assert_eq!(
            quiet_until(&m, Utc.with_ymd_and_hms(2026, 12, 5, 5, 15, 0).unwrap(), 420),
            Some(Utc.with_ymd_and_hms(2026, 12, 5, 6, 0, 0).unwrap())
        );
    }

    #[test]
    fn muted_entries_take_their_shortest_form() {
        let strings = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let all: Vec<String> = MESSAGE_CHANNELS
            .iter()
            .flat_map(|c| MESSAGE_GROUPS.iter().map(move |g| format!("{c}:{g}")))
            .chain(MESSAGE_GROUPS.iter().map(|g| (*g).to_owned()))
            .collect();
        assert_eq!(normalized_muted(&all), strings(&MESSAGE_GROUPS));
        assert!(normalized_muted(&all).join(",").len() <= 200, "fits the column");
        let some = strings(&["whatsapp:feedback", "skp", "email:skp", "email:service", "whatsapp:service"]);
        assert_eq!(normalized_muted(&some), strings(&["skp", "whatsapp:feedback", "service"]));
    }

    #[test]
    fn times_are_hours_and_minutes() {
        assert_eq!(parse_hhmm("21:00"), Some(1260));
        assert_eq!(parse_hhmm(" 6:05"), Some(365));
        assert_eq!((parse_hhmm("24:00"), parse_hhmm("7"), parse_hhmm("07:60")), (None, None, None));
        assert_eq!(hhmm(365), "06:05");
    }
}
