//! Reviews of the evaluation team: a member in scope writes a note and a recommendation on a
//! finalized assessment and may flag it for the penilai to look at again; the penilai answers the
//! flag. The team advises only: nothing here touches a rating. Notes and flags are read by the
//! penilai, the head of the unit, the employee concerned, the team, admins and auditors.

use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::routes::list::{page, PageQuery};
use crate::services::evaluation::reviews;
use crate::services::oversight::overseeing_team;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use kinerja_domain::oversight::{check_review, FlagStatus, ReviewError};
use kinerja_domain::AssessmentStatus;
use kinerja_types::Invalid;
use kinerja_types::{AssessmentReview, NewReview, Page, Problem, ReviewResponse};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

/// The team's notes on one assessment, oldest first.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path), PageQuery),
    responses((status = 200, body = Page<AssessmentReview>), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/assessments/{id}/reviews")]
pub async fn assessment_reviews_of(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<AssessmentReview>>> {
    let db = &state.db;
    let (a, e) = reviews::load(db, id.into_inner()).await?;
    reviews::may_read(db, &viewer, &e, a.unit_id).await?;
    let (items, total) = reviews::of_assessment(db, a.id, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
}

/// Writes a review of a finalized assessment (a member of a team overseeing its unit, neither the
/// employee nor the penilai). A flag asks the penilai to review the assessment again.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewReview,
    responses((status = 201, body = AssessmentReview), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/assessments/{id}/reviews")]
pub async fn create_review(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewReview>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let (a, e) = reviews::load(&txn, id.into_inner()).await?;
    let Some(team) = overseeing_team(&txn, &viewer, a.unit_id).await? else {
        reviews::may_read(&txn, &viewer, &e, a.unit_id).await?;
        return Err(ApiError::Forbidden("hanya anggota tim penilai kinerja yang menelaah penilaian".into()));
    };
    let me = viewer.employee_id.ok_or_else(ApiError::forbidden)?;
    if a.status == AssessmentStatus::Draft {
        return Err(ApiError::Conflict("penilaian masih draf; tim menelaah penilaian yang sudah final".into()));
    }
    let reason = body.reason.as_deref().map(str::trim).filter(|r| !r.is_empty());
    match check_review(me, a.employee_id, a.penilai_id, body.flag, reason) {
        Ok(()) => {}
        Err(ReviewError::NotIndependent) => {
            return Err(ApiError::Forbidden(ReviewError::NotIndependent.message().into()))
        }
        Err(ReviewError::FlagWithoutReason) => return Err(ApiError::field("reason", Invalid::FlagWithoutReason)),
    }
    let out = reviews::create(&txn, &viewer.actor(), me, team.id, &a, &e.name, &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// Filters of the review list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReviewFilter {
    /// Only flags still waiting for the penilai.
    pub open_flags: Option<bool>,
    pub employee_id: Option<i64>,
}

/// The team notes the caller may read, newest first: on their own assessments, on those they rate
/// or head, and those of their teams.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(ReviewFilter, PageQuery),
    responses((status = 200, body = Page<AssessmentReview>), (status = 401, body = Problem)))]
#[get("/assessment-reviews")]
pub async fn list_reviews(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<ReviewFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<AssessmentReview>>> {
    let db = &state.db;
    let open_flags = q.open_flags == Some(true);
    let (items, total) =
        reviews::list(db, &viewer, open_flags, q.employee_id, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
}

/// The penilai answers a flag of the team (saying what they reviewed and what, if anything, they
/// changed through the usual assessment flow).
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = ReviewResponse,
    responses((status = 200, body = AssessmentReview), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/assessment-reviews/{id}/response")]
pub async fn respond(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<ReviewResponse>,
) -> ApiResult<web::Json<AssessmentReview>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let review = reviews::find(&txn, id.into_inner()).await?;
    let (a, e) = reviews::load(&txn, review.assessment_id).await?;
    reviews::may_read(&txn, &viewer, &e, a.unit_id).await?;
    if viewer.employee_id != Some(a.penilai_id) || viewer.token_id.is_some() {
        return Err(ApiError::Forbidden("hanya pejabat penilai yang menanggapi permintaan tinjau ulang".into()));
    }
    if !review.flag {
        return Err(ApiError::Conflict("catatan ini bukan permintaan tinjau ulang".into()));
    }
    if review.flag_status != Some(FlagStatus::Open) {
        return Err(ApiError::Conflict("permintaan tinjau ulang ini sudah ditanggapi".into()));
    }
    let out = reviews::respond(&txn, &viewer.actor(), review, &a, &e.name, body.response.trim()).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}
