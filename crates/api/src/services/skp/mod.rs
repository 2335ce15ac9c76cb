//! Reading SKPs: the wire shape with RHK, indicators and behaviours; the current SKP of an
//! employee for a year; and who may act on one. Lists are in `listing`, the flow in `flow`, the
//! plan's content in `content`.

pub mod content;
pub mod flow;
pub mod listing;

use crate::entities::{employees, rhk, rhk_indicators, skp_behaviors, skps};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use chrono::Utc;
use kinerja_domain::{CoreValue, SkpAction, SkpStatus};
use kinerja_types::{Behavior, Indicator, NewRhk, Rhk, Skp};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use std::collections::HashMap;

/// The status of a stored SKP.
pub fn status(s: &skps::Model) -> SkpStatus {
    s.status
}

/// The status the action leads to from the SKP's status, else 409.
pub fn next(skp: &skps::Model, action: SkpAction) -> ApiResult<SkpStatus> {
    status(skp).apply(action).map_err(|e| ApiError::Conflict(e.to_string()))
}

/// 409 unless the SKP's content may still be edited (draft or returned).
pub fn editable(skp: &skps::Model) -> ApiResult<()> {
    next(skp, SkpAction::Edit).map(|_| ())
}

/// An SKP without its RHK (for lists).
pub fn summary(s: &skps::Model, employee_name: &str) -> Skp {
    Skp {
        id: s.id,
        employee_id: s.employee_id,
        employee_name: employee_name.to_owned(),
        year: s.year,
        revision: s.revision,
        approach: s.approach,
        status: status(s),
        penilai_id: s.penilai_id,
        atasan_penilai_id: s.atasan_penilai_id,
        penilai_name: None,
        atasan_penilai_name: None,
        unit_id: s.unit_id,
        position_title: s.position_title.clone(),
        previous_id: s.previous_id,
        superseded: s.superseded,
        return_reason: s.return_reason.clone(),
        submitted_at: s.submitted_at,
        approved_at: s.approved_at,
        created_at: s.created_at,
        rhk: Vec::new(),
        behaviors: Vec::new(),
    }
}

/// Names of employees by id.
pub async fn names(db: &impl ConnectionTrait, ids: impl IntoIterator<Item = i64>) -> ApiResult<HashMap<i64, String>> {
    let ids: Vec<i64> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(employees::Entity::find()
        .filter(employees::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e.name))
        .collect())
}

/// The RHK of several SKPs with their indicators, in their order.
pub async fn rhk_of(db: &impl ConnectionTrait, skp_ids: &[i64]) -> ApiResult<Vec<Rhk>> {
    if skp_ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = rhk::Entity::find()
        .filter(rhk::Column::SkpId.is_in(skp_ids.to_vec()))
        .order_by_asc(rhk::Column::Position)
        .order_by_asc(rhk::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut indicators: HashMap<i64, Vec<Indicator>> = HashMap::new();
    if !ids.is_empty() {
        for i in rhk_indicators::Entity::find()
            .filter(rhk_indicators::Column::RhkId.is_in(ids))
            .order_by_asc(rhk_indicators::Column::Id)
            .all(db)
            .await?
        {
            indicators.entry(i.rhk_id).or_default().push(Indicator {
                id: i.id,
                aspect: i.aspect,
                text: i.text,
                target: i.target,
                unit: i.unit,
            });
        }
    }
    let parent_ids: Vec<i64> = rows.iter().filter_map(|r| r.parent_rhk_id).collect();
    let parents: HashMap<i64, String> = if parent_ids.is_empty() {
        HashMap::new()
    } else {
        rhk::Entity::find()
            .filter(rhk::Column::Id.is_in(parent_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p.text))
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|r| {
            let mut out = rhk_wire(&r, indicators.remove(&r.id).unwrap_or_default());
            out.parent_text = r.parent_rhk_id.and_then(|p| parents.get(&p).cloned());
            out
        })
        .collect())
}

