//! The content of an SKP while it is editable: RHK with indicators (checked against the cascade
//! rule), the core values' expectations, the choices of parent RHK, and the bulk cascade.

use crate::audit::{self, Change};
use crate::entities::{employees, pk_goals, rhk, skp_behaviors, skps};
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::routes::pk::YearQuery;
use crate::services::notify::{self, Message};
use crate::services::skp as svc;
use crate::state::AppState;
use actix_web::{delete, get, post, put, web, HttpResponse};
use kinerja_domain::skp::{check_cascade, Intervened};
use kinerja_domain::{Approach, PositionKind, SkpAction, SkpStatus};
use kinerja_types::{
    BehaviorsUpdate, CascadeRequest, CascadeResult, CascadeSkip, FieldError, IndicatorInput, NewRhk, Page, Problem,
    Rhk, Skp,
};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(add_rhk).service(delete_rhk).service(put_behaviors).service(parent_options).service(cascade_down);
}

fn editable(skp: &skps::Model) -> ApiResult<()> {
    svc::status(skp).apply(SkpAction::Edit).map(|_| ()).map_err(|e| ApiError::Conflict(e.to_string()))
}

/// What an RHK would intervene, read from the database.
async fn intervened(db: &impl ConnectionTrait, body: &NewRhk) -> ApiResult<Intervened> {
    match (body.parent_rhk_id, body.pk_goal_id) {
        (Some(_), Some(_)) => {
            Err(ApiError::field("parent_rhk_id", "isi parent_rhk_id atau pk_goal_id, bukan keduanya"))
        }
        (Some(p), None) => {
            let parent = rhk::Entity::find_by_id(p)
                .one(db)
                .await?
                .ok_or_else(|| ApiError::field("parent_rhk_id", format!("RHK {p} tidak ada")))?;
            let owner = skps::Entity::find_by_id(parent.skp_id).one(db).await?.ok_or(ApiError::NotFound)?;
            Ok(Intervened::ParentRhk { owner_employee_id: owner.employee_id, year: owner.year })
        }
        (None, Some(g)) => {
            let goal = pk_goals::Entity::find_by_id(g)
                .one(db)
                .await?
                .ok_or_else(|| ApiError::field("pk_goal_id", format!("sasaran Perjanjian Kinerja {g} tidak ada")))?;
            Ok(Intervened::PkGoal { unit_id: goal.unit_id, year: goal.year })
        }
        (None, None) => Ok(Intervened::Nothing),
    }
}

fn check_indicators(approach: Approach, indicators: &[IndicatorInput]) -> ApiResult<()> {
    let mut errors = Vec::new();
    if approach == Approach::Kuantitatif && indicators.is_empty() {
        errors.push(FieldError::new("indicators", "SKP kuantitatif memerlukan minimal satu indikator"));
    }
    for (n, i) in indicators.iter().enumerate() {
        if !i.target.is_finite() || i.target < 0.0 {
            errors.push(FieldError::new(format!("indicators[{n}].target"), "target harus angka 0 atau lebih"));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::fields(errors))
    }
}

