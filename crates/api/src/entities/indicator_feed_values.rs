use sea_orm::entity::prelude::*;

/// A value a feed posted for a period, under the source's own reference (posting the same
/// reference again corrects the value).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "indicator_feed_values")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub feed_id: i64,
    /// `2026-11`, `2026-Q4`, …
    pub period: String,
    pub date_from: Date,
    pub date_to: Date,
    pub value: f64,
    pub reference: String,
    /// The token (`token:<name>`) or person who posted it.
    pub posted_by: String,
    pub posted_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
