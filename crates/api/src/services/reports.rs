//! The rows of the flat reports (activities, SKP, IKM, complaints) and the SIASN export: which
//! units a report covers and what each row holds.

use crate::entities::{activities, complaints, employees, rhk, units};
use crate::error::{ApiError, ApiResult};
use crate::policy::{employees_within, within, Capability, Units, Viewer};
use crate::services::calendar::{self, Calendars};
use crate::services::org_tree::unit_subtree;
use kinerja_domain::Period;
use kinerja_types::Invalid;
use kinerja_types::{ActivityReportRow, ComplaintReportRow, IkmReportRow, PemdaSettings, SkpReportRow};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// The most rows one report returns; narrow the unit or the period beyond that.
pub const MAX_ROWS: usize = 200_000;

/// The units a report covers: a head's subtree (404 outside sight, 403 when not their subtree),
/// or `None` for the whole city, which only city-wide viewers may ask for.
pub async fn scope(db: &impl ConnectionTrait, viewer: &Viewer, unit_id: Option<i64>) -> ApiResult<Units> {
    match unit_id {
        Some(u) => {
            crate::services::units::with(db, viewer, u, Capability::ReadUnit).await?;
            Ok(Some(unit_subtree(db, u).await?.into_iter().collect()))
        }
        None if viewer.reads_city() => Ok(None),
        None => Err(ApiError::field("unit_id", Invalid::UnitRequired)),
    }
}

/// An employee as reports name them.
pub struct Person {
    pub nip: String,
    pub name: String,
    pub unit: String,
    pub position: String,
}

