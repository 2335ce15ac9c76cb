//! Competency work shared by the routes, the dashboard and the demo seed: the catalogue, position
//! requirements, the latest assessed levels, an employee's profile, the JP of training, and the CSV
//! import of position standards. The catalogue's writes, assessed levels, development plans and the
//! gap heat map live in the submodules.

pub mod catalog;
pub mod gaps;
pub mod levels;
pub mod plans;

use crate::entities::{assessments, competencies, competency_assessments, employees, position_competencies, trainings};
use crate::error::ApiResult;
use crate::services::csv_import::{err, CsvFile, ImportFailure};
use chrono::Utc;
use kinerja_domain::competency::{
    gap, job_person_match, plan_required, suggestions, valid_level, MatchCategory, TrainingStatus, CATALOGUE,
};
use kinerja_domain::{AssessmentStatus, EmploymentType, Period, Predikat};
use kinerja_types::{
    Competency, CompetencyAssessment, CompetencyProfile, ImportReport, Invalid, Issue, PemdaSettings, ProfileLine,
};
use sea_orm::sea_query::Condition;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::HashMap;

/// Fills the catalogue of PermenPANRB 38/2017 into an empty competency table (on every start).
pub async fn ensure_catalogue(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    if competencies::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let now = Utc::now();
    let rows = CATALOGUE.iter().map(|c| competencies::ActiveModel {
        code: Set(c.code.to_owned()),
        kind: Set(c.kind),
        name: Set(c.name.to_owned()),
        description: Set(c.description.to_owned()),
        levels: Set(serde_json::to_string(&c.levels).unwrap_or_else(|_| "[]".into())),
        active: Set(true),
        updated_at: Set(now),
        ..Default::default()
    });
    competencies::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

/// A competency as sent.
pub fn to_wire(c: competencies::Model) -> Competency {
    Competency {
        id: c.id,
        kind: c.kind,
        levels: crate::stored::json("competencies.levels", &c.levels),
        code: c.code,
        name: c.name,
        description: c.description,
        active: c.active,
    }
}

/// An assessed level as sent.
pub fn assessment_wire(a: &competency_assessments::Model) -> CompetencyAssessment {
    CompetencyAssessment {
        id: a.id,
        employee_id: a.employee_id,
        competency_id: a.competency_id,
        level: a.level.clamp(0, 5) as u8,
        assessed_on: a.assessed_on,
        source: a.source,
        evidence: a.evidence.clone(),
    }
}

/// The whole catalogue by id.
pub async fn catalogue(db: &impl ConnectionTrait) -> ApiResult<HashMap<i64, competencies::Model>> {
    Ok(competencies::Entity::find().all(db).await?.into_iter().map(|c| (c.id, c)).collect())
}

/// Required levels per position title: title → (competency id → level).
pub async fn standards(db: &impl ConnectionTrait, titles: &[String]) -> ApiResult<HashMap<String, HashMap<i64, u8>>> {
    let rows = position_competencies::Entity::find()
        .filter(position_competencies::Column::PositionTitle.is_in(titles.iter().cloned()))
        .all(db)
        .await?;
    let mut out: HashMap<String, HashMap<i64, u8>> = HashMap::new();
    for r in rows {
        out.entry(r.position_title).or_default().insert(r.competency_id, r.required_level.clamp(0, 5) as u8);
    }
    Ok(out)
}

/// The latest assessed level of each (employee, competency): the latest date, then the latest entry.
pub async fn latest_levels(
    db: &impl ConnectionTrait,
    employee_ids: &[i64],
) -> ApiResult<HashMap<(i64, i64), competency_assessments::Model>> {
    let mut out = HashMap::new();
    for chunk in employee_ids.chunks(5000) {
        let rows = competency_assessments::Entity::find()
            .filter(competency_assessments::Column::EmployeeId.is_in(chunk.iter().copied()))
            .order_by_asc(competency_assessments::Column::AssessedOn)
            .order_by_asc(competency_assessments::Column::Id)
            .all(db)
            .await?;
        for r in rows {
            out.insert((r.employee_id, r.competency_id), r);
        }
    }
    Ok(out)
}

/// The yearly JP target of an employee of `employment` type under the Pemda's settings.
pub fn jp_target(employment: EmploymentType, settings: &PemdaSettings) -> Option<u32> {
    kinerja_domain::competency::jp_target(employment, settings.development_jp_target, settings.development_jp_for_pppk)
}

/// Completed jam pelajaran (JP) per employee in a year (by the training's end date), for the
/// employees `who` selects (a condition on `trainings.employee_id`).
pub async fn training_jp(db: &impl ConnectionTrait, who: Condition, year: i32) -> ApiResult<HashMap<i64, u32>> {
    let (from, to) = Period::Year(year).bounds();
    let rows: Vec<(i64, Option<i64>)> = trainings::Entity::find()
        .select_only()
        .column(trainings::Column::EmployeeId)
        .column_as(trainings::Column::Jp.sum(), "h")
        .filter(who)
        .filter(trainings::Column::Status.eq(TrainingStatus::Completed.as_str()))
        .filter(trainings::Column::EndOn.between(from, to))
        .group_by(trainings::Column::EmployeeId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(e, h)| (e, h.unwrap_or(0).clamp(0, i64::from(u32::MAX)) as u32)).collect())
}

/// The employee's latest predikat that is no longer a draft.
pub async fn latest_predikat(db: &impl ConnectionTrait, employee_id: i64) -> ApiResult<Option<Predikat>> {
    let row = assessments::Entity::find()
        .filter(assessments::Column::EmployeeId.eq(employee_id))
        .filter(assessments::Column::Status.ne(AssessmentStatus::Draft.as_str()))
        .order_by_desc(assessments::Column::Period)
        .order_by_desc(assessments::Column::Id)
        .one(db)
        .await?;
    Ok(row.map(|a| a.predikat))
}

