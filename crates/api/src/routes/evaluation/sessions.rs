//! Evaluation sessions: a head records a periodic or annual evaluation meeting of the unit (who
//! attended, whom it discussed, what it decided) with follow-ups that have an owner and a due date
//! and are tracked to done. Sessions are read by the heads of the unit, admins and auditors; an
//! owner also sees and closes their own follow-ups.

use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::list::{check_year, page, PageQuery};
use crate::services::evaluation::{calibration, sessions};
use crate::services::oversight::task_state;
use crate::services::units;
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpResponse};
use chrono::{Datelike, NaiveDate};
use kinerja_domain::oversight::TaskStatus;
use kinerja_types::Invalid;
use kinerja_types::{
    EvaluationSession, NewEvaluationSession, NewSessionFollowUp, Page, Problem, SessionFollowUp, TaskUpdate,
};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

/// 422 unless the follow-up is valid and due on or after the meeting (`field` names it in errors).
fn check_follow_up(f: &NewSessionFollowUp, held_on: NaiveDate, field: &str) -> ApiResult<()> {
    f.validate()?;
    if f.due_on < held_on {
        return Err(ApiError::field(&format!("{field}.due_on"), Invalid::DueBeforeMeeting));
    }
    check_year(&format!("{field}.due_on"), f.due_on.year())?;
    Ok(())
}

/// Which sessions.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SessionFilter {
    /// Only this unit (default: every unit the caller heads).
    pub unit_id: Option<i64>,
    /// Only meetings held in this year.
    pub year: Option<i32>,
}

/// Evaluation sessions the caller reads, newest first (heads, admins, auditors).
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(SessionFilter, PageQuery),
    responses((status = 200, body = Page<EvaluationSession>), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/evaluation-sessions")]
pub async fn list_sessions(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<SessionFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<EvaluationSession>>> {
    let db = &state.db;
    viewer.require(Capability::ReadSessions(None))?;
    if let Some(unit) = q.unit_id {
        // 404/403 unless the viewer reads the unit's sessions (its heads, admins, auditors).
        units::with(db, &viewer, unit, |u| Capability::ReadSessions(Some(u))).await?;
    }
    if let Some(y) = q.year {
        check_year("year", y)?;
    }
    let (items, total) = sessions::list(db, &viewer, q.unit_id, q.year, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
}

/// Records an evaluation meeting with its follow-ups (the head of the unit or an admin).
#[utoipa::path(tag = "oversight", security(("bearer" = [])), request_body = NewEvaluationSession,
    responses((status = 201, body = EvaluationSession), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/evaluation-sessions")]
pub async fn create_session(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewEvaluationSession>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    // The head of the unit (or a head above it) or an admin.
    units::with(&txn, &viewer, body.unit_id, Capability::RecordSessions).await?;
    check_year("held_on", body.held_on.year())?;
    if body.held_on > sessions::today(&txn).await? {
        return Err(ApiError::field("held_on", Invalid::MeetingInFuture));
    }
    let attendees: Vec<String> = body.attendees.iter().map(|a| a.trim().to_owned()).filter(|a| !a.is_empty()).collect();
    if attendees.is_empty() || attendees.iter().any(|a| a.chars().count() > 200) {
        return Err(ApiError::field("attendees", Invalid::Attendees));
    }
    sessions::in_subtree(&txn, body.unit_id, &body.employee_ids, "employee_ids").await?;
    for (i, f) in body.follow_ups.iter().enumerate() {
        check_follow_up(f, body.held_on, &format!("follow_ups[{i}]"))?;
    }
    let owners: Vec<i64> = body.follow_ups.iter().map(|f| f.owner_id).collect();
    sessions::in_subtree(&txn, body.unit_id, &owners, "follow_ups").await?;
    let out = sessions::create(&txn, &viewer.actor(), &viewer.username, &body, &attendees).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// One evaluation session.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = EvaluationSession), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[get("/evaluation-sessions/{id}")]
pub async fn get_session(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<web::Json<EvaluationSession>> {
    let s = sessions::find(&state.db, id.into_inner()).await?;
    units::with(&state.db, &viewer, s.unit_id, |u| Capability::ReadSessions(Some(u))).await?;
    Ok(web::Json(sessions::wire(&state.db, &s).await?))
}

/// Adds a follow-up to a session (the head of the unit or an admin).
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewSessionFollowUp,
    responses((status = 201, body = SessionFollowUp), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/evaluation-sessions/{id}/follow-ups")]
pub async fn add_follow_up(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewSessionFollowUp>,
) -> ApiResult<HttpResponse> {
    let txn = crate::db::begin(&state.db).await?;
    let s = calibration::find_for_update(&txn, id.into_inner()).await?;
    units::with(&txn, &viewer, s.unit_id, Capability::RecordSessions).await?;
    calibration::unlocked(&s)?;
    check_follow_up(&body, s.held_on, "follow_up")?;
    sessions::in_subtree(&txn, s.unit_id, &[body.owner_id], "owner_id").await?;
    let out = sessions::add_follow_up(&txn, &viewer.actor(), &s, &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// Which follow-ups.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FollowUpFilter {
    pub status: Option<TaskStatus>,
}

/// Follow-ups the caller owns, and those of the sessions they read; the earliest due first.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(FollowUpFilter, PageQuery),
    responses((status = 200, body = Page<SessionFollowUp>), (status = 401, body = Problem)))]
#[get("/evaluation-follow-ups")]
pub async fn list_follow_ups(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<FollowUpFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<SessionFollowUp>>> {
    let db = &state.db;
    let (items, total) = sessions::follow_ups(db, &viewer, q.status, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
}

/// Marks a follow-up done (with a note saying what was done) or reopens it: its owner, the head of
/// the unit or an admin.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = TaskUpdate,
    responses((status = 200, body = SessionFollowUp), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[put("/evaluation-follow-ups/{id}")]
pub async fn update_follow_up(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<TaskUpdate>,
) -> ApiResult<web::Json<SessionFollowUp>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let f = sessions::find_follow_up(&txn, id.into_inner()).await?;
    let owner = viewer.token_id.is_none() && viewer.employee_id == Some(f.owner_id);
    if !owner {
        units::with(&txn, &viewer, f.unit_id, Capability::RecordSessions).await?;
    }
    let next = task_state(&body)?;
    let out = sessions::update_follow_up(&txn, &viewer.actor(), f, next).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Records a rating change a calibration session agreed (before and after, with the reason) and
/// applies it to the draft rating: the head of the session's unit or an admin, until the minutes
/// are locked.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)), request_body = kinerja_types::NewCalibrationChange,
    responses((status = 201, body = kinerja_types::CalibrationChange), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/evaluation-sessions/{id}/changes")]
pub async fn add_calibration_change(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<kinerja_types::NewCalibrationChange>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let s = calibration::find_for_update(&txn, id.into_inner()).await?;
    units::with(&txn, &viewer, s.unit_id, Capability::RecordSessions).await?;
    let out = calibration::add_change(&txn, &viewer.actor(), &s, &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// Locks the session's minutes: no change, follow-up or rating change is added after.
#[utoipa::path(tag = "oversight", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = EvaluationSession), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[post("/evaluation-sessions/{id}/lock")]
pub async fn lock_session(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<web::Json<EvaluationSession>> {
    let txn = crate::db::begin(&state.db).await?;
    let s = calibration::find_for_update(&txn, id.into_inner()).await?;
    units::with(&txn, &viewer, s.unit_id, Capability::RecordSessions).await?;
    let locked = calibration::lock(&txn, &viewer.actor(), s).await?;
    let out = sessions::wire(&txn, &locked).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}
