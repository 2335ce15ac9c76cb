//! Complaints (pengaduan) modelled on SP4N-LAPOR! and PermenPANRB 62/2018: categories, the staff
//! workflow (with referral to the competent unit or agency), the classes set at verification with
//! their follow-up deadlines, postponement (tunda), and the working-day clocks.

use crate::calendar::Calendar;
use crate::org::vocabulary;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

vocabulary! {
    /// What the citizen sends.
    ComplaintCategory { Aspirasi => "aspirasi", Pengaduan => "pengaduan", PermintaanInformasi => "permintaan_informasi" }
}

vocabulary! {
    /// Where a complaint is: received → verified (or rejected, or referred: not this unit's
    /// authority, sent to the competent unit or agency) → dispositioned → responded → closed.
    ComplaintStatus {
        Received => "received",
        Verified => "verified",
        Rejected => "rejected",
        Referred => "referred",
        Dispositioned => "dispositioned",
        Responded => "responded",
        Closed => "closed",
    }
}

vocabulary! {
    /// The class of a complaint, set at verification, which sets its follow-up deadline
    /// (PermenPANRB 62/2018: 2, 5, 14 and 60 working days by default).
    ComplaintClass {
        Ringan => "ringan",
        Normatif => "normatif",
        TidakBerkadarPengawasan => "tidak_berkadar_pengawasan",
        BerkadarPengawasan => "berkadar_pengawasan",
    }
}

impl ComplaintClass {
    /// The regulation's default follow-up time in working days.
    pub fn default_days(self) -> u32 {
        match self {
            ComplaintClass::Ringan => 2,
            ComplaintClass::Normatif => 5,
            ComplaintClass::TidakBerkadarPengawasan => 14,
            ComplaintClass::BerkadarPengawasan => 60,
        }
    }

    /// The class in the citizen's words.
    pub fn public_label(self) -> &'static str {
        match self {
            ComplaintClass::Ringan => "ringan",
            ComplaintClass::Normatif => "normatif",
            ComplaintClass::TidakBerkadarPengawasan => "tidak berkadar pengawasan",
            ComplaintClass::BerkadarPengawasan => "berkadar pengawasan",
        }
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
                | (Received, Referred)
                | (Verified, Referred)
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
            ComplaintStatus::Referred => "Dirujuk ke pihak yang berwenang",
            ComplaintStatus::Dispositioned => "Didisposisikan ke unit",
            ComplaintStatus::Responded => "Ditanggapi",
            ComplaintStatus::Closed => "Selesai",
        }
    }

    /// Whether nothing more happens.
    pub fn is_final(self) -> bool {
        matches!(self, ComplaintStatus::Rejected | ComplaintStatus::Referred | ComplaintStatus::Closed)
    }
}

/// The dates a complaint's clocks run from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub filed: NaiveDate,
    pub dispositioned: Option<NaiveDate>,
    /// A documented postponement: the new date of the follow-up.
    pub postponed_until: Option<NaiveDate>,
}

/// The deadline of the step a complaint is waiting for, if it waits for one, counted in the
/// working days of the service unit's `calendar`. Verifying and forwarding share one clock of
/// `verify_days` working days from filing, so a verified complaint that nobody dispositions still
/// falls due; the follow-up is due `respond_days` working days (those of its class) after
/// disposition, or on the date a postponement set.
pub fn deadline(
    status: ComplaintStatus,
    clock: Clock,
    verify_days: u32,
    respond_days: u32,
    calendar: &Calendar,
) -> Option<NaiveDate> {
    match status {
        ComplaintStatus::Received | ComplaintStatus::Verified => {
            Some(calendar.add_working_days(clock.filed, verify_days))
        }
        ComplaintStatus::Dispositioned => match clock.postponed_until {
            Some(until) => Some(until),
            None => clock.dispositioned.map(|d| calendar.add_working_days(d, respond_days)),
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use ComplaintStatus::*;

    #[test]
    fn workflow() {
        assert!(Received.can_go(Verified));
        assert!(Received.can_go(Rejected));
        assert!(Received.can_go(Referred) && Verified.can_go(Referred));
        assert!(!Dispositioned.can_go(Referred) && Referred.is_final());
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
        let holidays = Calendar::office(HashSet::from([d(12, 25)]));
        // Filed Wednesday 23 Dec: Thursday 24 (1), Christmas and the weekend skipped, Monday 28 (2), Tuesday 29 (3).
        let filed = |f| Clock { filed: f, dispositioned: None, postponed_until: None };
        assert_eq!(deadline(Received, filed(d(12, 23)), 3, 5, &holidays), Some(d(12, 29)));
        // Verified but not forwarded: still on the same clock.
        assert_eq!(deadline(Verified, filed(d(12, 23)), 3, 5, &holidays), Some(d(12, 29)));
        let forwarded = Clock { dispositioned: Some(d(12, 2)), ..filed(d(12, 1)) };
        assert_eq!(deadline(Dispositioned, forwarded, 3, 5, &holidays), Some(d(12, 9)));
        // The classes: ringan 2, berkadar pengawasan 60 working days from Wednesday 2 December.
        assert_eq!(
            deadline(Dispositioned, forwarded, 3, ComplaintClass::Ringan.default_days(), &holidays),
            Some(d(12, 4))
        );
        let far = deadline(Dispositioned, forwarded, 3, ComplaintClass::BerkadarPengawasan.default_days(), &holidays);
        assert_eq!(far, Some(NaiveDate::from_ymd_opt(2027, 2, 25).unwrap()));
        // A postponement sets the new date.
        let postponed = Clock { postponed_until: Some(d(12, 30)), ..forwarded };
        assert_eq!(deadline(Dispositioned, postponed, 3, 5, &holidays), Some(d(12, 30)));
        assert_eq!(deadline(Closed, filed(d(12, 1)), 3, 5, &holidays), None);
        assert_eq!(deadline(Referred, filed(d(12, 1)), 3, 5, &holidays), None);
        // A service unit open on Saturdays counts them: Thursday 24, Saturday 26, Monday 28.
        let six = Calendar { pattern: crate::calendar::WorkPattern::six_days(), ..holidays.clone() };
        assert_eq!(deadline(Received, filed(d(12, 23)), 3, 5, &six), Some(d(12, 28)));
    }
}
