//! The rating flow: draft → finalized by the penilai → acknowledged by the employee, or objected
//! (keberatan) within a deadline → decided by the atasan penilai, which is final.

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
        ] {
            assert!(s.apply(a).is_err(), "{s:?} {a:?}");
        }
    }
}
