//! The unit's performance tree (Peta Kinerja) and SKP monitoring: from the Perjanjian Kinerja down
//! through every approved RHK, and where everyone of the subtree stands with their SKP.

use crate::entities::{employees, pk_goals, rhk, skps};
use crate::error::ApiResult;
use crate::services::org_tree::unit_subtree;
use crate::services::pk::to_wire as goal_wire;
use crate::services::skp as svc;
use kinerja_domain::SkpStatus;
use kinerja_types::{CascadeGoal, CascadeNode, CascadeTree, SkpMonitoring, SkpProgressRow};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::{HashMap, HashSet};

/// The tree of the subtree of `unit_id` in `year`, with the goals no one carries and the RHK whose
/// parent is missing.
pub async fn cascade(db: &impl ConnectionTrait, unit_id: i64, year: i32) -> ApiResult<CascadeTree> {
    let units: Vec<i64> = unit_subtree(db, unit_id).await?.into_iter().collect();
    let goals = pk_goals::Entity::find()
        .filter(pk_goals::Column::UnitId.is_in(units.clone()))
        .filter(pk_goals::Column::Year.eq(year))
        .order_by_asc(pk_goals::Column::Id)
        .all(db)
        .await?;
    // Approved, in-force SKPs of the people now in the subtree.
    let people: Vec<employees::Model> =
        employees::Entity::find().filter(employees::Column::UnitId.is_in(units)).all(db).await?;
    let names: HashMap<i64, String> = people.iter().map(|e| (e.id, e.name.clone())).collect();
    let plans = skps::Entity::find()
        .filter(skps::Column::EmployeeId.is_in(names.keys().copied().collect::<Vec<_>>()))
        .filter(skps::Column::Year.eq(year))
        .filter(skps::Column::Status.eq(SkpStatus::Approved.as_str()))
        .filter(skps::Column::Superseded.eq(false))
        .all(db)
        .await?;
    let plan_by_id: HashMap<i64, &skps::Model> = plans.iter().map(|s| (s.id, s)).collect();
    let rows = rhk::Entity::find()
        .filter(rhk::Column::SkpId.is_in(plans.iter().map(|s| s.id).collect::<Vec<_>>()))
        .order_by_asc(rhk::Column::Position)
        .order_by_asc(rhk::Column::Id)
        .all(db)
        .await?;
    // A parent may be an RHK of an older revision: resolve it through the lineage to the one in force.
    let by_lineage: HashMap<i64, i64> = rows.iter().map(|r| (r.lineage_id.unwrap_or(r.id), r.id)).collect();
    let in_tree: HashSet<i64> = rows.iter().map(|r| r.id).collect();
    let foreign_parents: Vec<i64> =
        rows.iter().filter_map(|r| r.parent_rhk_id).filter(|p| !in_tree.contains(p)).collect();
    let mut parent_lineage: HashMap<i64, i64> = HashMap::new();
    let mut approved_outside: HashSet<i64> = HashSet::new();
    if !foreign_parents.is_empty() {
        let parents = rhk::Entity::find().filter(rhk::Column::Id.is_in(foreign_parents)).all(db).await?;
        let parent_plans: HashMap<i64, skps::Model> = skps::Entity::find()
            .filter(skps::Column::Id.is_in(parents.iter().map(|p| p.skp_id).collect::<Vec<_>>()))
            .all(db)
            .await?
            .into_iter()
            .map(|s| (s.id, s))
            .collect();
        for p in parents {
            parent_lineage.insert(p.id, p.lineage_id.unwrap_or(p.id));
            if parent_plans.get(&p.skp_id).map(|s| s.status == SkpStatus::Approved).unwrap_or(false) {
                approved_outside.insert(p.id);
            }
        }
    }
    let goal_ids: HashSet<i64> = goals.iter().map(|g| g.id).collect();
    let mut children: HashMap<i64, Vec<&rhk::Model>> = HashMap::new();
    let mut under_goal: HashMap<i64, Vec<&rhk::Model>> = HashMap::new();
    let (mut roots, mut orphans) = (Vec::new(), Vec::new());
    for r in &rows {
        let resolved = r.parent_rhk_id.and_then(|p| {
            if in_tree.contains(&p) {
                Some(p)
            } else {
                parent_lineage.get(&p).and_then(|l| by_lineage.get(l)).copied()
            }
        });
        match (resolved, r.pk_goal_id) {
            (Some(p), _) if p != r.id => children.entry(p).or_default().push(r),
            (_, Some(g)) if goal_ids.contains(&g) => under_goal.entry(g).or_default().push(r),
            _ if r.parent_rhk_id.map(|p| approved_outside.contains(&p)).unwrap_or(false) => roots.push(r),
            _ => orphans.push(r),
        }
    }
    let node = |r: &rhk::Model| -> CascadeNode {
        let plan = plan_by_id.get(&r.skp_id);
        CascadeNode {
            rhk_id: r.id,
            text: r.text.clone(),
            kind: r.kind,
            skp_id: r.skp_id,
            employee_id: plan.map(|p| p.employee_id).unwrap_or_default(),
            employee_name: plan.and_then(|p| names.get(&p.employee_id)).cloned().unwrap_or_default(),
            position_title: plan.map(|p| p.position_title.clone()).unwrap_or_default(),
            children: Vec::new(),
        }
    };
    fn grow(
        r: &rhk::Model,
        children: &HashMap<i64, Vec<&rhk::Model>>,
        node: &dyn Fn(&rhk::Model) -> CascadeNode,
        seen: &mut HashSet<i64>,
    ) -> CascadeNode {
        let mut n = node(r);
        if seen.insert(r.id) {
            for c in children.get(&r.id).into_iter().flatten() {
                n.children.push(grow(c, children, node, seen));
            }
        }
        n
    }
    let mut seen = HashSet::new();
    let mut tree_goals = Vec::new();
    let mut uncarried = Vec::new();
    for g in &goals {
        let carried: Vec<CascadeNode> =
            under_goal.get(&g.id).into_iter().flatten().map(|r| grow(r, &children, &node, &mut seen)).collect();
        if carried.is_empty() {
            uncarried.push(goal_wire(g));
        }
        tree_goals.push(CascadeGoal { goal: goal_wire(g), rhk: carried });
    }
    let roots = roots.into_iter().map(|r| grow(r, &children, &node, &mut seen)).collect();
    let orphan_rhk = orphans.into_iter().map(|r| grow(r, &children, &node, &mut seen)).collect();
    Ok(CascadeTree { unit_id, year, goals: tree_goals, roots, uncarried_goals: uncarried, orphan_rhk })
}

