//! What is wrong with a field, as a code and parameters ([`Issue`]) with its words in either
//! language from the one table below: the server sends the Indonesian text in `message` for API
//! clients, and the SPA shows the English text from the code.

use crate::template::fill_for;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Every kind of invalid input the API reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Invalid {
    /// No params.
    Invalid,
    /// No params.
    Required,
    /// Params: `min`, `max`.
    Length,
    /// Params: `min`.
    LengthMin,
    /// Params: `max`.
    LengthMax,
    /// Params: `equal`.
    LengthEqual,
    /// Params: `min`, `max`.
    Range,
    /// Params: `min`.
    RangeMin,
    /// Params: `max`.
    RangeMax,
    /// No params.
    Email,
    /// No params.
    Url,
    /// No params.
    TppShares,
    /// No params.
    TppTarget,
    /// No params.
    TppBands,
    /// No params.
    TppPercent,
    /// No params.
    TppForfeitDays,
    /// No params.
    SkpDeadlineFormat,
    /// Params: `n`.
    WeightsCount,
    /// No params.
    WeightsNegative,
    /// Params: `sum`.
    WeightsSum,
    /// No params.
    EmployeeRequired,
    /// No params.
    ReplyTargetMissing,
    /// No params.
    ReplyOtherThread,
    /// No params.
    UnitRequired,
    /// Params: `id`.
    ParentUnitMissing,
    /// No params.
    WriteTokenRoutes,
    /// Params: `route`.
    RouteNotApi,
    /// No params.
    UsernameChars,
    /// Params: `min`.
    PasswordTooShort,
    /// Params: `max`.
    PasswordTooLong,
    /// No params.
    PasswordTooSimple,
    /// No params.
    PasswordIsUsername,
    /// No params.
    RoleNeedsUnit,
    /// Params: `id`.
    IdMissing,
    /// No params.
    WrongCurrentPassword,
    /// No params.
    PasswordUnchanged,
    /// No params.
    FollowUpNote,
    /// Params: `id`.
    UnitIdMissing,
    /// Params: `id`.
    SupervisorMissing,
    /// No params.
    IndicatorNotInSkp,
    /// No params.
    EvidenceNotYours,
    /// No params.
    FileEmpty,
    /// No params.
    ServiceUnitNotFound,
    /// No params.
    RejectionReason,
    /// No params.
    ComplaintClassRequired,
    /// No params.
    ReferralRequired,
    /// No params.
    PostponeDate,
    /// Params: `value`.
    PatternDuplicate,
    /// No params.
    PatternNoPredikat,
    /// Params: `value`.
    PatternPercent,
    /// Params: `proposed`.
    DepartureReason,
    /// No params.
    ObjectionDaysOrder,
    /// No params.
    DispositionUnit,
    /// No params.
    UnitAbsent,
    /// No params.
    ContactUnreachable,
    /// No params.
    ChannelNotConfigured,
    /// No params.
    WebhookUrl,
    /// Params: `value`.
    WebhookEvent,
    /// No params.
    WebhookNoEvents,
    /// No params.
    NotReplayable,
    /// Params: `value`.
    ImportDate,
    /// Params: `value`.
    ImportNumber,
    /// Params: `value`, `count`.
    ImportRhkNumber,
    /// No params.
    ContactCodeWrong,
    /// No params.
    QuietHours,
    /// Params: `value`.
    MessageGroup,
    /// No params.
    TimeOfDay,
    /// No params.
    ResetLinkInvalid,
    /// Params: `name`.
    Placeholder,
    /// No params.
    PublicResponseRequired,
    /// No params.
    NipDigits,
    /// No params.
    LevelRange,
    /// No params.
    CompetencyNotInCatalog,
    /// No params.
    AssessedOnRange,
    /// Params: `code`.
    FocusNotInCatalog,
    /// No params.
    EndBeforeStart,
    /// No params.
    TrainingStatus,
    /// No params.
    TrainingEvidence,
    /// No params.
    LevelDescriptions,
    /// No params.
    CodeChars,
    /// No params.
    CompetencyTwice,
    /// No params.
    MembersUnknown,
    /// No params.
    UnitsUnknown,
    /// No params.
    EmployeeOutsideUnit,
    /// No params.
    YearRange,
    /// No params: a control character (NUL, escape…) other than tab and line breaks.
    ControlCharacter,
    /// Params: `max`.
    PerPage,
    /// No params: a form with another part than the one named `file`, or two files.
    OneFilePart,
    /// Params: `quota` (MB).
    StorageQuota,
    /// Params: `max`.
    IdempotencyKeyFormat,
    /// No params.
    IdempotencyKeyReused,
    /// No params.
    RhkOrPkGoal,
    /// Params: `id`.
    RhkMissing,
    /// Params: `id`.
    PkGoalMissing,
    /// Params: `year`, `other`.
    CascadePkYear,
    /// No params.
    CascadePkOwnUnit,
    /// No params.
    CascadeJptNeedsPk,
    /// No params.
    CascadeNoSupervisor,
    /// Params: `year`, `other`.
    CascadeRhkYear,
    /// No params.
    CascadeNotSupervisors,
    /// No params.
    CascadeRhkRequired,
    /// No params.
    RhkRequired,
    /// No params.
    InputViaCommitment,
    /// No params.
    DeclineReason,
    /// No params.
    DueBeforeForum,
    /// Params: `id`.
    InputNotOfForum,
    /// No params.
    ForumAnnouncedAhead,
    /// No params.
    ForumDatePast,
    /// Params: `value`.
    PeriodFormat,
    /// No params.
    PeriodQuarterly,
    /// No params.
    PeriodSemester,
    /// No params.
    PeriodMonthly,
    /// No params.
    BehaviorNoteMax,
    /// No params.
    MonthFormat,
    /// No params.
    UnitNotFound,
    /// Params: `n`.
    NipLength,
    /// No params.
    NipNotDigits,
    /// Params: `value`.
    NipBirthDate,
    /// Params: `value`.
    NipTmt,
    /// Params: `tmt`, `birth_year`.
    NipTmtBeforeBirth,
    /// Params: `value`.
    NipSex,
    /// No params.
    NipSequence,
    /// Params: `year`.
    PeriodOutsideSkpYear,
    /// No params.
    NoEmployeeRecord,
    /// No params.
    FilePartMissing,
    /// No params.
    UrlScheme,
    /// No params.
    DueBeforeMeeting,
    /// No params.
    MeetingInFuture,
    /// No params.
    Attendees,
    /// No params.
    FlagWithoutReason,
    /// No params.
    ChangedNeedsRatings,
    /// No params.
    DecisionOutcome,
    /// Params: `max`.
    TooManyRows,
    /// No params.
    ExpectationMax,
    /// No params.
    ActivityDateFuture,
    /// Params: `days`, `earliest`.
    ActivityTooOld,
    /// Params: `date`, `excuse`.
    ActivityOnExcusedDay,
    /// No params.
    MinutesPositive,
    /// Params: `date`, `total`, `cap`, `logged`.
    DayCapExceeded,
    /// Params: `value`.
    TimeFormat,
    /// No params.
    EndBeforeStartTime,
    /// No params.
    DurationRequired,
    /// No params.
    OutputQty,
    /// Params: `year`.
    RhkOfApprovedSkp,
    /// Params: `id`.
    EvidenceIdNotYours,
    /// Params: `id`.
    ActivityNotFound,
    /// Params: `id`.
    ActivityNotYours,
    /// Params: `id`.
    ActivityNotWaiting,
    /// Params: `id`, `minutes`.
    ActivityNotUndoable,
    /// No params.
    QuantitativeNeedsIndicator,
    /// No params.
    TargetNonNegative,
    /// Params: `id`.
    NotDirectSubordinate,
    /// Params: `n`.
    SurveyAnswerCount,
    /// No params.
    SurveyAnswerRange,
    /// No params.
    UnknownSetting,
    /// No params.
    SettingType,
    /// Params: `detail`.
    BodyField,
    /// Params: `nip`.
    NipUnknown,
    /// No params.
    DateInFuture,
    /// No params.
    DateFormat,
    /// No params.
    LateMinutes,
    /// Params: `first`.
    AttendanceTwice,
    /// Params: `max`.
    FileTooLong,
    /// Params: `detail`.
    LineUnreadable,
    /// Params: `value`, `allowed`.
    UnknownChoice,
    /// Params: `nip`, `first`.
    NipTwice,
    /// No params.
    NameRequired,
    /// No params.
    PositionTitleRequired,
    /// Params: `value`.
    UnitValueUnknown,
    /// Params: `detail`.
    HeaderUnreadable,
    /// No params.
    ColumnMissing,
    /// No params.
    PositionTitleLength,
    /// No params.
    LevelOrRemove,
    /// No params.
    FileNotUtf8,
    /// No params.
    UnitColumnRequired,
    /// No params.
    SelfSupervisor,
    /// Params: `nip`.
    SupervisorNipUnknown,
    /// No params.
    SupervisorCycle,
    /// Params: `code`.
    UnitCodeUnknown,
    /// Params: `code`.
    WorkPattern,
    /// Params: `code`.
    WorkPatternUnknown,
    /// Params: `name`.
    CalendarOverride,
    /// No params.
    CalendarSpan,
    /// No params.
    LeaveSpan,
    /// Params: `code`, `name`.
    HolidayKind,
    /// No params.
    HolidayName,
    /// Params: `line`.
    DateTwice,
    /// Params: `year`, `max`.
    HolidaysPerYear,
    /// Params: `code`, `name`.
    WorkPatternInUse,
    /// No params.
    FeedValue,
    /// No params.
    FeedSkpNotInForce,
    /// No params.
    FeedRefusalReason,
    /// Params: `value`.
    IndicatorUnknown,
    /// Params: `line`.
    ReferenceTwice,
    /// No params.
    BknNoBridge,
    /// Params: `period`.
    FeedPeriodKind,
    /// No params.
    BknNotOpd,
    /// No params.
    ClosesBeforeToday,
    /// No params.
    PulseTarget,
    /// No params.
    NoRespondents,
    /// Params: `count`.
    PulseScores,
    /// Params: `name`.
    PulseQuestionsCover,
    /// No params.
    ThresholdOrder,
    /// No params.
    NotCalibrationSession,
    /// No params.
    AssessmentOutsideSession,
    /// No params.
    OfficialOutsideUnit,
}

