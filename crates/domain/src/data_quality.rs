//! The data-quality index (Indeks Kualitas Data): checks of the organisation and personnel records
//! that break ratings or the national sync (BKN e-Kinerja, SIASN), each with the fix it needs, and
//! a score per OPD: the share of its records (people and units) without a defect.
//!
//! The NIP is unique in the database, so a duplicate NIP cannot be stored; what a register of
//! this kind does hold is the same person twice under two numbers (same name and birth date),
//! which is what [`Check::SamePersonTwice`] finds.

use crate::nip::Nip;
use crate::org::{EmploymentType, PositionKind, Sex, UnitKind};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// A unit as the checks see it.
#[derive(Debug, Clone)]
pub struct UnitRecord {
    pub id: i64,
    pub parent: Option<i64>,
    pub kind: UnitKind,
    /// Dissolved in a reorganisation: kept for history, nobody should still work in it.
    pub active: bool,
}

/// A person as the checks see them.
#[derive(Debug, Clone)]
pub struct PersonRecord {
    pub id: i64,
    pub nip: String,
    pub name: String,
    pub unit: i64,
    pub kind: PositionKind,
    pub employment: EmploymentType,
    pub supervisor: Option<i64>,
    /// Why the supervisor sits in another OPD (Plt, penugasan), when they do.
    pub supervisor_reason: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sex>,
    /// An approved SKP of the year is in force.
    pub skp_in_force: bool,
}

/// An RHK of an SKP in force that cascades from a parent RHK that is gone (deleted, or its SKP
/// replaced by a revision): the chain of targets is broken.
#[derive(Debug, Clone)]
pub struct OrphanRhk {
    pub id: i64,
    pub employee: i64,
    pub text: String,
}

/// One check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Check {
    NoSupervisor,
    SupervisorLoop,
    SupervisorOtherOpd,
    ChainSkipsLevel,
    NipInvalid,
    NipBirthDate,
    NipSex,
    SamePersonTwice,
    UnitWithoutHead,
    InactiveUnitStaff,
    NoSkp,
    RhkOrphan,
}

impl Check {
    pub const ALL: [Check; 12] = [
        Check::NoSupervisor,
        Check::SupervisorLoop,
        Check::SupervisorOtherOpd,
        Check::ChainSkipsLevel,
        Check::NipInvalid,
        Check::NipBirthDate,
        Check::NipSex,
        Check::SamePersonTwice,
        Check::UnitWithoutHead,
        Check::InactiveUnitStaff,
        Check::NoSkp,
        Check::RhkOrphan,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Check::NoSupervisor => "no_supervisor",
            Check::SupervisorLoop => "supervisor_loop",
            Check::SupervisorOtherOpd => "supervisor_other_opd",
            Check::ChainSkipsLevel => "chain_skips_level",
            Check::NipInvalid => "nip_invalid",
            Check::NipBirthDate => "nip_birth_date",
            Check::NipSex => "nip_sex",
            Check::SamePersonTwice => "same_person_twice",
            Check::UnitWithoutHead => "unit_without_head",
            Check::InactiveUnitStaff => "inactive_unit_staff",
            Check::NoSkp => "no_skp",
            Check::RhkOrphan => "rhk_orphan",
        }
    }

    /// Blocks a rating or the national sync (else a warning to look at).
    pub fn blocking(self) -> bool {
        !matches!(self, Check::SupervisorOtherOpd | Check::ChainSkipsLevel | Check::SamePersonTwice)
    }

    /// What is wrong, in Bahasa Indonesia.
    pub fn title(self) -> &'static str {
        match self {
            Check::NoSupervisor => "Pegawai tanpa atasan langsung",
            Check::SupervisorLoop => "Rantai atasan berputar",
            Check::SupervisorOtherOpd => "Atasan di OPD lain tanpa alasan tercatat",
            Check::ChainSkipsLevel => "Rantai atasan melompati jenjang",
            Check::NipInvalid => "NIP tidak sah",
            Check::NipBirthDate => "Tanggal lahir tidak sesuai NIP",
            Check::NipSex => "Jenis kelamin tidak sesuai NIP",
            Check::SamePersonTwice => "Orang yang sama tercatat dua kali",
            Check::UnitWithoutHead => "Unit tanpa kepala",
            Check::InactiveUnitStaff => "Unit nonaktif masih berisi pegawai",
            Check::NoSkp => "Belum ada SKP yang berlaku setelah batas waktu",
            Check::RhkOrphan => "RHK kehilangan RHK induknya",
        }
    }

    /// What fixes it, in Bahasa Indonesia.
    pub fn fix(self) -> &'static str {
        match self {
            Check::NoSupervisor => "Isi atasan langsung (pejabat penilai) di halaman pegawai.",
            Check::SupervisorLoop => "Ubah atasan salah satu pegawai dalam rantai agar berujung pada pimpinan.",
            Check::SupervisorOtherOpd => {
                "Pindahkan atasan ke pejabat di OPD yang sama, atau catat alasannya (Plt, penugasan)."
            }
            Check::ChainSkipsLevel => "Periksa atasan langsung: biasanya satu jenjang di atas jabatan pegawai.",
            Check::NipInvalid => "Perbaiki NIP sesuai SK (18 digit: tanggal lahir, TMT, jenis kelamin, urutan).",
            Check::NipBirthDate => "Samakan tanggal lahir dengan SK, atau perbaiki NIP bila NIP yang salah.",
            Check::NipSex => "Samakan jenis kelamin dengan SK, atau perbaiki NIP bila NIP yang salah.",
            Check::SamePersonTwice => "Gabungkan ke satu data pegawai dan nonaktifkan yang lain.",
            Check::UnitWithoutHead => "Tempatkan pejabat struktural sebagai kepala unit, atau gabungkan unitnya.",
            Check::InactiveUnitStaff => "Pindahkan pegawainya ke unit yang aktif.",
            Check::NoSkp => "Minta pegawai menyusun SKP dan pejabat penilai menetapkannya.",
            Check::RhkOrphan => "Pilih ulang RHK atasan yang diintervensi pada SKP pegawai.",
        }
    }
}

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Subject {
    Employee(i64),
    Unit(i64),
    Rhk { id: i64, employee: i64 },
}

