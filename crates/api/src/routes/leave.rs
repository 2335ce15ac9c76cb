//! Leave and absences: recorded and annulled by the BKPSDM (admin) from the letter that grants
//! them, read by whoever may see the employee; their days are excused everywhere the working
//! calendar counts (daily log, reminders, the attention list, the TPP).

use crate::error::ApiResult;
use crate::policy::{Capability, Viewer};
use crate::routes::list::{page, PageQuery};
use crate::routes::records::SpanFilter;
use crate::services::leave;
use crate::state::AppState;
use actix_web::{delete, get, post, web, HttpResponse};
use kinerja_types::{Leave, NewLeave, Page, Problem};
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_leave).service(create_leave).service(delete_leave);
}

/// The leave of the employees the caller may see, latest first.
#[utoipa::path(tag = "calendar", security(("bearer" = [])), params(SpanFilter, PageQuery),
    responses((status = 200, body = Page<Leave>), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/leave")]
pub async fn list_leave(
    state: web::Data<AppState>,
    viewer: Viewer,
    filter: web::Query<SpanFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<Leave>>> {
    let q = filter.query(&state, &viewer).await?;
    let (items, total) = leave::list(&state.db, &viewer, &q, paging.offset(), paging.per_page()).await?;
    Ok(web::Json(page(items, total, &paging)))
}

/// Records a leave or absence (admin BKPSDM): its kind, the days (at most three years) and the
/// letter that grants it.
#[utoipa::path(tag = "calendar", security(("bearer" = [])), request_body = NewLeave,
    responses((status = 201, body = Leave), (status = 403, body = Problem), (status = 422, body = Problem)))]
#[post("/leave")]
pub async fn create_leave(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewLeave>,
) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let created = leave::create(&txn, &viewer.actor(), viewer.user_id, &body).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(created))
}

/// Annuls a leave recorded in error or cut short (admin BKPSDM): it stays listed with its
/// `annulled_at` and excuses nothing; annulling again changes nothing.
#[utoipa::path(tag = "calendar", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
#[delete("/leave/{id}")]
pub async fn delete_leave(state: web::Data<AppState>, viewer: Viewer, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    viewer.require(Capability::Administer)?;
    let txn = crate::db::begin(&state.db).await?;
    leave::annul(&txn, &viewer.actor(), id.into_inner()).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
