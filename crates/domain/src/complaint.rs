//! Complaints (pengaduan) modelled on SP4N-LAPOR!: categories, the staff workflow, and the
//! working-day deadlines.

use crate::org::vocabulary;
use crate::workdays::add_working_days;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

vocabulary! {
    /// What the citizen sends.
    ComplaintCategory { Aspirasi => "aspirasi", Pengaduan => "pengaduan", PermintaanInformasi => "permintaan_informasi" }
}

vocabulary! {
    /// Where a complaint is: received → verified (or rejected) → dispositioned → responded → closed.
    ComplaintStatus {
        Received => "received",
        Verified => "verified",
        Rejected => "rejected",
        Dispositioned => "dispositioned",
        Responded => "responded",
        Closed => "closed",
    }
}

impl ComplaintStatus {
    /// Whether the workflow allows going from `self` to `to`.
    pub fn can_go(self, to: ComplaintStatus) -> bool {
        use ComplaintStatus::*;
        matches!(
            (self, to),
            (Received, Verified)
                | (Received, Rejected)
                | (Verified, Dispositioned)
                | (Dispositioned, Responded)
                | (Responded, Closed)
        )
    }

    /// The status shown to the public, in Bahasa Indonesia.
    pub fn public_label(self) -> &'static str {
        match self {
            ComplaintStatus::Received => "Diterima",
            ComplaintStatus::Verified => "Diverifikasi",
            ComplaintStatus::Rejected => "Tidak dapat ditindaklanjuti",
            ComplaintStatus::Dispositioned => "Didisposisikan ke unit",
            ComplaintStatus::Responded => "Ditanggapi",
            ComplaintStatus::Closed => "Selesai",
        }
    }

    /// Whether nothing more happens.
    pub fn is_final(self) -> bool {
        matches!(self, ComplaintStatus::Rejected | ComplaintStatus::Closed)
    }
}

/// The deadline of the step a complaint is waiting for, if it waits for one: verification within
/// `verify_days` working days of filing, a response within `respond_days` of disposition.
pub fn deadline(
    status: ComplaintStatus,
    filed: NaiveDate,
    dispositioned: Option<NaiveDate>,
    verify_days: u32,
    respond_days: u32,
    holidays: &HashSet<NaiveDate>,
) -> Option<NaiveDate> {
    match status {
        ComplaintStatus::Received => Some(add_working_days(filed, verify_days, holidays)),
        ComplaintStatus::Dispositioned => dispositioned.map(|d| add_working_days(d, respond_days, holidays)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ComplaintStatus::*;

    #[test]
    fn workflow() {
        assert!(Received.can_go(Verified));
        assert!(Received.can_go(Rejected));
        assert!(Verified.can_go(Dispositioned));
        assert!(Dispositioned.can_go(Responded));
        assert!(Responded.can_go(Closed));
        for (a, b) in [
            (Received, Closed),
            (Verified, Responded),
            (Rejected, Verified),
            (Closed, Received),
            (Received, Dispositioned),
        ] {
            assert!(!a.can_go(b), "{a:?} → {b:?}");
        }
        assert!(Rejected.is_final() && Closed.is_final() && !Responded.is_final());
    }

    #[test]
    fn deadlines() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let holidays = HashSet::from([d(12, 25)]);
        // Filed Wednesday 23 Dec: Thursday 24 (1), Christmas and the weekend skipped, Monday 28 (2), Tuesday 29 (3).
        assert_eq!(deadline(Received, d(12, 23), None, 3, 5, &holidays), Some(d(12, 29)));
        assert_eq!(deadline(Dispositioned, d(12, 1), Some(d(12, 2)), 3, 5, &holidays), Some(d(12, 9)));
        assert_eq!(deadline(Closed, d(12, 1), None, 3, 5, &holidays), None);
    }
}
