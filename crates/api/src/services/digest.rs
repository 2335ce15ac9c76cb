//! The daily digest: for those who asked for it, the copies of their notices wait in the outbox
//! as `held` until the Pemda's digest time (`reminders.digest_at`), then go as one message per
//! channel that counts them by group and links to the app. The copies gathered are marked
//! `digested` (their text dropped) in the transaction that queues the digest, so each is counted
//! once however many replicas look.

use crate::delivery::{self, Outgoing};
use crate::entities::{message_settings, outbox};
use crate::error::ApiResult;
use crate::services::message_settings::{group, group_words, quiet_until};
use chrono::{DateTime, Duration, Utc};
use kinerja_domain::Contact;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use std::collections::BTreeMap;

/// The next moment (not before `now`) at which the Pemda's clock shows `at` (`HH:MM`; midnight if
/// it cannot be read).
pub fn next_at(now: DateTime<Utc>, offset_minutes: i32, at: &str) -> DateTime<Utc> {
    let time = chrono::NaiveTime::parse_from_str(at.trim(), "%H:%M").unwrap_or(chrono::NaiveTime::MIN);
    let offset = Duration::minutes(i64::from(offset_minutes));
    let local = now + offset;
    let today = local.date_naive().and_time(time).and_utc() - offset;
    if today >= now {
        today
    } else {
        today + Duration::days(1)
    }
}

/// Queues the digests due at `now`; answers how many.
pub async fn run(db: &DatabaseConnection, now: DateTime<Utc>) -> ApiResult<usize> {
    let held = outbox::Entity::find()
        .filter(outbox::Column::Status.eq("held"))
        .filter(outbox::Column::NextAttemptAt.lte(now))
        .order_by_asc(outbox::Column::Id)
        .all(db)
        .await?;
    // Per account, channel and address: the copies to gather.
    let mut per: BTreeMap<(i64, String, String), Vec<outbox::Model>> = BTreeMap::new();
    for row in held {
        let Some(user) = row.user_id else { continue };
        per.entry((user, row.channel.clone(), row.recipient.clone())).or_default().push(row);
    }
    let offset = crate::pemda_settings::load(db).await?.utc_offset_minutes;
    let mut queued = 0;
    for ((user, channel, recipient), rows) in per {
        let txn = crate::db::begin(db).await?;
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let taken = outbox::Entity::update_many()
            .col_expr(outbox::Column::Status, Expr::value("digested"))
            .col_expr(outbox::Column::Body, Expr::value(""))
            .filter(outbox::Column::Id.is_in(ids.iter().copied()))
            .filter(outbox::Column::Status.eq("held"))
            .exec(&txn)
            .await?;
        if taken.rows_affected != ids.len() as u64 {
            // Another replica gathers them.
            txn.rollback().await?;
            continue;
        }
        let person = message_settings::Entity::find_by_id(user).one(&txn).await?;
        let current = person.as_ref().and_then(|m| match channel.as_str() {
            "email" => m.email.as_ref().filter(|_| m.email_verified_at.is_some()),
            _ => m.whatsapp.as_ref().filter(|_| m.whatsapp_verified_at.is_some()),
        });
        if current != Some(&recipient) {
            // The person replaced or lost that address since: nothing more goes to it.
            outbox::Entity::update_many()
                .col_expr(outbox::Column::Status, Expr::value("dead"))
                .col_expr(outbox::Column::LastError, Expr::value(Some("alamat sudah diganti sebelum ringkasan")))
                .filter(outbox::Column::Id.is_in(ids.iter().copied()))
                .exec(&txn)
                .await?;
            txn.commit().await?;
            continue;
        }
        let contact = Contact::on(&channel, &recipient);
        // Sent at once (the clock's now, `now` may be a moment looked at ahead), unless the person's
        // quiet hours hold it.
        let due = person.as_ref().and_then(|m| quiet_until(m, now, offset)).unwrap_or_else(Utc::now);
        delivery::enqueue_at(
            &txn,
            Outgoing {
                // Named after the first copy it gathers: each copy leaves `held` once, so the name
                // is never taken twice (a second digest of the day, after the time was changed, is
                // a digest of its own).
                event_key: format!("digest:{user}:{}", ids[0]),
                event_kind: "digest",
                to: (&contact).into(),
                subject: format!("Kinerja: ringkasan {} pemberitahuan", rows.len()),
                body: text(&rows),
                stop_path: None,
            },
            due,
            Some(user),
        )
        .await?;
        txn.commit().await?;
        queued += 1;
    }
    Ok(queued)
}

/// The digest's text: how many notices of each group, and where to read them.
fn text(rows: &[outbox::Model]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for row in rows {
        *counts.entry(group_words(group(&row.event_kind))).or_default() += 1;
    }
    let lines: Vec<String> = counts.iter().map(|(words, n)| format!("- {n} tentang {words}")).collect();
    format!(
        "Ringkasan pemberitahuan Kinerja untuk Anda sejak ringkasan sebelumnya:\n{}\n\nBaca semuanya: {{app}}/notifikasi\n\n\
         Atur pesan seperti ini di profil Anda: {{app}}/profil\n",
        lines.join("\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_next_digest_is_today_or_tomorrow_in_local_time() {
        // 06:00 WIB is 23:00 UTC the day before: the digest at 07:00 WIB is an hour later.
        let early = Utc.with_ymd_and_hms(2026, 12, 4, 23, 0, 0).unwrap();
        assert_eq!(next_at(early, 420, "07:00"), Utc.with_ymd_and_hms(2026, 12, 5, 0, 0, 0).unwrap());
        // 08:00 WIB: tomorrow's.
        let late = Utc.with_ymd_and_hms(2026, 12, 5, 1, 0, 0).unwrap();
        assert_eq!(next_at(late, 420, "07:00"), Utc.with_ymd_and_hms(2026, 12, 6, 0, 0, 0).unwrap());
        assert_eq!(next_at(late, 420, "bukan jam"), Utc.with_ymd_and_hms(2026, 12, 5, 17, 0, 0).unwrap());
    }
}
