//! Heavy reads on a read replica: `KINERJA_DATABASE_READ_URL` names a PostgreSQL streaming replica
//! (hot standby) that dashboards, reports, exports and the data-quality index read from. Everything
//! that must read its own writes (every write, the checks of who may see what, the lists people
//! edit from) stays on the primary. Those reads may be behind the primary by the replication lag,
//! usually well under a second.
//!
//! A watcher asks the replica every two seconds how far its replay is behind what it received;
//! while it does not answer, or is more than [`MAX_LAG_BYTES`] behind (replay paused or stuck), the
//! heavy reads go to the primary. A request that reaches a replica in the seconds before the watcher
//! notices it gone fails (503) and the next ones go to the primary.

use sea_orm::DatabaseConnection;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

const WATCH_EVERY: Duration = Duration::from_secs(2);

/// WAL received but not yet replayed beyond which the replica is passed over (64 MB: minutes of a
/// busy day's writes, far more than a healthy replica ever lags).
pub const MAX_LAG_BYTES: i64 = 64 * 1024 * 1024;

/// Whether the replica answers and is not too far behind.
async fn usable(replica: &DatabaseConnection) -> bool {
    use sea_orm::{ConnectionTrait, DbBackend, Statement};
    let ask = replica.query_one_raw(Statement::from_string(
        DbBackend::Postgres,
        "SELECT COALESCE(pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()), 0)::bigint AS lag",
    ));
    match tokio::time::timeout(Duration::from_secs(1), ask).await {
        Ok(Ok(Some(row))) => row.try_get::<i64>("", "lag").is_ok_and(|lag| lag < MAX_LAG_BYTES),
        _ => false,
    }
}

/// Where heavy reads go.
#[derive(Clone)]
pub struct Reads {
    primary: DatabaseConnection,
    replica: Option<(DatabaseConnection, Arc<AtomicBool>)>,
}

impl Reads {
    /// No replica: everything reads the primary.
    pub fn primary_only(primary: DatabaseConnection) -> Self {
        Self { primary, replica: None }
    }

    /// Reads go to the replica at `url` while it answers. Connects lazily: the server starts even
    /// when the replica is down.
    pub async fn with_replica(primary: DatabaseConnection, url: &str) -> anyhow::Result<Self> {
        let replica = crate::db::connect_lazy(url).await?;
        let healthy = Arc::new(AtomicBool::new(false));
        let reads = Self { primary, replica: Some((replica.clone(), healthy.clone())) };
        tokio::spawn(async move {
            loop {
                let up = usable(&replica).await;
                if healthy.swap(up, Ordering::SeqCst) != up {
                    if up {
                        tracing::info!("the read replica answers: heavy reads go to it");
                    } else {
                        tracing::warn!("the read replica does not answer: heavy reads go to the primary");
                    }
                }
                tokio::time::sleep(WATCH_EVERY).await;
            }
        });
        Ok(reads)
    }

    /// The connection for a heavy read: the replica while it answers, else the primary.
    pub fn db(&self) -> &DatabaseConnection {
        match &self.replica {
            Some((replica, healthy)) if healthy.load(Ordering::SeqCst) => replica,
            _ => &self.primary,
        }
    }

    /// Whether a replica is configured and answering (for the readiness report).
    pub fn replica_up(&self) -> Option<bool> {
        self.replica.as_ref().map(|(_, healthy)| healthy.load(Ordering::SeqCst))
    }
}
