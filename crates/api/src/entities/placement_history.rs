use sea_orm::entity::prelude::*;

/// An earlier placement of an employee: the unit from `starts_on` (none: since before the history
/// began) to `ends_on`, inclusive. The current placement is `employees.unit_id` after the last one.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "placement_history")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub employee_id: i64,
    pub unit_id: i64,
    pub starts_on: Option<Date>,
    pub ends_on: Date,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
