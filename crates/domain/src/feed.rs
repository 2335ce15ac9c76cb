//! Indicator feeds: realisation counted by another system (documents issued, visits, permits)
//! and posted for an RHK indicator. The penilai accepts or refuses a feed once per indicator; only
//! an accepted feed's values count in the realisation.

use crate::org::vocabulary;
use crate::skp::Aspect;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

vocabulary! {
    /// Where a feed (one source system for one indicator) stands with the penilai.
    FeedStatus { Pending => "pending", Accepted => "accepted", Refused => "refused" }
}

/// Why a decision on a feed is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionError {
    /// The feed was already decided the other way: a feed is decided once.
    AlreadyDecided(FeedStatus),
}

impl FeedStatus {
    /// The status after the penilai's answer. Giving the same answer again changes nothing; the
    /// other answer after a decision is refused.
    pub fn decide(self, accept: bool) -> Result<FeedStatus, DecisionError> {
        let wanted = if accept { FeedStatus::Accepted } else { FeedStatus::Refused };
        match self {
            FeedStatus::Pending => Ok(wanted),
            done if done == wanted => Ok(done),
            done => Err(DecisionError::AlreadyDecided(done)),
        }
    }

    /// Whether the feed's values count in the realisation.
    pub fn counts(self) -> bool {
        self == FeedStatus::Accepted
    }
}

/// One value a source posted, as the realisation reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FedValue {
    /// The last day of the period it counts.
    pub until: NaiveDate,
    pub posted_at: DateTime<Utc>,
    pub value: f64,
}

/// The realisation of an indicator in a period from the approved activities' output (counted for
/// `kuantitas` only) and the accepted feeds' values of the period: a quantity adds every value to
/// the activities' output; any other aspect (a rate, a time, a cost) takes the latest value, by
/// the end of its period and then by when it was posted. `None` when nothing measures it.
pub fn realized(aspect: Aspect, activity_output: f64, fed: &[FedValue]) -> Option<f64> {
    if aspect == Aspect::Kuantitas {
        return Some(activity_output + fed.iter().map(|f| f.value).sum::<f64>());
    }
    fed.iter().max_by(|a, b| (a.until, a.posted_at).cmp(&(b.until, b.posted_at))).map(|f| f.value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn fed(day: u32, value: f64) -> FedValue {
        FedValue {
            until: NaiveDate::from_ymd_opt(2026, 11, day).unwrap_or_default(),
            posted_at: Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).single().unwrap_or_default(),
            value,
        }
    }

    #[test]
    fn a_feed_is_decided_once() {
        assert_eq!(FeedStatus::Pending.decide(true), Ok(FeedStatus::Accepted));
        assert_eq!(FeedStatus::Pending.decide(false), Ok(FeedStatus::Refused));
        assert_eq!(FeedStatus::Accepted.decide(true), Ok(FeedStatus::Accepted), "the same answer again");
        assert_eq!(FeedStatus::Accepted.decide(false), Err(DecisionError::AlreadyDecided(FeedStatus::Accepted)));
        assert_eq!(FeedStatus::Refused.decide(true), Err(DecisionError::AlreadyDecided(FeedStatus::Refused)));
        assert!(FeedStatus::Accepted.counts());
        assert!(!FeedStatus::Pending.counts() && !FeedStatus::Refused.counts());
    }

    #[test]
    fn quantities_add_up_and_rates_take_the_latest() {
        let values = [fed(30, 120.0), fed(15, 80.0)];
        assert_eq!(realized(Aspect::Kuantitas, 5.0, &values), Some(205.0));
        assert_eq!(realized(Aspect::Kuantitas, 5.0, &[]), Some(5.0));
        assert_eq!(realized(Aspect::Kualitas, 5.0, &values), Some(120.0), "the value of the latest period");
        assert_eq!(realized(Aspect::Waktu, 0.0, &[]), None);
    }
}
