//! Disciplinary sanctions: recorded and annulled by the BKPSDM (admin) from the decree, read by whoever
//! may see the employee; a sanction in force cuts the month's TPP by the rule's percent.

use crate::error::ApiResult;
use crate::policy::{Capability, Viewer};
use crate::routes::list::{page, PageQuery};
use crate::routes::records::SpanFilter;
use crate::services::sanctions;
use crate::state::AppState;
use actix_web::{delete, get, post, web, HttpResponse};
use kinerja_types::{NewSanction, Page, Problem, Sanction};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_sanctions).service(create_sanction).service(delete_sanction);
}

/// The sanctions of the employees the caller may see, latest first.
#[utoipa::path(tag = "tpp", security(("bearer" = [])), params(SpanFilter, PageQuery),
    responses((status = 200, body = Page<Sanction>), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/sanctions")]
pub async fn list_sanctions(
    state: web::Data<AppState>,
    viewer: Viewer,
    filter: web::Query<SpanFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<Sanction>>> {
    let q = filter.query(&state, &viewer).await?;
    let (items, total) = sanctions::list(&state.db, &viewer, &q, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
}

/// Records a sanction from its decree (admin BKPSDM): level, decree number, the days in force.
#[utoipa::path(tag = "tpp", security(("bearer" = [])), request_body = NewSanction,
    responses((status = 201, body = Sanction), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[post("/sanctions")]
pub async fn create_sanction(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewSanction>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let created = sanctions::create(&txn, &viewer.actor(), viewer.user_id, &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(created))
}

/// Annuls a sanction recorded in error or lifted on appeal (admin BKPSDM): it stays listed with its
/// `annulled_at` and cuts nothing; annulling again changes nothing.
#[utoipa::path(tag = "tpp", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[delete("/sanctions/{id}")]
pub async fn delete_sanction(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    let txn = crate::db::begin(&state.db).await?;
    sanctions::annul(&txn, &viewer.actor(), id.into_inner()).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
