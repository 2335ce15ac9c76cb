//! The complaint queue for staff: the unit's operators and heads and admins handle them; auditors
//! read; an employee's penilai sees the complaints naming that employee, without the contact.
//! Overdue ones (working-day deadlines) come first.

use crate::audit::{self, Change};
use crate::entities::{complaint_events, complaints, employees, units};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::routes::list::{fetch_page, page, PageQuery};
use crate::state::AppState;
use actix_web::{get, post, web};
use chrono::Utc;
use kinerja_domain::complaint::deadline;
use kinerja_domain::ComplaintStatus;
use kinerja_types::{Complaint, ComplaintEvent, ComplaintTransition, Page, Problem};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use serde::Deserialize;
use std::collections::HashSet;
use utoipa::IntoParams;
use validator::Validate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_complaints).service(get_complaint).service(history).service(transition);
}

/// How the viewer relates to complaints.
struct Access {
    /// Sees and handles every complaint (admin) or reads every one (auditor).
    city: bool,
    /// Units whose complaints the viewer handles (operator or head of the subtree).
    handles: HashSet<i64>,
    /// Employees whose penilai the viewer is.
    subordinates: HashSet<i64>,
}

async fn access(db: &impl ConnectionTrait, viewer: &Viewer) -> ApiResult<Access> {
    let handles = viewer.scope().write_unit_ids().clone();
    let subordinates = match viewer.employee_id {
        Some(me) => employees::Entity::find()
            .filter(employees::Column::SupervisorId.eq(me))
            .all(db)
            .await?
            .into_iter()
            .map(|e| e.id)
            .collect(),
        None => HashSet::new(),
    };
    Ok(Access { city: viewer.reads_city(), handles, subordinates })
}

impl Access {
    fn handles(&self, c: &complaints::Model, viewer: &Viewer) -> bool {
        viewer.may(Capability::HandleComplaints(c.unit_id))
            || c.disposition_unit_id.is_some_and(|u| viewer.may(Capability::HandleComplaints(u)))
    }

    fn reads(&self, c: &complaints::Model, viewer: &Viewer) -> bool {
        self.city || self.handles(c, viewer) || c.employee_id.is_some_and(|e| self.subordinates.contains(&e))
    }
}

pub(crate) fn to_wire(c: &complaints::Model, show_contact: bool, s: &kinerja_types::PemdaSettings) -> Complaint {
    let holidays: HashSet<chrono::NaiveDate> = s.holidays.iter().copied().collect();
    let status: ComplaintStatus = c.status;
    let due =
        deadline(status, c.filed_on, c.dispositioned_on, s.complaint_verify_days, s.complaint_response_days, &holidays);
    Complaint {
        id: c.id,
        tracking_code: c.tracking_code.clone(),
        unit_id: c.unit_id,
        category: c.category,
        text: c.text.clone(),
        employee_nip: c.employee_nip.clone(),
        employee_id: c.employee_id,
        contact: if show_contact { c.contact.clone() } else { None },
        status,
        public_response: c.public_response.clone(),
        disposition_unit_id: c.disposition_unit_id,
        filed_on: c.filed_on,
        deadline: due,
        overdue: due.is_some_and(|d| s.today() > d),
        created_at: c.created_at,
    }
}

/// Filters of the complaint queue.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ComplaintFilter {
    pub unit_id: Option<i64>,
    pub status: Option<ComplaintStatus>,
    /// Complaints naming this employee (for their penilai).
    pub employee_id: Option<i64>,
    /// Only overdue ones.
    pub overdue: Option<bool>,
}

/// Complaints the caller may see, overdue first, then by deadline, then newest.
#[utoipa::path(tag = "complaints", security(("bearer" = [])), params(ComplaintFilter, PageQuery),
    responses((status = 200, body = Page<Complaint>), (status = 401, body = Problem)))]
#[get("/complaints")]
pub async fn list_complaints(
    state: web::Data<AppState>,
    viewer: Viewer,
    filter: web::Query<ComplaintFilter>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<Complaint>>> {
    let acc = access(&state.db, &viewer).await?;
    let settings = state.settings().await?;
    let mut select = complaints::Entity::find().order_by_desc(complaints::Column::Id);
    if !acc.city {
        let mut cond = sea_orm::Condition::any();
        if !acc.handles.is_empty() {
            let units: Vec<i64> = acc.handles.iter().copied().collect();
            cond = cond
                .add(complaints::Column::UnitId.is_in(units.clone()))
                .add(complaints::Column::DispositionUnitId.is_in(units));
        }
        if !acc.subordinates.is_empty() {
            cond = cond.add(complaints::Column::EmployeeId.is_in(acc.subordinates.iter().copied().collect::<Vec<_>>()));
        }
        if acc.handles.is_empty() && acc.subordinates.is_empty() {
            return Ok(web::Json(page(Vec::new(), 0, &paging)));
        }
        select = select.filter(cond);
    }
    if let Some(u) = filter.unit_id {
        select = select.filter(complaints::Column::UnitId.eq(u));
    }
    if let Some(s) = filter.status {
        select = select.filter(complaints::Column::Status.eq(s.as_str()));
    }
    if let Some(e) = filter.employee_id {
        select = select.filter(complaints::Column::EmployeeId.eq(e));
    }
    // The queue of one unit stays small; sort by urgency in memory, within a hard cap.
    let rows = select.limit(5000).all(&state.db).await?;
    let mut items: Vec<Complaint> = rows
        .iter()
        .filter(|c| acc.reads(c, &viewer))
        .map(|c| to_wire(c, acc.handles(c, &viewer), &settings))
        .filter(|c| !filter.overdue.unwrap_or(false) || c.overdue)
        .collect();
    items.sort_by(|a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then(a.deadline.is_none().cmp(&b.deadline.is_none()))
            .then(a.deadline.cmp(&b.deadline))
            .then(b.id.cmp(&a.id))
    });
    let total = items.len() as u64;
    let start = paging.offset() as usize;
    let items = items.into_iter().skip(start).take(paging.per_page() as usize).collect();
    Ok(web::Json(page(items, total, &paging)))
}

