//! Evidence (bukti dukung): uploaded files, checked by their content, or links to documents.
//! Downloaded only by those who may see the owner.

use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::evidence::{self as svc, to_wire};
use crate::state::AppState;
use actix_multipart::Multipart;
use actix_web::http::header;
use actix_web::{get, post, web, HttpResponse};
use futures_util::StreamExt;
use kinerja_types::Invalid;
use kinerja_types::{Evidence, NewEvidenceLink, Problem};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(upload).service(add_link).service(info).service(download);
}

/// The form of `POST /evidence`, as the spec describes it (the handler reads the parts itself).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct EvidenceForm {
    /// The file: PDF, PNG or JPEG.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Uploads a PDF, PNG or JPEG (the part named `file`) as the caller's evidence. The size limit comes
/// from the settings (413 beyond it); any other content, whatever its name, is 415.
#[utoipa::path(tag = "activities", security(("bearer" = [])),
    request_body(content = EvidenceForm, content_type = "multipart/form-data", description = "the file in the part named `file`"),
    responses((status = 201, body = Evidence), (status = 413, body = Problem), (status = 415, body = Problem), (status = 422, body = Problem)))]
#[post("/evidence")]
pub async fn upload(state: web::Data<AppState>, viewer: Viewer, mut form: Multipart) -> ApiResult<HttpResponse> {
    let me = viewer.employee_id.ok_or_else(|| ApiError::field("employee", Invalid::NoEmployeeRecord))?;
    let limit = state.settings().await?.evidence_max_bytes as usize;
    let mut file: Option<(String, Vec<u8>)> = None;
    // Counted over every part, so that extra parts cannot get around the limit.
    let mut total = 0usize;
    while let Some(part) = form.next().await {
        // A form whose parts cannot be read (a malformed header, a part name with control
        // characters) is answered like a form without the file part: 422 on `file`.
        let mut part = part.map_err(|e| {
            tracing::debug!(error = %e, "unreadable multipart form");
            ApiError::field("file", Invalid::FilePartMissing)
        })?;
        let is_file = part.content_disposition().and_then(|d| d.get_name()).map(|n| n == "file").unwrap_or(false);
        let name = part.content_disposition().and_then(|d| d.get_filename()).unwrap_or("bukti").to_owned();
        let mut bytes = Vec::new();
        while let Some(chunk) = part.next().await {
            let chunk = chunk.map_err(|e| ApiError::BadRequest(format!("unggahan terputus: {e}")))?;
            total += chunk.len();
            if total > limit + 64 * 1024 || bytes.len() + chunk.len() > limit {
                return Err(ApiError::PayloadTooLarge(format!("berkas melebihi batas {} MB", limit / (1024 * 1024))));
            }
            if is_file {
                bytes.extend_from_slice(&chunk);
            }
        }
        if is_file && file.is_none() {
            file = Some((name, bytes));
        }
    }
    let (name, bytes) = file.ok_or_else(|| ApiError::field("file", Invalid::FilePartMissing))?;
    let file = svc::accept(&name, &bytes)?;
    let blobs = state.blobs.clone();
    let key = file.sha256.clone();
    web::block(move || blobs.put(&key, &bytes))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?
        .map_err(|e| ApiError::Internal(e.into()))?;
    let txn = crate::db::begin(&state.db).await?;
    let out = svc::add_file(&txn, &viewer.actor(), viewer.user_id, me, file).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// Adds a link to an external document as the caller's evidence.
#[utoipa::path(tag = "activities", security(("bearer" = [])), request_body = NewEvidenceLink,
    responses((status = 201, body = Evidence), (status = 422, body = Problem)))]
#[post("/evidence/links")]
pub async fn add_link(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewEvidenceLink>,
) -> ApiResult<HttpResponse> {
    let me = viewer.employee_id.ok_or_else(|| ApiError::field("employee", Invalid::NoEmployeeRecord))?;
    body.validate()?;
    if !(body.url.starts_with("https://") || body.url.starts_with("http://")) {
        return Err(ApiError::field("url", Invalid::UrlScheme));
    }
    let txn = crate::db::begin(&state.db).await?;
    let out = svc::add_link(&txn, &viewer.actor(), viewer.user_id, me, &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// Describes a piece of evidence (name, type, size, or the link) without downloading it (those who
/// see its owner, and the evaluation team overseeing the owner's unit).
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Evidence), (status = 404, body = Problem)))]
#[get("/evidence/{id}/info")]
pub async fn info(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<web::Json<Evidence>> {
    let row = svc::readable(&state.db, &viewer, id.into_inner()).await?;
    Ok(web::Json(to_wire(&row)))
}

/// Downloads a file (or describes a link) for those who may see its owner or oversee their unit as
/// an evaluation team; served as an
/// attachment with its checked content type.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, description = "the file, or the link's description as JSON"), (status = 404, body = Problem)))]
#[get("/evidence/{id}")]
pub async fn download(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let row = svc::readable(&state.db, &viewer, id.into_inner()).await?;
    let Some(sha) = row.sha256.clone() else {
        return Ok(HttpResponse::Ok().json(to_wire(&row)));
    };
    let blobs = state.blobs.clone();
    let bytes = web::block(move || blobs.get(&sha))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("evidence {} unreadable: {e}", row.id)))?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::CONTENT_TYPE,
            row.content_type.clone().unwrap_or_else(|| "application/octet-stream".into()),
        ))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}\"", row.filename.clone().unwrap_or_else(|| "bukti".into())),
        ))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(bytes))
}
