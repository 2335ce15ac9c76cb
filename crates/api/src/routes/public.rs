//! What citizens use without an account: the service units, the satisfaction survey, complaints
//! and their tracking, and published satisfaction results. Every write is rate limited, length
//! limited, has a honeypot field, and refuses duplicates.

use crate::audit::{self, Actor, Change};
use crate::auth::tokens::digest;
use crate::entities::{complaint_events, complaints, employees, kiosks, surveys, units};
use crate::error::{ApiError, ApiResult};
use crate::routes::list::{fetch_page, page, PageQuery};
use crate::services::public_codes::{fingerprint, tracking_code};
use crate::services::rate_limit::{self, client_key};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{Duration, Utc};
use kinerja_domain::ComplaintStatus;
use kinerja_types::{
    ComplaintReceipt, FieldError, IkmReport, NewComplaint, NewSurvey, Page, Problem, PublicComplaintStatus, PublicInfo,
    PublicUnit, SurveyReceipt,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(public_info)
        .service(public_units)
        .service(submit_survey)
        .service(file_complaint)
        .service(track_complaint)
        .service(public_ikm);
}

/// The Pemda's name, for the public pages.
#[utoipa::path(tag = "public", responses((status = 200, body = PublicInfo)))]
#[get("/public/info")]
pub async fn public_info(state: web::Data<AppState>) -> ApiResult<web::Json<PublicInfo>> {
    Ok(web::Json(PublicInfo { pemda_name: state.settings().await?.pemda_name.clone() }))
}

/// Filter of the public unit list.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PublicUnitFilter {
    /// The unit's code, as in the survey's short URL `/survei/{code}`.
    pub code: Option<String>,
}

/// Service units a citizen can survey or complain about.
#[utoipa::path(tag = "public", params(PublicUnitFilter, PageQuery), responses((status = 200, body = Page<PublicUnit>)))]
#[get("/public/units")]
pub async fn public_units(
    state: web::Data<AppState>,
    filter: web::Query<PublicUnitFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<PublicUnit>>> {
    let mut select =
        units::Entity::find().filter(units::Column::IsServiceUnit.eq(true)).order_by_asc(units::Column::Name);
    if let Some(code) = filter.code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        select = select.filter(units::Column::Code.eq(code.to_uppercase()));
    }
    let (rows, total) = fetch_page(&state.db, select, &paging).await?;
    let items = rows.into_iter().map(|u| PublicUnit { id: u.id, code: u.code, name: u.name }).collect();
    Ok(web::Json(page(items, total, &paging)))
}

