//! Perjanjian Kinerja over HTTP: a unit's goals for a year, entered by its head or an admin.

use crate::error::ApiResult;
use crate::policy::{Capability, Viewer};
use crate::routes::list::{page, PageQuery};
use crate::services::pk;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use chrono::Utc;
use kinerja_types::{NewPkGoal, Page, PkGoal, Problem};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_pk).service(create_pk);
}

/// The year asked for.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// e.g. 2026 (default: the current year).
    pub year: Option<i32>,
}

impl YearQuery {
    /// The year asked for (2000-2100, else 422), or the current one.
    pub fn year(&self) -> ApiResult<i32> {
        use chrono::Datelike;
        crate::routes::list::check_year("year", self.year.unwrap_or_else(|| Utc::now().year()))
    }
}

/// The unit's Perjanjian Kinerja goals for a year (anyone who can see the unit).
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path), YearQuery, PageQuery),
    responses((status = 200, body = Page<PkGoal>), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/units/{id}/pk")]
pub async fn list_pk(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    q: web::Query<YearQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<PkGoal>>> {
    let unit = crate::services::units::visible(&state.db, &viewer, id.into_inner()).await?;
    let (items, total) = pk::goals(&state.db, unit.id, q.year()?, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
}

/// Adds a goal to the unit's Perjanjian Kinerja (the unit's head or an admin). Audited.
#[utoipa::path(tag = "skp", security(("bearer" = [])), params(("id" = i64, Path)), request_body = NewPkGoal,
    responses((status = 201, body = PkGoal), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/units/{id}/pk")]
pub async fn create_pk(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<NewPkGoal>,
) -> ApiResult<HttpResponse> {
    let txn = crate::db::begin(&state.db).await?;
    let unit = crate::services::units::visible(&txn, &viewer, id.into_inner()).await?;
    viewer.require(Capability::WritePk(unit.id))?;
    body.validate()?;
    let wire = pk::add(&txn, &viewer.actor(), unit.id, &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(wire))
}
