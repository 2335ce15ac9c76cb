//! Daily activities: log, correct, list; the flow is in `flow`, the co-workers' view in `team`.

pub mod flow;
pub mod team;

use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::routes::idempotency::{created, replayed, IdempotencyKey};
use crate::routes::list::{page, respond, sheet, PageQuery};
use crate::services::activity::{self, entry};
use crate::services::idempotency::{self, fingerprint};
use crate::state::AppState;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use chrono::NaiveDate;
use kinerja_domain::{ActivityAction, ActivityStatus};
use kinerja_types::Invalid;
use kinerja_types::{Activity, NewActivity, Page, Problem};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(flow::configure)
        .configure(team::configure)
        .service(list_activities)
        .service(create_activity)
        .service(import_activities)
        .service(get_activity)
        .service(update_activity)
        .service(delete_activity);
}

/// Filters of the activity list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActivityFilter {
    pub employee_id: Option<i64>,
    /// Activities logged in this unit (not its subunits).
    pub unit_id: Option<i64>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub status: Option<ActivityStatus>,
    pub rhk_id: Option<i64>,
    /// Only the activities waiting for the caller's verification.
    pub queue: Option<bool>,
}

/// Activities the caller may see, newest first; JSON or CSV.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(ActivityFilter, PageQuery),
    responses((status = 200, body = Page<Activity>), (status = 401, body = Problem)))]
#[get("/activities")]
pub async fn list_activities(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    filter: web::Query<ActivityFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let f = entry::Filter {
        employee_id: filter.employee_id,
        unit_id: filter.unit_id,
        from: filter.from,
        to: filter.to,
        status: filter.status,
        rhk_id: filter.rhk_id,
        queue: filter.queue.unwrap_or(false),
    };
    let (items, total) = entry::list(&state.db, &viewer, &f, paging.offset(), paging.per_page()).await?;
    if let Some(sheet) = sheet(&req, &paging) {
        let flat: Vec<CsvRow> = items.iter().map(CsvRow::from).collect();
        return crate::routes::spreadsheet::download(sheet, &flat, "aktivitas");
    }
    respond(&req, &paging, page(items, total, &paging), "aktivitas")
}

#[derive(Serialize)]
struct CsvRow {
    id: i64,
    date: NaiveDate,
    employee_id: i64,
    employee_name: String,
    minutes: u32,
    description: String,
    rhk_id: i64,
    rhk_text: String,
    output_qty: Option<f64>,
    status: &'static str,
    reject_note: Option<String>,
}

impl From<&Activity> for CsvRow {
    fn from(a: &Activity) -> Self {
        Self {
            id: a.id,
            date: a.date,
            employee_id: a.employee_id,
            employee_name: a.employee_name.clone(),
            minutes: a.minutes,
            description: a.description.clone(),
            rhk_id: a.rhk_id,
            rhk_text: a.rhk_text.clone(),
            output_qty: a.output_qty,
            status: a.status.as_str(),
            reject_note: a.reject_note.clone(),
        }
    }
}

/// Logs an activity of the caller (draft, or submitted at once with `submit: true`). Checked against
/// the settings (no future dates, at most N days back, at most M minutes a day) and the caller's
/// approved SKP of that year. With an `Idempotency-Key`, a retry of the same request (an offline
/// queue syncing again) answers the activity already created, marked `Idempotent-Replayed: true`.
#[utoipa::path(tag = "activities", security(("bearer" = [])), request_body = NewActivity,
    params(("Idempotency-Key" = Option<String>, Header, description = "the client's key for this request (1-128 of letters, digits, `-_.:`); a retry with it never creates a second activity")),
    responses((status = 201, body = Activity, headers(("Idempotent-Replayed" = String, description = "`true` when this is the answer kept for a retried Idempotency-Key"))), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/activities")]
pub async fn create_activity(
    state: web::Data<AppState>,
    viewer: Viewer,
    key: IdempotencyKey,
    body: web::Json<NewActivity>,
) -> ApiResult<HttpResponse> {
    const SCOPE: &str = "POST /activities";
    let me = viewer.employee_id.ok_or_else(|| ApiError::field("employee", Invalid::NoEmployeeRecord))?;
    body.validate()?;
    let hash = fingerprint(&[&serde_json::to_vec(&*body).map_err(|e| ApiError::Internal(e.into()))?]);
    let txn = crate::db::begin(&state.db).await?;
    if let Some(kept) = idempotency::kept(&txn, viewer.user_id, SCOPE, key.get(), &hash).await? {
        return replayed(kept);
    }
    let out = entry::create(&txn, &viewer.actor(), me, &body).await?;
    let json = idempotency::keep(&txn, viewer.user_id, SCOPE, key.get(), &hash, 201, &out).await?;
    txn.commit().await?;
    Ok(created(json))
}

/// Whether an import only checks.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// `true`: check every row and answer what would be logged; nothing is written.
    #[serde(default)]
    pub preview: bool,
}

