//! The monthly TPP of every employee of a set of units: approved work minutes from the activities,
//! lateness, leaving early, missed apel and absence from the imported attendance, the predikat of
//! the month's rating period (where the rule scales the performance part by it) and the heaviest
//! disciplinary sanction in force during the month, through the Pemda's rule.
//!
//! Each employee's calendar ([`crate::services::calendar`]) shapes the month: the minutes target
//! is the rule's target in proportion to the minutes their calendar expects (their pattern, the
//! overrides, less their excused days) against the default pattern's full month, and attendance
//! on a day that is not one of their working days (off, a holiday, leave) costs nothing.

use crate::entities::{activities, assessments, attendance, employees, units};
use crate::error::ApiResult;
use crate::policy::{employees_within, within, Units};
use crate::services::calendar::{self, Calendars};
use chrono::NaiveDate;
use kinerja_domain::calendar::Calendar;
use kinerja_domain::tpp::{AttendanceStatus, Discipline};
use kinerja_domain::{ActivityStatus, AssessmentStatus, Period, Predikat};
use kinerja_types::{PemdaSettings, TppRow};
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// Computes the rows of a month for the employees of `units` (every employee when `None`),
/// ordered by unit and name.
pub async fn rows(
    db: &impl ConnectionTrait,
    units: Units,
    month: Period,
    settings: &PemdaSettings,
    rating_period: Period,
) -> ApiResult<Vec<TppRow>> {
    let rule = &settings.tpp;
    let (from, to) = month.bounds();
    let employees_of = employees_within(&units);
    let people: Vec<(i64, String, String, i64)> = employees::Entity::find()
        .select_only()
        .columns([employees::Column::Id, employees::Column::Nip, employees::Column::Name, employees::Column::UnitId])
        .filter(within(employees::Column::UnitId, &units))
        .into_tuple()
        .all(db)
        .await?;
    let unit_names: HashMap<i64, String> = units::Entity::find()
        .select_only()
        .columns([units::Column::Id, units::Column::Name])
        .into_tuple::<(i64, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let minutes: HashMap<i64, i64> = activities::Entity::find()
        .select_only()
        .column(activities::Column::EmployeeId)
        .column_as(activities::Column::Minutes.sum(), "m")
        .filter(activities::Column::EmployeeId.in_subquery(employees_of.clone()))
        .filter(activities::Column::Date.between(from, to))
        .filter(activities::Column::Status.eq(ActivityStatus::Approved.as_str()))
        .group_by(activities::Column::EmployeeId)
        .into_tuple::<(i64, Option<i64>)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(e, m)| (e, m.unwrap_or(0)))
        .collect();
    let ids: Vec<i64> = people.iter().map(|(id, ..)| *id).collect();
    let calendars = Calendars::load(db, settings, calendar::Units::All, from, to, Some(&ids)).await?;
    let unit_of: HashMap<i64, i64> = people.iter().map(|(id, .., unit)| (*id, *unit)).collect();
    // Only the days that cost something: late, left early, apel missed, absent, or without a record.
    let costly: Vec<(i64, NaiveDate, AttendanceStatus, i32, i32, bool)> = attendance::Entity::find()
        .select_only()
        .columns([
            attendance::Column::EmployeeId,
            attendance::Column::Date,
            attendance::Column::Status,
            attendance::Column::LateMinutes,
            attendance::Column::EarlyMinutes,
            attendance::Column::MissedApel,
        ])
        .filter(attendance::Column::EmployeeId.in_subquery(employees_of.clone()))
        .filter(attendance::Column::Date.between(from, to))
        .filter(
            Condition::any()
                .add(
                    attendance::Column::Status
                        .is_in([AttendanceStatus::Alpa.as_str(), AttendanceStatus::TanpaRekam.as_str()]),
                )
                .add(
                    Condition::all().add(attendance::Column::Status.eq(AttendanceStatus::Hadir.as_str())).add(
                        Condition::any()
                            .add(attendance::Column::LateMinutes.gt(0))
                            .add(attendance::Column::EarlyMinutes.gt(0))
                            .add(attendance::Column::MissedApel.eq(true)),
                    ),
                ),
        )
        .order_by_asc(attendance::Column::Date)
        .into_tuple()
        .all(db)
        .await?;
    let mut discipline: HashMap<i64, Discipline> = HashMap::new();
    for (employee, level) in crate::services::sanctions::in_force(db, employees_of.clone(), from, to).await? {
        discipline.entry(employee).or_default().sanction = Some(level);
    }
    for (employee, date, status, late, early, apel) in costly {
        let Some(unit) = unit_of.get(&employee) else { continue };
        // A record on a day off, a holiday or a day of leave costs nothing (dinas luar is work).
        if !calendars.with(employee, *unit, |cal| cal.day(date).expected().is_some()) {
            continue;
        }
        let d = discipline.entry(employee).or_default();
        match status {
            AttendanceStatus::Alpa => d.absent_days += 1,
            AttendanceStatus::TanpaRekam => d.late_days.push(None),
            _ => {
                if late > 0 {
                    d.late_days.push(Some(late as u32));
                }
                if early > 0 {
                    d.early_days.push(early as u32);
                }
                d.missed_apel += u32::from(apel);
            }
        }
    }
    // The predikat of the month's rating period (finalized ratings only), where the rule uses it.
    let predikat: HashMap<i64, Predikat> = if rule.performance_by_predikat.is_some() {
        assessments::Entity::find()
            .select_only()
            .columns([assessments::Column::EmployeeId, assessments::Column::Predikat])
            .filter(assessments::Column::EmployeeId.in_subquery(employees_of))
            .filter(assessments::Column::Period.eq(rating_period.to_string()))
            // A draft is no rating yet, and an objected one may still change.
            .filter(
                assessments::Column::Status
                    .is_not_in([AssessmentStatus::Draft.as_str(), AssessmentStatus::Objected.as_str()]),
            )
            .into_tuple::<(i64, Predikat)>()
            .all(db)
            .await?
            .into_iter()
            .collect()
    } else {
        HashMap::new()
    };
    let label = month.to_string();
    let full_month = calendars.default_pattern().expected_between(from, to);
    let mut out: Vec<TppRow> = people
        .into_iter()
        .map(|(id, nip, name, unit)| {
            let approved = minutes.get(&id).copied().unwrap_or(0).max(0) as u64;
            let d = discipline.remove(&id).unwrap_or_default();
            let p = predikat.get(&id).copied();
            let (target, excused_days) = calendars.with(id, unit, |cal| {
                (
                    target_minutes(rule.monthly_minutes_target, cal.expected_between(from, to), full_month),
                    excused(cal, from, to),
                )
            });
            let t = rule.compute_against(approved, target, &d, p);
            TppRow {
                nip,
                name,
                unit: unit_names.get(&unit).cloned().unwrap_or_default(),
                month: label.clone(),
                approved_minutes: approved,
                target_minutes: target,
                excused_days,
                performance: t.performance,
                late_days: d.late_days.len() as u32,
                lateness_deduction: t.lateness_deduction,
                early_leave_days: d.early_days.len() as u32,
                early_leave_deduction: t.early_leave_deduction,
                missed_apel: d.missed_apel,
                apel_deduction: t.apel_deduction,
                predikat: p,
                absent_days: d.absent_days,
                absence_deduction: t.absence_deduction,
                discipline: t.discipline,
                absence_forfeited: t.forfeited,
                sanction: d.sanction,
                sanction_deduction: t.sanction_deduction,
                tpp_percent: t.total,
            }
        })
        .collect();
    out.sort_by(|a, b| a.unit.cmp(&b.unit).then_with(|| a.name.cmp(&b.name)));
    Ok(out)
}

/// The rule's `target` in proportion to the minutes `expected` of the person against the `full`
/// month of the default pattern: 0 when nothing is expected of them (a month wholly on leave), whose
/// performance share is then whole (see [`kinerja_domain::tpp::TppRule::compute_against`]).
pub fn target_minutes(target: u32, expected: u32, full: u32) -> u32 {
    if full == 0 {
        return target;
    }
    let scaled = u64::from(target) * u64::from(expected) / u64::from(full);
    u32::try_from(scaled).unwrap_or(u32::MAX)
}

/// The days of `from..=to` the person's leave excuses (dinas luar is work).
fn excused(cal: &Calendar, from: NaiveDate, to: NaiveDate) -> u32 {
    from.iter_days().take_while(|d| *d <= to).filter(|d| cal.day(*d).is_leave()).count() as u32
}
