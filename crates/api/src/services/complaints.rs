//! Complaints: filed by citizens without an account and followed by tracking code; handled by the
//! unit's operators and heads and admins, read by auditors and by the penilai of a named employee
//! (without the contact). Deadlines count working days: verifying and forwarding share one clock
//! from filing; the follow-up runs on the clock of the class set at verification, or to the date of
//! a documented postponement; a complaint outside the unit's authority is referred, not rejected.

use crate::audit::{self, Actor, Change};
use crate::entities::{complaint_events, complaints, employees, units, users};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::services::calendar::{self, Calendars};
use crate::services::notify::{self, Message};
use crate::services::public_codes::{fingerprint, tracking_code};
use crate::services::{citizen_messages, service_units};
use chrono::{Duration, NaiveDate, Utc};
use kinerja_domain::complaint::{deadline, Clock};
use kinerja_domain::{ComplaintClass, ComplaintStatus, Role};
use kinerja_types::{
    Complaint, ComplaintEvent, ComplaintPostponement, ComplaintTransition, NewComplaint, Notice, NoticeCode,
    PemdaSettings, PublicComplaintStatus,
};
use kinerja_types::{Invalid, Issue};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::HashSet;

/// How the viewer relates to complaints.
pub struct Access {
    /// Sees and handles every complaint (admin) or reads every one (auditor).
    city: bool,
    /// Units whose complaints the viewer handles (operator or head of the subtree).
    handles: HashSet<i64>,
    /// Employees whose penilai the viewer is.
    subordinates: HashSet<i64>,
}

/// How the viewer relates to complaints: the units it handles and the employees it rates.
pub async fn access(db: &impl ConnectionTrait, viewer: &Viewer) -> ApiResult<Access> {
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
    /// Whether the viewer handles the complaint (its unit's or its disposition unit's staff, or an admin).
    pub fn handles(&self, c: &complaints::Model, viewer: &Viewer) -> bool {
        viewer.may(Capability::HandleComplaints(c.unit_id))
            || c.disposition_unit_id.is_some_and(|u| viewer.may(Capability::HandleComplaints(u)))
    }

    /// Whether the viewer may read the complaint.
    pub fn reads(&self, c: &complaints::Model, viewer: &Viewer) -> bool {
        self.city || self.handles(c, viewer) || c.employee_id.is_some_and(|e| self.subordinates.contains(&e))
    }
}

/// The active accounts that handle the complaints of `unit`: heads and service operators of the
/// unit or of a unit above it (admins handle every complaint but are told only when no one else
/// is there).
pub async fn handler_accounts(db: &impl ConnectionTrait, unit: i64) -> ApiResult<Vec<i64>> {
    let above = crate::services::org_tree::unit_ancestors(db, unit).await?;
    let handlers: Vec<i64> = users::Entity::find()
        .filter(users::Column::Active.eq(true))
        .filter(users::Column::UnitId.is_in(above))
        .all(db)
        .await?
        .into_iter()
        .filter(|u| {
            let roles = crate::policy::parse_roles(&u.roles);
            roles.contains(&Role::KepalaUnit) || roles.contains(&Role::OperatorLayanan)
        })
        .map(|u| u.id)
        .collect();
    if !handlers.is_empty() {
        return Ok(handlers);
    }
    notify::admin_accounts(db).await
}

/// The in-app notice (copied out like every notice) of a complaint for its handlers.
pub fn handler_notice(c: &complaints::Model, code: NoticeCode, due: Option<NaiveDate>) -> Message<'static> {
    let kind = if code == NoticeCode::ComplaintOverdue { "complaint.overdue" } else { "complaint.assigned" };
    let mut notice =
        Notice::new(code).with("code", &c.tracking_code).with("category", c.category.as_str().replace('_', " "));
    if let Some(due) = due {
        notice = notice.with("due", kinerja_types::text::day(due, false));
    }
    Message { kind, notice, link: Some(format!("/pengaduan-masuk/{}", c.id)) }
}