impl Invalid {
    /// Every kind, for the tests that check each has its words.
    pub const ALL: [Invalid; 206] = [
        Self::Invalid,
        Self::Required,
        Self::Length,
        Self::LengthMin,
        Self::LengthMax,
        Self::LengthEqual,
        Self::Range,
        Self::RangeMin,
        Self::RangeMax,
        Self::Email,
        Self::Url,
        Self::TppShares,
        Self::TppTarget,
        Self::TppBands,
        Self::TppPercent,
        Self::TppForfeitDays,
        Self::SkpDeadlineFormat,
        Self::WeightsCount,
        Self::WeightsNegative,
        Self::WeightsSum,
        Self::EmployeeRequired,
        Self::ReplyTargetMissing,
        Self::ReplyOtherThread,
        Self::UnitRequired,
        Self::ParentUnitMissing,
        Self::WriteTokenRoutes,
        Self::RouteNotApi,
        Self::UsernameChars,
        Self::PasswordTooShort,
        Self::PasswordTooLong,
        Self::PasswordTooSimple,
        Self::PasswordIsUsername,
        Self::RoleNeedsUnit,
        Self::IdMissing,
        Self::WrongCurrentPassword,
        Self::PasswordUnchanged,
        Self::FollowUpNote,
        Self::UnitIdMissing,
        Self::SupervisorMissing,
        Self::IndicatorNotInSkp,
        Self::EvidenceNotYours,
        Self::FileEmpty,
        Self::ServiceUnitNotFound,
        Self::RejectionReason,
        Self::ComplaintClassRequired,
        Self::ReferralRequired,
        Self::PostponeDate,
        Self::PatternDuplicate,
        Self::PatternNoPredikat,
        Self::PatternPercent,
        Self::DepartureReason,
        Self::ObjectionDaysOrder,
        Self::DispositionUnit,
        Self::UnitAbsent,
        Self::ContactUnreachable,
        Self::ChannelNotConfigured,
        Self::WebhookUrl,
        Self::WebhookEvent,
        Self::WebhookNoEvents,
        Self::NotReplayable,
        Self::ImportDate,
        Self::ImportNumber,
        Self::ImportRhkNumber,
        Self::ContactCodeWrong,
        Self::QuietHours,
        Self::MessageGroup,
        Self::TimeOfDay,
        Self::ResetLinkInvalid,
        Self::Placeholder,
        Self::PublicResponseRequired,
        Self::NipDigits,
        Self::LevelRange,
        Self::CompetencyNotInCatalog,
        Self::AssessedOnRange,
        Self::FocusNotInCatalog,
        Self::EndBeforeStart,
        Self::TrainingStatus,
        Self::TrainingEvidence,
        Self::LevelDescriptions,
        Self::CodeChars,
        Self::CompetencyTwice,
        Self::MembersUnknown,
        Self::UnitsUnknown,
        Self::EmployeeOutsideUnit,
        Self::YearRange,
        Self::ControlCharacter,
        Self::PerPage,
        Self::OneFilePart,
        Self::StorageQuota,
        Self::IdempotencyKeyFormat,
        Self::IdempotencyKeyReused,
        Self::RhkOrPkGoal,
        Self::RhkMissing,
        Self::PkGoalMissing,
        Self::CascadePkYear,
        Self::CascadePkOwnUnit,
        Self::CascadeJptNeedsPk,
        Self::CascadeNoSupervisor,
        Self::CascadeRhkYear,
        Self::CascadeNotSupervisors,
        Self::CascadeRhkRequired,
        Self::RhkRequired,
        Self::InputViaCommitment,
        Self::DeclineReason,
        Self::DueBeforeForum,
        Self::InputNotOfForum,
        Self::ForumAnnouncedAhead,
        Self::ForumDatePast,
        Self::PeriodFormat,
        Self::PeriodQuarterly,
        Self::PeriodSemester,
        Self::PeriodMonthly,
        Self::BehaviorNoteMax,
        Self::MonthFormat,
        Self::UnitNotFound,
        Self::NipLength,
        Self::NipNotDigits,
        Self::NipBirthDate,
        Self::NipTmt,
        Self::NipTmtBeforeBirth,
        Self::NipSex,
        Self::NipSequence,
        Self::PeriodOutsideSkpYear,
        Self::NoEmployeeRecord,
        Self::FilePartMissing,
        Self::UrlScheme,
        Self::DueBeforeMeeting,
        Self::MeetingInFuture,
        Self::Attendees,
        Self::FlagWithoutReason,
        Self::ChangedNeedsRatings,
        Self::DecisionOutcome,
        Self::TooManyRows,
        Self::ExpectationMax,
        Self::ActivityDateFuture,
        Self::ActivityTooOld,
        Self::ActivityOnExcusedDay,
        Self::MinutesPositive,
        Self::DayCapExceeded,
        Self::TimeFormat,
        Self::EndBeforeStartTime,
        Self::DurationRequired,
        Self::OutputQty,
        Self::RhkOfApprovedSkp,
        Self::EvidenceIdNotYours,
        Self::ActivityNotFound,
        Self::ActivityNotYours,
        Self::ActivityNotWaiting,
        Self::ActivityNotUndoable,
        Self::QuantitativeNeedsIndicator,
        Self::TargetNonNegative,
        Self::NotDirectSubordinate,
        Self::SurveyAnswerCount,
        Self::SurveyAnswerRange,
        Self::UnknownSetting,
        Self::SettingType,
        Self::BodyField,
        Self::NipUnknown,
        Self::DateInFuture,
        Self::DateFormat,
        Self::LateMinutes,
        Self::AttendanceTwice,
        Self::FileTooLong,
        Self::LineUnreadable,
        Self::UnknownChoice,
        Self::NipTwice,
        Self::NameRequired,
        Self::PositionTitleRequired,
        Self::UnitValueUnknown,
        Self::HeaderUnreadable,
        Self::ColumnMissing,
        Self::PositionTitleLength,
        Self::LevelOrRemove,
        Self::FileNotUtf8,
        Self::UnitColumnRequired,
        Self::SelfSupervisor,
        Self::SupervisorNipUnknown,
        Self::SupervisorCycle,
        Self::UnitCodeUnknown,
        Self::WorkPattern,
        Self::WorkPatternUnknown,
        Self::CalendarOverride,
        Self::CalendarSpan,
        Self::LeaveSpan,
        Self::HolidayKind,
        Self::HolidayName,
        Self::DateTwice,
        Self::HolidaysPerYear,
        Self::WorkPatternInUse,
        Self::FeedValue,
        Self::FeedSkpNotInForce,
        Self::FeedRefusalReason,
        Self::IndicatorUnknown,
        Self::ReferenceTwice,
        Self::BknNoBridge,
        Self::FeedPeriodKind,
        Self::BknNotOpd,
        Self::ClosesBeforeToday,
        Self::PulseTarget,
        Self::NoRespondents,
        Self::PulseScores,
        Self::PulseQuestionsCover,
        Self::ThresholdOrder,
        Self::NotCalibrationSession,
        Self::AssessmentOutsideSession,
        Self::OfficialOutsideUnit,
    ];

