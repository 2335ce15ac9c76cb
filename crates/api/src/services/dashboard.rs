//! The unit dashboard's figures: a handful of grouped queries over the unit subtree, rolled up in
//! memory for the unit and for each of its child units (the drill-down), so the cost does not grow
//! with the number of children.

use crate::entities::{
    activities, activity_daily_totals, assessments, complaint_events, complaints, employees, evaluation_follow_ups,
    surveys, trainings, units,
};
use crate::error::{ApiError, ApiResult};
use crate::policy::{employees_within, within, Units};
use crate::services::ikm::{answers_of, months};
use crate::services::rating::rating_period_of;
use chrono::{Datelike, Duration, NaiveDate};
use futures_util::TryFutureExt;
use kinerja_domain::ikm::compute as ikm_compute;
use kinerja_domain::{ActivityStatus, ComplaintStatus, Period, Predikat, SkpStatus};
use kinerja_types::{
    ActivityFigures, AttentionItem, AttentionReason, ComplaintFigures, Dashboard, IkmFigure, MonthPoint, PemdaSettings,
    SkpFigures, TrainingFigures, UnitFigures,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::{BTreeMap, HashMap, HashSet};

/// At most this many people are listed as needing attention (all are counted).
const ATTENTION_LIST_MAX: usize = 200;
/// The median approval time is taken over at most this many approvals: the period's latest.
const MEDIAN_SAMPLE: u64 = 5000;
/// Months in the chart series.
const SERIES_MONTHS: u32 = 6;
/// Working days without any logged activity before someone needs attention.
const IDLE_WORKING_DAYS: u32 = 7;

/// The unit subtree and which branch (the root, or one of its children) each unit rolls up to.
pub(crate) struct Tree {
    root: i64,
    names: HashMap<i64, String>,
    /// The root's children, by name.
    pub children: Vec<i64>,
    branch_of: HashMap<i64, i64>,
    /// Whether the subtree holds every unit of the Pemda.
    everything: bool,
}

impl Tree {
    pub async fn load(db: &impl ConnectionTrait, root: i64) -> ApiResult<Tree> {
        let all: Vec<(i64, Option<i64>, String)> = units::Entity::find()
            .select_only()
            .columns([units::Column::Id, units::Column::ParentId, units::Column::Name])
            .into_tuple()
            .all(db)
            .await?;
        let mut kids: HashMap<i64, Vec<(String, i64)>> = HashMap::new();
        for (id, parent, name) in &all {
            if let Some(p) = parent {
                kids.entry(*p).or_default().push((name.clone(), *id));
            }
        }
        for list in kids.values_mut() {
            list.sort();
        }
        let children: Vec<i64> = kids.get(&root).map(|l| l.iter().map(|(_, id)| *id).collect()).unwrap_or_default();
        let mut branch_of = HashMap::from([(root, root)]);
        for &child in &children {
            let mut stack = vec![child];
            while let Some(u) = stack.pop() {
                if branch_of.insert(u, child).is_none() {
                    stack.extend(kids.get(&u).into_iter().flatten().map(|(_, id)| *id));
                }
            }
        }
        let everything = branch_of.len() == all.len();
        let names = all.into_iter().filter(|(id, ..)| branch_of.contains_key(id)).map(|(id, _, n)| (id, n)).collect();
        Ok(Tree { root, names, children, branch_of, everything })
    }

    /// Every unit of the subtree.
    pub fn units(&self) -> Vec<i64> {
        self.branch_of.keys().copied().collect()
    }

    /// The branch a unit of the subtree rolls up to: its child of the root, or the root itself.
    pub fn branch(&self, unit: i64) -> i64 {
        self.branch_of.get(&unit).copied().unwrap_or(self.root)
    }

    /// A unit's name.
    pub fn name(&self, unit: i64) -> String {
        self.names.get(&unit).cloned().unwrap_or_default()
    }

    /// The branches a unit's figures count towards: the root always, and its child branch.
    fn targets(&self, unit: i64) -> impl Iterator<Item = i64> {
        let branch = self.branch_of.get(&unit).copied().filter(|b| *b != self.root);
        std::iter::once(self.root).chain(branch)
    }
}

/// Figures being summed for one branch.
#[derive(Default)]
struct Acc {
    headcount: u64,
    /// Working days of the period so far, summed over the headcount.
    working_days: u64,
    skp: SkpFigures,
    activities: ActivityFigures,
    predikat: BTreeMap<Predikat, u64>,
    answers: Vec<[u8; 9]>,
    complaints: ComplaintFigures,
    attention: u64,
    /// Hours from submission to approval of the sampled approvals, for the median.
    approval_hours: Vec<f64>,
}

/// The median of the hours, to a tenth (none without any).
fn median(mut hours: Vec<f64>) -> Option<f64> {
    hours.sort_by(|a, b| a.total_cmp(b));
    let n = hours.len();
    let m = match n {
        0 => return None,
        n if n % 2 == 1 => hours[n / 2],
        n => (hours[n / 2 - 1] + hours[n / 2]) / 2.0,
    };
    Some((m * 10.0).round() / 10.0)
}

fn ikm_figure(period: &str, answers: &[[u8; 9]]) -> IkmFigure {
    let r = ikm_compute(answers, None);
    IkmFigure {
        period: period.to_owned(),
        respondents: answers.len() as u64,
        ikm: r.as_ref().map(|r| r.ikm),
        grade: r.as_ref().map(|r| r.grade),
    }
}

/// Computes the dashboard of `root` for a period.
pub async fn compute(
    db: &impl ConnectionTrait,
    root: i64,
    period: Period,
    settings: &PemdaSettings,
) -> ApiResult<Dashboard> {
    let tree = Tree::load(db, root).await?;
    let units = tree.units();
    let scope: Units = if tree.everything { None } else { Some(units.clone()) };
    let today = settings.today();
    let (from, to) = period.bounds();
    let mut acc: HashMap<i64, Acc> =
        std::iter::once(root).chain(tree.children.iter().copied()).map(|b| (b, Acc::default())).collect();
    let mut add = |unit: i64, f: &mut dyn FnMut(&mut Acc)| {
        for b in tree.targets(unit) {
            if let Some(a) = acc.get_mut(&b) {
                f(a);
            }
        }
    };

    // The big reads do not depend on each other: they run at once, each on its own pooled connection.
    let year = period.year();
    // Idle is counted on each person's calendar: their unit's pattern (read now), less their leave
    // (read below, only for those idle by the pattern alone: leave can only excuse them).
    use crate::services::calendar::{Calendars, Units as CalendarUnits};
    let patterns = Calendars::load(db, settings, CalendarUnits::All, today, today, Some(&[])).await?;
    // The people, the status of each one's SKP of the year in force and the date of each one's
    // latest activity: three plain reads, not one with two subqueries per person (20,000 people).
    let people_q = employees::Entity::find()
        .select_only()
        .columns([employees::Column::Id, employees::Column::Name, employees::Column::UnitId])
        .filter(within(employees::Column::UnitId, &scope))
        .into_tuple::<(i64, String, i64)>()
        .all(db)
        .map_err(ApiError::from);
    let plans_q = crate::services::skp::in_force_statuses(db, year, employees_within(&scope));
    let last_active_q = crate::services::activity_totals::last_activity_dates(db, employees_within(&scope));
    let approved_q = activity_daily_totals::Entity::find()
        .select_only()
        .column(activity_daily_totals::Column::UnitId)
        .column_as(activity_daily_totals::Column::Approved.sum(), "n")
        .column_as(activity_daily_totals::Column::Minutes.sum(), "m")
        .filter(within(activity_daily_totals::Column::UnitId, &scope))
        .filter(activity_daily_totals::Column::Date.between(from, to))
        .group_by(activity_daily_totals::Column::UnitId)
        .into_tuple::<(i64, Option<i64>, Option<i64>)>()
        .all(db)
        .map_err(ApiError::from);
    let open_q = activities::Entity::find()
        .select_only()
        .column(activities::Column::UnitId)
        .column(activities::Column::Status)
        .column_as(activities::Column::Id.count(), "n")
        .column_as(activities::Column::Minutes.sum(), "m")
        .filter(within(activities::Column::UnitId, &scope))
        .filter(activities::Column::Status.is_in(
            [ActivityStatus::Draft, ActivityStatus::Submitted, ActivityStatus::Rejected].map(ActivityStatus::as_str),
        ))
        .filter(activities::Column::Date.between(from, to))
        .group_by(activities::Column::UnitId)
        .group_by(activities::Column::Status)
        .into_tuple::<(i64, ActivityStatus, i64, Option<i64>)>()
        .all(db)
        .map_err(ApiError::from);
    let hours = match db.get_database_backend() {
        DbBackend::Postgres => "CAST(EXTRACT(EPOCH FROM (decided_at - submitted_at)) AS DOUBLE PRECISION) / 3600.0",
        _ => "(julianday(decided_at) - julianday(submitted_at)) * 24.0",
    };
    let approvals_q = activities::Entity::find()
        .select_only()
        .column(activities::Column::UnitId)
        .column_as(Expr::cust(hours), "hours")
        .filter(within(activities::Column::UnitId, &scope))
        .filter(activities::Column::Date.between(from, to))
        .filter(activities::Column::Status.eq(ActivityStatus::Approved.as_str()))
        // The latest approvals (by the day of the work): the same sample at every request, read
        // newest first from `idx_activities_status_date_cover` without sorting the period. While
        // the period is running its last days hold mostly the quick approvals (the slow ones
        // still wait), so the median leans low then; the README says so.
        .order_by_desc(activities::Column::Date)
        .order_by_desc(activities::Column::Id)
        .limit(MEDIAN_SAMPLE)
        .into_tuple::<(i64, Option<f64>)>()
        .all(db)
        .map_err(ApiError::from);
    let (people, plans, last_active, approved, open, approvals) =
        tokio::try_join!(people_q, plans_q, last_active_q, approved_q, open_q, approvals_q)?;
    // By name (then id, for namesakes), as the attention list shows them.
    let mut people: Vec<_> = people
        .into_iter()
        .map(|(id, name, unit)| (id, name, unit, plans.get(&id).copied(), last_active.get(&id).copied()))
        .collect();
    people.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));

    // People, their plans and who has been idle.
    let unit_of: HashMap<i64, i64> = people.iter().map(|(id, _, u, ..)| (*id, *u)).collect();
    let mut reasons: HashMap<i64, Vec<AttentionReason>> = HashMap::new();
    let idle_by_pattern: Vec<i64> = people
        .iter()
        .filter(|(id, _, unit, _, last_active)| {
            let since = patterns.with(*id, *unit, |c| c.expected_days_back(today, IDLE_WORKING_DAYS));
            last_active.is_none_or(|d| d < since)
        })
        .map(|(id, ..)| *id)
        .collect();
    let calendars = if idle_by_pattern.is_empty() {
        patterns
    } else {
        Calendars::load(db, settings, CalendarUnits::All, today - Duration::days(366), today, Some(&idle_by_pattern))
            .await?
    };
    let idle_by_pattern: HashSet<i64> = idle_by_pattern.into_iter().collect();
    // Working days of the period so far, each person's by their calendar: their pattern's, counted
    // once per pattern, less their leave of the period.
    let days_to = to.min(today);
    let ids: Vec<i64> = people.iter().map(|(id, ..)| *id).collect();
    let period_days = Calendars::load(db, settings, CalendarUnits::All, from, days_to, Some(&ids)).await?;
    let mut per_pattern: HashMap<usize, u32> = HashMap::new();
    for (id, _, unit, status, last_active) in &people {
        let status: Option<SkpStatus> = *status;
        let working_days = u64::from(period_days.working_days(*id, *unit, (from, days_to), &mut per_pattern));
        add(*unit, &mut |a| {
            a.headcount += 1;
            a.working_days += working_days;
            match status {
                None => a.skp.none += 1,
                Some(SkpStatus::Draft) => a.skp.draft += 1,
                Some(SkpStatus::Submitted) => a.skp.submitted += 1,
                Some(SkpStatus::Returned) => a.skp.returned += 1,
                Some(SkpStatus::Approved) => a.skp.approved += 1,
            }
        });
        if status != Some(SkpStatus::Approved) {
            reasons.entry(*id).or_default().push(AttentionReason::NoApprovedSkp { year });
        }
        let idle = idle_by_pattern.contains(id) && {
            let since = calendars.with(*id, *unit, |c| c.expected_days_back(today, IDLE_WORKING_DAYS));
            last_active.is_none_or(|d| d < since)
        };
        if idle {
            reasons.entry(*id).or_default().push(AttentionReason::Idle { working_days: IDLE_WORKING_DAYS });
        }
    }

    // Activities of the period: approved work from the daily totals (most rows, counted as they are
    // approved), the rest — drafts, waiting, rejected — from the activities themselves.
    let grouped =
        approved.into_iter().map(|(unit, n, m)| (unit, ActivityStatus::Approved, n.unwrap_or(0), m)).chain(open);
    for (unit, status, n, minutes) in grouped {
        let n = n.max(0) as u64;
        let minutes = minutes.unwrap_or(0).max(0) as u64;
        add(unit, &mut |a| {
            match status {
                ActivityStatus::Draft => a.activities.draft += n,
                ActivityStatus::Submitted => a.activities.submitted += n,
                ActivityStatus::Approved => a.activities.approved += n,
                ActivityStatus::Rejected => a.activities.rejected += n,
            }
            // Hours of work are the approved ones, as in the monthly chart.
            if status == ActivityStatus::Approved {
                a.activities.minutes += minutes;
            }
        });
    }
    // The approval times, each counted in its unit and every unit above (the same sample for the
    // tile and the table, so a child's median exists wherever the tile has one).
    for (unit, h) in approvals {
        if let Some(h) = h {
            add(unit, &mut |a| a.approval_hours.push(h.max(0.0)));
        }
    }

    // Predikat: for a year, its annual rating (the one that counts for the year); else, or while
    // nobody has an annual rating yet, the latest rating period that has ratings.
    let latest = rating_period_of(to.min(today), settings.assessment_frequency);
    let mut candidates = vec![latest, latest.previous()];
    if let Period::Year(_) = period {
        candidates.insert(0, period);
    }
    // Only finalized ratings count: a draft is not a rating yet.
    let counted = crate::services::assessments::counted;
    let rated_in = |p: Period| {
        assessments::Entity::find()
            .filter(crate::services::placements::placed(assessments::Column::EmployeeId, &scope, p.bounds().1))
            .filter(assessments::Column::Period.eq(p.to_string()))
            .filter(counted())
            .count(db)
    };
    let mut predikat_period = candidates[0];
    for candidate in candidates {
        if rated_in(candidate).await? > 0 {
            predikat_period = candidate;
            break;
        }
    }
    // Counted where each was placed on the period's last day (as in the distribution).
    let (_, period_end) = predikat_period.bounds();
    let placed = crate::services::placements::placed_on(db, &scope, period_end).await?;
    let ratings: Vec<(i64, Predikat)> = assessments::Entity::find()
        .select_only()
        .columns([assessments::Column::EmployeeId, assessments::Column::Predikat])
        .filter(crate::services::placements::placed(assessments::Column::EmployeeId, &scope, period_end))
        .filter(assessments::Column::Period.eq(predikat_period.to_string()))
        .filter(counted())
        .into_tuple()
        .all(db)
        .await?;
    for (employee, p) in ratings {
        let Some(unit) = placed.get(&employee).copied() else { continue };
        add(unit, &mut |a| *a.predikat.entry(p).or_default() += 1);
        // Only staff still here are on the attention list.
        if !unit_of.contains_key(&employee) {
            continue;
        }
        if matches!(p, Predikat::ButuhPerbaikan | Predikat::Kurang | Predikat::SangatKurang) {
            reasons
                .entry(employee)
                .or_default()
                .push(AttentionReason::LowPredikat { predikat: p, period: predikat_period.to_string() });
        }
    }

    // Satisfaction index of the period.
    let answers: Vec<(i64, String)> = surveys::Entity::find()
        .select_only()
        .columns([surveys::Column::UnitId, surveys::Column::Answers])
        .filter(within(surveys::Column::UnitId, &scope))
        .filter(surveys::Column::Period.is_in(months(&period)))
        .into_tuple()
        .all(db)
        .await?;
    for (unit, raw) in answers {
        if let Some(a9) = answers_of(&raw) {
            add(unit, &mut |a| a.answers.push(a9));
        }
    }

    // Complaints: the open backlog, and those of the period closed within the response deadline.
    let open_or_recent: Vec<complaints::Model> = complaints::Entity::find()
        .filter(within(complaints::Column::UnitId, &scope))
        .filter(
            sea_orm::Condition::any()
                .add(
                    complaints::Column::Status
                        .is_not_in(ComplaintStatus::ALL.iter().filter(|s| s.is_final()).map(|s| s.as_str())),
                )
                .add(complaints::Column::FiledOn.between(from, to)),
        )
        .all(db)
        .await?;
    let closed_ids: Vec<i64> = open_or_recent
        .iter()
        .filter(|c| c.status == ComplaintStatus::Closed && c.filed_on >= from && c.filed_on <= to)
        .map(|c| c.id)
        .collect();
    let responded: HashMap<i64, NaiveDate> = complaint_events::Entity::find()
        .filter(complaint_events::Column::ComplaintId.is_in(closed_ids))
        .filter(complaint_events::Column::ToStatus.eq(ComplaintStatus::Responded.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.complaint_id, (e.at + Duration::minutes(i64::from(settings.utc_offset_minutes))).date_naive()))
        .collect();
    // Complaint clocks run on each service unit's working days (the patterns read above).
    let unit_days = &calendars;
    let mut overdue_named: HashMap<i64, u32> = HashMap::new();
    for c in &open_or_recent {
        let status: ComplaintStatus = c.status;
        let due = crate::services::complaints::due_in(c, status, settings, unit_days);
        let open = !status.is_final();
        let overdue = open && due.is_some_and(|d| today > d);
        let closed = status == ComplaintStatus::Closed && c.filed_on >= from && c.filed_on <= to;
        let on_time = closed
            && match (c.dispositioned_on, responded.get(&c.id)) {
                (Some(_), Some(at)) => {
                    crate::services::complaints::due_in(c, ComplaintStatus::Dispositioned, settings, unit_days)
                        .is_some_and(|d| *at <= d)
                }
                _ => false,
            };
        // Someone named in an overdue complaint is someone to look at.
        if let Some(named) = c.employee_id.filter(|e| overdue && unit_of.contains_key(e)) {
            *overdue_named.entry(named).or_default() += 1;
        }
        add(c.unit_id, &mut |a| {
            a.complaints.open += u64::from(open);
            a.complaints.overdue += u64::from(overdue);
            a.complaints.closed += u64::from(closed);
            a.complaints.closed_within_sla += u64::from(on_time);
        });
    }

    for (employee, count) in overdue_named {
        reasons.entry(employee).or_default().push(AttentionReason::OverdueComplaints { count });
    }
    // Objections not decided yet, and evaluation follow-ups past their due date.
    let objected: Vec<(i64, String)> = assessments::Entity::find()
        .select_only()
        .columns([assessments::Column::EmployeeId, assessments::Column::Period])
        .filter(within(assessments::Column::UnitId, &scope))
        .filter(assessments::Column::Status.eq(kinerja_domain::AssessmentStatus::Objected.as_str()))
        .into_tuple()
        .all(db)
        .await?;
    for (employee, period) in objected {
        if unit_of.contains_key(&employee) {
            reasons.entry(employee).or_default().push(AttentionReason::PendingObjection { period });
        }
    }
    let late_follow_ups: Vec<i64> = evaluation_follow_ups::Entity::find()
        .select_only()
        .column(evaluation_follow_ups::Column::OwnerId)
        .filter(within(evaluation_follow_ups::Column::UnitId, &scope))
        .filter(evaluation_follow_ups::Column::Status.ne(kinerja_domain::oversight::TaskStatus::Done.as_str()))
        .filter(evaluation_follow_ups::Column::DueOn.lt(today))
        .into_tuple()
        .all(db)
        .await?;
    let mut late: HashMap<i64, u32> = HashMap::new();
    for owner in late_follow_ups.into_iter().filter(|o| unit_of.contains_key(o)) {
        *late.entry(owner).or_default() += 1;
    }
    for (owner, count) in late {
        reasons.entry(owner).or_default().push(AttentionReason::OverdueFollowUps { count });
    }

    // Attention.
    let mut attention: Vec<AttentionItem> = people
        .iter()
        .filter_map(|(id, name, unit, ..)| {
            reasons.remove(id).map(|r| AttentionItem {
                employee_id: *id,
                name: name.clone(),
                unit_id: *unit,
                reasons: r,
            })
        })
        .collect();
    for item in &attention {
        add(item.unit_id, &mut |a| a.attention += 1);
    }
    attention.sort_by(|a, b| b.reasons.len().cmp(&a.reasons.len()).then_with(|| a.name.cmp(&b.name)));
    attention.truncate(ATTENTION_LIST_MAX);

    // Series, trend and distribution of the root.
    let series = series(db, &scope, to).await?;
    let mut ikm_trend = Vec::new();
    let mut earlier = period;
    for _ in 0..3 {
        earlier = earlier.previous();
        let rows: Vec<String> = surveys::Entity::find()
            .select_only()
            .column(surveys::Column::Answers)
            .filter(within(surveys::Column::UnitId, &scope))
            .filter(surveys::Column::Period.is_in(months(&earlier)))
            .into_tuple()
            .all(db)
            .await?;
        let answers: Vec<[u8; 9]> = rows.iter().filter_map(|r| answers_of(r)).collect();
        ikm_trend.insert(0, ikm_figure(&earlier.to_string(), &answers));
    }
    let patterns = &settings.distribution_patterns;
    let distribution = crate::services::rating::distribution(db, root, &units, &predikat_period, patterns).await?;
    let training = training_figures(db, &scope, year, settings).await?;
    let mut oversight = crate::services::oversight::figures(db, &scope, today).await?;
    (oversight.objections_waiting, oversight.objections_overdue, oversight.overdue_objections) =
        crate::services::assessments::objection_figures(db, &scope, settings, 20).await?;

    let period_label = period.to_string();
    let figures = |id: i64, a: Acc| {
        let mut skp = a.skp;
        skp.completion =
            if a.headcount == 0 { 0.0 } else { (skp.approved as f64 / a.headcount as f64 * 1000.0).round() / 1000.0 };
        // The deadline on the unit's working days.
        skp.deadline = crate::pemda_settings::skp_deadline(settings, year, period_days.of_unit(id));
        skp.past_deadline = today > skp.deadline;
        let mut activities = a.activities;
        activities.median_approval_hours = median(a.approval_hours);
        activities.pending = activities.submitted;
        activities.minutes_per_employee =
            if a.headcount == 0 { 0.0 } else { (activities.minutes as f64 / a.headcount as f64 * 10.0).round() / 10.0 };
        activities.working_days = a.working_days;
        activities.minutes_per_working_day = if a.working_days == 0 {
            0.0
        } else {
            (activities.minutes as f64 / a.working_days as f64 * 10.0).round() / 10.0
        };
        UnitFigures {
            unit_id: id,
            unit_name: tree.names.get(&id).cloned().unwrap_or_default(),
            headcount: a.headcount,
            skp,
            activities,
            predikat: Predikat::ALL.iter().map(|p| (*p, a.predikat.get(p).copied().unwrap_or(0))).collect(),
            ikm: ikm_figure(&period_label, &a.answers),
            complaints: a.complaints,
            attention_count: a.attention,
        }
    };
    let root_acc = acc.remove(&root).unwrap_or_default();
    let children = tree.children.iter().map(|c| figures(*c, acc.remove(c).unwrap_or_default())).collect();
    Ok(Dashboard {
        period: period_label.clone(),
        generated_at: chrono::Utc::now(),
        predikat_period: predikat_period.to_string(),
        figures: figures(root, root_acc),
        distribution,
        ikm_trend,
        attention,
        series,
        children,
        training,
        oversight,
    })
}

