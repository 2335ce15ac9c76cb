//! What citizens use without an account: the service units, the satisfaction survey, complaints
//! and their tracking, and published satisfaction results. Every write is rate limited, length
//! limited, has a honeypot field, and refuses duplicates.

use crate::error::{ApiError, ApiResult};
use crate::routes::list::{page, PageQuery};
use crate::services::public_codes::tracking_code;
use crate::services::rate_limit::{self, client_key};
use crate::services::{complaints, kiosks, public_reads, service_units, survey};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use kinerja_types::{
    ComplaintReceipt, IkmReport, NewComplaint, NewSurvey, Page, Problem, PublicComplaintStatus, PublicInfo,
    PublicOfficer, PublicUnit, SurveyReceipt,
};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(public_info)
        .service(public_units)
        .service(submit_survey)
        .service(file_complaint)
        .service(track_complaint)
        .service(public_ikm)
        .service(public_officers);
}

/// A read of citizens: counted against the address's limit, then answered from the short cache
/// under `key` or by `compute` (see `services::public_reads`).
pub(crate) async fn public_read<T: serde::Serialize>(
    req: &HttpRequest,
    state: &AppState,
    key: String,
    compute: impl std::future::Future<Output = ApiResult<T>>,
) -> ApiResult<HttpResponse> {
    public_reads::count(&state.public_readers, &client_key(req), state.config.public_reads_per_minute).await?;
    let generation = state.public_generation.load(std::sync::atomic::Ordering::SeqCst);
    let body = public_reads::cached(&state.public_answers, format!("{generation}:{key}"), compute).await?;
    Ok(HttpResponse::Ok().content_type("application/json").body(body))
}

/// The Pemda's name, for the public pages, and where staff ask for a new password.
#[utoipa::path(tag = "public", responses((status = 200, body = PublicInfo), (status = 429, body = Problem)))]
#[get("/public/info")]
pub async fn public_info(req: HttpRequest, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let name = async {
        let settings = state.settings().await?;
        let helpdesk = Some(settings.helpdesk_contact.trim().to_owned()).filter(|c| !c.is_empty());
        Ok(PublicInfo { pemda_name: settings.pemda_name.clone(), helpdesk_contact: helpdesk })
    };
    public_read(&req, &state, "info".into(), name).await
}

/// Filter of the public unit list.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PublicUnitFilter {
    /// The unit's code, as in the survey's short URL `/survei/{code}`.
    pub code: Option<String>,
}

/// Service units a citizen can survey or complain about.
#[utoipa::path(tag = "public", params(PublicUnitFilter, PageQuery),
    responses((status = 200, body = Page<PublicUnit>), (status = 429, body = Problem)))]
#[get("/public/units")]
pub async fn public_units(
    req: HttpRequest,
    state: web::Data<AppState>,
    filter: web::Query<PublicUnitFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let code = filter.code.as_deref();
    // Codes are at most 32 characters: anything longer matches no unit and is not worth a key.
    let normalized = code.map(|c| c.trim().to_uppercase()).filter(|c| c.chars().count() <= 32);
    if code.is_some() && normalized.is_none() {
        return Ok(HttpResponse::Ok().json(page(Vec::<PublicUnit>::new(), 0, &paging)));
    }
    let key = format!("units:{normalized:?}:{}:{}", paging.offset(), paging.per_page());
    let list = async {
        let (items, total) = service_units::list(&state.db, code, paging.offset(), paging.per_page()).await?;
        Ok(page(items, total, &paging))
    };
    public_read(&req, &state, key, list).await
}

