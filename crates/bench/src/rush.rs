//! The deadline rush: every employee of one large dinas back-fills a week of the daily log at the
//! end of the month — two activities a working day, one submitted at once and one saved as a draft
//! and submitted after — while their penilai (kepala seksi, kepala bidang, the head) approve their
//! queues in bulk. Twice: first as users make it, every employee starting their week at an even
//! step over ten minutes (an open load: they do not wait for each other), then compressed, a
//! fixed number of workers each taking the next employee as soon as one is done (the server's
//! capacity).
//!
//! Two concurrency traps are sprung on purpose:
//! - on the first day each employee sends their second activity and a third one together: both
//!   would pass the day's cap alone, not both (exactly one must be refused with 422);
//! - every tenth employee's first post is sent twice with the same `Idempotency-Key`, as an
//!   offline phone retrying would (the repeat must answer the first activity, not create one).
//!
//! After the run the database is checked: no day over the cap, exactly the expected activities,
//! each description once, all approved, and the daily totals equal to the activities.

use crate::load::Report;
use chrono::{Datelike, Duration as Days, NaiveDate, Utc, Weekday};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The kinds of request the rush sends.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Kind {
    Post,
    /// The repeat of a post with the same Idempotency-Key.
    Retry,
    /// The third activity of the first day, sent with the second: one of the two is refused.
    CapRace,
    Submit,
    QueueRead,
    BulkApprove,
}

/// Minutes of each activity: two fill 480 of the day's cap of 720 (450 + 270 overtime); a third
/// of 300 would pass it.
const MINUTES: u32 = 240;
const RACE_MINUTES: u32 = 300;
const CAP: i64 = 720;

/// Who takes part: each employee's token and RHK, and the penilai's tokens.
pub struct Crowd {
    pub base: String,
    pub staff: Vec<(String, i64)>,
    pub penilai: Vec<String>,
}

/// The five working days (Monday to Friday) the rush back-fills: the last ones before today, all
/// of one year.
pub fn week(today: NaiveDate) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    let mut d = today;
    while days.len() < 5 {
        d -= Days::days(1);
        if d.weekday() != Weekday::Sat && d.weekday() != Weekday::Sun {
            days.push(d);
        }
    }
    days.reverse();
    if days[0].year() != days[4].year() {
        // Early January: the last week of the year before, within a wider days-back setting.
        return week(NaiveDate::from_ymd_opt(days[4].year(), 1, 1).unwrap_or(today));
    }
    days
}

/// What a request's answer was.
async fn send(req: reqwest::RequestBuilder) -> (Result<Value, String>, Duration, u16, bool) {
    let t = Instant::now();
    match req.send().await {
        Ok(res) => {
            let status = res.status().as_u16();
            let replayed = res.headers().get("idempotent-replayed").is_some_and(|v| v == "true");
            let body = res.json::<Value>().await.unwrap_or(Value::Null);
            let took = t.elapsed();
            if (200..300).contains(&status) {
                (Ok(body), took, status, replayed)
            } else {
                (Err(format!("{status} {body}")), took, status, replayed)
            }
        }
        Err(e) => (Err(e.to_string()), t.elapsed(), 0, false),
    }
}

/// Outcome of the rush.
pub struct Outcome {
    pub report: Report<Kind>,
    /// Cap races in which exactly one of the two was refused with 422.
    pub races_held: u64,
    pub races: u64,
    /// Retries answered with the first activity (`Idempotent-Replayed: true`, same id).
    pub retries_replayed: u64,
    pub retries: u64,
}

