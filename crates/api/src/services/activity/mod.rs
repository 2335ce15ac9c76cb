//! Daily activities: checking an entry against the Pemda's rules and the employee's SKP, the wire
//! shape of a list of activities, and who may act on one. Logging and correcting are in `entry`,
//! verification in `verify`, the co-workers' view in `team`.

pub mod entry;
pub mod import;
pub mod team;
pub mod verify;

use crate::entities::{activities, activity_evidence, evidence, rhk, skps};
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::skp as svc;
use chrono::{Datelike, NaiveDate};
use kinerja_domain::activity::minutes_between;
use kinerja_domain::{ActivityAction, ActivityStatus, SkpStatus};
use kinerja_types::{Activity, FieldError, Invalid, Issue, NewActivity};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// Loads an activity whose owner the viewer may see, else 404.
pub async fn find_visible(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> ApiResult<activities::Model> {
    let a = activities::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let scope = viewer.scope();
    crate::services::people::find_visible(db, scope, a.employee_id).await?;
    Ok(a)
}

/// 403 unless the viewer owns the activity.
pub fn require_owner(viewer: &Viewer, a: &activities::Model) -> ApiResult<()> {
    if viewer.employee_id == Some(a.employee_id) {
        Ok(())
    } else {
        Err(ApiError::Forbidden("hanya pemilik aktivitas yang dapat melakukan ini".into()))
    }
}

/// 403 unless the viewer is the penilai the activity was submitted to.
pub fn require_penilai(viewer: &Viewer, a: &activities::Model) -> ApiResult<()> {
    if viewer.employee_id.is_some() && a.penilai_id == viewer.employee_id {
        Ok(())
    } else {
        Err(ApiError::Forbidden("hanya pejabat penilai pegawai ini yang dapat memverifikasi".into()))
    }
}

/// The status the action leads to from the activity's status, else 409.
pub fn next(a: &activities::Model, action: ActivityAction) -> ApiResult<ActivityStatus> {
    a.status.apply(action).map_err(ApiError::Conflict)
}

/// Makes the entries of one employee take turns until the transaction ends, so that the day's cap
/// is checked against what is really stored: two entries sent at once cannot both pass it. On
/// PostgreSQL a row lock on the employee; SQLite's write transactions already take turns
/// (`BEGIN IMMEDIATE`, see `db::begin`).
async fn serialize_entries(db: &impl ConnectionTrait, employee_id: i64) -> ApiResult<()> {
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        crate::entities::employees::Entity::find_by_id(employee_id).lock_exclusive().one(db).await?;
    }
    Ok(())
}

/// An entry that passed every rule.
pub struct Checked {
    pub date: NaiveDate,
    pub minutes: u32,
    pub start: Option<String>,
    pub end: Option<String>,
    pub skp: skps::Model,
    pub rhk: rhk::Model,
}