impl Subject {
    /// The record that counts as defective in the score: an RHK's owner.
    pub fn record(self) -> (u8, i64) {
        match self {
            Subject::Employee(id) | Subject::Rhk { employee: id, .. } => (0, id),
            Subject::Unit(id) => (1, id),
        }
    }
}

/// One defect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub check: Check,
    pub subject: Subject,
    /// The OPD the record belongs to (the root unit for the Pemda's own people).
    pub opd: i64,
    /// The particulars, in Bahasa Indonesia.
    pub detail: String,
}

/// An OPD's score.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub opd: i64,
    /// People and units checked.
    pub records: u64,
    /// Of them, with at least one finding.
    pub defective: u64,
    /// Of them, with at least one blocking finding.
    pub blocking: u64,
    /// 0-100, one decimal: the share without a finding.
    pub score: f64,
}

/// The organisation: each unit's OPD.
pub struct Org<'a> {
    units: HashMap<i64, &'a UnitRecord>,
}

impl<'a> Org<'a> {
    pub fn new(units: &'a [UnitRecord]) -> Self {
        Self { units: units.iter().map(|u| (u.id, u)).collect() }
    }

    /// The OPD of `unit`: the nearest unit at or above it of kind `opd`; else the one just below
    /// the root; the root for the root itself.
    pub fn opd_of(&self, unit: i64) -> i64 {
        let mut at = unit;
        let mut below_root = unit;
        for _ in 0..self.units.len() + 1 {
            let Some(u) = self.units.get(&at) else { return below_root };
            if u.kind == UnitKind::Opd {
                return u.id;
            }
            match u.parent {
                Some(p) => {
                    below_root = at;
                    at = p;
                }
                None => return if below_root == at { at } else { below_root },
            }
        }
        unit
    }

    fn is_root(&self, unit: i64) -> bool {
        self.units.get(&unit).is_some_and(|u| u.parent.is_none())
    }
}

fn level(kind: PositionKind) -> u8 {
    match kind {
        PositionKind::Jpt => 4,
        PositionKind::Administrator => 3,
        PositionKind::Pengawas => 2,
        PositionKind::Pelaksana | PositionKind::Fungsional => 1,
    }
}

/// Whether `sup` is too far above `kind` to be its direct supervisor: a pelaksana under a JPT, a
/// pengawas under a JPT (a UPT's head excepted by the caller). Since the 2021 delayering a
/// pelaksana under an administrator is normal, and a fungsional may have any structural penilai.
fn skips_level(kind: PositionKind, sup: PositionKind) -> bool {
    match kind {
        PositionKind::Fungsional => false,
        PositionKind::Pelaksana => level(sup) >= 4,
        _ => level(sup) >= level(kind) + 2,
    }
}

fn structural(kind: PositionKind) -> bool {
    level(kind) >= 2
}

