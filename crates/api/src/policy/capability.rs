//! Named capabilities and the one place that decides them.

use super::Viewer;
use kinerja_domain::{Decider, Role};

/// A power the API grants or refuses. Unit capabilities carry the unit they act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capability {
    /// BKPSDM administration: accounts and API tokens, the Pemda settings, units and employees,
    /// the competency catalogue and position standards, evaluation teams, assessment-centre
    /// results, and acting for an employee (an SKP made for them, the penilai where none is recorded).
    Administer,
    /// The audit log and its verification.
    ReadAudit,
    /// Whole-city views: the city dashboard and reports without a unit.
    ReadCity,
    /// Importing attendance: an admin, or a city-wide API token of the attendance system.
    ImportAttendance,
    /// A unit's figures: its dashboard, cascade, SKP monitoring, distribution, IKM, forums, reports.
    ReadUnit(i64),
    /// Writing a unit's Perjanjian Kinerja.
    WritePk(i64),
    /// Setting the organisation predikat of a unit, decided by the head of its parent (given here).
    SetOrgPredikat(Option<i64>),
    /// A service unit's IKM publication, weights and kiosks, and its public forums.
    ManageService(i64),
    /// Reading forums and service work at all (any unit role, admin or auditor), before a unit is named.
    ReadServiceWork,
    /// Recording a unit's evaluation sessions.
    RecordSessions(i64),
    /// Reading evaluation sessions: of a unit, or (`None`) at all.
    ReadSessions(Option<i64>),
    /// Handling the complaints of a unit (verify, disposition, respond, close).
    HandleComplaints(i64),
    /// Reading the evaluation team's reviews of a unit's people as its head.
    ReadUnitReviews(i64),
    /// A development plan for an employee whose direct supervisor is given.
    PlanDevelopment { supervisor_id: Option<i64> },
    /// Posting realisation values for the indicators of a unit's people (`None`: at all): an API
    /// token of that unit's subtree (its route list names the feed route; a city-wide token only
    /// reads), or an admin importing a source's file.
    FeedIndicators(Option<i64>),
    /// Opening (closing, reminding) a 360° pulse round: for one employee (their direct supervisor
    /// given), or for a unit (`None`): the head of the unit or an admin, in person.
    OpenPulse { unit: i64, supervisor_id: Option<i64> },
    /// The rater-bias radar of a unit: its head, the BKPSDM, the auditor, and a member of the
    /// evaluation team overseeing it.
    ReadRaterBias { unit: i64, on_team: bool },
    /// Making a forum commitment an official's RHK: the head of the forum's unit, the official's
    /// direct supervisor (their penilai) or an admin, in person — not an operator, since it changes
    /// someone's plan.
    AssignCommitment { unit: i64, official_supervisor: Option<i64> },
    /// Reporting a forum commitment's progress: its unit's staff who handle the forum, an admin, or
    /// the official whose target it became.
    ReportCommitment { unit: i64, official_id: Option<i64> },
    /// Deciding an objection to a rating: its atasan penilai in person, or, where the penilai has
    /// no atasan in the system (`None`), the BKPSDM acting for the PPK (PP 30/2019 Pasal 59);
    /// past the decision deadline (`overdue`) the BKPSDM may decide in the atasan's place.
    DecideObjection { atasan_penilai_id: Option<i64>, overdue: bool },
}

