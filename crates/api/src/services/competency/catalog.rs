//! The competency catalogue and the position standards as admins keep them: listing, adding and
//! editing competencies, and setting or importing the required levels of positions.

use super::to_wire;
use crate::audit::{self, Actor, Change};
use crate::entities::{competencies, position_competencies};
use crate::error::{ApiError, ApiResult};
use chrono::Utc;
use kinerja_domain::competency::valid_level;
use kinerja_types::Invalid;
use kinerja_types::{Competency, CompetencyInput, ImportReport, PositionStandard, Requirement};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;
use validator::Validate;

/// The catalogue by kind and code: one page and the total.
pub async fn list(db: &impl ConnectionTrait, offset: u64, limit: u64) -> ApiResult<(Vec<Competency>, u64)> {
    // The kinds' spellings sort as the kinds do (manajerial, sosial_kultural, teknis).
    let select =
        competencies::Entity::find().order_by_asc(competencies::Column::Kind).order_by_asc(competencies::Column::Code);
    let (rows, total) = crate::services::paging::fetch(db, select, offset, limit).await?;
    Ok((rows.into_iter().map(to_wire).collect(), total))
}

/// 422 unless a competency as entered is valid: its fields, every level described, a plain code.
pub fn check(body: &CompetencyInput) -> ApiResult<()> {
    body.validate()?;
    if body.levels.iter().any(|l| l.trim().is_empty() || l.chars().count() > 1000) {
        return Err(ApiError::field("levels", Invalid::LevelDescriptions));
    }
    if !body.code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.') {
        return Err(ApiError::field("code", Invalid::CodeChars));
    }
    Ok(())
}

/// Adds a competency (already checked); 409 when its code is taken. Audited.
pub async fn create(txn: &DatabaseTransaction, actor: &Actor, body: &CompetencyInput) -> ApiResult<Competency> {
    let code = body.code.trim().to_uppercase();
    if competencies::Entity::find().filter(competencies::Column::Code.eq(code.as_str())).one(txn).await?.is_some() {
        return Err(ApiError::Conflict(format!("kode {code} sudah dipakai")));
    }
    let row = competencies::ActiveModel {
        code: Set(code),
        kind: Set(body.kind),
        name: Set(body.name.trim().to_owned()),
        description: Set(body.description.trim().to_owned()),
        levels: Set(serde_json::to_string(&body.levels).map_err(anyhow::Error::from)?),
        active: Set(body.active),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let out = to_wire(row);
    audit::record(txn, actor, Change::new("competency.create", "competency", out.id).after(&out)).await?;
    Ok(out)
}

/// Edits a competency (already checked): 404 when it does not exist, 409 when its new code is
/// another's. Audited.
pub async fn update(
    txn: &DatabaseTransaction,
    actor: &Actor,
    id: i64,
    body: &CompetencyInput,
) -> ApiResult<Competency> {
    let current = competencies::Entity::find_by_id(id).one(txn).await?.ok_or(ApiError::NotFound)?;
    let code = body.code.trim().to_uppercase();
    let clash = competencies::Entity::find().filter(competencies::Column::Code.eq(code.as_str())).one(txn).await?;
    if clash.is_some_and(|c| c.id != current.id) {
        return Err(ApiError::Conflict(format!("kode {code} sudah dipakai")));
    }
    let before = to_wire(current.clone());
    let mut a: competencies::ActiveModel = current.into();
    a.code = Set(code);
    a.kind = Set(body.kind);
    a.name = Set(body.name.trim().to_owned());
    a.description = Set(body.description.trim().to_owned());
    a.levels = Set(serde_json::to_string(&body.levels).map_err(anyhow::Error::from)?);
    a.active = Set(body.active);
    a.updated_at = Set(Utc::now());
    let out = to_wire(a.update(txn).await?);
    audit::record(txn, actor, Change::new("competency.update", "competency", out.id).before(&before).after(&out))
        .await?;
    Ok(out)
}

/// The competency codes by id.
async fn codes(db: &impl ConnectionTrait) -> ApiResult<HashMap<i64, String>> {
    Ok(competencies::Entity::find().all(db).await?.into_iter().map(|c| (c.id, c.code)).collect())
}

/// The required levels of every position (or only of `position_title`), by position and competency,
/// one entry per position.
pub async fn standards(db: &impl ConnectionTrait, position_title: Option<&str>) -> ApiResult<Vec<PositionStandard>> {
    let mut select = position_competencies::Entity::find()
        .order_by_asc(position_competencies::Column::PositionTitle)
        .order_by_asc(position_competencies::Column::CompetencyId);
    if let Some(t) = position_title {
        select = select.filter(position_competencies::Column::PositionTitle.eq(t.trim()));
    }
    let codes = codes(db).await?;
    let mut out: Vec<PositionStandard> = Vec::new();
    for r in select.all(db).await? {
        let req = Requirement {
            competency_id: r.competency_id,
            code: codes.get(&r.competency_id).cloned().unwrap_or_default(),
            level: r.required_level.clamp(0, 5) as u8,
        };
        match out.last_mut() {
            Some(s) if s.position_title == r.position_title => s.requirements.push(req),
            _ => out.push(PositionStandard { position_title: r.position_title, requirements: vec![req] }),
        }
    }
    Ok(out)
}

/// Sets every required level of one position at once (already validated); an empty list clears
/// it. 422 on an unknown competency, a bad level or a competency named twice. Audited.
pub async fn put_standard(
    txn: &DatabaseTransaction,
    actor: &Actor,
    body: &PositionStandard,
) -> ApiResult<PositionStandard> {
    let title = body.position_title.trim().to_owned();
    let codes = codes(txn).await?;
    let mut seen = std::collections::HashSet::new();
    for (i, r) in body.requirements.iter().enumerate() {
        if !codes.contains_key(&r.competency_id) {
            return Err(ApiError::field(&format!("requirements[{i}].competency_id"), Invalid::CompetencyNotInCatalog));
        }
        if !valid_level(r.level) {
            return Err(ApiError::field(&format!("requirements[{i}].level"), Invalid::LevelRange));
        }
        if !seen.insert(r.competency_id) {
            return Err(ApiError::field(&format!("requirements[{i}].competency_id"), Invalid::CompetencyTwice));
        }
    }
    position_competencies::Entity::delete_many()
        .filter(position_competencies::Column::PositionTitle.eq(title.as_str()))
        .exec(txn)
        .await?;
    let rows: Vec<position_competencies::ActiveModel> = body
        .requirements
        .iter()
        .map(|r| position_competencies::ActiveModel {
            position_title: Set(title.clone()),
            competency_id: Set(r.competency_id),
            required_level: Set(i32::from(r.level)),
            ..Default::default()
        })
        .collect();
    if !rows.is_empty() {
        position_competencies::Entity::insert_many(rows).exec(txn).await?;
    }
    let out = PositionStandard {
        position_title: title,
        requirements: body
            .requirements
            .iter()
            .map(|r| Requirement {
                competency_id: r.competency_id,
                code: codes.get(&r.competency_id).cloned().unwrap_or_default(),
                level: r.level,
            })
            .collect(),
    };
    audit::record(txn, actor, Change::new("position_standard.put", "position_standard", 0).after(&out)).await?;
    Ok(out)
}

/// Records a successful import of position standards in the audit log.
pub async fn record_import(txn: &DatabaseTransaction, actor: &Actor, report: &ImportReport) -> ApiResult<()> {
    audit::record(txn, actor, Change::new("position_standard.import", "position_standard", 0).after(report)).await
}