/// Checks an entry of `employee_id`; `replacing` is the activity being edited, with its date (its
/// minutes do not count against the day's cap, and correcting it on its own date is allowed however
/// old it is, so that a late rejection can still be fixed). Every problem is reported by field.
pub async fn check(
    db: &impl ConnectionTrait,
    employee_id: i64,
    body: &NewActivity,
    replacing: Option<(i64, NaiveDate)>,
) -> ApiResult<Checked> {
    serialize_entries(db, employee_id).await?;
    let settings = crate::pemda_settings::load(db).await?;
    let rules = crate::services::calendar::log_rules(&settings);
    let mut errors = Vec::new();
    let today = settings.today();
    let calendar = crate::services::calendar::of_employee(db, &settings, employee_id, body.date, body.date).await?;
    let limit = rules.limit(body.date, today, &calendar);
    let same_day_fix = replacing.is_some_and(|(_, d)| d == body.date && d <= today);
    if !same_day_fix {
        if let Err(m) = limit.check_date(body.date, today) {
            errors.push(FieldError::new("date", &m));
        }
    }
    let (minutes, start, end) = match (body.minutes, body.start.as_deref(), body.end.as_deref()) {
        (_, Some(s), Some(e)) => match minutes_between(s, e) {
            Ok(m) => (m, Some(s.trim().to_owned()), Some(e.trim().to_owned())),
            Err(m) => {
                errors.push(FieldError::new("end", &m));
                (0, None, None)
            }
        },
        (Some(m), _, _) => (m, None, None),
        _ => {
            errors.push(FieldError::new("minutes", Invalid::DurationRequired));
            (0, None, None)
        }
    };
    if minutes > 0 {
        let mut q = activities::Entity::find()
            .select_only()
            .column_as(activities::Column::Minutes.sum(), "total")
            .filter(activities::Column::EmployeeId.eq(employee_id))
            .filter(activities::Column::Date.eq(body.date))
            .filter(activities::Column::Status.ne(ActivityStatus::Rejected.as_str()));
        if let Some((id, _)) = replacing {
            q = q.filter(activities::Column::Id.ne(id));
        }
        let logged: Option<i64> = q.into_tuple::<Option<i64>>().one(db).await?.flatten();
        if let Err(m) = limit.check_minutes(minutes, logged.unwrap_or(0).max(0) as u32, body.date) {
            errors.push(FieldError::new("minutes", &m));
        }
    } else if errors.iter().all(|e| e.field != "minutes" && e.field != "end") {
        errors.push(FieldError::new("minutes", Invalid::MinutesPositive));
    }
    if let Some(q) = body.output_qty {
        if !q.is_finite() || q < 0.0 {
            errors.push(FieldError::new("output_qty", Invalid::OutputQty));
        }
    }
    // The RHK must be of the employee's SKP in force for that year, approved.
    let found = rhk::Entity::find_by_id(body.rhk_id).one(db).await?;
    let plan = match &found {
        Some(r) => skps::Entity::find_by_id(r.skp_id).one(db).await?,
        None => None,
    };
    let valid_plan = plan.filter(|s| {
        s.employee_id == employee_id
            && s.year == body.date.year()
            && !s.superseded
            && svc::status(s) == SkpStatus::Approved
    });
    if valid_plan.is_none() {
        errors.push(FieldError::new("rhk_id", Issue::new(Invalid::RhkOfApprovedSkp).with("year", body.date.year())));
    }
    if !body.evidence_ids.is_empty() {
        let owned = evidence::Entity::find()
            .filter(evidence::Column::Id.is_in(body.evidence_ids.clone()))
            .filter(evidence::Column::EmployeeId.eq(employee_id))
            .all(db)
            .await?;
        for id in &body.evidence_ids {
            if !owned.iter().any(|e| e.id == *id) {
                errors.push(FieldError::new("evidence_ids", Issue::new(Invalid::EvidenceIdNotYours).with("id", id)));
            }
        }
    }
    match (errors.is_empty(), valid_plan, found) {
        (true, Some(skp), Some(rhk)) => Ok(Checked { date: body.date, minutes, start, end, skp, rhk }),
        _ => Err(ApiError::fields(errors)),
    }
}

/// Activities on the wire, with names, RHK texts and evidence ids.
pub async fn wire(
    db: &impl ConnectionTrait,
    rows: &[activities::Model],
    with_evidence: bool,
) -> ApiResult<Vec<Activity>> {
    let names = svc::names(db, rows.iter().map(|a| a.employee_id)).await?;
    let rhk_ids: Vec<i64> = rows.iter().map(|a| a.rhk_id).collect();
    let texts: HashMap<i64, String> = if rhk_ids.is_empty() {
        HashMap::new()
    } else {
        rhk::Entity::find()
            .filter(rhk::Column::Id.is_in(rhk_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.id, r.text))
            .collect()
    };
    let mut links: HashMap<i64, Vec<i64>> = HashMap::new();
    if with_evidence && !rows.is_empty() {
        for l in activity_evidence::Entity::find()
            .filter(activity_evidence::Column::ActivityId.is_in(rows.iter().map(|a| a.id).collect::<Vec<_>>()))
            .all(db)
            .await?
        {
            links.entry(l.activity_id).or_default().push(l.evidence_id);
        }
    }
    Ok(rows
        .iter()
        .map(|a| Activity {
            id: a.id,
            employee_id: a.employee_id,
            employee_name: names.get(&a.employee_id).cloned().unwrap_or_default(),
            date: a.date,
            minutes: a.minutes.max(0) as u32,
            start: a.start_time.clone(),
            end: a.end_time.clone(),
            description: a.description.clone(),
            rhk_id: a.rhk_id,
            rhk_text: texts.get(&a.rhk_id).cloned().unwrap_or_default(),
            output_qty: a.output_qty,
            status: a.status,
            reject_note: a.reject_note.clone(),
            evidence_ids: links.remove(&a.id).unwrap_or_default(),
            created_at: a.created_at,
        })
        .collect())
}