/// Completed jam pelajaran (JP) of the year for the people of the subtree, against each one's
/// target (by employment type).
async fn training_figures(
    db: &impl ConnectionTrait,
    scope: &Units,
    year: i32,
    settings: &PemdaSettings,
) -> ApiResult<TrainingFigures> {
    use crate::services::competency::{jp_target, training_jp};
    let people: Vec<(i64, kinerja_domain::EmploymentType)> = employees::Entity::find()
        .select_only()
        .column(employees::Column::Id)
        .column(employees::Column::EmploymentType)
        .filter(within(employees::Column::UnitId, scope))
        .into_tuple()
        .all(db)
        .await?;
    let who = sea_orm::Condition::all().add(trainings::Column::EmployeeId.in_subquery(employees_within(scope)));
    let done = training_jp(db, who, year).await?;
    let total: u64 = done.values().map(|h| u64::from(*h)).sum();
    let targets: Vec<(u32, u32)> = people
        .iter()
        .filter_map(|(id, kind)| jp_target(*kind, settings).map(|t| (done.get(id).copied().unwrap_or(0), t)))
        .collect();
    let headcount = people.len();
    Ok(TrainingFigures {
        year,
        jp_per_employee: if headcount == 0 { 0.0 } else { (total as f64 / headcount as f64 * 10.0).round() / 10.0 },
        meeting_target: targets.iter().filter(|(jp, t)| jp >= t).count() as u64,
        with_target: targets.len() as u64,
        jp_target: settings.development_jp_target,
    })
}

