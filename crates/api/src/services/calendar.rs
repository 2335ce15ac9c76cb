//! Each person's working calendar (see [`kinerja_domain::calendar`]): their own work pattern
//! (`employees.work_pattern`, a shift rota) or that of their unit, or of the nearest unit above it
//! that has one (`unit_work_patterns` in the settings; the first of `work_patterns` when none has),
//! the Pemda's holidays and overrides, and the days excused by their attendance (cuti, sakit,
//! izin, dinas luar) or by the leave the BKPSDM recorded.

use crate::entities::{attendance, employees, leave, units};
use crate::error::{ApiError, ApiResult};
use chrono::NaiveDate;
use kinerja_domain::calendar::{Calendar, Day, Excuse, LeaveKind, WorkPattern};
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
    /// Each pattern's calendar without anyone's leave, in the settings' order.
    base: Vec<Calendar>,
    /// The pattern (index into `base`) of each unit that has one other than the first.
    unit_pattern: HashMap<i64, usize>,
    /// The pattern of each employee with their own.
    employee_pattern: HashMap<i64, usize>,
    /// The excused days of each employee within the span.
    excused: HashMap<i64, HashMap<NaiveDate, Excuse>>,
}

/// Which units' patterns to resolve.
pub enum Units<'a> {
    All,
    /// These units and the chain above each (for one person: a few reads instead of the table).
    Only(&'a [i64]),
}

impl Calendars {
    /// Resolves the units' patterns, reads everyone's own pattern (few people have one) and the
    /// excused days of `from..=to` of `employees` (`None`: everyone; `Some(&[])`: no one).
    pub async fn load(
        db: &impl ConnectionTrait,
        settings: &PemdaSettings,
        units: Units<'_>,
        from: NaiveDate,
        to: NaiveDate,
        employees: Option<&[i64]>,
    ) -> ApiResult<Self> {
        Self::read(db, settings, units, from, to, employees, true).await
    }

    async fn read(
        db: &impl ConnectionTrait,
        settings: &PemdaSettings,
        units: Units<'_>,
        from: NaiveDate,
        to: NaiveDate,
        employees: Option<&[i64]>,
        own: bool,
    ) -> ApiResult<Self> {
        let patterns = patterns(settings);
        let index: HashMap<&str, usize> = patterns.iter().enumerate().map(|(i, p)| (p.code.as_str(), i)).collect();
        let unit_pattern = if settings.unit_work_patterns.is_empty() {
            HashMap::new()
        } else {
            resolve_units(db, settings, &index, units).await?
        };
        let employee_pattern = if own { own_patterns(db, &index).await? } else { HashMap::new() };
        let holidays: HashSet<NaiveDate> = settings.holidays.iter().copied().collect();
        let base = patterns
            .into_iter()
            .map(|pattern| Calendar {
                pattern,
                overrides: settings.calendar_overrides.clone(),
                holidays: holidays.clone(),
                excused: HashMap::new(),
            })
            .collect();
        let excused = match employees {
            Some([]) => HashMap::new(),
            _ => excused_days(db, from, to, employees).await?,
        };
        Ok(Self { base, unit_pattern, employee_pattern, excused })
    }

    /// Runs `f` on the calendar of `employee`, who works in `unit` (copied only for someone with
    /// leave in the span).
    pub fn with<R>(&self, employee: i64, unit: i64, f: impl FnOnce(&Calendar) -> R) -> R {
        let base = &self.base[self.pattern_of(employee, unit)];
        match self.excused.get(&employee) {
            None => f(base),
            Some(days) => f(&Calendar { excused: days.clone(), ..base.clone() }),
        }
    }

    /// The working days of the units alone, for clocks that run on a unit's days (complaints):
    /// their patterns, the holidays and overrides; no one's leave or own pattern.
    pub async fn of_units(db: &impl ConnectionTrait, settings: &PemdaSettings, units: Units<'_>) -> ApiResult<Self> {
        let today = settings.today();
        Self::read(db, settings, units, today, today, Some(&[]), false).await
    }

