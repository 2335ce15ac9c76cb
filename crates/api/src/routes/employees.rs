//! Employees: visible by the organisation tree; admins write and import.

use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::imports::{self, ImportProblem};
use crate::routes::list::{page, respond, PageQuery};
use crate::services::employee_import;
use crate::services::people::{self, find_visible, to_wire, EmployeeQuery};
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use kinerja_domain::{Nip, PositionKind};
use kinerja_types::{Employee, EmployeePatch, ImportReport, NewEmployee, Problem};
use serde::Deserialize;
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
    let query = EmployeeQuery {
        unit_id: filter.unit_id,
        supervisor_id: filter.supervisor_id,
        position_kind: filter.position_kind,
        text: filter.q.as_deref(),
    };
    let (items, total) = people::list(&state.db, viewer.scope(), &query, paging.offset(), paging.per_page()).await?;
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
    let nip = Nip::parse_for(&body.nip, body.employment_type).map_err(|e| ApiError::field("nip", &e))?;
    let txn = crate::db::begin(&state.db).await?;
    let wire = people::create(&txn, &viewer.actor(), &body, nip.to_string()).await?;
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
    let after = people::update(&txn, &viewer.actor(), current, &body).await?;
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
