//! Competencies and development (PermenPANRB 38/2017): the catalogue and the position standards
//! here; an employee's profile and assessed levels in `profile`, development plans and trainings
//! in `plans`, the unit's gap heat map in `gaps`.

mod gaps;
mod plans;
mod profile;

use crate::audit::{self, Change};
use crate::entities::{competencies, position_competencies};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::imports::ImportProblem;
use crate::routes::list::{fetch_page, page, page_of, PageQuery};
use crate::services::competency::{import_standards, to_wire};
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use chrono::Utc;
use kinerja_domain::competency::valid_level;
use kinerja_types::{Competency, CompetencyInput, ImportReport, Page, PositionStandard, Problem, Requirement};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Deserialize;
use std::collections::HashMap;
use utoipa::IntoParams;
use validator::Validate;

pub use gaps::*;
pub use plans::*;
pub use profile::*;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_competencies)
        .service(create_competency)
        .service(update_competency)
        .service(list_standards)
        .service(put_standard)
        .service(import_position_standards)
        .service(profile::employee_competencies)
        .service(profile::assess_competency)
        .service(plans::list_plans)
        .service(plans::create_plan)
        .service(plans::update_plan)
        .service(plans::add_training)
        .service(plans::update_training)
        .service(gaps::unit_gaps);
}

/// The competency catalogue (anyone signed in), by kind and code.
#[utoipa::path(tag = "competencies", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = Page<Competency>)))]
#[get("/competencies")]
pub async fn list_competencies(
    state: web::Data<AppState>,
    _viewer: Viewer,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<Competency>>> {
    // The kinds' spellings sort as the kinds do (manajerial, sosial_kultural, teknis).
    let select =
        competencies::Entity::find().order_by_asc(competencies::Column::Kind).order_by_asc(competencies::Column::Code);
    let (rows, total) = fetch_page(&state.db, select, &paging).await?;
    Ok(web::Json(page(rows.into_iter().map(to_wire).collect(), total, &paging)))
}

fn check_input(body: &CompetencyInput) -> ApiResult<()> {
    body.validate()?;
    if body.levels.iter().any(|l| l.trim().is_empty() || l.chars().count() > 1000) {
        return Err(ApiError::field("levels", "setiap level diuraikan (1-1000 karakter)"));
    }
    if !body.code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.') {
        return Err(ApiError::field("code", "kode hanya huruf, angka, titik atau tanda hubung"));
    }
    Ok(())
}

