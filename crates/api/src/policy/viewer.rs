//! The caller as handlers and the policy see it: identity, roles and scopes, computed once per
//! request by the `Viewer` extractor (`routes::viewer`) and shared by everything that request does.

use super::{Capability, Scope};
use crate::entities::{employees, users};
use crate::error::{ApiError, ApiResult};
use kinerja_domain::Role;
use std::collections::HashSet;
use std::sync::Arc;

/// The signed-in user, or another system holding an API token.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user_id: i64,
    pub username: String,
    pub employee_id: Option<i64>,
    pub unit_id: Option<i64>,
    /// Set when the caller is another system holding an API token (see `auth::api_token`).
    pub token_id: Option<i64>,
    roles: Vec<Role>,
    scope: Arc<Scope>,
    profile: Option<Arc<Profile>>,
    /// The signed-in session the request came with (none for an API token).
    pub session: Option<i64>,
}

/// What a signed-in person's own page shows, loaded with the identity (no API token has one).
#[derive(Debug, Clone)]
pub struct Profile {
    pub user: users::Model,
    pub employee: Option<employees::Model>,
    /// "Name (position)" of the direct supervisor.
    pub supervisor_name: Option<String>,
    /// Whether anyone reports to this person.
    pub is_supervisor: bool,
    /// Whether this person sits on an active evaluation team.
    pub is_team_member: bool,
    /// The sessions still signed in (their access tokens work; see `auth::sessions`).
    pub sessions: std::collections::HashSet<i64>,
}

/// Decodes the JSON role list stored with a user. A name that cannot be read grants nothing and
/// is logged as an error.
pub fn parse_roles(stored: &str) -> Vec<Role> {
    let Ok(names) = serde_json::from_str::<Vec<String>>(stored) else {
        crate::stored::unreadable("users.roles", stored);
        return Vec::new();
    };
    names
        .iter()
        .filter_map(|r| {
            let role = r.parse().ok();
            if role.is_none() {
                crate::stored::unreadable("users.roles", r);
            }
            role
        })
        .collect()
}

impl Viewer {
    /// A person signed in with an account, with the scopes computed for it.
    pub fn person(profile: Arc<Profile>, scope: Arc<Scope>, session: i64) -> Self {
        let user = &profile.user;
        Self {
            user_id: user.id,
            username: user.username.clone(),
            employee_id: user.employee_id,
            unit_id: user.unit_id,
            token_id: None,
            roles: parse_roles(&user.roles),
            scope,
            profile: Some(profile),
            session: Some(session),
        }
    }

    /// Another system holding an API token: a unit token reads (and, if it may write, acts) as the
    /// head of its unit; a city token as the auditor.
    pub fn system(token_id: i64, name: &str, created_by: i64, unit_id: Option<i64>, scope: Arc<Scope>) -> Self {
        Self {
            user_id: created_by,
            username: format!("token:{name}"),
            employee_id: None,
            unit_id,
            token_id: Some(token_id),
            roles: vec![Self::system_role(unit_id)],
            scope,
            profile: None,
            session: None,
        }
    }

    /// The role a system token holds.
    pub fn system_role(unit_id: Option<i64>) -> Role {
        if unit_id.is_some() {
            Role::KepalaUnit
        } else {
            Role::Auditor
        }
    }

    /// The granted roles, for display. Decisions go through [`Viewer::may`].
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    pub(super) fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// The person's own page data; `None` for an API token.
    pub fn profile(&self) -> Option<&Profile> {
        self.profile.as_deref()
    }

    /// What this viewer may read.
    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// Whether the viewer reads the whole city.
    pub fn reads_city(&self) -> bool {
        self.scope.is_city()
    }

    /// Whether the policy grants the capability.
    pub fn may(&self, capability: Capability) -> bool {
        capability.allowed(self)
    }

    /// 403 (with the capability's reason) unless the policy grants it.
    pub fn require(&self, capability: Capability) -> ApiResult<()> {
        if self.may(capability) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(capability.refusal().into()))
        }
    }

    /// The units where the viewer acts as their head (`kepala_unit` of the subtree), if any.
    pub fn headed_units(&self) -> Option<&HashSet<i64>> {
        self.has(Role::KepalaUnit).then(|| self.scope.write_unit_ids())
    }

    /// Whether the viewer is the employee's direct supervisor (their pejabat penilai).
    pub fn supervises(&self, e: &employees::Model) -> bool {
        self.employee_id.is_some() && e.supervisor_id == self.employee_id
    }

    /// The audit actor for this viewer.
    pub fn actor(&self) -> crate::audit::Actor {
        match self.token_id {
            Some(_) => crate::audit::Actor { user_id: None, label: self.username.clone() },
            None => crate::audit::Actor::user(self.user_id, &self.username),
        }
    }

    /// A viewer for the policy's own tests.
    #[cfg(test)]
    pub(super) fn for_test(roles: Vec<Role>, employee_id: Option<i64>, token: bool, scope: Scope) -> Self {
        Self {
            user_id: 1,
            username: "uji".into(),
            employee_id,
            unit_id: None,
            token_id: token.then_some(1),
            roles,
            scope: Arc::new(scope),
            profile: None,
            session: None,
        }
    }
}
