//! The audit log, for admins and auditors.

use crate::error::ApiResult;
use crate::policy::{Capability, Viewer};
use crate::routes::list::{page, respond, sheet, PageQuery};
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use kinerja_types::{AuditEntry, AuditVerification, Problem};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(verify_audit).service(list_audit);
}

/// A flat row for the CSV download.
#[derive(Serialize)]
struct CsvRow<'a> {
    id: i64,
    at: String,
    actor: &'a str,
    action: &'a str,
    entity: &'a str,
    entity_id: &'a str,
    before: &'a str,
    after: &'a str,
    hash: &'a str,
}

/// Filters of the audit log.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditFilter {
    /// e.g. `employee`, `unit`, `settings`.
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    /// e.g. `unit.create`.
    pub action: Option<String>,
    pub actor_user_id: Option<i64>,
}

/// Who changed what and when, newest first (admin, auditor); JSON or CSV.
#[utoipa::path(tag = "audit", security(("bearer" = [])), params(AuditFilter, PageQuery),
    responses((status = 200, body = kinerja_types::Page<AuditEntry>), (status = 403, body = Problem)))]
#[get("/audit")]
pub async fn list_audit(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    filter: web::Query<AuditFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::ReadAudit)?;
    let query = crate::audit::AuditQuery {
        entity: filter.entity.as_deref(),
        entity_id: filter.entity_id.as_deref(),
        action: filter.action.as_deref(),
        actor_user_id: filter.actor_user_id,
    };
    let (rows, total) = crate::audit::list(&state.db, &query, paging.offset(), paging.per_page()).await?;
    if let Some(sheet) = sheet(&req, &paging) {
        let flat: Vec<CsvRow> = rows
            .iter()
            .map(|r| CsvRow {
                id: r.id,
                at: r.at.to_rfc3339(),
                actor: &r.actor,
                action: &r.action,
                entity: &r.entity,
                entity_id: r.entity_id.as_deref().unwrap_or(""),
                before: r.before.as_deref().unwrap_or(""),
                after: r.after.as_deref().unwrap_or(""),
                hash: &r.hash,
            })
            .collect();
        return crate::routes::spreadsheet::download(sheet, &flat, "audit");
    }
    respond(&req, &paging, page(rows.iter().map(crate::audit::to_wire).collect(), total, &paging), "audit")
}

/// Recomputes the hash chain and says whether the log is intact (admin, auditor).
#[utoipa::path(tag = "audit", security(("bearer" = [])),
    responses((status = 200, body = AuditVerification), (status = 403, body = Problem)))]
#[get("/audit/verify")]
pub async fn verify_audit(state: web::Data<AppState>, viewer: Viewer) -> ApiResult<web::Json<AuditVerification>> {
    viewer.require(Capability::ReadAudit)?;
    Ok(web::Json(crate::audit::verify(&state.db).await?))
}
