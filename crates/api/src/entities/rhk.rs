use kinerja_domain::RhkKind;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rhk")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub skp_id: i64,
    pub text: String,
    pub kind: RhkKind,
    pub parent_rhk_id: Option<i64>,
    pub pk_goal_id: Option<i64>,
    /// The first RHK of which this one is a revised copy; its own id when new.
    pub lineage_id: Option<i64>,
    pub position: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
