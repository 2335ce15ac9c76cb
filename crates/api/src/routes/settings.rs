//! The Pemda's settings: everyone signed in reads them; admins change them.

use crate::error::ApiResult;
use crate::pemda_settings;
use crate::policy::{Capability, Viewer};
use crate::state::AppState;
use actix_web::{get, patch, web};
use kinerja_types::{PemdaSettings, Problem};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(get_settings).service(update_settings);
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
