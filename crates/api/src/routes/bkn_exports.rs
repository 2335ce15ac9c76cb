//! Exports toward BKN e-Kinerja and SIASN (BKPSDM): check what an OPD's export would hold and what
//! blocks it, export it as a file or push it to the Pemda's bridge, and read each export's
//! reconciliation report (admin and auditor).

use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::list::{page, respond, PageQuery};
use crate::services::bkn::{self, ekinerja::EKinerja};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use kinerja_types::{BknExport, BknPreview, BknRecord, Invalid, NewBknExport, Page, Problem};
use serde::Deserialize;
use utoipa::IntoParams;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(create_export).service(list_exports).service(get_export).service(export_records).service(export_file);
}

/// Whether the call only checks.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PreviewQuery {
    /// `true`: answer what the export would hold and the records a blocking data-quality defect
    /// holds back (`BknPreview`), writing and sending nothing.
    #[serde(default)]
    pub preview: bool,
}

/// Exports one OPD's year (SKP and RHK, daily progress, ratings) in the e-Kinerja mapping (admin).
/// Each record is compared with the OPD's last export; records of people with a blocking
/// data-quality defect are held back with the reason. As a file (`push: false`), or pushed: every
/// new or changed record is queued to the bridge with its idempotency key, retried with back-off,
/// and the bridge's answers fill the report. With `preview=true` nothing is written.
#[utoipa::path(tag = "reports", security(("bearer" = [])), params(PreviewQuery), request_body = NewBknExport,
    responses((status = 201, body = BknExport), (status = 200, body = BknPreview, description = "the preview"),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/bkn-exports")]
pub async fn create_export(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<PreviewQuery>,
    body: web::Json<NewBknExport>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    crate::routes::list::check_year("year", body.year)?;
    let bridge = state.config.delivery.bkn_bridge_url.is_some();
    if body.push && !bridge {
        return Err(ApiError::field("push", Invalid::BknNoBridge));
    }
    let settings = state.settings().await?;
    if q.preview {
        let out = bkn::preview(&state.db, &settings, &EKinerja, body.unit_id, body.year, body.push, bridge).await?;
        return Ok(HttpResponse::Ok().json(out));
    }
    let txn = crate::db::begin(&state.db).await?;
    let out = bkn::create(&txn, &viewer.actor(), &settings, &EKinerja, body.unit_id, body.year, body.push).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// The exports, newest first, with their figures (admin, auditor).
#[utoipa::path(tag = "reports", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = Page<BknExport>), (status = 403, body = Problem)))]
#[get("/bkn-exports")]
pub async fn list_exports(
    state: web::Data<AppState>,
    viewer: Viewer,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<BknExport>>> {
    viewer.require(Capability::ReadCity)?;
    let (rows, total) = bkn::list(&state.db, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(rows, total, &paging)))
}

/// One export's reconciliation figures: sent, accepted, rejected, held back; new, changed,
/// unchanged and removed since the export before it.
#[utoipa::path(tag = "reports", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = BknExport), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/bkn-exports/{id}")]
pub async fn get_export(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<web::Json<BknExport>> {
    viewer.require(Capability::ReadCity)?;
    Ok(web::Json(bkn::one(&state.db, id.into_inner()).await?))
}

/// Which records.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RecordQuery {
    /// `blocked`, `exported`, `sent`, `accepted`, `rejected` or `skipped`.
    pub status: Option<String>,
    /// `new`, `changed`, `unchanged` or `removed`.
    pub change: Option<String>,
}

/// The reconciliation report's records, each with its status and reason (CSV or XLSX with
/// `Accept` or `format=`).
#[utoipa::path(tag = "reports", security(("bearer" = [])), params(("id" = i64, Path), RecordQuery, PageQuery),
    responses((status = 200, body = Page<BknRecord>), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/bkn-exports/{id}/records")]
pub async fn export_records(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    q: web::Query<RecordQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::ReadCity)?;
    let id = id.into_inner();
    let (rows, total) =
        bkn::records_of(&state.db, id, q.status.as_deref(), q.change.as_deref(), paging.offset(), paging.per_page())
            .await?;
    respond(&req, &paging, page(rows, total, &paging), &format!("rekonsiliasi-bkn-{id}"))
}

/// The export as a JSON file to upload by hand: every record not held back, in the mapping's
/// fields, with its idempotency key.
#[utoipa::path(tag = "reports", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Object, content_type = "application/json"), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/bkn-exports/{id}/file")]
pub async fn export_file(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    viewer.require(Capability::ReadCity)?;
    let (name, doc) = bkn::file(&state.db, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")))
        .json(doc))
}
