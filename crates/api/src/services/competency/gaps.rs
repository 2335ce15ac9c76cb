//! The unit's competency gap heat map: for each competency and each child unit, how many assessed
//! employees fall short of their position's requirement and by how much; and the jam pelajaran
//! (JP) of everyone in the subtree against their yearly target.

use super::{jp_target, latest_levels, standards, to_wire, training_jp};
use crate::entities::{competencies, employees, trainings};
use crate::error::ApiResult;
use crate::policy::employees_within;
use crate::services::dashboard::Tree;
use kinerja_domain::competency::gap;
use kinerja_types::{GapCell, GapHeatMap, HeatMapColumn, PemdaSettings, TrainingJpRow};
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::{BTreeMap, HashSet};

/// The gap heat map of the subtree of `root` and its JP of training in `year`.
pub async fn heat_map(
    db: &impl ConnectionTrait,
    root: i64,
    year: i32,
    settings: &PemdaSettings,
) -> ApiResult<GapHeatMap> {
    let tree = Tree::load(db, root).await?;
    let people = employees::Entity::find()
        .filter(employees::Column::UnitId.is_in(tree.units()))
        .order_by_asc(employees::Column::Name)
        .all(db)
        .await?;
    let ids: Vec<i64> = people.iter().map(|e| e.id).collect();
    let titles: Vec<String> =
        people.iter().map(|e| e.position_title.clone()).collect::<HashSet<_>>().into_iter().collect();
    let required = standards(db, &titles).await?;
    let latest = latest_levels(db, &ids).await?;
    let column_of = |unit: i64| tree.branch(unit);
    // (column, competency) → (assessed, with gap, sum of gaps)
    let mut cells: BTreeMap<(i64, i64), (u32, u32, u32)> = BTreeMap::new();
    let mut used: HashSet<i64> = HashSet::new();
    for e in &people {
        for (competency, level) in required.get(&e.position_title).into_iter().flatten() {
            used.insert(*competency);
            let Some(g) = gap(*level, latest.get(&(e.id, *competency)).map(|a| a.level.clamp(0, 5) as u8)) else {
                continue;
            };
            let cell = cells.entry((column_of(e.unit_id), *competency)).or_default();
            cell.0 += 1;
            cell.1 += u32::from(g > 0);
            cell.2 += u32::from(g);
        }
    }
    let mut columns: Vec<HeatMapColumn> = Vec::new();
    if people.iter().any(|e| e.unit_id == root) || tree.children.is_empty() {
        columns.push(HeatMapColumn { unit_id: root, unit_name: tree.name(root) });
    }
    columns.extend(tree.children.iter().map(|c| HeatMapColumn { unit_id: *c, unit_name: tree.name(*c) }));
    let mut competencies: Vec<_> = competencies::Entity::find()
        .filter(competencies::Column::Id.is_in(used))
        .all(db)
        .await?
        .into_iter()
        .map(to_wire)
        .collect();
    competencies.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.code.cmp(&b.code)));
    let cells = cells
        .into_iter()
        .map(|((unit_id, competency_id), (assessed, with_gap, sum))| GapCell {
            unit_id,
            competency_id,
            assessed,
            with_gap,
            mean_gap: if assessed == 0 { 0.0 } else { (f64::from(sum) / f64::from(assessed) * 10.0).round() / 10.0 },
        })
        .collect();
    let subtree =
        Condition::all().add(trainings::Column::EmployeeId.in_subquery(employees_within(&Some(tree.units()))));
    let done = training_jp(db, subtree, year).await?;
    let mut training: Vec<TrainingJpRow> = people
        .iter()
        .map(|e| {
            let jp = done.get(&e.id).copied().unwrap_or(0);
            let target = jp_target(e.employment_type, settings);
            TrainingJpRow {
                employee_id: e.id,
                name: e.name.clone(),
                unit_id: e.unit_id,
                employment_type: e.employment_type,
                jp,
                jp_target: target,
                meets_target: target.map(|t| jp >= t),
            }
        })
        .collect();
    training.sort_by(|a, b| a.jp.cmp(&b.jp).then_with(|| a.name.cmp(&b.name)));
    Ok(GapHeatMap {
        unit_id: root,
        year,
        columns,
        competencies,
        cells,
        training,
        training_jp_target: settings.development_jp_target,
    })
}
