//! The audit log: every write records who did what to which entity, before and after, and when.
//! Each entry's hash covers its content and the previous entry's hash, so editing or deleting a
//! row breaks the chain from that row on, and `verify` finds it.

use crate::entities::audit_log;
use crate::error::ApiResult;
use chrono::{DateTime, SubsecRound, Utc};
use kinerja_types::{AuditEntry, AuditVerification};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The advisory lock that orders appends to the chain (PostgreSQL).
pub const APPEND_LOCK: i64 = 715427;

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who acted.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub label: String,
}

impl Actor {
    pub fn user(id: i64, username: &str) -> Self {
        Self { user_id: Some(id), label: username.to_owned() }
    }

    /// The command line (an operator at the server's console).
    pub fn cli() -> Self {
        Self { user_id: None, label: "cli".into() }
    }

    /// A citizen without an account.
    pub fn public() -> Self {
        Self { user_id: None, label: "publik".into() }
    }
}

/// One write to record.
pub struct Change<'a> {
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<String>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

impl<'a> Change<'a> {
    pub fn new(action: &'a str, entity: &'a str, entity_id: impl ToString) -> Self {
        Self { action, entity, entity_id: Some(entity_id.to_string()), before: None, after: None }
    }

    pub fn before(mut self, value: &impl Serialize) -> Self {
        self.before = serde_json::to_value(value).ok();
        self
    }

    pub fn after(mut self, value: &impl Serialize) -> Self {
        self.after = serde_json::to_value(value).ok();
        self
    }
}

