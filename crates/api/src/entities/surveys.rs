use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "surveys")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub unit_id: i64,
    /// `YYYY-MM` of the visit.
    pub period: String,
    /// The nine answers as digits, e.g. `434343434`.
    pub answers: String,
    /// JSON of the optional respondent profile.
    pub profile: Option<String>,
    pub comment: Option<String>,
    pub kiosk_id: Option<i64>,
    pub fingerprint: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
