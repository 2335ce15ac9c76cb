//! Evidence (bukti dukung): uploaded files, checked by their content, or links to documents.
//! Downloaded only by those who may see the owner.

use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::routes::idempotency::{created, replayed, IdempotencyKey};
use crate::services::evidence::{self as svc, to_wire};
use crate::services::idempotency::{self, fingerprint};
use crate::state::AppState;
use actix_multipart::Multipart;
use actix_web::http::header;
use actix_web::{get, post, web, HttpResponse};
use kinerja_types::{Evidence, NewEvidenceLink, Problem};
use kinerja_types::{Invalid, Issue};
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

/// Uploads a PDF, PNG or JPEG as the caller's evidence: a form of exactly one part, named `file`
/// (422 otherwise), streamed to the store. The size limit comes from the settings (413 beyond it,
/// as soon as it is passed); each employee's stored evidence is bounded by
/// `KINERJA_EVIDENCE_QUOTA_MB` (422 on `file` when full); any other content, whatever its name, is
/// 415. With an `Idempotency-Key`, a retry of the same file under the same name answers the
/// evidence already stored, marked `Idempotent-Replayed: true`.
#[utoipa::path(tag = "activities", security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "the client's key for this upload (1-128 of letters, digits, `-_.:`); a retry with it never stores a second evidence")),
    request_body(content = EvidenceForm, content_type = "multipart/form-data", description = "the file in the part named `file`"),
    responses((status = 201, body = Evidence, headers(("Idempotent-Replayed" = String, description = "`true` when this is the answer kept for a retried Idempotency-Key"))), (status = 409, body = Problem), (status = 413, body = Problem), (status = 415, body = Problem), (status = 422, body = Problem)))]
#[post("/evidence")]
pub async fn upload(
    state: web::Data<AppState>,
    viewer: Viewer,
    key: IdempotencyKey,
    form: Multipart,
) -> ApiResult<HttpResponse> {
    const SCOPE: &str = "POST /evidence";
    let me = viewer.employee_id.ok_or_else(|| ApiError::field("employee", Invalid::NoEmployeeRecord))?;
    let limit = state.settings().await?.evidence_max_bytes;
    let upload = crate::uploads::receive(form, &state.blobs, limit).await?;
    let hash = fingerprint(&[upload.name.as_bytes(), upload.sha256.as_bytes()]);
    // Checked by its content and the quota, then stored before the transaction begins: no database
    // lock is held while the file goes to the store. The quota is checked again in the transaction;
    // a file stored for a request refused there stays, unnamed (kept by its content, once).
    let quota = state.config.evidence_quota;
    let over_quota = || ApiError::field("file", Issue::new(Invalid::StorageQuota).with("quota", quota / (1024 * 1024)));
    // A retry answered already is answered again without storing anything.
    let early = crate::db::begin_read(&state.db).await?;
    if let Some(kept) = idempotency::kept(&early, viewer.user_id, SCOPE, key.get(), &hash).await? {
        return replayed(kept);
    }
    early.commit().await?;
    let file = svc::accept(&upload.name, &upload.head, upload.sha256.clone(), upload.size)?;
    if svc::stored_bytes(&state.db, me).await? + upload.size > quota {
        return Err(over_quota());
    }
    state.blobs.adopt(&file.sha256, upload.staged.path()).await.map_err(|e| ApiError::Internal(e.into()))?;
    let txn = crate::db::begin(&state.db).await?;
    if let Some(kept) = idempotency::kept(&txn, viewer.user_id, SCOPE, key.get(), &hash).await? {
        return replayed(kept);
    }
    if svc::stored_bytes(&txn, me).await? + upload.size > quota {
        return Err(over_quota());
    }
    let out = svc::add_file(&txn, &viewer.actor(), viewer.user_id, me, file).await?;
    let json = idempotency::keep(&txn, viewer.user_id, SCOPE, key.get(), &hash, 201, &out).await?;
    txn.commit().await?;
    Ok(created(json))
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

/// Downloads a file, streamed from the store (or describes a link) for those who may see its owner or oversee their unit as
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
    let (size, chunks) = state
        .blobs
        .read(&sha)
        .await
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
        .no_chunking(size)
        .streaming(chunks))
}