fn content_hash(prev: &str, row: &audit_log::Model) -> String {
    let mut h = Sha256::new();
    for part in [
        prev,
        &row.at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        &row.actor_user_id.map(|i| i.to_string()).unwrap_or_default(),
        &row.actor,
        &row.action,
        &row.entity,
        row.entity_id.as_deref().unwrap_or(""),
        row.before.as_deref().unwrap_or(""),
        row.after.as_deref().unwrap_or(""),
    ] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

/// Appends an entry. Call it inside the transaction of the write it describes, so that both
/// land or neither does.
pub async fn record(db: &DatabaseTransaction, actor: &Actor, change: Change<'_>) -> ApiResult<()> {
    record_at(db, actor, change, None).await
}

/// Appends an entry dated `at`, or by the clock once the chain is held (a test dates entries in a
/// past year). An entry is never dated before its predecessor, whatever the replicas' clocks, so
/// that the order of the chain and the order of the years agree.
pub async fn record_at(
    db: &DatabaseTransaction,
    actor: &Actor,
    change: Change<'_>,
    at: Option<DateTime<Utc>>,
) -> ApiResult<()> {
    if db.get_database_backend() == DbBackend::Postgres {
        // Serialises appenders across connections and replicas until the transaction ends (the
        // archive step takes it too).
        db.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({APPEND_LOCK})")).await?;
    }
    let mut at = at.unwrap_or_else(Utc::now).trunc_subsecs(6);
    // Insert first: on SQLite this takes the write lock before the predecessor is read.
    let inserted = audit_log::ActiveModel {
        at: Set(at),
        actor_user_id: Set(actor.user_id),
        actor: Set(actor.label.chars().take(100).collect()),
        action: Set(change.action.to_owned()),
        entity: Set(change.entity.to_owned()),
        entity_id: Set(change.entity_id.clone()),
        before: Set(change.before.as_ref().map(|v| v.to_string())),
        after: Set(change.after.as_ref().map(|v| v.to_string())),
        prev_hash: Set(String::new()),
        hash: Set(String::new()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let predecessor = audit_log::Entity::find()
        .filter(audit_log::Column::Id.lt(inserted.id))
        .order_by_desc(audit_log::Column::Id)
        .one(db)
        .await?;
    let mut inserted = inserted;
    if let Some(p) = predecessor.as_ref().filter(|p| p.at > at) {
        at = p.at;
        inserted.at = at;
    }
    let prev = match predecessor.map(|p| p.hash) {
        Some(hash) => hash,
        // Every earlier entry is in an archived year: the chain continues from its checkpoint.
        None => crate::entities::audit_checkpoints::Entity::find()
            .order_by_desc(crate::entities::audit_checkpoints::Column::LastId)
            .one(db)
            .await?
            .map(|c| c.last_hash)
            .unwrap_or_else(|| GENESIS.to_owned()),
    };
    let hash = content_hash(&prev, &inserted);
    audit_log::Entity::update_many()
        .col_expr(audit_log::Column::PrevHash, Expr::value(prev))
        .col_expr(audit_log::Column::Hash, Expr::value(hash.clone()))
        .col_expr(audit_log::Column::At, Expr::value(at))
        .filter(audit_log::Column::Id.eq(inserted.id))
        .exec(db)
        .await?;
    // The change may be an event someone subscribed to.
    let announced = crate::delivery::events::Announced {
        action: change.action,
        entity: change.entity,
        entity_id: change.entity_id.as_deref(),
        after: change.after.as_ref(),
        at,
    };
    crate::delivery::events::announce(db, &announced, inserted.id, &hash).await
}

/// Where a walk of the chain stopped: at its end, or at the first entry that does not match.
enum Walked {
    End { prev: String, last_id: i64, entries: u64 },
    Broken { id: i64, why: &'static str },
}

/// Walks the entries of `table` (the live log, or a detached archived year) after `after_id`,
/// starting from the hash `prev`.
async fn walk(db: &impl ConnectionTrait, table: &str, mut after_id: i64, mut prev: String) -> ApiResult<Walked> {
    const CHUNK: u64 = 1000;
    let mut entries = 0u64;
    loop {
        let sql = format!("SELECT * FROM \"{table}\" WHERE id > {after_id} ORDER BY id LIMIT {CHUNK}");
        let rows = audit_log::Entity::find()
            .from_raw_sql(sea_orm::Statement::from_string(db.get_database_backend(), sql))
            .all(db)
            .await?;
        if rows.is_empty() {
            return Ok(Walked::End { prev, last_id: after_id, entries });
        }
        for row in &rows {
            entries += 1;
            if row.prev_hash != prev {
                return Ok(Walked::Broken {
                    id: row.id,
                    why: "tautan ke entri sebelumnya tidak cocok (ada entri yang dihapus atau disisipkan)",
                });
            }
            if content_hash(&prev, row) != row.hash {
                return Ok(Walked::Broken {
                    id: row.id,
                    why: "isi entri tidak cocok dengan hash-nya (entri telah diubah)",
                });
            }
            prev = row.hash.clone();
            after_id = row.id;
        }
    }
}

/// Whether the archive step of the checkpoint's year is in the chain with the same checkpoint.
async fn recorded(db: &impl ConnectionTrait, cp: &crate::entities::audit_checkpoints::Model) -> ApiResult<bool> {
    let entry = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("archive"))
        .filter(audit_log::Column::Entity.eq("history"))
        .filter(audit_log::Column::EntityId.eq(cp.year.to_string()))
        .one(db)
        .await?;
    let written = entry.and_then(|e| e.after).and_then(|a| serde_json::from_str::<serde_json::Value>(&a).ok());
    Ok(written.is_some_and(|w| {
        let c = &w["checkpoint"];
        c["last_id"] == cp.last_id && c["last_hash"] == cp.last_hash.as_str() && c["entries"] == cp.entries
    }))
}

/// Whether the entries appended after `head` continue the chain (the archive step's last check,
/// made while appends wait).
pub async fn continues_from(db: &impl ConnectionTrait, head: &Head) -> ApiResult<bool> {
    Ok(matches!(walk(db, "audit_log", head.0, head.1.clone()).await?, Walked::End { .. }))
}

/// Walks the chain and reports the first entry that does not match. Archived years (see
/// `partitions::archive`) are passed over from their stored checkpoint; those whose detached table
/// is still in the database are walked too and must end exactly at their checkpoint.
pub async fn verify(db: &impl ConnectionTrait) -> ApiResult<AuditVerification> {
    Ok(verify_to_head(db).await?.0)
}

/// The chain's head: the id and hash of its last entry (0 and the genesis or checkpoint hash when
/// the live log is empty).
pub type Head = (i64, String);

/// [`verify`], and the head it reached (for the archive step, which then checks only what was
/// appended after it).
pub async fn verify_to_head(db: &impl ConnectionTrait) -> ApiResult<(AuditVerification, Head)> {
    use crate::entities::audit_checkpoints;
    let broken = |checked: u64, id: i64, why: &str| {
        let verdict = AuditVerification {
            intact: false,
            checked,
            first_broken_id: Some(id),
            detail: format!("Entri #{id}: {why}"),
        };
        (verdict, (0, String::new()))
    };
    let checkpoints = audit_checkpoints::Entity::find().order_by_asc(audit_checkpoints::Column::LastId).all(db).await?;
    let first_live: Option<i64> = audit_log::Entity::find()
        .select_only()
        .column_as(audit_log::Column::Id.min(), "m")
        .into_tuple::<Option<i64>>()
        .one(db)
        .await?
        .flatten();
    let (mut prev, mut after_id, mut checked) = (GENESIS.to_owned(), 0i64, 0u64);
    let mut archived = Vec::new();
    let mut latest: Option<&audit_checkpoints::Model> = None;
    for cp in &checkpoints {
        if first_live.is_some_and(|first| first <= cp.last_id) {
            // The year's entries are still in the live log: they are walked there.
            break;
        }
        let valid_name =
            cp.archived_table.strip_prefix("audit_log_y").is_some_and(|y| y.chars().all(|c| c.is_ascii_digit()));
        if !valid_name {
            return Ok(broken(checked, cp.last_id, "titik periksa menyebut tabel arsip yang tidak sah"));
        }
        if crate::db::table_exists(db, &cp.archived_table).await? {
            match walk(db, &cp.archived_table, after_id, prev.clone()).await? {
                Walked::Broken { id, why } => return Ok(broken(checked, id, why)),
                Walked::End { prev: end, entries, .. } => {
                    checked += entries;
                    if end != cp.last_hash || entries as i64 != cp.entries {
                        return Ok(broken(checked, cp.last_id, "arsip tahun ini tidak berakhir di titik periksanya"));
                    }
                }
            }
        }
        archived.push(cp.year.to_string());
        prev = cp.last_hash.clone();
        after_id = cp.last_id;
        latest = Some(cp);
    }
    match walk(db, "audit_log", after_id, prev).await? {
        Walked::Broken { id, why } => Ok(broken(checked, id, why)),
        Walked::End { entries, prev: head_hash, last_id } => {
            checked += entries;
            // The checkpoint the live log continues from must be the one its archive step wrote
            // into the chain: a checkpoint added by hand to hide deleted entries is not.
            if let Some(cp) = latest {
                if !recorded(db, cp).await? {
                    return Ok(broken(
                        checked,
                        cp.last_id,
                        "titik periksa arsip tidak cocok dengan catatan pengarsipannya di log audit",
                    ));
                }
            }
            let since = if archived.is_empty() {
                String::new()
            } else {
                format!(" (tahun {} diarsipkan; rantai berlanjut dari titik periksanya)", archived.join(", "))
            };
            let verdict = AuditVerification {
                intact: true,
                checked,
                first_broken_id: None,
                detail: format!("{checked} entri diperiksa; rantai hash utuh{since}"),
            };
            Ok((verdict, (last_id, head_hash)))
        }
    }
}

/// What the audit list asks for.
#[derive(Debug, Default)]
pub struct AuditQuery<'a> {
    pub entity: Option<&'a str>,
    pub entity_id: Option<&'a str>,
    pub action: Option<&'a str>,
    pub actor_user_id: Option<i64>,
}

/// An entry as sent.
pub fn to_wire(row: &audit_log::Model) -> AuditEntry {
    let json = |s: &Option<String>| s.as_deref().and_then(|t| serde_json::from_str(t).ok());
    AuditEntry {
        id: row.id,
        at: row.at,
        actor_user_id: row.actor_user_id,
        actor: row.actor.clone(),
        action: row.action.clone(),
        entity: row.entity.clone(),
        entity_id: row.entity_id.clone(),
        before: json(&row.before),
        after: json(&row.after),
        hash: row.hash.clone(),
    }
}

/// Entries matching the query, newest first: one page and the total.
pub async fn list(
    db: &impl ConnectionTrait,
    q: &AuditQuery<'_>,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<audit_log::Model>, u64)> {
    let mut select = audit_log::Entity::find().order_by_desc(audit_log::Column::Id);
    if let Some(e) = q.entity {
        select = select.filter(audit_log::Column::Entity.eq(e));
    }
    if let Some(e) = q.entity_id {
        select = select.filter(audit_log::Column::EntityId.eq(e));
    }
    if let Some(a) = q.action {
        select = select.filter(audit_log::Column::Action.eq(a));
    }
    if let Some(a) = q.actor_user_id {
        select = select.filter(audit_log::Column::ActorUserId.eq(a));
    }
    crate::services::paging::fetch(db, select, offset, limit).await
}