/// Adds an RHK (owner, while draft or returned). A JPT names a Perjanjian Kinerja goal of its unit;
/// everyone else names an RHK of their direct supervisor's SKP of the same year.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewRhk,
    responses((status = 201, body = Rhk), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/skps/{id}/rhk")]
pub async fn add_rhk(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewRhk>,
) -> ApiResult<HttpResponse> {
    let txn = crate::db::begin(&state.db).await?;
    let skp = svc::find_visible(&txn, &viewer, id.into_inner()).await?;
    svc::require_owner(&viewer, &skp)?;
    editable(&skp)?;
    body.validate()?;
    check_indicators(skp.approach, &body.indicators)?;
    let owner = employees::Entity::find_by_id(skp.employee_id).one(&txn).await?.ok_or(ApiError::NotFound)?;
    let kind: PositionKind = owner.position_kind;
    let target = intervened(&txn, &body).await?;
    if let Err(message) = check_cascade(kind, skp.unit_id, skp.penilai_id, skp.year, &target) {
        let field = if kind == PositionKind::Jpt { "pk_goal_id" } else { "parent_rhk_id" };
        return Err(ApiError::field(field, message));
    }
    let created = crate::services::skp::insert_rhk(&txn, skp.id, &body).await?;
    audit::record(&txn, &viewer.actor(), Change::new("rhk.create", "rhk", created.id).after(&created)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(created))
}

/// Removes an RHK (owner, while editable). One that was already handed down is kept: 409.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[delete("/rhk/{id}")]
pub async fn delete_rhk(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let txn = crate::db::begin(&state.db).await?;
    let row = rhk::Entity::find_by_id(id.into_inner()).one(&txn).await?.ok_or(ApiError::NotFound)?;
    let skp = svc::find_visible(&txn, &viewer, row.skp_id).await?;
    svc::require_owner(&viewer, &skp)?;
    editable(&skp)?;
    if rhk::Entity::find().filter(rhk::Column::ParentRhkId.eq(row.id)).count(&txn).await? > 0 {
        return Err(ApiError::Conflict("RHK ini sudah diturunkan ke bawahan; hapus dulu RHK turunannya".into()));
    }
    let before = svc::rhk_of(&txn, &[skp.id]).await?.into_iter().find(|r| r.id == row.id);
    rhk::Entity::delete_by_id(row.id).exec(&txn).await?;
    audit::record(&txn, &viewer.actor(), Change::new("rhk.delete", "rhk", row.id).before(&before)).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Sets the expectation (ekspektasi khusus pimpinan) of each core value: the owner while the SKP
/// is editable, or its penilai until it is approved.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)), request_body = BehaviorsUpdate,
    responses((status = 200, body = Skp), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[put("/skps/{id}/behaviors")]
pub async fn put_behaviors(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<BehaviorsUpdate>,
) -> ApiResult<web::Json<Skp>> {
    let txn = crate::db::begin(&state.db).await?;
    let skp = svc::find_visible(&txn, &viewer, id.into_inner()).await?;
    let is_penilai = svc::penilai_role(&viewer, &skp).is_ok();
    if is_penilai {
        if svc::status(&skp) == SkpStatus::Approved {
            return Err(ApiError::Conflict("SKP yang sudah disetujui tidak dapat diubah; buat revisi".into()));
        }
    } else {
        svc::require_owner(&viewer, &skp)?;
        editable(&skp)?;
    }
    if let Some(long) = body.behaviors.iter().find(|b| b.expectation.as_deref().unwrap_or("").chars().count() > 2000) {
        return Err(ApiError::field(long.core_value.as_str(), "ekspektasi maksimal 2000 karakter"));
    }
    let before = svc::full(&txn, &skp).await?.behaviors;
    for b in &body.behaviors {
        let text = b.expectation.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
        skp_behaviors::Entity::update_many()
            .col_expr(skp_behaviors::Column::Expectation, Expr::value(text))
            .filter(skp_behaviors::Column::SkpId.eq(skp.id))
            .filter(skp_behaviors::Column::CoreValue.eq(b.core_value.as_str()))
            .exec(&txn)
            .await?;
    }
    let after = svc::full(&txn, &skp).await?;
    audit::record(
        &txn,
        &viewer.actor(),
        Change::new("skp.behaviors", "skp", skp.id).before(&before).after(&after.behaviors),
    )
    .await?;
    txn.commit().await?;
    Ok(web::Json(after))
}

/// The RHK the caller can pick as `parent_rhk_id`: those of their direct supervisor's current SKP
/// for the year.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(YearQuery, crate::routes::list::PageQuery),
    responses((status = 200, body = Page<Rhk>), (status = 401, body = Problem), (status = 422, body = Problem)))]
#[get("/me/parent-rhk")]
pub async fn parent_options(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<YearQuery>,
    paging: web::Query<crate::routes::list::PageQuery>,
) -> ApiResult<web::Json<Page<Rhk>>> {
    let year = q.year()?;
    let mut items = Vec::new();
    if let Some(me) = viewer.employee_id {
        let supervisor = employees::Entity::find_by_id(me).one(&state.db).await?.and_then(|e| e.supervisor_id);
        if let Some(s) = supervisor {
            if let Some(skp) = svc::current(&state.db, s, year).await? {
                items = svc::rhk_of(&state.db, &[skp.id]).await?;
            }
        }
    }
    Ok(web::Json(crate::routes::list::page_of(items, &paging)))
}

/// Hands one of the caller's RHK down to several direct subordinates at once: each gets a draft RHK
/// pointing to it (with the same indicators to adjust), in their editable SKP of the year, created
/// if they have none. Subordinates whose SKP is submitted or approved are skipped, with the reason.
/// Anyone who is not a direct subordinate makes the whole request 422.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)), request_body = CascadeRequest,
    responses((status = 200, body = CascadeResult), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/rhk/{id}/cascade")]
pub async fn cascade_down(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<CascadeRequest>,
) -> ApiResult<web::Json<CascadeResult>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let parent = rhk::Entity::find_by_id(id.into_inner()).one(&txn).await?.ok_or(ApiError::NotFound)?;
    let skp = svc::find_visible(&txn, &viewer, parent.skp_id).await?;
    svc::require_owner(&viewer, &skp)?;
    let mut ids = body.employee_ids.clone();
    ids.sort_unstable();
    ids.dedup();
    let subordinates = employees::Entity::find()
        .filter(employees::Column::Id.is_in(ids.clone()))
        .filter(employees::Column::SupervisorId.eq(skp.employee_id))
        .all(&txn)
        .await?;
    let not_direct: Vec<FieldError> = ids
        .iter()
        .filter(|id| !subordinates.iter().any(|e| e.id == **id))
        .map(|id| FieldError::new("employee_ids", format!("pegawai {id} bukan bawahan langsung Anda")))
        .collect();
    if !not_direct.is_empty() {
        return Err(ApiError::fields(not_direct));
    }
    let template =
        svc::rhk_of(&txn, &[skp.id]).await?.into_iter().find(|r| r.id == parent.id).ok_or(ApiError::NotFound)?;
    let text = body.text.as_deref().map(str::trim).filter(|t| !t.is_empty()).unwrap_or(&parent.text).to_owned();
    let (mut created, mut skipped) = (Vec::new(), Vec::new());
    for sub in &subordinates {
        let target = match svc::current(&txn, sub.id, skp.year).await? {
            Some(s) if editable(&s).is_ok() => s,
            Some(s) => {
                skipped.push(CascadeSkip {
                    employee_id: sub.id,
                    reason: format!("SKP {} berstatus {}; tidak dapat ditambah", s.year, s.status),
                });
                continue;
            }
            None => crate::services::skp::insert_skp(&txn, sub, skp.year, skp.approach, 1, None).await?,
        };
        let new = NewRhk {
            text: text.clone(),
            kind: body.kind,
            parent_rhk_id: Some(parent.id),
            pk_goal_id: None,
            indicators: template
                .indicators
                .iter()
                .map(|i| IndicatorInput {
                    aspect: i.aspect,
                    text: i.text.clone(),
                    target: i.target,
                    unit: i.unit.clone(),
                })
                .collect(),
        };
        let rhk = crate::services::skp::insert_rhk(&txn, target.id, &new).await?;
        let msg = Message {
            kind: "rhk.cascaded",
            title: "RHK baru dari atasan".into(),
            body: format!("Atasan Anda menurunkan RHK \"{}\" ke SKP {} Anda.", text, skp.year),
            link: Some(format!("/skp/{}", target.id)),
        };
        notify::employee(&txn, sub.id, &msg).await?;
        created.push(rhk);
    }
    let result = CascadeResult { created, skipped };
    audit::record(&txn, &viewer.actor(), Change::new("rhk.cascade", "rhk", parent.id).after(&result)).await?;
    txn.commit().await?;
    Ok(web::Json(result))
}
