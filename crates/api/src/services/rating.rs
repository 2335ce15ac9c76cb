//! Ratings across people: the rating period of a date and the distribution of predikat over a subtree.

use crate::entities::{assessments, org_predikats};
use crate::error::ApiResult;
use kinerja_domain::rating::{deviations, Bound, OrgPattern, Rule};
use kinerja_domain::{Period, Predikat, Rating};
use kinerja_types::{Distribution, ExpectedRule};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, HashMap};

/// The rating period that holds a date, by the Pemda's frequency (a semester, quarter or month).
pub fn rating_period_of(date: chrono::NaiveDate, frequency: kinerja_types::AssessmentFrequency) -> Period {
    match frequency {
        kinerja_types::AssessmentFrequency::Quarterly => Period::quarter_of(date),
        kinerja_types::AssessmentFrequency::Monthly => Period::month_of(date),
        kinerja_types::AssessmentFrequency::Semester => Period::semester_of(date),
    }
}

/// The distribution of predikat over the units `subtree` (rooted at `unit_id`) for a period,
/// against the Pemda's pattern for the unit's organisation predikat. Only finalized ratings count
/// (not drafts), of the staff placed in the subtree on the period's last day (SE MenPANRB 3/2023):
/// whoever moved in later is counted where they were, whoever moved away later still here.
pub async fn distribution(
    db: &impl ConnectionTrait,
    unit_id: i64,
    subtree: &[i64],
    period: &Period,
    patterns: &[OrgPattern],
) -> ApiResult<Distribution> {
    let (_, end) = period.bounds();
    let placed = crate::services::placements::placed(assessments::Column::EmployeeId, &Some(subtree.to_vec()), end);
    let rows = assessments::Entity::find()
        .filter(placed)
        .filter(assessments::Column::Period.eq(period.to_string()))
        .filter(crate::services::assessments::counted())
        .all(db)
        .await?;
    let mut counts: HashMap<Predikat, u32> = Predikat::ALL.iter().map(|p| (*p, 0)).collect();
    let mut grid = vec![vec![0u32; 3]; 3];
    for a in &rows {
        let p: Predikat = a.predikat;
        *counts.entry(p).or_default() += 1;
        let row = match a.result_rating {
            Rating::DiAtas => 0,
            Rating::Sesuai => 1,
            Rating::DiBawah => 2,
        };
        let col = match a.behavior_rating {
            Rating::DiBawah => 0,
            Rating::Sesuai => 1,
            Rating::DiAtas => 2,
        };
        grid[row][col] += 1;
    }
    let (org, rules) = org_pattern(db, unit_id, period, patterns).await?;
    let rules = rules.unwrap_or_default();
    let total = rows.len().max(1) as f64;
    let found = deviations(&rules, &counts);
    Ok(Distribution {
        unit_id,
        period: period.to_string(),
        shares: counts.iter().map(|(p, n)| (*p, (f64::from(*n) / total * 1000.0).round() / 1000.0)).collect(),
        counts: counts.into_iter().collect::<BTreeMap<_, _>>(),
        org_predikat: org,
        deviations: found,
        grid,
        expected: rules.iter().map(expected_rule).collect(),
        total: rows.len() as u32,
    })
}

/// A rule of the expected pattern on the wire, with its words.
pub fn expected_rule(r: &Rule) -> ExpectedRule {
    let names = r.predikat.iter().map(|p| p.label()).collect::<Vec<_>>().join(" atau ");
    let (bound, percent, text) = match r.bound {
        Bound::AtMost(0) => ("at_most", Some(0), format!("{names}: tidak ada")),
        Bound::AtMost(p) => ("at_most", Some(p), format!("{names} paling banyak {p} %")),
        Bound::AtLeast(p) => ("at_least", Some(p), format!("{names} paling sedikit {p} %")),
        Bound::AtLeastOne => ("at_least_one", None, format!("{names} paling sedikit 1 orang")),
        Bound::Majority => ("majority", None, format!("{names} sebagian besar (lebih dari 50 %)")),
    };
    ExpectedRule { predikat: r.predikat.clone(), bound: bound.to_owned(), percent, text }
}

/// A unit's organisation predikat of the period, if set, and the expected distribution of its
/// pattern among `patterns`.
pub async fn org_pattern(
    db: &impl ConnectionTrait,
    unit_id: i64,
    period: &Period,
    patterns: &[kinerja_domain::rating::OrgPattern],
) -> ApiResult<(Option<kinerja_domain::OrgPredikat>, Option<Vec<kinerja_domain::rating::Rule>>)> {
    let org = org_predikats::Entity::find()
        .filter(org_predikats::Column::UnitId.eq(unit_id))
        .filter(org_predikats::Column::Period.eq(period.to_string()))
        .one(db)
        .await?
        .map(|o| o.predikat);
    let rules = org.and_then(|o| patterns.iter().find(|p| p.org_predikat == o)).map(|p| p.rules.clone());
    Ok((org, rules))
}
