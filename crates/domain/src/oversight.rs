//! Oversight beside the direct superior: the independent evaluation team (Tim Penilai Kinerja, PP
//! 30/2019), the leadership's evaluation sessions with their follow-ups, and public dialogue
//! forums where citizens voice complaints and hopes (aspirasi) that become tracked commitments.

use crate::org::vocabulary;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

vocabulary! {
    /// What the evaluation team advises; advice only, the team never changes a rating.
    Recommendation { Promotion => "promotion", Development => "development", Rotation => "rotation", Sanction => "sanction" }
}

vocabulary! {
    /// Whether a flag raised by the team is still waiting for the penilai.
    FlagStatus { Open => "open", Answered => "answered" }
}

vocabulary! {
    /// A periodic (monthly or quarterly) or annual evaluation meeting.
    SessionKind { Periodic => "periodic", Annual => "annual", Calibration => "calibration" }
}

vocabulary! {
    /// The life of a public dialogue forum.
    ForumStatus { Announced => "announced", Held => "held", Cancelled => "cancelled" }
}

vocabulary! {
    /// Where an aspirasi came from: sent online before the forum, or said in the room.
    InputSource { Online => "online", Room => "room" }
}

vocabulary! {
    /// The public status of an aspirasi.
    InputStatus { Received => "received", Discussed => "discussed", Committed => "committed", Declined => "declined", Hidden => "hidden" }
}

vocabulary! {
    /// A follow-up of an evaluation session or a commitment of a forum.
    TaskStatus { Open => "open", Done => "done" }
}

/// Longest review note, minutes or aspirasi, in characters.
pub const MAX_TEXT: usize = 4000;

impl Recommendation {
    /// The label in the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Promotion => "Promosi",
            Self::Development => "Pengembangan kompetensi",
            Self::Rotation => "Rotasi/mutasi",
            Self::Sanction => "Sanksi",
        }
    }
}

impl SessionKind {
    /// The label in the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Periodic => "Evaluasi periodik",
            Self::Annual => "Evaluasi tahunan",
            Self::Calibration => "Sesi kalibrasi penilaian",
        }
    }
}

impl ForumStatus {
    /// The label on the public pages.
    pub fn public_label(self) -> &'static str {
        match self {
            Self::Announced => "Akan dilaksanakan",
            Self::Held => "Sudah dilaksanakan",
            Self::Cancelled => "Dibatalkan",
        }
    }

    /// Whether a forum may move from `self` to `to`: an announced forum is held or cancelled;
    /// nothing follows either.
    pub fn can_become(self, to: Self) -> bool {
        self == Self::Announced && to != Self::Announced
    }
}

impl InputSource {
    /// The label in the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Online => "Dikirim daring",
            Self::Room => "Disampaikan di forum",
        }
    }
}

impl InputStatus {
    /// The label on the public pages.
    pub fn public_label(self) -> &'static str {
        match self {
            Self::Received => "Diterima",
            Self::Discussed => "Dibahas di forum",
            Self::Committed => "Menjadi komitmen",
            Self::Declined => "Tidak dapat ditindaklanjuti",
            Self::Hidden => "Disembunyikan",
        }
    }

    /// Whether the public sees the aspirasi (hidden ones are abuse or personal data).
    pub fn is_public(self) -> bool {
        self != Self::Hidden
    }

    /// Whether staff may move an aspirasi from `self` to `to`. Received and discussed ones may be
    /// settled any way; a declined or hidden one may be reconsidered; one that became a commitment
    /// stays so (its commitment carries the rest).
    pub fn can_become(self, to: Self) -> bool {
        match self {
            Self::Committed => false,
            _ => to != self && to != Self::Received,
        }
    }

    /// Whether moving to `to` needs a public response (a decline must say why).
    pub fn needs_response(to: Self) -> bool {
        to == Self::Declined
    }
}

impl TaskStatus {
    /// The label in the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Open => "Berjalan",
            Self::Done => "Selesai",
        }
    }
}

/// Whether an open task is past its due date.
pub fn is_overdue(status: TaskStatus, due_on: NaiveDate, today: NaiveDate) -> bool {
    status == TaskStatus::Open && due_on < today
}

/// Why a review cannot be written as sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewError {
    /// A flag asks the penilai to look again: it needs a reason of at least 10 characters.
    FlagWithoutReason,
    /// A team member reviews others: not their own assessment nor one they rated.
    NotIndependent,
}

