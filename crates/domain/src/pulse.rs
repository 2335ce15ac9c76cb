//! The 360° and upward pulse on behaviour (perilaku kerja): who answers about whom, and the one
//! rule that keeps them anonymous — a group's answers are shown only as an aggregate per core
//! value, and only when at least three people of that group answered.

use crate::org::vocabulary;
use crate::skp::CoreValue;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

vocabulary! {
    /// Who answers about the employee: co-workers under the same penilai, the people they
    /// supervise (upward), or users of their service.
    RespondentGroup { Peer => "peer", Subordinate => "subordinate", ServiceUser => "service_user" }
}

impl RespondentGroup {
    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            RespondentGroup::Peer => "Rekan kerja",
            RespondentGroup::Subordinate => "Bawahan",
            RespondentGroup::ServiceUser => "Pengguna layanan",
        }
    }
}

vocabulary! {
    /// A round is answered while open; its aggregates are shown once it is closed, so that no one
    /// learns one answer by watching the aggregate change.
    PulseStatus { Open => "open", Closed => "closed" }
}

/// The fewest answers of a group before anything of it is shown. A Pemda may ask for more, never
/// for fewer.
pub const MIN_RESPONDENTS: u32 = 3;

/// The lowest and highest score of an answer (a 1–5 scale: tidak pernah … selalu).
pub const SCORE_RANGE: std::ops::RangeInclusive<u8> = 1..=5;

/// One respondent's answers: a score per question, each question asking about one core value.
pub type AnswerSet = Vec<(CoreValue, u8)>;

/// The running sums of one core value in a group: nothing of a single respondent is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub score_sum: u64,
    pub answers: u64,
}

/// What one answer set adds to the tallies of its group, per core value.
pub fn tally(set: &AnswerSet) -> BTreeMap<CoreValue, Tally> {
    let mut out: BTreeMap<CoreValue, Tally> = BTreeMap::new();
    for (value, score) in set {
        let t = out.entry(*value).or_default();
        t.score_sum += u64::from(*score);
        t.answers += 1;
    }
    out
}

/// What a group's answers show: how many answered and, at the minimum or more, the mean score
/// per core value (one decimal). Below it, no figure at all.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupAggregate {
    pub respondents: u32,
    /// Empty while hidden.
    pub means: BTreeMap<CoreValue, f64>,
}

impl GroupAggregate {
    /// Whether the figures are shown.
    pub fn shown(&self) -> bool {
        !self.means.is_empty()
    }
}

/// The fewest answers of service users before theirs show: they answer without an account, so
/// one person may answer more than once from several addresses.
pub const MIN_SERVICE_USERS: u32 = 5;

/// The answers a reader needs before a group's figures show them: `min`, never below
/// [`MIN_RESPONDENTS`] ([`MIN_SERVICE_USERS`] for service users), and one more for a reader who
/// answered in the group themself — else, knowing their own answers, they would read the others'
/// from fewer than the minimum.
pub fn threshold(group: RespondentGroup, min: u32, reader_answered: bool) -> u32 {
    let floor = if group == RespondentGroup::ServiceUser { MIN_SERVICE_USERS } else { MIN_RESPONDENTS };
    min.max(floor) + u32::from(reader_answered)
}

/// Aggregates a group's tallies, answered by `respondents` people, for a reader.
pub fn aggregate(
    group: RespondentGroup,
    respondents: u32,
    tallies: &BTreeMap<CoreValue, Tally>,
    min: u32,
    reader_answered: bool,
) -> GroupAggregate {
    if respondents < threshold(group, min, reader_answered) {
        return GroupAggregate { respondents, means: BTreeMap::new() };
    }
    let means = tallies
        .iter()
        .filter(|(_, t)| t.answers > 0)
        .map(|(v, t)| (*v, ((t.score_sum * 10) as f64 / t.answers as f64).round() / 10.0))
        .collect();
    GroupAggregate { respondents, means }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(score: u8) -> AnswerSet {
        CoreValue::ALL.iter().map(|v| (*v, score)).collect()
    }

    fn sums(sets: &[AnswerSet]) -> BTreeMap<CoreValue, Tally> {
        let mut out: BTreeMap<CoreValue, Tally> = BTreeMap::new();
        for s in sets {
            for (v, t) in tally(s) {
                let e = out.entry(v).or_default();
                e.score_sum += t.score_sum;
                e.answers += t.answers;
            }
        }
        out
    }

    #[test]
    fn two_answers_show_nothing_three_show_the_mean() {
        let two = aggregate(RespondentGroup::Peer, 2, &sums(&[set(5), set(4)]), 3, false);
        assert_eq!(two.respondents, 2);
        assert!(!two.shown());
        let three = aggregate(RespondentGroup::Peer, 3, &sums(&[set(5), set(4), set(3)]), 3, false);
        assert!(three.shown());
        assert_eq!(three.means[&CoreValue::Akuntabel], 4.0);
        assert_eq!(three.means.len(), 7);
    }

    #[test]
    fn a_minimum_below_three_is_raised_and_a_respondent_needs_one_more() {
        let three = sums(&[set(5), set(4), set(4)]);
        assert!(!aggregate(RespondentGroup::Peer, 2, &sums(&[set(5), set(4)]), 1, false).shown());
        assert!(!aggregate(RespondentGroup::Peer, 3, &three, 5, false).shown());
        assert!(!aggregate(RespondentGroup::Peer, 3, &three, 3, true).shown());
        assert!(aggregate(RespondentGroup::Peer, 4, &sums(&[set(5), set(4), set(4), set(2)]), 3, true).shown());
    }

    #[test]
    fn service_users_need_five() {
        let four = sums(&[set(5), set(4), set(4), set(3)]);
        assert!(!aggregate(RespondentGroup::ServiceUser, 4, &four, 3, false).shown());
        assert!(aggregate(RespondentGroup::Peer, 4, &four, 3, false).shown());
    }

    #[test]
    fn means_round_to_one_decimal_per_value() {
        let mut a = set(5);
        a.push((CoreValue::Loyal, 4));
        let g = aggregate(RespondentGroup::Peer, 3, &sums(&[a, set(4), set(4)]), 3, false);
        // Loyal: 5 + 4 + 4 + 4 over 4 answers.
        assert_eq!(g.means[&CoreValue::Loyal], 4.3);
        assert_eq!(g.means[&CoreValue::Harmonis], 4.3);
    }
}