    /// The days of `from..=to` `employee` (of `unit`) is expected to work: their pattern's (counted
    /// once per pattern in `counted`), less their days of leave.
    pub fn working_days(
        &self,
        employee: i64,
        unit: i64,
        (from, to): (NaiveDate, NaiveDate),
        counted: &mut HashMap<usize, u32>,
    ) -> u32 {
        let index = self.pattern_of(employee, unit);
        let base = &self.base[index];
        let all = *counted.entry(index).or_insert_with(|| base.working_days_between(from, to));
        let leave = self.excused.get(&employee).map_or(0, |days| {
            days.iter()
                .filter(|(d, e)| {
                    from <= **d && **d <= to && **e != Excuse::DinasLuar && base.day(**d).expected().is_some()
                })
                .count() as u32
        });
        all.saturating_sub(leave)
    }

    /// The calendar of `unit` (its pattern or the nearest one above it).
    pub fn of_unit(&self, unit: i64) -> &Calendar {
        &self.base[self.unit_pattern.get(&unit).copied().unwrap_or(0)]
    }

    /// The calendar of the default pattern (the first of the settings), without anyone's leave.
    pub fn default_pattern(&self) -> &Calendar {
        &self.base[0]
    }

    /// The pattern (index into `base`) of `employee` of `unit`: their own, else their unit's.
    fn pattern_of(&self, employee: i64, unit: i64) -> usize {
        let own = self.employee_pattern.get(&employee).or_else(|| self.unit_pattern.get(&unit));
        own.copied().unwrap_or(0)
    }

    /// The calendar of `employee`, who works in `unit`.
    pub fn of(&self, employee: i64, unit: i64) -> Calendar {
        self.with(employee, unit, Calendar::clone)
    }
}

/// The Pemda's work patterns (the common five-day week when none is set; the first is the default,
/// for every unit without a pattern of its own).
pub fn patterns(settings: &PemdaSettings) -> Vec<WorkPattern> {
    if settings.work_patterns.is_empty() {
        vec![WorkPattern::five_days()]
    } else {
        settings.work_patterns.clone()
    }
}

/// The pattern of everyone who has their own (few: shift workers; an indexed read); one whose
/// code the settings no longer hold keeps their unit's.
async fn own_patterns(db: &impl ConnectionTrait, index: &HashMap<&str, usize>) -> ApiResult<HashMap<i64, usize>> {
    let rows: Vec<(i64, Option<String>)> = employees::Entity::find()
        .select_only()
        .columns([employees::Column::Id, employees::Column::WorkPattern])
        .filter(employees::Column::WorkPattern.is_not_null())
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(|(id, code)| Some((id, *index.get(code?.as_str())?))).collect())
}

/// The pattern of each unit with one other than the first: its own or the nearest above it.
async fn resolve_units(
    db: &impl ConnectionTrait,
    settings: &PemdaSettings,
    index: &HashMap<&str, usize>,
    units: Units<'_>,
) -> ApiResult<HashMap<i64, usize>> {
    // (code, parent) of each unit read.
    let mut tree: HashMap<i64, (String, Option<i64>)> = HashMap::new();
    let wanted: Vec<i64> = match units {
        Units::All => {
            let all: Vec<(i64, String, Option<i64>)> = units::Entity::find()
                .select_only()
                .columns([units::Column::Id, units::Column::Code, units::Column::ParentId])
                .into_tuple()
                .all(db)
                .await?;
            let ids = all.iter().map(|(id, ..)| *id).collect();
            tree.extend(all.into_iter().map(|(id, code, parent)| (id, (code, parent))));
            ids
        }
        Units::Only(ids) => {
            // Up each chain, one unit at a time (a tree is a few levels deep).
            for &start in ids {
                let mut at = Some(start);
                while let Some(id) = at.filter(|id| !tree.contains_key(id)) {
                    let Some(u) = units::Entity::find_by_id(id).one(db).await? else { break };
                    at = u.parent_id;
                    tree.insert(id, (u.code, u.parent_id));
                }
            }
            ids.to_vec()
        }
    };
    let mut out = HashMap::new();
    for id in wanted {
        // The nearest unit up the tree (itself first) with a pattern of its own; a loop in the
        // tree (never stored) stops after as many steps as there are units read.
        let mut at = Some(id);
        for _ in 0..=tree.len() {
            let Some((code, parent)) = at.and_then(|u| tree.get(&u)) else { break };
            if let Some(i) = settings.unit_work_patterns.get(code).and_then(|c| index.get(c.as_str())) {
                out.insert(id, *i);
                break;
            }
            at = *parent;
        }
    }
    Ok(out)
}

