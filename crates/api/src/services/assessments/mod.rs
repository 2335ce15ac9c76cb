//! Assessments (penilaian): their wire form, the period check, loading one the viewer may see, the
//! list, and creating and changing a draft; the rating flow is in `flow`, the organisation predikat
//! and the report in `calibration`, the penilai's evidence view in `evidence`.

pub mod calibration;
pub mod evidence;
pub mod flow;

use crate::audit::{self, Actor, Change};
use crate::entities::{assessments, employees};
use crate::error::{ApiError, ApiResult, ConflictExt};
use crate::policy::{Capability, Viewer};
use crate::services::calendar::{Calendars, Units as CalendarUnits};
use chrono::{Duration, Utc};
use kinerja_domain::rating::{head_result_from, predikat};
use kinerja_domain::{AssessmentStatus, CoreValue, Decider, Period};
use kinerja_types::Invalid;
use kinerja_types::{Assessment, DeciderKind, NewAssessment, OverdueObjection, PemdaSettings, ProposedResult};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};
use std::collections::BTreeMap;

/// The status of a stored assessment.
pub fn status(a: &assessments::Model) -> AssessmentStatus {
    a.status
}

/// The ratings that count in figures (dashboards, distributions): finalized ones, never a draft.
pub fn counted() -> sea_orm::Condition {
    sea_orm::Condition::all().add(assessments::Column::Status.ne(AssessmentStatus::Draft.as_str()))
}

/// A moment as a date of the Pemda's calendar.
fn local_date(at: chrono::DateTime<Utc>, settings: &PemdaSettings) -> chrono::NaiveDate {
    (at + Duration::minutes(i64::from(settings.utc_offset_minutes))).date_naive()
}

/// The last day to object to a rating finalized at `finalized`: `objection_days` after it, moved to
/// the next working day of the rated unit (`unit_days`) when the unit is closed on it.
pub fn objection_deadline(
    finalized: chrono::DateTime<Utc>,
    settings: &PemdaSettings,
    unit_days: &kinerja_domain::calendar::Calendar,
) -> chrono::NaiveDate {
    let days = local_date(finalized, settings) + Duration::days(i64::from(settings.objection_days));
    unit_days.working_day_from(days)
}

/// The working days of the units the assessments `rows` were made in, where their objection
/// deadlines land.
pub async fn unit_days<'a>(
    db: &impl ConnectionTrait,
    settings: &PemdaSettings,
    rows: impl IntoIterator<Item = &'a assessments::Model>,
) -> ApiResult<Calendars> {
    let mut units: Vec<i64> = rows.into_iter().map(|a| a.unit_id).collect();
    units.sort_unstable();
    units.dedup();
    // A few units are resolved one chain each; many (a reminder over every open rating) at once.
    let which = if units.len() > 20 { CalendarUnits::All } else { CalendarUnits::Only(&units) };
    Calendars::of_units(db, settings, which).await
}

/// An assessment on the wire; `days` holds its unit's working days (see [`unit_days`]).
pub fn to_wire(a: &assessments::Model, name: &str, settings: &PemdaSettings, days: &Calendars) -> Assessment {
    let objected_on = a.objected_at.map(|at| local_date(at, settings));
    let after_objection = |days: u32| objected_on.map(|d| d + Duration::days(i64::from(days)));
    let decision_deadline = after_objection(settings.objection_decision_days);
    let overdue = a.status == AssessmentStatus::Objected && decision_deadline.is_some_and(|d| settings.today() > d);
    Assessment {
        id: a.id,
        employee_id: a.employee_id,
        employee_name: name.to_owned(),
        penilai_id: a.penilai_id,
        atasan_penilai_id: a.atasan_penilai_id,
        unit_id: a.unit_id,
        period: a.period.clone(),
        result_rating: a.result_rating,
        behavior_rating: a.behavior_rating,
        behavior_notes: crate::stored::json("assessments.behavior_notes", &a.behavior_notes),
        note: a.note.clone(),
        result_departure_reason: a.result_departure_reason.clone(),
        predikat: a.predikat,
        status: status(a),
        finalized_at: a.finalized_at,
        objection_deadline: a.finalized_at.map(|f| objection_deadline(f, settings, days.of_unit(a.unit_id))),
        objection_reason: a.objection_reason.clone(),
        objected_at: a.objected_at,
        penilai_response: a.penilai_response.clone(),
        responded_at: a.responded_at,
        response_deadline: after_objection(settings.objection_response_days),
        decision_deadline,
        decision_overdue: overdue,
        // Once decided, who did; before, who may.
        decider: match (a.decided_by_ppk, Decider::of(a.atasan_penilai_id, overdue)) {
            (Some(true), _) => DeciderKind::Ppk,
            (Some(false), _) | (None, Decider::Atasan(_)) => DeciderKind::Atasan,
            (None, Decider::Ppk) => DeciderKind::Ppk,
            (None, Decider::AtasanOrPpk(_)) => DeciderKind::AtasanOrPpk,
        },
        decision_outcome: a.decision_outcome.clone(),
        decision_reason: a.decision_reason.clone(),
        created_at: a.created_at,
    }
}

