//! The talent 9-box (PermenPANRB 3/2020): each employee's performance (the year's annual predikat,
//! else its latest periodic one) against potential (the job-person match of their competencies,
//! averaged with an assessment centre's where one assessed them), and a succession shortlist for
//! each JPT and administrator post drawn from boxes 7–9, with the gaps each candidate must close.

use crate::entities::{assessments, competencies, competency_assessments, employees, units};
use crate::error::ApiResult;
use crate::services::competency::{latest_levels, standards};
use kinerja_domain::competency::{job_person_match, AssessmentSource};
use kinerja_domain::talent::{box_label, has_succession, in_pool, may_succeed, nine_box, performance, potential};
use kinerja_domain::{Period, Predikat};
use kinerja_types::{
    BoxCount, CandidateGap, PemdaSettings, SuccessionCandidate, SuccessionPost, TalentBoard, TalentRow,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::{HashMap, HashSet};
use std::str::FromStr;

/// How many candidates a shortlist names at most.
const SHORTLIST: usize = 5;

/// Each employee's predikat of the year: the annual one, else the latest periodic one (no drafts).
async fn predikats(db: &impl ConnectionTrait, ids: &[i64], year: i32) -> ApiResult<HashMap<i64, (Predikat, String)>> {
    let mut best: HashMap<i64, (bool, chrono::NaiveDate, Predikat, String)> = HashMap::new();
    for chunk in ids.chunks(5000) {
        let rows = assessments::Entity::find()
            .filter(assessments::Column::EmployeeId.is_in(chunk.iter().copied()))
            .filter(crate::services::assessments::counted())
            .filter(assessments::Column::Period.starts_with(year.to_string()))
            .all(db)
            .await?;
        for a in rows {
            let Ok(p) = Period::from_str(&a.period) else { continue };
            if p.year() != year {
                continue;
            }
            let annual = matches!(p, Period::Year(_));
            let end = p.bounds().1;
            let better = match best.get(&a.employee_id) {
                None => true,
                Some((was_annual, was_end, ..)) => (annual, end) > (*was_annual, *was_end),
            };
            if better {
                best.insert(a.employee_id, (annual, end, a.predikat, a.period.clone()));
            }
        }
    }
    Ok(best.into_iter().map(|(e, (_, _, p, period))| (e, (p, period))).collect())
}

/// The latest assessment centre's level of each (employee, competency).
async fn centre_levels(db: &impl ConnectionTrait, ids: &[i64]) -> ApiResult<HashMap<(i64, i64), u8>> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(5000) {
        let rows = competency_assessments::Entity::find()
            .filter(competency_assessments::Column::EmployeeId.is_in(chunk.iter().copied()))
            .filter(competency_assessments::Column::Source.eq(AssessmentSource::AssessmentCentre))
            .order_by_asc(competency_assessments::Column::AssessedOn)
            .order_by_asc(competency_assessments::Column::Id)
            .all(db)
            .await?;
        for r in rows {
            out.insert((r.employee_id, r.competency_id), r.level.clamp(0, 5) as u8);
        }
    }
    Ok(out)
}