/// Adds a competency, usually a technical one of the Pemda (admin).
#[utoipa::path(tag = "competencies", security(("bearer" = [])), request_body = CompetencyInput,
    responses((status = 201, body = Competency), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/competencies")]
pub async fn create_competency(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<CompetencyInput>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    check_input(&body)?;
    let txn = crate::db::begin(&state.db).await?;
    let code = body.code.trim().to_uppercase();
    if competencies::Entity::find().filter(competencies::Column::Code.eq(code.as_str())).one(&txn).await?.is_some() {
        return Err(ApiError::Conflict(format!("kode {code} sudah dipakai")));
    }
    let row = competencies::ActiveModel {
        code: Set(code),
        kind: Set(body.kind),
        name: Set(body.name.trim().to_owned()),
        description: Set(body.description.trim().to_owned()),
        levels: Set(serde_json::to_string(&body.levels).map_err(anyhow::Error::from)?),
        active: Set(body.active),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let out = to_wire(row);
    audit::record(&txn, &viewer.actor(), Change::new("competency.create", "competency", out.id).after(&out)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// Edits a competency's texts, kind or whether it is in use (admin). The official descriptions
/// are data: a Pemda may adapt them.
#[utoipa::path(tag = "competencies", security(("bearer" = [])), params(("id" = i64, Path)), request_body = CompetencyInput,
    responses((status = 200, body = Competency), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[put("/competencies/{id}")]
pub async fn update_competency(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<CompetencyInput>,
) -> ApiResult<web::Json<Competency>> {
    viewer.require(Capability::Administer)?;
    check_input(&body)?;
    let txn = crate::db::begin(&state.db).await?;
    let current = competencies::Entity::find_by_id(id.into_inner()).one(&txn).await?.ok_or(ApiError::NotFound)?;
    let code = body.code.trim().to_uppercase();
    let clash = competencies::Entity::find().filter(competencies::Column::Code.eq(code.as_str())).one(&txn).await?;
    if clash.is_some_and(|c| c.id != current.id) {
        return Err(ApiError::Conflict(format!("kode {code} sudah dipakai")));
    }
    let before = to_wire(current.clone());
    let mut a: competencies::ActiveModel = current.into();
    a.code = Set(code);
    a.kind = Set(body.kind);
    a.name = Set(body.name.trim().to_owned());
    a.description = Set(body.description.trim().to_owned());
    a.levels = Set(serde_json::to_string(&body.levels).map_err(anyhow::Error::from)?);
    a.active = Set(body.active);
    a.updated_at = Set(Utc::now());
    let out = to_wire(a.update(&txn).await?);
    audit::record(
        &txn,
        &viewer.actor(),
        Change::new("competency.update", "competency", out.id).before(&before).after(&out),
    )
    .await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Which position.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StandardQuery {
    /// Only this position title (default: every position with requirements).
    pub position_title: Option<String>,
}

/// The required levels per position (anyone signed in).
#[utoipa::path(tag = "competencies", security(("bearer" = [])), params(StandardQuery, PageQuery),
    responses((status = 200, body = Page<PositionStandard>)))]
#[get("/position-standards")]
pub async fn list_standards(
    state: web::Data<AppState>,
    _viewer: Viewer,
    q: web::Query<StandardQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<PositionStandard>>> {
    let mut select = position_competencies::Entity::find()
        .order_by_asc(position_competencies::Column::PositionTitle)
        .order_by_asc(position_competencies::Column::CompetencyId);
    if let Some(t) = &q.position_title {
        select = select.filter(position_competencies::Column::PositionTitle.eq(t.trim()));
    }
    let codes: HashMap<i64, String> =
        competencies::Entity::find().all(&state.db).await?.into_iter().map(|c| (c.id, c.code)).collect();
    let mut out: Vec<PositionStandard> = Vec::new();
    for r in select.all(&state.db).await? {
        let req = Requirement {
            competency_id: r.competency_id,
            code: codes.get(&r.competency_id).cloned().unwrap_or_default(),
            level: r.required_level.clamp(0, 5) as u8,
        };
        match out.last_mut() {
            Some(s) if s.position_title == r.position_title => s.requirements.push(req),
            _ => out.push(PositionStandard { position_title: r.position_title, requirements: vec![req] }),
        }
    }
    // Paged by position (a page never splits one position's requirements).
    Ok(web::Json(page_of(out, &paging)))
}

/// Sets every required level of one position at once (admin); an empty list clears it.
#[utoipa::path(tag = "competencies", security(("bearer" = [])), request_body = PositionStandard,
    responses((status = 200, body = PositionStandard), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[put("/position-standards")]
pub async fn put_standard(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<PositionStandard>,
) -> ApiResult<web::Json<PositionStandard>> {
    viewer.require(Capability::Administer)?;
    body.validate()?;
    let title = body.position_title.trim().to_owned();
    let txn = crate::db::begin(&state.db).await?;
    let codes: HashMap<i64, String> =
        competencies::Entity::find().all(&txn).await?.into_iter().map(|c| (c.id, c.code)).collect();
    let mut seen = std::collections::HashSet::new();
    for (i, r) in body.requirements.iter().enumerate() {
        if !codes.contains_key(&r.competency_id) {
            return Err(ApiError::field(
                &format!("requirements[{i}].competency_id"),
                "kompetensi tidak ada di katalog",
            ));
        }
        if !valid_level(r.level) {
            return Err(ApiError::field(&format!("requirements[{i}].level"), "level 1 sampai 5"));
        }
        if !seen.insert(r.competency_id) {
            return Err(ApiError::field(&format!("requirements[{i}].competency_id"), "kompetensi disebut dua kali"));
        }
    }
    position_competencies::Entity::delete_many()
        .filter(position_competencies::Column::PositionTitle.eq(title.as_str()))
        .exec(&txn)
        .await?;
    let rows: Vec<position_competencies::ActiveModel> = body
        .requirements
        .iter()
        .map(|r| position_competencies::ActiveModel {
            position_title: Set(title.clone()),
            competency_id: Set(r.competency_id),
            required_level: Set(i32::from(r.level)),
            ..Default::default()
        })
        .collect();
    if !rows.is_empty() {
        position_competencies::Entity::insert_many(rows).exec(&txn).await?;
    }
    let out = PositionStandard {
        position_title: title,
        requirements: body
            .requirements
            .iter()
            .map(|r| Requirement {
                competency_id: r.competency_id,
                code: codes.get(&r.competency_id).cloned().unwrap_or_default(),
                level: r.level,
            })
            .collect(),
    };
    audit::record(&txn, &viewer.actor(), Change::new("position_standard.put", "position_standard", 0).after(&out))
        .await?;
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Imports required levels from CSV (admin): columns `position_title,code,level`; level 0 removes
/// a requirement. All or nothing: a bad line refuses the whole file, listing every bad line.
#[utoipa::path(tag = "competencies", security(("bearer" = [])),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = ImportReport), (status = 403, body = Problem), (status = 415, body = Problem), (status = 422, body = ImportProblem)))]
#[post("/imports/position-standards")]
pub async fn import_position_standards(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Bytes,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    crate::routes::imports::require_csv(&req)?;
    let txn = crate::db::begin(&state.db).await?;
    let result = import_standards(&txn, &body).await;
    if let Ok(report) = &result {
        audit::record(
            &txn,
            &viewer.actor(),
            Change::new("position_standard.import", "position_standard", 0).after(report),
        )
        .await?;
        txn.commit().await?;
    }
    crate::routes::imports::answer(result)
}
