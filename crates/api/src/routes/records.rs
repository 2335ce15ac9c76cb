//! The filters of the lists of records the BKPSDM keeps about employees over a span of days
//! (sanctions, leave), read from the query string the same way for each.

use crate::error::{ApiError, ApiResult};
use crate::policy::Viewer;
use crate::services::employee_records::SpanQuery;
use crate::state::AppState;
use kinerja_domain::Period;
use kinerja_types::Invalid;
use serde::Deserialize;
use utoipa::IntoParams;

/// Filters of a list of records.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SpanFilter {
    /// Only this employee's.
    pub employee_id: Option<i64>,
    /// Only those covering some day of this month (`2026-11`).
    pub month: Option<String>,
    /// Only the staff placed in this unit's subtree (its head, admin, auditor).
    pub unit_id: Option<i64>,
}

impl SpanFilter {
    /// The query: 422 for a month that is not one, 403/404 for a unit the viewer may not read.
    pub async fn query(&self, state: &AppState, viewer: &Viewer) -> ApiResult<SpanQuery> {
        let during = match self.month.as_deref().map(str::parse::<Period>) {
            None => None,
            Some(Ok(m @ Period::Month(..))) => Some(m.bounds()),
            Some(_) => return Err(ApiError::field("month", Invalid::MonthFormat)),
        };
        let units = match self.unit_id {
            Some(unit) => Some(crate::services::reports::scope(&state.db, viewer, Some(unit)).await?),
            None => None,
        };
        Ok(SpanQuery { employee_id: self.employee_id, during, units })
    }
}
