//! Each person's working calendar (see [`kinerja_domain::calendar`]): the work pattern of their
//! unit, or of the nearest unit above it that has one (`unit_work_patterns` in the settings; the
//! first of `work_patterns` when none has), the Pemda's holidays and overrides, and the days their
//! attendance excuses (cuti, sakit, izin, dinas luar).

use crate::entities::{attendance, employees, units};
use crate::error::{ApiError, ApiResult};
use chrono::NaiveDate;
use kinerja_domain::calendar::{Calendar, Day, Excuse, WorkPattern};
use kinerja_domain::tpp::AttendanceStatus;
use kinerja_domain::LogRules;
use kinerja_types::{CalendarDay, Invalid, MyCalendar, PemdaSettings};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::{HashMap, HashSet};

/// The excuse an attendance status gives, if any.
pub fn excuse(status: AttendanceStatus) -> Option<Excuse> {
    match status {
        AttendanceStatus::Cuti => Some(Excuse::Cuti),
        AttendanceStatus::Sakit => Some(Excuse::Sakit),
        AttendanceStatus::Izin => Some(Excuse::Izin),
        AttendanceStatus::DinasLuar => Some(Excuse::DinasLuar),
        AttendanceStatus::Hadir | AttendanceStatus::Alpa | AttendanceStatus::TanpaRekam => None,
    }
}

/// The calendars of many people over a span of days, read at once.
pub struct Calendars {
    /// The pattern each unit follows.
    patterns: HashMap<i64, WorkPattern>,
    /// The first pattern, for a unit not known.
    default: WorkPattern,
    holidays: HashSet<NaiveDate>,
    overrides: Vec<kinerja_domain::calendar::Override>,
    /// The excused days of each employee within the span.
    excused: HashMap<i64, HashMap<NaiveDate, Excuse>>,
}

impl Calendars {
    /// Reads the units and the excused days of `from..=to` (of `employees` when given, else of
    /// everyone).
    pub async fn load(
        db: &impl ConnectionTrait,
        settings: &PemdaSettings,
        from: NaiveDate,
        to: NaiveDate,
        employees: Option<&[i64]>,
    ) -> ApiResult<Self> {
        let default = settings.work_patterns.first().cloned().unwrap_or_else(WorkPattern::five_days);
        let by_code: HashMap<&str, &WorkPattern> =
            settings.work_patterns.iter().map(|p| (p.code.as_str(), p)).collect();
        let all: Vec<(i64, String, Option<i64>)> = units::Entity::find()
            .select_only()
            .columns([units::Column::Id, units::Column::Code, units::Column::ParentId])
            .into_tuple()
            .all(db)
            .await?;
        let parents: HashMap<i64, (Option<i64>, &str)> =
            all.iter().map(|(id, code, parent)| (*id, (*parent, code.as_str()))).collect();
        let mut patterns = HashMap::new();
        for (id, _, _) in &all {
            // The nearest unit up the tree (itself first) with a pattern of its own; a loop in the
            // tree (never stored) stops after as many steps as there are units.
            let mut at = Some(*id);
            let mut found = None;
            for _ in 0..=all.len() {
                let Some((parent, code)) = at.and_then(|u| parents.get(&u)) else { break };
                if let Some(p) = settings.unit_work_patterns.get(*code).and_then(|c| by_code.get(c.as_str())) {
                    found = Some((*p).clone());
                    break;
                }
                at = *parent;
            }
            patterns.insert(*id, found.unwrap_or_else(|| default.clone()));
        }
        let excusing: Vec<&str> =
            AttendanceStatus::ALL.iter().filter(|s| excuse(**s).is_some()).map(|s| s.as_str()).collect();
        let mut excused: HashMap<i64, HashMap<NaiveDate, Excuse>> = HashMap::new();
        let mut query = attendance::Entity::find()
            .filter(attendance::Column::Date.between(from, to))
            .filter(attendance::Column::Status.is_in(excusing));
        if let Some(ids) = employees {
            if ids.is_empty() {
                query = query.filter(attendance::Column::Id.eq(-1));
            } else if ids.len() <= 1000 {
                query = query.filter(attendance::Column::EmployeeId.is_in(ids.iter().copied()));
            }
        }
        for row in query.all(db).await? {
            if let Some(e) = excuse(row.status) {
                excused.entry(row.employee_id).or_default().insert(row.date, e);
            }
        }
        Ok(Self {
            patterns,
            default,
            holidays: settings.holidays.iter().copied().collect(),
            overrides: settings.calendar_overrides.clone(),
            excused,
        })
    }

