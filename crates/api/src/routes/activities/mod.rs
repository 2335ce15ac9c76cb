//! Daily activities: log, correct, list; the flow is in `flow`, the co-workers' view in `team`.

pub mod flow;
pub mod team;

use crate::audit::{self, Change};
use crate::entities::{activities, activity_evidence, employees};
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::routes::list::{csv_response, fetch_page, page, respond, wants_csv, PageQuery};
use crate::services::activity::{check, wire};
use crate::state::AppState;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{NaiveDate, Utc};
use kinerja_domain::{ActivityAction, ActivityStatus};
use kinerja_types::{Activity, NewActivity, Page, Problem};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.configure(flow::configure)
        .configure(team::configure)
        .service(list_activities)
        .service(create_activity)
        .service(get_activity)
        .service(update_activity)
        .service(delete_activity);
}

/// Filters of the activity list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActivityFilter {
    pub employee_id: Option<i64>,
    /// Activities logged in this unit (not its subunits).
    pub unit_id: Option<i64>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub status: Option<ActivityStatus>,
    pub rhk_id: Option<i64>,
    /// Only the activities waiting for the caller's verification.
    pub queue: Option<bool>,
}

/// Activities the caller may see, newest first; JSON or CSV.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(ActivityFilter, PageQuery),
    responses((status = 200, body = Page<Activity>), (status = 401, body = Problem)))]
#[get("/activities")]
pub async fn list_activities(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    filter: web::Query<ActivityFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let mut select = activities::Entity::find();
    if filter.queue.unwrap_or(false) {
        // The work submitted to the caller, of people still within sight (not of someone who moved away).
        select = select
            .filter(activities::Column::PenilaiId.eq(viewer.employee_id.unwrap_or(-1)))
            .filter(activities::Column::Status.eq(ActivityStatus::Submitted.as_str()));
    }
    let scope = viewer.scope();
    if let Some(cond) = scope.employee_column_filter(activities::Column::EmployeeId) {
        select = select.filter(cond);
    }
    if let Some(e) = filter.employee_id {
        select = select.filter(activities::Column::EmployeeId.eq(e));
    }
    if let Some(u) = filter.unit_id {
        select = select.filter(activities::Column::UnitId.eq(u));
    }
    if let Some(f) = filter.from {
        select = select.filter(activities::Column::Date.gte(f));
    }
    if let Some(t) = filter.to {
        select = select.filter(activities::Column::Date.lte(t));
    }
    if let Some(s) = filter.status {
        select = select.filter(activities::Column::Status.eq(s.as_str()));
    }
    if let Some(r) = filter.rhk_id {
        select = select.filter(activities::Column::RhkId.eq(r));
    }
    let select = select.order_by_desc(activities::Column::Date).order_by_desc(activities::Column::Id);
    let (rows, total) = fetch_page(&state.db, select, &paging).await?;
    let items = wire(&state.db, &rows, true).await?;
    if wants_csv(&req, paging.format.as_deref()) {
        let flat: Vec<CsvRow> = items.iter().map(CsvRow::from).collect();
        return csv_response(&flat, "aktivitas");
    }
    respond(&req, &paging, page(items, total, &paging), "aktivitas")
}

#[derive(Serialize)]
struct CsvRow {
    id: i64,
    date: NaiveDate,
    employee_id: i64,
    employee_name: String,
    minutes: u32,
    description: String,
    rhk_id: i64,
    rhk_text: String,
    output_qty: Option<f64>,
    status: &'static str,
    reject_note: Option<String>,
}

impl From<&Activity> for CsvRow {
    fn from(a: &Activity) -> Self {
        Self {
            id: a.id,
            date: a.date,
            employee_id: a.employee_id,
            employee_name: a.employee_name.clone(),
            minutes: a.minutes,
            description: a.description.clone(),
            rhk_id: a.rhk_id,
            rhk_text: a.rhk_text.clone(),
            output_qty: a.output_qty,
            status: a.status.as_str(),
            reject_note: a.reject_note.clone(),
        }
    }
}

/// Loads an activity whose owner the viewer may see, else 404.
pub async fn find_visible(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> ApiResult<activities::Model> {
    let a = activities::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let scope = viewer.scope();
    crate::services::people::find_visible(db, scope, a.employee_id).await?;
    Ok(a)
}

fn owner_only(viewer: &Viewer, a: &activities::Model) -> ApiResult<()> {
    if viewer.employee_id == Some(a.employee_id) {
        Ok(())
    } else {
        Err(ApiError::Forbidden("hanya pemilik aktivitas yang dapat melakukan ini".into()))
    }
}

async fn link_evidence(txn: &DatabaseTransaction, activity_id: i64, ids: &[i64]) -> ApiResult<()> {
    activity_evidence::Entity::delete_many()
        .filter(activity_evidence::Column::ActivityId.eq(activity_id))
        .exec(txn)
        .await?;
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if !ids.is_empty() {
        let rows = ids
            .into_iter()
            .map(|e| activity_evidence::ActiveModel { activity_id: Set(activity_id), evidence_id: Set(e) });
        activity_evidence::Entity::insert_many(rows).exec(txn).await?;
    }
    Ok(())
}

/// Logs an activity of the caller (draft, or submitted at once with `submit: true`). Checked against
/// the settings (no future dates, at most N days back, at most M minutes a day) and the caller's
/// approved SKP of that year.
#[utoipa::path(tag = "activities", security(("bearer" = [])), request_body = NewActivity,
    responses((status = 201, body = Activity), (status = 422, body = Problem)))]