/// Checks a period against the Pemda's frequency: the annual one, or a semester, quarter or month as
/// configured.
pub fn check_period(raw: &str, settings: &PemdaSettings) -> ApiResult<Period> {
    use kinerja_types::AssessmentFrequency::*;
    let p: Period = raw.parse().map_err(ApiError::from)?;
    match (p, settings.assessment_frequency) {
        (Period::Year(_), _)
        | (Period::Semester(..), Semester)
        | (Period::Quarter(..), Quarterly)
        | (Period::Month(..), Monthly) => Ok(p),
        (_, Semester) => Err(ApiError::field("period", Invalid::PeriodSemester)),
        (_, Quarterly) => Err(ApiError::field("period", Invalid::PeriodQuarterly)),
        (_, Monthly) => Err(ApiError::field("period", Invalid::PeriodMonthly)),
    }
}

/// Loads an assessment whose employee the viewer may see, else 404.
pub async fn find_visible(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: i64,
) -> ApiResult<(assessments::Model, employees::Model)> {
    let a = assessments::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let scope = viewer.scope();
    let e = crate::services::people::find_visible(db, scope, a.employee_id).await?;
    Ok((a, e))
}

/// What the assessment list asks for.
#[derive(Debug, Default)]
pub struct ListQuery<'a> {
    pub employee_id: Option<i64>,
    pub penilai_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub period: Option<&'a str>,
    pub status: Option<AssessmentStatus>,
    /// Only objections waiting for the viewer's decision (as atasan penilai, or as the BKPSDM for
    /// the PPK where the penilai has no atasan).
    pub to_decide: bool,
}

/// The objections the viewer decides (before the scope filter): as atasan penilai; for the BKPSDM
/// also those without an atasan and those past the decision deadline. The list "to decide" and the
/// count on the bell both ask this.
pub fn to_decide(viewer: &Viewer, settings: &PemdaSettings) -> sea_orm::Condition {
    let mine = assessments::Column::AtasanPenilaiId.eq(viewer.employee_id.unwrap_or(-1));
    let deciders = if viewer.may(Capability::DecideObjection { atasan_penilai_id: None, overdue: false }) {
        // Objected before this instant: past the decision deadline today.
        let last_day = settings.today() - Duration::days(i64::from(settings.objection_decision_days));
        let cutoff = last_day.and_time(chrono::NaiveTime::MIN).and_utc()
            - Duration::minutes(i64::from(settings.utc_offset_minutes));
        sea_orm::Condition::any()
            .add(mine)
            .add(assessments::Column::AtasanPenilaiId.is_null())
            .add(assessments::Column::ObjectedAt.lt(cutoff))
    } else {
        sea_orm::Condition::all().add(mine)
    };
    sea_orm::Condition::all().add(deciders).add(assessments::Column::Status.eq(AssessmentStatus::Objected.as_str()))
}

/// One assessment the viewer may see, on the wire.
pub async fn one(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: i64,
    settings: &PemdaSettings,
) -> ApiResult<Assessment> {
    let (a, e) = find_visible(db, viewer, id).await?;
    Ok(to_wire(&a, &e.name, settings, &unit_days(db, settings, [&a]).await?))
}

