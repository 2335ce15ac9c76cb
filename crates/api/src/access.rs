//! Who may see what: the one visibility mechanism every route uses.
//!
//! Admins and auditors see the whole city. A `kepala_unit` or `operator_layanan` sees the subtree
//! of its unit. Every employee sees themself and everyone below them in the supervisor chain.
//! Anything outside is answered 404, as if it did not exist.

use crate::db::stmt;
use crate::entities::{employees, users};
use crate::error::{ApiError, ApiResult};
use kinerja_domain::Role;
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, ConnectionTrait, Value};
use std::collections::HashSet;

/// The signed-in user, as handlers see it.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user_id: i64,
    pub username: String,
    pub roles: Vec<Role>,
    pub employee_id: Option<i64>,
    pub unit_id: Option<i64>,
    /// Set when the caller is another system holding an API token (see `auth::api_token`).
    pub token_id: Option<i64>,
}

/// Decodes the JSON role list stored with a user; unknown names are ignored.
pub fn parse_roles(stored: &str) -> Vec<Role> {
    serde_json::from_str::<Vec<String>>(stored).unwrap_or_default().iter().filter_map(|r| r.parse().ok()).collect()
}

impl Viewer {
    pub fn from_user(user: &users::Model) -> Self {
        Self {
            user_id: user.id,
            username: user.username.clone(),
            roles: parse_roles(&user.roles),
            employee_id: user.employee_id,
            unit_id: user.unit_id,
            token_id: None,
        }
    }

    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    pub fn is_city_wide(&self) -> bool {
        self.roles.iter().any(|r| r.is_city_wide())
    }

    /// 403 unless the viewer holds `role`.
    pub fn require(&self, role: Role) -> ApiResult<()> {
        if self.has(role) {
            Ok(())
        } else {
            Err(ApiError::forbidden())
        }
    }

    /// 403 unless the viewer holds one of `roles`.
    pub fn require_any(&self, roles: &[Role]) -> ApiResult<()> {
        if roles.iter().any(|r| self.has(*r)) {
            Ok(())
        } else {
            Err(ApiError::forbidden())
        }
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

    /// Computes what this viewer may read.
    pub async fn scope(&self, db: &impl ConnectionTrait) -> ApiResult<Scope> {
        if self.is_city_wide() {
            return Ok(Scope::city());
        }
        let mut units = HashSet::new();
        if self.roles.iter().any(|r| r.needs_unit()) {
            if let Some(root) = self.unit_id {
                units = unit_subtree(db, root).await?;
            }
        }
        let mut people = HashSet::new();
        if let Some(me) = self.employee_id {
            people.insert(me);
            people.extend(subordinates(db, me).await?);
        }
        Ok(Scope { city: false, units, employees: people })
    }
}

/// What one viewer may read: whole units (subtrees) and individual employees.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    city: bool,
    /// Units whose every employee is visible.
    units: HashSet<i64>,
    /// Employees visible one by one (self and subordinates).
    employees: HashSet<i64>,
}

impl Scope {
    pub fn city() -> Self {
        Self { city: true, ..Default::default() }
    }

    pub fn is_city(&self) -> bool {
        self.city
    }

    /// Whether the employee record is visible.
    pub fn sees_employee(&self, e: &employees::Model) -> bool {
        self.city || self.units.contains(&e.unit_id) || self.employees.contains(&e.id)
    }

    /// Whether every employee of the unit is visible (the viewer heads its subtree).
    pub fn covers_unit(&self, unit_id: i64) -> bool {
        self.city || self.units.contains(&unit_id)
    }

    /// Units in which the viewer sees everyone.
    pub fn unit_ids(&self) -> &HashSet<i64> {
        &self.units
    }

    /// Employees visible one by one.
    pub fn employee_ids(&self) -> &HashSet<i64> {
        &self.employees
    }

    /// A filter on the employees table; `None` when the viewer sees everyone.
    pub fn employee_filter(&self) -> Option<Condition> {
        self.filter_on(employees::Column::UnitId, employees::Column::Id)
    }