/// A name compared loosely: letters and digits only, lower case, titles kept (they are part of
/// how a register spells a person).
fn loose(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Every finding, grouped by check then subject.
pub fn check(units: &[UnitRecord], people: &[PersonRecord], orphans: &[OrphanRhk], skp_due: bool) -> Vec<Finding> {
    let org = Org::new(units);
    let by_id: HashMap<i64, &PersonRecord> = people.iter().map(|p| (p.id, p)).collect();
    let mut out = Vec::new();
    let mut add = |check: Check, subject: Subject, unit: i64, detail: String| {
        out.push(Finding { check, subject, opd: org.opd_of(unit), detail });
    };
    let mut in_loop: HashSet<i64> = HashSet::new();
    for p in people {
        let me = Subject::Employee(p.id);
        match p.supervisor.map(|s| (s, by_id.get(&s))) {
            None if !(p.kind == PositionKind::Jpt && org.is_root(p.unit)) => {
                add(Check::NoSupervisor, me, p.unit, "atasan langsung kosong".into())
            }
            None => {}
            Some((s, None)) => {
                add(Check::NoSupervisor, me, p.unit, format!("atasan #{s} tidak ada lagi dalam data pegawai"))
            }
            Some((_, Some(sup))) => {
                let other_opd = org.opd_of(sup.unit) != org.opd_of(p.unit) && !org.is_root(sup.unit);
                let reason = p.supervisor_reason.as_deref().is_some_and(|r| !r.trim().is_empty());
                if other_opd && !reason {
                    add(Check::SupervisorOtherOpd, me, p.unit, format!("atasan: {} ({})", sup.name, sup.nip));
                }
                let heads_upt = structural(p.kind)
                    && units.iter().any(|u| u.id == p.unit && u.kind == UnitKind::Upt)
                    && sup.unit != p.unit;
                if skips_level(p.kind, sup.kind) && !heads_upt {
                    add(
                        Check::ChainSkipsLevel,
                        me,
                        p.unit,
                        format!("{} di bawah langsung {} ({})", p.kind.as_str(), sup.kind.as_str(), sup.name),
                    );
                }
            }
        }
        // Follow the chain up: back at this person is a loop.
        let mut seen = HashSet::from([p.id]);
        let mut at = p.supervisor;
        while let Some(s) = at {
            if s == p.id {
                in_loop.insert(p.id);
                break;
            }
            if !seen.insert(s) {
                break;
            }
            at = by_id.get(&s).and_then(|x| x.supervisor);
        }
        match Nip::parse_for(&p.nip, p.employment) {
            Err(e) => add(Check::NipInvalid, me, p.unit, e.to_string()),
            Ok(nip) => {
                if let (Some(recorded), Some(encoded)) = (p.birth_date, nip.birth_date()) {
                    if recorded != encoded {
                        add(Check::NipBirthDate, me, p.unit, format!("tercatat {recorded}, NIP menyebut {encoded}"));
                    }
                }
                if let (Some(recorded), Some(encoded)) = (p.sex, nip.sex()) {
                    if recorded != encoded {
                        add(
                            Check::NipSex,
                            me,
                            p.unit,
                            format!(
                                "tercatat {}, NIP menyebut {}",
                                recorded.as_str().to_uppercase(),
                                encoded.as_str().to_uppercase()
                            ),
                        );
                    }
                }
            }
        }
        if skp_due && !p.skp_in_force {
            add(Check::NoSkp, me, p.unit, "belum ada SKP tahun ini yang ditetapkan".into());
        }
    }
    for p in people.iter().filter(|p| in_loop.contains(&p.id)) {
        add(Check::SupervisorLoop, Subject::Employee(p.id), p.unit, "rantai atasan kembali ke pegawai ini".into());
    }
    // The same person twice: a loose name and the birth date of the NIP.
    let mut twins: BTreeMap<(String, NaiveDate), Vec<&PersonRecord>> = BTreeMap::new();
    for p in people {
        if let Some(born) = Nip::parse_for(&p.nip, p.employment).ok().and_then(|n| n.birth_date()) {
            twins.entry((loose(&p.name), born)).or_default().push(p);
        }
    }
    for group in twins.values().filter(|g| g.len() > 1) {
        for p in group {
            let others: Vec<&str> = group.iter().filter(|o| o.id != p.id).map(|o| o.nip.as_str()).collect();
            add(
                Check::SamePersonTwice,
                Subject::Employee(p.id),
                p.unit,
                format!("juga tercatat: NIP {}", others.join(", ")),
            );
        }
    }
    let mut staff: HashMap<i64, Vec<&PersonRecord>> = HashMap::new();
    for p in people {
        staff.entry(p.unit).or_default().push(p);
    }
    for u in units {
        let here = staff.get(&u.id).map(Vec::as_slice).unwrap_or_default();
        if !u.active {
            if !here.is_empty() {
                add(
                    Check::InactiveUnitStaff,
                    Subject::Unit(u.id),
                    u.id,
                    format!("{} pegawai masih di unit ini", here.len()),
                );
            }
        } else if u.kind != UnitKind::Pemda && !here.iter().any(|p| structural(p.kind)) {
            add(Check::UnitWithoutHead, Subject::Unit(u.id), u.id, "tidak ada pejabat struktural di unit ini".into());
        }
    }
    for r in orphans {
        let unit = by_id.get(&r.employee).map_or(0, |p| p.unit);
        add(Check::RhkOrphan, Subject::Rhk { id: r.id, employee: r.employee }, unit, format!("RHK: {}", r.text));
    }
    out.sort_by_key(|f| (f.check, f.subject));
    out
}

/// The score of each OPD (by its unit id) and of the whole Pemda (under `0`).
pub fn scores(units: &[UnitRecord], people: &[PersonRecord], findings: &[Finding]) -> BTreeMap<i64, Score> {
    let org = Org::new(units);
    let mut records: BTreeMap<i64, u64> = BTreeMap::new();
    for p in people {
        *records.entry(org.opd_of(p.unit)).or_default() += 1;
    }
    for u in units {
        *records.entry(org.opd_of(u.id)).or_default() += 1;
    }
    let mut defective: BTreeMap<i64, BTreeSet<(u8, i64)>> = BTreeMap::new();
    let mut blocking: BTreeMap<i64, BTreeSet<(u8, i64)>> = BTreeMap::new();
    for f in findings {
        defective.entry(f.opd).or_default().insert(f.subject.record());
        if f.check.blocking() {
            blocking.entry(f.opd).or_default().insert(f.subject.record());
        }
    }
    let score = |opd: i64, records: u64, defective: u64, blocking: u64| Score {
        opd,
        records,
        defective,
        blocking,
        score: if records == 0 {
            100.0
        } else {
            ((records - defective) as f64 / records as f64 * 1000.0).round() / 10.0
        },
    };
    let count = |m: &BTreeMap<i64, BTreeSet<(u8, i64)>>, opd: i64| m.get(&opd).map_or(0, |s| s.len() as u64);
    let mut out: BTreeMap<i64, Score> = records
        .iter()
        .map(|(opd, n)| (*opd, score(*opd, *n, count(&defective, *opd).min(*n), count(&blocking, *opd).min(*n))))
        .collect();
    let all = |f: fn(&Score) -> u64| out.values().map(f).sum::<u64>();
    let total = score(0, all(|s| s.records), all(|s| s.defective), all(|s| s.blocking));
    out.insert(0, total);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: i64, parent: Option<i64>, kind: UnitKind) -> UnitRecord {
        UnitRecord { id, parent, kind, active: true }
    }

    fn person(id: i64, nip: &str, unit: i64, kind: PositionKind, supervisor: Option<i64>) -> PersonRecord {
        PersonRecord {
            id,
            nip: nip.into(),
            name: format!("Pegawai {id}"),
            unit,
            kind,
            employment: EmploymentType::Pns,
            supervisor,
            supervisor_reason: None,
            birth_date: None,
            sex: None,
            skp_in_force: true,
        }
    }

    /// A city (1), two OPD (2, 3), a bidang of 2 (4), a UPT of 2 (5).
    fn city() -> (Vec<UnitRecord>, Vec<PersonRecord>) {
        let units = vec![
            unit(1, None, UnitKind::Pemda),
            unit(2, Some(1), UnitKind::Opd),
            unit(3, Some(1), UnitKind::Opd),
            unit(4, Some(2), UnitKind::Bidang),
            unit(5, Some(2), UnitKind::Upt),
        ];
        let people = vec![
            person(10, "196804171993031006", 1, PositionKind::Jpt, None),
            person(20, "197203151998032004", 2, PositionKind::Jpt, Some(10)),
            person(30, "197009121995031002", 3, PositionKind::Jpt, Some(10)),
            person(40, "198204172006042005", 4, PositionKind::Administrator, Some(20)),
            person(41, "199001052015031001", 4, PositionKind::Pelaksana, Some(40)),
            person(50, "198406222010011006", 5, PositionKind::Pengawas, Some(20)),
        ];
        (units, people)
    }

    fn codes(f: &[Finding]) -> Vec<(&'static str, Subject)> {
        f.iter().map(|f| (f.check.code(), f.subject)).collect()
    }

    #[test]
    fn a_clean_city_has_no_findings_and_full_scores() {
        let (units, people) = city();
        let found = check(&units, &people, &[], true);
        assert_eq!(codes(&found), vec![]);
        let s = scores(&units, &people, &found);
        assert_eq!(s[&0].score, 100.0);
        assert_eq!(s[&2].records, 7, "OPD 2: four people, three units");
    }

    #[test]
    fn each_defect_is_found_with_its_opd() {
        let (mut units, mut people) = city();
        people[1].supervisor = None; // the head of OPD 2 without a supervisor
        people[4].supervisor = Some(30); // a pelaksana under another OPD's head: other OPD, skips levels
        people[3].birth_date = NaiveDate::from_ymd_opt(1982, 4, 18); // NIP says the 17th
        people[3].sex = Some(Sex::L); // NIP says perempuan
        people.push(person(60, "19900105201503100", 3, PositionKind::Fungsional, Some(30))); // 17 digits
        let mut twin = person(61, "199001052016031002", 3, PositionKind::Fungsional, Some(30));
        twin.name = "PEGAWAI  41".into();
        people.push(twin);
        people[4].name = "Pegawai 41".into();
        units.push(UnitRecord { id: 6, parent: Some(3), kind: UnitKind::Bidang, active: false });
        people.push(person(62, "199306062019031004", 6, PositionKind::Fungsional, Some(30)));
        units.push(unit(7, Some(3), UnitKind::Bidang)); // nobody in it
        people[5].skp_in_force = false;
        let orphan = OrphanRhk { id: 900, employee: 41, text: "Rekap rujukan".into() };
        let found = check(&units, &people, &[orphan], true);
        let by = |c: Check| found.iter().filter(|f| f.check == c).map(|f| (f.subject, f.opd)).collect::<Vec<_>>();
        assert_eq!(by(Check::NoSupervisor), vec![(Subject::Employee(20), 2)]);
        assert_eq!(by(Check::SupervisorOtherOpd), vec![(Subject::Employee(41), 2)]);
        assert_eq!(by(Check::ChainSkipsLevel), vec![(Subject::Employee(41), 2)]);
        assert_eq!(by(Check::NipBirthDate), vec![(Subject::Employee(40), 2)]);
        assert_eq!(by(Check::NipSex), vec![(Subject::Employee(40), 2)]);
        assert_eq!(by(Check::NipInvalid), vec![(Subject::Employee(60), 3)]);
        assert_eq!(by(Check::SamePersonTwice), vec![(Subject::Employee(41), 2), (Subject::Employee(61), 3)]);
        assert_eq!(by(Check::InactiveUnitStaff), vec![(Subject::Unit(6), 3)]);
        assert_eq!(by(Check::UnitWithoutHead), vec![(Subject::Unit(7), 3)]);
        assert_eq!(by(Check::NoSkp), vec![(Subject::Employee(50), 2)]);
        assert_eq!(by(Check::RhkOrphan), vec![(Subject::Rhk { id: 900, employee: 41 }, 2)]);
        // A recorded reason clears the other-OPD warning; a UPT head under the dinas head is normal.
        people[4].supervisor_reason = Some("Plt. Kepala Seksi".into());
        let again = check(&units, &people, &[], false);
        assert!(!again.iter().any(|f| f.check == Check::SupervisorOtherOpd));
        assert!(!again.iter().any(|f| f.check == Check::NoSkp), "before the deadline nobody is late");
        assert!(!again.iter().any(|f| f.subject == Subject::Employee(50)));
        // OPD 2: 4 people and 3 units; 20, 40, 41, 50 defective (the orphan RHK counts on 41).
        let s = scores(&units, &people, &found);
        assert_eq!((s[&2].records, s[&2].defective), (7, 4));
        assert_eq!(s[&2].score, 42.9);
        assert_eq!(s[&2].blocking, 4, "41's blocking finding is its orphan RHK");
    }

    #[test]
    fn a_loop_is_found_on_each_of_its_members() {
        let (units, mut people) = city();
        people[3].supervisor = Some(41);
        let found = check(&units, &people, &[], false);
        let looped: Vec<Subject> =
            found.iter().filter(|f| f.check == Check::SupervisorLoop).map(|f| f.subject).collect();
        assert_eq!(looped, vec![Subject::Employee(40), Subject::Employee(41)]);
    }
}