/// The assessments the viewer may see that match, newest first: one page and the total.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    q: &ListQuery<'_>,
    settings: &PemdaSettings,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<Assessment>, u64)> {
    let scope = viewer.scope();
    let mut select = assessments::Entity::find().order_by_desc(assessments::Column::Id);
    if q.to_decide {
        select = select.filter(to_decide(viewer, settings));
    }
    if let Some(cond) = scope.employee_column_filter(assessments::Column::EmployeeId) {
        select = select.filter(cond);
    }
    if let Some(e) = q.employee_id {
        select = select.filter(assessments::Column::EmployeeId.eq(e));
    }
    if let Some(p) = q.penilai_id {
        select = select.filter(assessments::Column::PenilaiId.eq(p));
    }
    if let Some(u) = q.unit_id {
        select = select.filter(assessments::Column::UnitId.eq(u));
    }
    if let Some(p) = q.period {
        select = select.filter(assessments::Column::Period.eq(p));
    }
    if let Some(s) = q.status {
        select = select.filter(assessments::Column::Status.eq(s.as_str()));
    }
    let (rows, total) = super::paging::fetch(db, select, offset, limit).await?;
    let names = crate::services::skp::names(db, rows.iter().map(|a| a.employee_id)).await?;
    let days = unit_days(db, settings, &rows).await?;
    let items = rows
        .iter()
        .map(|a| to_wire(a, names.get(&a.employee_id).map(String::as_str).unwrap_or(""), settings, &days))
        .collect();
    Ok((items, total))
}

/// For the head of a unit (the employee whose supervisor is outside the unit, or who has none)
/// whose unit has an organisation predikat in the period: that predikat and the result rating it
/// proposes (SE MenPANRB 3/2023).
pub async fn proposed_result(
    db: &impl ConnectionTrait,
    employee: &employees::Model,
    period: &Period,
) -> ApiResult<Option<ProposedResult>> {
    let supervisor_unit = match employee.supervisor_id {
        Some(s) => employees::Entity::find_by_id(s).one(db).await?.map(|s| s.unit_id),
        None => None,
    };
    if supervisor_unit == Some(employee.unit_id) {
        return Ok(None);
    }
    let Some(org) = crate::entities::org_predikats::Entity::find()
        .filter(crate::entities::org_predikats::Column::UnitId.eq(employee.unit_id))
        .filter(crate::entities::org_predikats::Column::Period.eq(period.to_string()))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let unit_name =
        crate::entities::units::Entity::find_by_id(employee.unit_id).one(db).await?.map(|u| u.name).unwrap_or_default();
    Ok(Some(ProposedResult {
        unit_id: employee.unit_id,
        unit_name,
        org_predikat: org.predikat,
        result_rating: head_result_from(org.predikat),
    }))
}

/// The reason to keep with a rating: none when it follows the proposal (or there is none); a
/// departure without a reason of at least 10 characters is 422.
fn departure_reason(proposed: Option<&ProposedResult>, body: &NewAssessment) -> ApiResult<Option<String>> {
    let Some(p) = proposed.filter(|p| p.result_rating != body.result_rating) else { return Ok(None) };
    let reason = body.result_departure_reason.as_deref().map(str::trim).unwrap_or("");
    if reason.chars().count() < 10 {
        let words = format!("{} ({})", p.result_rating.as_str(), p.org_predikat.as_str());
        return Err(ApiError::field(
            "result_departure_reason",
            kinerja_types::Issue::new(Invalid::DepartureReason).with("proposed", words),
        ));
    }
    Ok(Some(reason.to_owned()))
}

fn notes_json(notes: &BTreeMap<CoreValue, String>) -> ApiResult<String> {
    if notes.values().any(|n| n.chars().count() > 2000) {
        return Err(ApiError::field("behavior_notes", Invalid::BehaviorNoteMax));
    }
    serde_json::to_string(notes).map_err(|e| ApiError::Internal(e.into()))
}