/// The board and its rows for the people of `within` (the whole city for `None`) in `year`; the
/// succession lists only `with_succession`.
pub async fn board(
    db: &impl ConnectionTrait,
    settings: &PemdaSettings,
    unit_id: Option<i64>,
    within: Option<&HashSet<i64>>,
    year: i32,
    with_succession: bool,
) -> ApiResult<(TalentBoard, Vec<TalentRow>)> {
    let mut select = employees::Entity::find();
    if let Some(units) = within {
        select = select.filter(employees::Column::UnitId.is_in(units.iter().copied()));
    }
    let people = select.order_by_asc(employees::Column::Name).all(db).await?;
    let ids: Vec<i64> = people.iter().map(|e| e.id).collect();
    let titles: Vec<String> =
        people.iter().map(|e| e.position_title.clone()).collect::<HashSet<_>>().into_iter().collect();
    let required = standards(db, &titles).await?;
    let latest = latest_levels(db, &ids).await?;
    let centre = centre_levels(db, &ids).await?;
    let predikat = predikats(db, &ids, year).await?;
    let unit_names: HashMap<i64, String> =
        units::Entity::find().all(db).await?.into_iter().map(|u| (u.id, u.name)).collect();
    let catalogue: HashMap<i64, competencies::Model> =
        competencies::Entity::find().all(db).await?.into_iter().map(|c| (c.id, c)).collect();
    let level_of = |e: i64, c: i64| latest.get(&(e, c)).map(|a| a.level.clamp(0, 5) as u8);
    // The match of employee `e` against the requirements of position `title`.
    let match_for = |e: i64, title: &str| -> Option<f64> {
        let req = required.get(title)?;
        let pairs: Vec<(u8, Option<u8>)> = req.iter().map(|(c, r)| (*r, level_of(e, *c))).collect();
        job_person_match(&pairs)
    };
    let t = settings.talent_potential;
    let rows: Vec<TalentRow> = people
        .iter()
        .map(|e| {
            let m = match_for(e.id, &e.position_title);
            let ac = required.get(&e.position_title).and_then(|req| {
                let pairs: Vec<(u8, Option<u8>)> =
                    req.iter().map(|(c, r)| (*r, centre.get(&(e.id, *c)).copied())).collect();
                job_person_match(&pairs)
            });
            let pot_percent = match (m, ac) {
                (Some(a), Some(b)) => Some((a + b) / 2.0),
                (a, b) => a.or(b),
            };
            let p = predikat.get(&e.id);
            let perf = p.map(|(p, _)| performance(*p));
            let pot = pot_percent.map(|x| potential(x, &t));
            let b = perf.zip(pot).map(|(a, b)| nine_box(a, b));
            TalentRow {
                employee_id: e.id,
                nip: e.nip.clone(),
                name: e.name.clone(),
                unit_name: unit_names.get(&e.unit_id).cloned().unwrap_or_default(),
                position: e.position_title.clone(),
                position_kind: e.position_kind,
                predikat: p.map(|(p, _)| *p),
                predikat_period: p.map(|(_, period)| period.clone()),
                performance_level: perf,
                match_percent: m,
                assessment_centre_percent: ac,
                potential_level: pot,
                nine_box: b,
                box_label: b.map(|b| box_label(b).to_owned()),
            }
        })
        .collect();
    let boxes = (1..=9u8)
        .rev()
        .map(|b| BoxCount {
            nine_box: b,
            label: box_label(b).into(),
            count: rows.iter().filter(|r| r.nine_box == Some(b)).count() as u32,
        })
        .collect();
    let pool: Vec<&TalentRow> = rows.iter().filter(|r| r.nine_box.is_some_and(in_pool)).collect();
    let mut succession = Vec::new();
    for post in people.iter().filter(|e| with_succession && has_succession(e.position_kind)) {
        let mut candidates: Vec<SuccessionCandidate> = pool
            .iter()
            .filter(|c| c.employee_id != post.id && may_succeed(c.position_kind, post.position_kind))
            .map(|c| {
                let gaps = required
                    .get(&post.position_title)
                    .into_iter()
                    .flatten()
                    .filter_map(|(comp, req)| {
                        let assessed = level_of(c.employee_id, *comp);
                        if assessed.is_some_and(|a| a >= *req) {
                            return None;
                        }
                        let k = catalogue.get(comp);
                        Some(CandidateGap {
                            code: k.map(|k| k.code.clone()).unwrap_or_default(),
                            name: k.map(|k| k.name.clone()).unwrap_or_default(),
                            required: *req,
                            assessed,
                        })
                    })
                    .collect::<Vec<_>>();
                SuccessionCandidate {
                    employee_id: c.employee_id,
                    name: c.name.clone(),
                    position: c.position.clone(),
                    unit_name: c.unit_name.clone(),
                    nine_box: c.nine_box.unwrap_or_default(),
                    match_percent: match_for(c.employee_id, &post.position_title),
                    gaps,
                }
            })
            .collect();
        candidates.sort_by(|a, b| {
            b.nine_box
                .cmp(&a.nine_box)
                .then(b.match_percent.unwrap_or(0.0).total_cmp(&a.match_percent.unwrap_or(0.0)))
                .then(a.name.cmp(&b.name))
        });
        candidates.truncate(SHORTLIST);
        let mut gaps_sorted = candidates;
        for c in &mut gaps_sorted {
            c.gaps.sort_by(|a, b| a.code.cmp(&b.code));
        }
        succession.push(SuccessionPost {
            position_title: post.position_title.clone(),
            position_kind: post.position_kind,
            unit_name: unit_names.get(&post.unit_id).cloned().unwrap_or_default(),
            incumbent_id: post.id,
            incumbent_name: post.name.clone(),
            candidates: gaps_sorted,
        });
    }
    succession.sort_by(|a, b| a.position_kind.cmp(&b.position_kind).then(a.unit_name.cmp(&b.unit_name)));
    let board = TalentBoard {
        unit_id,
        year,
        people: rows.len() as u32,
        unplaced: rows.iter().filter(|r| r.nine_box.is_none()).count() as u32,
        boxes,
        succession,
    };
    Ok((board, rows))
}