/// One RHK on the wire.
pub fn rhk_wire(r: &rhk::Model, indicators: Vec<Indicator>) -> Rhk {
    Rhk {
        id: r.id,
        skp_id: r.skp_id,
        text: r.text.clone(),
        kind: r.kind,
        parent_rhk_id: r.parent_rhk_id,
        parent_text: None,
        pk_goal_id: r.pk_goal_id,
        indicators,
    }
}

/// A whole SKP: RHK, indicators and the seven core values.
pub async fn full(db: &impl ConnectionTrait, s: &skps::Model) -> ApiResult<Skp> {
    let ids = [Some(s.employee_id), s.penilai_id, s.atasan_penilai_id];
    let mut people = names(db, ids.into_iter().flatten()).await?;
    let name = people.get(&s.employee_id).cloned().unwrap_or_default();
    let mut out = summary(s, &name);
    out.penilai_name = s.penilai_id.and_then(|p| people.remove(&p));
    out.atasan_penilai_name = s.atasan_penilai_id.and_then(|p| people.remove(&p));
    out.rhk = rhk_of(db, &[s.id]).await?;
    let stored: HashMap<CoreValue, Option<String>> = skp_behaviors::Entity::find()
        .filter(skp_behaviors::Column::SkpId.eq(s.id))
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.core_value, b.expectation))
        .collect();
    out.behaviors = CoreValue::ALL
        .iter()
        .map(|v| Behavior { core_value: *v, expectation: stored.get(v).cloned().flatten() })
        .collect();
    Ok(out)
}

/// The employee's current SKP for a year: the newest one that no approved revision replaced.
pub async fn current(db: &impl ConnectionTrait, employee_id: i64, year: i32) -> ApiResult<Option<skps::Model>> {
    Ok(skps::Entity::find()
        .filter(skps::Column::EmployeeId.eq(employee_id))
        .filter(skps::Column::Year.eq(year))
        .filter(skps::Column::Superseded.eq(false))
        .order_by_desc(skps::Column::Id)
        .one(db)
        .await?)
}

/// The SKP in force per employee for a year, for the employees the subquery selects: the newest
/// plan, except that an approved plan is not undone by a revision in progress.
pub async fn in_force(
    db: &impl ConnectionTrait,
    year: i32,
    employees: sea_orm::sea_query::SelectStatement,
) -> ApiResult<HashMap<i64, skps::Model>> {
    let mut out: HashMap<i64, skps::Model> = HashMap::new();
    for s in plans_of_year(year, employees).all(db).await? {
        if replaces(out.get(&s.employee_id).map(|held| held.status)) {
            out.insert(s.employee_id, s);
        }
    }
    Ok(out)
}

/// Only the status of each one's SKP in force (as `in_force`), for counting many people.
pub async fn in_force_statuses(
    db: &impl ConnectionTrait,
    year: i32,
    employees: sea_orm::sea_query::SelectStatement,
) -> ApiResult<HashMap<i64, SkpStatus>> {
    let rows: Vec<(i64, SkpStatus)> = plans_of_year(year, employees)
        .select_only()
        .columns([skps::Column::EmployeeId, skps::Column::Status])
        .into_tuple()
        .all(db)
        .await?;
    let mut out: HashMap<i64, SkpStatus> = HashMap::new();
    for (employee, status) in rows {
        if replaces(out.get(&employee).copied()) {
            out.insert(employee, status);
        }
    }
    Ok(out)
}

/// The plans of a year not replaced by an approved revision, oldest first.
fn plans_of_year(year: i32, employees: sea_orm::sea_query::SelectStatement) -> sea_orm::Select<skps::Entity> {
    skps::Entity::find()
        .filter(skps::Column::Year.eq(year))
        .filter(skps::Column::Superseded.eq(false))
        .filter(skps::Column::EmployeeId.in_subquery(employees))
        .order_by_asc(skps::Column::Id)
}

/// Whether a newer plan of the year takes the place of the one held: always, unless the one held
/// is approved (a revision in progress does not undo it).
fn replaces(held: Option<SkpStatus>) -> bool {
    held != Some(SkpStatus::Approved)
}