impl ReviewError {
    pub fn message(self) -> &'static str {
        match self {
            Self::FlagWithoutReason => "tanda tinjau ulang wajib disertai alasan (minimal 10 karakter)",
            Self::NotIndependent => "anggota tim tidak menelaah penilaian dirinya sendiri atau yang ia nilai",
        }
    }
}

/// Checks a review of an assessment of `employee` rated by `penilai`, written by team member
/// `member` (employee ids).
pub fn check_review(
    member: i64,
    employee: i64,
    penilai: i64,
    flag: bool,
    reason: Option<&str>,
) -> Result<(), ReviewError> {
    if member == employee || member == penilai {
        return Err(ReviewError::NotIndependent);
    }
    if flag && reason.map(str::trim).is_none_or(|r| r.chars().count() < 10) {
        return Err(ReviewError::FlagWithoutReason);
    }
    Ok(())
}

/// Whether citizens may still send aspirasi online: the forum is announced and not yet past.
pub fn accepts_online_input(status: ForumStatus, forum_date: NaiveDate, today: NaiveDate) -> bool {
    status == ForumStatus::Announced && forum_date >= today
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_review_is_independent_and_a_flag_gives_its_reason() {
        assert_eq!(check_review(1, 2, 3, false, None), Ok(()));
        assert_eq!(check_review(2, 2, 3, false, None), Err(ReviewError::NotIndependent));
        assert_eq!(check_review(3, 2, 3, false, None), Err(ReviewError::NotIndependent));
        assert_eq!(check_review(1, 2, 3, true, None), Err(ReviewError::FlagWithoutReason));
        assert_eq!(check_review(1, 2, 3, true, Some("  terlalu   ")), Err(ReviewError::FlagWithoutReason));
        assert_eq!(check_review(1, 2, 3, true, Some("bukti realisasi tidak cocok")), Ok(()));
    }

    #[test]
    fn overdue_means_open_and_past_due() {
        let today = d("2026-11-23");
        assert!(is_overdue(TaskStatus::Open, d("2026-11-22"), today));
        assert!(!is_overdue(TaskStatus::Open, d("2026-11-23"), today));
        assert!(!is_overdue(TaskStatus::Done, d("2026-01-01"), today));
    }

    #[test]
    fn forums_are_held_or_cancelled_once() {
        assert!(ForumStatus::Announced.can_become(ForumStatus::Held));
        assert!(ForumStatus::Announced.can_become(ForumStatus::Cancelled));
        assert!(!ForumStatus::Announced.can_become(ForumStatus::Announced));
        assert!(!ForumStatus::Held.can_become(ForumStatus::Cancelled));
        assert!(!ForumStatus::Cancelled.can_become(ForumStatus::Held));
    }

    #[test]
    fn online_input_closes_when_the_forum_is_past_or_held() {
        let today = d("2026-11-23");
        assert!(accepts_online_input(ForumStatus::Announced, today, today));
        assert!(accepts_online_input(ForumStatus::Announced, d("2026-12-01"), today));
        assert!(!accepts_online_input(ForumStatus::Announced, d("2026-11-22"), today));
        assert!(!accepts_online_input(ForumStatus::Held, d("2026-12-01"), today));
        assert!(!accepts_online_input(ForumStatus::Cancelled, d("2026-12-01"), today));
    }

    #[test]
    fn aspirasi_move_forward_and_a_commitment_stays() {
        use InputStatus::*;
        assert!(Received.can_become(Discussed));
        assert!(Received.can_become(Committed));
        assert!(Discussed.can_become(Declined));
        assert!(Declined.can_become(Committed));
        assert!(Hidden.can_become(Discussed));
        assert!(!Discussed.can_become(Received));
        assert!(!Discussed.can_become(Discussed));
        assert!(!Committed.can_become(Declined));
        assert!(InputStatus::needs_response(Declined));
        assert!(!InputStatus::needs_response(Discussed));
        assert!(!Hidden.is_public());
        assert_eq!(Committed.public_label(), "Menjadi komitmen");
    }

    #[test]
    fn wire_names_are_stable() {
        assert_eq!("sanction".parse::<Recommendation>(), Ok(Recommendation::Sanction));
        assert_eq!(SessionKind::Annual.as_str(), "annual");
        assert_eq!(serde_json::to_string(&InputSource::Room).unwrap(), "\"room\"");
        assert!("promosi".parse::<Recommendation>().is_err());
    }
}
