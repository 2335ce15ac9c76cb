//! The 360° and upward pulse: opening a round (who is asked about whom), answering it, and the
//! aggregate a reader may see. What is answered is kept only as running sums per person, group and
//! core value (`pulse_tallies`), so no stored row holds one respondent's answers.

use crate::audit::{self, Actor, Change};
use crate::entities::{employees, pulse_invitations, pulse_rounds, pulse_tallies, units};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use crate::services::notify::{self, Message};
use crate::services::org_tree::unit_subtree;
use chrono::{NaiveDate, Utc};
use kinerja_domain::pulse::{aggregate, tally, PulseStatus, RespondentGroup, Tally, SCORE_RANGE};
use kinerja_domain::{CoreValue, Period};
use kinerja_types::{
    Invalid, Issue, NewPulseRound, Notice, NoticeCode, PemdaSettings, PublicPulse, PublicPulsePerson, PulseAnswer,
    PulseGroup, PulseInvitation, PulseRound, PulseSummary, PulseValue,
};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Most co-workers asked about one person; a larger team is sampled at random.
const MAX_PEERS: usize = 8;
/// Most subordinates asked about one person (upward), sampled the same way.
const MAX_SUBORDINATES: usize = 12;

/// Whether answers are still taken: open, and not past its last day.
fn taking_answers(r: &pulse_rounds::Model, today: NaiveDate) -> bool {
    r.status == PulseStatus::Open && today <= r.closes_on
}

/// Whether its aggregates may show: closed, or past its last day.
fn finished(r: &pulse_rounds::Model, today: NaiveDate) -> bool {
    !taking_answers(r, today)
}

