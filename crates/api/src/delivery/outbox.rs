//! The outbox table: writing a message in the caller's transaction, and the worker's side —
//! claiming due rows under a lease, recording a success or a failure with its back-off.

use crate::entities::outbox;
use crate::error::ApiResult;
use chrono::{DateTime, Duration, Utc};
use kinerja_domain::Contact;
use sea_orm::sea_query::{Expr, LockBehavior, LockType};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DatabaseBackend, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};

/// How long a worker holds a claimed row; a row whose holder died is taken again after it.
pub const LEASE: Duration = Duration::seconds(60);
/// Attempts before a message is given up (`dead`).
pub const MAX_ATTEMPTS: i32 = 8;

/// Who a message goes to: a person's address, or a webhook subscription (by its id).
#[derive(Clone, Copy)]
pub enum Recipient<'a> {
    Person(&'a Contact),
    Webhook(i64),
    /// An export record for the Pemda's bridge toward BKN (by its id).
    Bridge(i64),
}

impl Recipient<'_> {
    /// The outbox's `channel` and `recipient` columns.
    fn columns(self) -> (&'static str, String) {
        match self {
            Recipient::Person(c) => (c.channel(), c.address().to_owned()),
            Recipient::Webhook(id) => ("webhook", id.to_string()),
            Recipient::Bridge(id) => ("bkn", id.to_string()),
        }
    }
}

impl<'a> From<&'a Contact> for Recipient<'a> {
    fn from(c: &'a Contact) -> Self {
        Recipient::Person(c)
    }
}

/// A message to write to the outbox.
pub struct Outgoing<'a> {
    /// The event and what it is about (`complaint:12:filed`): a second message with the same key,
    /// channel and recipient is not queued (within a year: the outbox is partitioned by year).
    pub event_key: String,
    /// The kind of event (`complaint.filed`).
    pub event_kind: &'a str,
    pub to: Recipient<'a>,
    pub subject: String,
    /// The text; `{app}` stands for the app's public address.
    pub body: String,
    /// The path of the recipient's "stop messages" page (`/berhenti/…`), if they can stop them.
    pub stop_path: Option<String>,
}

/// Writes `message` to the outbox on `db` (the caller's transaction), unless the same event was
/// already queued for that channel and recipient.
pub async fn enqueue(db: &impl ConnectionTrait, message: Outgoing<'_>) -> ApiResult<()> {
    enqueue_at(db, message, Utc::now(), None).await
}

/// As [`enqueue`], to be sent no sooner than `due` (after the recipient's quiet hours), for the
/// account `user` when it is a copy of their notice.
pub async fn enqueue_at(
    db: &impl ConnectionTrait,
    message: Outgoing<'_>,
    due: DateTime<Utc>,
    user: Option<i64>,
) -> ApiResult<()> {
    insert(db, message, due, "pending", user).await
}

/// Keeps `message` for `user`'s daily digest due at `digest`, instead of sending it alone.
pub async fn hold(db: &impl ConnectionTrait, message: Outgoing<'_>, digest: DateTime<Utc>, user: i64) -> ApiResult<()> {
    insert(db, message, digest, "held", Some(user)).await
}

