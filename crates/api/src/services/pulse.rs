//! The 360° and upward pulse: opening a round (whom it asks about, who is asked), answering it, and
//! the aggregate a reader may see.
//!
//! Anonymity, by construction:
//! - what is answered is kept only as running sums per round, person, group and core value
//!   (`pulse_tallies`): once a second answer is added, no row keeps one apart (a database copy taken
//!   between the first and the second answer of a group holds the first: said in the README);
//! - the audit log records that an invitation was answered, never by whom, and an invitation keeps
//!   only the day it was answered;
//! - one person is asked about in one round of a period at most (`pulse_subjects`), so no figure is
//!   ever the difference of two;
//! - figures show once the round is closed, per group, from three answers (five of service users),
//!   and one more for a reader who answered in that group.

use crate::audit::{self, Actor, Change};
use crate::entities::{employees, pulse_invitations, pulse_rounds, pulse_subjects, pulse_tallies, units};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::services::notify::{self, Message};
use crate::services::org_tree::unit_subtree;
use chrono::{NaiveDate, Utc};
use kinerja_domain::pulse::{aggregate, tally, PulseStatus, RespondentGroup, Tally, SCORE_RANGE};
use kinerja_domain::{CoreValue, Period};
use kinerja_types::{
    Invalid, Issue, NewPulseRound, Notice, NoticeCode, PemdaSettings, PublicPulse, PublicPulsePerson, PulseAnswer,
    PulseGroup, PulseInvitation, PulseQuestion, PulseRound, PulseSummary, PulseValue,
};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Most co-workers asked about one person; a larger team is sampled at random.
const MAX_PEERS: usize = 8;
/// Most subordinates asked about one person (upward), sampled the same way.
const MAX_SUBORDINATES: usize = 12;
/// Rows named in one `IN (…)` list, within SQLite's and PostgreSQL's limits on parameters.
const CHUNK: usize = 5000;

/// Whether answers are still taken: open, and not past its last day.
fn taking_answers(r: &pulse_rounds::Model, today: NaiveDate) -> bool {
    r.status == PulseStatus::Open && today <= r.closes_on
}

/// Whether its aggregates may show: closed, or past its last day.
fn finished(r: &pulse_rounds::Model, today: NaiveDate) -> bool {
    !taking_answers(r, today)
}

/// The questions as the round asked them.
fn questions_of(r: &pulse_rounds::Model) -> Vec<PulseQuestion> {
    serde_json::from_str(&r.questions).unwrap_or_default()
}

/// The capability that opens, closes and reminds a round.
async fn opener(db: &impl ConnectionTrait, unit_id: i64, employee_id: Option<i64>) -> ApiResult<Capability> {
    let supervisor_id = match employee_id {
        Some(id) => employees::Entity::find_by_id(id).one(db).await?.and_then(|e| e.supervisor_id),
        None => None,
    };
    Ok(Capability::OpenPulse { unit: unit_id, supervisor_id })
}

/// Whether the viewer may see the round at all: it covers the unit, or (for one employee's round)
/// sees that employee as their supervisor.
async fn visible_to(db: &impl ConnectionTrait, viewer: &Viewer, r: &pulse_rounds::Model) -> ApiResult<bool> {
    if viewer.scope().covers_unit(r.unit_id) {
        return Ok(true);
    }
    let Some(id) = r.employee_id else { return Ok(false) };
    Ok(employees::Entity::find_by_id(id).one(db).await?.is_some_and(|e| viewer.supervises(&e)))
}

