//! Employee CSV import, all or nothing: every row is checked first (NIP, unit, position kind,
//! supervisor, cycles), every bad cell is reported with its line number, and only a clean file
//! is written, in one transaction. An existing NIP is updated; the supervisor may be defined
//! anywhere in the file or already be in the database.

use crate::audit::{self, Actor, Change};
use crate::entities::{employees, units};
use chrono::Utc;
use kinerja_domain::{tree, EmploymentType, Nip, PositionKind};
use kinerja_types::{ImportReport, Invalid, Issue};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, Set};
use std::collections::HashMap;

use super::csv_import::{err, unknown_choice, CsvFile, ImportFailure, Progress};

struct Row {
    line: u64,
    nip: String,
    name: String,
    unit_id: i64,
    position_title: String,
    position_kind: PositionKind,
    supervisor_nip: Option<String>,
    employment_type: EmploymentType,
}

/// Checks and imports a CSV file.
pub async fn import(
    db: &DatabaseConnection,
    bytes: &[u8],
    actor: &Actor,
    progress: Progress<'_>,
) -> Result<ImportReport, ImportFailure> {
    let file = CsvFile::read(bytes, &["nip", "name", "position_title", "position_kind"])?;
    let col = |name: &str| file.col(name);
    if col("unit_id").is_none() && col("unit_code").is_none() {
        return Err(ImportFailure::Rows(vec![err(1, "unit_id", Invalid::UnitColumnRequired)]));
    }

    let unit_rows: Vec<(i64, String)> = units::Entity::find()
        .select_only()
        .column(units::Column::Id)
        .column(units::Column::Code)
        .into_tuple()
        .all(db)
        .await?;
    let unit_ids: std::collections::HashSet<i64> = unit_rows.iter().map(|(id, _)| *id).collect();
    let unit_by_code: HashMap<String, i64> = unit_rows.into_iter().map(|(id, c)| (c.to_lowercase(), id)).collect();
    let existing: Vec<(i64, String, Option<i64>)> = employees::Entity::find()
        .select_only()
        .column(employees::Column::Id)
        .column(employees::Column::Nip)
        .column(employees::Column::SupervisorId)
        .into_tuple()
        .all(db)
        .await?;
    let id_by_nip: HashMap<String, i64> = existing.iter().map(|(id, nip, ..)| (nip.clone(), *id)).collect();

    let mut errors = file.errors.clone();
    let mut rows: Vec<Row> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (line, record) in &file.records {
        let line = *line;
        let get = |name: &str| file.get(record, name).to_owned();
        let before = errors.len();
        let employment_type = match get("employment_type").as_str() {
            "" => EmploymentType::Pns,
            other => other.parse().unwrap_or_else(|_: String| {
                errors.push(err(
                    line,
                    "employment_type",
                    unknown_choice(other, EmploymentType::ALL.iter().map(|t| t.as_str())),
                ));
                EmploymentType::Pns
            }),
        };
        let nip = match Nip::parse_for(&get("nip"), employment_type) {
            Ok(n) => n.to_string(),
            Err(e) => {
                errors.push(err(line, "nip", &e));
                String::new()
            }
        };
        if !nip.is_empty() {
            if let Some(first) = seen.insert(nip.clone(), line) {
                errors.push(err(line, "nip", Issue::new(Invalid::NipTwice).with("nip", &nip).with("first", first)));
            }
        }
        let name = get("name");
        if name.is_empty() || name.chars().count() > 200 {
            errors.push(err(line, "name", Invalid::NameRequired));
        }
        let position_title = get("position_title");
        if position_title.is_empty() || position_title.chars().count() > 200 {
            errors.push(err(line, "position_title", Invalid::PositionTitleRequired));
        }
        let raw_kind = get("position_kind");
        let position_kind = raw_kind.parse().unwrap_or_else(|_: String| {
            errors.push(err(
                line,
                "position_kind",
                unknown_choice(&raw_kind, PositionKind::ALL.iter().map(|k| k.as_str())),
            ));
            PositionKind::Pelaksana
        });
        let unit_id = if col("unit_id").is_some() && !get("unit_id").is_empty() {
            match get("unit_id").parse::<i64>() {
                Ok(id) if unit_ids.contains(&id) => id,
                _ => {
                    errors.push(err(
                        line,
                        "unit_id",
                        Issue::new(Invalid::UnitValueUnknown).with("value", get("unit_id")),
                    ));
                    0
                }
            }
        } else {
            match unit_by_code.get(&get("unit_code").to_lowercase()) {
                Some(id) => *id,
                None => {
                    errors.push(err(
                        line,
                        "unit_code",
                        Issue::new(Invalid::UnitCodeUnknown).with("code", get("unit_code")),
                    ));
                    0
                }
            }
        };
        let supervisor_nip = Some(Nip::ungrouped(&get("supervisor_nip"))).filter(|s| !s.is_empty());
        if errors.len() == before {
            rows.push(Row { line, nip, name, unit_id, position_title, position_kind, supervisor_nip, employment_type });
        }
    }

    // Supervisors: in the file or in the database, never oneself, never a cycle.
    let in_file: HashMap<&str, u64> = rows.iter().map(|r| (r.nip.as_str(), r.line)).collect();
    for r in &rows {
        if let Some(s) = &r.supervisor_nip {
            if s == &r.nip {
                errors.push(err(r.line, "supervisor_nip", Invalid::SelfSupervisor));
            } else if !in_file.contains_key(s.as_str()) && !id_by_nip.contains_key(s) && !seen.contains_key(s) {
                errors.push(err(r.line, "supervisor_nip", Issue::new(Invalid::SupervisorNipUnknown).with("nip", s)));
            }
        }
    }
    if errors.is_empty() {
        // Build the supervisor relation by NIP as it would be after the import, and look for cycles.
        let nip_by_id: HashMap<i64, &str> = existing.iter().map(|(id, nip, ..)| (*id, nip.as_str())).collect();
        let mut key: HashMap<&str, i64> = HashMap::new();
        for (i, nip) in
            existing.iter().map(|(_, n, ..)| n.as_str()).chain(rows.iter().map(|r| r.nip.as_str())).enumerate()
        {
            key.entry(nip).or_insert(i as i64);
        }
        let mut parent: HashMap<i64, i64> = HashMap::new();
        for (_, nip, sup) in &existing {
            if let Some(s) = sup.and_then(|s| nip_by_id.get(&s)) {
                parent.insert(key[nip.as_str()], key[s]);
            }
        }
        for r in &rows {
            parent.remove(&key[r.nip.as_str()]);
            if let Some(s) = &r.supervisor_nip {
                parent.insert(key[r.nip.as_str()], key[s.as_str()]);
            }
        }
        let on_cycle = tree::nodes_on_cycles(&parent);
        for r in &rows {
            if r.supervisor_nip.is_some() && on_cycle.contains(&key[r.nip.as_str()]) {
                errors.push(err(r.line, "supervisor_nip", Invalid::SupervisorCycle));
            }
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(ImportFailure::Rows(errors));
    }

    let total = rows.len() as u64 * 2;
    let txn = crate::db::begin(db).await?;
    let now = Utc::now();
    let today = crate::pemda_settings::load(&txn).await?.today();
    // Where each one is placed, read in the transaction that moves them.
    let unit_by_id: HashMap<i64, i64> = employees::Entity::find()
        .select_only()
        .columns([employees::Column::Id, employees::Column::UnitId])
        .into_tuple()
        .all(&txn)
        .await?
        .into_iter()
        .collect();
    let mut ids = id_by_nip.clone();
    let (mut created, mut updated) = (Vec::new(), Vec::new());
    for (i, r) in rows.iter().enumerate() {
        let values = employees::ActiveModel {
            nip: Set(r.nip.clone()),
            name: Set(r.name.clone()),
            unit_id: Set(r.unit_id),
            position_title: Set(r.position_title.clone()),
            position_kind: Set(r.position_kind),
            employment_type: Set(r.employment_type),
            updated_at: Set(now),
            ..Default::default()
        };
        if let Some(id) = id_by_nip.get(&r.nip) {
            if let Some(old) = unit_by_id.get(id).filter(|old| **old != r.unit_id) {
                crate::services::placements::record_move(&txn, *id, *old, today).await?;
            }
            let mut values = values;
            values.id = Set(*id);
            values.update(&txn).await?;
            updated.push(r.nip.clone());
        } else {
            let mut values = values;
            values.created_at = Set(now);
            let e = values.insert(&txn).await?;
            ids.insert(r.nip.clone(), e.id);
            created.push(r.nip.clone());
        }
        progress(i as u64 + 1, total);
    }
    for (i, r) in rows.iter().enumerate() {
        let sup = r.supervisor_nip.as_ref().and_then(|s| ids.get(s)).copied();
        employees::Entity::update_many()
            .col_expr(employees::Column::SupervisorId, Expr::value(sup))
            .filter(employees::Column::Nip.eq(r.nip.clone()))
            .exec(&txn)
            .await?;
        progress(rows.len() as u64 + i as u64 + 1, total);
    }
    let report = ImportReport { created: created.len() as u64, updated: updated.len() as u64 };
    audit::record(
        &txn,
        actor,
        Change {
            action: "employee.import",
            entity: "employee",
            entity_id: None,
            before: None,
            after: Some(serde_json::json!({ "created": created, "updated": updated })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(report)
}
