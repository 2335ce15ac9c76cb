//! The rating flow: the penilai finalizes; the employee acknowledges or objects within the deadline;
//! the atasan penilai decides (upheld or changed), which is final. Every step is audited and
//! notifies the other party.

use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::assessments::flow;
use crate::state::AppState;
use actix_web::{post, web};
use kinerja_types::{Assessment, DecisionRequest, ObjectionRequest, ObjectionResponse, Problem};
use kinerja_types::{Invalid, Issue};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(finalize).service(acknowledge).service(object).service(respond).service(decide);
}

/// Finalizes a draft (the penilai); the employee is told and may acknowledge or object.
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Assessment), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[post("/assessments/{id}/finalize")]
pub async fn finalize(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<web::Json<Assessment>> {
    let txn = crate::db::begin(&state.db).await?;
    let settings = state.settings().await?;
    let out = flow::finalize(&txn, &viewer, id.into_inner(), &settings).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Accepts a finalized assessment (the employee).
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Assessment), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[post("/assessments/{id}/acknowledge")]
pub async fn acknowledge(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<web::Json<Assessment>> {
    let txn = crate::db::begin(&state.db).await?;
    let settings = state.settings().await?;
    let out = flow::acknowledge(&txn, &viewer, id.into_inner(), &settings).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Objects to a finalized assessment with reasons (the employee), within the deadline in settings.
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(("id" = i64, Path)), request_body = ObjectionRequest,
    responses((status = 200, body = Assessment), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/assessments/{id}/object")]
pub async fn object(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<ObjectionRequest>,
) -> ApiResult<web::Json<Assessment>> {
    body.validate()?;
    let reason = body.reason.trim().to_owned();
    let txn = crate::db::begin(&state.db).await?;
    let settings = state.settings().await?;
    let out = flow::object(&txn, &viewer, id.into_inner(), &settings, reason).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// The penilai's written response (tanggapan) to an objection, once, before the decision.
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(("id" = i64, Path)), request_body = ObjectionResponse,
    responses((status = 200, body = Assessment), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/assessments/{id}/respond")]
pub async fn respond(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<ObjectionResponse>,
) -> ApiResult<web::Json<Assessment>> {
    body.validate()?;
    let response = body.response.trim().to_owned();
    if response.chars().count() < 10 {
        return Err(ApiError::field("response", Issue::new(Invalid::Length).with("min", 10).with("max", 4000)));
    }
    let txn = crate::db::begin(&state.db).await?;
    let settings = state.settings().await?;
    let out = flow::respond(&txn, &viewer, id.into_inner(), &settings, response).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Decides an objection (the atasan penilai; the BKPSDM for the PPK where the penilai has no
/// atasan), once the penilai responded or the time to respond passed: `upheld`, or `changed` with
/// the new ratings; always with a reason. Final.
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(("id" = i64, Path)), request_body = DecisionRequest,
    responses((status = 200, body = Assessment), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/assessments/{id}/decide")]
pub async fn decide(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<DecisionRequest>,
) -> ApiResult<web::Json<Assessment>> {
    body.validate()?;
    let changed = match body.outcome.as_str() {
        "upheld" => None,
        "changed" => match (body.result_rating, body.behavior_rating) {
            (Some(r), Some(b)) => Some((r, b)),
            _ => return Err(ApiError::field("result_rating", Invalid::ChangedNeedsRatings)),
        },
        _ => return Err(ApiError::field("outcome", Invalid::DecisionOutcome)),
    };
    let outcome = body.outcome.clone();
    let reason = body.reason.trim().to_owned();
    let txn = crate::db::begin(&state.db).await?;
    let settings = state.settings().await?;
    let out = flow::decide(&txn, &viewer, id.into_inner(), &settings, changed, outcome, reason).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}