    /// A filter for any table with an employee column: the employee must be visible as placed now
    /// (a sub-select on the employees table); `None` when the viewer sees everyone.
    pub fn employee_column_filter(&self, employee_col: impl ColumnTrait) -> Option<Condition> {
        let visible = self.employee_filter()?;
        let ids = sea_orm::sea_query::Query::select()
            .column(employees::Column::Id)
            .from(employees::Entity)
            .cond_where(visible)
            .to_owned();
        Some(Condition::all().add(employee_col.in_subquery(ids)))
    }

    /// A filter for any table with an employee column and a unit column.
    pub fn filter_on(&self, unit_col: impl ColumnTrait, employee_col: impl ColumnTrait) -> Option<Condition> {
        if self.city {
            return None;
        }
        let units: Vec<i64> = self.units.iter().copied().collect();
        let people: Vec<i64> = self.employees.iter().copied().collect();
        Some(Condition::any().add(unit_col.is_in(units)).add(employee_col.is_in(people)))
    }
}

async fn ids(db: &impl ConnectionTrait, sql: &str, id: i64) -> ApiResult<HashSet<i64>> {
    let rows = db.query_all_raw(stmt(db.get_database_backend(), sql, vec![Value::from(id)])).await?;
    let mut out = HashSet::with_capacity(rows.len());
    for row in rows {
        out.insert(row.try_get::<i64>("", "id")?);
    }
    Ok(out)
}

/// The unit and everything below it.
pub async fn unit_subtree(db: &impl ConnectionTrait, root: i64) -> ApiResult<HashSet<i64>> {
    ids(
        db,
        "WITH RECURSIVE t(id) AS (SELECT id FROM units WHERE id = ? \
         UNION SELECT u.id FROM units u JOIN t ON u.parent_id = t.id) SELECT id FROM t",
        root,
    )
    .await
}

/// The unit and everything above it.
pub async fn unit_ancestors(db: &impl ConnectionTrait, unit: i64) -> ApiResult<HashSet<i64>> {
    ids(
        db,
        "WITH RECURSIVE t(id, parent_id) AS (SELECT id, parent_id FROM units WHERE id = ? \
         UNION SELECT u.id, u.parent_id FROM units u JOIN t ON u.id = t.parent_id) SELECT id FROM t",
        unit,
    )
    .await
}

/// Everyone below the employee in the supervisor chain (not the employee).
pub async fn subordinates(db: &impl ConnectionTrait, employee: i64) -> ApiResult<HashSet<i64>> {
    ids(
        db,
        "WITH RECURSIVE t(id) AS (SELECT id FROM employees WHERE supervisor_id = ? \
         UNION SELECT e.id FROM employees e JOIN t ON e.supervisor_id = t.id) SELECT id FROM t",
        employee,
    )
    .await
}

/// Everyone above the employee in the supervisor chain (not the employee).
pub async fn supervisors_above(db: &impl ConnectionTrait, employee: i64) -> ApiResult<HashSet<i64>> {
    ids(
        db,
        "WITH RECURSIVE t(id, supervisor_id) AS (SELECT id, supervisor_id FROM employees WHERE id = \
         (SELECT supervisor_id FROM employees WHERE id = ?) \
         UNION SELECT e.id, e.supervisor_id FROM employees e JOIN t ON e.id = t.supervisor_id) SELECT id FROM t",
        employee,
    )
    .await
}

/// The units a query covers: some units, or `None` for the whole city (then no id list is sent at
/// all, so the database can use its other indexes).
pub type Units = Option<Vec<i64>>;

/// Rows whose unit column is among the units (every row for the whole city).
pub fn within<C: ColumnTrait>(col: C, units: &Units) -> Condition {
    match units {
        Some(ids) => Condition::all().add(col.is_in(ids.clone())),
        None => Condition::all(),
    }
}

/// The ids of the employees of the units, as a subquery.
pub fn employees_within(units: &Units) -> sea_orm::sea_query::SelectStatement {
    sea_orm::sea_query::Query::select()
        .column(employees::Column::Id)
        .from(employees::Entity)
        .cond_where(within(employees::Column::UnitId, units))
        .to_owned()
}
