use kinerja_domain::EmploymentType;
use kinerja_domain::PositionKind;
use kinerja_domain::Sex;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "employees")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub nip: String,
    pub name: String,
    pub unit_id: i64,
    pub position_title: String,
    pub position_kind: PositionKind,
    pub supervisor_id: Option<i64>,
    pub employment_type: EmploymentType,
    /// Their own work pattern (a code of the settings' `work_patterns`, e.g. a shift rota) over
    /// their unit's.
    pub work_pattern: Option<String>,
    /// As the SK records it; the NIP encodes it too (the data-quality index compares them).
    pub birth_date: Option<Date>,
    pub sex: Option<Sex>,
    /// Why the supervisor sits in another OPD (Plt, penugasan), when they do.
    pub supervisor_reason: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
