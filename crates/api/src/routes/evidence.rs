//! Evidence (bukti dukung): uploaded files, checked by their content, or links to documents.
//! Downloaded only by those who may see the owner.

use crate::audit::{self, Change};
use crate::entities::evidence;
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::state::AppState;
use actix_multipart::Multipart;
use actix_web::http::header;
use actix_web::{get, post, web, HttpResponse};
use chrono::Utc;
use futures_util::StreamExt;
use kinerja_types::{Evidence, NewEvidenceLink, Problem};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use sha2::{Digest, Sha256};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(upload).service(add_link).service(info).service(download);
}

/// The file types accepted, recognised from the content itself, never from the name.
const ALLOWED: &[(&str, &str)] = &[("application/pdf", "pdf"), ("image/png", "png"), ("image/jpeg", "jpg")];

fn to_wire(e: &evidence::Model) -> Evidence {
    Evidence {
        id: e.id,
        employee_id: e.employee_id,
        kind: e.kind.clone(),
        filename: e.filename.clone(),
        content_type: e.content_type.clone(),
        size: e.size,
        sha256: e.sha256.clone(),
        url: e.url.clone(),
        created_at: e.created_at,
    }
}

fn clean_name(raw: &str, ext: &str) -> String {
    let base: String = raw
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphanumeric() || " ._-()".contains(*c))
        .take(120)
        .collect();
    let base = base.trim().trim_start_matches('.');
    let stem = base.rsplit_once('.').map(|(s, _)| s).unwrap_or(base);
    if stem.is_empty() {
        format!("bukti.{ext}")
    } else {
        format!("{stem}.{ext}")
    }
}

/// Uploads a PDF, PNG or JPEG (the part named `file`) as the caller's evidence. The size limit comes
/// from the settings (413 beyond it); any other content, whatever its name, is 415.
#[utoipa::path(tag = "activities", security(("bearer" = [])),
    request_body(content = String, content_type = "multipart/form-data", description = "the file in the part named `file`"),
    responses((status = 201, body = Evidence), (status = 413, body = Problem), (status = 415, body = Problem), (status = 422, body = Problem)))]
#[post("/evidence")]
pub async fn upload(state: web::Data<AppState>, viewer: Viewer, mut form: Multipart) -> ApiResult<HttpResponse> {
    let me = viewer
        .employee_id
        .ok_or_else(|| ApiError::field("employee", "akun ini tidak terhubung dengan data pegawai"))?;
    let limit = state.settings().await?.evidence_max_bytes as usize;
    let mut file: Option<(String, Vec<u8>)> = None;
    // Counted over every part, so that extra parts cannot get around the limit.
    let mut total = 0usize;
    while let Some(part) = form.next().await {
        let mut part = part.map_err(|e| ApiError::BadRequest(format!("multipart tidak valid: {e}")))?;
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
    let (name, bytes) = file.ok_or_else(|| ApiError::field("file", "kirim berkas pada bagian bernama 'file'"))?;
    if bytes.is_empty() {
        return Err(ApiError::field("file", "berkas kosong"));
    }
    let detected = infer::get(&bytes).map(|t| t.mime_type()).unwrap_or("application/octet-stream");
    let Some((mime, ext)) = ALLOWED.iter().find(|(m, _)| *m == detected) else {
        return Err(ApiError::UnsupportedMediaType(format!(
            "isi berkas terdeteksi sebagai {detected}; hanya PDF, PNG atau JPEG yang diterima"
        )));
    };
    let sha = hex::encode(Sha256::digest(&bytes));
    let blobs = state.blobs.clone();
    let key = sha.clone();
    let size = bytes.len() as i64;
    web::block(move || blobs.put(&key, &bytes))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?
        .map_err(|e| ApiError::Internal(e.into()))?;
    let txn = crate::db::begin(&state.db).await?;
    let row = evidence::ActiveModel {
        employee_id: Set(me),
        kind: Set("file".into()),
        sha256: Set(Some(sha)),
        filename: Set(Some(clean_name(&name, ext))),
        content_type: Set(Some((*mime).to_owned())),
        size: Set(Some(size)),
        url: Set(None),
        created_by_user_id: Set(viewer.user_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let out = to_wire(&row);
    audit::record(&txn, &viewer.actor(), Change::new("evidence.upload", "evidence", row.id).after(&out)).await?;
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
    let me = viewer
        .employee_id
        .ok_or_else(|| ApiError::field("employee", "akun ini tidak terhubung dengan data pegawai"))?;
    body.validate()?;
    if !(body.url.starts_with("https://") || body.url.starts_with("http://")) {
        return Err(ApiError::field("url", "tautan harus diawali http:// atau https://"));
    }
    let txn = crate::db::begin(&state.db).await?;
    let row = evidence::ActiveModel {
        employee_id: Set(me),
        kind: Set("link".into()),
        sha256: Set(None),
        filename: Set(body.title.clone()),
        content_type: Set(None),
        size: Set(None),
        url: Set(Some(body.url.clone())),
        created_by_user_id: Set(viewer.user_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let out = to_wire(&row);
    audit::record(&txn, &viewer.actor(), Change::new("evidence.link", "evidence", row.id).after(&out)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// Describes a piece of evidence (name, type, size, or the link) without downloading it (those who
/// see its owner, and the evaluation team overseeing the owner's unit).
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Evidence), (status = 404, body = Problem)))]
#[get("/evidence/{id}/info")]
pub async fn info(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<web::Json<Evidence>> {
    let row = evidence::Entity::find_by_id(id.into_inner()).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    let scope = viewer.scope();
    crate::services::oversight::readable_employee(&state.db, &viewer, scope, row.employee_id).await?;
    Ok(web::Json(to_wire(&row)))
}

/// Downloads a file (or describes a link) for those who may see its owner or oversee their unit as
/// an evaluation team; served as an
/// attachment with its checked content type.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, description = "the file, or the link's description as JSON"), (status = 404, body = Problem)))]
#[get("/evidence/{id}")]
pub async fn download(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let row = evidence::Entity::find_by_id(id.into_inner()).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    let scope = viewer.scope();
    crate::services::oversight::readable_employee(&state.db, &viewer, scope, row.employee_id).await?;
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
