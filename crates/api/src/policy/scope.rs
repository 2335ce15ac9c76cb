//! What a viewer may read and where it may write, as computed once per request.

use crate::entities::employees;
use sea_orm::sea_query::Condition;
use sea_orm::ColumnTrait;
use std::collections::HashSet;

/// What one viewer may read: whole units (subtrees) and individual employees.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    city: bool,
    /// Units whose every employee is visible.
    units: HashSet<i64>,
    /// Employees visible one by one (self and subordinates).
    employees: HashSet<i64>,
    /// The units shown in lists: `None` for all; else the covered units, the units of the people
    /// seen one by one, and the path from those up to the Pemda.
    visible_units: Option<HashSet<i64>>,
    /// The write scope: the subtree of the unit of a unit role (`kepala_unit`,
    /// `operator_layanan`), whatever the read scope is.
    writes: HashSet<i64>,
}

impl Scope {
    /// The whole city to read; `writes` is the write scope of the viewer's unit role, if any.
    pub fn city(writes: HashSet<i64>) -> Self {
        Self { city: true, writes, ..Default::default() }
    }

    /// Part of the city to read: the units and people named, with the units shown in lists.
    pub fn partial(
        units: HashSet<i64>,
        employees: HashSet<i64>,
        visible_units: HashSet<i64>,
        writes: HashSet<i64>,
    ) -> Self {
        Self { city: false, units, employees, visible_units: Some(visible_units), writes }
    }

    /// The units shown in lists (`None`: all of them).
    pub fn visible_units(&self) -> Option<&HashSet<i64>> {
        if self.city {
            None
        } else {
            self.visible_units.as_ref()
        }
    }

    /// Whether the unit is inside the write scope.
    pub fn writes_unit(&self, unit_id: i64) -> bool {
        self.writes.contains(&unit_id)
    }

    /// Units of the write scope.
    pub fn write_unit_ids(&self) -> &HashSet<i64> {
        &self.writes
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