/// Submits a satisfaction survey (nine answers 1–4). A registered counter kiosk sends its token in
/// `X-Kiosk-Token` and gets a larger limit.
#[utoipa::path(tag = "public", request_body = NewSurvey,
    responses((status = 201, body = SurveyReceipt), (status = 409, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
#[post("/public/surveys")]
pub async fn submit_survey(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<NewSurvey>,
) -> ApiResult<HttpResponse> {
    let received = || HttpResponse::Created().json(SurveyReceipt { status: "diterima".into() });
    if body.website.as_deref().is_some_and(|w| !w.is_empty()) {
        // The honeypot: a bot filled a field no person sees. Answer as usual, keep nothing.
        return Ok(received());
    }
    body.validate()?;
    survey::check_answers(&body)?;
    let unit = service_units::find(&state.db, body.unit_id).await?;
    let kiosk = match req.headers().get("x-kiosk-token").and_then(|v| v.to_str().ok()) {
        Some(token) => Some(kiosks::of_unit(&state.db, token, unit.id).await?),
        None => None,
    };
    let client = client_key(&req);
    match kiosk {
        Some(k) => rate_limit::hit(&state.db, rate_limit::SURVEY_PER_KIOSK, &k.to_string()).await?,
        None => rate_limit::hit(&state.db, rate_limit::SURVEY_PER_CLIENT, &client).await?,
    }
    let today = state.settings().await?.today();
    survey::store(&state.db, &client, unit.id, kiosk, &body, today).await?;
    Ok(received())
}

/// Files a complaint (or aspiration, or request for information) about a service unit, optionally
/// naming an employee by NIP. Answers the tracking code.
#[utoipa::path(tag = "public", request_body = NewComplaint,
    responses((status = 201, body = ComplaintReceipt), (status = 409, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
#[post("/public/complaints")]
pub async fn file_complaint(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<NewComplaint>,
) -> ApiResult<HttpResponse> {
    if body.website.as_deref().is_some_and(|w| !w.is_empty()) {
        return Ok(HttpResponse::Created().json(ComplaintReceipt { tracking_code: tracking_code("ADU") }));
    }
    body.validate()?;
    let unit = service_units::find(&state.db, body.unit_id).await?;
    let nip = complaints::named_nip(&body)?;
    let client = client_key(&req);
    rate_limit::hit(&state.db, rate_limit::COMPLAINT_PER_CLIENT, &client).await?;
    let today = state.settings().await?.today();
    let txn = crate::db::begin(&state.db).await?;
    let code = complaints::file(&txn, &client, unit.id, nip, &body, today).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(ComplaintReceipt { tracking_code: code }))
}

/// The status and public response of a complaint, for whoever holds its tracking code.
#[utoipa::path(tag = "public", params(("tracking_code" = String, Path)),
    responses((status = 200, body = PublicComplaintStatus), (status = 404, body = Problem), (status = 429, body = Problem)))]
#[get("/public/complaints/{tracking_code}")]
pub async fn track_complaint(
    req: HttpRequest,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> ApiResult<web::Json<PublicComplaintStatus>> {
    rate_limit::hit(&state.db, rate_limit::TRACK_PER_CLIENT, &client_key(&req)).await?;
    let settings = state.settings().await?;
    Ok(web::Json(complaints::track(&state.db, &code, &settings).await?))
}

/// A unit's satisfaction index for a period, once the unit published it.
#[utoipa::path(tag = "public", params(("id" = i64, Path), crate::routes::ikm::IkmQuery),
    responses((status = 200, body = IkmReport), (status = 404, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
#[get("/public/units/{id}/ikm")]
pub async fn public_ikm(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    q: web::Query<crate::routes::ikm::IkmQuery>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let period = q.period(state.settings().await?.today())?;
    let published = async {
        let unit = service_units::find(&state.db, id).await.map_err(|_| ApiError::NotFound)?;
        let report = crate::services::ikm::report(&state.db, unit.id, &period).await?;
        if !report.published {
            return Err(ApiError::NotFound);
        }
        Ok(report)
    };
    public_read(&req, &state, format!("ikm:{id}:{period}"), published).await
}

/// The officers of a service unit, by name and position, for a citizen to name one in a complaint
/// (citizens do not know a NIP; the NIP is never shown).
#[utoipa::path(tag = "public", params(("id" = i64, Path), PageQuery),
    responses((status = 200, body = Page<PublicOfficer>), (status = 404, body = Problem), (status = 429, body = Problem)))]
#[get("/public/units/{id}/officers")]
pub async fn public_officers(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let list = async {
        let unit = service_units::find(&state.db, id).await.map_err(|_| ApiError::NotFound)?;
        let (items, total) = service_units::officers(&state.db, unit.id, paging.offset(), paging.per_page()).await?;
        Ok(page(items, total, &paging))
    };
    public_read(&req, &state, format!("officers:{id}:{}:{}", paging.offset(), paging.per_page()), list).await
}