/// Monthly figures for the charts: the months up to the one holding `end`.
async fn series(db: &impl ConnectionTrait, scope: &Units, end: NaiveDate) -> ApiResult<Vec<MonthPoint>> {
    let mut first = Period::month_of(end);
    for _ in 1..SERIES_MONTHS {
        first = first.previous();
    }
    let (start, _) = first.bounds();
    let mut points: BTreeMap<String, MonthPoint> = BTreeMap::new();
    let mut m = first;
    for _ in 0..SERIES_MONTHS {
        points.insert(m.to_string(), MonthPoint { month: m.to_string(), ..Default::default() });
        m = match m {
            Period::Month(y, 12) => Period::Month(y + 1, 1),
            Period::Month(y, mm) => Period::Month(y, mm + 1),
            other => other,
        };
    }
    let key = |d: NaiveDate| format!("{}-{:02}", d.year(), d.month());
    let days: Vec<(NaiveDate, Option<i64>, Option<i64>)> = activity_daily_totals::Entity::find()
        .select_only()
        .column(activity_daily_totals::Column::Date)
        .column_as(activity_daily_totals::Column::Approved.sum(), "n")
        .column_as(activity_daily_totals::Column::Minutes.sum(), "m")
        .filter(within(activity_daily_totals::Column::UnitId, scope))
        .filter(activity_daily_totals::Column::Date.between(start, end))
        .group_by(activity_daily_totals::Column::Date)
        .into_tuple()
        .all(db)
        .await?;
    for (d, n, minutes) in days {
        if let Some(p) = points.get_mut(&key(d)) {
            p.activities_approved += n.unwrap_or(0).max(0) as u64;
            p.minutes += minutes.unwrap_or(0).max(0) as u64;
        }
    }
    let filed: Vec<(NaiveDate, i64)> = complaints::Entity::find()
        .select_only()
        .column(complaints::Column::FiledOn)
        .column_as(complaints::Column::Id.count(), "n")
        .filter(within(complaints::Column::UnitId, scope))
        .filter(complaints::Column::FiledOn.between(start, end))
        .group_by(complaints::Column::FiledOn)
        .into_tuple()
        .all(db)
        .await?;
    for (d, n) in filed {
        if let Some(p) = points.get_mut(&key(d)) {
            p.complaints_filed += n.max(0) as u64;
        }
    }
    let answers: Vec<(String, String)> = surveys::Entity::find()
        .select_only()
        .columns([surveys::Column::Period, surveys::Column::Answers])
        .filter(within(surveys::Column::UnitId, scope))
        .filter(surveys::Column::Period.is_in(points.keys().cloned().collect::<Vec<_>>()))
        .into_tuple()
        .all(db)
        .await?;
    let mut by_month: HashMap<String, Vec<[u8; 9]>> = HashMap::new();
    for (month, raw) in answers {
        if let Some(a) = answers_of(&raw) {
            by_month.entry(month).or_default().push(a);
        }
    }
    for (month, list) in by_month {
        if let Some(p) = points.get_mut(&month) {
            p.ikm = ikm_compute(&list, None).map(|r| r.ikm);
        }
    }
    Ok(points.into_values().collect())
}