    /// The stable code on the wire, e.g. `level_range`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Invalid => "invalid",
            Self::Required => "required",
            Self::Length => "length",
            Self::LengthMin => "length_min",
            Self::LengthMax => "length_max",
            Self::LengthEqual => "length_equal",
            Self::Range => "range",
            Self::RangeMin => "range_min",
            Self::RangeMax => "range_max",
            Self::Email => "email",
            Self::Url => "url",
            Self::TppShares => "tpp_shares",
            Self::TppTarget => "tpp_target",
            Self::TppBands => "tpp_bands",
            Self::TppPercent => "tpp_percent",
            Self::TppForfeitDays => "tpp_forfeit_days",
            Self::SkpDeadlineFormat => "skp_deadline_format",
            Self::WeightsCount => "weights_count",
            Self::WeightsNegative => "weights_negative",
            Self::WeightsSum => "weights_sum",
            Self::EmployeeRequired => "employee_required",
            Self::ReplyTargetMissing => "reply_target_missing",
            Self::ReplyOtherThread => "reply_other_thread",
            Self::UnitRequired => "unit_required",
            Self::ParentUnitMissing => "parent_unit_missing",
            Self::WriteTokenRoutes => "write_token_routes",
            Self::RouteNotApi => "route_not_api",
            Self::UsernameChars => "username_chars",
            Self::PasswordTooShort => "password_too_short",
            Self::PasswordTooLong => "password_too_long",
            Self::PasswordTooSimple => "password_too_simple",
            Self::PasswordIsUsername => "password_is_username",
            Self::RoleNeedsUnit => "role_needs_unit",
            Self::IdMissing => "id_missing",
            Self::WrongCurrentPassword => "wrong_current_password",
            Self::PasswordUnchanged => "password_unchanged",
            Self::FollowUpNote => "follow_up_note",
            Self::UnitIdMissing => "unit_id_missing",
            Self::SupervisorMissing => "supervisor_missing",
            Self::IndicatorNotInSkp => "indicator_not_in_skp",
            Self::EvidenceNotYours => "evidence_not_yours",
            Self::FileEmpty => "file_empty",
            Self::ServiceUnitNotFound => "service_unit_not_found",
            Self::RejectionReason => "rejection_reason",
            Self::ComplaintClassRequired => "complaint_class_required",
            Self::ReferralRequired => "referral_required",
            Self::PostponeDate => "postpone_date",
            Self::PatternDuplicate => "pattern_duplicate",
            Self::PatternNoPredikat => "pattern_no_predikat",
            Self::PatternPercent => "pattern_percent",
            Self::DepartureReason => "departure_reason",
            Self::ObjectionDaysOrder => "objection_days_order",
            Self::DispositionUnit => "disposition_unit",
            Self::UnitAbsent => "unit_absent",
            Self::ContactUnreachable => "contact_unreachable",
            Self::ChannelNotConfigured => "channel_not_configured",
            Self::WebhookUrl => "webhook_url",
            Self::WebhookEvent => "webhook_event",
            Self::WebhookNoEvents => "webhook_no_events",
            Self::NotReplayable => "not_replayable",
            Self::ImportDate => "import_date",
            Self::ImportNumber => "import_number",
            Self::ImportRhkNumber => "import_rhk_number",
            Self::ContactCodeWrong => "contact_code_wrong",
            Self::QuietHours => "quiet_hours",
            Self::MessageGroup => "message_group",
            Self::TimeOfDay => "time_of_day",
            Self::ResetLinkInvalid => "reset_link_invalid",
            Self::Placeholder => "placeholder",
            Self::PublicResponseRequired => "public_response_required",
            Self::NipDigits => "nip_digits",
            Self::LevelRange => "level_range",
            Self::CompetencyNotInCatalog => "competency_not_in_catalog",
            Self::AssessedOnRange => "assessed_on_range",
            Self::FocusNotInCatalog => "focus_not_in_catalog",
            Self::EndBeforeStart => "end_before_start",
            Self::TrainingStatus => "training_status",
            Self::TrainingEvidence => "training_evidence",
            Self::LevelDescriptions => "level_descriptions",
            Self::CodeChars => "code_chars",
            Self::CompetencyTwice => "competency_twice",
            Self::MembersUnknown => "members_unknown",
            Self::UnitsUnknown => "units_unknown",
            Self::EmployeeOutsideUnit => "employee_outside_unit",
            Self::YearRange => "year_range",
            Self::ControlCharacter => "control_character",
            Self::PerPage => "per_page",
            Self::OneFilePart => "one_file_part",
            Self::StorageQuota => "storage_quota",
            Self::IdempotencyKeyFormat => "idempotency_key_format",
            Self::IdempotencyKeyReused => "idempotency_key_reused",
            Self::RhkOrPkGoal => "rhk_or_pk_goal",
            Self::RhkMissing => "rhk_missing",
            Self::PkGoalMissing => "pk_goal_missing",
            Self::CascadePkYear => "cascade_pk_year",
            Self::CascadePkOwnUnit => "cascade_pk_own_unit",
            Self::CascadeJptNeedsPk => "cascade_jpt_needs_pk",
            Self::CascadeNoSupervisor => "cascade_no_supervisor",
            Self::CascadeRhkYear => "cascade_rhk_year",
            Self::CascadeNotSupervisors => "cascade_not_supervisors",
            Self::CascadeRhkRequired => "cascade_rhk_required",
            Self::RhkRequired => "rhk_required",
            Self::InputViaCommitment => "input_via_commitment",
            Self::DeclineReason => "decline_reason",
            Self::DueBeforeForum => "due_before_forum",
            Self::InputNotOfForum => "input_not_of_forum",
            Self::ForumAnnouncedAhead => "forum_announced_ahead",
            Self::ForumDatePast => "forum_date_past",
            Self::PeriodFormat => "period_format",
            Self::PeriodQuarterly => "period_quarterly",
            Self::PeriodSemester => "period_semester",
            Self::PeriodMonthly => "period_monthly",
            Self::BehaviorNoteMax => "behavior_note_max",
            Self::MonthFormat => "month_format",
            Self::UnitNotFound => "unit_not_found",
            Self::NipLength => "nip_length",
            Self::NipNotDigits => "nip_not_digits",
            Self::NipBirthDate => "nip_birth_date",
            Self::NipTmt => "nip_tmt",
            Self::NipTmtBeforeBirth => "nip_tmt_before_birth",
            Self::NipSex => "nip_sex",
            Self::NipSequence => "nip_sequence",
            Self::PeriodOutsideSkpYear => "period_outside_skp_year",
            Self::NoEmployeeRecord => "no_employee_record",
            Self::FilePartMissing => "file_part_missing",
            Self::UrlScheme => "url_scheme",
            Self::DueBeforeMeeting => "due_before_meeting",
            Self::MeetingInFuture => "meeting_in_future",
            Self::Attendees => "attendees",
            Self::FlagWithoutReason => "flag_without_reason",
            Self::ChangedNeedsRatings => "changed_needs_ratings",
            Self::DecisionOutcome => "decision_outcome",
            Self::TooManyRows => "too_many_rows",
            Self::ExpectationMax => "expectation_max",
            Self::ActivityDateFuture => "activity_date_future",
            Self::ActivityTooOld => "activity_too_old",
            Self::ActivityOnExcusedDay => "activity_on_excused_day",
            Self::MinutesPositive => "minutes_positive",
            Self::DayCapExceeded => "day_cap_exceeded",
            Self::TimeFormat => "time_format",
            Self::EndBeforeStartTime => "end_before_start_time",
            Self::DurationRequired => "duration_required",
            Self::OutputQty => "output_qty",
            Self::RhkOfApprovedSkp => "rhk_of_approved_skp",
            Self::EvidenceIdNotYours => "evidence_id_not_yours",
            Self::ActivityNotFound => "activity_not_found",
            Self::ActivityNotYours => "activity_not_yours",
            Self::ActivityNotWaiting => "activity_not_waiting",
            Self::ActivityNotUndoable => "activity_not_undoable",
            Self::QuantitativeNeedsIndicator => "quantitative_needs_indicator",
            Self::TargetNonNegative => "target_non_negative",
            Self::NotDirectSubordinate => "not_direct_subordinate",
            Self::SurveyAnswerCount => "survey_answer_count",
            Self::SurveyAnswerRange => "survey_answer_range",
            Self::UnknownSetting => "unknown_setting",
            Self::SettingType => "setting_type",
            Self::BodyField => "body_field",
            Self::NipUnknown => "nip_unknown",
            Self::DateInFuture => "date_in_future",
            Self::DateFormat => "date_format",
            Self::LateMinutes => "late_minutes",
            Self::AttendanceTwice => "attendance_twice",
            Self::FileTooLong => "file_too_long",
            Self::LineUnreadable => "line_unreadable",
            Self::UnknownChoice => "unknown_choice",
            Self::NipTwice => "nip_twice",
            Self::NameRequired => "name_required",
            Self::PositionTitleRequired => "position_title_required",
            Self::UnitValueUnknown => "unit_value_unknown",
            Self::HeaderUnreadable => "header_unreadable",
            Self::ColumnMissing => "column_missing",
            Self::PositionTitleLength => "position_title_length",
            Self::LevelOrRemove => "level_or_remove",
            Self::FileNotUtf8 => "file_not_utf8",
            Self::UnitColumnRequired => "unit_column_required",
            Self::SelfSupervisor => "self_supervisor",
            Self::SupervisorNipUnknown => "supervisor_nip_unknown",
            Self::SupervisorCycle => "supervisor_cycle",
            Self::UnitCodeUnknown => "unit_code_unknown",
            Self::WorkPattern => "work_pattern",
            Self::WorkPatternUnknown => "work_pattern_unknown",
            Self::CalendarOverride => "calendar_override",
            Self::CalendarSpan => "calendar_span",
            Self::LeaveSpan => "leave_span",
            Self::HolidayKind => "holiday_kind",
            Self::HolidayName => "holiday_name",
            Self::DateTwice => "date_twice",
            Self::HolidaysPerYear => "holidays_per_year",
            Self::WorkPatternInUse => "work_pattern_in_use",
            Self::FeedValue => "feed_value",
            Self::FeedSkpNotInForce => "feed_skp_not_in_force",
            Self::FeedRefusalReason => "feed_refusal_reason",
            Self::IndicatorUnknown => "indicator_unknown",
            Self::ReferenceTwice => "reference_twice",
            Self::BknNoBridge => "bkn_no_bridge",
            Self::FeedPeriodKind => "feed_period_kind",
            Self::BknNotOpd => "bkn_not_opd",
            Self::ClosesBeforeToday => "closes_before_today",
            Self::PulseTarget => "pulse_target",
            Self::NoRespondents => "no_respondents",
            Self::PulseScores => "pulse_scores",
            Self::PulseQuestionsCover => "pulse_questions_cover",
            Self::ThresholdOrder => "threshold_order",
            Self::NotCalibrationSession => "not_calibration_session",
            Self::AssessmentOutsideSession => "assessment_outside_session",
            Self::OfficialOutsideUnit => "official_outside_unit",
        }
    }

    /// The kind a code names.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The words, with `{param}` placeholders, in Indonesian or English.
    pub fn template(self, english: bool) -> &'static str {
        let (id, en) = match self {
            Self::Invalid => ("nilai tidak valid", "invalid value"),
            Self::Required => ("wajib diisi", "required"),
            Self::Length => ("panjang {min}-{max}", "must be {min}–{max} long"),
            Self::LengthMin => ("minimal {min}", "must be at least {min} long"),
            Self::LengthMax => ("maksimal {max}", "must be at most {max} long"),
            Self::LengthEqual => ("harus {equal} karakter", "must be exactly {equal} characters"),
            Self::Range => ("nilai {min} sampai {max}", "must be between {min} and {max}"),
            Self::RangeMin => ("minimal {min}", "must be at least {min}"),
            Self::RangeMax => ("maksimal {max}", "must be at most {max}"),
            Self::Email => ("alamat e-mail tidak valid", "not a valid e-mail address"),
            Self::Url => ("tautan tidak valid", "not a valid link"),
            Self::TppShares => ("bagian kinerja dan disiplin harus berjumlah 100 %", "the performance and discipline shares must add up to 100 %"),
            Self::TppTarget => ("target menit bulanan harus 1 sampai 44640", "the monthly minutes target must be 1 to 44,640"),
            Self::TppBands => ("pita keterlambatan harus naik berurutan dan diakhiri satu pita tanpa batas atas", "lateness bands must rise in order and end with one band without an upper limit"),
            Self::TppPercent => ("persentase potongan harus 0 sampai 100", "deduction percentages must be 0 to 100"),
            Self::TppForfeitDays => (
                "batas hari alpa yang menghapus TPP harus 1 sampai 31",
                "the days of absence that forfeit the TPP must be 1 to 31",
            ),
            Self::SkpDeadlineFormat => ("gunakan format BB-TT, misalnya 01-31", "use the format MM-DD, e.g. 01-31"),
            Self::WeightsCount => ("bobot harus 9 angka, bukan {n}", "weights must be 9 numbers, not {n}"),
            Self::WeightsNegative => ("bobot tidak boleh negatif", "weights cannot be negative"),
            Self::WeightsSum => ("jumlah bobot harus 1, bukan {sum}", "weights must add up to 1, not {sum}"),
            Self::EmployeeRequired => ("sebutkan pegawai", "name the employee"),
            Self::ReplyTargetMissing => ("umpan balik yang dibalas tidak ada", "the feedback replied to does not exist"),
            Self::ReplyOtherThread => ("balasan harus pada utas pegawai yang sama", "a reply must stay in the same employee's thread"),
            Self::UnitRequired => ("sebutkan unit", "name the unit"),
            Self::ParentUnitMissing => ("unit induk {id} tidak ada", "parent unit {id} does not exist"),
            Self::WriteTokenRoutes => ("token tulis wajib menyebut rute yang boleh ditulisnya", "a write token must list the routes it may write"),
            Self::RouteNotApi => ("rute '{route}' harus diawali /api/v1/", "route '{route}' must start with /api/v1/"),
            Self::UsernameChars => ("hanya huruf, angka, titik, garis bawah dan tanda hubung", "only letters, digits, dots, underscores and hyphens"),
            Self::PasswordTooShort => ("kata sandi minimal {min} karakter", "the password needs at least {min} characters"),
            Self::PasswordTooLong => ("kata sandi maksimal {max} karakter", "the password takes at most {max} characters"),
            Self::PasswordTooSimple => ("kata sandi harus berisi huruf dan angka", "the password must contain letters and digits"),
            Self::PasswordIsUsername => ("kata sandi tidak boleh sama dengan nama pengguna", "the password cannot be the username"),
            Self::RoleNeedsUnit => ("peran kepala_unit dan operator_layanan memerlukan unit_id", "the kepala_unit and operator_layanan roles need a unit_id"),
            Self::IdMissing => ("{id} tidak ada", "{id} does not exist"),
            Self::WrongCurrentPassword => ("kata sandi saat ini salah", "the current password is wrong"),
            Self::PasswordUnchanged => ("kata sandi baru harus berbeda dari yang lama", "the new password must differ from the old one"),
            Self::FollowUpNote => ("tuliskan apa yang sudah dilakukan (minimal 3 karakter)", "write what was done (at least 3 characters)"),
            Self::UnitIdMissing => ("unit {id} tidak ada", "unit {id} does not exist"),
            Self::SupervisorMissing => ("atasan langsung {id} tidak ada", "direct supervisor {id} does not exist"),
            Self::IndicatorNotInSkp => ("indikator ini bukan bagian dari SKP ini", "this indicator is not part of this SKP"),
            Self::EvidenceNotYours => ("bukti dukung tidak ada atau bukan milik Anda", "the evidence does not exist or is not yours"),
            Self::FileEmpty => ("berkas kosong", "the file is empty"),
            Self::ServiceUnitNotFound => ("unit layanan tidak ditemukan", "service unit not found"),
            Self::RejectionReason => ("sebutkan alasan penolakan (duplikat atau informasi kurang); yang bukan kewenangan unit ini dirujuk", "give the reason for rejecting (a duplicate or missing information); what is not this unit's authority is referred"),
            Self::ComplaintClassRequired => ("pilih klasifikasi pengaduan: ringan, normatif, tidak berkadar pengawasan, atau berkadar pengawasan", "choose the complaint's class: ringan, normatif, tidak berkadar pengawasan or berkadar pengawasan"),
            Self::ReferralRequired => ("sebutkan unit atau instansi yang berwenang (3-200 karakter)", "name the competent unit or agency (3-200 characters)"),
            Self::PatternDuplicate => ("pola predikat organisasi {value} tercantum lebih dari sekali", "the pattern of organisation predikat {value} is listed more than once"),
            Self::PatternNoPredikat => ("setiap aturan pola menyebut paling sedikit satu predikat", "every rule of a pattern names at least one predikat"),
            Self::PatternPercent => ("persentase pola paling besar 100, bukan {value}", "a pattern's percent is at most 100, not {value}"),
            Self::DepartureReason => ("predikat organisasi mengusulkan rating hasil kerja {proposed}; tulis alasan (minimal 10 karakter) bila berbeda", "the organisation predikat proposes the result rating {proposed}; give a reason (at least 10 characters) to differ"),
            Self::ObjectionDaysOrder => ("batas tanggapan penilai harus lebih pendek dari batas keputusan keberatan", "the penilai's response time must be shorter than the objection's decision time"),
            Self::PostponeDate => ("tanggal penundaan harus setelah hari ini dan paling lama satu tahun", "the postponed date must be after today and within a year"),
            Self::DispositionUnit => ("pilih unit tujuan disposisi", "choose the unit to forward to"),
            Self::UnitAbsent => ("unit tidak ada", "the unit does not exist"),
            Self::ContactUnreachable => ("tulis alamat e-mail atau nomor ponsel (WhatsApp)", "give an e-mail address or a mobile number (WhatsApp)"),
            Self::ChannelNotConfigured => ("saluran ini belum diatur di server", "this channel is not configured on the server"),
            Self::WebhookUrl => ("alamat webhook harus https:// dengan nama host, tanpa nama pengguna atau kata sandi", "a webhook address must be https:// with a host name, without a user name or password"),
            Self::WebhookEvent => ("peristiwa {value} tidak dikenal", "the event {value} is unknown"),
            Self::WebhookNoEvents => ("pilih sedikitnya satu peristiwa", "choose at least one event"),
            Self::ImportDate => ("tanggal \"{value}\" tidak terbaca; tulis 2026-12-01 atau 01/12/2026", "the date \"{value}\" cannot be read; write 2026-12-01 or 01/12/2026"),
            Self::ImportNumber => ("\"{value}\" bukan angka", "\"{value}\" is not a number"),
            Self::ImportRhkNumber => ("RHK nomor \"{value}\" tidak ada; SKP Anda yang ditetapkan untuk tahun itu memuat {count} RHK", "there is no RHK number \"{value}\"; your approved SKP of that year has {count} RHK"),
            Self::NotReplayable => ("isi pesan ini tidak disimpan lagi, jadi tidak dapat dikirim ulang", "this message's content is no longer kept, so it cannot be sent again"),
            Self::ContactCodeWrong => ("kode salah atau sudah kedaluwarsa; minta kode baru bila perlu", "the code is wrong or has expired; ask for a new one if needed"),
            Self::QuietHours => ("jam tenang diisi keduanya dalam bentuk JJ:MM, misalnya 21:00 dan 06:00", "quiet hours take both times as HH:MM, e.g. 21:00 and 06:00"),
            Self::MessageGroup => ("kelompok pesan tidak dikenal: {value}", "unknown message group: {value}"),
            Self::TimeOfDay => ("jam dalam bentuk JJ:MM, misalnya 15:00, atau kosong", "a time as HH:MM, e.g. 15:00, or empty"),
            Self::ResetLinkInvalid => ("tautan ini tidak berlaku lagi (sudah dipakai atau lewat 30 menit); minta tautan baru", "this link no longer works (used, or older than 30 minutes); ask for a new one"),
            Self::Placeholder => ("teks harus memuat {name}", "the text must contain {name}"),
            Self::PublicResponseRequired => ("tulis tanggapan untuk pelapor", "write an answer for the complainant"),
            Self::NipDigits => ("NIP harus 18 digit angka", "the NIP must be 18 digits"),
            Self::LevelRange => ("level 1 sampai 5", "level 1 to 5"),
            Self::CompetencyNotInCatalog => ("kompetensi tidak ada di katalog", "the competency is not in the catalogue"),
            Self::AssessedOnRange => ("tanggal penilaian tidak boleh di masa depan atau lebih dari 10 tahun lalu", "the assessment date cannot be in the future or more than 10 years ago"),
            Self::FocusNotInCatalog => ("kompetensi '{code}' tidak ada di katalog", "competency '{code}' is not in the catalogue"),
            Self::EndBeforeStart => ("tanggal selesai tidak boleh sebelum tanggal mulai", "the end date cannot be before the start date"),
            Self::TrainingStatus => ("pilih completed atau cancelled", "choose completed or cancelled"),
            Self::TrainingEvidence => ("sebutkan bukti penyelesaian (nomor sertifikat atau catatan)", "name the proof of completion (a certificate number or a note)"),
            Self::LevelDescriptions => ("setiap level diuraikan (1-1000 karakter)", "describe every level (1–1000 characters)"),
            Self::CodeChars => ("kode hanya huruf, angka, titik atau tanda hubung", "the code takes only letters, digits, dots or hyphens"),
            Self::CompetencyTwice => ("kompetensi disebut dua kali", "the competency is named twice"),
            Self::MembersUnknown => ("ada anggota yang bukan pegawai terdaftar", "some members are not registered employees"),
            Self::UnitsUnknown => ("ada unit yang tidak ditemukan", "some units were not found"),
            Self::EmployeeOutsideUnit => ("pegawai harus dari unit ini atau unit di bawahnya", "employees must belong to this unit or a unit below it"),
            Self::YearRange => ("tahun 2000-2100", "year 2000–2100"),
            Self::ControlCharacter => ("tidak boleh memuat karakter kendali (selain tab dan baris baru)", "must not contain control characters (other than tab and line breaks)"),
            Self::PerPage => ("per_page 1-{max}", "per_page 1–{max}"),
            Self::OneFilePart => ("kirim satu berkas saja, pada bagian bernama file", "send a single file, in the part named file"),
            Self::IdempotencyKeyFormat => ("Idempotency-Key: 1-{max} karakter huruf, angka, -, _, . atau :", "Idempotency-Key: 1–{max} characters of letters, digits, -, _, . or :"),
            Self::IdempotencyKeyReused => ("Idempotency-Key ini sudah dipakai untuk permintaan lain; buat kunci baru", "this Idempotency-Key was used for another request; make a new key"),
            Self::StorageQuota => ("ruang bukti Anda ({quota} MB) sudah penuh; hapus bukti yang tidak dipakai", "your evidence storage ({quota} MB) is full; delete evidence you no longer use"),
            Self::RhkOrPkGoal => ("isi parent_rhk_id atau pk_goal_id, bukan keduanya", "fill parent_rhk_id or pk_goal_id, not both"),
            Self::RhkMissing => ("RHK {id} tidak ada", "RHK {id} does not exist"),
            Self::PkGoalMissing => ("sasaran Perjanjian Kinerja {id} tidak ada", "Perjanjian Kinerja goal {id} does not exist"),
            Self::CascadePkYear => ("pilih sasaran Perjanjian Kinerja tahun {year}, bukan tahun {other}", "choose a Perjanjian Kinerja goal of {year}, not of {other}"),
            Self::CascadePkOwnUnit => ("pilih sasaran Perjanjian Kinerja unit Anda sendiri", "choose a Perjanjian Kinerja goal of your own unit"),
            Self::CascadeJptNeedsPk => ("RHK pimpinan tinggi (JPT) harus mengacu pada sasaran Perjanjian Kinerja unitnya (pk_goal_id)", "a senior executive's (JPT) RHK must refer to a Perjanjian Kinerja goal of their unit (pk_goal_id)"),
            Self::CascadeNoSupervisor => ("pegawai belum memiliki atasan langsung; minta admin melengkapi data atasan", "the employee has no direct supervisor yet; ask an admin to complete it"),
            Self::CascadeRhkYear => ("pilih RHK atasan langsung dari SKP tahun {year}, bukan tahun {other}", "choose your direct supervisor's RHK from the {year} SKP, not from {other}"),
            Self::CascadeNotSupervisors => ("RHK yang diintervensi harus milik atasan langsung Anda; pilih salah satu RHK atasan langsung", "the RHK you build on must belong to your direct supervisor; choose one of their RHK"),
            Self::CascadeRhkRequired => ("pilih RHK atasan langsung yang diintervensi (parent_rhk_id)", "choose the direct supervisor's RHK you build on (parent_rhk_id)"),
            Self::RhkRequired => ("tambahkan minimal satu rencana hasil kerja sebelum mengajukan", "add at least one planned result (RHK) before submitting"),
            Self::InputViaCommitment => ("aspirasi menjadi komitmen dengan membuat komitmen forum", "an aspiration becomes a commitment by creating a forum commitment"),
            Self::DeclineReason => ("jelaskan kepada warga mengapa tidak dapat ditindaklanjuti (minimal 10 karakter)", "explain to citizens why it cannot be followed up (at least 10 characters)"),
            Self::DueBeforeForum => ("tenggat tidak boleh sebelum tanggal forum", "the due date cannot be before the forum date"),
            Self::InputNotOfForum => ("aspirasi {id} bukan dari forum ini", "aspiration {id} is not from this forum"),
            Self::ForumAnnouncedAhead => ("forum diumumkan sebelum dilaksanakan; pilih hari ini atau sesudahnya", "a forum is announced before it is held; choose today or a later day"),
            Self::ForumDatePast => ("tanggal forum tidak boleh di masa lalu", "the forum date cannot be in the past"),
            Self::PeriodFormat => ("periode '{value}' tidak valid; gunakan 2026, 2026-S1 atau 2026-S2, 2026-Q1 sampai 2026-Q4, atau 2026-01 sampai 2026-12", "period '{value}' is invalid; use 2026, 2026-S1 or 2026-S2, 2026-Q1 to 2026-Q4, or 2026-01 to 2026-12"),
            Self::PeriodQuarterly => ("penilaian periodik di Pemda ini per triwulan, misalnya 2026-Q1", "periodic ratings in this Pemda are quarterly, e.g. 2026-Q1"),
            Self::PeriodSemester => ("penilaian periodik di Pemda ini per semester, misalnya 2026-S1", "periodic ratings in this Pemda are per semester, e.g. 2026-S1"),
            Self::PeriodMonthly => ("penilaian periodik di Pemda ini per bulan, misalnya 2026-01", "periodic ratings in this Pemda are monthly, e.g. 2026-01"),
            Self::BehaviorNoteMax => ("catatan per nilai maksimal 2000 karakter", "each value's note takes at most 2000 characters"),
            Self::MonthFormat => ("bulan harus berformat YYYY-MM, misalnya 2026-11", "the month must look like YYYY-MM, e.g. 2026-11"),
            Self::UnitNotFound => ("unit tidak ditemukan", "unit not found"),
            Self::NipLength => ("NIP harus 18 digit angka (diterima {n} karakter)", "the NIP must be 18 digits ({n} characters received)"),
            Self::NipNotDigits => ("NIP hanya boleh berisi angka", "the NIP may contain digits only"),
            Self::NipBirthDate => ("tanggal lahir pada NIP (digit 1-8, {value}) bukan tanggal yang valid", "the birth date in the NIP (digits 1-8, {value}) is not a valid date"),
            Self::NipTmt => ("TMT CPNS pada NIP (digit 9-14, {value}) bukan bulan yang valid", "the CPNS start in the NIP (digits 9-14, {value}) is not a valid month"),
            Self::NipTmtBeforeBirth => ("TMT CPNS pada NIP ({tmt}) tidak boleh sebelum tahun lahir ({birth_year})", "the CPNS start in the NIP ({tmt}) cannot be before the birth year ({birth_year})"),
            Self::NipSex => ("kode jenis kelamin pada NIP (digit 15) harus 1 (pria) atau 2 (wanita), bukan {value}", "the sex code in the NIP (digit 15) must be 1 (male) or 2 (female), not {value}"),
            Self::NipSequence => ("nomor urut pada NIP (digit 16-18) tidak boleh 000", "the sequence number in the NIP (digits 16-18) cannot be 000"),
            Self::PeriodOutsideSkpYear => ("periode harus di dalam tahun SKP {year}", "the period must fall in the SKP year {year}"),
            Self::NoEmployeeRecord => ("akun ini tidak terhubung dengan data pegawai", "this account is not linked to an employee record"),
            Self::FilePartMissing => ("kirim berkas pada bagian bernama 'file'", "send the file in a part named 'file'"),
            Self::UrlScheme => ("tautan harus diawali http:// atau https://", "the link must start with http:// or https://"),
            Self::DueBeforeMeeting => ("tenggat tidak boleh sebelum tanggal rapat", "the due date cannot be before the meeting date"),
            Self::MeetingInFuture => ("rapat dicatat setelah dilaksanakan; tanggal tidak boleh di masa depan", "a meeting is recorded after it is held; the date cannot be in the future"),
            Self::Attendees => ("isi nama peserta (masing-masing paling panjang 200 karakter)", "fill in the attendees' names (each at most 200 characters)"),
            Self::FlagWithoutReason => ("tanda tinjau ulang wajib disertai alasan (minimal 10 karakter)", "a review flag needs a reason (at least 10 characters)"),
            Self::ChangedNeedsRatings => ("keputusan 'changed' memerlukan kedua rating baru", "a 'changed' decision needs both new ratings"),
            Self::DecisionOutcome => ("pilih 'upheld' atau 'changed'", "choose 'upheld' or 'changed'"),
            Self::TooManyRows => ("lebih dari {max} baris; persempit unit atau periode", "more than {max} rows; narrow the unit or the period"),
            Self::ExpectationMax => ("ekspektasi maksimal 2000 karakter", "an expectation takes at most 2000 characters"),
            Self::ActivityDateFuture => ("tanggal aktivitas tidak boleh di masa depan", "an activity date cannot be in the future"),
            Self::ActivityTooOld => ("aktivitas paling lambat dicatat {days} hari kerja ke belakang (paling awal {earliest})", "activities can be logged at most {days} working days back (earliest {earliest})"),
            Self::ActivityOnExcusedDay => ("{date} tercatat sebagai hari {excuse} Anda; aktivitas tidak dicatat pada hari itu", "{date} is recorded as your {excuse} day; no activity is logged on it"),
            Self::MinutesPositive => ("durasi harus lebih dari 0 menit", "the duration must be more than 0 minutes"),
            Self::DayCapExceeded => ("total aktivitas pada {date} menjadi {total} menit, melebihi batas {cap} menit per hari (sudah tercatat {logged} menit)", "activities on {date} would total {total} minutes, over the limit of {cap} minutes a day ({logged} minutes already logged)"),
            Self::TimeFormat => ("jam '{value}' tidak valid; gunakan JJ:MM", "time '{value}' is invalid; use HH:MM"),
            Self::EndBeforeStartTime => ("jam selesai harus setelah jam mulai", "the end time must be after the start time"),
            Self::DurationRequired => ("isi durasi (menit) atau jam mulai dan selesai", "fill in the duration (minutes) or the start and end times"),
            Self::OutputQty => ("jumlah keluaran harus angka 0 atau lebih", "the output quantity must be a number of 0 or more"),
            Self::RhkOfApprovedSkp => ("pilih RHK dari SKP Anda tahun {year} yang sudah disetujui", "choose an RHK of your approved {year} SKP"),
            Self::EvidenceIdNotYours => ("bukti dukung {id} tidak ada atau bukan milik Anda", "evidence {id} does not exist or is not yours"),
            Self::ActivityNotFound => ("aktivitas {id}: tidak ditemukan", "activity {id}: not found"),
            Self::ActivityNotYours => ("aktivitas {id}: bukan aktivitas bawahan yang Anda nilai", "activity {id}: not an activity of someone you rate"),
            Self::ActivityNotWaiting => ("aktivitas {id}: tidak sedang menunggu verifikasi", "activity {id}: not waiting for verification"),
            Self::ActivityNotUndoable => ("aktivitas {id}: persetujuannya tidak dapat dibatalkan lagi (hanya persetujuan Anda sendiri, dalam {minutes} menit)", "activity {id}: its approval can no longer be undone (only your own, within {minutes} minutes)"),
            Self::QuantitativeNeedsIndicator => ("SKP kuantitatif memerlukan minimal satu indikator", "a quantitative SKP needs at least one indicator"),
            Self::TargetNonNegative => ("target harus angka 0 atau lebih", "the target must be a number of 0 or more"),
            Self::NotDirectSubordinate => ("pegawai {id} bukan bawahan langsung Anda", "employee {id} is not your direct subordinate"),
            Self::SurveyAnswerCount => ("harus 9 jawaban, bukan {n}", "there must be 9 answers, not {n}"),
            Self::SurveyAnswerRange => ("jawaban harus 1 sampai 4", "answers must be 1 to 4"),
            Self::UnknownSetting => ("pengaturan ini tidak dikenal", "this setting is unknown"),
            Self::SettingType => ("tipe nilai tidak sesuai", "the value has the wrong type"),
            Self::BodyField => ("isian tidak valid: {detail}", "invalid entry: {detail}"),
            Self::NipUnknown => ("pegawai dengan NIP '{nip}' tidak ada", "no employee has the NIP '{nip}'"),
            Self::DateInFuture => ("tanggal di masa depan", "the date is in the future"),
            Self::DateFormat => ("tanggal harus berformat YYYY-MM-DD", "the date must look like YYYY-MM-DD"),
            Self::LateMinutes => ("jumlah menit (terlambat atau pulang cepat) harus bilangan 0 sampai 1440", "minutes (late or left early) must be a whole number from 0 to 1440"),
            Self::AttendanceTwice => ("pegawai dan tanggal ini sudah ada di baris {first}", "this employee and date are already on line {first}"),
            Self::FileTooLong => ("berkas melebihi {max} baris", "the file has more than {max} lines"),
            Self::LineUnreadable => ("baris tidak terbaca: {detail}", "the line cannot be read: {detail}"),
            Self::UnknownChoice => ("'{value}' tidak dikenal; pilih salah satu: {allowed}", "'{value}' is unknown; choose one of: {allowed}"),
            Self::NipTwice => ("NIP {nip} sudah ada di baris {first}", "NIP {nip} is already on line {first}"),
            Self::NameRequired => ("nama wajib diisi (maksimal 200 karakter)", "the name is required (at most 200 characters)"),
            Self::PositionTitleRequired => ("jabatan wajib diisi (maksimal 200 karakter)", "the position is required (at most 200 characters)"),
            Self::UnitValueUnknown => ("unit '{value}' tidak ada", "unit '{value}' does not exist"),
            Self::HeaderUnreadable => ("baris judul tidak terbaca: {detail}", "the header line cannot be read: {detail}"),
            Self::ColumnMissing => ("kolom wajib tidak ada di baris judul", "this required column is missing from the header line"),
            Self::PositionTitleLength => ("nama jabatan 1-200 karakter", "the position name takes 1–200 characters"),
            Self::LevelOrRemove => ("level 0 (hapus) sampai 5", "level 0 (remove) to 5"),
            Self::FileNotUtf8 => ("berkas harus berupa teks UTF-8", "the file must be UTF-8 text"),
            Self::UnitColumnRequired => ("baris judul harus memuat unit_id atau unit_code", "the header line must hold unit_id or unit_code"),
            Self::SelfSupervisor => ("pegawai tidak boleh menjadi atasannya sendiri", "an employee cannot be their own supervisor"),
            Self::SupervisorNipUnknown => ("atasan dengan NIP {nip} tidak ada di berkas maupun di data", "no supervisor with NIP {nip} is in the file or in the data"),
            Self::SupervisorCycle => ("rantai atasan membentuk lingkaran", "the chain of supervisors forms a circle"),
            Self::UnitCodeUnknown => ("unit dengan kode '{code}' tidak ada", "no unit has the code '{code}'"),
            Self::WorkPattern => (
                "pola kerja '{code}' tidak dapat dipakai: kode huruf kecil, angka atau _ dan tidak kembar; 7 hari untuk pola mingguan, 1–56 hari dan tanggal mulai (anchor) untuk rota; paling lama 1440 menit sehari; paling sedikit satu hari kerja",
                "work pattern '{code}' cannot be used: a unique code of lowercase letters, digits or _; 7 days for a week, 1–56 days and a first day (anchor) for a rota; at most 1440 minutes a day; at least one working day",
            ),
            Self::LeaveSpan => ("cuti atau izin paling lama 3 tahun", "leave of at most 3 years"),
            Self::FeedValue => ("nilai harus angka nol atau lebih", "the value must be a number of zero or more"),
            Self::FeedSkpNotInForce => ("indikator ini bukan bagian SKP yang sudah disetujui", "this indicator is not part of an approved SKP"),
            Self::FeedRefusalReason => ("tuliskan alasan penolakan umpan data", "write why the feed is refused"),
            Self::FeedPeriodKind => ("sumber ini mengirim nilai berperiode seperti {period}; kirim dengan periode sejenis", "this source sends values for periods like {period}; send one of the same kind"),
            Self::BknNotOpd => ("pilih sebuah OPD atau pemerintah daerah", "choose an OPD or the Pemda itself"),
            Self::ClosesBeforeToday => ("tanggal tutup tidak boleh sebelum hari ini", "the closing day cannot be before today"),
            Self::PulseTarget => ("pilih tepat satu pegawai atau satu unit", "name exactly one employee or one unit"),
            Self::NoRespondents => ("tidak ada rekan kerja atau bawahan yang dapat ditanya", "there are no co-workers or subordinates to ask"),
            Self::PulseScores => ("isi satu skor 1-5 untuk setiap pertanyaan ({count} pertanyaan)", "give one score of 1-5 for each question ({count} questions)"),
            Self::PulseQuestionsCover => ("nilai {name} belum memiliki pertanyaan; setiap nilai BerAKHLAK perlu setidaknya satu", "the value {name} has no question; each BerAKHLAK value needs at least one"),
            Self::ThresholdOrder => ("ambang harus 1-100, dan ambang menengah di bawah ambang tinggi", "thresholds must be 1-100, the middle one below the high one"),
            Self::NotCalibrationSession => ("perubahan penilaian hanya dicatat pada sesi kalibrasi", "rating changes are recorded only in a calibration session"),
            Self::AssessmentOutsideSession => ("penilaian ini bukan milik pegawai unit sesi ini", "this rating does not belong to someone of the session's unit"),
            Self::OfficialOutsideUnit => ("pejabat penanggung jawab harus pegawai unit penyelenggara forum", "the responsible official must work in the forum's unit"),
            Self::BknNoBridge => ("jembatan BKN belum dikonfigurasi (KINERJA_BKN_BRIDGE_URL); ekspor sebagai berkas", "no BKN bridge is configured (KINERJA_BKN_BRIDGE_URL); export as a file"),
            Self::ReferenceTwice => ("referensi ini sudah ada di baris {line}", "this reference is already on line {line}"),
            Self::IndicatorUnknown => ("indikator {value} tidak ada atau di luar cakupan Anda", "indicator {value} does not exist or is outside your scope"),
            Self::WorkPatternInUse => (
                "pola kerja '{code}' masih dipakai {name}; ubah pola pegawai itu lebih dulu",
                "the work pattern '{code}' is still {name}'s; change that employee's pattern first",
            ),
            Self::HolidayName => ("nama hari libur 1-200 karakter", "a holiday's name of 1-200 characters"),
            Self::DateTwice => ("tanggal ini sudah ada di baris {line}", "this date is already on line {line}"),
            Self::HolidaysPerYear => (
                "paling banyak {max} hari libur dalam tahun {year}",
                "at most {max} holidays in {year}",
            ),
            Self::HolidayKind => (
                "jenis '{code}' tidak dikenal ({name}); pilih libur_nasional atau cuti_bersama",
                "unknown kind '{code}' ({name}); choose libur_nasional or cuti_bersama",
            ),
            Self::CalendarSpan => (
                "tanggal akhir tidak sebelum tanggal awal, paling lama 62 hari",
                "an end not before the start, at most 62 days",
            ),
            Self::WorkPatternUnknown => ("tidak ada pola kerja dengan kode '{code}'", "no work pattern has the code '{code}'"),
            Self::CalendarOverride => (
                "penyesuaian jam kerja '{name}': tanggal mulai tidak setelah tanggal selesai, paling lama setahun, 1–1440 menit sehari, dan bernama",
                "working-hours override '{name}': a start not after its end, at most a year, 1–1440 minutes a day, and a name",
            ),
        };
        if english {
            en
        } else {
            id
        }
    }
}

