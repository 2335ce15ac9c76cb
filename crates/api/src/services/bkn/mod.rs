//! Exports toward BKN's e-Kinerja and SIASN, one OPD and year at a time, behind an [`Adapter`]:
//! the OPD's data is read once ([`Source`]), the adapter maps it into records, each record is
//! hashed and compared with the OPD's last export (new, changed, unchanged, removed), held back
//! when a blocking data-quality defect touches its employee, and then either kept for a file or
//! queued through the outbox to the Pemda's bridge with an idempotency key. The bridge's answers
//! fill the reconciliation report.

pub mod ekinerja;

use crate::audit::{self, Actor, Change};
use crate::delivery::outbox::{self, Outgoing, Recipient};
use crate::entities::{
    activities, assessments, bkn_export_records as records, bkn_exports as exports, employees, rhk, skps, units,
};
use crate::error::{ApiError, ApiResult};
use chrono::{NaiveDate, Utc};
use kinerja_domain::data_quality::Subject;
use kinerja_domain::{ActivityStatus, AssessmentStatus};
use kinerja_types::{BknCounts, BknExport, BknPreview, BknRecord, PemdaSettings};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A person of the OPD.
pub struct Person {
    pub id: i64,
    pub nip: String,
    pub name: String,
    pub unit_id: i64,
}

/// What an OPD's year holds, read once for the adapter.
pub struct Source {
    pub year: i32,
    pub people: Vec<Person>,
    /// The SKP in force of each person, with its RHK.
    pub plans: HashMap<i64, (skps::Model, Vec<kinerja_types::Rhk>)>,
    /// Approved activities per person and day.
    pub days: BTreeMap<(i64, NaiveDate), Vec<activities::Model>>,
    /// Ratings past their draft.
    pub ratings: Vec<assessments::Model>,
    /// Every employee's NIP (penilai may sit outside the OPD).
    pub nips: HashMap<i64, String>,
    pub rhk_text: HashMap<i64, String>,
}

impl Source {
    pub fn person(&self, id: i64) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }
}

/// One mapped record.
pub struct Record {
    /// `skp`, `progress` or `rating`.
    pub kind: &'static str,
    /// Names the record across exports.
    pub key: String,
    pub employee_id: i64,
    pub payload: serde_json::Value,
}

/// A destination's field mapping.
pub trait Adapter: Send + Sync {
    /// `e-kinerja`.
    fn name(&self) -> &'static str;
    /// The version of the mapping, carried by every file and push.
    fn mapping_version(&self) -> &'static str;
    fn records(&self, source: &Source) -> Vec<Record>;
}

