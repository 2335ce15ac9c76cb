//! Calibration: the organisation predikat a parent unit's head sets, and the assessment report of a
//! period (the distribution of predikat is in `services::rating`).

use crate::audit::{self, Actor, Change};
use crate::entities::{assessments, employees, org_predikats, units};
use crate::error::ApiResult;
use crate::policy::Units;
use chrono::Utc;
use kinerja_domain::{OrgPredikat, Period};
use kinerja_types::{AssessmentReportRow, OrgPredikatRequest};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;

/// Sets (or replaces) a unit's organisation predikat for a period (its setter already allowed).
/// Audited.
pub async fn set_org_predikat(
    txn: &DatabaseTransaction,
    actor: &Actor,
    user_id: i64,
    unit_id: i64,
    period: Period,
    predikat: OrgPredikat,
) -> ApiResult<OrgPredikatRequest> {
    org_predikats::Entity::insert(org_predikats::ActiveModel {
        unit_id: Set(unit_id),
        period: Set(period.to_string()),
        predikat: Set(predikat),
        set_by_user_id: Set(user_id),
        set_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([org_predikats::Column::UnitId, org_predikats::Column::Period])
            .update_columns([
                org_predikats::Column::Predikat,
                org_predikats::Column::SetByUserId,
                org_predikats::Column::SetAt,
            ])
            .to_owned(),
    )
    .exec(txn)
    .await?;
    let out = OrgPredikatRequest { period: period.to_string(), predikat };
    audit::record(txn, actor, Change::new("org_predikat.set", "unit", unit_id).after(&out)).await?;
    Ok(out)
}

/// One row per assessment of the period of the staff placed in the units on its last day (the
/// whole city for `None`), as the distribution counts them, by unit name and then employee name.
pub async fn report(db: &impl ConnectionTrait, period: &Period, units: Units) -> ApiResult<Vec<AssessmentReportRow>> {
    let mut select = assessments::Entity::find().filter(assessments::Column::Period.eq(period.to_string()));
    if units.is_some() {
        let (_, end) = period.bounds();
        select = select.filter(crate::services::placements::placed(assessments::Column::EmployeeId, &units, end));
    }
    let rows = select.all(db).await?;
    let people: HashMap<i64, employees::Model> = employees::Entity::find()
        .filter(employees::Column::Id.is_in(rows.iter().map(|a| a.employee_id).collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let unit_names: HashMap<i64, String> =
        units::Entity::find().all(db).await?.into_iter().map(|u| (u.id, u.name)).collect();
    let mut items: Vec<AssessmentReportRow> = rows
        .iter()
        .filter_map(|a| {
            let e = people.get(&a.employee_id)?;
            Some(AssessmentReportRow {
                assessment_id: a.id,
                employee_id: e.id,
                nip: e.nip.clone(),
                name: e.name.clone(),
                unit: unit_names.get(&a.unit_id).cloned().unwrap_or_default(),
                position: e.position_title.clone(),
                period: a.period.clone(),
                result_rating: a.result_rating,
                behavior_rating: a.behavior_rating,
                predikat: a.predikat,
                status: a.status,
            })
        })
        .collect();
    items.sort_by(|a, b| a.unit.cmp(&b.unit).then(a.name.cmp(&b.name)));
    Ok(items)
}