async fn service_unit(state: &AppState, id: i64) -> ApiResult<units::Model> {
    units::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .filter(|u| u.is_service_unit)
        .ok_or_else(|| ApiError::field("unit_id", "unit layanan tidak ditemukan"))
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
    let mut errors = Vec::new();
    if body.answers.len() != 9 {
        errors.push(FieldError::new("answers", format!("harus 9 jawaban, bukan {}", body.answers.len())));
    }
    for (i, a) in body.answers.iter().enumerate() {
        if !(1..=4).contains(a) {
            errors.push(FieldError::new(format!("answers[{i}]"), "jawaban harus 1 sampai 4"));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::fields(errors));
    }
    let unit = service_unit(&state, body.unit_id).await?;
    let kiosk = match req.headers().get("x-kiosk-token").and_then(|v| v.to_str().ok()) {
        Some(token) => Some(
            kiosks::Entity::find()
                .filter(kiosks::Column::TokenHash.eq(digest(token.trim())))
                .filter(kiosks::Column::RevokedAt.is_null())
                .one(&state.db)
                .await?
                .filter(|k| k.unit_id == unit.id)
                .ok_or_else(|| ApiError::Forbidden("token kiosk tidak berlaku untuk unit ini".into()))?,
        ),
        None => None,
    };
    let client = client_key(&req);
    match &kiosk {
        Some(k) => rate_limit::hit(&state.db, rate_limit::SURVEY_PER_KIOSK, &k.id.to_string()).await?,
        None => rate_limit::hit(&state.db, rate_limit::SURVEY_PER_CLIENT, &client).await?,
    }
    let answers: String = body.answers.iter().map(|a| char::from(b'0' + a)).collect();
    let comment = body.comment.as_deref().map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned);
    let print = fingerprint(&[&client, &unit.id.to_string(), &answers, comment.as_deref().unwrap_or("")]);
    if kiosk.is_none() {
        let recent = surveys::Entity::find()
            .filter(surveys::Column::Fingerprint.eq(print.clone()))
            .filter(surveys::Column::CreatedAt.gt(Utc::now() - Duration::minutes(10)))
            .one(&state.db)
            .await?;
        if recent.is_some() {
            return Err(ApiError::Conflict("survei yang sama baru saja dikirim; terima kasih".into()));
        }
    }
    let profile = serde_json::json!({
        "age_band": body.age_band, "sex": body.sex, "education": body.education, "occupation": body.occupation
    });
    surveys::ActiveModel {
        unit_id: Set(unit.id),
        period: Set(state.settings().await?.today().format("%Y-%m").to_string()),
        answers: Set(answers),
        profile: Set(Some(profile.to_string())),
        comment: Set(comment),
        kiosk_id: Set(kiosk.map(|k| k.id)),
        fingerprint: Set(print),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&state.db)
    .await?;
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
    let unit = service_unit(&state, body.unit_id).await?;
    let nip = body.employee_nip.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
    if let Some(n) = &nip {
        if n.len() != 18 || !n.chars().all(|c| c.is_ascii_digit()) {
            return Err(ApiError::field("employee_nip", "NIP harus 18 digit angka"));
        }
    }
    let client = client_key(&req);
    rate_limit::hit(&state.db, rate_limit::COMPLAINT_PER_CLIENT, &client).await?;
    let text = body.text.trim().to_owned();
    let normalized: String = text.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    let print = fingerprint(&[&client, &unit.id.to_string(), &normalized]);
    let txn = crate::db::begin(&state.db).await?;
    if let Some(same) = complaints::Entity::find()
        .filter(complaints::Column::Fingerprint.eq(print.clone()))
        .filter(complaints::Column::CreatedAt.gt(Utc::now() - Duration::hours(24)))
        .one(&txn)
        .await?
    {
        return Err(ApiError::Conflict(format!(
            "pengaduan yang sama sudah diterima dengan kode {}",
            same.tracking_code
        )));
    }
    let employee_id = match &nip {
        Some(n) => {
            employees::Entity::find().filter(employees::Column::Nip.eq(n.clone())).one(&txn).await?.map(|e| e.id)
        }
        None => None,
    };
    let now = Utc::now();
    let today = state.settings().await?.today();
    let code = tracking_code("ADU");
    let row = complaints::ActiveModel {
        tracking_code: Set(code.clone()),
        unit_id: Set(unit.id),
        category: Set(body.category),
        text: Set(text),
        employee_nip: Set(nip),
        employee_id: Set(employee_id),
        contact: Set(body.contact.as_deref().map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned)),
        status: Set(ComplaintStatus::Received),
        public_response: Set(None),
        disposition_unit_id: Set(None),
        filed_on: Set(today),
        dispositioned_on: Set(None),
        fingerprint: Set(print),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    complaint_events::ActiveModel {
        complaint_id: Set(row.id),
        from_status: Set(None),
        to_status: Set(ComplaintStatus::Received),
        note: Set(None),
        actor_user_id: Set(None),
        at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    // The audit entry leaves out the text and the contact: the complaint itself holds them.
    let summary =
        serde_json::json!({ "unit_id": row.unit_id, "category": row.category, "employee_id": row.employee_id });
    audit::record(&txn, &Actor::public(), Change::new("complaint.file", "complaint", row.id).after(&summary)).await?;
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
    let code = code.into_inner().trim().to_uppercase();
    let c = complaints::Entity::find()
        .filter(complaints::Column::TrackingCode.eq(code))
        .one(&state.db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let status: ComplaintStatus = c.status;
    Ok(web::Json(PublicComplaintStatus {
        tracking_code: c.tracking_code,
        status,
        status_label: status.public_label().to_owned(),
        public_response: c.public_response,
        filed_on: c.filed_on,
        updated_at: c.updated_at,
    }))
}

/// A unit's satisfaction index for a period, once the unit published it.
#[utoipa::path(tag = "public", params(("id" = i64, Path), crate::routes::ikm::IkmQuery),
    responses((status = 200, body = IkmReport), (status = 404, body = Problem)))]
#[get("/public/units/{id}/ikm")]
pub async fn public_ikm(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    q: web::Query<crate::routes::ikm::IkmQuery>,
) -> ApiResult<web::Json<IkmReport>> {
    let unit = service_unit(&state, id.into_inner()).await.map_err(|_| ApiError::NotFound)?;
    let today = state.settings().await?.today();
    let report = crate::services::ikm::report(&state.db, unit.id, &q.period(today)?).await?;
    if !report.published {
        return Err(ApiError::NotFound);
    }
    Ok(web::Json(report))
}
