use kinerja_domain::tpp::AttendanceStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attendance")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub employee_id: i64,
    pub date: Date,
    pub status: AttendanceStatus,
    pub late_minutes: i32,
    /// Minutes left before the end of the working day (pulang sebelum waktunya).
    pub early_minutes: i32,
    /// An apel or upacara of the day missed.
    pub missed_apel: bool,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
