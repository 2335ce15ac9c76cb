//! Continuous feedback (umpan balik berkelanjutan) and performance dialogues (dialog kinerja):
//! the penilai writes to an employee at any time; the employee replies; both are notified.

use crate::audit::{self, Change};
use crate::entities::{dialogs, employees, feedback};
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::routes::list::{fetch_page, page, PageQuery};
use crate::services::notify::{self, Message};
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use chrono::Utc;
use kinerja_types::{Dialog, Feedback, FollowUp, NewDialog, NewFeedback, Page, Problem};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_feedback).service(create_feedback).service(list_dialogs).service(create_dialog);
}

/// Whose thread.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EmployeeQuery {
    /// The employee (default: the caller).
    pub employee_id: Option<i64>,
}

/// The employee asked for (or the caller), if visible; else 404.
async fn subject(db: &impl ConnectionTrait, viewer: &Viewer, asked: Option<i64>) -> ApiResult<employees::Model> {
    let id = asked.or(viewer.employee_id).ok_or_else(|| ApiError::field("employee_id", "sebutkan pegawai"))?;
    let scope = viewer.scope();
    crate::services::people::find_visible(db, scope, id).await
}

pub(crate) fn to_wire(f: feedback::Model) -> Feedback {
    Feedback {
        id: f.id,
        employee_id: f.employee_id,
        author_user_id: f.author_user_id,
        author_name: f.author_name,
        text: f.text,
        rhk_id: f.rhk_id,
        core_value: f.core_value,
        parent_id: f.parent_id,
        created_at: f.created_at,
    }
}

/// The feedback thread of an employee, oldest first (the employee, the penilai chain, heads,
/// admin, auditor).
#[utoipa::path(tag = "feedback", security(("bearer" = [])), params(EmployeeQuery, PageQuery),
    responses((status = 200, body = Page<Feedback>), (status = 404, body = Problem)))]
