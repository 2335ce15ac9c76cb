//! Sasaran Kinerja Pegawai: the yearly plan, its flow, and the cascade rule.

use crate::org::{vocabulary, PositionKind};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

vocabulary! {
    /// Where an SKP is in its flow. `returned` is editable again, like `draft`.
    SkpStatus { Draft => "draft", Submitted => "submitted", Approved => "approved", Returned => "returned" }
}

vocabulary! {
    /// Kuantitatif (measurable indicators) or kualitatif (narrated expectations).
    Approach { Kuantitatif => "kuantitatif", Kualitatif => "kualitatif" }
}

vocabulary! {
    /// Main or additional work result.
    RhkKind { Utama => "utama", Tambahan => "tambahan" }
}

vocabulary! {
    /// The aspect an indicator (IKI) measures.
    Aspect { Kuantitas => "kuantitas", Kualitas => "kualitas", Waktu => "waktu", Biaya => "biaya" }
}

vocabulary! {
    /// The seven BerAKHLAK core values.
    CoreValue {
        BerorientasiPelayanan => "berorientasi_pelayanan",
        Akuntabel => "akuntabel",
        Kompeten => "kompeten",
        Harmonis => "harmonis",
        Loyal => "loyal",
        Adaptif => "adaptif",
        Kolaboratif => "kolaboratif",
    }
}

impl CoreValue {
    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            CoreValue::BerorientasiPelayanan => "Berorientasi Pelayanan",
            CoreValue::Akuntabel => "Akuntabel",
            CoreValue::Kompeten => "Kompeten",
            CoreValue::Harmonis => "Harmonis",
            CoreValue::Loyal => "Loyal",
            CoreValue::Adaptif => "Adaptif",
            CoreValue::Kolaboratif => "Kolaboratif",
        }
    }
}

/// An action on an SKP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkpAction {
    Edit,
    Submit,
    Approve,
    Return,
}

/// A transition that the flow does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("SKP berstatus {from} tidak dapat {action}")]
pub struct TransitionError {
    pub from: SkpStatus,
    pub action: &'static str,
}

impl SkpStatus {
    /// The status after `action`, or why it is not allowed.
    pub fn apply(self, action: SkpAction) -> Result<SkpStatus, TransitionError> {
        use SkpAction::*;
        use SkpStatus::*;
        let (next, verb) = match action {
            Edit => (matches!(self, Draft | Returned).then_some(self), "diubah"),
            Submit => (matches!(self, Draft | Returned).then_some(Submitted), "diajukan"),
            Approve => ((self == Submitted).then_some(Approved), "disetujui"),
            Return => ((self == Submitted).then_some(Returned), "dikembalikan"),
        };
        next.ok_or(TransitionError { from: self, action: verb })
    }
}

/// What an RHK refers to upward.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intervened {
    /// An RHK of another SKP: its owner and year.
    ParentRhk {
        owner_employee_id: i64,
        year: i32,
    },
    /// A Perjanjian Kinerja goal: its unit and year.
    PkGoal {
        unit_id: i64,
        year: i32,
    },
    Nothing,
}

/// Why an RHK cannot build on what it names (see [`check_cascade`]); each says what to pick instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CascadeError {
    #[error("pilih sasaran Perjanjian Kinerja tahun {year}, bukan tahun {other}")]
    PkYear { year: i32, other: i32 },
    #[error("pilih sasaran Perjanjian Kinerja unit Anda sendiri")]
    PkOwnUnit,
    #[error("RHK pimpinan tinggi (JPT) harus mengacu pada sasaran Perjanjian Kinerja unitnya (pk_goal_id)")]
    JptNeedsPk,
    #[error("pegawai belum memiliki atasan langsung; minta admin melengkapi data atasan")]
    NoSupervisor,
    #[error("pilih RHK atasan langsung dari SKP tahun {year}, bukan tahun {other}")]
    RhkYear { year: i32, other: i32 },
    #[error("RHK yang diintervensi harus milik atasan langsung Anda; pilih salah satu RHK atasan langsung")]
    NotSupervisors,
    #[error("pilih RHK atasan langsung yang diintervensi (parent_rhk_id)")]
    RhkRequired,
}

