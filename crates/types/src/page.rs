use serde::{Deserialize, Serialize};

/// One page of a list. Lists never return more than `limit` items; the hard maximum is 200.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Total number of matching rows.
    pub total: u64,
    /// Page number, starting at 1.
    pub page: u64,
    /// Page size used.
    pub per_page: u64,
}

impl<T> Page<T> {
    /// The hard maximum page size of every list.
    pub const MAX_PER_PAGE: u64 = 200;
    /// The page size when none is asked for.
    pub const DEFAULT_PER_PAGE: u64 = 50;
}
