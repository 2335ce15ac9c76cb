//! `/me/messages`: the signed-in person's messages outside the app — their e-mail address and
//! WhatsApp number (verified by a code), the groups they keep out, their quiet hours.

use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::message_settings;
use crate::state::AppState;
use actix_web::{get, post, put, web};
use kinerja_types::{ContactChange, ContactCode, MessagePreferences, MessageSettings, Problem};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(get_settings).service(put_preferences).service(change_contact).service(verify_contact);
}

/// A person's own settings: an API token has none.
fn person(viewer: &Viewer) -> ApiResult<i64> {
    viewer.profile().ok_or_else(ApiError::forbidden)?;
    Ok(viewer.user_id)
}

/// The caller's addresses (and whether each is verified), the groups kept out, the quiet hours,
/// and the channels this server sends on.
#[utoipa::path(tag = "notifications", security(("bearer" = [])),
    responses((status = 200, body = MessageSettings), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/me/messages")]
pub async fn get_settings(state: web::Data<AppState>, viewer: Viewer) -> ApiResult<web::Json<MessageSettings>> {
    let me = person(&viewer)?;
    Ok(web::Json(message_settings::get(&state.db, me, &state.channels.names()).await?))
}

/// Keeps the groups kept out of e-mail and WhatsApp and the quiet hours (both `HH:MM`, or neither).
#[utoipa::path(tag = "notifications", security(("bearer" = [])), request_body = MessagePreferences,
    responses((status = 200, body = MessageSettings), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[put("/me/messages")]
pub async fn put_preferences(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<MessagePreferences>,
) -> ApiResult<web::Json<MessageSettings>> {
    let me = person(&viewer)?;
    body.validate()?;
    Ok(web::Json(message_settings::set_preferences(&state.db, me, &body, &state.channels.names()).await?))
}

/// A new e-mail address or WhatsApp number: kept unverified, and a 6-digit code (good for 15
/// minutes) is sent to it. Nothing else goes there until the code is entered. Five codes an hour.
#[utoipa::path(tag = "notifications", security(("bearer" = [])), request_body = ContactChange,
    responses((status = 200, body = MessageSettings), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
#[post("/me/messages/contact")]
pub async fn change_contact(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<ContactChange>,
) -> ApiResult<web::Json<MessageSettings>> {
    let me = person(&viewer)?;
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let out = message_settings::change_contact(&txn, me, &body.address, &state.channels.names()).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Verifies an address with the code sent to it (five wrong tries end the code).
#[utoipa::path(tag = "notifications", security(("bearer" = [])), request_body = ContactCode,
    responses((status = 200, body = MessageSettings), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[post("/me/messages/verify")]
pub async fn verify_contact(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<ContactCode>,
) -> ApiResult<web::Json<MessageSettings>> {
    let me = person(&viewer)?;
    body.validate()?;
    Ok(web::Json(message_settings::verify(&state.db, me, &body, &state.channels.names()).await?))
}