/// Checks the cascade rule for a new RHK of `owner` (of `kind`, in `unit_id`, with direct
/// supervisor `supervisor_id`) in an SKP of `year`. A JPT names a PK goal of its unit; everyone
/// else names an RHK of their direct supervisor's SKP of the same year. The error says what to
/// pick instead.
pub fn check_cascade(
    kind: PositionKind,
    unit_id: i64,
    supervisor_id: Option<i64>,
    year: i32,
    target: &Intervened,
) -> Result<(), CascadeError> {
    if kind == PositionKind::Jpt {
        return match target {
            Intervened::PkGoal { unit_id: u, year: y } if *u == unit_id && *y == year => Ok(()),
            Intervened::PkGoal { year: y, .. } if *y != year => Err(CascadeError::PkYear { year, other: *y }),
            Intervened::PkGoal { .. } => Err(CascadeError::PkOwnUnit),
            _ => Err(CascadeError::JptNeedsPk),
        };
    }
    let Some(supervisor) = supervisor_id else {
        return Err(CascadeError::NoSupervisor);
    };
    match target {
        Intervened::ParentRhk { owner_employee_id, year: y } if *owner_employee_id == supervisor && *y == year => {
            Ok(())
        }
        Intervened::ParentRhk { year: y, .. } if *y != year => Err(CascadeError::RhkYear { year, other: *y }),
        Intervened::ParentRhk { .. } => Err(CascadeError::NotSupervisors),
        _ => Err(CascadeError::RhkRequired),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SkpAction::*;
    use SkpStatus::*;

    #[test]
    fn flow() {
        assert_eq!(Draft.apply(Submit), Ok(Submitted));
        assert_eq!(Returned.apply(Submit), Ok(Submitted));
        assert_eq!(Submitted.apply(Approve), Ok(Approved));
        assert_eq!(Submitted.apply(Return), Ok(Returned));
        assert_eq!(Returned.apply(Edit), Ok(Returned));
        for (from, action) in [
            (Draft, Approve),
            (Draft, Return),
            (Submitted, Submit),
            (Submitted, Edit),
            (Approved, Edit),
            (Approved, Submit),
            (Approved, Approve),
            (Approved, Return),
            (Returned, Approve),
        ] {
            assert!(from.apply(action).is_err(), "{from:?} {action:?}");
        }
        assert_eq!(Approved.apply(Edit).unwrap_err().to_string(), "SKP berstatus approved tidak dapat diubah");
    }

    #[test]
    fn cascade() {
        let jpt = PositionKind::Jpt;
        let pel = PositionKind::Pelaksana;
        assert!(check_cascade(jpt, 2, None, 2026, &Intervened::PkGoal { unit_id: 2, year: 2026 }).is_ok());
        assert!(check_cascade(jpt, 2, None, 2026, &Intervened::PkGoal { unit_id: 3, year: 2026 }).is_err());
        assert!(check_cascade(jpt, 2, None, 2026, &Intervened::PkGoal { unit_id: 2, year: 2025 })
            .unwrap_err()
            .to_string()
            .contains("2026"));
        assert!(check_cascade(jpt, 2, None, 2026, &Intervened::Nothing)
            .unwrap_err()
            .to_string()
            .contains("pk_goal_id"));
        let parent = |owner, year| Intervened::ParentRhk { owner_employee_id: owner, year };
        assert!(check_cascade(pel, 5, Some(4), 2026, &parent(4, 2026)).is_ok());
        assert!(check_cascade(pel, 5, Some(4), 2026, &parent(9, 2026))
            .unwrap_err()
            .to_string()
            .contains("atasan langsung"));
        assert!(check_cascade(pel, 5, Some(4), 2026, &parent(4, 2025)).unwrap_err().to_string().contains("tahun 2026"));
        assert!(check_cascade(pel, 5, Some(4), 2026, &Intervened::Nothing)
            .unwrap_err()
            .to_string()
            .contains("parent_rhk_id"));
        assert!(check_cascade(pel, 5, None, 2026, &parent(4, 2026)).is_err());
        assert!(check_cascade(pel, 5, Some(4), 2026, &Intervened::PkGoal { unit_id: 5, year: 2026 }).is_err());
    }
}