/// A round the viewer may see, else 404.
pub async fn find_visible(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> ApiResult<pulse_rounds::Model> {
    let r = pulse_rounds::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    if visible_to(db, viewer, &r).await? {
        Ok(r)
    } else {
        Err(ApiError::NotFound)
    }
}

/// The round the viewer may see and run (close, remind), locked until the transaction ends: 404
/// outside, 403 inside without the power.
pub async fn find_to_run(txn: &DatabaseTransaction, viewer: &Viewer, id: i64) -> ApiResult<pulse_rounds::Model> {
    let r = pulse_rounds::Entity::find_by_id(id).lock_exclusive().one(txn).await?.ok_or(ApiError::NotFound)?;
    if !visible_to(txn, viewer, &r).await? {
        return Err(ApiError::NotFound);
    }
    viewer.require(opener(txn, r.unit_id, r.employee_id).await?)?;
    Ok(r)
}

/// Who is asked about each subject: co-workers under the same penilai (at most [`MAX_PEERS`]) and
/// the people they supervise (at most [`MAX_SUBORDINATES`]), sampled at random when there are more.
async fn respondents(
    db: &impl ConnectionTrait,
    subjects: &[employees::Model],
) -> ApiResult<Vec<(i64, i64, RespondentGroup)>> {
    use rand::seq::SliceRandom;
    let supervisors: HashSet<i64> =
        subjects.iter().map(|e| e.id).chain(subjects.iter().filter_map(|e| e.supervisor_id)).collect();
    let supervisors: Vec<i64> = supervisors.into_iter().collect();
    // Everyone by their supervisor: the subjects' teams and the subjects' own subordinates.
    let mut team: HashMap<i64, Vec<i64>> = HashMap::new();
    for chunk in supervisors.chunks(CHUNK) {
        let rows: Vec<(i64, Option<i64>)> = employees::Entity::find()
            .select_only()
            .column(employees::Column::Id)
            .column(employees::Column::SupervisorId)
            .filter(employees::Column::SupervisorId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        for (id, sup) in rows {
            if let Some(sup) = sup {
                team.entry(sup).or_default().push(id);
            }
        }
    }
    let mut rng = rand::rng();
    let mut out = Vec::new();
    for s in subjects {
        let peers: Vec<i64> = s
            .supervisor_id
            .and_then(|sup| team.get(&sup))
            .into_iter()
            .flatten()
            .copied()
            .filter(|p| *p != s.id)
            .collect();
        let below: Vec<i64> = team.get(&s.id).cloned().unwrap_or_default();
        // A large team is sampled, so that nobody answers about dozens of colleagues.
        for (mut group, kind, cap) in
            [(peers, RespondentGroup::Peer, MAX_PEERS), (below, RespondentGroup::Subordinate, MAX_SUBORDINATES)]
        {
            if group.len() > cap {
                group.shuffle(&mut rng);
                group.truncate(cap);
            }
            out.extend(group.into_iter().map(|r| (s.id, r, kind)));
        }
    }
    Ok(out)
}

/// The people already asked about in a round of the period.
async fn already_asked(db: &impl ConnectionTrait, period: &str, ids: &[i64]) -> ApiResult<HashSet<i64>> {
    let mut out = HashSet::new();
    for chunk in ids.chunks(CHUNK) {
        out.extend(
            pulse_subjects::Entity::find()
                .select_only()
                .column(pulse_subjects::Column::SubjectId)
                .filter(pulse_subjects::Column::Period.eq(period))
                .filter(pulse_subjects::Column::SubjectId.is_in(chunk.iter().copied()))
                .into_tuple::<i64>()
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

/// Opens a round (the viewer allowed by [`Capability::OpenPulse`], checked here): 422 unless it
/// names one employee or one unit, a period of the Pemda's kind and a last day from today; 422 when
/// nobody can be asked; 409 when the person (everyone of the unit) was already asked about in the
/// period — a unit's round leaves out those who were. Invites everyone, tells each respondent once,
/// and is audited.
pub async fn open(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    settings: &PemdaSettings,
    body: &NewPulseRound,
) -> ApiResult<PulseRound> {
    let period = crate::services::assessments::check_period(body.period.trim(), settings)?;
    let label = period.to_string();
    let today = settings.today();
    if body.closes_on < today {
        return Err(ApiError::field("closes_on", Invalid::ClosesBeforeToday));
    }
    let (unit_id, mut subjects) = match (body.employee_id, body.unit_id) {
        (Some(id), None) => {
            let e = crate::services::people::find_visible(txn, viewer.scope(), id).await?;
            viewer.require(opener(txn, e.unit_id, Some(e.id)).await?)?;
            (e.unit_id, vec![e])
        }
        (None, Some(unit)) => {
            crate::services::units::with(txn, viewer, unit, |u| Capability::OpenPulse { unit: u, supervisor_id: None })
                .await?;
            let subtree = unit_subtree(txn, unit).await?;
            let people = employees::Entity::find()
                .filter(employees::Column::UnitId.is_in(subtree))
                .order_by_asc(employees::Column::Name)
                .all(txn)
                .await?;
            (unit, people)
        }
        _ => return Err(ApiError::field("employee_id", Invalid::PulseTarget)),
    };
    let asked = already_asked(txn, &label, &subjects.iter().map(|e| e.id).collect::<Vec<_>>()).await?;
    subjects.retain(|e| !asked.contains(&e.id));
    if subjects.is_empty() {
        return Err(ApiError::Conflict(format!(
            "sudah ada survei 360° periode {label} untuk {}",
            if body.employee_id.is_some() { "pegawai ini" } else { "seluruh pegawai unit ini" }
        )));
    }
    let pairs = respondents(txn, &subjects).await?;
    if pairs.is_empty() && !body.service_users {
        return Err(ApiError::field("employee_id", Invalid::NoRespondents));
    }
    let round = pulse_rounds::ActiveModel {
        unit_id: Set(unit_id),
        employee_id: Set(body.employee_id),
        period: Set(label.clone()),
        closes_on: Set(body.closes_on),
        status: Set(PulseStatus::Open),
        public_code: Set(body.service_users.then(|| crate::services::public_codes::tracking_code("PLS"))),
        questions: Set(serde_json::to_string(&settings.pulse_questions).map_err(anyhow::Error::from)?),
        opened_by: Set(viewer.actor().label),
        opened_at: Set(Utc::now()),
        closed_at: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    for chunk in subjects.chunks(500) {
        let rows = chunk.iter().map(|e| pulse_subjects::ActiveModel {
            round_id: Set(round.id),
            subject_id: Set(e.id),
            period: Set(label.clone()),
            ..Default::default()
        });
        pulse_subjects::Entity::insert_many(rows).exec(txn).await?;
    }
    for chunk in pairs.chunks(500) {
        let rows = chunk.iter().map(|(subject, respondent, group)| pulse_invitations::ActiveModel {
            round_id: Set(round.id),
            subject_id: Set(*subject),
            respondent_id: Set(*respondent),
            respondent_group: Set(*group),
            answered_at: Set(None),
            reminded_at: Set(None),
            ..Default::default()
        });
        pulse_invitations::Entity::insert_many(rows).exec(txn).await?;
    }
    let invited: HashSet<i64> = pairs.iter().map(|(_, r, _)| *r).collect();
    tell(txn, &round, invited, NoticeCode::PulseInvited).await?;
    let out = wire(txn, &round).await?;
    audit::record(txn, &viewer.actor(), Change::new("pulse_round.open", "pulse_round", round.id).after(&out)).await?;
    Ok(out)
}

/// One notification to each respondent named.
async fn tell(
    db: &impl ConnectionTrait,
    r: &pulse_rounds::Model,
    who: HashSet<i64>,
    code: NoticeCode,
) -> ApiResult<()> {
    let msg = Message {
        kind: "pulse",
        notice: Notice::new(code).with("period", &r.period).with("closes_on", r.closes_on.format("%d-%m-%Y")),
        link: Some("/survei-360".into()),
    };
    for id in who {
        notify::employee(db, id, &msg).await?;
    }
    Ok(())
}

/// Closes a round (its runner allowed, the row locked): 409 when already closed. Audited.
pub async fn close(txn: &DatabaseTransaction, actor: &Actor, r: pulse_rounds::Model) -> ApiResult<PulseRound> {
    if r.status == PulseStatus::Closed {
        return Err(ApiError::Conflict("survei ini sudah ditutup".into()));
    }
    let before = wire(txn, &r).await?;
    let mut a: pulse_rounds::ActiveModel = r.into();
    a.status = Set(PulseStatus::Closed);
    a.closed_at = Set(Some(Utc::now()));
    let row = a.update(txn).await?;
    let out = wire(txn, &row).await?;
    audit::record(txn, actor, Change::new("pulse_round.close", "pulse_round", row.id).before(&before).after(&out))
        .await?;
    Ok(out)
}

/// Reminds everyone who has not answered yet (409 once answers are no longer taken); returns the
/// round. Audited.
pub async fn remind(
    txn: &DatabaseTransaction,
    actor: &Actor,
    r: pulse_rounds::Model,
    today: NaiveDate,
) -> ApiResult<PulseRound> {
    if !taking_answers(&r, today) {
        return Err(ApiError::Conflict("survei ini sudah tidak menerima jawaban".into()));
    }
    let waiting = || {
        pulse_invitations::Entity::find()
            .filter(pulse_invitations::Column::RoundId.eq(r.id))
            .filter(pulse_invitations::Column::AnsweredAt.is_null())
    };
    let who: HashSet<i64> = waiting()
        .select_only()
        .column(pulse_invitations::Column::RespondentId)
        .into_tuple::<i64>()
        .all(txn)
        .await?
        .into_iter()
        .collect();
    let count = who.len();
    tell(txn, &r, who, NoticeCode::PulseReminder).await?;
    pulse_invitations::Entity::update_many()
        .col_expr(pulse_invitations::Column::RemindedAt, Expr::value(Utc::now()))
        .filter(pulse_invitations::Column::RoundId.eq(r.id))
        .filter(pulse_invitations::Column::AnsweredAt.is_null())
        .exec(txn)
        .await?;
    let out = wire(txn, &r).await?;
    audit::record(
        txn,
        actor,
        Change::new("pulse_round.remind", "pulse_round", r.id).after(&serde_json::json!({ "reminded": count })),
    )
    .await?;
    Ok(out)
}

/// Rounds as sent, with their counts (three grouped queries, however many rounds).
pub async fn wires(db: &impl ConnectionTrait, rounds: &[pulse_rounds::Model]) -> ApiResult<Vec<PulseRound>> {
    let ids: Vec<i64> = rounds.iter().map(|r| r.id).collect();
    let counts: HashMap<i64, (i64, i64)> = pulse_invitations::Entity::find()
        .select_only()
        .column(pulse_invitations::Column::RoundId)
        .column_as(pulse_invitations::Column::Id.count(), "invited")
        .column_as(pulse_invitations::Column::AnsweredAt.count(), "answered")
        .filter(pulse_invitations::Column::RoundId.is_in(ids.clone()))
        .group_by(pulse_invitations::Column::RoundId)
        .into_tuple::<(i64, i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(r, invited, answered)| (r, (invited, answered)))
        .collect();
    let subjects: HashMap<i64, i64> = pulse_subjects::Entity::find()
        .select_only()
        .column(pulse_subjects::Column::RoundId)
        .column_as(pulse_subjects::Column::Id.count(), "n")
        .filter(pulse_subjects::Column::RoundId.is_in(ids))
        .group_by(pulse_subjects::Column::RoundId)
        .into_tuple::<(i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let unit_names: HashMap<i64, String> = units::Entity::find()
        .filter(units::Column::Id.is_in(rounds.iter().map(|r| r.unit_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let names: HashMap<i64, String> = employees::Entity::find()
        .filter(employees::Column::Id.is_in(rounds.iter().filter_map(|r| r.employee_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e.name))
        .collect();
    let n = |v: i64| v.clamp(0, i64::from(u32::MAX)) as u32;
    Ok(rounds
        .iter()
        .map(|r| {
            let (invited, answered) = counts.get(&r.id).copied().unwrap_or_default();
            PulseRound {
                id: r.id,
                unit_id: r.unit_id,
                unit_name: unit_names.get(&r.unit_id).cloned().unwrap_or_default(),
                employee_id: r.employee_id,
                employee_name: r.employee_id.and_then(|id| names.get(&id).cloned()),
                period: r.period.clone(),
                closes_on: r.closes_on,
                status: r.status,
                public_code: r.public_code.clone(),
                opened_by: r.opened_by.clone(),
                opened_at: r.opened_at,
                subjects: n(subjects.get(&r.id).copied().unwrap_or_default()),
                invited: n(invited),
                answered: n(answered),
            }
        })
        .collect())
}

/// One round as sent.
pub async fn wire(db: &impl ConnectionTrait, r: &pulse_rounds::Model) -> ApiResult<PulseRound> {
    let mut one = wires(db, std::slice::from_ref(r)).await?;
    one.pop().ok_or_else(|| ApiError::Internal(anyhow::anyhow!("round {} vanished", r.id)))
}

/// The rounds the viewer may see, newest first: of the units they cover, and of the people they
/// supervise; one page and the total.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    unit_id: Option<i64>,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<PulseRound>, u64)> {
    let mut select = pulse_rounds::Entity::find();
    if !viewer.scope().is_city() {
        let supervised: Vec<i64> = match viewer.employee_id {
            Some(me) => {
                employees::Entity::find()
                    .select_only()
                    .column(employees::Column::Id)
                    .filter(employees::Column::SupervisorId.eq(me))
                    .into_tuple::<i64>()
                    .all(db)
                    .await?
            }
            None => Vec::new(),
        };
        select = select.filter(
            Condition::any()
                .add(pulse_rounds::Column::UnitId.is_in(viewer.scope().unit_ids().iter().copied()))
                .add(pulse_rounds::Column::EmployeeId.is_in(supervised)),
        );
    }
    if let Some(unit) = unit_id {
        select = select.filter(pulse_rounds::Column::UnitId.eq(unit));
    }
    let select = select.order_by_desc(pulse_rounds::Column::Id);
    let (rows, total) = crate::services::paging::fetch(db, select, offset, limit).await?;
    Ok((wires(db, &rows).await?, total))
}

/// The invitations of the viewer still to answer (rounds taking answers), nearest last day first.
pub async fn my_invitations(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    today: NaiveDate,
) -> ApiResult<Vec<PulseInvitation>> {
    let Some(me) = viewer.employee_id.filter(|_| viewer.token_id.is_none()) else { return Ok(Vec::new()) };
    let mine = pulse_invitations::Entity::find()
        .filter(pulse_invitations::Column::RespondentId.eq(me))
        .filter(pulse_invitations::Column::AnsweredAt.is_null())
        .all(db)
        .await?;
    let rounds: HashMap<i64, pulse_rounds::Model> = pulse_rounds::Entity::find()
        .filter(pulse_rounds::Column::Id.is_in(mine.iter().map(|i| i.round_id)))
        .all(db)
        .await?
        .into_iter()
        .filter(|r| taking_answers(r, today))
        .map(|r| (r.id, r))
        .collect();
    let people: HashMap<i64, employees::Model> = employees::Entity::find()
        .filter(employees::Column::Id.is_in(mine.iter().map(|i| i.subject_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let mut out: Vec<PulseInvitation> = mine
        .iter()
        .filter_map(|i| {
            let r = rounds.get(&i.round_id)?;
            let s = people.get(&i.subject_id)?;
            Some(PulseInvitation {
                id: i.id,
                round_id: r.id,
                subject_name: s.name.clone(),
                subject_position: s.position_title.clone(),
                group: i.respondent_group,
                period: r.period.clone(),
                closes_on: r.closes_on,
                questions: questions_of(r),
            })
        })
        .collect();
    out.sort_by(|a, b| a.closes_on.cmp(&b.closes_on).then(a.id.cmp(&b.id)));
    Ok(out)
}

/// The scores checked against the round's questions: one per question, each 1–5 (else 422); as
/// an answer set.
fn answer_set(r: &pulse_rounds::Model, body: &PulseAnswer) -> ApiResult<Vec<(CoreValue, u8)>> {
    let questions = questions_of(r);
    let n = questions.len();
    if n == 0 || body.scores.len() != n || body.scores.iter().any(|s| !SCORE_RANGE.contains(s)) {
        return Err(ApiError::field("scores", Issue::new(Invalid::PulseScores).with("count", n)));
    }
    Ok(questions.iter().zip(&body.scores).map(|(q, s)| (q.core_value, *s)).collect())
}

/// Adds one answer set to the running sums of its round, person and group.
async fn add_to_tallies(
    txn: &DatabaseTransaction,
    round_id: i64,
    subject_id: i64,
    group: RespondentGroup,
    set: &[(CoreValue, u8)],
) -> ApiResult<()> {
    use pulse_tallies::Column as C;
    use sea_orm::sea_query::ExprTrait;
    for (value, t) in tally(&set.to_vec()) {
        let excluded = |c: C| Expr::col((sea_orm::sea_query::Alias::new("excluded"), c));
        let current = |c: C| Expr::col((pulse_tallies::Entity, c));
        pulse_tallies::Entity::insert(pulse_tallies::ActiveModel {
            round_id: Set(round_id),
            subject_id: Set(subject_id),
            respondent_group: Set(group),
            core_value: Set(value),
            score_sum: Set(t.score_sum as i64),
            answers: Set(t.answers as i64),
            respondents: Set(1),
            ..Default::default()
        })
        .on_conflict(
            OnConflict::columns([C::SubjectId, C::RoundId, C::RespondentGroup, C::CoreValue])
                .value(C::ScoreSum, current(C::ScoreSum).add(excluded(C::ScoreSum)))
                .value(C::Answers, current(C::Answers).add(excluded(C::Answers)))
                .value(C::Respondents, current(C::Respondents).add(excluded(C::Respondents)))
                .to_owned(),
        )
        .exec(txn)
        .await?;
    }
    Ok(())
}

/// Records the viewer's answer to their invitation (404 unless theirs; 409 when answered or the
/// round no longer takes answers; 422 for scores that do not fit the round's questions). The round
/// is locked so that no answer lands after it closed; the audit log says an invitation was
/// answered without saying by whom, and the invitation keeps only the day.
pub async fn answer(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    today: NaiveDate,
    invitation_id: i64,
    body: &PulseAnswer,
) -> ApiResult<()> {
    let me = viewer.employee_id.filter(|_| viewer.token_id.is_none());
    let inv = pulse_invitations::Entity::find_by_id(invitation_id)
        .lock_exclusive()
        .one(txn)
        .await?
        .filter(|i| Some(i.respondent_id) == me)
        .ok_or(ApiError::NotFound)?;
    let round =
        pulse_rounds::Entity::find_by_id(inv.round_id).lock_exclusive().one(txn).await?.ok_or(ApiError::NotFound)?;
    if inv.answered_at.is_some() {
        return Err(ApiError::Conflict("Anda sudah menjawab survei ini".into()));
    }
    if !taking_answers(&round, today) {
        return Err(ApiError::Conflict("survei ini sudah ditutup".into()));
    }
    let set = answer_set(&round, body)?;
    add_to_tallies(txn, round.id, inv.subject_id, inv.respondent_group, &set).await?;
    let day = Utc::now().date_naive().and_hms_opt(0, 0, 0).map(|d| d.and_utc()).unwrap_or_else(Utc::now);
    let mut a: pulse_invitations::ActiveModel = inv.into();
    a.answered_at = Set(Some(day));
    a.update(txn).await?;
    let nobody = Actor { user_id: None, label: "responden survei 360° (tanpa nama)".into() };
    audit::record(txn, &nobody, Change::new("pulse.answer", "pulse_round", round.id)).await?;
    Ok(())
}

/// A round asking service users, by its public code, else 404.
async fn public_round(db: &impl ConnectionTrait, code: &str) -> ApiResult<pulse_rounds::Model> {
    pulse_rounds::Entity::find()
        .filter(pulse_rounds::Column::PublicCode.eq(code.trim().to_uppercase()))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

/// The people a round asks about.
async fn round_people(db: &impl ConnectionTrait, r: &pulse_rounds::Model) -> ApiResult<Vec<employees::Model>> {
    let ids = pulse_subjects::Entity::find()
        .select_only()
        .column(pulse_subjects::Column::SubjectId)
        .filter(pulse_subjects::Column::RoundId.eq(r.id))
        .into_tuple::<i64>()
        .all(db)
        .await?;
    let mut out = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        out.extend(employees::Entity::find().filter(employees::Column::Id.is_in(chunk.iter().copied())).all(db).await?);
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// The public form of a round for service users: the people it asks about (name and position),
/// nobody once it no longer takes answers.
pub async fn public_form(db: &impl ConnectionTrait, today: NaiveDate, code: &str) -> ApiResult<PublicPulse> {
    let r = public_round(db, code).await?;
    let unit = units::Entity::find_by_id(r.unit_id).one(db).await?.map(|u| u.name).unwrap_or_default();
    let open = taking_answers(&r, today);
    let people = if open { round_people(db, &r).await? } else { Vec::new() };
    Ok(PublicPulse {
        unit_name: unit,
        closes_on: r.closes_on,
        open,
        people: people
            .into_iter()
            .map(|e| PublicPulsePerson { employee_id: e.id, name: e.name, position: e.position_title })
            .collect(),
        questions: if open { questions_of(&r) } else { Vec::new() },
    })
}

/// A service user's answer about one person of the round (422 without one of them; 409 when the
/// round no longer takes answers). The caller limits answers per address.
pub async fn public_answer(
    txn: &DatabaseTransaction,
    today: NaiveDate,
    code: &str,
    body: &PulseAnswer,
) -> ApiResult<()> {
    let r = public_round(txn, code).await?;
    let r = pulse_rounds::Entity::find_by_id(r.id).lock_exclusive().one(txn).await?.ok_or(ApiError::NotFound)?;
    if !taking_answers(&r, today) {
        return Err(ApiError::Conflict("survei ini sudah ditutup".into()));
    }
    let asked = match body.employee_id {
        Some(id) => pulse_subjects::Entity::find()
            .filter(pulse_subjects::Column::RoundId.eq(r.id))
            .filter(pulse_subjects::Column::SubjectId.eq(id))
            .one(txn)
            .await?
            .map(|s| s.subject_id),
        None => None,
    };
    let Some(subject) = asked else {
        return Err(ApiError::field("employee_id", Invalid::PulseTarget));
    };
    let set = answer_set(&r, body)?;
    add_to_tallies(txn, r.id, subject, RespondentGroup::ServiceUser, &set).await
}

/// The pulse about an employee in a period, from the round that asked about them, for a reader:
/// figures only once it is finished, only per group and core value, and only where enough people
/// answered (one more when the reader answered in that group).
pub async fn summary(
    db: &impl ConnectionTrait,
    settings: &PemdaSettings,
    reader: Option<i64>,
    employee_id: i64,
    period: &Period,
) -> ApiResult<PulseSummary> {
    let today = settings.today();
    let label = period.to_string();
    let round = match pulse_subjects::Entity::find()
        .filter(pulse_subjects::Column::SubjectId.eq(employee_id))
        .filter(pulse_subjects::Column::Period.eq(&label))
        .one(db)
        .await?
    {
        Some(s) => pulse_rounds::Entity::find_by_id(s.round_id).one(db).await?,
        None => None,
    };
    let min = settings.pulse_min_respondents;
    let mut out = PulseSummary {
        employee_id,
        period: label,
        open_rounds: 0,
        closed_rounds: 0,
        min_respondents: min.max(kinerja_domain::pulse::MIN_RESPONDENTS),
        groups: Vec::new(),
    };
    let Some(round) = round else { return Ok(out) };
    if !finished(&round, today) {
        out.open_rounds = 1;
        return Ok(out);
    }
    out.closed_rounds = 1;
    let tallies = pulse_tallies::Entity::find()
        .filter(pulse_tallies::Column::SubjectId.eq(employee_id))
        .filter(pulse_tallies::Column::RoundId.eq(round.id))
        .all(db)
        .await?;
    let answered_in: HashSet<RespondentGroup> = match reader {
        Some(me) => pulse_invitations::Entity::find()
            .filter(pulse_invitations::Column::SubjectId.eq(employee_id))
            .filter(pulse_invitations::Column::RespondentId.eq(me))
            .filter(pulse_invitations::Column::RoundId.eq(round.id))
            .filter(pulse_invitations::Column::AnsweredAt.is_not_null())
            .all(db)
            .await?
            .into_iter()
            .map(|i| i.respondent_group)
            .collect(),
        None => HashSet::new(),
    };
    for group in RespondentGroup::ALL {
        let rows: Vec<&pulse_tallies::Model> = tallies.iter().filter(|t| t.respondent_group == *group).collect();
        if rows.is_empty() {
            continue;
        }
        // Every answer set covers every value: the respondents of any value are the group's.
        let respondents = rows.iter().map(|t| t.respondents).max().unwrap_or(0).clamp(0, i64::from(u32::MAX)) as u32;
        let mut sums: BTreeMap<CoreValue, Tally> = BTreeMap::new();
        for t in &rows {
            let e = sums.entry(t.core_value).or_default();
            e.score_sum += u64::try_from(t.score_sum).unwrap_or(0);
            e.answers += u64::try_from(t.answers).unwrap_or(0);
        }
        let agg = aggregate(*group, respondents, &sums, min, answered_in.contains(group));
        out.groups.push(PulseGroup {
            group: *group,
            label: group.label().into(),
            respondents,
            needed: kinerja_domain::pulse::threshold(*group, min, false),
            shown: agg.shown(),
            values: agg
                .means
                .iter()
                .map(|(v, m)| PulseValue { core_value: *v, label: v.label().into(), mean: *m })
                .collect(),
        });
    }
    Ok(out)
}
