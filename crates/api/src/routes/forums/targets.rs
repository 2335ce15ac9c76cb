//! A forum commitment as someone's target: it becomes an RHK of a named official of the unit, with
//! progress and milestones the citizen follows on the public forum page.

use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::routes::list::check_year;
use crate::services::forums::{self, commitments};
use crate::services::service_units::require_staff;
use crate::state::AppState;
use actix_web::{post, put, web, HttpResponse};
use chrono::Datelike;
use kinerja_types::{CommitmentProgress, CommitmentTarget, ForumCommitment, MilestoneUpdate, NewMilestone, Problem};
use validator::Validate;

/// Makes the commitment an RHK of an official of the forum's unit (their plan of the due year; an
/// approved plan gets a revision holding it): the head of the unit, the official's direct
/// supervisor, or an admin.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = CommitmentTarget,
    responses((status = 200, body = ForumCommitment), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/forum-commitments/{id}/target")]
pub async fn target_commitment(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<CommitmentTarget>,
) -> ApiResult<web::Json<ForumCommitment>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let c = commitments::find_to_assign(&txn, &viewer, id.into_inner(), body.employee_id).await?;
    let out = commitments::target(&txn, &viewer.actor(), c, &body).await?;
    txn.commit().await?;
    state.public_changed();
    Ok(web::Json(out))
}

/// Reports the progress of an open commitment, in percent with a note: the official whose target it
/// is, the unit's heads and operators, or an admin.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = CommitmentProgress,
    responses((status = 200, body = ForumCommitment), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[put("/forum-commitments/{id}/progress")]
pub async fn commitment_progress(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<CommitmentProgress>,
) -> ApiResult<web::Json<ForumCommitment>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let c = commitments::find_reportable(&txn, &viewer, id.into_inner()).await?;
    let out = commitments::progress(&txn, &viewer.actor(), c, &body).await?;
    txn.commit().await?;
    state.public_changed();
    Ok(web::Json(out))
}

/// Adds a milestone (a dated step) to an open commitment: the unit's heads and operators, or an admin.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewMilestone,
    responses((status = 201, body = ForumCommitment), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/forum-commitments/{id}/milestones")]
pub async fn add_milestone(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewMilestone>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    check_year("due_on", body.due_on.year())?;
    let txn = crate::db::begin(&state.db).await?;
    let c = commitments::find(&txn, id.into_inner()).await?;
    require_staff(&txn, &viewer, c.unit_id, true).await?;
    let f = forums::find(&txn, c.forum_id).await?;
    let out = commitments::add_milestone(&txn, &viewer.actor(), &f, c, &body).await?;
    txn.commit().await?;
    state.public_changed();
    Ok(HttpResponse::Created().json(out))
}

/// Marks a milestone done or not: whoever reports the commitment's progress.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path), ("milestone_id" = i64, Path)), request_body = MilestoneUpdate,
    responses((status = 200, body = ForumCommitment), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[put("/forum-commitments/{id}/milestones/{milestone_id}")]
pub async fn update_milestone(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(i64, i64)>,
    body: web::Json<MilestoneUpdate>,
) -> ApiResult<web::Json<ForumCommitment>> {
    let (id, milestone_id) = path.into_inner();
    let txn = crate::db::begin(&state.db).await?;
    let c = commitments::find_reportable(&txn, &viewer, id).await?;
    let out = commitments::set_milestone(&txn, &viewer.actor(), c, milestone_id, body.done).await?;
    txn.commit().await?;
    state.public_changed();
    Ok(web::Json(out))
}