    /// The calendar of `employee`, who works in `unit`.
    pub fn of(&self, employee: i64, unit: i64) -> Calendar {
        Calendar {
            pattern: self.patterns.get(&unit).cloned().unwrap_or_else(|| self.default.clone()),
            overrides: self.overrides.clone(),
            holidays: self.holidays.clone(),
            excused: self.excused.get(&employee).cloned().unwrap_or_default(),
        }
    }
}

/// The Pemda's logging rules.
pub fn log_rules(settings: &PemdaSettings) -> LogRules {
    LogRules {
        max_days_back: settings.activity_max_days_back,
        max_minutes_per_day: settings.activity_max_minutes_per_day,
        overtime_minutes: settings.activity_overtime_minutes,
    }
}

/// The calendar of `employee_id` over the days a log may reach (its window, or back to `from`).
pub async fn of_employee(
    db: &impl ConnectionTrait,
    settings: &PemdaSettings,
    employee_id: i64,
    from: NaiveDate,
    today: NaiveDate,
) -> ApiResult<Calendar> {
    let unit = employees::Entity::find_by_id(employee_id).one(db).await?.map_or(0, |e| e.unit_id);
    // The window in working days reaches further back in calendar days: a month more covers
    // weekends, holidays and leave.
    let reach = i64::from(settings.activity_max_days_back) * 2 + 31;
    let from = from.min(today - chrono::Duration::days(reach));
    let calendars = Calendars::load(db, settings, from, today, Some(&[employee_id])).await?;
    Ok(calendars.of(employee_id, unit))
}

/// The days `from..=to` of the employee's calendar (at most 62; 422 otherwise), each with what it
/// may hold and whether it may be logged, and the earliest day they may still log.
pub async fn mine(
    db: &impl ConnectionTrait,
    settings: &PemdaSettings,
    employee_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<MyCalendar> {
    if to < from || (to - from).num_days() > 61 {
        return Err(ApiError::field("to", Invalid::CalendarSpan));
    }
    let today = settings.today();
    let rules = log_rules(settings);
    let cal = of_employee(db, settings, employee_id, from, today.max(to)).await?;
    let days = from
        .iter_days()
        .take_while(|d| *d <= to)
        .map(|date| {
            let (kind, minutes, excuse) = match cal.day(date) {
                Day::Working { minutes } => ("working", minutes, None),
                Day::Off => ("off", 0, None),
                Day::Holiday => ("holiday", 0, None),
                Day::Excused { excuse, minutes } => ("excused", minutes, Some(excuse)),
            };
            let limit = rules.limit(date, today, &cal);
            CalendarDay {
                date,
                kind: kind.to_owned(),
                minutes: u32::from(minutes),
                cap: limit.cap,
                excuse: excuse.map(|e| excuse_code(e).to_owned()),
                loggable: limit.check_date(date, today).is_ok(),
            }
        })
        .collect();
    Ok(MyCalendar { earliest: cal.working_days_back(today, rules.max_days_back), days })
}

fn excuse_code(e: Excuse) -> &'static str {
    match e {
        Excuse::Cuti => "cuti",
        Excuse::Sakit => "sakit",
        Excuse::Izin => "izin",
        Excuse::DinasLuar => "dinas_luar",
    }
}