#[post("/activities")]
pub async fn create_activity(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewActivity>,
) -> ApiResult<HttpResponse> {
    let me = viewer
        .employee_id
        .ok_or_else(|| ApiError::field("employee", "akun ini tidak terhubung dengan data pegawai"))?;
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let checked = check(&txn, me, &body, None).await?;
    let employee = employees::Entity::find_by_id(me).one(&txn).await?.ok_or(ApiError::NotFound)?;
    let now = Utc::now();
    let status = if body.submit { ActivityStatus::Submitted } else { ActivityStatus::Draft };
    let row = activities::ActiveModel {
        employee_id: Set(me),
        penilai_id: Set(employee.supervisor_id),
        unit_id: Set(employee.unit_id),
        skp_id: Set(checked.skp.id),
        rhk_id: Set(checked.rhk.id),
        date: Set(checked.date),
        minutes: Set(checked.minutes as i32),
        start_time: Set(checked.start),
        end_time: Set(checked.end),
        description: Set(body.description.trim().to_owned()),
        output_qty: Set(body.output_qty),
        status: Set(status),
        reject_note: Set(None),
        submitted_at: Set(body.submit.then_some(now)),
        decided_at: Set(None),
        decided_by_user_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    link_evidence(&txn, row.id, &body.evidence_ids).await?;
    crate::services::activity_totals::touched(&txn, me).await?;
    let out = wire(&txn, std::slice::from_ref(&row), true).await?.remove(0);
    audit::record(&txn, &viewer.actor(), Change::new("activity.create", "activity", row.id).after(&out)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

/// One activity.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Activity), (status = 404, body = Problem)))]
#[get("/activities/{id}")]
pub async fn get_activity(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<web::Json<Activity>> {
    let a = find_visible(&state.db, &viewer, id.into_inner()).await?;
    Ok(web::Json(wire(&state.db, &[a], true).await?.remove(0)))
}

/// Corrects an activity (owner, while draft or rejected); the same rules as logging.
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewActivity,
    responses((status = 200, body = Activity), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[patch("/activities/{id}")]
pub async fn update_activity(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewActivity>,
) -> ApiResult<web::Json<Activity>> {
    let txn = crate::db::begin(&state.db).await?;
    let current = find_visible(&txn, &viewer, id.into_inner()).await?;
    owner_only(&viewer, &current)?;
    let status: ActivityStatus = current.status;
    status.apply(ActivityAction::Edit).map_err(ApiError::Conflict)?;
    body.validate()?;
    let checked = check(&txn, current.employee_id, &body, Some((current.id, current.date))).await?;
    let before = wire(&txn, std::slice::from_ref(&current), true).await?.remove(0);
    let mut active = current.into_active_model();
    active.skp_id = Set(checked.skp.id);
    active.rhk_id = Set(checked.rhk.id);
    active.date = Set(checked.date);
    active.minutes = Set(checked.minutes as i32);
    active.start_time = Set(checked.start);
    active.end_time = Set(checked.end);
    active.description = Set(body.description.trim().to_owned());
    active.output_qty = Set(body.output_qty);
    active.updated_at = Set(Utc::now());
    if body.submit {
        active.status = Set(ActivityStatus::Submitted);
        active.submitted_at = Set(Some(Utc::now()));
    }
    let row = active.update(&txn).await?;
    link_evidence(&txn, row.id, &body.evidence_ids).await?;
    crate::services::activity_totals::touched(&txn, row.employee_id).await?;
    let after = wire(&txn, std::slice::from_ref(&row), true).await?.remove(0);
    audit::record(
        &txn,
        &viewer.actor(),
        Change::new("activity.update", "activity", row.id).before(&before).after(&after),
    )
    .await?;
    txn.commit().await?;
    Ok(web::Json(after))
}

/// Deletes an activity (owner, while draft or rejected).
#[utoipa::path(tag = "activities", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
#[delete("/activities/{id}")]
pub async fn delete_activity(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<HttpResponse> {
    let txn = crate::db::begin(&state.db).await?;
    let current = find_visible(&txn, &viewer, id.into_inner()).await?;
    owner_only(&viewer, &current)?;
    let status: ActivityStatus = current.status;
    status.apply(ActivityAction::Edit).map_err(ApiError::Conflict)?;
    let before = wire(&txn, std::slice::from_ref(&current), true).await?.remove(0);
    activities::Entity::delete_by_id(current.id).exec(&txn).await?;
    crate::services::activity_totals::touched(&txn, current.employee_id).await?;
    audit::record(&txn, &viewer.actor(), Change::new("activity.delete", "activity", current.id).before(&before))
        .await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
