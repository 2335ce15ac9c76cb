//! The talent 9-box (PermenPANRB 3/2020) and the succession shortlists drawn from it.

use kinerja_domain::talent::Level;
use kinerja_domain::{PositionKind, Predikat};
use serde::{Deserialize, Serialize};

/// One employee on the 9-box.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TalentRow {
    pub employee_id: i64,
    pub nip: String,
    pub name: String,
    pub unit_name: String,
    pub position: String,
    pub position_kind: PositionKind,
    /// The annual predikat of the year, else the latest periodic one.
    pub predikat: Option<Predikat>,
    pub predikat_period: Option<String>,
    pub performance_level: Option<Level>,
    /// Job-person match of the competencies, percent.
    pub match_percent: Option<f64>,
    /// The match from an assessment centre's levels alone, when it assessed the person.
    pub assessment_centre_percent: Option<f64>,
    pub potential_level: Option<Level>,
    /// 1–9, `None` while performance or potential is unknown.
    pub nine_box: Option<u8>,
    pub box_label: Option<String>,
}

/// How many people one box holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BoxCount {
    pub nine_box: u8,
    pub label: String,
    pub count: u32,
}

/// A competency a candidate must still close for the post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidateGap {
    pub code: String,
    pub name: String,
    pub required: u8,
    /// `None`: never assessed.
    pub assessed: Option<u8>,
}

/// A candidate of the shortlist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SuccessionCandidate {
    pub employee_id: i64,
    pub name: String,
    pub position: String,
    pub unit_name: String,
    pub nine_box: u8,
    /// The match against the post's own requirements.
    pub match_percent: Option<f64>,
    pub gaps: Vec<CandidateGap>,
}

/// A JPT or administrator post and its shortlist, drawn from boxes 7–9.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SuccessionPost {
    pub position_title: String,
    pub position_kind: PositionKind,
    pub unit_name: String,
    pub incumbent_id: i64,
    pub incumbent_name: String,
    pub candidates: Vec<SuccessionCandidate>,
}

/// The 9-box of a unit's subtree or the city (`GET /talent`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TalentBoard {
    pub unit_id: Option<i64>,
    pub year: i32,
    pub people: u32,
    /// People without a predikat or an assessed competency, who are not placed.
    pub unplaced: u32,
    pub boxes: Vec<BoxCount>,
    pub succession: Vec<SuccessionPost>,
}
