//! The yearly partitions of PostgreSQL's history tables, shared by the migration that makes them
//! (`m20261208_000044_partitioned_history`) and the server that makes the coming years' and
//! archives closed ones (`kinerja_api::partitions`).

/// What a partition column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Date,
    /// A time, partitioned by UTC years.
    Timestamp,
    /// The year itself.
    Year,
}

/// The partitioned tables: name, partition column, and what it holds.
pub const TABLES: [(&str, &str, Kind); 4] = [
    ("activities", "date", Kind::Date),
    ("activity_daily_totals", "date", Kind::Date),
    ("audit_log", "at", Kind::Timestamp),
    ("outbox", "year", Kind::Year),
];

/// The bounds of a year's partition, as SQL literals' contents (`FROM ('…') TO ('…')`).
pub fn bounds(year: i32, kind: Kind) -> (String, String) {
    match kind {
        Kind::Timestamp => (format!("{year}-01-01 00:00:00+00"), format!("{}-01-01 00:00:00+00", year + 1)),
        Kind::Date => (format!("{year}-01-01"), format!("{}-01-01", year + 1)),
        Kind::Year => (year.to_string(), (year + 1).to_string()),
    }
}

/// The SQL expression of a row's partition year.
pub fn year_of(column: &str, kind: Kind) -> String {
    match kind {
        Kind::Timestamp => format!("CAST(EXTRACT(YEAR FROM {column} AT TIME ZONE 'UTC') AS INTEGER)"),
        Kind::Date => format!("CAST(EXTRACT(YEAR FROM {column}) AS INTEGER)"),
        Kind::Year => column.to_owned(),
    }
}
