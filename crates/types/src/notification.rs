//! In-app notifications: what happened (a [`Notice`]: a code and its parameters) and its text in
//! either language, rendered from the one table below by the server (the stored Indonesian title
//! and body, for API clients) and by the SPA (in the reader's language).

use crate::template::fill_for;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An in-app notification for the signed-in user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    pub id: i64,
    /// e.g. `skp.submitted`, `skp.approved`, `skp.returned`.
    pub kind: String,
    /// The title in Indonesian (for clients that do not render `notice`).
    pub title: String,
    /// The body in Indonesian (for clients that do not render `notice`).
    pub body: String,
    /// What happened, as a code with parameters, for clients that render their own language.
    /// Absent on notifications written before codes existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Notice>,
    /// Where in the app it leads, e.g. `/skp/12`.
    pub link: Option<String>,
    pub read_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// What a notification announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoticeCode {
    /// Params: `name`, `year`, `revision`.
    SkpSubmitted,
    /// Params: `year`.
    SkpApproved,
    /// Params: `year`.
    SkpApprovedByAdmin,
    /// Params: `year`, `reason`.
    SkpReturned,
    /// Params: `year`, `text`.
    RhkCascaded,
    /// Params: `date`, `note`.
    ActivityRejected,
    /// Params: `period`.
    AssessmentFinalized,
    /// Params: `period`.
    AssessmentAcknowledged,
    /// Params: `period`.
    AssessmentObjected,
    /// Params: `period`.
    AssessmentDecided,
    /// Params: `period`, `due`.
    ObjectionToAnswer,
    /// Params: `period`, `due`.
    ObjectionAnswered,
    /// Params: `text`.
    FeedbackFromSupervisor,
    /// Params: `name`, `text`.
    FeedbackReply,
    /// Params: `date`.
    DialogRecorded,
    /// Params: `session`, `description`, `due_on`.
    EvaluationFollowUp,
    /// Params: `name`, `period`, `note`.
    ReviewNote,
    /// Params: `name`, `period`, `note`.
    ReviewRequested,
    /// Params: `name`, `period`, `response`.
    ReviewAnswered,
    /// Params: `year`, `goals`.
    DevelopmentPlan,
    /// Params: `date`.
    ReminderDailyLog,
    /// Params: `year`, `due`.
    ReminderSkp,
    /// Params: `period`, `due`.
    ReminderObjection,
    /// Params: `count`, `days`.
    ReminderQueue,
    /// Params: `code`, `category`.
    ComplaintAssigned,
    /// Params: `code`, `due`.
    ComplaintOverdue,
    /// Params: `description`, `due`.
    ReminderFollowUp,
    /// Params: `period`, `closes_on`.
    PulseInvited,
    /// Params: `period`, `closes_on`.
    PulseReminder,
    /// Params: `description`, `year`.
    CommitmentTarget,
}

impl NoticeCode {
    /// Every code, for the tests that check each has its text.
    pub const ALL: [NoticeCode; 30] = [
        Self::SkpSubmitted,
        Self::SkpApproved,
        Self::SkpApprovedByAdmin,
        Self::SkpReturned,
        Self::RhkCascaded,
        Self::ActivityRejected,
        Self::AssessmentFinalized,
        Self::AssessmentAcknowledged,
        Self::AssessmentObjected,
        Self::AssessmentDecided,
        Self::ObjectionToAnswer,
        Self::ObjectionAnswered,
        Self::FeedbackFromSupervisor,
        Self::FeedbackReply,
        Self::DialogRecorded,
        Self::EvaluationFollowUp,
        Self::ReviewNote,
        Self::ReviewRequested,
        Self::ReviewAnswered,
        Self::DevelopmentPlan,
        Self::ReminderDailyLog,
        Self::ReminderSkp,
        Self::ReminderObjection,
        Self::ReminderQueue,
        Self::ComplaintAssigned,
        Self::ComplaintOverdue,
        Self::ReminderFollowUp,
        Self::PulseInvited,
        Self::PulseReminder,
        Self::CommitmentTarget,
    ];

