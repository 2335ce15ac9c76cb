//! The rules of Kinerja, free of any framework: newtypes that cannot hold an invalid value,
//! the organisation vocabulary and the role model. Both the API and the SPA call these.

pub mod activity;
pub mod assessment;
pub mod calendar;
pub mod competency;
pub mod complaint;
pub mod contact;
pub mod data_quality;
pub mod feed;
pub mod ikm;
pub mod nip;
pub mod org;
pub mod oversight;
pub mod password;
pub mod period;
pub mod pulse;
pub mod rater_bias;
pub mod rating;
pub mod role;
pub mod skp;
pub mod talent;
pub mod tpp;
pub mod tracking_code;
pub mod tree;

pub use activity::{ActivityAction, ActivityStatus, DayLimit, LogRules};
pub use assessment::{AssessmentAction, AssessmentStatus, Decider};
pub use complaint::{ComplaintCategory, ComplaintClass, ComplaintStatus};
pub use contact::Contact;
pub use feed::FeedStatus;
pub use nip::{Nip, NipError};
pub use org::{EmploymentType, PositionKind, Sex, UnitKind};
pub use password::{Password, PasswordError};
pub use period::{Period, PeriodError};
pub use rating::{OrgPredikat, Predikat, Rating};
pub use role::Role;
pub use skp::{Approach, Aspect, CoreValue, RhkKind, SkpAction, SkpStatus};
