use kinerja_domain::Approach;
use kinerja_domain::SkpStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "skps")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub employee_id: i64,
    pub year: i32,
    pub revision: i32,
    pub approach: Approach,
    pub status: SkpStatus,
    pub penilai_id: Option<i64>,
    pub atasan_penilai_id: Option<i64>,
    pub unit_id: i64,
    pub position_title: String,
    pub previous_id: Option<i64>,
    pub superseded: bool,
    pub return_reason: Option<String>,
    pub submitted_at: Option<DateTimeUtc>,
    pub approved_at: Option<DateTimeUtc>,
    pub approved_by_user_id: Option<i64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
