//! The data-quality index: reads the organisation and personnel records, runs the checks of
//! `kinerja_domain::data_quality`, and answers the scores (with the last nightly run's beside
//! them) and the defects with their fix and a link. The nightly run keeps each OPD's score.

use crate::entities::{data_quality_scores, employees, rhk, skps, units};
use crate::error::ApiResult;
use chrono::{Datelike, NaiveDate, Utc};
use kinerja_domain::data_quality::{self as dq, Check, Finding, OrphanRhk, PersonRecord, Subject, UnitRecord};
use kinerja_domain::SkpStatus;
use kinerja_types::{CheckCount, DataQuality, DataQualityIssue, OpdQuality, PemdaSettings};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use std::collections::{BTreeMap, HashMap, HashSet};

/// One run of the checks over the whole Pemda, with what the answers name.
pub struct Run {
    pub findings: Vec<Finding>,
    pub scores: BTreeMap<i64, dq::Score>,
    units: HashMap<i64, units::Model>,
    people: HashMap<i64, employees::Model>,
    /// The SKP of each orphan RHK, for its link.
    rhk_skp: HashMap<i64, i64>,
}

/// Runs every check on the records as they are now.
pub async fn run(db: &impl ConnectionTrait, settings: &PemdaSettings) -> ApiResult<Run> {
    let today = settings.today();
    let year = today.year();
    let unit_rows = units::Entity::find().all(db).await?;
    let people_rows = employees::Entity::find().all(db).await?;
    let in_force: Vec<skps::Model> = skps::Entity::find()
        .filter(skps::Column::Year.eq(year))
        .filter(skps::Column::Superseded.eq(false))
        .filter(skps::Column::Status.eq(SkpStatus::Approved.as_str()))
        .all(db)
        .await?;
    let approved: HashSet<i64> = in_force.iter().map(|s| s.employee_id).collect();
    // Each unit's SKP deadline on its own working days: before it, nobody is late.
    let calendars =
        crate::services::calendar::Calendars::of_units(db, settings, crate::services::calendar::Units::All).await?;
    let late = |unit: i64| today > crate::pemda_settings::skp_deadline(settings, year, calendars.of_unit(unit));
    let skp_owner: HashMap<i64, i64> = in_force.iter().map(|s| (s.id, s.employee_id)).collect();
    // RHK of the SKPs in force that cascade from an RHK no longer stored.
    let children = rhk::Entity::find()
        .filter(rhk::Column::SkpId.is_in(skp_owner.keys().copied()))
        .filter(rhk::Column::ParentRhkId.is_not_null())
        .all(db)
        .await?;
    let parents: HashSet<i64> = rhk::Entity::find()
        .filter(rhk::Column::Id.is_in(children.iter().filter_map(|r| r.parent_rhk_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    let mut rhk_skp = HashMap::new();
    let orphans: Vec<OrphanRhk> = children
        .iter()
        .filter(|r| r.parent_rhk_id.is_some_and(|p| !parents.contains(&p)))
        .map(|r| {
            rhk_skp.insert(r.id, r.skp_id);
            OrphanRhk {
                id: r.id,
                employee: skp_owner.get(&r.skp_id).copied().unwrap_or_default(),
                text: r.text.clone(),
            }
        })
        .collect();
    let unit_records: Vec<UnitRecord> = unit_rows
        .iter()
        .map(|u| UnitRecord { id: u.id, parent: u.parent_id, kind: u.kind, active: u.active })
        .collect();
    let person_records: Vec<PersonRecord> = people_rows
        .iter()
        .map(|e| PersonRecord {
            id: e.id,
            nip: e.nip.clone(),
            name: e.name.clone(),
            unit: e.unit_id,
            kind: e.position_kind,
            employment: e.employment_type,
            supervisor: e.supervisor_id,
            supervisor_reason: e.supervisor_reason.clone(),
            birth_date: e.birth_date,
            sex: e.sex,
            skp_in_force: approved.contains(&e.id) || !late(e.unit_id),
        })
        .collect();
    let findings = dq::check(&unit_records, &person_records, &orphans, true);
    let scores = dq::scores(&unit_records, &person_records, &findings);
    Ok(Run {
        findings,
        scores,
        units: unit_rows.into_iter().map(|u| (u.id, u)).collect(),
        people: people_rows.into_iter().map(|e| (e.id, e)).collect(),
        rhk_skp,
    })
}

impl Run {
    /// The unit a finding's record sits in.
    fn unit_of(&self, f: &Finding) -> i64 {
        match f.subject {
            Subject::Employee(id) | Subject::Rhk { employee: id, .. } => self.people.get(&id).map_or(0, |e| e.unit_id),
            Subject::Unit(id) => id,
        }
    }

    /// The findings whose record sits in `within` (all when `None`).
    pub fn within<'a>(&'a self, within: Option<&'a HashSet<i64>>) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(move |f| within.is_none_or(|units| units.contains(&self.unit_of(f))))
    }

    /// A finding on the wire; for a viewer limited to a subtree (`scoped`), the other records of
    /// the same person are not named (their NIP tells birth date and sex, and they may sit
    /// elsewhere).
    pub fn issue(&self, f: &Finding, scoped: bool) -> DataQualityIssue {
        let person = |id: i64| {
            self.people.get(&id).map_or_else(|| format!("pegawai #{id}"), |e| format!("{} (NIP {})", e.name, e.nip))
        };
        let (record_kind, record_id, record, link) = match f.subject {
            Subject::Employee(id) => ("employee", id, person(id), format!("/pegawai/{id}")),
            Subject::Unit(id) => {
                let unit =
                    self.units.get(&id).map_or_else(|| format!("unit #{id}"), |u| format!("{} ({})", u.name, u.code));
                ("unit", id, unit, "/unit".to_owned())
            }
            Subject::Rhk { id, employee } => {
                let skp = self.rhk_skp.get(&id).copied().unwrap_or_default();
                ("rhk", id, person(employee), format!("/skp/{skp}"))
            }
        };
        DataQualityIssue {
            check: f.check.code().into(),
            title: f.check.title().into(),
            blocking: f.check.blocking(),
            opd_id: f.opd,
            opd_name: self.units.get(&f.opd).map(|u| u.name.clone()).unwrap_or_default(),
            record_kind: record_kind.into(),
            record_id,
            record,
            detail: if scoped && f.check == Check::SamePersonTwice {
                "juga tercatat dengan NIP lain; rinciannya dilihat BKPSDM".into()
            } else {
                f.detail.clone()
            },
            fix: f.check.fix().into(),
            link,
        }
    }

    /// The summary of the records within `within` (the whole Pemda when `None`, asked as `unit`).
    pub fn summary(
        &self,
        unit: Option<i64>,
        within: Option<&HashSet<i64>>,
        nightly: Option<(NaiveDate, HashMap<i64, f64>)>,
    ) -> DataQuality {
        let (nightly_day, previous) = nightly.map_or((None, HashMap::new()), |(d, p)| (Some(d), p));
        let opds: Vec<OpdQuality> = self
            .scores
            .iter()
            .filter(|(opd, _)| **opd != 0 && within.is_none_or(|units| units.contains(*opd)))
            .map(|(opd, s)| {
                let u = self.units.get(opd);
                OpdQuality {
                    unit_id: *opd,
                    code: u.map(|u| u.code.clone()).unwrap_or_default(),
                    name: u.map(|u| u.name.clone()).unwrap_or_default(),
                    score: s.score,
                    records: s.records,
                    defective: s.defective,
                    blocking: s.blocking,
                    previous_score: previous.get(opd).copied(),
                }
            })
            .collect();
        let mut opds = opds;
        opds.sort_by(|a, b| a.score.total_cmp(&b.score).then(a.name.cmp(&b.name)));
        let found: Vec<&Finding> = self.within(within).collect();
        let checks = Check::ALL
            .iter()
            .map(|c| CheckCount {
                check: c.code().into(),
                title: c.title().into(),
                blocking: c.blocking(),
                count: found.iter().filter(|f| f.check == *c).count() as u64,
            })
            .collect();
        // The whole Pemda's figures, or those of the records inside the subtree asked (a bidang's
        // head reads their own people and units, not a whole OPD's).
        let (records, defective, blocking) = match (within, self.scores.get(&0)) {
            (None, Some(all)) => (all.records, all.defective, all.blocking),
            _ => {
                let inside = |u: i64| within.is_none_or(|units| units.contains(&u));
                let records = self.people.values().filter(|e| inside(e.unit_id)).count()
                    + self.units.keys().filter(|u| inside(**u)).count();
                let subjects = |blocking_only: bool| {
                    found
                        .iter()
                        .filter(|f| !blocking_only || f.check.blocking())
                        .map(|f| f.subject.record())
                        .collect::<HashSet<(u8, i64)>>()
                        .len() as u64
                };
                (records as u64, subjects(false), subjects(true))
            }
        };
        let score =
            if records == 0 { 100.0 } else { ((records - defective) as f64 / records as f64 * 1000.0).round() / 10.0 };
        DataQuality {
            generated_at: Utc::now(),
            unit_id: unit,
            score,
            records,
            defective,
            blocking,
            opds,
            checks,
            nightly_day,
        }
    }
}

/// The last nightly run before `today`: its day and each OPD's score.
pub async fn last_nightly(
    db: &impl ConnectionTrait,
    today: NaiveDate,
) -> ApiResult<Option<(NaiveDate, HashMap<i64, f64>)>> {
    let Some(last) = data_quality_scores::Entity::find()
        .filter(data_quality_scores::Column::Day.lt(today))
        .order_by_desc(data_quality_scores::Column::Day)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let rows =
        data_quality_scores::Entity::find().filter(data_quality_scores::Column::Day.eq(last.day)).all(db).await?;
    Ok(Some((last.day, rows.into_iter().map(|r| (r.unit_id, r.score)).collect())))
}

/// The nightly run: keeps today's score of each OPD and of the Pemda (0), once a day (a second
/// run the same day overwrites it). Answers how many scores were kept.
pub async fn nightly(db: &impl ConnectionTrait, settings: &PemdaSettings) -> ApiResult<usize> {
    let day = settings.today();
    let run = run(db, settings).await?;
    // The Pemda's row (0) last: `nightly_if_due` takes it as the mark that the night's run is done.
    let rows: Vec<data_quality_scores::ActiveModel> = run
        .scores
        .values()
        .rev()
        .map(|s| data_quality_scores::ActiveModel {
            day: Set(day),
            unit_id: Set(s.opd),
            score: Set(s.score),
            records: Set(s.records as i64),
            defective: Set(s.defective as i64),
            blocking: Set(s.blocking as i64),
        })
        .collect();
    let n = rows.len();
    for row in rows {
        data_quality_scores::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([data_quality_scores::Column::Day, data_quality_scores::Column::UnitId])
                    .update_columns([
                        data_quality_scores::Column::Score,
                        data_quality_scores::Column::Records,
                        data_quality_scores::Column::Defective,
                        data_quality_scores::Column::Blocking,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(n)
}

/// The nightly run when it is due: from 01:00 of the Pemda's day, once (whichever replica comes
/// first; the others find today's scores kept). Answers how many scores were kept.
pub async fn nightly_if_due(db: &impl ConnectionTrait, now: chrono::DateTime<Utc>) -> ApiResult<usize> {
    use chrono::Timelike;
    let settings = crate::pemda_settings::load(db).await?;
    let local = now + chrono::Duration::minutes(i64::from(settings.utc_offset_minutes));
    if local.hour() < 1 {
        return Ok(0);
    }
    let kept = data_quality_scores::Entity::find_by_id((local.date_naive(), 0)).one(db).await?;
    if kept.is_some() {
        return Ok(0);
    }
    nightly(db, &settings).await
}