    /// The title and body templates (`{param}` placeholders) in Indonesian or English.
    pub fn templates(self, english: bool) -> (&'static str, &'static str) {
        use NoticeCode::*;
        let (id, en) = match self {
            SkpSubmitted => (
                ("SKP {year} menunggu persetujuan Anda", "{name} mengajukan SKP tahun {year} (revisi {revision})."),
                ("SKP {year} awaits your approval", "{name} submitted the {year} SKP (revision {revision})."),
            ),
            SkpApproved => (
                ("SKP {year} disetujui", "SKP Anda telah ditetapkan oleh pejabat penilai."),
                ("SKP {year} approved", "Your appraising official has approved your SKP."),
            ),
            SkpApprovedByAdmin => (
                ("SKP {year} disetujui", "SKP Anda ditetapkan oleh admin karena pejabat penilai belum ada."),
                ("SKP {year} approved", "An administrator approved your SKP because no appraising official is set."),
            ),
            SkpReturned => (
                ("SKP {year} dikembalikan", "Catatan pejabat penilai: {reason}"),
                ("SKP {year} returned", "Appraising official's note: {reason}"),
            ),
            RhkCascaded => (
                ("RHK baru dari atasan", "Atasan Anda menurunkan RHK \"{text}\" ke SKP {year} Anda."),
                ("New RHK from your supervisor", "Your supervisor cascaded the RHK \"{text}\" to your {year} SKP."),
            ),
            ActivityRejected => (
                ("Aktivitas {date} ditolak", "Catatan penilai: {note}"),
                ("Activity of {date} rejected", "Appraiser's note: {note}"),
            ),
            AssessmentFinalized => (
                (
                    "Penilaian kinerja {period} telah difinalkan",
                    "Periksa penilaian Anda; terima, atau ajukan keberatan sebelum batas waktu.",
                ),
                (
                    "Performance rating {period} finalized",
                    "Review your rating; accept it, or file an objection before the deadline.",
                ),
            ),
            AssessmentAcknowledged => (
                ("Penilaian {period} diterima pegawai", "Pegawai telah menerima penilaian kinerjanya."),
                ("Rating {period} accepted by the employee", "The employee has accepted their performance rating."),
            ),
            AssessmentObjected => (
                (
                    "Keberatan atas penilaian {period}",
                    "Pegawai mengajukan keberatan; setelah tanggapan penilai, putuskan apakah penilaian dipertahankan atau diubah.",
                ),
                (
                    "Objection to rating {period}",
                    "The employee objected; after the appraiser's response, decide whether the rating stands or changes.",
                ),
            ),
            AssessmentDecided => (
                (
                    "Keberatan atas penilaian {period} telah diputuskan",
                    "Keberatan Anda telah diputuskan; keputusan ini final.",
                ),
                (
                    "Objection to rating {period} decided",
                    "Your objection has been decided; the decision is final.",
                ),
            ),
            ObjectionToAnswer => (
                (
                    "Tanggapi keberatan atas penilaian {period}",
                    "Pegawai mengajukan keberatan; berikan tanggapan tertulis paling lambat {due}.",
                ),
                (
                    "Respond to the objection to rating {period}",
                    "The employee objected; give your written response by {due}.",
                ),
            ),
            ObjectionAnswered => (
                (
                    "Penilai menanggapi keberatan atas penilaian {period}",
                    "Putuskan keberatan paling lambat {due}.",
                ),
                ("The appraiser responded to the objection to rating {period}", "Decide the objection by {due}.",
                ),
            ),
            FeedbackFromSupervisor => {
                (("Umpan balik dari atasan", "{text}"), ("Feedback from your supervisor", "{text}"))
            }
            FeedbackReply => (("Balasan dari {name}", "{text}"), ("Reply from {name}", "{text}")),
            DialogRecorded => (
                (
                    "Catatan dialog kinerja {date}",
                    "Atasan Anda mencatat hasil dialog kinerja beserta tindak lanjutnya.",
                ),
                ("Performance dialogue notes {date}", "Your supervisor recorded the dialogue's outcome and follow-up."),
            ),
            EvaluationFollowUp => (
                ("Tindak lanjut evaluasi \"{session}\"", "{description} (tenggat {due_on})"),
                ("Follow-up of evaluation \"{session}\"", "{description} (due {due_on})"),
            ),
            ReviewNote => (
                ("Catatan tim penilai untuk penilaian {name} periode {period}", "{note}"),
                ("Evaluation team's note on the rating of {name}, period {period}", "{note}"),
            ),
            ReviewRequested => (
                ("Tim penilai meminta tinjau ulang penilaian {name} periode {period}", "{note}"),
                ("The evaluation team asks to review the rating of {name}, period {period}", "{note}"),
            ),
            ReviewAnswered => (
                ("Penilai menanggapi tinjau ulang penilaian {name} periode {period}", "{response}"),
                ("The appraiser answered the review of {name}'s rating, period {period}", "{response}"),
            ),
            DevelopmentPlan => (
                ("Rencana pengembangan kompetensi {year}", "{goals}"),
                ("Competency development plan {year}", "{goals}"),
            ),
            ReminderDailyLog => (
                ("Aktivitas {date} belum dicatat", "Catat pekerjaan hari ini sebelum batas waktu, agar tidak menumpuk di akhir bulan."),
                ("Nothing logged for {date} yet", "Log today's work before the cut-off, so it does not pile up at the end of the month."),
            ),
            ReminderSkp => (
                ("SKP {year} belum diajukan", "Batas pengajuan SKP {year}: {due}. Susun dan ajukan SKP Anda sebelum tanggal itu."),
                ("The {year} SKP is not submitted yet", "The {year} SKP is due on {due}. Draft and submit yours before then."),
            ),
            ReminderObjection => (
                ("Batas keberatan penilaian {period}: {due}", "Terima penilaian Anda, atau ajukan keberatan sebelum batas waktu itu."),
                ("Objection deadline for the {period} rating: {due}", "Accept your rating, or object before that deadline."),
            ),
            ReminderQueue => (
                ("{count} aktivitas menunggu verifikasi Anda", "Yang terlama sudah menunggu lebih dari {days} hari kerja."),
                ("{count} activities wait for your verification", "The oldest has waited more than {days} working days."),
            ),
            ComplaintAssigned => (
                ("Pengaduan {code} didisposisikan ke unit Anda", "Pengaduan kategori {category} menunggu tindak lanjut unit Anda."),
                ("Complaint {code} was assigned to your unit", "A complaint about {category} awaits your unit's follow-up."),
            ),
            ComplaintOverdue => (
                ("Pengaduan {code} melewati batas waktu", "Batas waktu langkah berikutnya adalah {due}. Tindak lanjuti atau tunda dengan alasan."),
                ("Complaint {code} is overdue", "Its next step was due on {due}. Follow it up, or postpone it with a reason."),
            ),
            ReminderFollowUp => (
                ("Tindak lanjut evaluasi jatuh tempo {due}", "{description}"),
                ("An evaluation follow-up is due on {due}", "{description}"),
            ),
            PulseInvited => (
                ("Survei 360° perilaku kerja periode {period}", "Anda diminta menilai perilaku kerja rekan atau atasan Anda, tanpa nama, sampai {closes_on}. Jawaban hanya ditampilkan sebagai rata-rata dari sedikitnya tiga orang."),
                ("360° behaviour pulse for {period}", "You are asked to rate the behaviour of a co-worker or your supervisor, anonymously, by {closes_on}. Answers are only shown as an average of at least three people."),
            ),
            PulseReminder => (
                ("Pengingat: survei 360° periode {period}", "Survei ditutup {closes_on}; jawaban Anda belum masuk."),
                ("Reminder: 360° pulse for {period}", "The pulse closes on {closes_on}; your answer is still missing."),
            ),
            CommitmentTarget => (
                ("Komitmen forum menjadi RHK Anda ({year})", "{description}"),
                ("A forum commitment became your RHK ({year})", "{description}"),
            ),
        };
        if english {
            en
        } else {
            id
        }
    }
}

