//! The Pemda's settings, stored key by key; a key never written takes the domain's default.

use crate::audit::{self, Actor, Change};
use crate::entities::settings;
use crate::error::{ApiError, ApiResult};
use chrono::Utc;
use kinerja_types::{FieldError, PemdaSettings};
use kinerja_types::{Invalid, Issue};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Set};
use serde_json::{Map, Value};
use validator::Validate;

/// The current settings.
pub async fn load(db: &impl ConnectionTrait) -> ApiResult<PemdaSettings> {
    let mut merged = defaults_map();
    for row in settings::Entity::find().all(db).await? {
        if merged.contains_key(&row.key) {
            match serde_json::from_str(&row.value) {
                Ok(v) => {
                    merged.insert(row.key, v);
                }
                // Logged; the key keeps the domain's default until it is set again.
                Err(_) => crate::stored::unreadable("settings", &row.key),
            }
        }
    }
    // A stored value that no longer fits the type falls back to the default for that key.
    let defaults = defaults_map();
    let repaired: Map<String, Value> = merged
        .into_iter()
        .map(|(k, v)| {
            let v = if fits(&k, &v) {
                v
            } else {
                // Never silent: logged, and the key takes the domain's default until it is set again.
                crate::stored::unreadable("settings", &k);
                defaults[&k].clone()
            };
            (k, v)
        })
        .collect();
    serde_json::from_value(Value::Object(repaired)).map_err(|e| ApiError::Internal(e.into()))
}

/// The work patterns can be used and their codes are unique; each unit named follows a pattern
/// that exists, and exists itself (checked when the map changes: a unit renamed later must not
/// block every other setting); each override spans at most a year of 1–1440-minute days, and is
/// named.
async fn check_calendar(
    db: &impl ConnectionTrait,
    s: &PemdaSettings,
    units_changed: bool,
    patterns_changed: bool,
) -> ApiResult<()> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let mut codes = std::collections::HashSet::new();
    for p in &s.work_patterns {
        if p.check().is_err() || !codes.insert(p.code.as_str()) {
            return Err(ApiError::field("work_patterns", Issue::new(Invalid::WorkPattern).with("code", &p.code)));
        }
    }
    if s.unit_work_patterns.len() > 1000 {
        return Err(ApiError::field("unit_work_patterns", Issue::new(Invalid::LengthMax).with("max", 1000)));
    }
    for (unit, code) in &s.unit_work_patterns {
        if !codes.contains(code.as_str()) {
            return Err(ApiError::field(
                "unit_work_patterns",
                Issue::new(Invalid::WorkPatternUnknown).with("code", code),
            ));
        }
        if !units_changed {
            continue;
        }
        let found = crate::entities::units::Entity::find()
            .filter(crate::entities::units::Column::Code.eq(unit.as_str()))
            .one(db)
            .await?;
        if found.is_none() {
            return Err(ApiError::field("unit_work_patterns", Issue::new(Invalid::UnitCodeUnknown).with("code", unit)));
        }
    }
    // A pattern someone works by cannot go: they would silently fall back to their unit's.
    if patterns_changed {
        let mut kept: Vec<String> = codes.iter().map(|c| (*c).to_owned()).collect();
        if kept.is_empty() {
            kept.push(kinerja_domain::calendar::WorkPattern::five_days().code);
        }
        let orphan = crate::entities::employees::Entity::find()
            .filter(crate::entities::employees::Column::WorkPattern.is_not_null())
            .filter(crate::entities::employees::Column::WorkPattern.is_not_in(kept))
            .one(db)
            .await?;
        if let Some(e) = orphan {
            let code = e.work_pattern.unwrap_or_default();
            return Err(ApiError::field(
                "work_patterns",
                Issue::new(Invalid::WorkPatternInUse).with("code", code).with("name", e.name),
            ));
        }
    }
    for o in &s.calendar_overrides {
        let span_ok = o.from <= o.to && (o.to - o.from).num_days() <= 366;
        if !span_ok || !(1..=1440).contains(&o.minutes) || o.name.trim().is_empty() {
            return Err(ApiError::field(
                "calendar_overrides",
                Issue::new(Invalid::CalendarOverride).with("name", &o.name),
            ));
        }
    }
    Ok(())
}

/// The SKP deadline of a year (`skp_deadline` is `MM-DD`; 31 January if it cannot be read), moved
/// to the next working day of the unit (`unit_days`) when the unit is closed on it.
pub fn skp_deadline(
    settings: &PemdaSettings,
    year: i32,
    unit_days: &kinerja_domain::calendar::Calendar,
) -> chrono::NaiveDate {
    unit_days.working_day_from(skp_deadline_as_set(settings, year))
}

/// The SKP deadline of a year as the settings put it, before any unit's days move it.
pub fn skp_deadline_as_set(settings: &PemdaSettings, year: i32) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(&format!("{year}-{}", settings.skp_deadline), "%Y-%m-%d")
        .unwrap_or_else(|_| chrono::NaiveDate::from_ymd_opt(year, 1, 31).unwrap_or_default())
}

