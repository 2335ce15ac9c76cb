//! The pieces of the unit dashboard and the city view: summary tiles, charts, the per-unit table,
//! the attention list, the oversight tasks and the way back up the unit tree.

pub mod attention;
pub mod breadcrumb;
pub mod charts;
pub mod figures_table;
pub mod highlights;
pub mod oversight;
pub mod tiles;

pub use attention::{AttentionList, EmployeeQuery};
pub use breadcrumb::UnitBreadcrumb;
pub use charts::{DashboardCharts, UnitComparison};
pub use figures_table::FiguresTable;
pub use highlights::Highlights;
pub use oversight::OversightPanel;
pub use tiles::FigureTiles;

use kinerja_domain::Period;
use serde::{Deserialize, Serialize};

/// `?period=2026-Q3` on the dashboard addresses, so that a period survives drilling down,
/// reloading and sharing the link.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DashboardQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
}

impl DashboardQuery {
    /// The period asked for, if it is one.
    pub fn period(&self) -> Option<Period> {
        self.period.as_deref().and_then(|p| p.parse().ok())
    }
}
