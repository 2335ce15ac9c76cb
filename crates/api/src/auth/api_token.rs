//! API tokens of other systems: which `knj_…` bearer token is live, and what it may call. A city-wide token reads like an auditor; a unit token like the head of that subtree.
//! Read tokens may only read; write tokens may also write, on their named routes only.

use crate::auth::tokens::digest;
use crate::entities::api_tokens;
use crate::error::{ApiError, ApiResult};
use actix_web::http::Method;
use chrono::{Duration, Utc};
use kinerja_types::{ApiToken, TokenAccess};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// Every API token starts with this, so it is never mistaken for a JWT.
pub const PREFIX: &str = "knj_";

/// A person's own pages (profile, password, inbox): a token, which is no person, gets 403 there
/// rather than its creator's.
const PERSONAL: &[&str] = &["/api/v1/me", "/api/v1/notifications"];

/// How stale `last_used_at` may get before a request refreshes it (one write a minute at most).
const TOUCH_EVERY: Duration = Duration::seconds(60);

/// The stored route list.
pub fn routes(t: &api_tokens::Model) -> Vec<String> {
    stored_routes(t).unwrap_or_default()
}

/// The stored route list, or `None` (logged) when it cannot be read: such a token reaches nothing.
fn stored_routes(t: &api_tokens::Model) -> Option<Vec<String>> {
    let read = serde_json::from_str(&t.routes).ok();
    if read.is_none() {
        crate::stored::unreadable("api_tokens.routes", &t.routes);
    }
    read
}

/// The token's access level.
pub fn access(t: &api_tokens::Model) -> TokenAccess {
    match t.access.as_str() {
        "write" => TokenAccess::Write,
        "read" => TokenAccess::Read,
        other => {
            // Fails closed: an unreadable level only reads.
            crate::stored::unreadable("api_tokens.access", other);
            TokenAccess::Read
        }
    }
}

/// A token on the wire (never the secret).
pub fn to_wire(t: &api_tokens::Model) -> ApiToken {
    ApiToken {
        id: t.id,
        name: t.name.clone(),
        prefix: t.prefix.clone(),
        access: access(t),
        unit_id: t.unit_id,
        routes: routes(t),
        created_at: t.created_at,
        last_used_at: t.last_used_at,
        revoked_at: t.revoked_at,
    }
}

/// Whether `path` lies under one of the route prefixes.
fn under(path: &str, prefixes: &[String]) -> bool {
    prefixes.iter().any(|p| {
        let p = p.trim_end_matches('/');
        path == p || path.strip_prefix(p).is_some_and(|rest| rest.starts_with('/'))
    })
}

/// The live token a request presents, or why not (401 unknown or revoked, 403 outside its scope);
/// records its use.
pub async fn check(
    db: &impl ConnectionTrait,
    secret: &str,
    method: &Method,
    path: &str,
) -> ApiResult<api_tokens::Model> {
    let unauthorized = || ApiError::Unauthorized("Token API tidak dikenal atau sudah dicabut".into());
    let t = api_tokens::Entity::find()
        .filter(api_tokens::Column::TokenHash.eq(digest(secret)))
        .one(db)
        .await?
        .filter(|t| t.revoked_at.is_none())
        .ok_or_else(unauthorized)?;
    if PERSONAL.iter().any(|p| under(path, &[(*p).to_owned()])) {
        return Err(ApiError::Forbidden("token API bukan akun pribadi: tidak ada profil atau notifikasi".into()));
    }
    let allowed = stored_routes(&t).ok_or_else(|| ApiError::Forbidden("cakupan token ini tidak terbaca".into()))?;
    let reading = matches!(*method, Method::GET | Method::HEAD);
    if !reading && access(&t) == TokenAccess::Read {
        return Err(ApiError::Forbidden("token ini hanya untuk membaca".into()));
    }
    if (!reading || !allowed.is_empty()) && !under(path, &allowed) {
        return Err(ApiError::Forbidden("rute ini tidak termasuk cakupan token".into()));
    }
    let now = Utc::now();
    if t.last_used_at.is_none_or(|at| now - at > TOUCH_EVERY) {
        api_tokens::Entity::update_many()
            .col_expr(api_tokens::Column::LastUsedAt, Expr::value(now))
            .filter(api_tokens::Column::Id.eq(t.id))
            .exec(db)
            .await?;
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::under;

    #[test]
    fn prefixes_match_whole_segments() {
        let routes = vec!["/api/v1/reports".to_owned(), "/api/v1/attendance/".to_owned()];
        assert!(under("/api/v1/reports", &routes));
        assert!(under("/api/v1/reports/tpp", &routes));
        assert!(under("/api/v1/attendance/import", &routes));
        assert!(!under("/api/v1/reportsx", &routes));
        assert!(!under("/api/v1/employees", &routes));
        assert!(!under("/api/v1/employees", &[]));
    }
}