/// The capability that opens, closes and reminds a round.
async fn opener(db: &impl ConnectionTrait, unit_id: i64, employee_id: Option<i64>) -> ApiResult<Capability> {
    let supervisor_id = match employee_id {
        Some(id) => employees::Entity::find_by_id(id).one(db).await?.and_then(|e| e.supervisor_id),
        None => None,
    };
    Ok(Capability::OpenPulse { unit: unit_id, supervisor_id: supervisor_id.filter(|_| employee_id.is_some()) })
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

/// The round the viewer may see and run (close, remind): 404 outside, 403 inside without the power.
pub async fn find_to_run(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> ApiResult<pulse_rounds::Model> {
    let r = find_visible(db, viewer, id).await?;
    viewer.require(opener(db, r.unit_id, r.employee_id).await?)?;
    Ok(r)
}

/// Who is asked about each subject: co-workers under the same penilai (at most [`MAX_PEERS`]) and
/// the people they supervise (at most [`MAX_SUBORDINATES`]), sampled at random when there are more.
async fn respondents(
    db: &impl ConnectionTrait,
    subjects: &[employees::Model],
) -> ApiResult<Vec<(i64, i64, RespondentGroup)>> {
    let ids: Vec<i64> = subjects.iter().map(|e| e.id).collect();
    let supervisors: Vec<i64> = subjects.iter().filter_map(|e| e.supervisor_id).collect();
    let around = employees::Entity::find()
        .filter(
            Condition::any()
                .add(employees::Column::SupervisorId.is_in(ids.clone()))
                .add(employees::Column::SupervisorId.is_in(supervisors)),
        )
        .all(db)
        .await?;
    use rand::seq::SliceRandom;
    let mut rng = rand::rng();
    let mut out = Vec::new();
    for s in subjects {
        let mut peers: Vec<i64> = Vec::new();
        let mut below: Vec<i64> = Vec::new();
        for p in around.iter().filter(|p| p.id != s.id) {
            if p.supervisor_id == Some(s.id) {
                below.push(p.id);
            } else if s.supervisor_id.is_some() && p.supervisor_id == s.supervisor_id {
                peers.push(p.id);
            }
        }
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

/// Opens a round (the viewer allowed by [`Capability::OpenPulse`], checked here): 422 unless it
/// names one employee or one unit, a real period and a last day from today; 422 when nobody can
/// be asked. Invites everyone, tells each respondent once, and is audited.
pub async fn open(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    settings: &PemdaSettings,
    body: &NewPulseRound,
) -> ApiResult<PulseRound> {
    let period = crate::services::assessments::check_period(body.period.trim(), settings)?;
    let today = settings.today();
    if body.closes_on < today {
        return Err(ApiError::field("closes_on", Invalid::ClosesBeforeToday));
    }
    let (unit_id, subjects) = match (body.employee_id, body.unit_id) {
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
    let pairs = respondents(txn, &subjects).await?;
    if pairs.is_empty() && !body.service_users {
        return Err(ApiError::field("employee_id", Invalid::NoRespondents));
    }
    let now = Utc::now();
    let round = pulse_rounds::ActiveModel {
        unit_id: Set(unit_id),
        employee_id: Set(body.employee_id),
        period: Set(period.to_string()),
        closes_on: Set(body.closes_on),
        status: Set(PulseStatus::Open),
        public_code: Set(body.service_users.then(|| crate::services::public_codes::tracking_code("PLS"))),
        opened_by: Set(viewer.actor().label),
        opened_at: Set(now),
        closed_at: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
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
    let asked: HashSet<i64> = pairs.iter().map(|(_, r, _)| *r).collect();
    tell(txn, &round, asked, NoticeCode::PulseInvited).await?;
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

/// Closes a round (its runner allowed): 409 when already closed. Audited.
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
    let waiting = pulse_invitations::Entity::find()
        .filter(pulse_invitations::Column::RoundId.eq(r.id))
        .filter(pulse_invitations::Column::AnsweredAt.is_null())
        .all(txn)
        .await?;
    let who: HashSet<i64> = waiting.iter().map(|i| i.respondent_id).collect();
    let count = who.len();
    tell(txn, &r, who, NoticeCode::PulseReminder).await?;
    pulse_invitations::Entity::update_many()
        .col_expr(pulse_invitations::Column::RemindedAt, Expr::value(Utc::now()))
        .filter(pulse_invitations::Column::Id.is_in(waiting.iter().map(|i| i.id)))
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

/// Rounds as sent, with their counts.
pub async fn wires(db: &impl ConnectionTrait, rounds: &[pulse_rounds::Model]) -> ApiResult<Vec<PulseRound>> {
    let ids: Vec<i64> = rounds.iter().map(|r| r.id).collect();
    let invitations =
        pulse_invitations::Entity::find().filter(pulse_invitations::Column::RoundId.is_in(ids.clone())).all(db).await?;
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
    Ok(rounds
        .iter()
        .map(|r| {
            let mine: Vec<&pulse_invitations::Model> = invitations.iter().filter(|i| i.round_id == r.id).collect();
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
                subjects: mine.iter().map(|i| i.subject_id).collect::<HashSet<_>>().len() as u32,
                invited: mine.len() as u32,
                answered: mine.iter().filter(|i| i.answered_at.is_some()).count() as u32,
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

/// The invitations of the viewer still to answer (open rounds), nearest last day first.
pub async fn my_invitations(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    settings: &PemdaSettings,
) -> ApiResult<Vec<PulseInvitation>> {
    let Some(me) = viewer.employee_id else { return Ok(Vec::new()) };
    let today = settings.today();
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
                questions: settings.pulse_questions.clone(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.closes_on.cmp(&b.closes_on).then(a.id.cmp(&b.id)));
    Ok(out)
}

/// The scores checked against the questions: one per question, each 1–5 (else 422); as an
/// answer set.
fn answer_set(settings: &PemdaSettings, body: &PulseAnswer) -> ApiResult<Vec<(CoreValue, u8)>> {
    let n = settings.pulse_questions.len();
    if body.scores.len() != n || body.scores.iter().any(|s| !SCORE_RANGE.contains(s)) {
        return Err(ApiError::field("scores", Issue::new(Invalid::PulseScores).with("count", n)));
    }
    Ok(settings.pulse_questions.iter().zip(&body.scores).map(|(q, s)| (q.core_value, *s)).collect())
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
/// round no longer takes answers; 422 for scores that do not fit the questions). Only the fact of
/// answering is audited, never the scores.
pub async fn answer(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    settings: &PemdaSettings,
    invitation_id: i64,
    body: &PulseAnswer,
) -> ApiResult<()> {
    let me = viewer.employee_id;
    let inv = pulse_invitations::Entity::find_by_id(invitation_id)
        .lock_exclusive()
        .one(txn)
        .await?
        .filter(|i| Some(i.respondent_id) == me && viewer.token_id.is_none())
        .ok_or(ApiError::NotFound)?;
    let round = pulse_rounds::Entity::find_by_id(inv.round_id).one(txn).await?.ok_or(ApiError::NotFound)?;
    if inv.answered_at.is_some() {
        return Err(ApiError::Conflict("Anda sudah menjawab survei ini".into()));
    }
    if !taking_answers(&round, settings.today()) {
        return Err(ApiError::Conflict("survei ini sudah ditutup".into()));
    }
    let set = answer_set(settings, body)?;
    add_to_tallies(txn, round.id, inv.subject_id, inv.respondent_group, &set).await?;
    let id = inv.id;
    let mut a: pulse_invitations::ActiveModel = inv.into();
    a.answered_at = Set(Some(Utc::now()));
    a.update(txn).await?;
    audit::record(txn, &viewer.actor(), Change::new("pulse.answer", "pulse_invitation", id)).await?;
    Ok(())
}

/// An open round asking service users, by its public code, else 404.
async fn public_round(db: &impl ConnectionTrait, code: &str) -> ApiResult<pulse_rounds::Model> {
    pulse_rounds::Entity::find()
        .filter(pulse_rounds::Column::PublicCode.eq(code.trim().to_uppercase()))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

/// The people of a round that service users may answer about.
async fn round_people(db: &impl ConnectionTrait, r: &pulse_rounds::Model) -> ApiResult<Vec<employees::Model>> {
    let select = match r.employee_id {
        Some(id) => employees::Entity::find().filter(employees::Column::Id.eq(id)),
        None => employees::Entity::find().filter(employees::Column::UnitId.is_in(unit_subtree(db, r.unit_id).await?)),
    };
    Ok(select.order_by_asc(employees::Column::Name).all(db).await?)
}

/// The public form of a round for service users.
pub async fn public_form(db: &impl ConnectionTrait, settings: &PemdaSettings, code: &str) -> ApiResult<PublicPulse> {
    let r = public_round(db, code).await?;
    let unit = units::Entity::find_by_id(r.unit_id).one(db).await?.map(|u| u.name).unwrap_or_default();
    let people = round_people(db, &r).await?;
    Ok(PublicPulse {
        unit_name: unit,
        closes_on: r.closes_on,
        open: taking_answers(&r, settings.today()),
        people: people
            .into_iter()
            .map(|e| PublicPulsePerson { employee_id: e.id, name: e.name, position: e.position_title })
            .collect(),
        questions: settings.pulse_questions.clone(),
    })
}

/// A service user's answer about one person of the round (422 without one of them; 409 when the
/// round no longer takes answers).
pub async fn public_answer(
    txn: &DatabaseTransaction,
    settings: &PemdaSettings,
    code: &str,
    body: &PulseAnswer,
) -> ApiResult<()> {
    let r = public_round(txn, code).await?;
    if !taking_answers(&r, settings.today()) {
        return Err(ApiError::Conflict("survei ini sudah ditutup".into()));
    }
    let people = round_people(txn, &r).await?;
    let Some(subject) = body.employee_id.filter(|id| people.iter().any(|e| e.id == *id)) else {
        return Err(ApiError::field("employee_id", Invalid::PulseTarget));
    };
    let set = answer_set(settings, body)?;
    add_to_tallies(txn, r.id, subject, RespondentGroup::ServiceUser, &set).await
}

/// The pulse about an employee in a period, from the rounds that asked about them, for a reader:
/// figures only from finished rounds, only per group and core value, and only where enough people
/// answered (one more when the reader answered in that group).
pub async fn summary(
    db: &impl ConnectionTrait,
    settings: &PemdaSettings,
    reader: Option<i64>,
    employee_id: i64,
    period: &Period,
) -> ApiResult<PulseSummary> {
    let today = settings.today();
    let asked: HashSet<i64> = pulse_tallies::Entity::find()
        .select_only()
        .column(pulse_tallies::Column::RoundId)
        .filter(pulse_tallies::Column::SubjectId.eq(employee_id))
        .into_tuple::<i64>()
        .all(db)
        .await?
        .into_iter()
        .chain(
            pulse_invitations::Entity::find()
                .select_only()
                .column(pulse_invitations::Column::RoundId)
                .filter(pulse_invitations::Column::SubjectId.eq(employee_id))
                .into_tuple::<i64>()
                .all(db)
                .await?,
        )
        .collect();
    let rounds = pulse_rounds::Entity::find()
        .filter(pulse_rounds::Column::Id.is_in(asked))
        .filter(pulse_rounds::Column::Period.eq(period.to_string()))
        .all(db)
        .await?;
    let done: Vec<i64> = rounds.iter().filter(|r| finished(r, today)).map(|r| r.id).collect();
    let tallies = pulse_tallies::Entity::find()
        .filter(pulse_tallies::Column::SubjectId.eq(employee_id))
        .filter(pulse_tallies::Column::RoundId.is_in(done.clone()))
        .all(db)
        .await?;
    let answered_in: HashSet<RespondentGroup> = match reader {
        Some(me) => pulse_invitations::Entity::find()
            .filter(pulse_invitations::Column::SubjectId.eq(employee_id))
            .filter(pulse_invitations::Column::RespondentId.eq(me))
            .filter(pulse_invitations::Column::RoundId.is_in(done.clone()))
            .filter(pulse_invitations::Column::AnsweredAt.is_not_null())
            .all(db)
            .await?
            .into_iter()
            .map(|i| i.respondent_group)
            .collect(),
        None => HashSet::new(),
    };
    let mut groups = Vec::new();
    for group in RespondentGroup::ALL {
        let rows: Vec<&pulse_tallies::Model> = tallies.iter().filter(|t| t.respondent_group == *group).collect();
        if rows.is_empty() {
            continue;
        }
        // Respondents per round are those of any of its values; over rounds they add up.
        let mut per_round: HashMap<i64, i64> = HashMap::new();
        let mut sums: BTreeMap<CoreValue, Tally> = BTreeMap::new();
        for t in &rows {
            let r = per_round.entry(t.round_id).or_default();
            *r = (*r).max(t.respondents);
            let e = sums.entry(t.core_value).or_default();
            e.score_sum += t.score_sum.max(0) as u64;
            e.answers += t.answers.max(0) as u64;
        }
        let respondents = per_round.values().sum::<i64>().max(0) as u32;
        let agg = aggregate(respondents, &sums, settings.pulse_min_respondents, answered_in.contains(group));
        groups.push(PulseGroup {
            group: *group,
            label: group.label().into(),
            respondents,
            shown: agg.shown(),
            values: agg
                .means
                .iter()
                .map(|(v, m)| PulseValue { core_value: *v, label: v.label().into(), mean: *m })
                .collect(),
        });
    }
    let open_rounds = rounds.iter().filter(|r| !finished(r, today)).count() as u32;
    Ok(PulseSummary {
        employee_id,
        period: period.to_string(),
        open_rounds,
        closed_rounds: done.len() as u32,
        min_respondents: settings.pulse_min_respondents.max(kinerja_domain::pulse::MIN_RESPONDENTS),
        groups,
    })
}

/// How many invitations a respondent has still to answer (for the home page's count).
pub async fn waiting_count(db: &impl ConnectionTrait, employee_id: i64) -> ApiResult<u64> {
    Ok(pulse_invitations::Entity::find()
        .filter(pulse_invitations::Column::RespondentId.eq(employee_id))
        .filter(pulse_invitations::Column::AnsweredAt.is_null())
        .count(db)
        .await?)
}