/// Where everyone of the subtree of `unit_id` stands with their SKP of `year`, against the deadline
/// in the settings (on the unit's working days).
pub async fn monitoring(db: &impl ConnectionTrait, unit_id: i64, year: i32) -> ApiResult<SkpMonitoring> {
    use crate::services::calendar::{Calendars, Units};
    let settings = crate::pemda_settings::load(db).await?;
    let days = Calendars::of_units(db, &settings, Units::Only(&[unit_id])).await?;
    let deadline = crate::pemda_settings::skp_deadline(&settings, year, days.of_unit(unit_id));
    let units: Vec<i64> = unit_subtree(db, unit_id).await?.into_iter().collect();
    let people = employees::Entity::find()
        .filter(employees::Column::UnitId.is_in(units.clone()))
        .order_by_asc(employees::Column::Name)
        .all(db)
        .await?;
    let latest = svc::in_force(db, year, crate::policy::employees_within(&Some(units))).await?;
    let mut out = SkpMonitoring {
        unit_id,
        year,
        deadline,
        past_deadline: settings.today() > deadline,
        headcount: people.len() as u64,
        none: 0,
        draft: 0,
        submitted: 0,
        returned: 0,
        approved: 0,
        employees: Vec::with_capacity(people.len()),
    };
    for e in &people {
        // A revision in progress does not undo an approved plan: count the plan in force.
        let status = latest.get(&e.id).map(svc::status);
        match status {
            None => out.none += 1,
            Some(SkpStatus::Draft) => out.draft += 1,
            Some(SkpStatus::Submitted) => out.submitted += 1,
            Some(SkpStatus::Returned) => out.returned += 1,
            Some(SkpStatus::Approved) => out.approved += 1,
        }
        out.employees.push(SkpProgressRow { employee_id: e.id, name: e.name.clone(), unit_id: e.unit_id, status });
    }
    Ok(out)
}
