//! Who a signed-in person is and what they may reach, loaded once and kept for a few seconds.
//!
//! The `Viewer` extractor asks here on every authenticated request. A hit costs no query. An entry
//! lives at most `Config::identity_cache` (a few seconds), so a change made on another replica
//! (deactivation, roles, the organisation tree) is seen everywhere within that time; on this
//! replica the routes that make such a change drop the entries at once ([`forget`], [`forget_all`]).

use crate::entities::{employees, refresh_tokens, users};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Profile, Scope};
use crate::services::org_tree::{subordinates, unit_ancestors, unit_subtree};
use kinerja_domain::Role;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};
use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// A person's profile and scopes.
pub type Identity = (Arc<Profile>, Arc<Scope>);

/// Identities by user id, and a count of the changes that dropped some: a load that began before a
/// change must not put what it read back into the cache.
pub struct IdentityCache {
    entries: moka::future::Cache<i64, Option<Identity>>,
    changes: AtomicU64,
}

/// A cache keeping identities for `ttl` (zero: keeps nothing).
pub fn cache(ttl: Duration) -> Arc<IdentityCache> {
    Arc::new(IdentityCache {
        entries: moka::future::Cache::builder()
            .max_capacity(if ttl.is_zero() { 0 } else { 100_000 })
            .time_to_live(ttl.max(Duration::from_millis(1)))
            .build(),
        changes: AtomicU64::new(0),
    })
}

/// The identity of an active user (`None`: unknown or deactivated), from the cache when fresh.
/// Concurrent requests of one user wait for a single load.
pub async fn of_user(cache: &IdentityCache, db: &impl ConnectionTrait, user_id: i64) -> ApiResult<Option<Identity>> {
    let before = cache.changes.load(Ordering::Acquire);
    let found = cache.entries.try_get_with(user_id, load(db, user_id)).await.map_err(|e| match e.as_ref() {
        ApiError::Unavailable => ApiError::Unavailable,
        other => ApiError::Internal(anyhow::anyhow!("loading the identity of user {user_id}: {other}")),
    })?;
    if cache.changes.load(Ordering::Acquire) != before {
        // Read before a change that dropped it: good for this request only.
        cache.entries.invalidate(&user_id).await;
    }
    Ok(found)
}

/// Drops one user's identity (their roles, password or status changed).
pub async fn forget(cache: &IdentityCache, user_id: i64) {
    cache.changes.fetch_add(1, Ordering::AcqRel);
    cache.entries.invalidate(&user_id).await;
}

/// Drops every identity (the organisation tree or the teams changed, which moves scopes).
pub fn forget_all(cache: &IdentityCache) {
    cache.changes.fetch_add(1, Ordering::AcqRel);
    cache.entries.invalidate_all();
}