/// One employee's week: posts (the first day with the cap race, every tenth employee's first
/// post twice), then the drafts submitted.
async fn employee_week(client: &reqwest::Client, crowd: &Crowd, who: usize, days: &[NaiveDate], out: &mut Outcome) {
    let base = &crowd.base;
    let (token, rhk) = &crowd.staff[who];
    let post = |date: NaiveDate, minutes: u32, n: u32, submit: bool| {
        client.post(format!("{base}/api/v1/activities")).bearer_auth(token).json(&json!({
            "date": date.to_string(), "minutes": minutes, "rhk_id": rhk, "submit": submit,
            "description": format!("Pengisian akhir bulan pegawai {who} kegiatan {n}"),
        }))
    };
    let mut drafts = Vec::new();
    let mut n = 0;
    for (i, date) in days.iter().enumerate() {
        n += 1;
        let key = format!("rush-{who}-{n}");
        let (first, took, _, _) = send(post(*date, MINUTES, n, true).header("Idempotency-Key", &key)).await;
        out.report.record(Kind::Post, took, first.as_ref().err().cloned());
        if i == 0 && who.is_multiple_of(10) {
            let (again, took, _, replayed) = send(post(*date, MINUTES, n, true).header("Idempotency-Key", &key)).await;
            out.retries += 1;
            let same = matches!((&first, &again), (Ok(a), Ok(b)) if a["id"] == b["id"]);
            out.retries_replayed += u64::from(same && replayed);
            let error = (!(same && replayed)).then(|| format!("retry not replayed: {again:?}"));
            out.report.record(Kind::Retry, took, error);
        }
        n += 1;
        if i == 0 {
            // The second activity and a third one at once: the day's cap admits one of them.
            let (second, third) =
                tokio::join!(send(post(*date, MINUTES, n, false)), send(post(*date, RACE_MINUTES, n + 1, false)));
            n += 1;
            out.races += 1;
            let refused = [&second, &third].iter().filter(|r| r.2 == 422).count();
            let passed: Vec<&Value> = [&second, &third].iter().filter_map(|r| r.0.as_ref().ok()).collect();
            out.races_held += u64::from(refused == 1 && passed.len() == 1);
            drafts.extend(passed.iter().filter_map(|v| v["id"].as_i64()));
            for (r, took, status, _) in [second, third] {
                let error = r.err().filter(|_| status != 422);
                out.report.record(Kind::CapRace, took, error);
            }
        } else {
            let (second, took, _, _) = send(post(*date, MINUTES, n, false)).await;
            drafts.extend(second.as_ref().ok().and_then(|v| v["id"].as_i64()));
            out.report.record(Kind::Post, took, second.err());
        }
    }
    for id in drafts {
        let (r, took, _, _) =
            send(client.post(format!("{base}/api/v1/activities/{id}/submit")).bearer_auth(token)).await;
        out.report.record(Kind::Submit, took, r.err());
    }
}