/// An invalid value: its kind and the values of its placeholders.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub kind: Invalid,
    pub params: BTreeMap<String, String>,
}

impl Issue {
    /// An issue without parameters yet.
    pub fn new(kind: Invalid) -> Self {
        Self { kind, params: BTreeMap::new() }
    }

    /// Adds a parameter.
    pub fn with(mut self, name: &str, value: impl ToString) -> Self {
        self.params.insert(name.to_owned(), value.to_string());
        self
    }

    /// The words in Indonesian or English.
    pub fn render(&self, english: bool) -> String {
        fill_for(self.kind.template(english), &self.params, english)
    }
}

impl From<Invalid> for Issue {
    fn from(kind: Invalid) -> Self {
        Self::new(kind)
    }
}
impl From<&validator::ValidationError> for Issue {
    fn from(e: &validator::ValidationError) -> Self {
        let param = |name: &str| {
            e.params.get(name).map(|v| match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
        };
        let (min, max, equal) = (param("min"), param("max"), param("equal"));
        let kind = match (e.code.as_ref(), &min, &max, &equal) {
            ("length", _, _, Some(_)) => Invalid::LengthEqual,
            ("length", Some(_), Some(_), _) => Invalid::Length,
            ("length", Some(_), None, _) => Invalid::LengthMin,
            ("length", None, Some(_), _) => Invalid::LengthMax,
            ("range", Some(_), Some(_), _) => Invalid::Range,
            ("range", Some(_), None, _) => Invalid::RangeMin,
            ("range", None, Some(_), _) => Invalid::RangeMax,
            ("email", ..) => Invalid::Email,
            ("url", ..) => Invalid::Url,
            ("required", ..) => Invalid::Required,
            (code, ..) => Invalid::from_code(code).unwrap_or(Invalid::Invalid),
        };
        let mut issue = Issue::new(kind);
        for (name, value) in [("min", min), ("max", max), ("equal", equal)] {
            if let Some(v) = value {
                issue = issue.with(name, v);
            }
        }
        issue
    }
}

impl From<&kinerja_domain::PeriodError> for Issue {
    fn from(e: &kinerja_domain::PeriodError) -> Self {
        Issue::new(Invalid::PeriodFormat).with("value", &e.0)
    }
}

impl From<&kinerja_domain::password::PasswordError> for Issue {
    fn from(e: &kinerja_domain::password::PasswordError) -> Self {
        use kinerja_domain::password::PasswordError::*;
        match e {
            TooShort(n) => Issue::new(Invalid::PasswordTooShort).with("min", n),
            TooLong(n) => Issue::new(Invalid::PasswordTooLong).with("max", n),
            TooSimple => Invalid::PasswordTooSimple.into(),
            SameAsUsername => Invalid::PasswordIsUsername.into(),
        }
    }
}

impl From<&kinerja_domain::nip::NipError> for Issue {
    fn from(e: &kinerja_domain::nip::NipError) -> Self {
        use kinerja_domain::nip::NipError::*;
        match e {
            Length(n) => Issue::new(Invalid::NipLength).with("n", n),
            NotDigits => Invalid::NipNotDigits.into(),
            BirthDate(v) => Issue::new(Invalid::NipBirthDate).with("value", v),
            TmtCpns(v) => Issue::new(Invalid::NipTmt).with("value", v),
            TmtBeforeBirth { tmt, birth_year } => {
                Issue::new(Invalid::NipTmtBeforeBirth).with("tmt", tmt).with("birth_year", birth_year)
            }
            Sex(c) => Issue::new(Invalid::NipSex).with("value", c),
            Sequence => Invalid::NipSequence.into(),
        }
    }
}

impl From<&kinerja_domain::tpp::TppRuleError> for Issue {
    fn from(e: &kinerja_domain::tpp::TppRuleError) -> Self {
        use kinerja_domain::tpp::TppRuleError::*;
        match e {
            SharesNot100 => Invalid::TppShares.into(),
            NoTarget => Invalid::TppTarget.into(),
            Bands => Invalid::TppBands.into(),
            Percent => Invalid::TppPercent.into(),
            ForfeitDays => Invalid::TppForfeitDays.into(),
        }
    }
}

impl From<&kinerja_domain::skp::CascadeError> for Issue {
    fn from(e: &kinerja_domain::skp::CascadeError) -> Self {
        use kinerja_domain::skp::CascadeError::*;
        match *e {
            PkYear { year, other } => Issue::new(Invalid::CascadePkYear).with("year", year).with("other", other),
            PkOwnUnit => Invalid::CascadePkOwnUnit.into(),
            JptNeedsPk => Invalid::CascadeJptNeedsPk.into(),
            NoSupervisor => Invalid::CascadeNoSupervisor.into(),
            RhkYear { year, other } => Issue::new(Invalid::CascadeRhkYear).with("year", year).with("other", other),
            NotSupervisors => Invalid::CascadeNotSupervisors.into(),
            RhkRequired => Invalid::CascadeRhkRequired.into(),
        }
    }
}

impl From<&kinerja_domain::ikm::WeightsError> for Issue {
    fn from(e: &kinerja_domain::ikm::WeightsError) -> Self {
        use kinerja_domain::ikm::WeightsError::*;
        match e {
            Count(n) => Issue::new(Invalid::WeightsCount).with("n", n),
            Negative => Invalid::WeightsNegative.into(),
            Sum(s) => Issue::new(Invalid::WeightsSum).with("sum", s),
        }
    }
}

impl From<&kinerja_domain::activity::LogError> for Issue {
    fn from(e: &kinerja_domain::activity::LogError) -> Self {
        use kinerja_domain::activity::LogError::*;
        match e {
            DateFuture => Invalid::ActivityDateFuture.into(),
            TooOld { days, earliest } => {
                Issue::new(Invalid::ActivityTooOld).with("days", days).with("earliest", earliest.format("%Y-%m-%d"))
            }
            Excused { date, excuse } => Issue::new(Invalid::ActivityOnExcusedDay)
                .with("date", date.format("%Y-%m-%d"))
                .with("excuse", excuse.label()),
            MinutesPositive => Invalid::MinutesPositive.into(),
            DayCap { date, total, cap, logged } => Issue::new(Invalid::DayCapExceeded)
                .with("date", date.format("%Y-%m-%d"))
                .with("total", total)
                .with("cap", cap)
                .with("logged", logged),
            TimeFormat(t) => Issue::new(Invalid::TimeFormat).with("value", t),
            EndBeforeStart => Invalid::EndBeforeStartTime.into(),
        }
    }
}

impl From<&kinerja_domain::rating::PatternError> for Issue {
    fn from(e: &kinerja_domain::rating::PatternError) -> Self {
        use kinerja_domain::rating::PatternError::*;
        match e {
            Duplicate(o) => Issue::new(Invalid::PatternDuplicate).with("value", o),
            NoPredikat => Invalid::PatternNoPredikat.into(),
            Percent(p) => Issue::new(Invalid::PatternPercent).with("value", p),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The placeholders of a template.
    fn placeholders(t: &str) -> Vec<&str> {
        t.split('{').skip(1).filter_map(|p| p.split('}').next()).collect()
    }

    #[test]
    fn every_kind_has_words_in_both_languages_with_the_same_placeholders() {
        for kind in Invalid::ALL {
            let (id, en) = (kind.template(false), kind.template(true));
            assert!(!id.is_empty() && !en.is_empty(), "{kind:?}");
            assert_ne!(id, en, "{kind:?} has no English words");
            let (mut a, mut b) = (placeholders(id), placeholders(en));
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{kind:?}");
            assert_eq!(Invalid::from_code(kind.code()), Some(kind));
        }
        let codes: std::collections::HashSet<_> = Invalid::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(codes.len(), Invalid::ALL.len(), "codes are unique");
    }

    #[test]
    fn the_code_is_the_wire_name() {
        for kind in Invalid::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.code());
        }
    }

