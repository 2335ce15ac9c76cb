//! Reminders before deadlines, each sent once (a unique mark per kind, subject and person, so
//! replicas that look at the same time send it once) as an in-app notice, copied to the person's
//! verified channels like every notice:
//! - after the Pemda's set time, to whoever works that day by their calendar (their unit's work
//!   pattern, not a holiday it observes, not on leave) and has logged nothing;
//! - from N days before the SKP deadline, to whoever has not submitted their SKP of the year;
//! - from N days before an objection window closes, to the rated employee who has neither
//!   accepted nor objected;
//! - once a day, to a penilai whose oldest submitted activity has waited more than N working days;
//! - from N days before an evaluation follow-up is due, to its owner while it is open;
//! - once per step, to the handlers of a complaint whose step is past its working-day deadline.
//!
//! The same minute task gathers the daily digests (see [`crate::services::digest`]) and tidies the
//! outbox, on every replica, reminders on or off.

use crate::entities::{
    activities, assessments, complaints, employees, evaluation_follow_ups, reminder_marks, skps, users,
};
use crate::error::ApiResult;
use crate::services::notify::{self, Message};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use kinerja_domain::oversight::TaskStatus;
use kinerja_domain::{ActivityStatus, AssessmentStatus, ComplaintStatus, SkpStatus};
use kinerja_types::{Notice, NoticeCode, PemdaSettings};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Starts the minute task on the current runtime: each minute it gathers the daily digests,
/// tidies the outbox, keeps the night's data-quality scores once a day, and (unless `reminders` is off on this replica) sends the reminders due.
/// Each step runs whatever another one answered.
pub fn spawn(db: DatabaseConnection, reminders: bool) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            tick.tick().await;
            let now = Utc::now();
            if reminders {
                log_round("reminders", run(&db, now).await);
            }
            log_round("digests", crate::services::digest::run(&db, now).await);
            log_round("outbox tidy", tidy_outbox(&db, now).await);
            log_round("data quality", crate::services::data_quality::nightly_if_due(&db, now).await);
        }
    });
}

fn log_round(what: &'static str, outcome: ApiResult<usize>) {
    match outcome {
        Ok(0) => {}
        Ok(n) => tracing::info!(n, "{what} done"),
        Err(e) => tracing::warn!(error = %e, "{what} failed"),
    }
}

/// Gives up messages that waited three days for a channel, and drops the text of messages given
/// up a month ago; answers how many rows changed.
pub async fn tidy_outbox(db: &DatabaseConnection, now: DateTime<Utc>) -> ApiResult<usize> {
    let expired = crate::delivery::outbox::expire_untried(db, now).await?;
    let forgotten = crate::delivery::outbox::forget_old_text(db, now).await?;
    Ok(usize::try_from(expired + forgotten).unwrap_or(usize::MAX))
}

/// Sends every reminder due at `now`; answers how many went out. Each kind runs whatever another
/// one answered (the first error is returned once all ran).
pub async fn run(db: &DatabaseConnection, now: DateTime<Utc>) -> ApiResult<usize> {
    let settings = crate::pemda_settings::load(db).await?;
    let local = now + Duration::minutes(i64::from(settings.utc_offset_minutes));
    let today = local.date_naive();
    let outcomes = [
        daily_log(db, &settings, local, today).await,
        skp(db, &settings, today).await,
        objection(db, &settings, today).await,
        queue(db, &settings, today).await,
        follow_ups(db, &settings, today).await,
        complaints_overdue(db, &settings, today).await,
    ];
    let mut sent = 0;
    let mut first_error = None;
    for outcome in outcomes {
        match outcome {
            Ok(n) => sent += n,
            Err(e) => {
                tracing::warn!(error = %e, "a reminder kind failed");
                first_error.get_or_insert(e);
            }
        }
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(sent),
    }
}

/// Active accounts of these employees, by employee.
async fn accounts_of(db: &impl ConnectionTrait, employees: &[i64]) -> ApiResult<BTreeMap<i64, Vec<i64>>> {
    let mut out: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    if employees.is_empty() {
        return Ok(out);
    }
    for chunk in employees.chunks(500) {
        let rows = users::Entity::find()
            .filter(users::Column::EmployeeId.is_in(chunk.iter().copied()))
            .filter(users::Column::Active.eq(true))
            .all(db)
            .await?;
        for u in rows {
            if let Some(e) = u.employee_id {
                out.entry(e).or_default().push(u.id);
            }
        }
    }
    Ok(out)
}

