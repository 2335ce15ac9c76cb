//! Leave and absences recorded by the BKPSDM (cuti of each type, dinas luar, sick leave, izin) with
//! the letter that grants them: their days are excused everywhere the calendar counts (see
//! [`crate::services::calendar`]). Annulled rather than deleted; read by whoever may see the
//! employee.

use crate::audit::{self, Actor, Change};
use crate::entities::{employees, leave};
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::employee_records::{self, SpanColumns, SpanQuery};
use chrono::Utc;
use kinerja_types::{Invalid, Issue, Leave, NewLeave};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, Set};

/// The longest leave recorded at once (a CLTN runs up to three years).
const MAX_DAYS: i64 = 3 * 366;

fn to_wire(l: &leave::Model, e: Option<&employees::Model>) -> Leave {
    Leave {
        id: l.id,
        employee_id: l.employee_id,
        employee_name: e.map(|e| e.name.clone()).unwrap_or_default(),
        nip: e.map(|e| e.nip.clone()).unwrap_or_default(),
        kind: l.kind,
        starts_on: l.starts_on,
        ends_on: l.ends_on,
        reference: l.reference.clone(),
        created_at: l.created_at,
        annulled_at: l.annulled_at,
    }
}

/// The leave of employees the viewer may see that matches; latest start first: one page and the
/// total.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    q: &SpanQuery,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<Leave>, u64)> {
    let cols = SpanColumns {
        id: leave::Column::Id,
        employee: leave::Column::EmployeeId,
        starts: leave::Column::StartsOn,
        ends: leave::Column::EndsOn,
    };
    let select = employee_records::select::<leave::Entity>(viewer, q, cols);
    let (rows, total) = super::paging::fetch(db, select, offset, limit).await?;
    let people = employee_records::people(db, rows.iter().map(|l| l.employee_id)).await?;
    Ok((rows.iter().map(|l| to_wire(l, people.get(&l.employee_id))).collect(), total))
}

/// Records a leave (the caller checked the capability). Audited.
pub async fn create(txn: &DatabaseTransaction, actor: &Actor, user_id: i64, body: &NewLeave) -> ApiResult<Leave> {
    if body.ends_on < body.starts_on {
        return Err(ApiError::field("ends_on", Invalid::EndBeforeStart));
    }
    if (body.ends_on - body.starts_on).num_days() >= MAX_DAYS {
        return Err(ApiError::field("ends_on", Invalid::LeaveSpan));
    }
    let employee = employees::Entity::find_by_id(body.employee_id)
        .one(txn)
        .await?
        .ok_or_else(|| ApiError::field("employee_id", Issue::new(Invalid::IdMissing).with("id", body.employee_id)))?;
    let row = leave::ActiveModel {
        employee_id: Set(employee.id),
        kind: Set(body.kind),
        starts_on: Set(body.starts_on),
        ends_on: Set(body.ends_on),
        reference: Set(body.reference.as_deref().map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned)),
        recorded_by_user_id: Set(user_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let wire = to_wire(&row, Some(&employee));
    audit::record(txn, actor, Change::new("leave.create", "leave", row.id).after(&wire)).await?;
    Ok(wire)
}

/// Annuls a leave (recorded in error, or cut short; the caller checked the capability): it stays
/// on record and excuses nothing from then on. Annulling again changes nothing. Audited.
pub async fn annul(txn: &DatabaseTransaction, actor: &Actor, id: i64) -> ApiResult<()> {
    let row = leave::Entity::find_by_id(id).one(txn).await?.ok_or(ApiError::NotFound)?;
    if row.annulled_at.is_some() {
        return Ok(());
    }
    let employee = employees::Entity::find_by_id(row.employee_id).one(txn).await?;
    let before = to_wire(&row, employee.as_ref());
    let mut active = row.into_active_model();
    active.annulled_at = Set(Some(Utc::now()));
    let row = active.update(txn).await?;
    let after = to_wire(&row, employee.as_ref());
    audit::record(txn, actor, Change::new("leave.annul", "leave", id).before(&before).after(&after)).await?;
    Ok(())
}