async fn insert(
    db: &impl ConnectionTrait,
    message: Outgoing<'_>,
    due: DateTime<Utc>,
    status: &str,
    user: Option<i64>,
) -> ApiResult<()> {
    let now = Utc::now();
    let (channel, recipient) = message.to.columns();
    let row = outbox::ActiveModel {
        event_key: Set(message.event_key.chars().take(160).collect()),
        event_kind: Set(message.event_kind.to_owned()),
        channel: Set(channel.to_owned()),
        recipient: Set(recipient),
        subject: Set(message.subject.chars().take(200).collect()),
        body: Set(message.body),
        stop_path: Set(message.stop_path),
        status: Set(status.to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(due),
        locked_until: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
        user_id: Set(user),
        year: Set(chrono::Datelike::year(&now)),
        ..Default::default()
    };
    outbox::Entity::insert(row)
        .on_conflict_do_nothing_on([
            outbox::Column::EventKey,
            outbox::Column::Channel,
            outbox::Column::Recipient,
            outbox::Column::Year,
        ])
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Takes up to `limit` due messages of `channels` for this worker: each row is taken by one
/// conditional update (still pending, not held by a live lease), so two workers never hold the
/// same row; on PostgreSQL the candidates are read `FOR UPDATE SKIP LOCKED`, so replicas do not
/// wait on each other. Each taken row counts one more attempt.
pub async fn claim(
    db: &impl ConnectionTrait,
    channels: &[&str],
    now: DateTime<Utc>,
    limit: u64,
) -> ApiResult<Vec<outbox::Model>> {
    use chrono::SubsecRound;
    use sea_orm::sea_query::ExprTrait;
    if channels.is_empty() {
        return Ok(Vec::new());
    }
    // Milliseconds, as both databases keep them: `sent` and `failed` find the lease by its value.
    let until = (now + LEASE).trunc_subsecs(3);
    let free = Condition::any().add(outbox::Column::LockedUntil.is_null()).add(outbox::Column::LockedUntil.lt(now));
    // Rows whose every attempt was taken by a worker that never reported (it died) are given up.
    outbox::Entity::update_many()
        .col_expr(outbox::Column::Status, Expr::value("dead"))
        .col_expr(
            outbox::Column::LastError,
            Expr::value(Some("tidak ada laporan dari pengirim setelah percobaan terakhir")),
        )
        .filter(outbox::Column::Status.eq("pending"))
        .filter(outbox::Column::Attempts.gte(MAX_ATTEMPTS))
        .filter(free.clone())
        .exec(db)
        .await?;
    let mut due = outbox::Entity::find()
        .filter(outbox::Column::Status.eq("pending"))
        .filter(outbox::Column::Attempts.lt(MAX_ATTEMPTS))
        .filter(outbox::Column::NextAttemptAt.lte(now))
        .filter(outbox::Column::Channel.is_in(channels.iter().copied()))
        .filter(free.clone())
        .order_by_asc(outbox::Column::Id)
        .limit(limit);
    if db.get_database_backend() == DatabaseBackend::Postgres {
        due = due.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    let candidates = due.all(db).await?;
    let mut taken = Vec::with_capacity(candidates.len());
    for row in candidates {
        let held = outbox::Entity::update_many()
            .col_expr(outbox::Column::LockedUntil, Expr::value(Some(until)))
            .col_expr(outbox::Column::Attempts, Expr::col(outbox::Column::Attempts).add(1))
            .filter(outbox::Column::Id.eq(row.id))
            .filter(outbox::Column::Status.eq("pending"))
            .filter(free.clone())
            .exec(db)
            .await?;
        if held.rows_affected == 1 {
            taken.push(outbox::Model { attempts: row.attempts + 1, locked_until: Some(until), ..row });
        }
    }
    Ok(taken)
}

/// Only while this worker still holds the row's lease (another may have taken it after).
fn held(row: &outbox::Model) -> sea_orm::Condition {
    sea_orm::Condition::all()
        .add(outbox::Column::Id.eq(row.id))
        .add(outbox::Column::Status.eq("pending"))
        .add(outbox::Column::LockedUntil.eq(row.locked_until))
}

/// Records that `row` went out (if the lease is still this worker's). A message's text is
/// dropped: it may hold a verification code or a tracking code, and the log needs neither. An
/// event to a webhook keeps its text for [`DEAD_TEXT_KEPT`], for the admin to replay it.
pub async fn sent(db: &impl ConnectionTrait, row: &outbox::Model) -> ApiResult<()> {
    let mut update = outbox::Entity::update_many();
    if row.channel != "webhook" {
        update = update.col_expr(outbox::Column::Body, Expr::value(""));
    }
    update
        .col_expr(outbox::Column::Status, Expr::value("sent"))
        .col_expr(outbox::Column::SentAt, Expr::value(Some(Utc::now())))
        .col_expr(outbox::Column::LockedUntil, Expr::value(None::<DateTime<Utc>>))
        .col_expr(outbox::Column::LastError, Expr::value(None::<String>))
        .filter(held(row))
        .exec(db)
        .await?;
    Ok(())
}

/// Records why `row` failed (if the lease is still this worker's): tried again after a back-off
/// that doubles from 30 seconds up to an hour, given up after [`MAX_ATTEMPTS`], or at once when
/// the refusal is `permanent`.
pub async fn failed(db: &impl ConnectionTrait, row: &outbox::Model, why: &str, permanent: bool) -> ApiResult<()> {
    let status = if permanent || row.attempts >= MAX_ATTEMPTS { "dead" } else { "pending" };
    outbox::Entity::update_many()
        .col_expr(outbox::Column::Status, Expr::value(status))
        .col_expr(outbox::Column::NextAttemptAt, Expr::value(Utc::now() + backoff(row.attempts)))
        .col_expr(outbox::Column::LockedUntil, Expr::value(None::<DateTime<Utc>>))
        .col_expr(outbox::Column::LastError, Expr::value(Some(why.chars().take(500).collect::<String>())))
        .filter(held(row))
        .exec(db)
        .await?;
    Ok(())
}

/// The wait before attempt `attempts + 1`.
pub fn backoff(attempts: i32) -> Duration {
    let doubled = 30i64.saturating_mul(1i64 << attempts.clamp(1, 12).saturating_sub(1));
    Duration::seconds(doubled.min(3600))
}

/// How long the text of a message given up is kept, for the admin to see what failed.
pub const DEAD_TEXT_KEPT: Duration = Duration::days(30);

/// Drops the text of messages given up, and of events sent to webhooks, more than
/// [`DEAD_TEXT_KEPT`] before `now` (other sent messages lose it at once); answers how many.
pub async fn forget_old_text(db: &impl ConnectionTrait, now: DateTime<Utc>) -> ApiResult<u64> {
    let sent_event = Condition::all().add(outbox::Column::Channel.eq("webhook")).add(outbox::Column::Status.eq("sent"));
    let done = outbox::Entity::update_many()
        .col_expr(outbox::Column::Body, Expr::value(""))
        .filter(Condition::any().add(outbox::Column::Status.eq("dead")).add(sent_event))
        .filter(outbox::Column::CreatedAt.lt(now - DEAD_TEXT_KEPT))
        .filter(outbox::Column::Body.ne(""))
        .exec(db)
        .await?;
    Ok(done.rows_affected)
}

/// How long a message may wait for its first attempt (its channel not configured, no worker
/// running) before it is given up: news of three days ago is no longer news.
pub const UNTRIED_KEPT: Duration = Duration::days(3);

/// Gives up the messages due more than [`UNTRIED_KEPT`] before `now` and never tried; answers how
/// many.
pub async fn expire_untried(db: &impl ConnectionTrait, now: DateTime<Utc>) -> ApiResult<u64> {
    let done = outbox::Entity::update_many()
        .col_expr(outbox::Column::Status, Expr::value("dead"))
        .col_expr(
            outbox::Column::LastError,
            Expr::value(Some("tidak terkirim dalam 3 hari: salurannya belum dikonfigurasi di server".to_owned())),
        )
        .filter(outbox::Column::Status.eq("pending"))
        .filter(outbox::Column::Attempts.eq(0))
        .filter(outbox::Column::NextAttemptAt.lt(now - UNTRIED_KEPT))
        .exec(db)
        .await?;
    Ok(done.rows_affected)
}

/// Queues `row` again at once, its attempts counted afresh (the admin's replay of an event a
/// receiver missed, or of a message given up); answers whether it was queued (its text must
/// still be kept, and no worker may hold it).
pub async fn replay(db: &impl ConnectionTrait, id: i64, now: DateTime<Utc>) -> ApiResult<bool> {
    let done = outbox::Entity::update_many()
        .col_expr(outbox::Column::Status, Expr::value("pending"))
        .col_expr(outbox::Column::Attempts, Expr::value(0))
        .col_expr(outbox::Column::NextAttemptAt, Expr::value(now))
        .col_expr(outbox::Column::LockedUntil, Expr::value(None::<DateTime<Utc>>))
        .col_expr(outbox::Column::LastError, Expr::value(None::<String>))
        .col_expr(outbox::Column::SentAt, Expr::value(None::<DateTime<Utc>>))
        .filter(outbox::Column::Id.eq(id))
        .filter(outbox::Column::Body.ne(""))
        .filter(outbox::Column::Status.is_in(["pending", "sent", "dead"]))
        .filter(Condition::any().add(outbox::Column::LockedUntil.is_null()).add(outbox::Column::LockedUntil.lt(now)))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Messages not yet sent nor given up.
pub async fn depth(db: &impl ConnectionTrait) -> ApiResult<u64> {
    Ok(outbox::Entity::find().filter(outbox::Column::Status.eq("pending")).count(db).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        assert_eq!(backoff(1), Duration::seconds(30));
        assert_eq!(backoff(2), Duration::seconds(60));
        assert_eq!(backoff(5), Duration::seconds(480));
        assert_eq!(backoff(8), Duration::seconds(3600));
        assert_eq!(backoff(40), Duration::seconds(3600));
    }
}