/// One employee's profile: every required or assessed competency, the gaps, the match, whether a
/// plan is mandatory, what it should address, and the JP of `year` against the employee's target.
pub async fn profile(
    db: &impl ConnectionTrait,
    e: &employees::Model,
    year: i32,
    settings: &PemdaSettings,
) -> ApiResult<CompetencyProfile> {
    let catalogue = catalogue(db).await?;
    let required = standards(db, std::slice::from_ref(&e.position_title)).await?.remove(&e.position_title);
    let required = required.unwrap_or_default();
    let latest = latest_levels(db, &[e.id]).await?;
    let mut ids: Vec<i64> = required.keys().copied().chain(latest.keys().map(|(_, c)| *c)).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut lines: Vec<ProfileLine> = ids
        .into_iter()
        .filter_map(|id| {
            let c = catalogue.get(&id)?;
            let req = required.get(&id).copied();
            let assessed = latest.get(&(e.id, id)).map(assessment_wire);
            Some(ProfileLine {
                competency_id: id,
                code: c.code.clone(),
                name: c.name.clone(),
                kind: c.kind,
                required: req,
                gap: req.and_then(|r| gap(r, assessed.as_ref().map(|a| a.level))),
                assessed,
            })
        })
        .collect();
    lines.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.code.cmp(&b.code)));
    let pairs: Vec<(u8, Option<u8>)> =
        lines.iter().filter_map(|l| l.required.map(|r| (r, l.assessed.as_ref().map(|a| a.level)))).collect();
    let jpm = job_person_match(&pairs);
    let gaps: Vec<(&str, u8)> = lines.iter().filter_map(|l| l.gap.map(|g| (l.code.as_str(), g))).collect();
    let suggested_focus = suggestions(&gaps).into_iter().map(str::to_owned).collect();
    let latest_predikat = latest_predikat(db, e.id).await?;
    let who = Condition::all().add(trainings::Column::EmployeeId.eq(e.id));
    let jp = training_jp(db, who, year).await?.get(&e.id).copied().unwrap_or(0);
    Ok(CompetencyProfile {
        employee_id: e.id,
        name: e.name.clone(),
        position_title: e.position_title.clone(),
        lines,
        job_person_match: jpm,
        match_category: jpm.map(MatchCategory::of),
        latest_predikat,
        plan_required: latest_predikat.is_some_and(plan_required),
        suggested_focus,
        training_jp: jp,
        training_jp_target: jp_target(e.employment_type, settings),
    })
}

/// Imports required levels from CSV (`position_title,code,level`), all or nothing: each listed
/// (position, competency) is set; a level of 0 removes the requirement.
pub async fn import_standards(db: &impl ConnectionTrait, bytes: &[u8]) -> Result<ImportReport, ImportFailure> {
    let file = CsvFile::read(bytes, &["position_title", "code", "level"])?;
    let mut errors = file.errors.clone();
    let col = |name: &str| file.headers.iter().position(|h| h == name).unwrap_or(0);
    let (c_title, c_code, c_level) = (col("position_title"), col("code"), col("level"));
    let by_code: HashMap<String, i64> =
        competencies::Entity::find().all(db).await?.into_iter().map(|c| (c.code.to_uppercase(), c.id)).collect();
    let mut wanted: Vec<(String, i64, u8)> = Vec::new();
    for (line, rec) in &file.records {
        let before = errors.len();
        let title = rec.get(c_title).unwrap_or("").trim().to_owned();
        if title.is_empty() || title.chars().count() > 200 {
            errors.push(err(*line, "position_title", Invalid::PositionTitleLength));
        }
        let code = rec.get(c_code).unwrap_or("").trim().to_uppercase();
        let id = by_code.get(&code).copied();
        if id.is_none() {
            errors.push(err(*line, "code", Issue::new(Invalid::FocusNotInCatalog).with("code", code)));
        }
        let level = rec.get(c_level).unwrap_or("").trim().parse::<u8>().ok().filter(|l| *l == 0 || valid_level(*l));
        if level.is_none() {
            errors.push(err(*line, "level", Invalid::LevelOrRemove));
        }
        if let (Some(id), Some(level), true) = (id, level, errors.len() == before) {
            wanted.push((title, id, level));
        }
    }
    if !errors.is_empty() {
        return Err(ImportFailure::Rows(errors));
    }
    let mut report = ImportReport { created: 0, updated: 0 };
    for (title, competency_id, level) in wanted {
        let existing = position_competencies::Entity::find()
            .filter(position_competencies::Column::PositionTitle.eq(title.as_str()))
            .filter(position_competencies::Column::CompetencyId.eq(competency_id))
            .one(db)
            .await?;
        match (existing, level) {
            (Some(row), 0) => {
                position_competencies::Entity::delete_by_id(row.id).exec(db).await?;
                report.updated += 1;
            }
            (Some(row), l) => {
                let mut a: position_competencies::ActiveModel = row.into();
                a.required_level = Set(i32::from(l));
                a.update(db).await?;
                report.updated += 1;
            }
            (None, 0) => {}
            (None, l) => {
                position_competencies::ActiveModel {
                    position_title: Set(title),
                    competency_id: Set(competency_id),
                    required_level: Set(i32::from(l)),
                    ..Default::default()
                }
                .insert(db)
                .await?;
                report.created += 1;
            }
        }
    }
    Ok(report)
}