/// The names of all units by id.
pub async fn unit_names(db: &impl ConnectionTrait) -> ApiResult<HashMap<i64, String>> {
    Ok(units::Entity::find()
        .select_only()
        .columns([units::Column::Id, units::Column::Name])
        .into_tuple::<(i64, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// The employees of the units by id, with their unit's name.
pub async fn people(db: &impl ConnectionTrait, units: &Units) -> ApiResult<HashMap<i64, Person>> {
    let names = unit_names(db).await?;
    Ok(employees::Entity::find()
        .filter(within(employees::Column::UnitId, units))
        .all(db)
        .await?
        .into_iter()
        .map(|e| {
            let unit = names.get(&e.unit_id).cloned().unwrap_or_default();
            (e.id, Person { nip: e.nip, name: e.name, unit, position: e.position_title })
        })
        .collect())
}

/// Every activity of the period in the units, by date (at most [`MAX_ROWS`] + 1, so that the
/// caller can tell the report is too large).
pub async fn activities(
    db: &impl ConnectionTrait,
    units: &Units,
    period: &Period,
) -> ApiResult<Vec<ActivityReportRow>> {
    let people = people(db, units).await?;
    let (from, to) = period.bounds();
    let rows = activities::Entity::find()
        .filter(activities::Column::EmployeeId.in_subquery(employees_within(units)))
        .filter(activities::Column::Date.between(from, to))
        .order_by_asc(activities::Column::Date)
        .order_by_asc(activities::Column::Id)
        .limit(MAX_ROWS as u64 + 1)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|a| {
            let p = people.get(&a.employee_id)?;
            Some(ActivityReportRow {
                nip: p.nip.clone(),
                name: p.name.clone(),
                unit: p.unit.clone(),
                date: a.date,
                minutes: a.minutes.max(0) as u32,
                description: a.description,
                output_qty: a.output_qty,
                status: a.status,
                activity_id: a.id,
            })
        })
        .collect())
}

/// One row per employee of the units: the SKP in force for the year (an approved plan is not
/// undone by a revision in progress), its status, revision and RHK count; employees without a
/// plan have an empty status. Sorted by unit, then name.
pub async fn skps(db: &impl ConnectionTrait, units: &Units, year: i32) -> ApiResult<Vec<SkpReportRow>> {
    let people = people(db, units).await?;
    let in_force = crate::services::skp::in_force(db, year, employees_within(units)).await?;
    let ids: Vec<i64> = in_force.values().map(|s| s.id).collect();
    let rhk_counts: HashMap<i64, i64> = rhk::Entity::find()
        .select_only()
        .column(rhk::Column::SkpId)
        .column_as(rhk::Column::Id.count(), "n")
        .filter(rhk::Column::SkpId.is_in(ids))
        .group_by(rhk::Column::SkpId)
        .into_tuple::<(i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut items: Vec<SkpReportRow> = people
        .into_iter()
        .map(|(id, p)| {
            let s = in_force.get(&id);
            SkpReportRow {
                nip: p.nip,
                name: p.name,
                unit: p.unit,
                position: p.position,
                year,
                status: s.map(crate::services::skp::status),
                revision: s.map(|s| s.revision),
                rhk_count: s.and_then(|s| rhk_counts.get(&s.id)).copied().unwrap_or(0).max(0) as u32,
                approved_at: s.and_then(|s| s.approved_at),
                skp_id: s.map(|s| s.id),
            }
        })
        .collect();
    items.sort_by(|a, b| a.unit.cmp(&b.unit).then_with(|| a.name.cmp(&b.name)));
    Ok(items)
}

/// One row per service unit of the units, by name: respondents, the index, its grade and
/// whether it was published (four queries whatever the number of units).
pub async fn ikm(db: &impl ConnectionTrait, units: &Units, period: &Period) -> ApiResult<Vec<IkmReportRow>> {
    let mut select =
        units::Entity::find().filter(units::Column::IsServiceUnit.eq(true)).order_by_asc(units::Column::Name);
    if let Some(ids) = units {
        select = select.filter(units::Column::Id.is_in(ids.iter().copied()));
    }
    let service_units = select.all(db).await?;
    let ids: Vec<i64> = service_units.iter().map(|u| u.id).collect();
    let mut reports = crate::services::ikm::reports(db, &ids, period).await?;
    Ok(service_units
        .into_iter()
        .filter_map(|unit| {
            let r = reports.remove(&unit.id)?;
            Some(IkmReportRow {
                unit: unit.name,
                period: r.period,
                respondents: r.respondents,
                ikm: r.ikm,
                grade: r.grade,
                published: r.published,
                unit_id: unit.id,
            })
        })
        .collect())
}

/// One row per complaint filed in the period against a unit of the units, by filing date: code,
/// unit, category, status, dates, deadline and whether it is overdue, the employee named, text
/// and public answer. The complainant's contact never leaves the complaint queue.
pub async fn complaints(
    db: &impl ConnectionTrait,
    units: &Units,
    period: &Period,
    settings: &PemdaSettings,
) -> ApiResult<Vec<ComplaintReportRow>> {
    let (from, to) = period.bounds();
    let mut select = complaints::Entity::find()
        .filter(complaints::Column::FiledOn.between(from, to))
        .order_by_asc(complaints::Column::FiledOn)
        .order_by_asc(complaints::Column::Id)
        .limit(MAX_ROWS as u64 + 1);
    if let Some(ids) = units {
        select = select.filter(complaints::Column::UnitId.is_in(ids.iter().copied()));
    }
    let names = unit_names(db).await?;
    let days = Calendars::of_units(db, settings, calendar::Units::All).await?;
    Ok(select
        .all(db)
        .await?
        .iter()
        .map(|c| {
            let w = crate::services::complaints::to_wire(c, false, settings, &days);
            ComplaintReportRow {
                tracking_code: w.tracking_code,
                unit: names.get(&w.unit_id).cloned().unwrap_or_default(),
                category: w.category,
                status: w.status,
                filed_on: w.filed_on,
                deadline: w.deadline,
                overdue: w.overdue,
                employee_nip: w.employee_nip,
                text: w.text,
                public_response: w.public_response,
            }
        })
        .collect())
}
