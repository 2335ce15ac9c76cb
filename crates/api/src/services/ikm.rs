//! The satisfaction index (IKM) of a service unit computed from its surveys, its publication and
//! the unit's custom weights.

use crate::audit::{self, Actor, Change};
use crate::entities::{ikm_publications, ikm_settings, surveys};
use crate::error::{ApiError, ApiResult};
use chrono::{Datelike, Utc};
use kinerja_domain::ikm::{check_weights, compute};
use kinerja_domain::Period;
use kinerja_types::{IkmReport, IkmWeights};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, Set};
use std::collections::{HashMap, HashSet};

/// The months (`YYYY-MM`) a period covers: surveys are filed by month.
pub fn months(period: &Period) -> Vec<String> {
    let (from, to) = period.bounds();
    (from.month()..=to.month()).map(|m| format!("{}-{m:02}", from.year())).collect()
}

/// The nine answers of a stored survey (`"443434344"`, each 1 to 4), or none (logged) if it is
/// malformed: such a survey is left out of the index, never counted with made-up answers.
pub fn answers_of(raw: &str) -> Option<[u8; 9]> {
    let answers: Option<Vec<u8>> = raw.bytes().map(|b| b.checked_sub(b'0').filter(|a| (1..=4).contains(a))).collect();
    let answers = answers.and_then(|a| <[u8; 9]>::try_from(a).ok());
    if answers.is_none() {
        crate::stored::unreadable("surveys.answers", raw);
    }
    answers
}

/// Computes the index of a unit for a period from its surveys.
pub async fn report(db: &impl ConnectionTrait, unit_id: i64, period: &Period) -> ApiResult<IkmReport> {
    let mut reports = reports(db, &[unit_id], period).await?;
    Ok(reports.remove(&unit_id).unwrap_or_else(|| summarize(unit_id, period, &[], None, false)))
}

/// The index of each unit for a period, in three queries whatever the number of units.
pub async fn reports(
    db: &impl ConnectionTrait,
    unit_ids: &[i64],
    period: &Period,
) -> ApiResult<HashMap<i64, IkmReport>> {
    let mut answers: HashMap<i64, Vec<[u8; 9]>> = HashMap::new();
    for s in surveys::Entity::find()
        .filter(surveys::Column::UnitId.is_in(unit_ids.iter().copied()))
        .filter(surveys::Column::Period.is_in(months(period)))
        .all(db)
        .await?
    {
        if let Some(a) = answers_of(&s.answers) {
            answers.entry(s.unit_id).or_default().push(a);
        }
    }
    let weights: HashMap<i64, [f64; 9]> = ikm_settings::Entity::find()
        .filter(ikm_settings::Column::UnitId.is_in(unit_ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|s| {
            let w = s.weights?;
            // Unreadable weights are logged; the index then uses the regulation's equal weights.
            let read = serde_json::from_str::<Vec<f64>>(&w).ok().and_then(|v| check_weights(&v).ok());
            if read.is_none() {
                crate::stored::unreadable("ikm_settings.weights", &w);
            }
            Some((s.unit_id, read?))
        })
        .collect();
    let published: HashSet<i64> = ikm_publications::Entity::find()
        .filter(ikm_publications::Column::UnitId.is_in(unit_ids.iter().copied()))
        .filter(ikm_publications::Column::Period.eq(period.to_string()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.unit_id)
        .collect();
    Ok(unit_ids
        .iter()
        .map(|&id| {
            let a = answers.get(&id).map(Vec::as_slice).unwrap_or_default();
            (id, summarize(id, period, a, weights.get(&id), published.contains(&id)))
        })
        .collect())
}

/// The report of one unit from its readable answers, its weights and whether it was published.
fn summarize(
    unit_id: i64,
    period: &Period,
    answers: &[[u8; 9]],
    weights: Option<&[f64; 9]>,
    published: bool,
) -> IkmReport {
    let result = compute(answers, weights);
    IkmReport {
        unit_id,
        period: period.to_string(),
        respondents: answers.len() as u64,
        nrr: result.as_ref().map(|r| r.nrr.iter().map(|v| (v * 100.0).round() / 100.0).collect()).unwrap_or_default(),
        ikm: result.as_ref().map(|r| r.ikm),
        grade: result.as_ref().map(|r| r.grade),
        grade_label: result.as_ref().map(|r| r.grade.label().to_owned()),
        published,
    }
}

/// Publishes the unit's result for a period (once; publishing again changes nothing) and answers it. Audited.
pub async fn publish(
    txn: &DatabaseTransaction,
    actor: &Actor,
    user_id: i64,
    unit_id: i64,
    period: &Period,
) -> ApiResult<IkmReport> {
    let already = ikm_publications::Entity::find()
        .filter(ikm_publications::Column::UnitId.eq(unit_id))
        .filter(ikm_publications::Column::Period.eq(period.to_string()))
        .one(txn)
        .await?;
    if already.is_none() {
        ikm_publications::ActiveModel {
            unit_id: Set(unit_id),
            period: Set(period.to_string()),
            published_by_user_id: Set(user_id),
            published_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    let out = report(txn, unit_id, period).await?;
    audit::record(txn, actor, Change::new("ikm.publish", "unit", unit_id).after(&out)).await?;
    Ok(out)
}

/// Sets the unit's custom weights (422 unless they sum to 1) or clears them. Audited.
pub async fn set_weights(txn: &DatabaseTransaction, actor: &Actor, unit_id: i64, body: &IkmWeights) -> ApiResult<()> {
    let weights = match &body.weights {
        Some(w) => Some(check_weights(w).map_err(|m| ApiError::field("weights", &m))?),
        None => None,
    };
    ikm_settings::Entity::insert(ikm_settings::ActiveModel {
        unit_id: Set(unit_id),
        weights: Set(weights.map(|w| serde_json::to_string(&w.to_vec()).unwrap_or_default())),
        updated_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(ikm_settings::Column::UnitId)
            .update_columns([ikm_settings::Column::Weights, ikm_settings::Column::UpdatedAt])
            .to_owned(),
    )
    .exec(txn)
    .await?;
    audit::record(txn, actor, Change::new("ikm.weights", "unit", unit_id).after(&body.weights)).await?;
    Ok(())
}