    #[test]
    fn domain_errors_keep_their_indonesian_words() {
        use kinerja_domain::nip::NipError;
        let e = NipError::TmtBeforeBirth { tmt: "198001".into(), birth_year: 1985 };
        assert_eq!(Issue::from(&e).render(false), e.to_string());
        let p: kinerja_domain::PeriodError = "2026-13".parse::<kinerja_domain::Period>().unwrap_err();
        assert_eq!(Issue::from(&p).render(false), p.to_string());
        let w = kinerja_domain::ikm::check_weights(&[0.2; 9]).unwrap_err();
        assert_eq!(Issue::from(&w).render(false), w.to_string());
        assert_eq!(Issue::from(&w).render(true), "weights must add up to 1, not 1.8000");
        let rules =
            kinerja_domain::activity::LogRules { max_days_back: 7, max_minutes_per_day: 720, overtime_minutes: 270 };
        let mut cal = kinerja_domain::calendar::Calendar::office(Default::default());
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        // The same words, with the date as a person reads it (the domain's text has the ISO form).
        let cap = rules.limit(day, day, &cal).check_minutes(121, 600, day).unwrap_err();
        assert_eq!(Issue::from(&cap).render(false), cap.to_string().replace("2026-11-23", "Senin, 23/11/2026"));
        let long_ago = day - chrono::Duration::days(14);
        let old = rules.limit(long_ago, day, &cal).check_date(long_ago, day).unwrap_err();
        assert_eq!(Issue::from(&old).render(false), old.to_string().replace("2026-11-12", "Kamis, 12/11/2026"));
        cal.excused.insert(day, kinerja_domain::calendar::Excuse::Sakit);
        let away = rules.limit(day, day, &cal).check_date(day, day).unwrap_err();
        assert_eq!(Issue::from(&away).render(false), away.to_string().replace("2026-11-23", "Senin, 23/11/2026"));
    }
}
