//! The 360° and upward pulse on behaviour: rounds opened by a penilai, a head or an admin; the
//! invitations a respondent answers; the public form of service users; and the aggregate about one
//! employee, shown as context in the rating evidence.

use crate::error::ApiResult;
use crate::policy::Viewer;
use crate::routes::list::{page, page_of, respond, PageQuery};
use crate::services::pulse;
use crate::services::rate_limit::{self, client_key};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use kinerja_types::{
    NewPulseRound, Page, Problem, PublicPulse, PulseAnswer, PulseInvitation, PulseRound, PulseSummary,
};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(open)
        .service(list)
        .service(one)
        .service(close)
        .service(remind)
        .service(invitations)
        .service(answer)
        .service(about_employee)
        .service(public_form)
        .service(public_answer);
}

/// Which rounds.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RoundQuery {
    pub unit_id: Option<i64>,
}

/// The period asked for.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PulsePeriod {
    /// `2026`, `2026-Q3`, … as the Pemda assesses.
    pub period: String,
}

/// Opens a round for one employee (their penilai, the head of the unit or an admin) or for a whole
/// unit's subtree (its head or an admin): peers and subordinates are invited and told.
#[utoipa::path(tag = "pulse", security(("bearer" = [])), request_body = NewPulseRound,
    responses((status = 201, body = PulseRound), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/pulse-rounds")]
pub async fn open(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewPulseRound>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let settings = state.settings().await?;
    let txn = crate::db::begin(&state.db).await?;
    let out = pulse::open(&txn, &viewer, &settings, &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// The rounds of the units the viewer covers and of the people they supervise, newest first.
#[utoipa::path(tag = "pulse", security(("bearer" = [])), params(RoundQuery, PageQuery),
    responses((status = 200, body = Page<PulseRound>)))]
#[get("/pulse-rounds")]
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<RoundQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let (items, total) = pulse::list(&state.db, &viewer, q.unit_id, paging.offset(), paging.per_page()).await?;
    respond(&req, &paging, page(items, total, &paging), "survei-360")
}

/// One round with its counts (never who answered).
#[utoipa::path(tag = "pulse", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = PulseRound), (status = 404, body = Problem)))]
#[get("/pulse-rounds/{id}")]
pub async fn one(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<web::Json<PulseRound>> {
    let r = pulse::find_visible(&state.db, &viewer, id.into_inner()).await?;
    Ok(web::Json(pulse::wire(&state.db, &r).await?))
}

/// Closes a round: its aggregates show from now on.
#[utoipa::path(tag = "pulse", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = PulseRound), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[post("/pulse-rounds/{id}/close")]
pub async fn close(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<web::Json<PulseRound>> {
    let txn = crate::db::begin(&state.db).await?;
    let r = pulse::find_to_run(&txn, &viewer, id.into_inner()).await?;
    let out = pulse::close(&txn, &viewer.actor(), r).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Reminds everyone who has not answered, in the app and on their verified channels.
#[utoipa::path(tag = "pulse", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = PulseRound), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[post("/pulse-rounds/{id}/remind")]
pub async fn remind(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<web::Json<PulseRound>> {
    let today = state.settings().await?.today();
    let txn = crate::db::begin(&state.db).await?;
    let r = pulse::find_to_run(&txn, &viewer, id.into_inner()).await?;
    let out = pulse::remind(&txn, &viewer.actor(), r, today).await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// The caller's invitations still to answer, with the questions.
#[utoipa::path(tag = "pulse", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = Page<PulseInvitation>)))]
#[get("/pulse/invitations")]
pub async fn invitations(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let settings = state.settings().await?;
    let items = pulse::my_invitations(&state.db, &viewer, settings.today()).await?;
    respond(&req, &paging, page_of(items, &paging), "undangan-survei-360")
}

/// Answers an invitation, once: a score of 1–5 per question, in their order. Only the running
/// sums keep the scores; nobody can read one person's answers.
#[utoipa::path(tag = "pulse", security(("bearer" = [])), params(("id" = i64, Path)), request_body = PulseAnswer,
    responses((status = 204), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/pulse/invitations/{id}/answer")]
pub async fn answer(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<PulseAnswer>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let settings = state.settings().await?;
    let txn = crate::db::begin(&state.db).await?;
    pulse::answer(&txn, &viewer, settings.today(), id.into_inner(), &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The pulse about an employee in a period, from finished rounds, per group and core value, shown
/// only where enough answered (whoever may read the employee's rating evidence).
#[utoipa::path(tag = "pulse", security(("bearer" = [])), params(("id" = i64, Path), PulsePeriod),
    responses((status = 200, body = PulseSummary), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/employees/{id}/pulse")]
pub async fn about_employee(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    q: web::Query<PulsePeriod>,
) -> ApiResult<web::Json<PulseSummary>> {
    let db = &state.db;
    let (e, _) = crate::services::oversight::reach_employee(db, &viewer, viewer.scope(), id.into_inner()).await?;
    let settings = state.settings().await?;
    let period = crate::services::assessments::check_period(&q.period, &settings)?;
    Ok(web::Json(pulse::summary(db, &settings, viewer.employee_id, e.id, &period).await?))
}

/// The form of a round that asks service users: the people it is about and the questions.
#[utoipa::path(tag = "public", params(("code" = String, Path)),
    responses((status = 200, body = PublicPulse), (status = 404, body = Problem), (status = 429, body = Problem)))]
#[get("/public/pulse/{code}")]
pub async fn public_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> ApiResult<web::Json<PublicPulse>> {
    rate_limit::hit(&state.db, rate_limit::TRACK_PER_CLIENT, &client_key(&req)).await?;
    let settings = state.settings().await?;
    Ok(web::Json(pulse::public_form(&state.db, settings.today(), &code).await?))
}

/// A service user's answer about one person of the round, without an account: twenty an hour
/// from an address, one a day about the same person.
#[utoipa::path(tag = "public", params(("code" = String, Path)), request_body = PulseAnswer,
    responses((status = 204), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
#[post("/public/pulse/{code}")]
pub async fn public_answer(
    req: HttpRequest,
    state: web::Data<AppState>,
    code: web::Path<String>,
    body: web::Json<PulseAnswer>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let client = client_key(&req);
    rate_limit::hit(&state.db, rate_limit::PULSE_PER_CLIENT, &client).await?;
    // One answer a day from an address about one person of the round.
    let person = format!("{}:{}:{client}", code.trim().to_uppercase(), body.employee_id.unwrap_or_default());
    rate_limit::hit(&state.db, rate_limit::PULSE_PER_PERSON, &person).await?;
    let today = state.settings().await?.today();
    let txn = crate::db::begin(&state.db).await?;
    pulse::public_answer(&txn, today, &code, &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
