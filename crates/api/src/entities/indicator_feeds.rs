use kinerja_domain::FeedStatus;
use sea_orm::entity::prelude::*;

/// One source system feeding one RHK indicator, with the penilai's decision on it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "indicator_feeds")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub indicator_id: i64,
    pub skp_id: i64,
    /// The SKP's owner.
    pub employee_id: i64,
    /// The source system as it names itself (`SIAK Dukcapil`, `e-Puskesmas`).
    pub source: String,
    pub status: FeedStatus,
    pub created_at: DateTimeUtc,
    /// Who decided (the penilai's user name), when, and why it was refused.
    pub decided_by: Option<String>,
    pub decided_at: Option<DateTimeUtc>,
    pub reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
