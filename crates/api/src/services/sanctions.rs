//! Disciplinary sanctions (hukuman disiplin, PP 94/2021) recorded by the BKPSDM from the decree,
//! annulled by it (kept on record), read by whoever may see the employee, and the heaviest one in
//! force in a month for the TPP.

use crate::audit::{self, Actor, Change};
use crate::entities::{disciplinary_sanctions as sanctions, employees};
use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::employee_records::{self, SpanColumns, SpanQuery};
use chrono::{NaiveDate, Utc};
use kinerja_domain::tpp::SanctionLevel;
use kinerja_types::{Invalid, Issue, NewSanction, Sanction};
use sea_orm::sea_query::SelectStatement;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QuerySelect, Set,
};
use std::collections::HashMap;

fn to_wire(s: &sanctions::Model, e: Option<&employees::Model>) -> Sanction {
    Sanction {
        id: s.id,
        employee_id: s.employee_id,
        employee_name: e.map(|e| e.name.clone()).unwrap_or_default(),
        nip: e.map(|e| e.nip.clone()).unwrap_or_default(),
        level: s.level,
        decree_number: s.decree_number.clone(),
        starts_on: s.starts_on,
        ends_on: s.ends_on,
        reason: s.reason.clone(),
        created_at: s.created_at,
        annulled_at: s.annulled_at,
    }
}

/// The sanctions of employees the viewer may see that match; latest start first: one page and the
/// total.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    q: &SpanQuery,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<Sanction>, u64)> {
    let cols = SpanColumns {
        id: sanctions::Column::Id,
        employee: sanctions::Column::EmployeeId,
        starts: sanctions::Column::StartsOn,
        ends: sanctions::Column::EndsOn,
    };
    let select = employee_records::select::<sanctions::Entity>(viewer, q, cols);
    let (rows, total) = super::paging::fetch(db, select, offset, limit).await?;
    let people = employee_records::people(db, rows.iter().map(|s| s.employee_id)).await?;
    Ok((rows.iter().map(|s| to_wire(s, people.get(&s.employee_id))).collect(), total))
}

/// Records a sanction from its decree (the caller checked the capability).
pub async fn create(txn: &DatabaseTransaction, actor: &Actor, user_id: i64, body: &NewSanction) -> ApiResult<Sanction> {
    if body.ends_on < body.starts_on {
        return Err(ApiError::field("ends_on", Invalid::EndBeforeStart));
    }
    let employee = employees::Entity::find_by_id(body.employee_id)
        .one(txn)
        .await?
        .ok_or_else(|| ApiError::field("employee_id", Issue::new(Invalid::IdMissing).with("id", body.employee_id)))?;
    let row = sanctions::ActiveModel {
        employee_id: Set(employee.id),
        level: Set(body.level),
        decree_number: Set(body.decree_number.trim().to_owned()),
        starts_on: Set(body.starts_on),
        ends_on: Set(body.ends_on),
        reason: Set(body.reason.trim().to_owned()),
        recorded_by_user_id: Set(user_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let wire = to_wire(&row, Some(&employee));
    audit::record(txn, actor, Change::new("sanction.create", "sanction", row.id).after(&wire)).await?;
    Ok(wire)
}

/// Annuls a sanction (recorded in error, or lifted on appeal; the caller checked the capability):
/// it stays on record and cuts nothing from then on. Annulling again changes nothing. Audited.
pub async fn annul(txn: &DatabaseTransaction, actor: &Actor, id: i64) -> ApiResult<()> {
    let row = sanctions::Entity::find_by_id(id).one(txn).await?.ok_or(ApiError::NotFound)?;
    if row.annulled_at.is_some() {
        return Ok(());
    }
    let employee = employees::Entity::find_by_id(row.employee_id).one(txn).await?;
    let before = to_wire(&row, employee.as_ref());
    let mut active = row.into_active_model();
    active.annulled_at = Set(Some(Utc::now()));
    let row = active.update(txn).await?;
    let after = to_wire(&row, employee.as_ref());
    audit::record(txn, actor, Change::new("sanction.annul", "sanction", id).before(&before).after(&after)).await?;
    Ok(())
}

/// The heaviest sanction in force on some day of `[from, to]`, per employee of `who` (a sub-select
/// of employee ids).
pub async fn in_force(
    db: &impl ConnectionTrait,
    who: SelectStatement,
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<HashMap<i64, SanctionLevel>> {
    let rows: Vec<(i64, SanctionLevel)> = sanctions::Entity::find()
        .select_only()
        .columns([sanctions::Column::EmployeeId, sanctions::Column::Level])
        .filter(sanctions::Column::EmployeeId.in_subquery(who))
        .filter(sanctions::Column::StartsOn.lte(to))
        .filter(sanctions::Column::EndsOn.gte(from))
        .filter(sanctions::Column::AnnulledAt.is_null())
        .into_tuple()
        .all(db)
        .await?;
    let mut out: HashMap<i64, SanctionLevel> = HashMap::new();
    for (employee, level) in rows {
        let heaviest = out.entry(employee).or_insert(level);
        *heaviest = (*heaviest).max(level);
    }
    Ok(out)
}
