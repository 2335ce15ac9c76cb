//! Attendance CSV import, all or nothing: `nip,date,status[,late_minutes][,early_minutes]
//! [,missed_apel]`, one row per employee and day (a day imported again replaces the earlier record). Every bad cell is reported with its
//! line number; only a clean file is written, in one transaction.

use super::csv_import::{err, unknown_choice, CsvFile, ImportFailure, Progress};
use crate::audit::{self, Actor, Change};
use crate::entities::{attendance, employees};
use chrono::{NaiveDate, Utc};
use kinerja_domain::tpp::AttendanceStatus;
use kinerja_types::{ImportReport, Invalid, Issue};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, Set};
use std::collections::{HashMap, HashSet};

/// Rows written per statement.
const CHUNK: usize = 500;

struct Row {
    employee_id: i64,
    date: NaiveDate,
    status: AttendanceStatus,
    late_minutes: i32,
    early_minutes: i32,
    missed_apel: bool,
}

/// Minutes of a day from a cell: empty is none, else a whole number 0–1440 (`None` otherwise).
fn minutes_of(raw: &str) -> Option<i32> {
    match raw {
        "" => Some(0),
        raw => raw.parse::<i32>().ok().filter(|m| (0..=1440).contains(m)),
    }
}

/// Checks and imports an attendance file.
pub async fn import(
    db: &DatabaseConnection,
    bytes: &[u8],
    actor: &Actor,
    today: NaiveDate,
    progress: Progress<'_>,
) -> Result<ImportReport, ImportFailure> {
    let file = CsvFile::read(bytes, &["nip", "date", "status"])?;
    let people: HashMap<String, i64> = employees::Entity::find()
        .select_only()
        .columns([employees::Column::Nip, employees::Column::Id])
        .into_tuple::<(String, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut errors = file.errors.clone();
    let mut rows = Vec::with_capacity(file.records.len());
    let mut seen: HashMap<(i64, NaiveDate), u64> = HashMap::new();
    for (line, record) in &file.records {
        let line = *line;
        let before = errors.len();
        let nip = file.get(record, "nip");
        let employee_id = people.get(nip).copied().unwrap_or_else(|| {
            errors.push(err(line, "nip", Issue::new(Invalid::NipUnknown).with("nip", nip)));
            0
        });
        let date = match NaiveDate::parse_from_str(file.get(record, "date"), "%Y-%m-%d") {
            Ok(d) if d <= today => d,
            Ok(_) => {
                errors.push(err(line, "date", Invalid::DateInFuture));
                today
            }
            Err(_) => {
                errors.push(err(line, "date", Invalid::DateFormat));
                today
            }
        };
        let raw_status = file.get(record, "status");
        let status = raw_status.parse().unwrap_or_else(|_: String| {
            errors.push(err(
                line,
                "status",
                unknown_choice(raw_status, AttendanceStatus::ALL.iter().map(|s| s.as_str())),
            ));
            AttendanceStatus::Hadir
        });
        let mut minutes = |field: &str| {
            minutes_of(file.get(record, field)).unwrap_or_else(|| {
                errors.push(err(line, field, Invalid::LateMinutes));
                0
            })
        };
        let (late_minutes, early_minutes) = (minutes("late_minutes"), minutes("early_minutes"));
        let missed_apel = match file.get(record, "missed_apel").to_lowercase().as_str() {
            "" | "0" | "tidak" | "false" => false,
            "1" | "ya" | "true" => true,
            other => {
                errors.push(err(line, "missed_apel", unknown_choice(other, ["0", "1", "ya", "tidak"].into_iter())));
                false
            }
        };
        if errors.len() == before {
            if let Some(first) = seen.insert((employee_id, date), line) {
                errors.push(err(line, "date", Issue::new(Invalid::AttendanceTwice).with("first", first)));
                continue;
            }
            rows.push(Row { employee_id, date, status, late_minutes, early_minutes, missed_apel });
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(ImportFailure::Rows(errors));
    }

    let txn = crate::db::begin(db).await?;
    let (from, to) = match (rows.iter().map(|r| r.date).min(), rows.iter().map(|r| r.date).max()) {
        (Some(a), Some(b)) => (a, b),
        _ => (today, today),
    };
    let existing: HashSet<(i64, NaiveDate)> = attendance::Entity::find()
        .select_only()
        .columns([attendance::Column::EmployeeId, attendance::Column::Date])
        .filter(attendance::Column::Date.between(from, to))
        .into_tuple::<(i64, NaiveDate)>()
        .all(&txn)
        .await?
        .into_iter()
        .collect();
    let updated = rows.iter().filter(|r| existing.contains(&(r.employee_id, r.date))).count() as u64;
    let now = Utc::now();
    let total = rows.len() as u64;
    for (i, chunk) in rows.chunks(CHUNK).enumerate() {
        let models = chunk.iter().map(|r| attendance::ActiveModel {
            employee_id: Set(r.employee_id),
            date: Set(r.date),
            status: Set(r.status),
            late_minutes: Set(r.late_minutes),
            early_minutes: Set(r.early_minutes),
            missed_apel: Set(r.missed_apel),
            updated_at: Set(now),
            ..Default::default()
        });
        attendance::Entity::insert_many(models)
            .on_conflict(
                OnConflict::columns([attendance::Column::EmployeeId, attendance::Column::Date])
                    .update_columns([
                        attendance::Column::Status,
                        attendance::Column::LateMinutes,
                        attendance::Column::EarlyMinutes,
                        attendance::Column::MissedApel,
                        attendance::Column::UpdatedAt,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(&txn)
            .await?;
        progress(((i + 1) * CHUNK).min(rows.len()) as u64, total);
    }
    let report = ImportReport { created: total - updated, updated };
    let summary = serde_json::json!({ "created": report.created, "updated": report.updated, "from": from, "to": to });
    audit::record(
        &txn,
        actor,
        Change {
            action: "attendance.import",
            entity: "attendance",
            entity_id: None,
            before: None,
            after: Some(summary),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(report)
}