/// A notice: its code and the values of its placeholders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notice {
    pub code: NoticeCode,
    #[serde(default)]
    pub params: BTreeMap<String, String>,
}

impl Notice {
    /// A notice without parameters yet.
    pub fn new(code: NoticeCode) -> Self {
        Self { code, params: BTreeMap::new() }
    }

    /// Adds a parameter.
    pub fn with(mut self, name: &str, value: impl ToString) -> Self {
        self.params.insert(name.to_owned(), value.to_string());
        self
    }

    /// The title and body in Indonesian or English.
    pub fn render(&self, english: bool) -> (String, String) {
        let (title, body) = self.code.templates(english);
        (fill_for(title, &self.params, english), fill_for(body, &self.params, english))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_fills_its_documented_params_in_both_languages() {
        for code in NoticeCode::ALL {
            for english in [false, true] {
                let (title, body) = code.templates(english);
                let mut notice = Notice::new(code);
                for t in [title, body] {
                    for part in t.split('{').skip(1) {
                        let name = part.split('}').next().unwrap();
                        notice = notice.with(name, "X");
                    }
                }
                let (t, b) = notice.render(english);
                assert!(!t.contains('{') && !b.contains('{'), "{code:?}: {t} / {b}");
                assert!(!t.is_empty() && !b.is_empty(), "{code:?}");
            }
            let (id, en) = (code.templates(false), code.templates(true));
            assert_ne!(id.0, en.0, "{code:?} has no English title");
        }
    }

    #[test]
    fn a_parameter_value_is_not_read_as_a_placeholder() {
        let n = Notice::new(NoticeCode::SkpReturned).with("year", 2026).with("reason", "{year} salah");
        assert_eq!(n.render(false), ("SKP 2026 dikembalikan".into(), "Catatan pejabat penilai: {year} salah".into()));
        assert_eq!(n.render(true).0, "SKP 2026 returned");
    }

    #[test]
    fn codes_are_snake_case_on_the_wire() {
        let json = serde_json::to_string(&Notice::new(NoticeCode::SkpApprovedByAdmin).with("year", 2026)).unwrap();
        assert_eq!(json, r#"{"code":"skp_approved_by_admin","params":{"year":"2026"}}"#);
    }
}

/// One message of the outbox, as the admin's delivery log shows it (the recipient masked).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Delivery {
    pub id: i64,
    /// e.g. `complaint.filed`, `complaint.status`, `test`.
    pub event_kind: String,
    /// `email`, `whatsapp` or `webhook`.
    pub channel: String,
    /// e.g. `w***@contoh.id`, `62812*****890`, `webhook #3`.
    pub recipient: String,
    /// `pending`, `sent` or `dead` (given up); `held` for a daily digest, then `digested`.
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub next_attempt_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// A test message the admin sends to check a channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TestDelivery {
    /// An e-mail address, or a mobile number for WhatsApp.
    #[validate(length(min = 3, max = 254, message = "alamat 3 sampai 254 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 254))]
    pub to: String,
}

/// The groups of events a person may keep out of e-mail and WhatsApp (they stay in the app).
pub const MESSAGE_GROUPS: [&str; 6] = ["skp", "activity", "assessment", "evaluation", "feedback", "service"];

/// The channels a person may keep a group off (`whatsapp:feedback`).
pub const MESSAGE_CHANNELS: [&str; 2] = ["email", "whatsapp"];

/// A person's messages outside the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageSettings {
    pub email: Option<String>,
    /// Messages go to the address only once a code sent to it was entered.
    pub email_verified: bool,
    /// In international form, `6281234567890`.
    pub whatsapp: Option<String>,
    pub whatsapp_verified: bool,
    /// What is not sent outside the app: a group of [`MESSAGE_GROUPS`] (on no channel), or
    /// `channel:group` (`whatsapp:feedback`: not on that channel).
    pub muted: Vec<String>,
    /// Quiet hours, local `HH:MM`: messages due inside them wait for the end.
    pub quiet_from: Option<String>,
    pub quiet_to: Option<String>,
    /// One message a day, at the Pemda's digest time, instead of one per event.
    pub digest: bool,
    /// The channels this server is set up to send on (`email`, `whatsapp`).
    pub channels: Vec<String>,
}

/// What a person chooses: the groups kept out (on every channel, or on one), quiet hours (both
/// or neither), and a daily digest instead of single messages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessagePreferences {
    /// A group (`feedback`) or a group on one channel (`whatsapp:feedback`).
    #[serde(default)]
    #[validate(length(max = 18))]
    #[cfg_attr(feature = "openapi", schema(max_items = 18))]
    pub muted: Vec<String>,
    #[serde(default)]
    pub digest: bool,
    /// `HH:MM`.
    #[serde(default)]
    pub quiet_from: Option<String>,
    /// `HH:MM`.
    #[serde(default)]
    pub quiet_to: Option<String>,
}

/// A new e-mail address or WhatsApp number: a code is sent to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactChange {
    #[validate(length(min = 3, max = 254, message = "alamat 3 sampai 254 karakter"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 254))]
    pub address: String,
}

/// The code received at the new address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, validator::Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactCode {
    /// `email` or `whatsapp`.
    #[validate(length(min = 1, max = 16))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 16))]
    pub channel: String,
    #[validate(length(min = 6, max = 6, message = "kode terdiri dari 6 angka"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 6, max_length = 6))]
    pub code: String,
}
