//! Every screen of the app, with its path and who may open it.

use kinerja_domain::Role;
use kinerja_types::Me;
use yew_router::Routable;

/// The screens. Paths are Indonesian, like the rest of the UI.
#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/masuk")]
    Login,
    #[at("/atur-ulang/:token")]
    ResetPassword { token: String },
    #[at("/dasbor")]
    Dashboard,
    #[at("/dasbor/:unit_id")]
    UnitDashboard { unit_id: i64 },
    #[at("/kota")]
    City,
    #[at("/tpp")]
    Tpp,
    #[at("/kompetensi")]
    Competencies,
    #[at("/peta-kompetensi")]
    CompetencyGaps,
    #[at("/token-api")]
    ApiTokens,
    #[at("/pengiriman")]
    Deliveries,
    #[at("/kualitas-data")]
    DataQuality,
    #[at("/aktivitas")]
    Activities,
    #[at("/aktivitas/verifikasi")]
    Verification,
    #[at("/aktivitas/tim")]
    TeamActivities,
    #[at("/skp")]
    MySkp,
    #[at("/skp/tim")]
    TeamSkp,
    #[at("/skp/:id")]
    SkpDetail { id: i64 },
    #[at("/realisasi")]
    MyRealization,
    #[at("/realisasi/:skp_id")]
    Realization { skp_id: i64 },
    #[at("/umpan-balik")]
    MyFeedback,
    #[at("/umpan-balik/:employee_id")]
    Feedback { employee_id: i64 },
    #[at("/penilaian")]
    Assessments,
    #[at("/penilaian/keberatan")]
    Objections,
    #[at("/penilaian/nilai/:employee_id/:period")]
    RateEmployee { employee_id: i64, period: String },
    #[at("/penilaian/:id")]
    AssessmentDetail { id: i64 },
    #[at("/kalibrasi")]
    Calibration,
    #[at("/peta-kinerja")]
    PerformanceMap,
    #[at("/notifikasi")]
    Notifications,
    #[at("/profil")]
    Profile,
    #[at("/unit")]
    Units,
    #[at("/pegawai")]
    Employees,
    #[at("/pegawai/:id")]
    EmployeeDetail { id: i64 },
    #[at("/pengaturan")]
    Settings,
    #[at("/audit")]
    Audit,
    #[at("/pengaduan-masuk")]
    Complaints,
    #[at("/pengaduan-masuk/:id")]
    ComplaintDetail { id: i64 },
    #[at("/ikm")]
    Ikm,
    #[at("/forum")]
    Forums,
    #[at("/forum/:id")]
    ForumDetail { id: i64 },
    #[at("/tim-penilai")]
    EvaluationTeam,
    #[at("/evaluasi")]
    EvaluationSessions,
    #[at("/survei-360")]
    Pulse,
    #[at("/talenta")]
    Talent,
    // The citizen pages: no sign-in, their own plain frame.
    #[at("/layanan")]
    ServiceUnits,
    #[at("/survei/:code")]
    Survey { code: String },
    #[at("/survei/:code/poster")]
    SurveyPoster { code: String },
    #[at("/pengaduan")]
    FileComplaint,
    #[at("/lacak")]
    Track,
    #[at("/lacak/:code")]
    TrackCode { code: String },
    #[at("/forum-publik")]
    PublicForums,
    #[at("/forum-publik/:id")]
    PublicForum { id: i64 },
    #[at("/nilai-petugas/:code")]
    PublicPulse { code: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The screens in the navigation, in order.
    pub const NAV: &'static [Route] = &[
        Route::Home,
        Route::Dashboard,
        Route::City,
        Route::Activities,
        Route::Verification,
        Route::TeamActivities,
        Route::MySkp,
        Route::TeamSkp,
        Route::MyRealization,
        Route::MyFeedback,
        Route::Assessments,
        Route::Objections,
        Route::PerformanceMap,
        Route::Calibration,
        Route::EvaluationTeam,
        Route::EvaluationSessions,
        Route::Pulse,
        Route::Talent,
        Route::Tpp,
        Route::Competencies,
        Route::CompetencyGaps,
        Route::Complaints,
        Route::Ikm,
        Route::Forums,
        Route::Profile,
        Route::Units,
        Route::Employees,
        Route::Settings,
        Route::ApiTokens,
        Route::Deliveries,
        Route::DataQuality,
        Route::Audit,
    ];

    /// How many things wait on this screen for the person's decision (the count beside its link in
    /// the menu and on its home card); 0 for screens without a queue.
    pub fn waiting(&self, waiting: &kinerja_types::Waiting) -> u64 {
        match self {
            Route::Verification => waiting.activities,
            Route::TeamSkp => waiting.skps,
            Route::Objections => waiting.objections,
            _ => 0,
        }
    }

    /// Whether the screen can be seen without signing in.
    pub fn is_public(&self) -> bool {
        matches!(self, Route::Login | Route::ResetPassword { .. } | Route::NotFound) || self.is_citizen()
    }

    /// Whether the screen is for citizens: shown in the public frame, signed in or not.
    pub fn is_citizen(&self) -> bool {
        matches!(
            self,
            Route::ServiceUnits
                | Route::Survey { .. }
                | Route::SurveyPoster { .. }
                | Route::FileComplaint
                | Route::Track
                | Route::TrackCode { .. }
                | Route::PublicForums
                | Route::PublicForum { .. }
                | Route::PublicPulse { .. }
        )
    }

    /// Whether `me` may open the screen. The server checks again; this only hides what would fail.
    pub fn allows(&self, me: &Me) -> bool {
        match self {
            Route::MySkp | Route::Activities | Route::TeamActivities | Route::MyRealization | Route::MyFeedback => {
                me.employee.is_some()
            }
            // Heads, admins and auditors also open someone's ratings from a dashboard.
            Route::Assessments => me.employee.is_some() || Self::oversees(me),
            Route::TeamSkp | Route::Verification | Route::RateEmployee { .. } => me.is_supervisor,
            // The atasan penilai of an objection is the penilai's own supervisor; the BKPSDM
            // decides for the PPK where the penilai has no atasan.
            Route::Objections => me.is_supervisor || me.has(Role::Admin),
            Route::PerformanceMap
            | Route::Calibration
            | Route::Dashboard
            | Route::UnitDashboard { .. }
            | Route::Tpp
            | Route::CompetencyGaps => Self::oversees(me),
            Route::Competencies => me.employee.is_some() || me.is_supervisor || Self::oversees(me),
            Route::City => me.has(Role::Admin) || me.has(Role::Auditor),
            Route::Settings | Route::ApiTokens | Route::Deliveries => me.has(Role::Admin),
            Route::Audit => me.has(Role::Admin) || me.has(Role::Auditor),
            Route::DataQuality => Self::oversees(me),
            // Operators and heads of service units handle complaints; admins too; auditors read.
            Route::Complaints | Route::ComplaintDetail { .. } | Route::Ikm => {
                [Role::OperatorLayanan, Role::KepalaUnit, Role::Admin, Role::Auditor].iter().any(|r| me.has(*r))
            }
            // Heads and operators run their units' forums; admins too; auditors read.
            Route::Forums | Route::ForumDetail { .. } => {
                [Role::OperatorLayanan, Role::KepalaUnit, Role::Admin, Role::Auditor].iter().any(|r| me.has(*r))
            }
            // The team and admins work here; auditors read; penilai, employees and heads read the
            // team's notes on their ratings.
            Route::EvaluationTeam => {
                me.is_team_member || me.is_supervisor || me.employee.is_some() || Self::oversees(me)
            }
            // Heads record sessions; the owners of follow-ups report them done.
            Route::EvaluationSessions => me.employee.is_some() || Self::oversees(me),
            // Everyone may be asked; penilai, heads and admins open rounds; auditors read them.
            Route::Pulse => me.employee.is_some() || Self::oversees(me),
            Route::Talent => Self::oversees(me),
            _ => true,
        }
    }

    /// Whether the screen is listed for `me` in the navigation and on the home page: those it
    /// allows, except someone else's ratings for those who have none of their own.
    pub fn listed_for(&self, me: &Me) -> bool {
        self.allows(me) && (*self != Route::Assessments || me.employee.is_some())
    }

    /// Heads of units, admins and auditors: those who read a unit's figures.
    fn oversees(me: &Me) -> bool {
        me.has(Role::KepalaUnit) || me.has(Role::Admin) || me.has(Role::Auditor)
    }

    /// The i18n key of the screen's name.
    pub fn label_key(&self) -> &'static str {
        match self {
            Route::Home => "nav.home",
            Route::Login | Route::ResetPassword { .. } => "nav.login",
            Route::Dashboard => "nav.dashboard",
            Route::UnitDashboard { .. } => "nav.unit_dashboard",
            Route::City => "nav.city",
            Route::Tpp => "nav.tpp",
            Route::Competencies => "nav.competencies",
            Route::CompetencyGaps => "nav.competency_gaps",
            Route::ApiTokens => "nav.api_tokens",
            Route::Deliveries => "nav.deliveries",
            Route::DataQuality => "nav.data_quality",
            Route::Activities => "nav.activities",
            Route::Verification => "nav.verification",
            Route::TeamActivities => "nav.team_activities",
            Route::MyRealization | Route::Realization { .. } => "nav.realization",
            Route::MyFeedback | Route::Feedback { .. } => "nav.feedback",
            Route::MySkp => "nav.skp",
            Route::TeamSkp => "nav.skp_team",
            Route::SkpDetail { .. } => "nav.skp_detail",
            Route::Assessments => "nav.assessments",
            Route::Objections => "nav.objections",
            Route::RateEmployee { .. } => "nav.rate",
            Route::AssessmentDetail { .. } => "nav.assessment_detail",
            Route::Calibration => "nav.calibration",
            Route::PerformanceMap => "nav.performance_map",
            Route::Notifications => "nav.notifications",
            Route::Profile => "nav.profile",
            Route::Units => "nav.units",
            Route::Employees | Route::EmployeeDetail { .. } => "nav.employees",
            Route::Settings => "nav.settings",
            Route::Audit => "nav.audit",
            Route::Complaints => "nav.complaints",
            Route::ComplaintDetail { .. } => "nav.complaint_detail",
            Route::Ikm => "nav.ikm",
            Route::Forums => "nav.forums",
            Route::ForumDetail { .. } => "nav.forum_detail",
            Route::EvaluationTeam => "nav.evaluation_team",
            Route::EvaluationSessions => "nav.evaluation_sessions",
            Route::Pulse => "nav.pulse",
            Route::Talent => "nav.talent",
            Route::PublicPulse { .. } => "nav.public_pulse",
            Route::PublicForums => "nav.public_forums",
            Route::PublicForum { .. } => "nav.public_forum",
            Route::ServiceUnits => "nav.service_units",
            Route::Survey { .. } => "nav.survey",
            Route::SurveyPoster { .. } => "nav.survey_poster",
            Route::FileComplaint => "nav.file_complaint",
            Route::Track | Route::TrackCode { .. } => "nav.track",
            Route::NotFound => "nav.not_found",
        }
    }
}
