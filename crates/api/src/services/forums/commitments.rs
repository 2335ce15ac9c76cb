//! A forum's commitments: what the unit promises in answer to some aspirasi, with an owner and a
//! due date, tracked to done.

use super::today;
use crate::audit::{self, Actor, Change};
use crate::entities::{forum_commitments, forum_inputs, forums};
use crate::error::{ApiError, ApiResult};
use crate::services::oversight::{commitment_wire, inputs_of, set_inputs, task_state};
use chrono::Utc;
use kinerja_domain::oversight::{InputStatus, TaskStatus};
use kinerja_types::{ForumCommitment, NewCommitment, TaskUpdate};
use kinerja_types::{Invalid, Issue};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QuerySelect, Set,
};
use std::collections::HashMap;

/// The commitment, else 404.
pub async fn find(db: &impl ConnectionTrait, id: i64) -> ApiResult<forum_commitments::Model> {
    forum_commitments::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)
}

/// Records a commitment of an open forum (its due date's year checked): 422 if due before the forum
/// or naming an aspirasi of another forum, 409 if one cannot become `committed`; the aspirasi named
/// become `committed`. Audited.
pub async fn add(
    txn: &DatabaseTransaction,
    actor: &Actor,
    f: &forums::Model,
    body: &NewCommitment,
) -> ApiResult<ForumCommitment> {
    if body.due_on < f.date {
        return Err(ApiError::field("due_on", Invalid::DueBeforeForum));
    }
    let found: HashMap<i64, forum_inputs::Model> = forum_inputs::Entity::find()
        .filter(forum_inputs::Column::Id.is_in(body.input_ids.iter().copied()))
        .all(txn)
        .await?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    let mut linked = Vec::new();
    for input_id in &body.input_ids {
        let i =
            found.get(input_id).filter(|i| i.forum_id == f.id).cloned().ok_or_else(|| {
                ApiError::field("input_ids", Issue::new(Invalid::InputNotOfForum).with("id", input_id))
            })?;
        let st = i.status;
        if st != InputStatus::Committed && !st.can_become(InputStatus::Committed) {
            return Err(ApiError::Conflict(format!("aspirasi {} tidak dapat menjadi komitmen", i.tracking_code)));
        }
        linked.push(i);
    }
    let now = Utc::now();
    for i in linked {
        if i.status != InputStatus::Committed {
            let mut a: forum_inputs::ActiveModel = i.into();
            a.status = Set(InputStatus::Committed);
            a.updated_at = Set(now);
            let row = a.update(txn).await?;
            let thread = crate::services::citizen_messages::Thread::aspirasi(&row);
            let label = InputStatus::Committed.public_label();
            crate::services::citizen_messages::status_changed(txn, &thread, "committed", label, &[]).await?;
        }
    }
    let row = forum_commitments::ActiveModel {
        forum_id: Set(f.id),
        unit_id: Set(f.unit_id),
        description: Set(body.description.trim().to_owned()),
        owner: Set(body.owner.trim().to_owned()),
        due_on: Set(body.due_on),
        status: Set(TaskStatus::Open),
        done_note: Set(None),
        done_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    set_inputs(txn, row.id, &body.input_ids).await?;
    let out = full_wire(txn, &row).await?;
    audit::record(txn, actor, Change::new("forum_commitment.create", "forum_commitment", row.id).after(&out)).await?;
    Ok(out)
}

/// Marks a commitment (its unit's staff allowed) done, with a note of 3 characters or more (else
/// 422), or reopens it. Audited.
pub async fn update(
    txn: &DatabaseTransaction,
    actor: &Actor,
    c: forum_commitments::Model,
    body: &TaskUpdate,
) -> ApiResult<ForumCommitment> {
    let next = task_state(body)?;
    let before = full_wire(txn, &c).await?;
    let mut a: forum_commitments::ActiveModel = c.into();
    a.status = Set(next.status);
    a.done_note = Set(next.done_note);
    a.done_at = Set(next.done_at);
    let row = a.update(txn).await?;
    let out = full_wire(txn, &row).await?;
    audit::record(
        txn,
        actor,
        Change::new("forum_commitment.update", "forum_commitment", row.id).before(&before).after(&out),
    )
    .await?;
    Ok(out)
}

/// Fills in what a commitment's row alone does not hold: the official's name, its milestones and
/// the approved activities logged against its RHK (and the RHK's revised copies).
pub async fn enrich(db: &impl ConnectionTrait, items: &mut [ForumCommitment]) -> ApiResult<()> {
    use crate::entities::{activities, commitment_milestones, employees, rhk};
    use sea_orm::QueryOrder;
    if items.is_empty() {
        return Ok(());
    }
    let officials: HashMap<i64, employees::Model> = employees::Entity::find()
        .filter(employees::Column::Id.is_in(items.iter().filter_map(|c| c.official_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let milestones = commitment_milestones::Entity::find()
        .filter(commitment_milestones::Column::CommitmentId.is_in(items.iter().map(|c| c.id)))
        .order_by_asc(commitment_milestones::Column::DueOn)
        .order_by_asc(commitment_milestones::Column::Id)
        .all(db)
        .await?;
    let roots: Vec<i64> = items.iter().filter_map(|c| c.rhk_id).collect();
    // Every RHK of each lineage: the first one and its revised copies.
    let lineage: HashMap<i64, i64> = rhk::Entity::find()
        .select_only()
        .column(rhk::Column::Id)
        .column(rhk::Column::LineageId)
        .filter(
            sea_orm::Condition::any()
                .add(rhk::Column::Id.is_in(roots.clone()))
                .add(rhk::Column::LineageId.is_in(roots.clone())),
        )
        .into_tuple::<(i64, Option<i64>)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, root)| (id, root.unwrap_or(id)))
        .collect();
    let counts: Vec<(i64, i64)> = activities::Entity::find()
        .select_only()
        .column(activities::Column::RhkId)
        .column_as(activities::Column::Id.count(), "n")
        .filter(activities::Column::RhkId.is_in(lineage.keys().copied()))
        .filter(activities::Column::Status.eq(kinerja_domain::ActivityStatus::Approved))
        .group_by(activities::Column::RhkId)
        .into_tuple()
        .all(db)
        .await?;
    let mut per_root: HashMap<i64, u32> = HashMap::new();
    for (rhk_id, n) in counts {
        if let Some(root) = lineage.get(&rhk_id) {
            *per_root.entry(*root).or_default() += n.max(0) as u32;
        }
    }
    for c in items.iter_mut() {
        c.official_name =
            c.official_id.and_then(|id| officials.get(&id)).map(|e| format!("{} ({})", e.name, e.position_title));
        c.activities = c.rhk_id.and_then(|r| per_root.get(&r).copied()).unwrap_or(0);
        c.milestones = milestones
            .iter()
            .filter(|m| m.commitment_id == c.id)
            .map(|m| kinerja_types::Milestone {
                id: m.id,
                title: m.title.clone(),
                due_on: m.due_on,
                done: m.done_at.is_some(),
                done_at: m.done_at,
            })
            .collect();
    }
    Ok(())
}

/// One commitment as sent, whole.
pub async fn full_wire(db: &impl ConnectionTrait, c: &forum_commitments::Model) -> ApiResult<ForumCommitment> {
    let answered = inputs_of(db, &[c.id]).await?.remove(&c.id).unwrap_or_default();
    let mut out = vec![commitment_wire(c, answered, today(db).await?)];
    enrich(db, &mut out).await?;
    Ok(out.remove(0))
}

/// A commitment the viewer may report on: 404 unless they see its unit or are its official; 403
/// without the power.
pub async fn find_reportable(
    db: &impl ConnectionTrait,
    viewer: &crate::policy::Viewer,
    id: i64,
) -> ApiResult<forum_commitments::Model> {
    let c = find(db, id).await?;
    let own = c.official_id.is_some() && c.official_id == viewer.employee_id;
    if !own {
        crate::services::units::visible(db, viewer, c.unit_id).await?;
    }
    viewer.require(crate::policy::Capability::ReportCommitment { unit: c.unit_id, official_id: c.official_id })?;
    Ok(c)
}

/// A commitment the viewer may make `official`'s target, locked until the transaction ends: 404
/// unless they see its unit, 403 without [`Capability::AssignCommitment`].
pub async fn find_to_assign(
    txn: &DatabaseTransaction,
    viewer: &crate::policy::Viewer,
    id: i64,
    official: i64,
) -> ApiResult<forum_commitments::Model> {
    let c = forum_commitments::Entity::find_by_id(id).lock_exclusive().one(txn).await?.ok_or(ApiError::NotFound)?;
    crate::services::units::visible(txn, viewer, c.unit_id).await?;
    let official_supervisor =
        crate::entities::employees::Entity::find_by_id(official).one(txn).await?.and_then(|e| e.supervisor_id);
    viewer.require(crate::policy::Capability::AssignCommitment { unit: c.unit_id, official_supervisor })?;
    Ok(c)
}

/// 409 unless the commitment is still open.
fn still_open(c: &forum_commitments::Model) -> ApiResult<()> {
    if c.status == TaskStatus::Open {
        Ok(())
    } else {
        Err(ApiError::Conflict("komitmen ini sudah selesai".into()))
    }
}

/// Makes an open commitment (its unit's staff allowed) an RHK of a named official of the forum's
/// unit: added to their plan of the due date's year while it is a draft or returned; an approved
/// plan gets a new revision holding it, which the official submits again. 409 when it already is
/// someone's target, when the official has no plan that year, or while their plan waits for
/// approval; 422 for an official outside the unit or an RHK the cascade refuses. The official is
/// told. Audited.
pub async fn target(
    txn: &DatabaseTransaction,
    actor: &Actor,
    c: forum_commitments::Model,
    body: &kinerja_types::CommitmentTarget,
) -> ApiResult<ForumCommitment> {
    use crate::entities::employees;
    use crate::services::notify::{self, Message};
    use kinerja_domain::{Approach, Aspect, RhkKind, SkpStatus};
    use kinerja_types::{IndicatorInput, NewRhk, Notice, NoticeCode};
    still_open(&c)?;
    // Already someone's RHK, unless that RHK (and every revised copy of it) was deleted since.
    if let Some(root) = c.rhk_id {
        let alive = crate::entities::rhk::Entity::find()
            .filter(
                sea_orm::Condition::any()
                    .add(crate::entities::rhk::Column::Id.eq(root))
                    .add(crate::entities::rhk::Column::LineageId.eq(root)),
            )
            .one(txn)
            .await?
            .is_some();
        if alive {
            return Err(ApiError::Conflict("komitmen ini sudah menjadi RHK seorang pejabat".into()));
        }
    }
    let subtree = crate::services::org_tree::unit_subtree(txn, c.unit_id).await?;
    let official = employees::Entity::find_by_id(body.employee_id)
        .one(txn)
        .await?
        .filter(|e| subtree.contains(&e.unit_id))
        .ok_or_else(|| ApiError::field("employee_id", Invalid::OfficialOutsideUnit))?;
    let year = chrono::Datelike::year(&c.due_on);
    let Some(mut plan) = crate::services::skp::current(txn, official.id, year).await? else {
        return Err(ApiError::Conflict(format!("{} belum memiliki SKP tahun {year}", official.name)));
    };
    match crate::services::skp::status(&plan) {
        SkpStatus::Draft | SkpStatus::Returned => {}
        SkpStatus::Approved => {
            let revised = crate::services::skp::flow::revise(txn, actor, plan).await?;
            plan = crate::entities::skps::Entity::find_by_id(revised.id).one(txn).await?.ok_or(ApiError::NotFound)?;
        }
        SkpStatus::Submitted => {
            return Err(ApiError::Conflict(format!(
                "SKP {} tahun {year} sedang menunggu persetujuan; setujui atau kembalikan dulu",
                official.name
            )))
        }
    }
    let text: String = format!("Komitmen forum warga: {}", c.description).chars().take(1000).collect();
    let indicators = match plan.approach {
        Approach::Kuantitatif => vec![IndicatorInput {
            aspect: Aspect::Kuantitas,
            text: "Komitmen terlaksana".into(),
            target: 100.0,
            unit: "%".into(),
        }],
        Approach::Kualitatif => Vec::new(),
    };
    let new_rhk = NewRhk {
        text,
        kind: RhkKind::Tambahan,
        parent_rhk_id: body.parent_rhk_id,
        pk_goal_id: body.pk_goal_id,
        indicators,
    };
    let created = crate::services::skp::content::add_rhk(txn, actor, &plan, &new_rhk).await?;
    let before = full_wire(txn, &c).await?;
    let mut a: forum_commitments::ActiveModel = c.into();
    a.official_id = Set(Some(official.id));
    a.rhk_id = Set(Some(created.id));
    let row = a.update(txn).await?;
    let out = full_wire(txn, &row).await?;
    let msg = Message {
        kind: "commitment_target",
        notice: Notice::new(NoticeCode::CommitmentTarget).with("description", &row.description).with("year", year),
        link: Some(format!("/skp/{}", plan.id)),
    };
    notify::employee(txn, official.id, &msg).await?;
    audit::record(
        txn,
        actor,
        Change::new("forum_commitment.target", "forum_commitment", row.id).before(&before).after(&out),
    )
    .await?;
    Ok(out)
}

/// Sets an open commitment's progress (its reporter allowed). Audited.
pub async fn progress(
    txn: &DatabaseTransaction,
    actor: &Actor,
    c: forum_commitments::Model,
    body: &kinerja_types::CommitmentProgress,
) -> ApiResult<ForumCommitment> {
    still_open(&c)?;
    let before = full_wire(txn, &c).await?;
    let mut a: forum_commitments::ActiveModel = c.into();
    a.progress_percent = Set(i32::from(body.percent.min(100)));
    a.progress_note = Set(body.note.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned));
    let row = a.update(txn).await?;
    let out = full_wire(txn, &row).await?;
    audit::record(
        txn,
        actor,
        Change::new("forum_commitment.progress", "forum_commitment", row.id).before(&before).after(&out),
    )
    .await?;
    Ok(out)
}

/// Adds a milestone to an open commitment (its unit's staff allowed): 422 when due before the
/// forum. Audited.
pub async fn add_milestone(
    txn: &DatabaseTransaction,
    actor: &Actor,
    f: &forums::Model,
    c: forum_commitments::Model,
    body: &kinerja_types::NewMilestone,
) -> ApiResult<ForumCommitment> {
    use crate::entities::commitment_milestones;
    still_open(&c)?;
    if body.due_on < f.date {
        return Err(ApiError::field("due_on", Invalid::DueBeforeForum));
    }
    let m = commitment_milestones::ActiveModel {
        commitment_id: Set(c.id),
        title: Set(body.title.trim().to_owned()),
        due_on: Set(body.due_on),
        done_at: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let out = full_wire(txn, &c).await?;
    audit::record(txn, actor, Change::new("forum_commitment.milestone", "commitment_milestone", m.id).after(&out))
        .await?;
    Ok(out)
}

/// Marks a milestone of an open commitment done or not (its reporter allowed); 404 unless it is
/// the commitment's. Audited.
pub async fn set_milestone(
    txn: &DatabaseTransaction,
    actor: &Actor,
    c: forum_commitments::Model,
    milestone_id: i64,
    done: bool,
) -> ApiResult<ForumCommitment> {
    use crate::entities::commitment_milestones;
    still_open(&c)?;
    let m = commitment_milestones::Entity::find_by_id(milestone_id)
        .one(txn)
        .await?
        .filter(|m| m.commitment_id == c.id)
        .ok_or(ApiError::NotFound)?;
    let was = m.done_at.is_some();
    if was != done {
        let mut a: commitment_milestones::ActiveModel = m.into();
        a.done_at = Set(done.then(Utc::now));
        a.update(txn).await?;
    }
    let out = full_wire(txn, &c).await?;
    audit::record(
        txn,
        actor,
        Change::new("forum_commitment.milestone", "commitment_milestone", milestone_id)
            .after(&serde_json::json!({ "done": done })),
    )
    .await?;
    Ok(out)
}
