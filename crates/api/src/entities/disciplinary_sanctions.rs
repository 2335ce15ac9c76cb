use kinerja_domain::tpp::SanctionLevel;
use sea_orm::entity::prelude::*;

/// A disciplinary sanction recorded from its decree; it cuts the TPP of the months it is in force.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "disciplinary_sanctions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub employee_id: i64,
    pub level: SanctionLevel,
    pub decree_number: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub reason: String,
    pub recorded_by_user_id: i64,
    pub created_at: DateTimeUtc,
    /// Annulled (recorded in error, or lifted on appeal): kept, but cuts nothing.
    pub annulled_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
