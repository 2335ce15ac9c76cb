//! `GET /me`: the signed-in user; `POST /me/password`: changing one's own password.

use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::people::to_wire;
use crate::services::{accounts, identity};
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use kinerja_types::{CalendarRange, Me, MyCalendar, PasswordChange, Problem, Waiting};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(me).service(waiting).service(calendar).service(change_password);
}

/// What waits for the signed-in person's decision: activities to verify, SKPs to approve,
/// objections to decide. Each count matches its list.
#[utoipa::path(tag = "auth", security(("bearer" = [])), responses((status = 200, body = Waiting), (status = 401, body = Problem), (status = 403, body = Problem)))]
#[get("/me/waiting")]
pub async fn waiting(state: web::Data<AppState>, viewer: Viewer) -> ApiResult<web::Json<Waiting>> {
    // A person's own queue: an API token has none.
    viewer.profile().ok_or_else(ApiError::forbidden)?;
    Ok(web::Json(crate::services::waiting::of(&state.db, &viewer).await?))
}

/// The signed-in person's working calendar over `from..=to` (at most 62 days): each day's kind
/// (working, off, holiday, excused by leave), its minutes, the most its activities may hold, and
/// whether it may be logged; and the earliest day they may still log. 404 for an account without
/// an employee record.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(CalendarRange),
    responses((status = 200, body = MyCalendar), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/me/calendar")]
pub async fn calendar(
    state: web::Data<AppState>,
    viewer: Viewer,
    range: web::Query<CalendarRange>,
) -> ApiResult<web::Json<MyCalendar>> {
    // A person's own calendar: an API token has none.
    viewer.profile().ok_or_else(ApiError::forbidden)?;
    let employee = viewer.employee_id.ok_or(ApiError::NotFound)?;
    let settings = state.settings().await?;
    Ok(web::Json(crate::services::calendar::mine(&state.db, &settings, employee, range.from, range.to).await?))
}

/// The signed-in user, its roles and its employee record.
#[utoipa::path(tag = "auth", security(("bearer" = [])), responses((status = 200, body = Me), (status = 401, body = Problem)))]
#[get("/me")]
pub async fn me(viewer: Viewer) -> ApiResult<web::Json<Me>> {
    let profile = viewer.profile().ok_or_else(ApiError::forbidden)?;
    let user = &profile.user;
    let employee = profile.employee.as_ref().map(to_wire);
    Ok(web::Json(Me {
        id: user.id,
        display_name: employee.as_ref().map(|e| e.name.clone()).unwrap_or_else(|| user.username.clone()),
        username: user.username.clone(),
        roles: viewer.roles().to_vec(),
        unit_id: user.unit_id,
        employee,
        is_supervisor: profile.is_supervisor,
        is_team_member: profile.is_team_member,
        supervisor_name: profile.supervisor_name.clone(),
        must_change_password: user.must_change_password,
    }))
}

/// Changes the caller's password: the current one must be right and the new one must meet the
/// policy and differ from it. Every other session ends; a forced change is cleared.
#[utoipa::path(tag = "auth", security(("bearer" = [])), request_body = PasswordChange,
    responses((status = 204), (status = 401, body = Problem), (status = 422, body = Problem)))]
#[post("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<PasswordChange>,
) -> ApiResult<HttpResponse> {
    // A person's own account: an API token has none.
    viewer.profile().ok_or_else(ApiError::forbidden)?;
    let (current, new) = (&body.current_password, &body.new_password);
    accounts::change_password(&state.db, &viewer.actor(), viewer.user_id, current, new, viewer.session).await?;
    let id = viewer.user_id;
    identity::forget(&state.identities, id).await;
    Ok(HttpResponse::NoContent().finish())
}