async fn load(db: &impl ConnectionTrait, user_id: i64) -> ApiResult<Option<Identity>> {
    let Some(user) = users::Entity::find_by_id(user_id).one(db).await?.filter(|u| u.active) else {
        return Ok(None);
    };
    let roles = crate::policy::parse_roles(&user.roles);
    let employee = match user.employee_id {
        Some(id) => employees::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let (is_supervisor, supervisor_name) = match &employee {
        Some(e) => {
            let reports = employees::Entity::find().filter(employees::Column::SupervisorId.eq(e.id)).count(db).await?;
            // Only the supervisor's name and title: someone else's unreadable record must not lock
            // this person out.
            let boss: Option<(String, String)> = match e.supervisor_id {
                Some(s) => {
                    employees::Entity::find_by_id(s)
                        .select_only()
                        .column(employees::Column::Name)
                        .column(employees::Column::PositionTitle)
                        .into_tuple()
                        .one(db)
                        .await?
                }
                None => None,
            };
            let boss = boss.map(|(name, title)| format!("{name} ({title})"));
            (reports > 0, boss)
        }
        None => (false, None),
    };
    let is_team_member = match user.employee_id {
        Some(me) => !crate::services::oversight::teams_of(db, me).await?.is_empty(),
        None => false,
    };
    let scope = scope_of(db, &roles, user.employee_id, user.unit_id).await?;
    let sessions = live_sessions(db, user.id).await?;
    let profile = Profile { user, employee, supervisor_name, is_supervisor, is_team_member, sessions };
    Ok(Some((Arc::new(profile), Arc::new(scope))))
}

/// The read and write scopes of a holder of `roles` placed at `employee` and `unit`.
pub async fn scope_of(
    db: &impl ConnectionTrait,
    roles: &[Role],
    employee: Option<i64>,
    unit: Option<i64>,
) -> ApiResult<Scope> {
    let writes = match unit.filter(|_| roles.iter().any(|r| r.needs_unit())) {
        Some(root) => unit_subtree(db, root).await?,
        None => HashSet::new(),
    };
    if roles.iter().any(|r| r.is_city_wide()) {
        return Ok(Scope::city(writes));
    }
    let mut people = HashSet::new();
    if let Some(me) = employee {
        people.insert(me);
        people.extend(subordinates(db, me).await?);
    }
    let root = unit.filter(|_| !writes.is_empty());
    let visible = visible_units(db, root, &writes, &people).await?;
    Ok(Scope::partial(writes.clone(), people, visible, writes))
}

/// The units shown in lists to a partial reader: the covered units, the units of the people seen
/// one by one, and the path from those up to the Pemda.
async fn visible_units(
    db: &impl ConnectionTrait,
    root: Option<i64>,
    covered: &HashSet<i64>,
    people: &HashSet<i64>,
) -> ApiResult<HashSet<i64>> {
    let mut out = covered.clone();
    let mut leaves: HashSet<i64> = HashSet::new();
    if !people.is_empty() {
        let rows: Vec<i64> = employees::Entity::find()
            .select_only()
            .column(employees::Column::UnitId)
            .filter(employees::Column::Id.is_in(people.iter().copied()))
            .distinct()
            .into_tuple()
            .all(db)
            .await?;
        leaves.extend(rows);
    }
    // Above a covered subtree only its root has ancestors outside it.
    let tops: Vec<i64> = root.into_iter().chain(leaves.iter().copied()).collect();
    for unit in tops {
        out.extend(unit_ancestors(db, unit).await?);
    }
    out.extend(leaves);
    Ok(out)
}

/// The user's live sessions: those holding an unrevoked, unexpired refresh token (see
/// `auth::sessions`).
async fn live_sessions(db: &impl ConnectionTrait, user_id: i64) -> ApiResult<HashSet<i64>> {
    let rows: Vec<(i64, Option<i64>)> = refresh_tokens::Entity::find()
        .select_only()
        .columns([refresh_tokens::Column::Id, refresh_tokens::Column::Family])
        .filter(refresh_tokens::Column::UserId.eq(user_id))
        .filter(refresh_tokens::Column::RevokedAt.is_null())
        .filter(refresh_tokens::Column::ExpiresAt.gt(chrono::Utc::now()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(id, family)| family.unwrap_or(id)).collect())
}

/// Whether a session of the user is live (one indexed read): for a token whose session the cached
/// identity does not hold yet.
pub async fn session_is_live(db: &impl ConnectionTrait, user_id: i64, session: i64) -> ApiResult<bool> {
    use sea_orm::Condition;
    let found = refresh_tokens::Entity::find()
        .filter(refresh_tokens::Column::UserId.eq(user_id))
        .filter(Condition::any().add(refresh_tokens::Column::Family.eq(session)).add(
            Condition::all().add(refresh_tokens::Column::Family.is_null()).add(refresh_tokens::Column::Id.eq(session)),
        ))
        .filter(refresh_tokens::Column::RevokedAt.is_null())
        .filter(refresh_tokens::Column::ExpiresAt.gt(chrono::Utc::now()))
        .count(db)
        .await?;
    Ok(found > 0)
}
