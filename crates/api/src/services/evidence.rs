//! Evidence (bukti dukung): files accepted by their content, links to documents, and who may read
//! them.

use crate::audit::{Actor, Change};
use crate::entities::evidence;
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use chrono::Utc;
use kinerja_types::Invalid;
use kinerja_types::{Evidence, NewEvidenceLink};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, Set};

/// The file types accepted, recognised from the content itself, never from the name.
const ALLOWED: &[(&str, &str)] = &[("application/pdf", "pdf"), ("image/png", "png"), ("image/jpeg", "jpg")];

/// A piece of evidence as sent.
pub fn to_wire(e: &evidence::Model) -> Evidence {
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

/// The uploaded name reduced to safe characters, with the extension of the detected type.
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

/// An uploaded file that passed the content check.
#[derive(Debug, Clone)]
pub struct Accepted {
    /// The detected content type.
    pub content_type: &'static str,
    /// The name it is stored and served under.
    pub filename: String,
    /// The hex SHA-256 of the content, its key in the blob store.
    pub sha256: String,
    /// Its size in bytes.
    pub size: i64,
}

/// Checks a received file by its first bytes: 422 when empty, 415 unless its content is a PDF, PNG
/// or JPEG.
pub fn accept(name: &str, head: &[u8], sha256: String, size: u64) -> ApiResult<Accepted> {
    if size == 0 {
        return Err(ApiError::field("file", Invalid::FileEmpty));
    }
    let detected = infer::get(head).map(|t| t.mime_type()).unwrap_or("application/octet-stream");
    let Some((mime, ext)) = ALLOWED.iter().find(|(m, _)| *m == detected) else {
        return Err(ApiError::UnsupportedMediaType(format!(
            "isi berkas terdeteksi sebagai {detected}; hanya PDF, PNG atau JPEG yang diterima"
        )));
    };
    Ok(Accepted { content_type: mime, filename: clean_name(name, ext), sha256, size: size as i64 })
}

/// Bytes of evidence files the employee has stored (each record counts, even when two hold the
/// same content).
pub async fn stored_bytes(db: &impl ConnectionTrait, employee_id: i64) -> ApiResult<u64> {
    use sea_orm::sea_query::{Alias, Expr, Func};
    use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
    // PostgreSQL sums a bigint as numeric: cast back, so both databases answer an integer.
    let sum = Func::cast_as(Func::sum(Expr::col(evidence::Column::Size)), Alias::new("BIGINT"));
    let total: Option<i64> = evidence::Entity::find()
        .select_only()
        .column_as(Expr::expr(sum), "total")
        .filter(evidence::Column::EmployeeId.eq(employee_id))
        .into_tuple::<Option<i64>>()
        .one(db)
        .await?
        .flatten();
    Ok(total.unwrap_or(0).max(0) as u64)
}

/// Records a stored file as evidence of the employee, written by `user_id`. Audited.
pub async fn add_file(
    txn: &DatabaseTransaction,
    actor: &Actor,
    user_id: i64,
    employee_id: i64,
    file: Accepted,
) -> ApiResult<Evidence> {
    let row = evidence::ActiveModel {
        employee_id: Set(employee_id),
        kind: Set("file".into()),
        sha256: Set(Some(file.sha256)),
        filename: Set(Some(file.filename)),
        content_type: Set(Some(file.content_type.to_owned())),
        size: Set(Some(file.size)),
        url: Set(None),
        created_by_user_id: Set(user_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let out = to_wire(&row);
    crate::audit::record(txn, actor, Change::new("evidence.upload", "evidence", row.id).after(&out)).await?;
    Ok(out)
}

/// Records a link (already checked) as evidence of the employee, written by `user_id`. Audited.
pub async fn add_link(
    txn: &DatabaseTransaction,
    actor: &Actor,
    user_id: i64,
    employee_id: i64,
    body: &NewEvidenceLink,
) -> ApiResult<Evidence> {
    let row = evidence::ActiveModel {
        employee_id: Set(employee_id),
        kind: Set("link".into()),
        sha256: Set(None),
        filename: Set(body.title.clone()),
        content_type: Set(None),
        size: Set(None),
        url: Set(Some(body.url.clone())),
        created_by_user_id: Set(user_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let out = to_wire(&row);
    crate::audit::record(txn, actor, Change::new("evidence.link", "evidence", row.id).after(&out)).await?;
    Ok(out)
}

/// Loads a piece of evidence whose owner the viewer may see or oversees as an evaluation team,
/// else 404.
pub async fn readable(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> ApiResult<evidence::Model> {
    let row = evidence::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let scope = viewer.scope();
    crate::services::oversight::readable_employee(db, viewer, scope, row.employee_id).await?;
    Ok(row)
}
