use kinerja_domain::ActivityStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "activities")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub employee_id: i64,
    /// The supervisor at submission: whose verification queue it is in.
    pub penilai_id: Option<i64>,
    pub unit_id: i64,
    pub skp_id: i64,
    pub rhk_id: i64,
    pub date: Date,
    pub minutes: i32,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub description: String,
    pub output_qty: Option<f64>,
    pub status: ActivityStatus,
    pub reject_note: Option<String>,
    pub submitted_at: Option<DateTimeUtc>,
    pub decided_at: Option<DateTimeUtc>,
    pub decided_by_user_id: Option<i64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
