use sea_orm::entity::prelude::*;

/// A record of an export: what it held (mapped), against the OPD's last export, and what became
/// of it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bkn_export_records")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub export_id: i64,
    /// `skp`, `progress` or `rating`.
    pub kind: String,
    /// Names the record across exports (`skp:2026:<nip>`, `progress:<nip>:2026-11-23`).
    pub record_key: String,
    pub employee_id: i64,
    pub nip: String,
    pub name: String,
    /// SHA-256 of the mapped record.
    pub content_hash: String,
    /// The same for the same content of the same record: a bridge drops a repeat by it.
    pub idempotency_key: String,
    /// The mapped record, as sent.
    pub payload: String,
    /// `new`, `changed`, `unchanged` or `removed`.
    pub change: String,
    /// `blocked`, `exported`, `sent`, `accepted`, `rejected` or `skipped`.
    pub status: String,
    pub reason: Option<String>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