/// A penilai's loop: read the queue, approve what it shows in one request, until the posting is
/// over and the queue is empty.
async fn approve_loop(client: reqwest::Client, base: String, token: String, posting: Arc<AtomicBool>) -> Report<Kind> {
    let mut report = Report::default();
    loop {
        let still_posting = posting.load(Ordering::SeqCst);
        let (queue, took, _, _) =
            send(client.get(format!("{base}/api/v1/activities?queue=true&per_page=200")).bearer_auth(&token)).await;
        report.record(Kind::QueueRead, took, queue.as_ref().err().cloned());
        let ids: Vec<i64> = queue
            .ok()
            .and_then(|q| q["items"].as_array().map(|items| items.iter().filter_map(|a| a["id"].as_i64()).collect()))
            .unwrap_or_default();
        if ids.is_empty() {
            if !still_posting {
                return report;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
            continue;
        }
        let (r, took, _, _) = send(
            client
                .post(format!("{base}/api/v1/activities/bulk-approve"))
                .bearer_auth(&token)
                .json(&json!({ "ids": ids })),
        )
        .await;
        report.record(Kind::BulkApprove, took, r.err());
    }
}

/// How the employees arrive.
#[derive(Clone, Copy)]
pub enum Arrival {
    /// Each starts their week at an even step over the span, whatever the server's pace (the
    /// rush as users make it: an open load).
    Spread(Duration),
    /// This many workers, each taking the next employee as soon as they are done (the server's
    /// capacity: everyone waits in line).
    Workers(usize),
}

impl Outcome {
    fn new() -> Self {
        Outcome { report: Report::default(), races_held: 0, races: 0, retries_replayed: 0, retries: 0 }
    }

    fn merge(&mut self, o: Outcome) {
        self.report.merge(o.report);
        self.races += o.races;
        self.races_held += o.races_held;
        self.retries += o.retries;
        self.retries_replayed += o.retries_replayed;
    }
}

/// Runs the rush over the crowd's staff.
pub async fn run(crowd: Arc<Crowd>, arrival: Arrival, days: Vec<NaiveDate>) -> anyhow::Result<Outcome> {
    let width = match arrival {
        Arrival::Spread(_) => 256,
        Arrival::Workers(n) => n,
    };
    let client = reqwest::Client::builder().pool_max_idle_per_host(width + crowd.penilai.len()).build()?;
    let next = Arc::new(AtomicUsize::new(0));
    let posting = Arc::new(AtomicBool::new(true));
    let days = Arc::new(days);
    let started = Instant::now();
    let approvers: Vec<_> = crowd
        .penilai
        .iter()
        .map(|t| tokio::spawn(approve_loop(client.clone(), crowd.base.clone(), t.clone(), posting.clone())))
        .collect();
    let mut tasks = Vec::new();
    match arrival {
        Arrival::Spread(span) => {
            let step = span.div_f64(crowd.staff.len().max(1) as f64);
            let start = tokio::time::Instant::now();
            for who in 0..crowd.staff.len() {
                let (client, crowd, days) = (client.clone(), crowd.clone(), days.clone());
                let at = start + step.mul_f64(who as f64);
                tasks.push(tokio::spawn(async move {
                    tokio::time::sleep_until(at).await;
                    let mut out = Outcome::new();
                    employee_week(&client, &crowd, who, &days, &mut out).await;
                    out
                }));
            }
        }
        Arrival::Workers(n) => {
            for _ in 0..n {
                let (client, crowd, next, days) = (client.clone(), crowd.clone(), next.clone(), days.clone());
                tasks.push(tokio::spawn(async move {
                    let mut out = Outcome::new();
                    loop {
                        let who = next.fetch_add(1, Ordering::SeqCst);
                        if who >= crowd.staff.len() {
                            return out;
                        }
                        employee_week(&client, &crowd, who, &days, &mut out).await;
                    }
                }));
            }
        }
    }
    let mut total = Outcome::new();
    for t in tasks {
        total.merge(t.await?);
    }
    posting.store(false, Ordering::SeqCst);
    for a in approvers {
        total.report.merge(a.await?);
    }
    total.report.elapsed = started.elapsed();
    Ok(total)
}

/// One number from the database.
async fn count(db: &DatabaseConnection, sql: &str) -> anyhow::Result<i64> {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql.to_owned()))
        .await?
        .ok_or_else(|| anyhow::anyhow!("no row: {sql}"))?;
    Ok(row.try_get_by_index::<i64>(0)?)
}

/// Checks the writes after the rush and prints each check; an error when one fails.
pub async fn check(db: &DatabaseConnection, staff: usize, days: &[NaiveDate]) -> anyhow::Result<()> {
    let (from, to) = (days[0], days[days.len() - 1]);
    let span = format!("date BETWEEN '{from}' AND '{to}'");
    let over_cap = count(
        db,
        &format!(
            "SELECT COUNT(*) FROM (SELECT employee_id, date FROM activities WHERE {span} \
             GROUP BY employee_id, date HAVING SUM(minutes) > {CAP}) o"
        ),
    )
    .await?;
    let rows = count(db, &format!("SELECT COUNT(*) FROM activities WHERE {span}")).await?;
    let expected = (staff * days.len() * 2) as i64;
    let repeated = count(
        db,
        &format!(
            "SELECT COUNT(*) FROM (SELECT employee_id, description FROM activities WHERE {span} \
             GROUP BY employee_id, description HAVING COUNT(*) > 1) d"
        ),
    )
    .await?;
    let approved = count(db, &format!("SELECT COUNT(*) FROM activities WHERE {span} AND status = 'approved'")).await?;
    // Every activity of the span is approved by now: each unit-day's totals count them all.
    let cast = if db.get_database_backend() == DbBackend::Postgres { "::bigint" } else { "" };
    let totals_off = count(
        db,
        &format!(
            "SELECT COUNT(*) FROM (SELECT unit_id, date, COUNT(*){cast} AS n, SUM(minutes){cast} AS m \
             FROM activities WHERE {span} GROUP BY unit_id, date) a \
             LEFT JOIN activity_daily_totals t ON t.unit_id = a.unit_id AND t.date = a.date \
             WHERE t.minutes IS NULL OR t.approved{cast} <> a.n OR t.minutes{cast} <> a.m"
        ),
    )
    .await?;
    println!("writes after the rush:");
    println!("  employee-days over the cap of {CAP} minutes: {over_cap}");
    println!("  activities: {rows} (expected {expected}: two a day each)");
    println!("  the same activity stored twice: {repeated}");
    println!("  approved: {approved} of {rows}");
    println!("  daily totals that disagree with the activities: {totals_off}");
    if over_cap != 0 || rows != expected || repeated != 0 || approved != rows || totals_off != 0 {
        anyhow::bail!("the writes are not correct after the rush");
    }
    Ok(())
}

