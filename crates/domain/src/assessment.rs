//! The rating flow: draft → finalized by the penilai → acknowledged by the employee, or objected
//! (keberatan) within a deadline → answered in writing by the penilai (tanggapan) → decided by the
//! atasan penilai, or by the PPK (the BKPSDM acting for the Kepala Daerah) where the penilai has no
//! atasan (PP 30/2019 Pasal 59), which is final.

use crate::org::vocabulary;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

vocabulary! {
    /// Where an assessment is in its flow.
    AssessmentStatus {
        Draft => "draft",
        Finalized => "finalized",
        Acknowledged => "acknowledged",
        Objected => "objected",
        Decided => "decided",
    }
}

/// An action on an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssessmentAction {
    Edit,
    Finalize,
    Acknowledge,
    Object,
    /// The penilai's written response to an objection (the status stays `objected`).
    Respond,
    Decide,
}

impl AssessmentStatus {
    /// The status after `action`, or a message saying why not.
    pub fn apply(self, action: AssessmentAction) -> Result<AssessmentStatus, String> {
        use AssessmentAction::*;
        use AssessmentStatus::*;
        let (next, verb) = match action {
            Edit => ((self == Draft).then_some(Draft), "diubah"),
            Finalize => ((self == Draft).then_some(Finalized), "difinalkan"),
            Acknowledge => ((self == Finalized).then_some(Acknowledged), "diterima"),
            Object => ((self == Finalized).then_some(Objected), "diajukan keberatan"),
            Respond => ((self == Objected).then_some(Objected), "ditanggapi"),
            Decide => ((self == Objected).then_some(Decided), "diputuskan"),
        };
        next.ok_or_else(|| format!("penilaian berstatus {self} tidak dapat {verb}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AssessmentAction::*;
    use AssessmentStatus::*;

    #[test]
    fn flow() {
        assert_eq!(Draft.apply(Finalize), Ok(Finalized));
        assert_eq!(Finalized.apply(Acknowledge), Ok(Acknowledged));
        assert_eq!(Finalized.apply(Object), Ok(Objected));
        assert_eq!(Objected.apply(Respond), Ok(Objected));
        assert_eq!(Objected.apply(Decide), Ok(Decided));
        for (s, a) in [
            (Draft, Acknowledge),
            (Draft, Object),
            (Finalized, Edit),
            (Finalized, Decide),
            (Acknowledged, Object),
            (Objected, Acknowledge),
            (Decided, Object),
            (Decided, Edit),
            (Decided, Decide),
            (Finalized, Respond),
            (Decided, Respond),
        ] {
            assert!(s.apply(a).is_err(), "{s:?} {a:?}");
        }
    }
}

/// Who decides an objection: the atasan of the penilai recorded with the assessment, or, where the
/// penilai has none in the system (a head of dinas rated by the Sekda, the Sekda rated by the
/// Kepala Daerah), the PPK, for whom the BKPSDM acts. Once the decision deadline has passed the
/// BKPSDM may decide for the PPK as well, so an atasan who left, moved or stays silent never leaves
/// an objection waiting forever.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decider {
    Atasan(i64),
    Ppk,
    /// Past the decision deadline: the atasan, or the BKPSDM for the PPK.
    AtasanOrPpk(i64),
}

impl Decider {
    pub fn of(atasan_penilai_id: Option<i64>, overdue: bool) -> Self {
        match atasan_penilai_id {
            None => Decider::Ppk,
            Some(id) if overdue => Decider::AtasanOrPpk(id),
            Some(id) => Decider::Atasan(id),
        }
    }

    /// Whether the employee `me` (an atasan) or the BKPSDM (`acts_for_ppk`) may decide.
    pub fn admits(self, me: Option<i64>, acts_for_ppk: bool) -> bool {
        match self {
            Decider::Atasan(id) => me == Some(id),
            Decider::Ppk => acts_for_ppk,
            Decider::AtasanOrPpk(id) => me == Some(id) || acts_for_ppk,
        }
    }
}

/// When an objection may be decided: once the penilai answered it, or once the penilai's time to
/// answer has passed (so a silent penilai cannot stall it).
pub fn decidable(responded: bool, today: chrono::NaiveDate, response_deadline: chrono::NaiveDate) -> bool {
    responded || today > response_deadline
}

#[cfg(test)]
mod decider_tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn someone_always_decides() {
        assert_eq!(Decider::of(Some(7), false), Decider::Atasan(7));
        assert_eq!(Decider::of(None, false), Decider::Ppk);
        assert_eq!(Decider::of(None, true), Decider::Ppk);
        assert_eq!(Decider::of(Some(7), true), Decider::AtasanOrPpk(7));
        // Before the deadline only the atasan; after it the BKPSDM too; never nobody.
        assert!(Decider::of(Some(7), false).admits(Some(7), false));
        assert!(!Decider::of(Some(7), false).admits(None, true));
        assert!(Decider::of(Some(7), true).admits(None, true));
        assert!(Decider::of(Some(7), true).admits(Some(7), false));
        assert!(!Decider::of(None, false).admits(Some(7), false));
    }

    #[test]
    fn a_silent_penilai_does_not_stall_the_decision() {
        let due = NaiveDate::from_ymd_opt(2026, 7, 10).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 7, d).unwrap();
        assert!(!decidable(false, day(10), due));
        assert!(decidable(false, day(11), due));
        assert!(decidable(true, day(1), due));
    }
}