/// Stores a draft assessment of `employee` for `period` by the penilai `penilai_id` (already
/// allowed); the predikat follows from the ratings. 409 when the employee already has one for the
/// period. Audited.
pub async fn create(
    txn: &DatabaseTransaction,
    actor: &Actor,
    penilai_id: i64,
    employee: &employees::Model,
    period: Period,
    body: &NewAssessment,
    settings: &PemdaSettings,
) -> ApiResult<Assessment> {
    let atasan = employees::Entity::find_by_id(penilai_id).one(txn).await?.and_then(|p| p.supervisor_id);
    // An atasan who cannot sign in could never decide: the BKPSDM decides for the PPK instead.
    let atasan = match atasan {
        Some(id) => crate::entities::users::Entity::find()
            .filter(crate::entities::users::Column::EmployeeId.eq(id))
            .filter(crate::entities::users::Column::Active.eq(true))
            .one(txn)
            .await?
            .map(|_| id),
        None => None,
    };
    let proposed = proposed_result(txn, employee, &period).await?;
    let departure = departure_reason(proposed.as_ref(), body)?;
    let now = Utc::now();
    let row = assessments::ActiveModel {
        employee_id: Set(employee.id),
        penilai_id: Set(penilai_id),
        atasan_penilai_id: Set(atasan),
        unit_id: Set(employee.unit_id),
        period: Set(period.to_string()),
        result_rating: Set(body.result_rating),
        behavior_rating: Set(body.behavior_rating),
        behavior_notes: Set(notes_json(&body.behavior_notes)?),
        note: Set(body.note.clone()),
        result_departure_reason: Set(departure),
        predikat: Set(predikat(body.result_rating, body.behavior_rating)),
        status: Set(AssessmentStatus::Draft),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await
    .on_conflict("pegawai ini sudah dinilai untuk periode tersebut")?;
    let out = to_wire(&row, &employee.name, settings, &unit_days(txn, settings, [&row]).await?);
    audit::record(txn, actor, Change::new("assessment.create", "assessment", row.id).after(&out)).await?;
    Ok(out)
}

/// Changes the ratings and notes of a draft (its editor already allowed, its status checked) and
/// recomputes the predikat. Audited.
pub async fn update(
    txn: &DatabaseTransaction,
    actor: &Actor,
    a: assessments::Model,
    employee_name: &str,
    body: &NewAssessment,
    settings: &PemdaSettings,
) -> ApiResult<Assessment> {
    if let Some(agreed) = crate::services::evaluation::calibration::agreed(txn, a.id).await? {
        if agreed != (body.result_rating, body.behavior_rating) {
            return Err(ApiError::Conflict(
                "rating ini disepakati dalam sesi kalibrasi; perubahannya dicatat pada sesi kalibrasi".into(),
            ));
        }
    }
    let days = unit_days(txn, settings, [&a]).await?;
    let before = to_wire(&a, employee_name, settings, &days);
    let employee = employees::Entity::find_by_id(a.employee_id).one(txn).await?.ok_or(ApiError::NotFound)?;
    let period: Period = a.period.parse().map_err(ApiError::from)?;
    let proposed = proposed_result(txn, &employee, &period).await?;
    let departure = departure_reason(proposed.as_ref(), body)?;
    let mut active = a.into_active_model();
    active.result_departure_reason = Set(departure);
    active.result_rating = Set(body.result_rating);
    active.behavior_rating = Set(body.behavior_rating);
    active.behavior_notes = Set(notes_json(&body.behavior_notes)?);
    active.note = Set(body.note.clone());
    active.predikat = Set(predikat(body.result_rating, body.behavior_rating));
    active.updated_at = Set(Utc::now());
    let row = active.update(txn).await?;
    let out = to_wire(&row, employee_name, settings, &days);
    audit::record(txn, actor, Change::new("assessment.update", "assessment", row.id).before(&before).after(&out))
        .await?;
    Ok(out)
}

/// How many objections of the subtree's people wait for a decision, how many are past their
/// decision deadline, and the overdue ones (the oldest deadline first, at most `listed`).
pub async fn objection_figures(
    db: &impl ConnectionTrait,
    scope: &crate::policy::Units,
    settings: &PemdaSettings,
    listed: usize,
) -> ApiResult<(u64, u64, Vec<OverdueObjection>)> {
    let waiting = assessments::Entity::find()
        .filter(crate::policy::within(assessments::Column::UnitId, scope))
        .filter(assessments::Column::Status.eq(AssessmentStatus::Objected.as_str()))
        .order_by_asc(assessments::Column::ObjectedAt)
        .all(db)
        .await?;
    let days = unit_days(db, settings, &waiting).await?;
    let wire: Vec<Assessment> = waiting.iter().map(|a| to_wire(a, "", settings, &days)).collect();
    let overdue: Vec<&Assessment> = wire.iter().filter(|a| a.decision_overdue).collect();
    let shown: Vec<&Assessment> = overdue.iter().take(listed).copied().collect();
    let names = crate::services::skp::names(db, shown.iter().map(|a| a.employee_id)).await?;
    let unit_ids: Vec<i64> = shown.iter().map(|a| a.unit_id).collect();
    let units = crate::services::oversight::unit_names(db, &unit_ids).await?;
    let items = shown
        .iter()
        .map(|a| OverdueObjection {
            assessment_id: a.id,
            employee_name: names.get(&a.employee_id).cloned().unwrap_or_default(),
            unit_name: units.get(&a.unit_id).cloned().unwrap_or_default(),
            period: a.period.clone(),
            decider: a.decider,
            decision_deadline: a.decision_deadline.unwrap_or_default(),
            responded: a.penilai_response.is_some(),
        })
        .collect();
    Ok((wire.len() as u64, overdue.len() as u64, items))
}
