//! Employees as the policy lets a viewer reach them, and as admins keep them.

use crate::audit::{self, Actor, Change};
use crate::entities::{employees, units};
use crate::error::{ApiError, ApiResult, ConflictExt};
use crate::policy::Scope;
use chrono::Utc;
use kinerja_domain::{tree, PositionKind};
use kinerja_types::{Employee, EmployeePatch, NewEmployee};
use kinerja_types::{Invalid, Issue};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;

/// An employee as sent.
pub fn to_wire(e: &employees::Model) -> Employee {
    Employee {
        id: e.id,
        nip: e.nip.clone(),
        name: e.name.clone(),
        unit_id: e.unit_id,
        position_title: e.position_title.clone(),
        position_kind: e.position_kind,
        supervisor_id: e.supervisor_id,
        employment_type: e.employment_type,
        work_pattern: e.work_pattern.clone(),
        birth_date: e.birth_date,
        sex: e.sex,
        supervisor_reason: e.supervisor_reason.clone(),
    }
}

/// Loads an employee the viewer may see, else 404.
pub async fn find_visible(db: &impl ConnectionTrait, scope: &Scope, id: i64) -> ApiResult<employees::Model> {
    employees::Entity::find_by_id(id).one(db).await?.filter(|e| scope.sees_employee(e)).ok_or(ApiError::NotFound)
}

/// What an employee list asks for.
#[derive(Debug, Default)]
pub struct EmployeeQuery<'a> {
    /// Only employees of this unit (not its subunits).
    pub unit_id: Option<i64>,
    /// Only the direct subordinates of this employee.
    pub supervisor_id: Option<i64>,
    pub position_kind: Option<PositionKind>,
    /// Text in the name or NIP.
    pub text: Option<&'a str>,
}

/// The employees the scope sees that match, by name: one page and the total.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &Scope,
    q: &EmployeeQuery<'_>,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<Employee>, u64)> {
    let mut select =
        employees::Entity::find().order_by_asc(employees::Column::Name).order_by_asc(employees::Column::Id);
    if let Some(cond) = scope.employee_filter() {
        select = select.filter(cond);
    }
    if let Some(u) = q.unit_id {
        select = select.filter(employees::Column::UnitId.eq(u));
    }
    if let Some(s) = q.supervisor_id {
        select = select.filter(employees::Column::SupervisorId.eq(s));
    }
    if let Some(k) = q.position_kind {
        select = select.filter(employees::Column::PositionKind.eq(k.as_str()));
    }
    if let Some(text) = q.text.map(str::trim).filter(|t| !t.is_empty()) {
        // A NIP typed in groups ("19850310 201001 1 002") is found as its digits.
        let digits = kinerja_domain::Nip::ungrouped(text);
        select = select.filter(
            sea_orm::Condition::any()
                .add(employees::Column::Name.contains(text))
                .add(employees::Column::Nip.contains(digits.as_str())),
        );
    }
    let (rows, total) = super::paging::fetch(db, select, offset, limit).await?;
    Ok((rows.iter().map(to_wire).collect(), total))
}

async fn require_unit(db: &impl ConnectionTrait, unit_id: i64) -> ApiResult<()> {
    if units::Entity::find_by_id(unit_id).one(db).await?.is_none() {
        return Err(ApiError::field("unit_id", Issue::new(Invalid::UnitIdMissing).with("id", unit_id)));
    }
    Ok(())
}

async fn require_supervisor(db: &impl ConnectionTrait, supervisor: Option<i64>) -> ApiResult<()> {
    if let Some(s) = supervisor {
        if employees::Entity::find_by_id(s).one(db).await?.is_none() {
            return Err(ApiError::field("supervisor_id", Issue::new(Invalid::SupervisorMissing).with("id", s)));
        }
    }
    Ok(())
}

/// Each employee's direct supervisor.
pub async fn supervisor_map(db: &impl ConnectionTrait) -> ApiResult<HashMap<i64, i64>> {
    let rows: Vec<(i64, Option<i64>)> = employees::Entity::find()
        .select_only()
        .column(employees::Column::Id)
        .column(employees::Column::SupervisorId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(|(id, s)| s.map(|s| (id, s))).collect())
}

/// Creates an employee (already validated, with its NIP as parsed): 422 on an unknown unit or
/// supervisor, 409 on a NIP already registered. Audited.
pub async fn create(txn: &DatabaseTransaction, actor: &Actor, body: &NewEmployee, nip: String) -> ApiResult<Employee> {
    require_unit(txn, body.unit_id).await?;
    require_supervisor(txn, body.supervisor_id).await?;
    let now = Utc::now();
    let e = employees::ActiveModel {
        nip: Set(nip),
        name: Set(body.name.trim().to_owned()),
        unit_id: Set(body.unit_id),
        position_title: Set(body.position_title.trim().to_owned()),
        position_kind: Set(body.position_kind),
        supervisor_id: Set(body.supervisor_id),
        employment_type: Set(body.employment_type),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await
    .on_conflict("NIP sudah terdaftar")?;
    let wire = to_wire(&e);
    audit::record(txn, actor, Change::new("employee.create", "employee", e.id).after(&wire)).await?;
    Ok(wire)
}

/// Changes an employee (already validated): 422 on an unknown unit or supervisor, 409 on a
/// supervisor that would close a cycle. Audited.
pub async fn update(
    txn: &DatabaseTransaction,
    actor: &Actor,
    current: employees::Model,
    body: &EmployeePatch,
) -> ApiResult<Employee> {
    let id = current.id;
    let placed = current.unit_id;
    let before = to_wire(&current);
    let mut active = current.into_active_model();
    if let Some(name) = &body.name {
        active.name = Set(name.trim().to_owned());
    }
    if let Some(title) = &body.position_title {
        active.position_title = Set(title.trim().to_owned());
    }
    if let Some(kind) = body.position_kind {
        active.position_kind = Set(kind);
    }
    if let Some(unit) = body.unit_id.filter(|u| *u != placed) {
        require_unit(txn, unit).await?;
        let today = crate::pemda_settings::load(txn).await?.today();
        crate::services::placements::record_move(txn, id, placed, today).await?;
        active.unit_id = Set(unit);
    }
    if let Some(sup) = body.supervisor_id {
        require_supervisor(txn, sup).await?;
        if let Some(s) = sup {
            if tree::would_cycle(id, s, &supervisor_map(txn).await?) {
                return Err(ApiError::Conflict(
                    "atasan langsung tidak boleh pegawai itu sendiri atau bawahannya".into(),
                ));
            }
        }
        active.supervisor_id = Set(sup);
    }
    if let Some(pattern) = &body.work_pattern {
        let pattern = pattern.as_deref().map(str::trim);
        if let Some(code) = pattern {
            let settings = crate::pemda_settings::load(txn).await?;
            if !crate::services::calendar::patterns(&settings).iter().any(|p| p.code == code) {
                return Err(ApiError::field(
                    "work_pattern",
                    Issue::new(Invalid::WorkPatternUnknown).with("code", code),
                ));
            }
        }
        active.work_pattern = Set(pattern.map(str::to_owned));
    }
    if let Some(born) = body.birth_date {
        active.birth_date = Set(born);
    }
    if let Some(sex) = body.sex {
        active.sex = Set(sex);
    }
    if let Some(reason) = &body.supervisor_reason {
        active.supervisor_reason = Set(reason.as_deref().map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned));
    }
    active.updated_at = Set(Utc::now());
    let e = active.update(txn).await?;
    let after = to_wire(&e);
    audit::record(txn, actor, Change::new("employee.update", "employee", id).before(&before).after(&after)).await?;
    Ok(after)
}
