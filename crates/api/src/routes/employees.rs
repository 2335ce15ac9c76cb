//! Employees: visible by the organisation tree; admins write and import.

use crate::audit::{self, Change};
use crate::entities::{employees, units};
use crate::error::{ApiError, ApiResult, ConflictExt};
use crate::policy::{Capability, Viewer};
use crate::routes::imports::{self, ImportProblem};
use crate::routes::list::{fetch_page, page, respond, PageQuery};
use crate::services::employee_import;
use crate::services::people::find_visible;
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use kinerja_domain::{tree, Nip, PositionKind};
use kinerja_types::{Employee, EmployeePatch, ImportReport, NewEmployee, Problem};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use serde::Deserialize;
use std::collections::HashMap;
use utoipa::IntoParams;
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    // The import route comes before `/employees/{id}` so that "import" is not taken for an id.
    cfg.service(import_employees)
        .service(list_employees)
        .service(create_employee)
        .service(get_employee)
        .service(update_employee);
}

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
    }
}

/// Filters of the employee list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EmployeeFilter {
    /// Only employees of this unit (not its subunits).
    pub unit_id: Option<i64>,
    /// Only the direct subordinates of this employee.
    pub supervisor_id: Option<i64>,
    pub position_kind: Option<PositionKind>,
    /// Text in the name or NIP.
    pub q: Option<String>,
}

/// Employees the caller may see, filtered and paged; JSON or CSV.
#[utoipa::path(tag = "employees", security(("bearer" = [])), params(EmployeeFilter, PageQuery),
    responses((status = 200, body = kinerja_types::Page<Employee>), (status = 401, body = Problem)))]
#[get("/employees")]
pub async fn list_employees(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    filter: web::Query<EmployeeFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let scope = viewer.scope();
    let mut select =
        employees::Entity::find().order_by_asc(employees::Column::Name).order_by_asc(employees::Column::Id);
    if let Some(cond) = scope.employee_filter() {
        select = select.filter(cond);
    }
    if let Some(u) = filter.unit_id {
        select = select.filter(employees::Column::UnitId.eq(u));
    }
    if let Some(s) = filter.supervisor_id {
        select = select.filter(employees::Column::SupervisorId.eq(s));
    }
    if let Some(k) = filter.position_kind {
        select = select.filter(employees::Column::PositionKind.eq(k.as_str()));
    }
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        select = select.filter(
            sea_orm::Condition::any().add(employees::Column::Name.contains(q)).add(employees::Column::Nip.contains(q)),
        );
    }
    let (rows, total) = fetch_page(&state.db, select, &paging).await?;
    let items = rows.iter().map(to_wire).collect();
    respond(&req, &paging, page(items, total, &paging), "pegawai")
}

/// One employee.
#[utoipa::path(tag = "employees", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Employee), (status = 404, body = Problem)))]
#[get("/employees/{id}")]
pub async fn get_employee(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<web::Json<Employee>> {
    let scope = viewer.scope();
    Ok(web::Json(to_wire(&find_visible(&state.db, scope, id.into_inner()).await?)))
}

async fn require_unit(db: &impl ConnectionTrait, unit_id: i64) -> ApiResult<()> {
    if units::Entity::find_by_id(unit_id).one(db).await?.is_none() {
        return Err(ApiError::field("unit_id", format!("unit {unit_id} tidak ada")));
    }
    Ok(())
}

async fn require_supervisor(db: &impl ConnectionTrait, supervisor: Option<i64>) -> ApiResult<()> {
    if let Some(s) = supervisor {
        if employees::Entity::find_by_id(s).one(db).await?.is_none() {
            return Err(ApiError::field("supervisor_id", format!("atasan langsung {s} tidak ada")));
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

/// Creates an employee (admin). The NIP is checked part by part.
#[utoipa::path(tag = "employees", security(("bearer" = [])), request_body = NewEmployee,
    responses((status = 201, body = Employee), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/employees")]
pub async fn create_employee(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewEmployee>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    body.validate()?;
    let nip = Nip::parse_for(&body.nip, body.employment_type).map_err(|e| ApiError::field("nip", e.to_string()))?;
    let txn = crate::db::begin(&state.db).await?;
    require_unit(&txn, body.unit_id).await?;
    require_supervisor(&txn, body.supervisor_id).await?;
    let now = Utc::now();
    let e = employees::ActiveModel {
        nip: Set(nip.to_string()),
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
    .insert(&txn)
    .await
    .on_conflict("NIP sudah terdaftar")?;
    let wire = to_wire(&e);
    audit::record(&txn, &viewer.actor(), Change::new("employee.create", "employee", e.id).after(&wire)).await?;
    txn.commit().await?;
    state.org_changed();
    Ok(HttpResponse::Created().json(wire))
}

/// Changes an employee (admin). A supervisor that would close a cycle is 409.
#[utoipa::path(tag = "employees", security(("bearer" = [])), params(("id" = i64, Path)), request_body = EmployeePatch,
    responses((status = 200, body = Employee), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[patch("/employees/{id}")]
pub async fn update_employee(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<EmployeePatch>,
) -> ApiResult<web::Json<Employee>> {
    let id = id.into_inner();
    let txn = crate::db::begin(&state.db).await?;
    let scope = viewer.scope();
    let current = find_visible(&txn, scope, id).await?;
    viewer.require(Capability::Administer)?;
    body.validate()?;
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
    if let Some(unit) = body.unit_id {
        require_unit(&txn, unit).await?;
        active.unit_id = Set(unit);
    }
    if let Some(sup) = body.supervisor_id {
        require_supervisor(&txn, sup).await?;
        if let Some(s) = sup {
            if tree::would_cycle(id, s, &supervisor_map(&txn).await?) {
                return Err(ApiError::Conflict(
                    "atasan langsung tidak boleh pegawai itu sendiri atau bawahannya".into(),
                ));
            }
        }
        active.supervisor_id = Set(sup);
    }
    active.updated_at = Set(Utc::now());
    let e = active.update(&txn).await?;
    let after = to_wire(&e);
    audit::record(&txn, &viewer.actor(), Change::new("employee.update", "employee", id).before(&before).after(&after))
        .await?;
    txn.commit().await?;
    state.org_changed();
    Ok(web::Json(after))
}

/// Imports employees from CSV (admin), all or nothing. Header row: `nip,name,unit_id` (or
/// `unit_code`)`,position_title,position_kind,supervisor_nip[,employment_type]`. An existing NIP is
/// updated. A refused import writes nothing and lists every bad line.
#[utoipa::path(tag = "employees", security(("bearer" = [])), request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = ImportReport), (status = 403, body = Problem), (status = 415, body = Problem), (status = 422, body = ImportProblem)))]
#[post("/employees/import")]
pub async fn import_employees(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Bytes,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    imports::require_csv(&req)?;
    let result = employee_import::import(&state.db, &body, &viewer.actor(), &|_, _| {}).await;
    state.org_changed();
    imports::answer(result)
}