/// The working days of a complaint's follow-up: those of its class, else the general setting.
pub fn follow_up_days(class: Option<ComplaintClass>, s: &PemdaSettings) -> u32 {
    class.map_or(s.complaint_response_days, |c| s.complaint_class_days.of(c))
}

/// When the step a complaint waits for is due, in `status` (its own, or the one asked about), in
/// the working days of its service unit (`days`: the calendars of the units read).
pub fn due_in(
    c: &complaints::Model,
    status: ComplaintStatus,
    s: &PemdaSettings,
    days: &Calendars,
) -> Option<NaiveDate> {
    let clock = Clock { filed: c.filed_on, dispositioned: c.dispositioned_on, postponed_until: c.postponed_until };
    deadline(status, clock, s.complaint_verify_days, follow_up_days(c.class, s), days.of_unit(c.unit_id))
}

/// The working days of one complaint's service unit.
pub async fn unit_days(db: &impl ConnectionTrait, s: &PemdaSettings, c: &complaints::Model) -> ApiResult<Calendars> {
    Calendars::of_units(db, s, calendar::Units::Only(&[c.unit_id])).await
}

/// A complaint as staff see it, with its working-day deadline; the contact only for its handlers.
pub fn to_wire(c: &complaints::Model, show_contact: bool, s: &PemdaSettings, days: &Calendars) -> Complaint {
    let status: ComplaintStatus = c.status;
    let due = due_in(c, status, s, days);
    Complaint {
        id: c.id,
        tracking_code: c.tracking_code.clone(),
        unit_id: c.unit_id,
        category: c.category,
        text: c.text.clone(),
        employee_nip: c.employee_nip.clone(),
        employee_id: c.employee_id,
        officer: c.officer.clone(),
        contact: if show_contact { c.contact.clone() } else { None },
        status,
        public_response: c.public_response.clone(),
        disposition_unit_id: c.disposition_unit_id,
        class: c.class,
        postponed_until: c.postponed_until,
        postpone_reason: c.postpone_reason.clone(),
        referred_to: c.referred_to.clone(),
        filed_on: c.filed_on,
        deadline: due,
        overdue: due.is_some_and(|d| s.today() > d),
        created_at: c.created_at,
    }
}

/// Which complaints of the queue.
#[derive(Debug, Default)]
pub struct QueueFilter {
    pub unit_id: Option<i64>,
    pub status: Option<ComplaintStatus>,
    pub employee_id: Option<i64>,
    /// Only overdue ones.
    pub overdue_only: bool,
}

/// The complaints the viewer may read, overdue first, then by deadline, then newest: one page and the total.
pub async fn queue(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    acc: &Access,
    settings: &PemdaSettings,
    filter: &QueueFilter,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<Complaint>, u64)> {
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
            return Ok((Vec::new(), 0));
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
    // The queue of one unit stays small; sort by urgency in memory, within a hard cap. Urgency (and
    // the overdue filter) come from the deadlines in each service unit's working days, not from SQL.
    let rows = select.limit(5000).all(db).await?;
    let days = Calendars::of_units(db, settings, calendar::Units::All).await?;
    let mut items: Vec<Complaint> = rows
        .iter()
        .filter(|c| acc.reads(c, viewer))
        .map(|c| to_wire(c, acc.handles(c, viewer), settings, &days))
        .filter(|c| !filter.overdue_only || c.overdue)
        .collect();
    items.sort_by(|a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then(a.deadline.is_none().cmp(&b.deadline.is_none()))
            .then(a.deadline.cmp(&b.deadline))
            .then(b.id.cmp(&a.id))
    });
    let total = items.len() as u64;
    let items = items.into_iter().skip(offset as usize).take(limit as usize).collect();
    Ok((items, total))
}

/// A complaint the viewer may read (else 404), with the viewer's access.
pub async fn find_readable(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: i64,
) -> ApiResult<(complaints::Model, Access)> {
    let c = complaints::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let acc = access(db, viewer).await?;
    if !acc.reads(&c, viewer) {
        return Err(ApiError::NotFound);
    }
    Ok((c, acc))
}

