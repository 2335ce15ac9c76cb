//! What each column of a download is, by its machine name: the Indonesian header a person reads,
//! and the kind of value, so a spreadsheet gets hours instead of minutes, percentages instead of
//! fractions, dates as dates and a NIP as text (18 digits would lose their tail as a number).
//! Every column of every list and report is here; a test asks every download for its header row
//! and fails on a name this table does not know.

/// How a column's values are written in a spreadsheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Words, written as they are.
    Text,
    /// Digits that are not a quantity (NIP, tracking code): kept as text.
    Code,
    /// A whole number (a count, an id).
    Integer,
    /// A number with decimals.
    Number,
    /// Minutes, shown as hours.
    Hours,
    /// A fraction from 0 to 1, shown as a percentage.
    Percent,
    /// `YYYY-MM-DD`.
    Date,
    /// An RFC 3339 instant.
    Instant,
    /// `true` / `false`, shown as Ya / Tidak.
    Flag,
    /// A term of the domain in `snake_case` (`sangat_baik`, `approved`), shown in words.
    Term,
}

/// The Indonesian header and the kind of a column; `None` for a name this table does not know.
pub fn column(name: &str) -> Option<(&'static str, Kind)> {
    use Kind::*;
    let known = match name {
        "id" => ("ID", Integer),
        "nip" => ("NIP", Code),
        "employee_nip" => ("NIP pegawai", Code),
        "name" => ("Nama", Text),
        "employee_name" => ("Nama pegawai", Text),
        "employee_id" => ("ID pegawai", Integer),
        "unit" | "unit_name" => ("Unit", Text),
        "unit_id" => ("ID unit", Integer),
        "units" => ("Unit", Text),
        "position" | "position_title" => ("Jabatan", Text),
        "position_kind" => ("Jenis jabatan", Term),
        "employment_type" => ("Status kepegawaian", Term),
        "supervisor_id" => ("ID atasan", Integer),
        "parent_id" => ("ID unit induk", Integer),
        "code" => ("Kode", Code),
        "kind" => ("Jenis", Term),
        "class" => ("Golongan", Term),
        "category" => ("Kategori", Term),
        "is_service_unit" => ("Unit layanan", Flag),
        "active" => ("Aktif", Flag),
        "username" => ("Nama pengguna", Code),
        "roles" => ("Peran", Text),
        "access" => ("Akses", Term),
        "prefix" => ("Awalan", Code),
        "created_at" => ("Dibuat", Instant),
        "created_by" => ("Dibuat oleh", Text),
        "last_used_at" => ("Terakhir dipakai", Instant),
        "revoked_at" => ("Dicabut", Instant),
        "year" => ("Tahun", Integer),
        "month" => ("Bulan", Code),
        "period" => ("Periode", Code),
        "date" => ("Tanggal", Date),
        "start" => ("Mulai", Code),
        "end" => ("Selesai", Code),
        "starts_on" => ("Berlaku mulai", Date),
        "ends_on" => ("Berlaku sampai", Date),
        "due_on" => ("Tenggat", Date),
        "deadline" => ("Tenggat", Date),
        "held_on" => ("Tanggal pelaksanaan", Date),
        "filed_on" => ("Tanggal masuk", Date),
        "at" => ("Waktu", Instant),
        "status" => ("Status", Term),
        "status_label" => ("Status", Text),
        "from_status" => ("Dari status", Term),
        "to_status" => ("Ke status", Term),
        "minutes" => ("Jam kerja", Hours),
        "approved_minutes" => ("Jam kerja disetujui", Hours),
        "target_minutes" => ("Target jam kerja", Hours),
        "excused_days" => ("Hari cuti/izin", Integer),
        "work_pattern" => ("Pola kerja", Text),
        "birth_date" => ("Tanggal lahir", Date),
        "sex" => ("Jenis kelamin", Text),
        "supervisor_reason" => ("Alasan atasan di OPD lain", Text),
        "check" => ("Pemeriksaan", Text),
        "blocking" => ("Menghambat", Flag),
        "opd_id" => ("ID OPD", Integer),
        "opd_name" => ("OPD", Text),
        "record_kind" => ("Jenis data", Term),
        "record_id" => ("ID data", Integer),
        "record" => ("Data", Text),
        "detail" => ("Rincian", Text),
        "fix" => ("Cara memperbaiki", Text),
        "reference" => ("Nomor surat", Text),
        "minutes_per_employee" => ("Jam kerja disetujui per pegawai", Hours),
        "description" => ("Uraian", Text),
        "text" => ("Isi", Text),
        "title" => ("Judul", Text),
        "topic" => ("Topik", Text),
        "place" => ("Tempat", Text),
        "body" => ("Isi", Text),
        "note" | "notes" => ("Catatan", Text),
        "reason" => ("Alasan", Text),
        "key" => ("Kunci rekaman", Code),
        "change" => ("Perubahan", Term),
        "idempotency_key" => ("Kunci idempotensi", Code),
        "updated_at" => ("Diperbarui", Instant),
        "output_qty" => ("Jumlah output", Number),
        "activity_id" => ("ID aktivitas", Integer),
        "assessment_id" => ("ID penilaian", Integer),
        "skp_id" => ("ID SKP", Integer),
        "session_id" => ("ID sesi", Integer),
        "team_id" => ("ID tim", Integer),
        "team_name" => ("Tim", Text),
        "pk_goal_id" => ("ID sasaran PK", Integer),
        "rhk_id" => ("ID RHK", Integer),
        "parent_rhk_id" => ("ID RHK atasan", Integer),
        "previous_id" => ("ID sebelumnya", Integer),
        "rhk" | "rhk_text" => ("Rencana hasil kerja", Text),
        "parent_text" => ("RHK atasan", Text),
        "rhk_count" => ("Jumlah RHK", Integer),
        "evidence_ids" => ("ID bukti", Text),
        "reject_note" => ("Catatan penolakan", Text),
        "return_reason" => ("Alasan dikembalikan", Text),
        "approach" => ("Pendekatan", Term),
        "revision" => ("Revisi", Integer),
        "superseded" => ("Digantikan", Flag),
        "submitted_at" => ("Diajukan", Instant),
        "approved_at" => ("Disetujui", Instant),
        "finalized_at" => ("Difinalkan", Instant),
        "objected_at" => ("Keberatan diajukan", Instant),
        "responded_at" => ("Ditanggapi", Instant),
        "read_at" => ("Dibaca", Instant),
        "done_at" => ("Selesai pada", Instant),
        "annulled_at" => ("Dibatalkan", Instant),
        "penilai_id" => ("ID pejabat penilai", Integer),
        "penilai_name" => ("Pejabat penilai", Text),
        "atasan_penilai_id" => ("ID atasan pejabat penilai", Integer),
        "atasan_penilai_name" => ("Atasan pejabat penilai", Text),
        "result_rating" => ("Hasil kerja", Term),
        "behavior_rating" => ("Perilaku kerja", Term),
        "behavior_notes" => ("Catatan perilaku", Text),
        "behaviors" => ("Perilaku", Text),
        "predikat" => ("Predikat", Term),
        "result_departure_reason" => ("Alasan selisih hasil kerja", Text),
        "objection_reason" => ("Alasan keberatan", Text),
        "objection_deadline" => ("Batas keberatan", Date),
        "penilai_response" => ("Tanggapan penilai", Text),
        "decision_outcome" => ("Keputusan", Term),
        "decision_reason" => ("Alasan keputusan", Text),
        "decision_deadline" => ("Batas keputusan", Date),
        "decision_overdue" => ("Keputusan terlambat", Flag),
        "decider" => ("Pemutus", Text),
        "decisions" => ("Keputusan", Text),
        "reviews" => ("Telaah", Integer),
        "flag" => ("Ditandai", Flag),
        "flag_status" => ("Status tanda", Term),
        "open_flags" => ("Tanda terbuka", Integer),
        "recommendation" => ("Rekomendasi", Text),
        "performance" => ("Kinerja (%)", Number),
        "discipline" => ("Disiplin (%)", Number),
        "tpp_percent" => ("TPP (%)", Number),
        "late_days" => ("Hari terlambat", Integer),
        "lateness_deduction" => ("Potongan terlambat (%)", Number),
        "early_leave_days" => ("Hari pulang cepat", Integer),
        "early_leave_deduction" => ("Potongan pulang cepat (%)", Number),
        "missed_apel" => ("Apel tidak diikuti", Integer),
        "apel_deduction" => ("Potongan apel (%)", Number),
        "absent_days" => ("Hari tidak hadir", Integer),
        "absence_deduction" => ("Potongan tidak hadir (%)", Number),
        "absence_forfeited" => ("TPP gugur karena absen", Flag),
        "sanction" => ("Hukuman disiplin", Term),
        "sanction_deduction" => ("Potongan hukuman disiplin (%)", Number),
        "level" => ("Tingkat", Term),
        "levels" => ("Tingkat", Text),
        "decree" | "decree_number" => ("Nomor SK", Code),
        "tracking_code" => ("Kode pelacakan", Code),
        "contact" => ("Kontak", Code),
        "officer" => ("Petugas", Text),
        "public_response" => ("Tanggapan untuk publik", Text),
        "response" => ("Tanggapan", Text),
        "response_deadline" => ("Batas tanggapan", Date),
        "overdue" => ("Terlambat", Flag),
        "disposition_unit_id" => ("ID unit disposisi", Integer),
        "referred_to" => ("Dirujuk ke", Text),
        "postponed_until" => ("Ditunda sampai", Date),
        "postpone_reason" => ("Alasan penundaan", Text),
        "done_note" => ("Catatan selesai", Text),
        "grade" => ("Mutu", Term),
        "ikm" => ("IKM", Number),
        "respondents" | "ikm_respondents" => ("Responden", Integer),
        "published" => ("Diumumkan", Flag),
        "accepts_input" => ("Menerima masukan", Flag),
        "attendees" => ("Peserta", Integer),
        "input_count" => ("Jumlah masukan", Integer),
        "inputs" => ("Masukan", Integer),
        "commitments" => ("Komitmen", Integer),
        "open_commitments" => ("Komitmen terbuka", Integer),
        "follow_ups" => ("Tindak lanjut", Integer),
        "focus" => ("Fokus", Text),
        "members" => ("Anggota", Text),
        "employees" => ("Pegawai", Integer),
        "owner_id" => ("ID penanggung jawab", Integer),
        "owner_name" => ("Penanggung jawab", Text),
        "author_user_id" => ("ID pengguna penulis", Integer),
        "author_name" => ("Penulis", Text),
        "core_value" => ("Nilai dasar BerAKHLAK", Term),
        "mandatory" => ("Wajib", Flag),
        "requirements" => ("Persyaratan", Text),
        "trainings" => ("Pelatihan", Integer),
        "jp_planned" => ("JP direncanakan", Integer),
        "jp_completed" => ("JP terlaksana", Integer),
        "goals" => ("Sasaran", Text),
        "indicators" => ("Indikator", Text),
        "link" => ("Tautan", Text),
        "notice" => ("Pemberitahuan", Text),
        "routes" => ("Rute", Text),
        "action" => ("Tindakan", Code),
        "actor" => ("Pelaku", Text),
        "actor_user_id" => ("ID pengguna pelaku", Integer),
        "entity" => ("Jenis data", Code),
        "entity_id" => ("ID data", Integer),
        "before" => ("Sebelum", Text),
        "after" => ("Sesudah", Text),
        "hash" => ("Sidik", Code),
        "headcount" => ("Jumlah pegawai", Integer),
        "skp_approved" => ("SKP disetujui", Integer),
        "skp_none" => ("Belum ada SKP", Integer),
        "skp_completion" => ("Kelengkapan SKP", Percent),
        "activities_approved" => ("Aktivitas disetujui", Integer),
        "activities_pending" => ("Aktivitas menunggu", Integer),
        "complaints_open" => ("Pengaduan terbuka", Integer),
        "complaints_overdue" => ("Pengaduan terlambat", Integer),
        "sangat_baik" => ("Sangat Baik", Integer),
        "baik" => ("Baik", Integer),
        "butuh_perbaikan" => ("Butuh Perbaikan", Integer),
        "kurang" => ("Kurang", Integer),
        "sangat_kurang" => ("Sangat Kurang", Integer),
        "attention" => ("Perlu perhatian", Integer),
        _ => return None,
    };
    Some(known)
}