/// Loads an SKP the viewer may see (its owner is visible), else 404.
pub async fn find_visible(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> ApiResult<skps::Model> {
    let skp = skps::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let scope = viewer.scope();
    crate::services::people::find_visible(db, scope, skp.employee_id).await?;
    Ok(skp)
}

/// Loads an SKP for reading: as `find_visible`, and also for an evaluation team overseeing the
/// owner's unit.
pub async fn find_readable(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> ApiResult<skps::Model> {
    let skp = skps::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let scope = viewer.scope();
    crate::services::oversight::readable_employee(db, viewer, scope, skp.employee_id).await?;
    Ok(skp)
}

/// 403 unless the viewer owns the SKP.
pub fn require_owner(viewer: &Viewer, skp: &skps::Model) -> ApiResult<()> {
    if viewer.employee_id == Some(skp.employee_id) {
        Ok(())
    } else {
        Err(ApiError::Forbidden("hanya pemilik SKP yang dapat melakukan ini".into()))
    }
}

/// Whether the viewer acts as penilai of the SKP: its recorded penilai, or an admin standing in
/// when there is none (the second value says so, for the record).
pub fn penilai_role(viewer: &Viewer, skp: &skps::Model) -> ApiResult<bool> {
    match skp.penilai_id {
        Some(p) if viewer.employee_id == Some(p) => Ok(false),
        None if viewer.may(Capability::Administer) => Ok(true),
        _ => Err(ApiError::Forbidden("hanya pejabat penilai SKP ini yang dapat melakukan ini".into())),
    }
}

/// Inserts an SKP in draft with the seven core values, penilai and atasan penilai from the org data.
pub async fn insert_skp(
    db: &impl ConnectionTrait,
    employee: &employees::Model,
    year: i32,
    approach: kinerja_domain::Approach,
    revision: i32,
    previous_id: Option<i64>,
) -> ApiResult<skps::Model> {
    let atasan = match employee.supervisor_id {
        Some(s) => employees::Entity::find_by_id(s).one(db).await?.and_then(|e| e.supervisor_id),
        None => None,
    };
    let now = Utc::now();
    let skp = skps::ActiveModel {
        employee_id: Set(employee.id),
        year: Set(year),
        revision: Set(revision),
        approach: Set(approach),
        status: Set(SkpStatus::Draft),
        penilai_id: Set(employee.supervisor_id),
        atasan_penilai_id: Set(atasan),
        unit_id: Set(employee.unit_id),
        position_title: Set(employee.position_title.clone()),
        previous_id: Set(previous_id),
        superseded: Set(false),
        return_reason: Set(None),
        submitted_at: Set(None),
        approved_at: Set(None),
        approved_by_user_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let rows = CoreValue::ALL.iter().map(|v| skp_behaviors::ActiveModel {
        skp_id: Set(skp.id),
        core_value: Set(*v),
        expectation: Set(None),
        ..Default::default()
    });
    skp_behaviors::Entity::insert_many(rows).exec(db).await?;
    Ok(skp)
}

/// Inserts an RHK and its indicators.
pub async fn insert_rhk(db: &impl ConnectionTrait, skp_id: i64, body: &NewRhk) -> ApiResult<Rhk> {
    let position = rhk::Entity::find().filter(rhk::Column::SkpId.eq(skp_id)).count(db).await? as i32;
    let row = rhk::ActiveModel {
        skp_id: Set(skp_id),
        text: Set(body.text.trim().to_owned()),
        kind: Set(body.kind),
        parent_rhk_id: Set(body.parent_rhk_id),
        pk_goal_id: Set(body.pk_goal_id),
        lineage_id: Set(None),
        position: Set(position),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for i in &body.indicators {
        rhk_indicators::ActiveModel {
            rhk_id: Set(row.id),
            aspect: Set(i.aspect),
            text: Set(i.text.trim().to_owned()),
            target: Set(i.target),
            unit: Set(i.unit.trim().to_owned()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(rhk_of(db, &[skp_id]).await?.into_iter().find(|r| r.id == row.id).unwrap_or_else(|| rhk_wire(&row, Vec::new())))
}
