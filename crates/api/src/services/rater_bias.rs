//! The rater-bias radar of a unit's subtree for a period: each penilai's ratings (drafts included,
//! since calibration comes before the final word) read against the unit, its organisation
//! predikat's expected distribution and the evidence behind each rating.

use crate::entities::{activities, assessments, employees, realization_notes, skps};
use crate::error::ApiResult;
use kinerja_domain::rater_bias::{radar, Given};
use kinerja_domain::{ActivityStatus, Period, Rating};
use kinerja_types::{BiasFinding, PemdaSettings, RaterBias, RaterBiasReport};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The radar of the subtree of `unit_id` for `period`; the penilai's drafts only `with_drafts`
/// (the evaluation team reads ratings once submitted, never a draft).
pub async fn report(
    db: &impl ConnectionTrait,
    settings: &PemdaSettings,
    unit_id: i64,
    subtree: &HashSet<i64>,
    period: &Period,
    with_drafts: bool,
) -> ApiResult<RaterBiasReport> {
    let (from, to) = period.bounds();
    let units = Some(subtree.iter().copied().collect::<Vec<_>>());
    let mut select = assessments::Entity::find()
        .filter(crate::services::placements::placed(assessments::Column::EmployeeId, &units, to))
        .filter(assessments::Column::Period.eq(period.to_string()));
    if !with_drafts {
        select = select.filter(crate::services::assessments::counted());
    }
    let rows = select.all(db).await?;
    let rated: Vec<i64> = rows.iter().map(|a| a.employee_id).collect();
    let with_activities: HashSet<i64> = activities::Entity::find()
        .select_only()
        .column(activities::Column::EmployeeId)
        .filter(activities::Column::EmployeeId.is_in(rated.clone()))
        .filter(activities::Column::Status.eq(ActivityStatus::Approved))
        .filter(activities::Column::Date.gte(from))
        .filter(activities::Column::Date.lte(to))
        .distinct()
        .into_tuple::<i64>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let plans: HashMap<i64, i64> = skps::Entity::find()
        .select_only()
        .column(skps::Column::Id)
        .column(skps::Column::EmployeeId)
        .filter(skps::Column::EmployeeId.is_in(rated.clone()))
        .filter(skps::Column::Year.eq(period.year()))
        .into_tuple::<(i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let with_realisation: HashSet<i64> = realization_notes::Entity::find()
        .select_only()
        .column(realization_notes::Column::SkpId)
        .filter(realization_notes::Column::SkpId.is_in(plans.keys().copied()))
        .into_tuple::<i64>()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|skp| plans.get(&skp).copied())
        .collect();
    let (org, rules) =
        crate::services::rating::org_pattern(db, unit_id, period, &settings.distribution_patterns).await?;
    let above = rows.iter().filter(|a| a.result_rating == Rating::DiAtas).count();
    let unit_percent = if rows.is_empty() { 0 } else { ((above as f64) * 100.0 / rows.len() as f64).round() as u32 };
    let mut by_rater: BTreeMap<i64, Vec<Given>> = BTreeMap::new();
    for a in &rows {
        by_rater.entry(a.penilai_id).or_default().push(Given {
            result: a.result_rating,
            behavior: a.behavior_rating,
            evidenced: with_activities.contains(&a.employee_id) || with_realisation.contains(&a.employee_id),
        });
    }
    let people: HashMap<i64, employees::Model> = employees::Entity::find()
        .filter(employees::Column::Id.is_in(by_rater.keys().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let t = settings.rater_bias;
    let mut raters: Vec<RaterBias> = by_rater
        .into_iter()
        .map(|(penilai_id, given)| {
            let count = |r: Rating| given.iter().filter(|g| g.result == r).count() as u32;
            let flags = radar(&given, unit_percent, rules.as_deref(), &t)
                .into_iter()
                .map(|r| BiasFinding { flag: r.flag, label: r.flag.label().into(), figures: r.figures })
                .collect();
            let who = people.get(&penilai_id);
            RaterBias {
                penilai_id,
                name: who.map(|e| e.name.clone()).unwrap_or_default(),
                position: who.map(|e| e.position_title.clone()).unwrap_or_default(),
                rated: given.len() as u32,
                di_atas: count(Rating::DiAtas),
                sesuai: count(Rating::Sesuai),
                di_bawah: count(Rating::DiBawah),
                equal_pairs: given.iter().filter(|g| g.result == g.behavior).count() as u32,
                without_evidence: given.iter().filter(|g| !g.evidenced).count() as u32,
                flags,
            }
        })
        .collect();
    // Flagged raters first, then by name.
    raters.sort_by(|a, b| b.flags.len().min(1).cmp(&a.flags.len().min(1)).then(a.name.cmp(&b.name)));
    Ok(RaterBiasReport {
        unit_id,
        period: period.to_string(),
        org_predikat: org,
        unit_di_atas_percent: unit_percent,
        thresholds: t,
        raters,
    })
}