/// Reads the year of the units' people.
async fn read(db: &impl ConnectionTrait, units: &HashSet<i64>, year: i32) -> ApiResult<Source> {
    let unit_ids: Vec<i64> = units.iter().copied().collect();
    let mut people: Vec<Person> = employees::Entity::find()
        .filter(employees::Column::UnitId.is_in(unit_ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|e| Person { id: e.id, nip: e.nip, name: e.name, unit_id: e.unit_id })
        .collect();
    people.sort_by(|a, b| a.nip.cmp(&b.nip));
    let within = crate::policy::employees_within(&Some(unit_ids));
    // Only an approved plan goes: a draft is no SKP in force for BKN.
    let mut plans = crate::services::skp::in_force(db, year, within.clone()).await?;
    plans.retain(|_, s| s.status == kinerja_domain::SkpStatus::Approved && !s.superseded);
    let mut rhk_by: HashMap<i64, Vec<kinerja_types::Rhk>> = HashMap::new();
    for r in crate::services::skp::rhk_of(db, &plans.values().map(|s| s.id).collect::<Vec<_>>()).await? {
        rhk_by.entry(r.skp_id).or_default().push(r);
    }
    let plans = plans.into_iter().map(|(e, s)| (e, (s.clone(), rhk_by.remove(&s.id).unwrap_or_default()))).collect();
    let (from, to) = kinerja_domain::Period::Year(year).bounds();
    let mut days: BTreeMap<(i64, NaiveDate), Vec<activities::Model>> = BTreeMap::new();
    let approved = activities::Entity::find()
        .filter(activities::Column::EmployeeId.in_subquery(within.clone()))
        .filter(activities::Column::Status.eq(ActivityStatus::Approved.as_str()))
        .filter(activities::Column::Date.between(from, to))
        .order_by_asc(activities::Column::Id)
        .all(db)
        .await?;
    let rhk_ids: HashSet<i64> = approved.iter().map(|a| a.rhk_id).collect();
    for a in approved {
        days.entry((a.employee_id, a.date)).or_default().push(a);
    }
    let rhk_text = rhk::Entity::find()
        .filter(rhk::Column::Id.is_in(rhk_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.text))
        .collect();
    let ratings = assessments::Entity::find()
        .filter(assessments::Column::Period.starts_with(year.to_string()))
        .filter(assessments::Column::Status.ne(AssessmentStatus::Draft.as_str()))
        .filter(assessments::Column::EmployeeId.in_subquery(within))
        .order_by_asc(assessments::Column::Id)
        .all(db)
        .await?;
    let nips = employees::Entity::find().all(db).await?.into_iter().map(|e| (e.id, e.nip)).collect();
    Ok(Source { year, people, plans, days, ratings, nips, rhk_text })
}

/// Why each employee's records are held back: the blocking data-quality defects of the person or
/// of their unit. The index runs on today's year: for another year only the checks that do not
/// depend on the year hold records back (not "no SKP after the deadline", not an orphan RHK).
async fn blocks(
    db: &impl ConnectionTrait,
    settings: &PemdaSettings,
    people: &[Person],
    year: i32,
) -> ApiResult<HashMap<i64, String>> {
    use chrono::Datelike;
    use kinerja_domain::data_quality::Check;
    let run = crate::services::data_quality::run(db, settings).await?;
    let this_year = settings.today().year() == year;
    let applies = |c: Check| c.blocking() && (this_year || !matches!(c, Check::NoSkp | Check::RhkOrphan));
    let mut of_person: HashMap<i64, Vec<String>> = HashMap::new();
    let mut of_unit: HashMap<i64, Vec<String>> = HashMap::new();
    for f in run.findings.iter().filter(|f| applies(f.check)) {
        let why = format!("{}: {}", f.check.title(), f.detail);
        match f.subject {
            Subject::Employee(id) | Subject::Rhk { employee: id, .. } => of_person.entry(id).or_default().push(why),
            Subject::Unit(id) => of_unit.entry(id).or_default().push(why),
        }
    }
    Ok(people
        .iter()
        .filter_map(|p| {
            let mut why = of_person.remove(&p.id).unwrap_or_default();
            why.extend(of_unit.get(&p.unit_id).cloned().unwrap_or_default());
            (!why.is_empty()).then(|| (p.id, why.join("; ")))
        })
        .collect())
}

/// SHA-256 of the record as sent, in hex.
fn content_hash(payload: &serde_json::Value) -> String {
    hex::encode(Sha256::digest(payload.to_string().as_bytes()))
}

/// The key of one sending of a record: the same on every retry of that sending, new in every
/// export (so content that changes back, or a record sent again after a refusal, is not taken
/// for a repeat by the bridge).
fn idempotency_key(mapping: &str, key: &str, hash: &str, export: i64) -> String {
    let digest = hex::encode(Sha256::digest(format!("{mapping}\n{key}\n{hash}\n{export}").as_bytes()));
    format!("knj-bkn-{}", &digest[..40])
}

/// A record as planned, before it is stored.
struct Planned {
    kind: String,
    key: String,
    employee_id: i64,
    nip: String,
    name: String,
    hash: String,
    idempotency: String,
    payload: String,
    change: &'static str,
    status: &'static str,
    reason: Option<String>,
}

/// The OPD's last export with the adapter, and its records by key.
async fn previous(
    db: &impl ConnectionTrait,
    adapter: &dyn Adapter,
    unit_id: i64,
    year: i32,
) -> ApiResult<Option<(exports::Model, HashMap<String, records::Model>)>> {
    let Some(last) = exports::Entity::find()
        .filter(exports::Column::UnitId.eq(unit_id))
        .filter(exports::Column::Year.eq(year))
        .filter(exports::Column::Adapter.eq(adapter.name()))
        .order_by_desc(exports::Column::Id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let rows = records::Entity::find().filter(records::Column::ExportId.eq(last.id)).all(db).await?;
    Ok(Some((last, rows.into_iter().map(|r| (r.record_key.clone(), r)).collect())))
}

/// Plans the export of the unit's year: every record with its change and status.
async fn plan(
    db: &impl ConnectionTrait,
    settings: &PemdaSettings,
    adapter: &dyn Adapter,
    unit_id: i64,
    year: i32,
    push: bool,
) -> ApiResult<(Vec<Planned>, Option<i64>)> {
    let units = crate::services::org_tree::unit_subtree(db, unit_id).await?;
    let source = read(db, &units, year).await?;
    let blocked = blocks(db, settings, &source.people, year).await?;
    let last = previous(db, adapter, unit_id, year).await?;
    let before = last.as_ref().map(|(_, r)| r);
    let mut seen = HashSet::new();
    let mut planned = Vec::new();
    for r in adapter.records(&source) {
        let Some(person) = source.person(r.employee_id) else { continue };
        let hash = content_hash(&r.payload);
        let earlier = before.and_then(|b| b.get(&r.key)).filter(|e| e.change != "removed");
        let change = match earlier {
            None => "new",
            Some(e) if e.content_hash == hash => "unchanged",
            Some(_) => "changed",
        };
        let (status, reason) = match blocked.get(&r.employee_id) {
            Some(why) => ("blocked", Some(why.clone())),
            None if !push => ("exported", None),
            // Sent and taken before, and the same since: not sent again.
            None if change == "unchanged"
                && earlier.is_some_and(|e| matches!(e.status.as_str(), "accepted" | "skipped")) =>
            {
                ("skipped", None)
            }
            None => ("sent", None),
        };
        seen.insert(r.key.clone());
        // A record not sent again keeps the key it was taken under; the others get theirs once the
        // export has its id.
        let idempotency = match (status, earlier) {
            ("skipped", Some(e)) => e.idempotency_key.clone(),
            _ => String::new(),
        };
        planned.push(Planned {
            kind: r.kind.to_owned(),
            idempotency,
            key: r.key,
            employee_id: person.id,
            nip: person.nip.clone(),
            name: person.name.clone(),
            hash,
            payload: r.payload.to_string(),
            change,
            status,
            reason,
        });
    }
    for (key, e) in before.into_iter().flatten() {
        if !seen.contains(key) && e.change != "removed" {
            planned.push(Planned {
                kind: e.kind.clone(),
                key: key.clone(),
                employee_id: e.employee_id,
                nip: e.nip.clone(),
                name: e.name.clone(),
                hash: e.content_hash.clone(),
                idempotency: e.idempotency_key.clone(),
                payload: e.payload.clone(),
                change: "removed",
                status: "removed",
                reason: Some(
                    "tidak ada lagi di Kinerja sejak ekspor sebelumnya; hapus di e-Kinerja bila sudah terkirim".into(),
                ),
            });
        }
    }
    planned.sort_by(|a, b| a.key.cmp(&b.key));
    Ok((planned, last.map(|(e, _)| e.id)))
}

fn count<'a>(rows: impl Iterator<Item = (&'a str, &'a str)>) -> BknCounts {
    let mut c = BknCounts::default();
    for (change, status) in rows {
        c.records += 1;
        match change {
            "new" => c.new += 1,
            "changed" => c.changed += 1,
            "unchanged" => c.unchanged += 1,
            _ => c.removed += 1,
        }
        match status {
            "blocked" => c.blocked += 1,
            "exported" => c.exported += 1,
            "sent" => c.sent += 1,
            "accepted" => c.accepted += 1,
            "rejected" => c.rejected += 1,
            "failed" => c.failed += 1,
            "skipped" => c.skipped += 1,
            _ => {}
        }
    }
    c
}

/// The unit exported: an OPD or the Pemda's root (404 when there is none, 422 for a part of an
/// OPD: each OPD keeps one line of exports to compare with).
async fn check_unit(db: &impl ConnectionTrait, unit_id: i64) -> ApiResult<units::Model> {
    let unit = units::Entity::find_by_id(unit_id).one(db).await?.ok_or(ApiError::NotFound)?;
    if unit.kind != kinerja_domain::UnitKind::Opd && unit.parent_id.is_some() {
        return Err(ApiError::field("unit_id", kinerja_types::Invalid::BknNotOpd));
    }
    Ok(unit)
}

/// What an export would hold and what blocks, writing nothing.
pub async fn preview(
    db: &impl ConnectionTrait,
    settings: &PemdaSettings,
    adapter: &dyn Adapter,
    unit_id: i64,
    year: i32,
    push: bool,
    bridge: bool,
) -> ApiResult<BknPreview> {
    check_unit(db, unit_id).await?;
    let (planned, _) = plan(db, settings, adapter, unit_id, year, push).await?;
    let counts = count(planned.iter().map(|p| (p.change, p.status)));
    let now = Utc::now();
    let blocked = planned
        .iter()
        .filter(|p| p.status == "blocked")
        .take(200)
        .map(|p| BknRecord {
            id: 0,
            kind: p.kind.clone(),
            key: p.key.clone(),
            nip: p.nip.clone(),
            name: p.name.clone(),
            change: p.change.to_owned(),
            status: p.status.to_owned(),
            reason: p.reason.clone(),
            idempotency_key: p.idempotency.clone(),
            updated_at: now,
        })
        .collect();
    Ok(BknPreview { unit_id, year, mapping_version: adapter.mapping_version().to_owned(), counts, blocked, bridge })
}

/// Exports the unit's year: stores the export and its records and, for a push, queues every
/// record to send on the outbox's `bkn` channel. Audited.
#[allow(clippy::too_many_arguments)]
pub async fn create(
    txn: &DatabaseTransaction,
    actor: &Actor,
    settings: &PemdaSettings,
    adapter: &dyn Adapter,
    unit_id: i64,
    year: i32,
    push: bool,
) -> ApiResult<BknExport> {
    check_unit(txn, unit_id).await?;
    let (planned, _) = plan(txn, settings, adapter, unit_id, year, push).await?;
    let now = Utc::now();
    let export = sea_orm::ActiveModelTrait::insert(
        exports::ActiveModel {
            unit_id: Set(unit_id),
            year: Set(year),
            adapter: Set(adapter.name().to_owned()),
            mapping_version: Set(adapter.mapping_version().to_owned()),
            mode: Set(if push { "push" } else { "file" }.to_owned()),
            created_by: Set(actor.label.clone()),
            created_at: Set(now),
            ..Default::default()
        },
        txn,
    )
    .await?;
    for chunk in planned.chunks(200) {
        let rows = chunk.iter().map(|p| records::ActiveModel {
            export_id: Set(export.id),
            kind: Set(p.kind.clone()),
            record_key: Set(p.key.clone()),
            employee_id: Set(p.employee_id),
            nip: Set(p.nip.clone()),
            name: Set(p.name.clone()),
            content_hash: Set(p.hash.clone()),
            idempotency_key: Set(if p.idempotency.is_empty() {
                idempotency_key(adapter.mapping_version(), &p.key, &p.hash, export.id)
            } else {
                p.idempotency.clone()
            }),
            payload: Set(p.payload.clone()),
            change: Set(p.change.to_owned()),
            status: Set(p.status.to_owned()),
            reason: Set(p.reason.clone()),
            updated_at: Set(now),
            ..Default::default()
        });
        records::Entity::insert_many(rows).exec_without_returning(txn).await?;
    }
    if push {
        let to_send = records::Entity::find()
            .filter(records::Column::ExportId.eq(export.id))
            .filter(records::Column::Status.eq("sent"))
            .all(txn)
            .await?;
        for r in to_send {
            let body = serde_json::json!({
                "mapping_version": adapter.mapping_version(),
                "adapter": adapter.name(),
                "jenis": r.kind,
                "kunci": r.record_key,
                "idempotency_key": r.idempotency_key,
                "perubahan": r.change,
                "data": serde_json::from_str::<serde_json::Value>(&r.payload).unwrap_or_default(),
            });
            outbox::enqueue(
                txn,
                Outgoing {
                    event_key: format!("bkn:{}", r.id),
                    event_kind: "bkn.record",
                    to: Recipient::Bridge(r.id),
                    subject: r.record_key.clone(),
                    body: body.to_string(),
                    stop_path: None,
                },
            )
            .await?;
        }
    }
    let wire = one(txn, export.id).await?;
    audit::record(txn, actor, Change::new("bkn_export.create", "bkn_export", export.id).after(&wire)).await?;
    Ok(wire)
}

/// An export with its reconciliation figures (404 when there is none).
pub async fn one(db: &impl ConnectionTrait, id: i64) -> ApiResult<BknExport> {
    let e = exports::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    Ok(wire(db, vec![e]).await?.remove(0))
}

async fn wire(db: &impl ConnectionTrait, rows: Vec<exports::Model>) -> ApiResult<Vec<BknExport>> {
    let ids: Vec<i64> = rows.iter().map(|e| e.id).collect();
    let pairs: Vec<(i64, String, String)> = {
        use sea_orm::QuerySelect;
        records::Entity::find()
            .select_only()
            .columns([records::Column::ExportId, records::Column::Change, records::Column::Status])
            .filter(records::Column::ExportId.is_in(ids))
            .into_tuple()
            .all(db)
            .await?
    };
    let names: HashMap<i64, String> =
        units::Entity::find().all(db).await?.into_iter().map(|u| (u.id, u.name)).collect();
    let mut out = Vec::new();
    for e in rows {
        let counts = count(pairs.iter().filter(|(x, ..)| *x == e.id).map(|(_, c, s)| (c.as_str(), s.as_str())));
        let previous_id = exports::Entity::find()
            .filter(exports::Column::UnitId.eq(e.unit_id))
            .filter(exports::Column::Year.eq(e.year))
            .filter(exports::Column::Adapter.eq(&e.adapter))
            .filter(exports::Column::Id.lt(e.id))
            .order_by_desc(exports::Column::Id)
            .one(db)
            .await?
            .map(|p| p.id);
        out.push(BknExport {
            id: e.id,
            unit_id: e.unit_id,
            unit_name: names.get(&e.unit_id).cloned().unwrap_or_default(),
            year: e.year,
            adapter: e.adapter,
            mapping_version: e.mapping_version,
            mode: e.mode,
            created_by: e.created_by,
            created_at: e.created_at,
            previous_id,
            counts,
        });
    }
    Ok(out)
}

/// Exports, newest first: one page and the total.
pub async fn list(db: &impl ConnectionTrait, offset: u64, limit: u64) -> ApiResult<(Vec<BknExport>, u64)> {
    let select = exports::Entity::find().order_by_desc(exports::Column::Id);
    let (rows, total) = super::paging::fetch(db, select, offset, limit).await?;
    Ok((wire(db, rows).await?, total))
}

/// An export's records, filtered by status and change: one page and the total.
pub async fn records_of(
    db: &impl ConnectionTrait,
    id: i64,
    status: Option<&str>,
    change: Option<&str>,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<BknRecord>, u64)> {
    exports::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let mut select = records::Entity::find().filter(records::Column::ExportId.eq(id));
    if let Some(s) = status {
        select = select.filter(records::Column::Status.eq(s));
    }
    if let Some(c) = change {
        select = select.filter(records::Column::Change.eq(c));
    }
    let (rows, total) =
        super::paging::fetch(db, select.order_by_asc(records::Column::RecordKey), offset, limit).await?;
    Ok((rows.into_iter().map(record_wire).collect(), total))
}

fn record_wire(r: records::Model) -> BknRecord {
    BknRecord {
        id: r.id,
        kind: r.kind,
        key: r.record_key,
        nip: r.nip,
        name: r.name,
        change: r.change,
        status: r.status,
        reason: r.reason,
        idempotency_key: r.idempotency_key,
        updated_at: r.updated_at,
    }
}

/// The export as a file to upload by hand: every record not held back, in the mapping's fields.
pub async fn file(db: &impl ConnectionTrait, id: i64) -> ApiResult<(String, serde_json::Value)> {
    let e = exports::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let unit = units::Entity::find_by_id(e.unit_id).one(db).await?;
    let rows = records::Entity::find()
        .filter(records::Column::ExportId.eq(id))
        .filter(records::Column::Status.ne("blocked"))
        .filter(records::Column::Change.ne("removed"))
        .order_by_asc(records::Column::RecordKey)
        .all(db)
        .await?;
    let code = unit.as_ref().map(|u| u.code.clone()).unwrap_or_default();
    let doc = serde_json::json!({
        "mapping_version": e.mapping_version,
        "adapter": e.adapter,
        "unit_kerja": unit.map(|u| u.name),
        "kode_unit": code,
        "tahun": e.year,
        "dibuat_pada": e.created_at,
        "ekspor_id": e.id,
        "records": rows.iter().map(|r| serde_json::json!({
            "jenis": r.kind,
            "kunci": r.record_key,
            "idempotency_key": r.idempotency_key,
            "perubahan": r.change,
            "data": serde_json::from_str::<serde_json::Value>(&r.payload).unwrap_or_default(),
        })).collect::<Vec<_>>(),
    });
    let name = format!("bkn-{}-{}-{}-{}.json", e.adapter, code.to_lowercase(), e.year, e.id);
    Ok((name, doc))
}
