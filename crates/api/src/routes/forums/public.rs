//! Public dialogue forums, the citizens' side: the announced and past forums, one forum with its
//! aspirasi (without contacts), minutes and commitments, sending an aspirasi before the forum without
//! an account (rate limited, length limited, a honeypot field, duplicates refused, as complaints),
//! and following it by its tracking code.

use crate::error::ApiResult;
use crate::routes::list::{page, PageQuery};
use crate::routes::public::public_read;
use crate::services::forums::public as forums;
use crate::services::public_codes::tracking_code;
use crate::services::rate_limit::{self, client_key};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use kinerja_types::{InputReceipt, NewPublicInput, Page, Problem, PublicForum, PublicInput};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

/// Filter of the public forum list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PublicForumFilter {
    pub unit_id: Option<i64>,
}

/// Public dialogue forums, the latest date first.
#[utoipa::path(tag = "public", params(PublicForumFilter, PageQuery),
    responses((status = 200, body = Page<PublicForum>), (status = 429, body = Problem)))]
#[get("/public/forums")]
pub async fn public_forums(
    req: HttpRequest,
    state: web::Data<AppState>,
    filter: web::Query<PublicForumFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let key = format!("forums:{:?}:{}:{}", filter.unit_id, paging.offset(), paging.per_page());
    let list = async {
        let (items, total) = forums::list(&state.db, filter.unit_id, paging.offset(), paging.per_page()).await?;
        Ok(page(items, total, &paging))
    };
    public_read(&req, &state, key, list).await
}

/// The cache key of one public forum.
fn forum_key(id: i64) -> String {
    format!("forum:{id}")
}

/// One forum with its public aspirasi, minutes (once held) and commitments.
#[utoipa::path(tag = "public", params(("id" = i64, Path)),
    responses((status = 200, body = PublicForum), (status = 404, body = Problem), (status = 429, body = Problem)))]
#[get("/public/forums/{id}")]
pub async fn public_forum(req: HttpRequest, state: web::Data<AppState>, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    public_read(&req, &state, forum_key(id), forums::get(&state.db, id)).await
}

/// Sends an aspirasi for a forum that is still to come, without an account. Answers its tracking code.
#[utoipa::path(tag = "public", params(("id" = i64, Path)), request_body = NewPublicInput,
    responses((status = 201, body = InputReceipt), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem)))]
#[post("/public/forums/{id}/inputs")]
pub async fn send_input(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: web::Json<NewPublicInput>,
) -> ApiResult<HttpResponse> {
    if body.website.as_deref().is_some_and(|w| !w.is_empty()) {
        // The honeypot: a bot filled a field no person sees. Answer as usual, keep nothing.
        return Ok(HttpResponse::Created().json(InputReceipt { tracking_code: tracking_code("ASP") }));
    }
    body.validate()?;
    let f = forums::open_forum(&state.db, id.into_inner()).await?;
    let client = client_key(&req);
    rate_limit::hit(&state.db, rate_limit::FORUM_INPUT_PER_CLIENT, &client).await?;
    let txn = crate::db::begin(&state.db).await?;
    let code = forums::send(&txn, &client, &f, &body).await?;
    txn.commit().await?;
    // The sender sees the aspirasi on the forum's page at once.
    state.public_changed();
    Ok(HttpResponse::Created().json(InputReceipt { tracking_code: code }))
}

/// The status and public response of an aspirasi, for whoever holds its tracking code.
#[utoipa::path(tag = "public", params(("tracking_code" = String, Path)),
    responses((status = 200, body = PublicInput), (status = 404, body = Problem), (status = 429, body = Problem)))]
#[get("/public/forum-inputs/{tracking_code}")]
pub async fn track_input(
    req: HttpRequest,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> ApiResult<web::Json<PublicInput>> {
    rate_limit::hit(&state.db, rate_limit::TRACK_PER_CLIENT, &client_key(&req)).await?;
    Ok(web::Json(forums::track(&state.db, &code).await?))
}