/// The header of a column whose name usually means a quantity, where a list holds words under it.
pub fn as_text(name: &str) -> Option<&'static str> {
    match name {
        "minutes" => Some("Notulen"),
        "inputs" => Some("Masukan"),
        "commitments" => Some("Komitmen"),
        _ => None,
    }
}

/// A status word of the API in Indonesian; other `snake_case` terms (already Indonesian:
/// `sangat_baik`, `di_atas`) read as words ("Sangat baik", "Di atas").
pub fn term(value: &str) -> String {
    let word = match value {
        "draft" => "Draf",
        "submitted" => "Diajukan",
        "approved" => "Disetujui",
        "rejected" => "Ditolak",
        "returned" => "Dikembalikan",
        "finalized" => "Final",
        "acknowledged" => "Diterima pegawai",
        "objected" => "Keberatan",
        "decided" => "Diputuskan",
        "upheld" => "Dikuatkan",
        "changed" => "Diubah",
        "received" => "Diterima",
        "verified" => "Terverifikasi",
        "dispositioned" => "Didisposisikan",
        "responded" => "Ditanggapi",
        "closed" => "Selesai",
        "open" => "Terbuka",
        "done" => "Selesai",
        "in_progress" => "Berjalan",
        "read" => "Baca",
        "write" => "Tulis",
        "employee" => "Pegawai",
        "unit" => "Unit",
        "rhk" => "RHK",
        "new" => "Baru",
        "unchanged" => "Tetap",
        "removed" => "Dihapus",
        "blocked" => "Tertahan",
        "exported" => "Diekspor",
        "sent" => "Terkirim",
        "accepted" => "Diterima",
        "skipped" => "Tidak dikirim ulang",
        "failed" => "Gagal terkirim",
        "pending" => "Menunggu",
        "refused" => "Ditolak",
        _ => {
            let spaced = value.replace('_', " ");
            let mut chars = spaced.chars();
            return match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            };
        }
    };
    word.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_read_as_words() {
        assert_eq!(term("approved"), "Disetujui");
        assert_eq!(term("sangat_baik"), "Sangat baik");
        assert_eq!(term("di_atas"), "Di atas");
        assert_eq!(term(""), "");
    }

    #[test]
    fn a_nip_stays_text_and_minutes_become_hours() {
        assert_eq!(column("nip"), Some(("NIP", Kind::Code)));
        assert_eq!(column("minutes").map(|c| c.1), Some(Kind::Hours));
        assert_eq!(column("no_such_column"), None);
    }
}