/// The attendance rows that excuse a day of `from..=to`, of `employees` (`None`: everyone).
///
/// The statuses are written into the statement, not bound: the partial index of excused days
/// (`idx_attendance_leave`, migration 045) lists the same ones, and SQLite uses a partial index
/// only for a condition it can read in the statement. They are the vocabulary's own words.
pub fn excused_attendance(
    from: NaiveDate,
    to: NaiveDate,
    employees: Option<&[i64]>,
) -> sea_orm::Select<attendance::Entity> {
    let excusing: Vec<String> =
        AttendanceStatus::ALL.iter().filter(|s| excuse(**s).is_some()).map(|s| format!("'{}'", s.as_str())).collect();
    let mut query = attendance::Entity::find()
        .select_only()
        .columns([attendance::Column::EmployeeId, attendance::Column::Date, attendance::Column::Status])
        .filter(attendance::Column::Date.between(from, to))
        .filter(sea_orm::sea_query::Expr::cust(format!("\"attendance\".\"status\" IN ({})", excusing.join(", "))));
    if let Some(ids) = employees {
        query = query.filter(attendance::Column::EmployeeId.is_in(ids.iter().copied()));
    }
    query
}

/// The excused days of `from..=to` of `employees` (`None`: everyone), by their attendance and
/// their recorded leave.
async fn excused_days(
    db: &impl ConnectionTrait,
    from: NaiveDate,
    to: NaiveDate,
    employees: Option<&[i64]>,
) -> ApiResult<HashMap<i64, HashMap<NaiveDate, Excuse>>> {
    let query = excused_attendance(from, to, employees.filter(|ids| ids.len() <= 1000));
    let mut excused: HashMap<i64, HashMap<NaiveDate, Excuse>> = HashMap::new();
    for (employee, date, status) in query.into_tuple::<(i64, NaiveDate, AttendanceStatus)>().all(db).await? {
        if let Some(e) = excuse(status) {
            excused.entry(employee).or_default().insert(date, e);
        }
    }
    // The leave recorded by the BKPSDM; a day the attendance already excuses keeps its reason.
    let mut query = leave::Entity::find()
        .select_only()
        .columns([leave::Column::EmployeeId, leave::Column::Kind, leave::Column::StartsOn, leave::Column::EndsOn])
        .filter(leave::Column::StartsOn.lte(to))
        .filter(leave::Column::EndsOn.gte(from))
        .filter(leave::Column::AnnulledAt.is_null());
    if let Some(ids) = employees.filter(|ids| ids.len() <= 1000) {
        query = query.filter(leave::Column::EmployeeId.is_in(ids.iter().copied()));
    }
    for (employee, kind, starts, ends) in query.into_tuple::<(i64, LeaveKind, NaiveDate, NaiveDate)>().all(db).await? {
        let days = excused.entry(employee).or_default();
        for d in starts.max(from).iter_days().take_while(|d| *d <= ends.min(to)) {
            days.entry(d).or_insert(kind.excuse());
        }
    }
    Ok(excused)
}

/// The Pemda's logging rules.
pub fn log_rules(settings: &PemdaSettings) -> LogRules {
    LogRules {
        max_days_back: settings.activity_max_days_back,
        max_minutes_per_day: settings.activity_max_minutes_per_day,
        overtime_minutes: settings.activity_overtime_minutes,
    }
}

/// The calendar of `employee_id`, with their excused days of `from..=to` (the days being checked:
/// counting working days back treats an excused day as a working day, so no other day's leave
/// matters).
pub async fn of_employee(
    db: &impl ConnectionTrait,
    settings: &PemdaSettings,
    employee_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<Calendar> {
    let unit = employees::Entity::find_by_id(employee_id).one(db).await?.map_or(0, |e| e.unit_id);
    let calendars = Calendars::load(db, settings, Units::Only(&[unit]), from, to, Some(&[employee_id])).await?;
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
    let cal = of_employee(db, settings, employee_id, from, to).await?;
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
                excuse: excuse.map(|e| e.code().to_owned()),
                loggable: limit.check_date(date, today).is_ok(),
            }
        })
        .collect();
    Ok(MyCalendar { earliest: cal.working_days_back(today, rules.max_days_back), days })
}