/// A complaint the viewer handles: 404 if it may not read it, 403 if it reads but does not handle it.
pub async fn find_handled(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> ApiResult<complaints::Model> {
    let (c, acc) = find_readable(db, viewer, id).await?;
    if !acc.handles(&c, viewer) {
        return Err(ApiError::Forbidden(
            "hanya operator layanan, kepala unit terkait dan admin yang menangani pengaduan".into(),
        ));
    }
    Ok(c)
}

/// Moves a complaint its handler may handle along its workflow (409 if the status cannot follow;
/// 422 without the class, reason, unit, referral or response the step needs), with an event.
/// Audited.
pub async fn transition(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    c: complaints::Model,
    body: &ComplaintTransition,
    settings: &PemdaSettings,
) -> ApiResult<Complaint> {
    let from: ComplaintStatus = c.status;
    if !from.can_go(body.to) {
        return Err(ApiError::Conflict(format!("pengaduan berstatus {from} tidak dapat menjadi {}", body.to)));
    }
    let note = body.note.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
    let mut active = c.into_active_model();
    match body.to {
        ComplaintStatus::Rejected if note.is_none() => {
            return Err(ApiError::field("note", Invalid::RejectionReason));
        }
        ComplaintStatus::Verified => {
            let class = body.class.ok_or_else(|| ApiError::field("class", Invalid::ComplaintClassRequired))?;
            active.class = Set(Some(class));
        }
        ComplaintStatus::Referred => {
            let to = body.referred_to.as_deref().map(str::trim).filter(|r| r.chars().count() >= 3);
            let to = to.ok_or_else(|| ApiError::field("referred_to", Invalid::ReferralRequired))?;
            active.referred_to = Set(Some(to.to_owned()));
        }
        ComplaintStatus::Dispositioned => {
            let unit = body.unit_id.ok_or_else(|| ApiError::field("unit_id", Invalid::DispositionUnit))?;
            units::Entity::find_by_id(unit)
                .one(txn)
                .await?
                .ok_or_else(|| ApiError::field("unit_id", Invalid::UnitAbsent))?;
            active.disposition_unit_id = Set(Some(unit));
            active.dispositioned_on = Set(Some(settings.today()));
        }
        ComplaintStatus::Responded => {
            let response = body.public_response.as_deref().map(str::trim).filter(|r| !r.is_empty());
            let response =
                response.ok_or_else(|| ApiError::field("public_response", Invalid::PublicResponseRequired))?;
            active.public_response = Set(Some(response.to_owned()));
        }
        _ => {}
    }
    if body.to == ComplaintStatus::Rejected {
        active.public_response = Set(note.clone());
    }
    active.status = Set(body.to);
    active.updated_at = Set(Utc::now());
    let saved = active.update(txn).await?;
    let event = complaint_events::ActiveModel {
        complaint_id: Set(saved.id),
        from_status: Set(Some(from)),
        to_status: Set(body.to),
        note: Set(note),
        actor_user_id: Set(Some(viewer.user_id)),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let news = citizen_messages::complaint_details(&saved);
    let status = saved.status.public_label();
    let thread = citizen_messages::Thread::complaint(&saved);
    citizen_messages::status_changed(txn, &thread, &event.id.to_string(), status, &news).await?;
    if let (ComplaintStatus::Dispositioned, Some(unit)) = (body.to, saved.disposition_unit_id) {
        let handlers = handler_accounts(txn, unit).await?.into_iter().filter(|u| *u != viewer.user_id).collect();
        notify::accounts(txn, handlers, &handler_notice(&saved, NoticeCode::ComplaintAssigned, None)).await?;
    }
    audit::record(
        txn,
        &viewer.actor(),
        Change::new("complaint.transition", "complaint", saved.id).before(&from.as_str()).after(&body.to.as_str()),
    )
    .await?;
    Ok(to_wire(&saved, true, settings, &unit_days(txn, settings, &saved).await?))
}

/// Postpones the follow-up of a dispositioned complaint (tunda) to a later date with a reason,
/// both shown to the citizen, once and before its deadline has passed (409 otherwise, or in
/// another status; 422 for a date not after today or more than a year ahead, or a reason shorter
/// than 10 characters), with an event. Audited.
pub async fn postpone(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    c: complaints::Model,
    body: &ComplaintPostponement,
    settings: &PemdaSettings,
) -> ApiResult<Complaint> {
    let status: ComplaintStatus = c.status;
    if status != ComplaintStatus::Dispositioned {
        return Err(ApiError::Conflict(format!(
            "hanya pengaduan yang sedang ditindaklanjuti (didisposisikan) yang dapat ditunda, bukan yang berstatus {status}"
        )));
    }
    if c.postponed_until.is_some() {
        return Err(ApiError::Conflict("tindak lanjut pengaduan ini sudah pernah ditunda".into()));
    }
    let today = settings.today();
    let days = unit_days(txn, settings, &c).await?;
    if due_in(&c, status, settings, &days).is_some_and(|due| today > due) {
        return Err(ApiError::Conflict(
            "batas waktu tindak lanjut sudah lewat; penundaan diajukan sebelum batas waktu".into(),
        ));
    }
    if body.until <= today || body.until > today + Duration::days(365) {
        return Err(ApiError::field("until", Invalid::PostponeDate));
    }
    let reason = body.reason.trim().to_owned();
    if reason.chars().count() < 10 {
        return Err(ApiError::field("reason", Issue::new(Invalid::Length).with("min", 10).with("max", 1000)));
    }
    let before = to_wire(&c, true, settings, &days);
    let mut active = c.into_active_model();
    active.postponed_until = Set(Some(body.until));
    active.postpone_reason = Set(Some(reason.clone()));
    active.updated_at = Set(Utc::now());
    let saved = active.update(txn).await?;
    let event = complaint_events::ActiveModel {
        complaint_id: Set(saved.id),
        from_status: Set(Some(status)),
        to_status: Set(status),
        note: Set(Some(format!("Ditunda sampai {}: {reason}", body.until))),
        actor_user_id: Set(Some(viewer.user_id)),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let news = citizen_messages::complaint_details(&saved);
    let status = saved.status.public_label();
    let thread = citizen_messages::Thread::complaint(&saved);
    citizen_messages::status_changed(txn, &thread, &event.id.to_string(), status, &news).await?;
    let out = to_wire(&saved, true, settings, &days);
    audit::record(
        txn,
        &viewer.actor(),
        Change::new("complaint.postpone", "complaint", saved.id).before(&before).after(&out),
    )
    .await?;
    Ok(out)
}

/// Every step of a complaint, oldest first: one page and the total.
pub async fn history(
    db: &impl ConnectionTrait,
    complaint_id: i64,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<ComplaintEvent>, u64)> {
    let select = complaint_events::Entity::find()
        .filter(complaint_events::Column::ComplaintId.eq(complaint_id))
        .order_by_asc(complaint_events::Column::Id);
    let (rows, total) = super::paging::fetch(db, select, offset, limit).await?;
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
    Ok((items, total))
}

/// The NIP a complaint names, trimmed (none if blank); 422 unless it is 18 digits.
pub fn named_nip(body: &NewComplaint) -> ApiResult<Option<String>> {
    let nip = body.employee_nip.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
    if let Some(n) = &nip {
        if n.len() != 18 || !n.chars().all(|c| c.is_ascii_digit()) {
            return Err(ApiError::field("employee_nip", Invalid::NipDigits));
        }
    }
    Ok(nip)
}

/// Files a checked complaint about a service unit on `today`, with its first event, and answers its
/// tracking code; 409 if the same client sent the same text about the unit within a day. Audited
/// without the text and the contact.
pub async fn file(
    txn: &DatabaseTransaction,
    client: &str,
    unit_id: i64,
    nip: Option<String>,
    body: &NewComplaint,
    today: NaiveDate,
) -> ApiResult<String> {
    let text = body.text.trim().to_owned();
    let normalized: String = text.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    let print = fingerprint(&[client, &unit_id.to_string(), &normalized]);
    if let Some(same) = complaints::Entity::find()
        .filter(complaints::Column::Fingerprint.eq(print.clone()))
        .filter(complaints::Column::CreatedAt.gt(Utc::now() - Duration::hours(24)))
        .one(txn)
        .await?
    {
        return Err(ApiError::Conflict(format!(
            "pengaduan yang sama sudah diterima dengan kode {}",
            same.tracking_code
        )));
    }
    // An officer picked from the unit's list, else one named by NIP (an API client's way).
    let (nip, employee_id) = match (body.employee_id, nip) {
        (Some(id), _) => {
            let officer = service_units::officer(txn, unit_id, id).await?;
            (Some(officer.nip), Some(officer.id))
        }
        (None, Some(n)) => {
            let id =
                employees::Entity::find().filter(employees::Column::Nip.eq(n.clone())).one(txn).await?.map(|e| e.id);
            (Some(n), id)
        }
        (None, None) => (None, None),
    };
    let now = Utc::now();
    let code = tracking_code("ADU");
    let contact = body.contact.as_deref().map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned);
    let row = complaints::ActiveModel {
        notify_token: Set(citizen_messages::token_for(contact.as_deref())),
        notify_stopped_at: Set(None),
        tracking_code: Set(code.clone()),
        unit_id: Set(unit_id),
        category: Set(body.category),
        text: Set(text),
        employee_nip: Set(nip),
        employee_id: Set(employee_id),
        officer: Set(body.officer.as_deref().map(str::trim).filter(|o| !o.is_empty()).map(str::to_owned)),
        contact: Set(contact),
        status: Set(ComplaintStatus::Received),
        public_response: Set(None),
        disposition_unit_id: Set(None),
        filed_on: Set(today),
        dispositioned_on: Set(None),
        class: Set(None),
        postponed_until: Set(None),
        postpone_reason: Set(None),
        referred_to: Set(None),
        fingerprint: Set(print),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
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
    .insert(txn)
    .await?;
    // The audit entry leaves out the text and the contact: the complaint itself holds them.
    let summary =
        serde_json::json!({ "unit_id": row.unit_id, "category": row.category, "employee_id": row.employee_id });
    audit::record(txn, &Actor::public(), Change::new("complaint.file", "complaint", row.id).after(&summary)).await?;
    citizen_messages::filed(txn, &citizen_messages::Thread::complaint(&row)).await?;
    Ok(code)
}

/// The status, class, deadline, postponement, referral and public response of the complaint with
/// this tracking code (any case), else 404.
pub async fn track(
    db: &impl ConnectionTrait,
    code: &str,
    settings: &PemdaSettings,
) -> ApiResult<PublicComplaintStatus> {
    // As the citizen typed it: without the prefix, with spaces, in small letters.
    let code = kinerja_domain::tracking_code::typed(code, kinerja_domain::tracking_code::COMPLAINT);
    let c = complaints::Entity::find()
        .filter(complaints::Column::TrackingCode.eq(code))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let status: ComplaintStatus = c.status;
    let due = due_in(&c, status, settings, &unit_days(db, settings, &c).await?);
    Ok(PublicComplaintStatus {
        tracking_code: c.tracking_code,
        status,
        status_label: status.public_label().to_owned(),
        class_label: c.class.map(|k| k.public_label().to_owned()),
        deadline: due,
        postponed_until: c.postponed_until,
        postpone_reason: c.postpone_reason,
        referred_to: c.referred_to,
        public_response: c.public_response,
        filed_on: c.filed_on,
        updated_at: c.updated_at,
    })
}
