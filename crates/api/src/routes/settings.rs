//! The Pemda's settings: everyone signed in reads them; admins change them.

use crate::error::ApiResult;
use crate::pemda_settings;
use crate::policy::{Capability, Viewer};
use crate::routes::imports;
use crate::routes::imports::ImportProblem;
use crate::services::holiday_import;
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use kinerja_types::{HolidayImport, PemdaSettings, Problem};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(get_settings).service(update_settings).service(import_holidays);
}

/// The current settings, with the domain defaults for anything never changed.
#[utoipa::path(tag = "settings", security(("bearer" = [])), responses((status = 200, body = PemdaSettings), (status = 401, body = Problem)))]
#[get("/settings")]
pub async fn get_settings(state: web::Data<AppState>, _viewer: Viewer) -> ApiResult<web::Json<PemdaSettings>> {
    Ok(web::Json((*state.settings().await?).clone()))
}

/// Changes some settings (admin); the body holds only the fields to change. Audited.
#[utoipa::path(tag = "settings", security(("bearer" = [])), request_body = PemdaSettings,
    responses((status = 200, body = PemdaSettings), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[patch("/settings")]
pub async fn update_settings(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<serde_json::Value>,
) -> ApiResult<web::Json<PemdaSettings>> {
    viewer.require(Capability::Administer)?;
    let next = pemda_settings::patch(&state.db, &viewer.actor(), body.into_inner()).await?;
    state.settings.invalidate(&()).await;
    state.public_changed();
    Ok(web::Json(next))
}

/// Imports the national holidays and cuti bersama of one or more years (admin) from CSV, all or
/// nothing. Header: `date,name[,kind]`, kind `libur_nasional` (default) or `cuti_bersama`. The
/// holidays of each year the file names are replaced by the file's; other years stay. Audited as
/// a change of the settings.
#[utoipa::path(tag = "calendar", security(("bearer" = [])), request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = HolidayImport), (status = 403, body = Problem), (status = 415, body = Problem), (status = 422, body = ImportProblem)))]
#[post("/settings/holidays")]
pub async fn import_holidays(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Bytes,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    imports::require_csv(&req)?;
    // Merged onto the stored settings, not this replica's cached copy.
    let current = pemda_settings::load(&state.db).await?;
    let merged = holiday_import::merge(&current.holidays, &body);
    if let Ok((holidays, _)) = &merged {
        pemda_settings::patch(&state.db, &viewer.actor(), serde_json::json!({ "holidays": holidays })).await?;
        state.settings.invalidate(&()).await;
        state.public_changed();
    }
    imports::answer(merged.map(|(_, report)| report))
}
