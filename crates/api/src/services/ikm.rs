//! The satisfaction index (IKM) of a service unit computed from its surveys, its publication, the
//! unit's custom weights and its population of service users (for the minimum sample).

use crate::audit::{self, Actor, Change};
use crate::entities::{ikm_populations, ikm_publications, ikm_settings, surveys};
use crate::error::{ApiError, ApiResult};
use chrono::{Datelike, Utc};
use kinerja_domain::ikm::{check_weights, compute, minimum_sample, UNSUR};
use kinerja_domain::Period;
use kinerja_types::{IkmPopulation, IkmReport, IkmUnsur, IkmWeights};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;

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
    Ok(reports.remove(&unit_id).unwrap_or_else(|| summarize(unit_id, period, &[], &Known::default())))
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
    let published: HashMap<i64, bool> = ikm_publications::Entity::find()
        .filter(ikm_publications::Column::UnitId.is_in(unit_ids.iter().copied()))
        .filter(ikm_publications::Column::Period.eq(period.to_string()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.unit_id, p.insufficient_sample))
        .collect();
    let populations: HashMap<i64, u64> = ikm_populations::Entity::find()
        .filter(ikm_populations::Column::UnitId.is_in(unit_ids.iter().copied()))
        .filter(ikm_populations::Column::Period.eq(period.to_string()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.unit_id, p.population.max(0) as u64))
        .collect();
    Ok(unit_ids
        .iter()
        .map(|&id| {
            let a = answers.get(&id).map(Vec::as_slice).unwrap_or_default();
            let known = Known {
                weights: weights.get(&id),
                published: published.get(&id).copied(),
                population: populations.get(&id).copied(),
            };
            (id, summarize(id, period, a, &known))
        })
        .collect())
}

/// What is recorded about a unit's index besides its answers.
#[derive(Debug, Default)]
struct Known<'a> {
    weights: Option<&'a [f64; 9]>,
    /// Published, and whether on an insufficient sample.
    published: Option<bool>,
    population: Option<u64>,
}

/// The report of one unit from its readable answers, its weights and whether it was published.
fn summarize(unit_id: i64, period: &Period, answers: &[[u8; 9]], known: &Known) -> IkmReport {
    let result = compute(answers, known.weights);
    let required = known.population.map(minimum_sample);
    let respondents = answers.len() as u64;
    IkmReport {
        unit_id,
        period: period.to_string(),
        respondents: answers.len() as u64,
        nrr: result.as_ref().map(|r| r.nrr.iter().map(|v| (v * 100.0).round() / 100.0).collect()).unwrap_or_default(),
        ikm: result.as_ref().map(|r| r.ikm),
        grade: result.as_ref().map(|r| r.grade),
        grade_label: result.as_ref().map(|r| r.grade.label().to_owned()),
        unsur: result
            .as_ref()
            .map(|r| {
                r.unsur
                    .iter()
                    .zip(UNSUR)
                    .enumerate()
                    .map(|(i, (u, name))| IkmUnsur {
                        code: format!("U{}", i + 1),
                        name: name.to_owned(),
                        nrr: (u.nrr * 100.0).round() / 100.0,
                        value: u.value,
                        interval: u.interval,
                        grade: u.grade,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        population: known.population,
        required_sample: required,
        sample_sufficient: required.map(|r| respondents >= r),
        published: known.published.is_some(),
        published_with_insufficient_sample: known.published == Some(true),
    }
}

/// Records the unit's population of service users for a period (replacing an earlier figure).
/// Audited.
pub async fn set_population(
    txn: &DatabaseTransaction,
    actor: &Actor,
    user_id: i64,
    unit_id: i64,
    period: &Period,
    body: &IkmPopulation,
) -> ApiResult<IkmReport> {
    // Validated to at most 100,000,000 by the route.
    let population = body.population.min(100_000_000) as i64;
    ikm_populations::Entity::insert(ikm_populations::ActiveModel {
        unit_id: Set(unit_id),
        period: Set(period.to_string()),
        population: Set(population),
        set_by_user_id: Set(user_id),
        set_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([ikm_populations::Column::UnitId, ikm_populations::Column::Period])
            .update_columns([
                ikm_populations::Column::Population,
                ikm_populations::Column::SetByUserId,
                ikm_populations::Column::SetAt,
            ])
            .to_owned(),
    )
    .exec(txn)
    .await?;
    let out = report(txn, unit_id, period).await?;
    audit::record(txn, actor, Change::new("ikm.population", "unit", unit_id).after(body)).await?;
    Ok(out)
}

/// Publishes the unit's result for a period (once; publishing again changes nothing) and answers
/// it. A sample below the minimum, or of an unknown population, is published only with
/// `confirmed`, and the public page says so (409 otherwise). Audited.
pub async fn publish(
    txn: &DatabaseTransaction,
    actor: &Actor,
    user_id: i64,
    unit_id: i64,
    period: &Period,
    confirmed: bool,
) -> ApiResult<IkmReport> {
    let before = report(txn, unit_id, period).await?;
    let insufficient = before.sample_sufficient != Some(true);
    if insufficient && !confirmed && !before.published {
        return Err(ApiError::Conflict(match (before.required_sample, before.population) {
            (Some(required), Some(population)) => format!(
                "sampel belum mencukupi: {} responden dari minimal {required} untuk populasi {population} (tabel Krejcie-Morgan); konfirmasi untuk tetap menerbitkan",
                before.respondents
            ),
            _ => "populasi penerima layanan periode ini belum diisi, sehingga kecukupan sampel tidak diketahui; isi populasi atau konfirmasi untuk tetap menerbitkan".to_owned(),
        }));
    }
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
            insufficient_sample: Set(insufficient),
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
