//! Realisation of an SKP per indicator and period: `kuantitas` summed from approved activities'
//! output and accepted indicator feeds (other aspects from their latest accepted feed value), with
//! the owner's narrative and evidence, against the target.

use crate::audit::{self, Actor, Change};
use crate::entities::{activities, evidence, realization_notes, rhk};
use crate::error::{ApiError, ApiResult};
use crate::services::skp as svc;
use chrono::Utc;
use kinerja_domain::feed::realized;
use kinerja_domain::{ActivityStatus, Aspect, Period};
use kinerja_types::Invalid;
use kinerja_types::{IndicatorRealization, Realization, RealizationNote, RhkRealization};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;

/// Computes the realisation of an SKP for a period.
pub async fn compute(db: &impl ConnectionTrait, skp_id: i64, period: Period) -> ApiResult<Realization> {
    let (from, to) = period.bounds();
    let share = match period {
        Period::Year(_) => 1.0,
        Period::Semester(..) => 0.5,
        Period::Quarter(..) => 0.25,
        Period::Month(..) => 1.0 / 12.0,
    };
    let plan_rhk = svc::rhk_of(db, &[skp_id]).await?;
    // Activities logged against an earlier revision of the same RHK count too (same lineage).
    let own = rhk::Entity::find().filter(rhk::Column::SkpId.eq(skp_id)).all(db).await?;
    let keys: HashMap<i64, i64> = own.iter().map(|r| (r.id, r.lineage_id.unwrap_or(r.id))).collect();
    let lineage_keys: Vec<i64> = keys.values().copied().collect();
    let related = rhk::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(rhk::Column::Id.is_in(lineage_keys.clone()))
                .add(rhk::Column::LineageId.is_in(lineage_keys)),
        )
        .all(db)
        .await?;
    let key_of: HashMap<i64, i64> = related.iter().map(|r| (r.id, r.lineage_id.unwrap_or(r.id))).collect();
    let approved = activities::Entity::find()
        .filter(activities::Column::RhkId.is_in(key_of.keys().copied().collect::<Vec<_>>()))
        .filter(activities::Column::Status.eq(ActivityStatus::Approved.as_str()))
        .filter(activities::Column::Date.gte(from))
        .filter(activities::Column::Date.lte(to))
        .all(db)
        .await?;
    let mut sums: HashMap<i64, (u64, u64, f64)> = HashMap::new();
    for a in &approved {
        if let Some(k) = key_of.get(&a.rhk_id) {
            let e = sums.entry(*k).or_default();
            e.0 += 1;
            e.1 += a.minutes.max(0) as u64;
            e.2 += a.output_qty.unwrap_or(0.0);
        }
    }
    let indicator_ids: Vec<i64> = plan_rhk.iter().flat_map(|r| r.indicators.iter().map(|i| i.id)).collect();
    let notes: HashMap<i64, realization_notes::Model> = realization_notes::Entity::find()
        .filter(realization_notes::Column::IndicatorId.is_in(indicator_ids.clone()))
        .filter(realization_notes::Column::Period.eq(period.to_string()))
        .all(db)
        .await?
        .into_iter()
        .map(|n| (n.indicator_id, n))
        .collect();
    let note_ids: Vec<i64> = notes.values().map(|n| n.id).collect();
    let evidence_of = {
        use crate::entities::realization_note_evidence::{Column, Entity};
        crate::services::links::of::<Entity>(db, Column::NoteId, Column::EvidenceId, &note_ids).await?
    };
    let mut fed = crate::services::indicator_feeds::accepted(db, &indicator_ids, from, to).await?;
    let rhk = plan_rhk
        .into_iter()
        .map(|r| {
            let (count, minutes, output) = keys.get(&r.id).and_then(|k| sums.get(k)).copied().unwrap_or_default();
            let indicators = r
                .indicators
                .iter()
                .map(|i| {
                    let quantity = i.aspect == Aspect::Kuantitas;
                    let (counted, shown): (Vec<_>, Vec<_>) = fed.remove(&i.id).unwrap_or_default().into_iter().unzip();
                    let realized = realized(i.aspect, output, &counted);
                    let period_target = if quantity { (i.target * share * 100.0).round() / 100.0 } else { i.target };
                    let percent =
                        realized.filter(|_| period_target > 0.0).map(|v| (v / period_target * 1000.0).round() / 10.0);
                    let note = notes.get(&i.id);
                    IndicatorRealization {
                        indicator_id: i.id,
                        aspect: i.aspect,
                        text: i.text.clone(),
                        unit: i.unit.clone(),
                        target: i.target,
                        period_target,
                        realized,
                        percent,
                        narrative: note.and_then(|n| n.narrative.clone()),
                        evidence_ids: note.and_then(|n| evidence_of.get(&n.id).cloned()).unwrap_or_default(),
                        fed: shown,
                    }
                })
                .collect();
            RhkRealization { rhk_id: r.id, text: r.text, activities: count, minutes, indicators }
        })
        .collect();
    Ok(Realization { skp_id, period: period.to_string(), rhk })
}

/// Sets the owner's narrative and evidence for one indicator of the SKP in a period (the owner
/// allowed, the period checked): 422 unless the indicator is the SKP's and the evidence the owner's.
/// Audited; answers the period's realisation.
pub async fn set_note(
    txn: &DatabaseTransaction,
    actor: &Actor,
    skp_id: i64,
    owner_id: i64,
    period: Period,
    body: &RealizationNote,
) -> ApiResult<Realization> {
    let plan = svc::rhk_of(txn, &[skp_id]).await?;
    if !plan.iter().any(|r| r.indicators.iter().any(|i| i.id == body.indicator_id)) {
        return Err(ApiError::field("indicator_id", Invalid::IndicatorNotInSkp));
    }
    let owned = evidence::Entity::find()
        .filter(evidence::Column::Id.is_in(body.evidence_ids.clone()))
        .filter(evidence::Column::EmployeeId.eq(owner_id))
        .all(txn)
        .await?;
    if owned.len() != body.evidence_ids.len() {
        return Err(ApiError::field("evidence_ids", Invalid::EvidenceNotYours));
    }
    let narrative = body.narrative.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
    realization_notes::Entity::insert(realization_notes::ActiveModel {
        skp_id: Set(skp_id),
        indicator_id: Set(body.indicator_id),
        period: Set(period.to_string()),
        narrative: Set(narrative),
        updated_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([realization_notes::Column::IndicatorId, realization_notes::Column::Period])
            .update_columns([realization_notes::Column::Narrative, realization_notes::Column::UpdatedAt])
            .to_owned(),
    )
    .exec(txn)
    .await?;
    let note = realization_notes::Entity::find()
        .filter(realization_notes::Column::IndicatorId.eq(body.indicator_id))
        .filter(realization_notes::Column::Period.eq(period.to_string()))
        .one(txn)
        .await?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("the realisation note just written is gone")))?;
    {
        use crate::entities::realization_note_evidence::{Column, Entity};
        crate::services::links::replace::<Entity>(txn, Column::NoteId, Column::EvidenceId, note.id, &body.evidence_ids)
            .await?;
    }
    audit::record(txn, actor, Change::new("realization.note", "skp", skp_id).after(body)).await?;
    compute(txn, skp_id, period).await
}