/// Marks the reminder as sent to `user`; false when it already was.
async fn mark(db: &impl ConnectionTrait, kind: &str, subject: &str, user: i64) -> ApiResult<bool> {
    let row = reminder_marks::ActiveModel {
        kind: Set(kind.to_owned()),
        subject: Set(subject.to_owned()),
        user_id: Set(user),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    let inserted = reminder_marks::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([
                reminder_marks::Column::Kind,
                reminder_marks::Column::Subject,
                reminder_marks::Column::UserId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(inserted == 1)
}

/// Sends `msg` to each account of `employees` not yet reminded of `kind` about `subject`, each in
/// its own transaction with its mark.
async fn remind(
    db: &DatabaseConnection,
    kind: &str,
    subject: &str,
    employees: &[i64],
    msg: &Message<'_>,
) -> ApiResult<usize> {
    let accounts = accounts_of(db, employees).await?.into_values().flatten();
    remind_accounts(db, kind, subject, accounts, msg).await
}

/// Sends `msg` to each of `accounts` not yet reminded of `kind` about `subject`, each in its own
/// transaction with its mark.
async fn remind_accounts(
    db: &DatabaseConnection,
    kind: &str,
    subject: &str,
    accounts: impl IntoIterator<Item = i64>,
    msg: &Message<'_>,
) -> ApiResult<usize> {
    // Those already reminded are skipped without a write (the mark still decides between replicas).
    let done: HashSet<i64> = reminder_marks::Entity::find()
        .select_only()
        .column(reminder_marks::Column::UserId)
        .filter(reminder_marks::Column::Kind.eq(kind))
        .filter(reminder_marks::Column::Subject.eq(subject))
        .into_tuple::<i64>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut sent = 0;
    for user in accounts.into_iter().filter(|u| !done.contains(u)) {
        let txn = crate::db::begin(db).await?;
        if mark(&txn, kind, subject, user).await? {
            notify::accounts(&txn, vec![user], msg).await?;
            txn.commit().await?;
            sent += 1;
        }
    }
    Ok(sent)
}

fn at_minutes(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

async fn daily_log(
    db: &DatabaseConnection,
    settings: &PemdaSettings,
    local: DateTime<Utc>,
    today: NaiveDate,
) -> ApiResult<usize> {
    let Some(at) = at_minutes(&settings.reminders.daily_log_at) else { return Ok(0) };
    let minute = chrono::Timelike::hour(&local) * 60 + chrono::Timelike::minute(&local);
    if minute < at {
        return Ok(0);
    }
    let logged: HashSet<i64> = activities::Entity::find()
        .select_only()
        .column(activities::Column::EmployeeId)
        .filter(activities::Column::Date.eq(today))
        .into_tuple::<i64>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    // Whoever works that day by their calendar (their unit's pattern, not on leave) and logged
    // nothing. Employees without an active account are skipped when their accounts are looked up.
    // (Dinas luar is work away from the office: reminded like a working day.)
    use crate::services::calendar::{Calendars, Units};
    let calendars = Calendars::load(db, settings, Units::All, today, today, None).await?;
    let works = |e: i64, unit: i64| calendars.with(e, unit, |c| c.day(today).expected().is_some());
    let active: Vec<i64> = employees::Entity::find()
        .select_only()
        .columns([employees::Column::Id, employees::Column::UnitId])
        .into_tuple::<(i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .filter(|(e, unit)| !logged.contains(e) && works(*e, *unit))
        .map(|(e, _)| e)
        .collect();
    let date = kinerja_types::text::day(today, false);
    let msg = Message {
        kind: "activity.reminder",
        notice: Notice::new(NoticeCode::ReminderDailyLog).with("date", &date),
        link: Some("/aktivitas".into()),
    };
    remind(db, "daily_log", &today.to_string(), &active, &msg).await
}

/// To everyone without a submitted SKP of the year, within `skp_days_before` of the deadline of
/// their unit (on its working days).
async fn skp(db: &DatabaseConnection, settings: &PemdaSettings, today: NaiveDate) -> ApiResult<usize> {
    use crate::services::calendar::{Calendars, Units};
    use chrono::Datelike;
    let days = settings.reminders.skp_days_before;
    let year = today.year();
    // The deadline as set, before a unit's days move it (by a week at most): outside the window
    // nobody is read.
    let set = crate::pemda_settings::skp_deadline_as_set(settings, year);
    if days == 0 || today > set + Duration::days(7) || today < set - Duration::days(i64::from(days)) {
        return Ok(0);
    }
    let submitted: HashSet<i64> = skps::Entity::find()
        .filter(skps::Column::Year.eq(year))
        .filter(skps::Column::Status.is_in([SkpStatus::Submitted.as_str(), SkpStatus::Approved.as_str()]))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.employee_id)
        .collect();
    let unit_days = Calendars::of_units(db, settings, Units::All).await?;
    // The people to remind, by the deadline of their unit.
    let mut missing: BTreeMap<NaiveDate, Vec<i64>> = BTreeMap::new();
    for e in employees::Entity::find().all(db).await?.into_iter().filter(|e| !submitted.contains(&e.id)) {
        let due = crate::pemda_settings::skp_deadline(settings, year, unit_days.of_unit(e.unit_id));
        if today <= due && today >= due - Duration::days(i64::from(days)) {
            missing.entry(due).or_default().push(e.id);
        }
    }
    let mut sent = 0;
    for (due, people) in missing {
        let msg = Message {
            kind: "skp.reminder",
            notice: Notice::new(NoticeCode::ReminderSkp)
                .with("year", year)
                .with("due", kinerja_types::text::day(due, false)),
            link: Some("/skp".into()),
        };
        sent += remind(db, "skp", &year.to_string(), &people, &msg).await?;
    }
    Ok(sent)
}

async fn objection(db: &DatabaseConnection, settings: &PemdaSettings, today: NaiveDate) -> ApiResult<usize> {
    let days = settings.reminders.objection_days_before;
    if days == 0 {
        return Ok(0);
    }
    let open = assessments::Entity::find()
        .filter(assessments::Column::Status.eq(AssessmentStatus::Finalized.as_str()))
        .all(db)
        .await?;
    let unit_days = crate::services::assessments::unit_days(db, settings, &open).await?;
    let mut sent = 0;
    for a in open {
        let Some(finalized) = a.finalized_at else { continue };
        let due = crate::services::assessments::objection_deadline(finalized, settings, unit_days.of_unit(a.unit_id));
        if today > due || today < due - Duration::days(i64::from(days)) {
            continue;
        }
        let msg = Message {
            kind: "assessment.reminder",
            notice: Notice::new(NoticeCode::ReminderObjection)
                .with("period", &a.period)
                .with("due", kinerja_types::text::day(due, false)),
            link: Some(format!("/penilaian/{}", a.id)),
        };
        sent += remind(db, "objection", &a.id.to_string(), &[a.employee_id], &msg).await?;
    }
    Ok(sent)
}

/// To each penilai at work today by their own calendar (their pattern, less their leave), whose
/// oldest waiting activity has waited more than `queue_working_days` of their working days.
async fn queue(db: &DatabaseConnection, settings: &PemdaSettings, today: NaiveDate) -> ApiResult<usize> {
    use crate::services::calendar::{Calendars, Units};
    let days = settings.reminders.queue_working_days;
    if days == 0 {
        return Ok(0);
    }
    let offset = Duration::minutes(i64::from(settings.utc_offset_minutes));
    let waiting = activities::Entity::find()
        .filter(activities::Column::Status.eq(ActivityStatus::Submitted.as_str()))
        .filter(activities::Column::PenilaiId.is_not_null())
        .all(db)
        .await?;
    // Per penilai: how many wait, and the day the oldest was submitted.
    let mut per: BTreeMap<i64, (usize, NaiveDate)> = BTreeMap::new();
    for a in waiting {
        let Some(penilai) = a.penilai_id else { continue };
        let since = (a.submitted_at.unwrap_or(a.created_at) + offset).date_naive();
        let entry = per.entry(penilai).or_insert((0, since));
        entry.0 += 1;
        entry.1 = entry.1.min(since);
    }
    if per.is_empty() {
        return Ok(0);
    }
    let ids: Vec<i64> = per.keys().copied().collect();
    let unit_of: HashMap<i64, i64> = employees::Entity::find()
        .select_only()
        .columns([employees::Column::Id, employees::Column::UnitId])
        .filter(employees::Column::Id.is_in(ids.iter().copied()))
        .into_tuple::<(i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    // Whether they work today asks today's leave; counting days since asks only the pattern (a day
    // of their leave counts, as in the daily log's days back).
    let calendars = Calendars::load(db, settings, Units::All, today, today, Some(&ids)).await?;
    let mut sent = 0;
    for (penilai, (count, since)) in per {
        let Some(unit) = unit_of.get(&penilai) else { continue };
        let late = calendars.with(penilai, *unit, |cal| {
            cal.day(today).expected().is_some() && cal.add_working_days(since, days) < today
        });
        if !late {
            continue;
        }
        let msg = Message {
            kind: "activity.reminder",
            notice: Notice::new(NoticeCode::ReminderQueue).with("count", count).with("days", days),
            link: Some("/aktivitas/verifikasi".into()),
        };
        sent += remind(db, "queue", &today.to_string(), &[penilai], &msg).await?;
    }
    Ok(sent)
}

async fn follow_ups(db: &DatabaseConnection, settings: &PemdaSettings, today: NaiveDate) -> ApiResult<usize> {
    let days = settings.reminders.follow_up_days_before;
    if days == 0 {
        return Ok(0);
    }
    let due = evaluation_follow_ups::Entity::find()
        .filter(evaluation_follow_ups::Column::Status.eq(TaskStatus::Open.as_str()))
        .filter(evaluation_follow_ups::Column::DueOn.gte(today))
        .filter(evaluation_follow_ups::Column::DueOn.lte(today + Duration::days(i64::from(days))))
        .all(db)
        .await?;
    let mut sent = 0;
    for f in due {
        let msg = Message {
            kind: "evaluation_follow_up.reminder",
            notice: Notice::new(NoticeCode::ReminderFollowUp)
                .with("description", &f.description)
                .with("due", kinerja_types::text::day(f.due_on, false)),
            link: Some("/evaluasi".into()),
        };
        sent += remind(db, "follow_up", &f.id.to_string(), &[f.owner_id], &msg).await?;
    }
    Ok(sent)
}

async fn complaints_overdue(db: &DatabaseConnection, settings: &PemdaSettings, today: NaiveDate) -> ApiResult<usize> {
    use crate::services::calendar::{self, Calendars};
    use crate::services::complaints as handling;
    let waiting = [ComplaintStatus::Received, ComplaintStatus::Verified, ComplaintStatus::Dispositioned];
    let open = complaints::Entity::find()
        .filter(complaints::Column::Status.is_in(waiting.map(|s| s.as_str())))
        .all(db)
        .await?;
    let days = Calendars::of_units(db, settings, calendar::Units::All).await?;
    // The handlers of a unit are looked up once.
    let mut handlers_of: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    let mut sent = 0;
    for c in open {
        let Some(due) = handling::due_in(&c, c.status, settings, &days).filter(|d| today > *d) else { continue };
        let unit = c.disposition_unit_id.unwrap_or(c.unit_id);
        let handlers = match handlers_of.entry(unit) {
            std::collections::btree_map::Entry::Occupied(known) => known.into_mut(),
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert(handling::handler_accounts(db, unit).await?)
            }
        };
        // Once per step and deadline: a postponed complaint that runs late again is told again.
        let subject = format!("{}:{}:{due}", c.id, c.status.as_str());
        let msg = handling::handler_notice(&c, NoticeCode::ComplaintOverdue, Some(due));
        sent += remind_accounts(db, "complaint_overdue", &subject, handlers.iter().copied(), &msg).await?;
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_of_day() {
        assert_eq!(super::at_minutes("15:00"), Some(900));
        assert_eq!(super::at_minutes(""), None);
        assert_eq!(super::at_minutes("25:00"), None);
    }
}