async fn find_readable(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> ApiResult<(complaints::Model, Access)> {
    let c = complaints::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let acc = access(db, viewer).await?;
    if !acc.reads(&c, viewer) {
        return Err(ApiError::NotFound);
    }
    Ok((c, acc))
}

/// One complaint.
#[utoipa::path(tag = "complaints", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Complaint), (status = 404, body = Problem)))]
#[get("/complaints/{id}")]
pub async fn get_complaint(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
) -> ApiResult<web::Json<Complaint>> {
    let (c, acc) = find_readable(&state.db, &viewer, id.into_inner()).await?;
    let s = state.settings().await?;
    Ok(web::Json(to_wire(&c, acc.handles(&c, &viewer), &s)))
}

/// Moves a complaint along its workflow (the unit's operators and heads, admins): `rejected` needs
/// a reason in `note`, `dispositioned` a `unit_id`, `responded` a `public_response`.
#[utoipa::path(tag = "complaints", security(("bearer" = [])), params(("id" = i64, Path)), request_body = ComplaintTransition,
    responses((status = 200, body = Complaint), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
#[post("/complaints/{id}/transition")]
pub async fn transition(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    body: web::Json<ComplaintTransition>,
) -> ApiResult<web::Json<Complaint>> {
    body.validate()?;
    let txn = crate::db::begin(&state.db).await?;
    let (c, acc) = find_readable(&txn, &viewer, id.into_inner()).await?;
    if !acc.handles(&c, &viewer) {
        return Err(ApiError::Forbidden(
            "hanya operator layanan, kepala unit terkait dan admin yang menangani pengaduan".into(),
        ));
    }
    let from: ComplaintStatus = c.status;
    if !from.can_go(body.to) {
        return Err(ApiError::Conflict(format!("pengaduan berstatus {from} tidak dapat menjadi {}", body.to)));
    }
    let note = body.note.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
    let mut active = c.clone().into_active_model();
    match body.to {
        ComplaintStatus::Rejected if note.is_none() => {
            return Err(ApiError::field(
                "note",
                "sebutkan alasan penolakan (bukan kewenangan, duplikat, atau informasi kurang)",
            ));
        }
        ComplaintStatus::Dispositioned => {
            let unit = body.unit_id.ok_or_else(|| ApiError::field("unit_id", "pilih unit tujuan disposisi"))?;
            units::Entity::find_by_id(unit)
                .one(&txn)
                .await?
                .ok_or_else(|| ApiError::field("unit_id", "unit tidak ada"))?;
            active.disposition_unit_id = Set(Some(unit));
            active.dispositioned_on = Set(Some(state.settings().await?.today()));
        }
        ComplaintStatus::Responded => {
            let response = body.public_response.as_deref().map(str::trim).filter(|r| !r.is_empty());
            let response =
                response.ok_or_else(|| ApiError::field("public_response", "tulis tanggapan untuk pelapor"))?;
            active.public_response = Set(Some(response.to_owned()));
        }
        _ => {}
    }
    if body.to == ComplaintStatus::Rejected {
        active.public_response = Set(note.clone());
    }
    active.status = Set(body.to);
    active.updated_at = Set(Utc::now());
    let saved = active.update(&txn).await?;
    complaint_events::ActiveModel {
        complaint_id: Set(saved.id),
        from_status: Set(Some(from)),
        to_status: Set(body.to),
        note: Set(note),
        actor_user_id: Set(Some(viewer.user_id)),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        &viewer.actor(),
        Change::new("complaint.transition", "complaint", saved.id).before(&from.as_str()).after(&body.to.as_str()),
    )
    .await?;
    let s = state.settings().await?;
    let out = to_wire(&saved, true, &s);
    txn.commit().await?;
    Ok(web::Json(out))
}

/// Every step of a complaint, oldest first.
#[utoipa::path(tag = "complaints", security(("bearer" = [])), params(("id" = i64, Path), PageQuery),
    responses((status = 200, body = Page<ComplaintEvent>), (status = 404, body = Problem)))]
#[get("/complaints/{id}/history")]
pub async fn history(
    state: web::Data<AppState>,
    viewer: Viewer,
    id: web::Path<i64>,
    paging: web::Query<PageQuery>,
) -> ApiResult<web::Json<Page<ComplaintEvent>>> {
    let (c, _) = find_readable(&state.db, &viewer, id.into_inner()).await?;
    let select = complaint_events::Entity::find()
        .filter(complaint_events::Column::ComplaintId.eq(c.id))
        .order_by_asc(complaint_events::Column::Id);
    let (rows, total) = fetch_page(&state.db, select, &paging).await?;
    let items = rows
        .into_iter()
        .map(|e| ComplaintEvent {
            from_status: e.from_status,
            to_status: e.to_status,
            note: e.note,
            actor_user_id: e.actor_user_id,
            at: e.at,
        })
        .collect();
    Ok(web::Json(page(items, total, &paging)))
}