/// Signs every employee of the dinas in without a password round each (the rush is about the
/// daily log, not the sign-in): an account, a session and a signed access token per person, made
/// as the server makes them.
pub async fn tokens(
    db: &DatabaseConnection,
    secret: &[u8],
    opd: i64,
) -> anyhow::Result<(Vec<(String, i64)>, Vec<String>)> {
    let pg = db.get_database_backend() == DbBackend::Postgres;
    let now = if pg { "now()" } else { "strftime('%Y-%m-%dT%H:%M:%S+00:00','now')" };
    let later = if pg { "now() + interval '1 day'" } else { "strftime('%Y-%m-%dT%H:%M:%S+00:00','now','+1 day')" };
    // No one signs in with it; the hash only has to be of the right shape.
    let hash = kinerja_api::auth::password::hash("rush-bench-unused")?;
    db.execute_unprepared(&format!(
        "INSERT INTO users (id, username, password_hash, roles, employee_id, unit_id, active, must_change_password, created_at, updated_at) \
         SELECT 1000000 + e.id, 'rush' || e.id, '{hash}', '[]', e.id, NULL, true, false, {now}, {now} FROM employees e \
         WHERE e.id NOT IN (SELECT employee_id FROM users WHERE employee_id IS NOT NULL)"
    ))
    .await?;
    db.execute_unprepared(&format!(
        "INSERT INTO refresh_tokens (user_id, token_hash, expires_at, revoked_at, family, created_at) \
         SELECT u.id, 'rush-' || u.id, {later}, NULL, u.id, {now} FROM users u WHERE u.employee_id IS NOT NULL"
    ))
    .await?;
    let people: Vec<(i64, i64, String)> = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            format!(
                "SELECT u.id, e.id, e.position_kind FROM users u JOIN employees e ON e.id = u.employee_id \
                 JOIN units n ON n.id = e.unit_id WHERE n.id = {opd} OR n.parent_id = {opd} \
                 OR n.parent_id IN (SELECT id FROM units WHERE parent_id = {opd}) ORDER BY e.id"
            ),
        ))
        .await?
        .iter()
        .map(|r| Ok((r.try_get_by_index(0)?, r.try_get_by_index(1)?, r.try_get_by_index(2)?)))
        .collect::<Result<_, sea_orm::DbErr>>()?;
    let keys = kinerja_api::auth::jwt::JwtKeys::new(secret);
    let (mut staff, mut penilai) = (Vec::new(), Vec::new());
    for (user, employee, kind) in people {
        let token = keys.issue(user, user, 3 * 3600)?;
        if kind == "pelaksana" {
            staff.push((token, employee));
        } else {
            penilai.push(token);
        }
    }
    Ok((staff, penilai))
}

/// The Pemda's day (WIB).
pub fn today() -> NaiveDate {
    (Utc::now() + Days::hours(7)).date_naive()
}
