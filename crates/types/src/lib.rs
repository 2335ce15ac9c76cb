//! Request and response bodies of the Kinerja API. The API derives their OpenAPI schemas
//! (feature `openapi`); the SPA deserialises the same structs, so both sides agree by construction.

pub mod activity;
pub mod api_token;
pub mod assessment;
pub mod audit;
pub mod auth;
pub mod bkn;
pub mod calendar;
pub mod calibration;
pub mod competency;
pub mod dashboard;
pub mod data_quality;
pub mod employee;
pub mod export;
pub mod feed;
pub mod field_paths;
pub mod invalid;
pub mod notification;
pub mod oversight;
pub mod page;
pub mod problem;
pub mod public;
pub mod pulse;
pub mod report;
mod serde_opt;
pub mod settings;
pub mod skp;
pub mod talent;
mod template;
pub mod text;
pub mod tpp;
pub mod unit;
pub mod user;
pub mod webhook;
pub mod words;

pub use activity::{
    Activity, BulkApprove, BulkApproveResult, Dialog, Evidence, Feedback, FollowUp, IndicatorRealization, NewActivity,
    NewDialog, NewEvidenceLink, NewFeedback, Realization, RealizationNote, RejectRequest, RhkRealization,
    UndoApprovalResult,
};
pub use activity::{ActivityImportReport, ActivityImportRow};
pub use api_token::{ApiToken, ApiTokenCreated, NewApiToken, TokenAccess};
pub use assessment::{
    ActivityTally, Assessment, AssessmentReportRow, DeciderKind, DecisionRequest, Distribution, ExpectedRule,
    NewAssessment, ObjectionRequest, ObjectionResponse, OrgPredikatRequest, OverdueObjection, ProposedResult,
    RatingEvidence,
};
pub use audit::{AuditEntry, AuditVerification};
pub use auth::{
    ForgotPassword, LoginRequest, LogoutRequest, Me, PasswordChange, PasswordReset, RefreshRequest, ResetWithLink,
    TokenPair, Waiting,
};
pub use bkn::{BknCounts, BknExport, BknPreview, BknRecord, NewBknExport};
pub use calendar::{CalendarDay, CalendarRange, HolidayImport, Leave, MyCalendar, NewLeave};
pub use calibration::{BiasFinding, CalibrationChange, NewCalibrationChange, RaterBias, RaterBiasReport};
pub use competency::{
    Competency, CompetencyAssessment, CompetencyInput, CompetencyProfile, DevelopmentPlan, DevelopmentPlanPatch,
    GapCell, GapHeatMap, HeatMapColumn, NewCompetencyAssessment, NewDevelopmentPlan, NewTraining, PositionStandard,
    ProfileLine, Requirement, Training, TrainingJpRow, TrainingPatch,
};
pub use dashboard::{
    ActivityFigures, AttentionItem, AttentionReason, ComplaintFigures, Dashboard, IkmFigure, MonthPoint, SkpFigures,
    TrainingFigures, UnitFigures,
};
pub use data_quality::{CheckCount, DataQuality, DataQualityIssue, OpdQuality};
pub use employee::{Employee, EmployeePatch, ImportError, ImportReport, NewEmployee};
pub use export::{SiasnExport, SiasnIndikator, SiasnPegawai, SiasnPenilaian, SiasnRhk, SiasnSkp};
pub use feed::{FedRealization, FeedDecision, FeedValue, IndicatorFeed, NewFeedValue};
pub use invalid::{Invalid, Issue};
pub use notification::{
    ContactChange, ContactCode, Delivery, MessagePreferences, MessageSettings, Notice, NoticeCode, Notification,
    TestDelivery, MESSAGE_CHANNELS, MESSAGE_GROUPS,
};
pub use oversight::{
    AssessmentReview, CommitmentProgress, CommitmentTarget, DiscussedEmployee, EvaluationSession, EvaluationTeam,
    Forum, ForumCommitment, ForumInput, ForumPatch, InputReceipt, InputUpdate, Milestone, MilestoneUpdate,
    NewCommitment, NewEvaluationSession, NewEvaluationTeam, NewForum, NewMilestone, NewPublicInput, NewReview,
    NewRoomInput, NewSessionFollowUp, OpenTask, OversightFigures, PublicCommitment, PublicForum, PublicInput,
    PublicMilestone, ReviewResponse, SessionFollowUp, TaskUpdate, TeamAssessment, TeamMember, TeamUnit,
};
pub use page::Page;
pub use problem::{FieldError, Problem};
pub use public::{
    Complaint, ComplaintEvent, ComplaintPostponement, ComplaintReceipt, ComplaintTransition, IkmPopulation, IkmPublish,
    IkmReport, IkmUnsur, IkmWeights, Kiosk, KioskCreated, NewComplaint, NewKiosk, NewSurvey, PublicComplaintStatus,
    PublicInfo, PublicOfficer, PublicUnit, SurveyReceipt,
};
pub use pulse::{
    NewPulseRound, PublicPulse, PublicPulsePerson, PulseAnswer, PulseGroup, PulseInvitation, PulseQuestion, PulseRound,
    PulseSummary, PulseValue,
};
pub use report::{ActivityReportRow, ComplaintReportRow, IkmReportRow, SkpReportRow};
pub use settings::{AssessmentFrequency, ComplaintClassDays, PemdaSettings, Reminders};
pub use skp::{
    Behavior, BehaviorsUpdate, CascadeGoal, CascadeNode, CascadeRequest, CascadeResult, CascadeSkip, CascadeTree,
    Indicator, IndicatorInput, NewPkGoal, NewRhk, NewSkp, PkGoal, PkIndicator, ReturnRequest, Rhk, Skp, SkpMonitoring,
    SkpProgressRow,
};
pub use talent::{BoxCount, CandidateGap, SuccessionCandidate, SuccessionPost, TalentBoard, TalentRow};
pub use tpp::{NewSanction, Sanction, TppRow};
pub use unit::{NewUnit, Unit, UnitPatch};
pub use user::{NewAccount, NewUser, TemporaryPassword, User, UserFilter, UserPatch};
pub use webhook::{NewWebhook, Webhook, WebhookChange, WEBHOOK_EVENTS};