#[get("/feedback")]
pub async fn list_feedback(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<EmployeeQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<Feedback>>> {
    let e = subject(&state.db, &viewer, q.employee_id).await?;
    let select =
        feedback::Entity::find().filter(feedback::Column::EmployeeId.eq(e.id)).order_by_asc(feedback::Column::Id);
    let (rows, total) = fetch_page(&state.db, select, &paging).await?;
    Ok(web::Json(page(rows.into_iter().map(to_wire).collect(), total, &paging)))
}

async fn author_name(db: &impl ConnectionTrait, viewer: &Viewer) -> ApiResult<String> {
    Ok(match viewer.employee_id {
        Some(id) => {
            employees::Entity::find_by_id(id).one(db).await?.map(|e| e.name).unwrap_or_else(|| viewer.username.clone())
        }
        None => viewer.username.clone(),
    })
}

/// Writes feedback: the direct supervisor to an employee, or a reply (`parent_id`) by the employee
/// or that supervisor. The other party is notified.
#[utoipa::path(tag = "feedback", security(("bearer" = [])), request_body = NewFeedback,
    responses((status = 201, body = Feedback), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/feedback")]
pub async fn create_feedback(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewFeedback>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let e = subject(&txn, &viewer, Some(body.employee_id)).await?;
    let is_supervisor = viewer.supervises(&e);
    let is_self = viewer.employee_id == Some(e.id);
    if let Some(parent) = body.parent_id {
        let p = feedback::Entity::find_by_id(parent)
            .one(&txn)
            .await?
            .ok_or_else(|| ApiError::field("parent_id", "umpan balik yang dibalas tidak ada"))?;
        if p.employee_id != e.id {
            return Err(ApiError::field("parent_id", "balasan harus pada utas pegawai yang sama"));
        }
        if !(is_self || is_supervisor) {
            return Err(ApiError::Forbidden("hanya pegawai dan pejabat penilainya yang dapat membalas".into()));
        }
    } else if !is_supervisor {
        return Err(ApiError::Forbidden("umpan balik ditulis oleh pejabat penilai (atasan langsung)".into()));
    }
    let row = feedback::ActiveModel {
        employee_id: Set(e.id),
        author_user_id: Set(viewer.user_id),
        author_name: Set(author_name(&txn, &viewer).await?),
        text: Set(body.text.trim().to_owned()),
        rhk_id: Set(body.rhk_id),
        core_value: Set(body.core_value),
        parent_id: Set(body.parent_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let recipient = if is_self { e.supervisor_id } else { Some(e.id) };
    if let Some(r) = recipient {
        let msg = Message {
            kind: "feedback.new",
            title: if is_self { format!("Balasan dari {}", e.name) } else { "Umpan balik dari atasan".into() },
            body: row.text.chars().take(200).collect(),
            link: Some(format!("/umpan-balik/{}", e.id)),
        };
        notify::employee(&txn, r, &msg).await?;
    }
    let out = to_wire(row);
    audit::record(&txn, &viewer.actor(), Change::new("feedback.create", "feedback", out.id).after(&out)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}

fn dialog_wire(d: dialogs::Model) -> Dialog {
    Dialog {
        id: d.id,
        employee_id: d.employee_id,
        penilai_id: d.penilai_id,
        date: d.date,
        notes: d.notes,
        follow_ups: crate::stored::json::<Vec<FollowUp>>("dialogs.follow_ups", &d.follow_ups),
        created_at: d.created_at,
    }
}

/// Performance dialogues with an employee, newest first (visible to both and to those above).
#[utoipa::path(tag = "feedback", security(("bearer" = [])), params(EmployeeQuery, PageQuery),
    responses((status = 200, body = Page<Dialog>), (status = 404, body = Problem)))]
#[get("/dialogs")]
pub async fn list_dialogs(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<EmployeeQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<Dialog>>> {
    let e = subject(&state.db, &viewer, q.employee_id).await?;
    let select =
        dialogs::Entity::find().filter(dialogs::Column::EmployeeId.eq(e.id)).order_by_desc(dialogs::Column::Date);
    let (rows, total) = fetch_page(&state.db, select, &paging).await?;
    Ok(web::Json(page(rows.into_iter().map(dialog_wire).collect(), total, &paging)))
}

/// Records a performance dialogue (the direct supervisor): dated notes and agreed follow-ups.
#[utoipa::path(tag = "feedback", security(("bearer" = [])), request_body = NewDialog,
    responses((status = 201, body = Dialog), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[post("/dialogs")]
pub async fn create_dialog(
    state: web::Data<AppState>,
    viewer: Viewer,
    body: web::Json<NewDialog>,
) -> ApiResult<HttpResponse> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let e = subject(&txn, &viewer, Some(body.employee_id)).await?;
    let Some(me) = viewer.employee_id.filter(|me| e.supervisor_id == Some(*me)) else {
        return Err(ApiError::Forbidden("dialog kinerja dicatat oleh pejabat penilai (atasan langsung)".into()));
    };
    let row = dialogs::ActiveModel {
        employee_id: Set(e.id),
        penilai_id: Set(me),
        date: Set(body.date),
        notes: Set(body.notes.trim().to_owned()),
        follow_ups: Set(serde_json::to_string(&body.follow_ups).unwrap_or_else(|_| "[]".into())),
        created_by_user_id: Set(viewer.user_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let msg = Message {
        kind: "dialog.new",
        title: format!("Catatan dialog kinerja {}", body.date.format("%d-%m-%Y")),
        body: "Atasan Anda mencatat hasil dialog kinerja beserta tindak lanjutnya.".into(),
        link: Some(format!("/umpan-balik/{}", e.id)),
    };
    notify::employee(&txn, e.id, &msg).await?;
    let out = dialog_wire(row);
    audit::record(&txn, &viewer.actor(), Change::new("dialog.create", "dialog", out.id).after(&out)).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(out))
}