/// Whether `value` has the right type for the setting `key`.
fn fits(key: &str, value: &Value) -> bool {
    let mut probe = defaults_map();
    probe.insert(key.to_owned(), value.clone());
    serde_json::from_value::<PemdaSettings>(Value::Object(probe)).is_ok()
}

fn defaults_map() -> Map<String, Value> {
    match serde_json::to_value(PemdaSettings::default()) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

/// Applies a partial change given as a JSON object, validates the result, stores the changed
/// keys and records the change in the audit log. Returns the new settings.
pub async fn patch(db: &DatabaseConnection, actor: &Actor, changes: Value) -> ApiResult<PemdaSettings> {
    let Value::Object(changes) = changes else {
        return Err(ApiError::BadRequest("badan permintaan harus objek JSON".into()));
    };
    let txn = crate::db::begin(db).await?;
    let current = load(&txn).await?;
    let mut merged = match serde_json::to_value(&current) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    let mut errors = Vec::new();
    for key in changes.keys() {
        if !merged.contains_key(key) {
            errors.push(FieldError::new(key, Invalid::UnknownSetting));
        } else if !fits(key, &changes[key]) {
            errors.push(FieldError::new(key, Invalid::SettingType));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::fields(errors));
    }
    let mut before = Map::new();
    let mut after = Map::new();
    for (k, v) in &changes {
        if merged.get(k) != Some(v) {
            before.insert(k.clone(), merged[k].clone());
            after.insert(k.clone(), v.clone());
        }
        merged.insert(k.clone(), v.clone());
    }
    let next: PemdaSettings =
        serde_json::from_value(Value::Object(merged)).map_err(|e| ApiError::Internal(e.into()))?;
    next.validate()?;
    check_deadline(&next.skp_deadline)?;
    let at = next.reminders.daily_log_at.trim();
    let time_ok = at.is_empty() || chrono::NaiveTime::parse_from_str(at, "%H:%M").is_ok();
    if !time_ok {
        return Err(ApiError::field("reminders.daily_log_at", Invalid::TimeOfDay));
    }
    if chrono::NaiveTime::parse_from_str(next.reminders.digest_at.trim(), "%H:%M").is_err() {
        return Err(ApiError::field("reminders.digest_at", Invalid::TimeOfDay));
    }
    if !next.whatsapp_template.contains("{pesan}") {
        return Err(ApiError::field("whatsapp_template", Issue::new(Invalid::Placeholder).with("name", "{pesan}")));
    }
    check_calendar(&txn, &next, after.contains_key("unit_work_patterns"), after.contains_key("work_patterns")).await?;
    next.tpp.check().map_err(|e| ApiError::field("tpp", &e))?;
    if next.objection_response_days >= next.objection_decision_days {
        return Err(ApiError::field("objection_response_days", Invalid::ObjectionDaysOrder));
    }
    kinerja_domain::rating::check_patterns(&next.distribution_patterns)
        .map_err(|e| ApiError::field("distribution_patterns", &e))?;
    if let Some(missing) =
        kinerja_domain::CoreValue::ALL.iter().find(|v| !next.pulse_questions.iter().any(|q| q.core_value == **v))
    {
        let issue = Issue::new(Invalid::PulseQuestionsCover).with("name", missing.label());
        return Err(ApiError::field("pulse_questions", issue));
    }
    if !next.talent_potential.is_valid() {
        return Err(ApiError::field("talent_potential", Invalid::ThresholdOrder));
    }
    let bias = &next.rater_bias;
    let bias_ok = (1..=100).contains(&bias.leniency_percent)
        && bias.leniency_margin_points <= 100
        && (1..=100).contains(&bias.min_ratings);
    if !bias_ok {
        return Err(ApiError::field("rater_bias", Invalid::ThresholdOrder));
    }
    if after.is_empty() {
        return Ok(current);
    }
    let now = Utc::now();
    for (k, v) in &after {
        settings::Entity::insert(settings::ActiveModel {
            key: Set(k.clone()),
            value: Set(v.to_string()),
            updated_at: Set(now),
        })
        .on_conflict(
            OnConflict::column(settings::Column::Key)
                .update_columns([settings::Column::Value, settings::Column::UpdatedAt])
                .to_owned(),
        )
        .exec(&txn)
        .await?;
    }
    audit::record(
        &txn,
        actor,
        Change {
            action: "settings.update",
            entity: "settings",
            entity_id: None,
            before: Some(Value::Object(before)),
            after: Some(Value::Object(after)),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(next)
}

fn check_deadline(raw: &str) -> ApiResult<()> {
    chrono::NaiveDate::parse_from_str(&format!("2024-{raw}"), "%Y-%m-%d")
        .map(|_| ())
        .map_err(|_| ApiError::field("skp_deadline", Invalid::SkpDeadlineFormat))
}
