use sea_orm::entity::prelude::*;

/// An address the BKPSDM subscribed to events; deliveries are outbox rows of the channel `webhook`
/// whose recipient is this row's id.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhooks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub url: String,
    /// The event names, as a JSON array.
    pub events: String,
    /// The key of each delivery's HMAC-SHA256 signature (kept as given: it must sign).
    pub secret: String,
    pub description: Option<String>,
    pub active: bool,
    pub created_by_user_id: i64,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Removed by the admin: kept for its delivery log, sent nothing more.
    pub removed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
