//! The `reports` family: flat rows for spreadsheets, payroll and data warehouses, each in JSON or
//! CSV with the same filters — `unit_id` (a head's subtree; the whole city for admins, auditors and
//! city-wide tokens) and `period` (`month` for TPP). Assessments are in `assessments::calibration`
//! and TPP in `tpp`; the others are here.

pub mod activities;
pub mod complaints;
pub mod ikm;
pub mod skps;

use crate::entities::{employees, units};
use crate::error::{ApiError, ApiResult};
use crate::policy::{within, Capability, Units, Viewer};
use crate::routes::list::{csv_response, page_of, wants_csv, PageQuery};
use crate::services::org_tree::unit_subtree;
use actix_web::{web, HttpRequest, HttpResponse};
use kinerja_domain::Period;
use sea_orm::{ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::IntoParams;

/// The most rows one report returns; narrow the unit or the period beyond that.
pub const MAX_ROWS: usize = 200_000;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(activities::report).service(skps::report).service(ikm::report).service(complaints::report);
}

/// Filters of a report.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// The unit whose subtree to report (default: the whole city, for admins, auditors and city tokens).
    pub unit_id: Option<i64>,
    /// `2026`, `2026-Q3` or `2026-07`.
    pub period: String,
}

/// A period from a query.
pub fn parse_period(raw: &str) -> ApiResult<Period> {
    raw.parse().map_err(|e: kinerja_domain::PeriodError| ApiError::field("period", e.to_string()))
}

/// The units a report covers: a head's subtree (404 outside sight, 403 when not their subtree),
/// or `None` for the whole city, which only city-wide viewers may ask for.
pub async fn scope(db: &impl ConnectionTrait, viewer: &Viewer, unit_id: Option<i64>) -> ApiResult<Units> {
    match unit_id {
        Some(u) => {
            crate::services::units::with(db, viewer, u, Capability::ReadUnit).await?;
            Ok(Some(unit_subtree(db, u).await?.into_iter().collect()))
        }
        None if viewer.reads_city() => Ok(None),
        None => Err(ApiError::field("unit_id", "sebutkan unit")),
    }
}

/// The rows as a JSON page (`page`, `per_page`), or all of them as a CSV file named `name` (a
/// spreadsheet wants the whole report).
pub fn answer<T: Serialize>(
    req: &HttpRequest,
    paging: &PageQuery,
    items: Vec<T>,
    name: &str,
) -> ApiResult<HttpResponse> {
    if items.len() > MAX_ROWS {
        return Err(ApiError::field("period", format!("lebih dari {MAX_ROWS} baris; persempit unit atau periode")));
    }
    if wants_csv(req, paging.format.as_deref()) {
        return csv_response(&items, name);
    }
    Ok(HttpResponse::Ok().json(page_of(items, paging)))
}

/// An employee as reports name them.
pub struct Person {
    pub nip: String,
    pub name: String,
    pub unit: String,
    pub position: String,
}

/// The employees of the units by id, with their unit's name.
pub async fn people(db: &impl ConnectionTrait, units: &Units) -> ApiResult<HashMap<i64, Person>> {
    let names: HashMap<i64, String> = units::Entity::find()
        .select_only()
        .columns([units::Column::Id, units::Column::Name])
        .into_tuple::<(i64, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(employees::Entity::find()
        .filter(within(employees::Column::UnitId, units))
        .all(db)
        .await?
        .into_iter()
        .map(|e| {
            let unit = names.get(&e.unit_id).cloned().unwrap_or_default();
            (e.id, Person { nip: e.nip, name: e.name, unit, position: e.position_title })
        })
        .collect())
}