/// The XLSX media type.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Imports the caller's activities from a spreadsheet they keep in Excel: `text/csv` or an XLSX
/// workbook (its first sheet), a header row naming the columns `tanggal`, `menit` (or `mulai` and
/// `selesai`), `uraian`, `rhk` (its number in the SKP, `1`, `2`, …; or `rhk_id`) and optionally
/// `output`. Every row passes the daily log's rules (the day's cap, how far back, one's own RHK).
/// All or nothing: a 422 lists every bad row by line and nothing is written; otherwise the rows are
/// logged as drafts to submit from the daily log. With `preview=true` nothing is written either
/// way.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(ImportQuery),
    request_body(content = String, content_type = "text/csv", description = "the rows, or an XLSX workbook as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    responses((status = 200, body = kinerja_types::ActivityImportReport), (status = 415, body = Problem), (status = 422, body = Problem, description = "the file's bad rows (as `rows`, see ImportProblem), or a caller without an employee record")))]
#[post("/activities/import")]
pub async fn import_activities(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<ImportQuery>,
    body: web::Bytes,
) -> ApiResult<HttpResponse> {
    use crate::services::activity::import::{self, Rows};
    let me = viewer.employee_id.ok_or_else(|| ApiError::field("employee", Invalid::NoEmployeeRecord))?;
    let ctype = req.headers().get(actix_web::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let rows = if ctype.starts_with(XLSX) {
        Rows::xlsx(&body)
    } else {
        crate::routes::imports::require_csv(&req)?;
        Rows::csv(&body)
    };
    let rows = match rows {
        Ok(rows) => rows,
        Err(failure) => return crate::routes::imports::answer::<()>(Err(failure)),
    };
    let txn = crate::db::begin(&state.db).await?;
    let outcome = import::import(&txn, &viewer.actor(), me, rows, q.preview).await;
    if outcome.is_ok() && !q.preview {
        txn.commit().await?;
    } else {
        txn.rollback().await?;
    }
    crate::routes::imports::answer(outcome)
}

/// One activity.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Activity), (status = 404, body = Problem)))]
#[get("/activities/{id}")]
pub async fn get_activity(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<web::Json<Activity>> {
    let a = activity::find_visible(&state.db, &viewer, id.into_inner()).await?;
    Ok(web::Json(entry::one(&state.db, a).await?))
}

/// Corrects an activity (owner, while draft or rejected); the same rules as logging.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewActivity,
    responses((status = 200, body = Activity), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[patch("/activities/{id}")]
pub async fn update_activity(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewActivity>,
) -> ApiResult<web::Json<Activity>> {
    let txn = crate::db::begin(&state.db).await?;
    let current = activity::find_visible(&txn, &viewer, id.into_inner()).await?;
    activity::require_owner(&viewer, &current)?;
    activity::next(&current, ActivityAction::Edit)?;
    body.validate()?;
    let after = entry::update(&txn, &viewer.actor(), current, &body).await?;
    txn.commit().await?;
    Ok(web::Json(after))
}

/// Deletes an activity (owner, while draft or rejected).
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[delete("/activities/{id}")]
pub async fn delete_activity(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<HttpResponse> {
    let txn = crate::db::begin(&state.db).await?;
    let current = activity::find_visible(&txn, &viewer, id.into_inner()).await?;
    activity::require_owner(&viewer, &current)?;
    activity::next(&current, ActivityAction::Edit)?;
    entry::delete(&txn, &viewer.actor(), current).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