impl Capability {
    /// The decision. Writes on a unit come from the write scope (unit roles) or from `admin`,
    /// never from a city-wide read scope.
    pub(super) fn allowed(self, v: &Viewer) -> bool {
        let admin = v.has(Role::Admin);
        let reads = |unit: i64| v.scope().covers_unit(unit);
        let heads = |unit: i64| v.has(Role::KepalaUnit) && v.scope().writes_unit(unit);
        let operates = |unit: i64| v.has(Role::OperatorLayanan) && v.scope().writes_unit(unit);
        match self {
            Capability::Administer => admin && v.token_id.is_none(),
            Capability::ReadAudit => admin || v.has(Role::Auditor),
            Capability::ReadCity => v.reads_city(),
            Capability::ImportAttendance => admin || (v.token_id.is_some() && v.reads_city()),
            Capability::ReadUnit(unit) => reads(unit),
            Capability::WritePk(unit) => admin || heads(unit),
            Capability::SetOrgPredikat(parent) => admin || parent.is_some_and(heads),
            Capability::ManageService(unit) => admin || heads(unit) || operates(unit),
            Capability::ReadServiceWork => {
                [Role::Admin, Role::Auditor, Role::KepalaUnit, Role::OperatorLayanan].iter().any(|r| v.has(*r))
            }
            Capability::RecordSessions(unit) => admin || heads(unit),
            Capability::ReadSessions(unit) => {
                let role = admin || v.has(Role::Auditor) || v.has(Role::KepalaUnit);
                role && unit.is_none_or(reads)
            }
            Capability::HandleComplaints(unit) => admin || heads(unit) || operates(unit),
            Capability::ReadUnitReviews(unit) => v.has(Role::KepalaUnit) && reads(unit),
            Capability::PlanDevelopment { supervisor_id } => {
                v.token_id.is_none() && (admin || (v.employee_id.is_some() && supervisor_id == v.employee_id))
            }
            Capability::FeedIndicators(unit) => {
                // A unit token writes where it writes; a city-wide token only reads.
                let writes = |u: i64| v.scope().writes_unit(u);
                admin || (v.token_id.is_some() && !v.scope().write_unit_ids().is_empty() && unit.is_none_or(writes))
            }
            Capability::OpenPulse { unit, supervisor_id } => {
                v.token_id.is_none()
                    && (admin || heads(unit) || (supervisor_id.is_some() && supervisor_id == v.employee_id))
            }
            Capability::ReadRaterBias { unit, on_team } => {
                admin || v.has(Role::Auditor) || (v.has(Role::KepalaUnit) && reads(unit)) || on_team
            }
            Capability::AssignCommitment { unit, official_supervisor } => {
                v.token_id.is_none()
                    && (admin || heads(unit) || (official_supervisor.is_some() && official_supervisor == v.employee_id))
            }
            Capability::ReportCommitment { unit, official_id } => {
                admin
                    || heads(unit)
                    || operates(unit)
                    || (v.token_id.is_none() && official_id.is_some() && official_id == v.employee_id)
            }
            Capability::DecideObjection { atasan_penilai_id, overdue } => {
                v.token_id.is_none() && Decider::of(atasan_penilai_id, overdue).admits(v.employee_id, admin)
            }
        }
    }

    /// Why it was refused, for the 403 answer.
    pub fn refusal(self) -> &'static str {
        match self {
            Capability::Administer => "hanya admin BKPSDM yang dapat melakukan ini",
            Capability::ReadAudit => "log audit dibaca admin dan auditor",
            Capability::ReadCity => "tampilan kota untuk BKPSDM (admin) dan auditor",
            Capability::ImportAttendance => "impor presensi oleh admin atau token sistem presensi",
            Capability::ReadUnit(_) => "hanya kepala unit tersebut, admin dan auditor yang melihat ini",
            Capability::WritePk(_) => "hanya kepala unit atau admin yang mengisi Perjanjian Kinerja",
            Capability::SetOrgPredikat(_) => "predikat organisasi ditetapkan oleh kepala unit induk atau admin",
            Capability::ManageService(_) => "hanya kepala unit, operator layanan unit ini dan admin",
            Capability::ReadServiceWork => "hanya kepala unit, operator layanan, admin dan auditor",
            Capability::RecordSessions(_) => "sesi evaluasi dicatat kepala unit tersebut atau admin",
            Capability::ReadSessions(_) => "sesi evaluasi dibaca kepala unit, admin dan auditor",
            Capability::HandleComplaints(_) => "pengaduan ditangani kepala dan operator unit tersebut atau admin",
            Capability::ReadUnitReviews(_) => "catatan tim penilai dibaca pegawai, penilai, kepala unit dan tim",
            Capability::PlanDevelopment { .. } => "rencana pengembangan disusun atasan langsung atau admin",
            Capability::FeedIndicators(_) => "nilai indikator dikirim token sistem sumber atau admin",
            Capability::OpenPulse { .. } => "survei 360° dibuka penilai langsung, kepala unit atau admin",
            Capability::ReadRaterBias { .. } => {
                "radar bias penilai dibaca kepala unit, BKPSDM, auditor dan tim penilai"
            }
            Capability::AssignCommitment { .. } => {
                "komitmen dijadikan RHK oleh kepala unit, atasan langsung pejabat itu, atau admin"
            }
            Capability::ReportCommitment { .. } => {
                "kemajuan komitmen dilaporkan pejabat penanggung jawab, kepala atau operator unit, atau admin"
            }
            Capability::DecideObjection { atasan_penilai_id: Some(_), overdue: false } => {
                "keberatan diputuskan oleh atasan pejabat penilai"
            }
            Capability::DecideObjection { atasan_penilai_id: Some(_), overdue: true } => {
                "keberatan yang melewati tenggat diputuskan atasan pejabat penilai atau BKPSDM atas nama PPK"
            }
            Capability::DecideObjection { atasan_penilai_id: None, .. } => {
                "penilai tidak memiliki atasan; keberatan diputuskan BKPSDM atas nama PPK"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! The policy as a table: capability × role combination × target inside or outside the scope.
    #![allow(clippy::unwrap_used)]

    use super::Capability::{self, *};
    use crate::policy::{Scope, Viewer};
    use kinerja_domain::Role::{self, *};
    use std::collections::HashSet;

    /// The unit of the viewer's unit role (its subtree is 10 and 11), a unit outside it, and the
    /// viewer's own employee record with a subordinate.
    const INSIDE: i64 = 10;
    const INSIDE_CHILD: i64 = 11;
    const OUTSIDE: i64 = 20;
    const ME: i64 = 100;
    const MINE: i64 = 101;

    /// A viewer holding `roles`, scoped as the extractor would scope it: city-wide readers read
    /// everything, unit roles read and write the subtree 10/11, everyone reads themself and their
    /// subordinate.
    fn viewer(roles: &[Role], token: bool) -> Viewer {
        let unit_role = roles.iter().any(|r| r.needs_unit());
        let writes: HashSet<i64> = if unit_role { [INSIDE, INSIDE_CHILD].into() } else { HashSet::new() };
        let scope = if roles.iter().any(|r| r.is_city_wide()) {
            Scope::city(writes)
        } else {
            Scope::partial(writes.clone(), [ME, MINE].into(), writes.clone(), writes)
        };
        Viewer::for_test(roles.to_vec(), (!token).then_some(ME), token, scope)
    }

    /// The columns: role combinations.
    const COLUMNS: [(&str, &[Role], bool); 10] = [
        ("pegawai", &[], false),
        ("kepala", &[KepalaUnit], false),
        ("operator", &[OperatorLayanan], false),
        ("auditor", &[Auditor], false),
        ("admin", &[Admin], false),
        ("auditor+kepala", &[Auditor, KepalaUnit], false),
        ("auditor+operator", &[Auditor, OperatorLayanan], false),
        ("admin+kepala", &[Admin, KepalaUnit], false),
        ("token kota", &[Auditor], true),
        ("token unit", &[KepalaUnit], true),
    ];

    const Y: bool = true;
    const N: bool = false;

    /// One row per capability and target: the expected decision per column of [`COLUMNS`].
    fn table() -> Vec<(Capability, [bool; 10])> {
        //                                          peg kep opr aud adm a+k a+o ad+k tkK tkU
        vec![
            (Administer, /*                      */ [N, N, N, N, Y, N, N, Y, N, N]),
            (ReadAudit, /*                       */ [N, N, N, Y, Y, Y, Y, Y, Y, N]),
            (ReadCity, /*                        */ [N, N, N, Y, Y, Y, Y, Y, Y, N]),
            (ImportAttendance, /*                */ [N, N, N, N, Y, N, N, Y, Y, N]),
            (ReadUnit(INSIDE), /*                */ [N, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
            (ReadUnit(INSIDE_CHILD), /*          */ [N, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
            (ReadUnit(OUTSIDE), /*               */ [N, N, N, Y, Y, Y, Y, Y, Y, N]),
            (WritePk(INSIDE), /*                 */ [N, Y, N, N, Y, Y, N, Y, N, Y]),
            (WritePk(OUTSIDE), /*                */ [N, N, N, N, Y, N, N, Y, N, N]),
            (SetOrgPredikat(Some(INSIDE)), /*    */ [N, Y, N, N, Y, Y, N, Y, N, Y]),
            (SetOrgPredikat(Some(OUTSIDE)), /*   */ [N, N, N, N, Y, N, N, Y, N, N]),
            (SetOrgPredikat(None), /*            */ [N, N, N, N, Y, N, N, Y, N, N]),
            (ManageService(INSIDE_CHILD), /*     */ [N, Y, Y, N, Y, Y, Y, Y, N, Y]),
            (ManageService(OUTSIDE), /*          */ [N, N, N, N, Y, N, N, Y, N, N]),
            (ReadServiceWork, /*                 */ [N, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
            (RecordSessions(INSIDE), /*          */ [N, Y, N, N, Y, Y, N, Y, N, Y]),
            (RecordSessions(OUTSIDE), /*         */ [N, N, N, N, Y, N, N, Y, N, N]),
            (ReadSessions(None), /*              */ [N, Y, N, Y, Y, Y, Y, Y, Y, Y]),
            (ReadSessions(Some(INSIDE)), /*      */ [N, Y, N, Y, Y, Y, Y, Y, Y, Y]),
            (ReadSessions(Some(OUTSIDE)), /*     */ [N, N, N, Y, Y, Y, Y, Y, Y, N]),
            (HandleComplaints(INSIDE), /*        */ [N, Y, Y, N, Y, Y, Y, Y, N, Y]),
            (HandleComplaints(OUTSIDE), /*       */ [N, N, N, N, Y, N, N, Y, N, N]),
            (ReadUnitReviews(INSIDE), /*         */ [N, Y, N, N, N, Y, N, Y, N, Y]),
            (ReadUnitReviews(OUTSIDE), /*        */ [N, N, N, N, N, Y, N, Y, N, N]),
            (FeedIndicators(None), /*            */ [N, N, N, N, Y, N, N, Y, N, Y]),
            (FeedIndicators(Some(INSIDE_CHILD)), [N, N, N, N, Y, N, N, Y, N, Y]),
            (FeedIndicators(Some(OUTSIDE)), /*   */ [N, N, N, N, Y, N, N, Y, N, N]),
            (PlanDevelopment { supervisor_id: Some(ME) }, [Y, Y, Y, Y, Y, Y, Y, Y, N, N]),
            (PlanDevelopment { supervisor_id: Some(7) }, [N, N, N, N, Y, N, N, Y, N, N]),
            (OpenPulse { unit: INSIDE, supervisor_id: None }, [N, Y, N, N, Y, Y, N, Y, N, N]),
            (OpenPulse { unit: OUTSIDE, supervisor_id: Some(ME) }, [Y, Y, Y, Y, Y, Y, Y, Y, N, N]),
            (OpenPulse { unit: OUTSIDE, supervisor_id: Some(7) }, [N, N, N, N, Y, N, N, Y, N, N]),
            (ReadRaterBias { unit: INSIDE, on_team: false }, [N, Y, N, Y, Y, Y, Y, Y, Y, Y]),
            (ReadRaterBias { unit: OUTSIDE, on_team: false }, [N, N, N, Y, Y, Y, Y, Y, Y, N]),
            (ReadRaterBias { unit: OUTSIDE, on_team: true }, [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y]),
            (AssignCommitment { unit: INSIDE, official_supervisor: None }, [N, Y, N, N, Y, Y, N, Y, N, N]),
            (AssignCommitment { unit: OUTSIDE, official_supervisor: Some(ME) }, [Y, Y, Y, Y, Y, Y, Y, Y, N, N]),
            (AssignCommitment { unit: OUTSIDE, official_supervisor: Some(7) }, [N, N, N, N, Y, N, N, Y, N, N]),
            (ReportCommitment { unit: INSIDE, official_id: None }, [N, Y, Y, N, Y, Y, Y, Y, N, Y]),
            (ReportCommitment { unit: OUTSIDE, official_id: Some(ME) }, [Y, Y, Y, Y, Y, Y, Y, Y, N, N]),
            (ReportCommitment { unit: OUTSIDE, official_id: Some(7) }, [N, N, N, N, Y, N, N, Y, N, N]),
            (DecideObjection { atasan_penilai_id: Some(ME), overdue: false }, [Y, Y, Y, Y, Y, Y, Y, Y, N, N]),
            (DecideObjection { atasan_penilai_id: Some(7), overdue: false }, [N, N, N, N, N, N, N, N, N, N]),
            (DecideObjection { atasan_penilai_id: Some(ME), overdue: true }, [Y, Y, Y, Y, Y, Y, Y, Y, N, N]),
            (DecideObjection { atasan_penilai_id: Some(7), overdue: true }, [N, N, N, N, Y, N, N, Y, N, N]),
            (DecideObjection { atasan_penilai_id: None, overdue: false }, [N, N, N, N, Y, N, N, Y, N, N]),
            (DecideObjection { atasan_penilai_id: None, overdue: true }, [N, N, N, N, Y, N, N, Y, N, N]),
        ]
    }

    #[test]
    fn every_capability_for_every_role_combination() {
        let mut failures = Vec::new();
        for (capability, expected) in table() {
            for (column, (label, roles, token)) in COLUMNS.iter().enumerate() {
                let got = viewer(roles, *token).may(capability);
                if got != expected[column] {
                    failures.push(format!("{capability:?} as {label}: expected {}, got {got}", expected[column]));
                }
            }
        }
        assert!(failures.is_empty(), "the policy differs from its table:\n{}", failures.join("\n"));
    }

    /// A write scope never comes from a city-wide read role: for every unit-scoped write, an
    /// auditor who also holds a unit role writes exactly where that unit role alone would.
    #[test]
    fn city_wide_reading_never_widens_writing() {
        let writes = |unit: i64| [WritePk(unit), ManageService(unit), RecordSessions(unit), HandleComplaints(unit)];
        for unit_role in [KepalaUnit, OperatorLayanan] {
            for unit in [INSIDE, INSIDE_CHILD, OUTSIDE] {
                for capability in writes(unit) {
                    assert_eq!(
                        viewer(&[Auditor, unit_role], false).may(capability),
                        viewer(&[unit_role], false).may(capability),
                        "{capability:?} for auditor + {unit_role:?}"
                    );
                }
            }
        }
    }
}
