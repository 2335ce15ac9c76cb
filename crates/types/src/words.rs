//! The words of the citizen pages, Indonesian beside English: the frame, the satisfaction survey
//! (its questionnaire of PermenPANRB 14/2017, profile and thank-you), and the published index. Both
//! the SPA's dictionary and the server-rendered survey page (`crates/api/src/pages`) read them, so
//! the one questionnaire is worded once. `{name}` marks a value filled in where it is shown.

use kinerja_domain::ikm::UNSUR;

/// (key, Bahasa Indonesia, English)
pub const PUBLIC_WORDS: &[(&str, &str, &str)] = &[
    ("common.cancel", "Batal", "Cancel"),
    // Errors the citizen pages show
    (
        "error.network",
        "Tidak dapat menghubungi server. Periksa koneksi Anda lalu coba lagi.",
        "Cannot reach the server. Check your connection and try again.",
    ),
    ("header.switch_language", "Switch to English", "Ganti ke Bahasa Indonesia"),
    // Citizen pages: the public frame
    ("public.brand", "Layanan Publik", "Public Services"),
    ("public.tagline", "Survei kepuasan dan pengaduan masyarakat", "Satisfaction surveys and public complaints"),
    ("public.nav", "Layanan untuk masyarakat", "Services for citizens"),
    ("public.link.survey", "Isi survei", "Fill in a survey"),
    ("public.link.complaint", "Sampaikan pengaduan", "File a complaint"),
    ("public.link.track", "Lacak pengaduan", "Track a complaint"),
    ("public.staff", "Petugas?", "Staff?"),
    ("public.staff_login", "Masuk ke Kinerja", "Sign in to Kinerja"),
    ("public.honeypot", "Kosongkan kolom ini", "Leave this empty"),
    ("public.units_title", "Unit layanan", "Service units"),
    (
        "public.units_lead",
        "Pilih unit yang baru saja melayani Anda untuk mengisi survei kepuasan atau menyampaikan pengaduan.",
        "Choose the unit that just served you to fill in the satisfaction survey or file a complaint.",
    ),
    ("public.units_filter", "Cari unit", "Find a unit"),
    ("public.units_filter_hint", "Nama unit, misalnya puskesmas", "Unit name, e.g. puskesmas"),
    ("public.units_empty", "Belum ada unit layanan.", "There are no service units yet."),
    ("public.units_none_match", "Tidak ada unit yang cocok.", "No unit matches."),
    ("public.fill_survey", "Isi survei", "Fill in the survey"),
    ("public.choose_unit", "Pilih unit layanan", "Choose a service unit"),
    ("public.back_to_units", "Kembali ke daftar unit", "Back to the units"),
    // The page of the "stop messages" link in messages about a complaint
    ("stop.title", "Berhenti menerima pesan", "Stop the messages"),
    (
        "stop.question",
        "Anda tidak akan lagi menerima pesan tentang pengaduan {code}. Pengaduannya tetap ditangani dan dapat dilacak dengan kodenya.",
        "You will no longer receive messages about complaint {code}. It is still handled and can be tracked with its code.",
    ),
    ("stop.confirm", "Hentikan pesan", "Stop the messages"),
    ("stop.done", "Pesan tentang pengaduan {code} sudah dihentikan.", "Messages about complaint {code} have been stopped."),
    ("stop.track", "Lacak pengaduan ini", "Track this complaint"),
    ("stop.unknown", "Tautan ini tidak dikenal. Periksa kembali alamatnya.", "This link is not known. Check the address."),
    // The satisfaction survey (SKM, PermenPANRB 14/2017); the unsur names are the domain's
    ("unsur.1", UNSUR[0], "Requirements"),
    ("unsur.2", UNSUR[1], "Systems, mechanisms and procedures"),
    ("unsur.3", UNSUR[2], "Completion time"),
    ("unsur.4", UNSUR[3], "Cost/fee"),
    ("unsur.5", UNSUR[4], "Service products and specifications"),
    ("unsur.6", UNSUR[5], "Staff competence"),
    ("unsur.7", UNSUR[6], "Staff conduct"),
    ("unsur.8", UNSUR[7], "Handling of complaints, suggestions and input"),
    ("unsur.9", UNSUR[8], "Facilities and infrastructure"),
    ("survey.title", "Survei Kepuasan Masyarakat", "Public Satisfaction Survey"),
    (
        "survey.lead",
        "Sembilan pertanyaan singkat tentang layanan yang baru Anda terima. Tanpa nama, tanpa akun.",
        "Nine short questions about the service you just received. No name, no account.",
    ),
    ("survey.unknown_unit", "Unit layanan dengan kode {code} tidak ditemukan.", "No service unit has the code {code}."),
    (
        "survey.question.1",
        "Bagaimana pendapat Anda tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        "How well did the requirements match the kind of service?",
    ),
    (
        "survey.question.2",
        "Bagaimana pendapat Anda tentang kemudahan prosedur pelayanan di unit ini?",
        "How easy was the service procedure at this unit?",
    ),
    (
        "survey.question.3",
        "Bagaimana pendapat Anda tentang kecepatan waktu dalam memberikan pelayanan?",
        "How quickly was the service given?",
    ),
    (
        "survey.question.4",
        "Bagaimana pendapat Anda tentang kewajaran biaya/tarif dalam pelayanan?",
        "How fair was the cost or fee of the service?",
    ),
    (
        "survey.question.5",
        "Bagaimana pendapat Anda tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
        "How well did what you received match what the service standard promises?",
    ),
    (
        "survey.question.6",
        "Bagaimana pendapat Anda tentang kompetensi/kemampuan petugas dalam pelayanan?",
        "How competent were the staff who served you?",
    ),
    (
        "survey.question.7",
        "Bagaimana pendapat Anda tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
        "How polite and friendly were the staff?",
    ),
    (
        "survey.question.8",
        "Bagaimana pendapat Anda tentang penanganan pengaduan pengguna layanan?",
        "How are complaints of service users handled?",
    ),
    (
        "survey.question.9",
        "Bagaimana pendapat Anda tentang kualitas sarana dan prasarana?",
        "How good are the facilities and infrastructure?",
    ),
    ("survey.scale.1.1", "Tidak sesuai", "Not matching"),
    ("survey.scale.1.2", "Kurang sesuai", "Barely matching"),
    ("survey.scale.1.3", "Sesuai", "Matching"),
    ("survey.scale.1.4", "Sangat sesuai", "Fully matching"),
    ("survey.scale.2.1", "Tidak mudah", "Not easy"),
    ("survey.scale.2.2", "Kurang mudah", "Not very easy"),
    ("survey.scale.2.3", "Mudah", "Easy"),
    ("survey.scale.2.4", "Sangat mudah", "Very easy"),
    ("survey.scale.3.1", "Tidak cepat", "Not quick"),
    ("survey.scale.3.2", "Kurang cepat", "Not very quick"),
    ("survey.scale.3.3", "Cepat", "Quick"),
    ("survey.scale.3.4", "Sangat cepat", "Very quick"),
    ("survey.scale.4.1", "Sangat mahal", "Very expensive"),
    ("survey.scale.4.2", "Cukup mahal", "Rather expensive"),
    ("survey.scale.4.3", "Murah", "Cheap"),
    ("survey.scale.4.4", "Gratis", "Free"),
    ("survey.scale.5.1", "Tidak sesuai", "Not matching"),
    ("survey.scale.5.2", "Kurang sesuai", "Barely matching"),
    ("survey.scale.5.3", "Sesuai", "Matching"),
    ("survey.scale.5.4", "Sangat sesuai", "Fully matching"),
    ("survey.scale.6.1", "Tidak kompeten", "Not competent"),
    ("survey.scale.6.2", "Kurang kompeten", "Barely competent"),
    ("survey.scale.6.3", "Kompeten", "Competent"),
    ("survey.scale.6.4", "Sangat kompeten", "Very competent"),
    ("survey.scale.7.1", "Tidak sopan dan ramah", "Not polite or friendly"),
    ("survey.scale.7.2", "Kurang sopan dan ramah", "Barely polite or friendly"),
    ("survey.scale.7.3", "Sopan dan ramah", "Polite and friendly"),
    ("survey.scale.7.4", "Sangat sopan dan ramah", "Very polite and friendly"),
    ("survey.scale.8.1", "Tidak ada", "There is none"),
    ("survey.scale.8.2", "Ada tetapi tidak berfungsi", "There is one, but it does not work"),
    ("survey.scale.8.3", "Berfungsi kurang maksimal", "It works, but not fully"),
    ("survey.scale.8.4", "Dikelola dengan baik", "It is well managed"),
    ("survey.scale.9.1", "Buruk", "Poor"),
    ("survey.scale.9.2", "Cukup", "Fair"),
    ("survey.scale.9.3", "Baik", "Good"),
    ("survey.scale.9.4", "Sangat baik", "Very good"),
    ("survey.pick_one", "Pilih salah satu jawaban", "Choose one answer"),
    (
        "survey.open_left",
        "Masih ada {n} pertanyaan yang belum dijawab; pertanyaan itu ditandai merah.",
        "{n} questions are still unanswered; they are marked in red.",
    ),
    ("survey.profile", "Tentang Anda (opsional)", "About you (optional)"),
    (
        "survey.profile_hint",
        "Membantu unit memahami siapa yang dilayaninya. Boleh dilewati.",
        "Helps the unit understand whom it serves. You may skip it.",
    ),
    ("survey.not_said", "Tidak disebutkan", "Rather not say"),
    ("survey.age_band", "Usia", "Age"),
    ("survey.sex", "Jenis kelamin", "Sex"),
    ("survey.education", "Pendidikan terakhir", "Education"),
    ("survey.occupation", "Pekerjaan", "Occupation"),
    ("age_band.under_25", "Di bawah 25 tahun", "Under 25"),
    ("age_band.25-34", "25–34 tahun", "25–34"),
    ("age_band.35-44", "35–44 tahun", "35–44"),
    ("age_band.45-54", "45–54 tahun", "45–54"),
    ("age_band.55_plus", "55 tahun ke atas", "55 or older"),
    ("sex.laki_laki", "Laki-laki", "Male"),
    ("sex.perempuan", "Perempuan", "Female"),
    ("education.sd", "SD atau sederajat", "Primary school"),
    ("education.smp", "SMP atau sederajat", "Junior high school"),
    ("education.sma", "SMA/SMK atau sederajat", "Senior high school"),
    ("education.diploma", "Diploma (D1–D4)", "Diploma (D1–D4)"),
    ("education.s1", "Sarjana (S1)", "Bachelor's degree"),
    ("education.s2_s3", "Pascasarjana (S2/S3)", "Master's or doctorate"),
    ("occupation.pns", "PNS/ASN", "Civil servant"),
    ("occupation.tni_polri", "TNI/Polri", "Military or police"),
    ("occupation.swasta", "Pegawai swasta", "Private employee"),
    ("occupation.wirausaha", "Wirausaha", "Self-employed"),
    ("occupation.pelajar", "Pelajar/mahasiswa", "Student"),
    ("occupation.lainnya", "Lainnya", "Other"),
    ("survey.comment", "Saran atau komentar (opsional)", "Suggestions or comments (optional)"),
    ("survey.comment_count", "{n}/{max} karakter", "{n}/{max} characters"),
    ("survey.send", "Kirim survei", "Send the survey"),
    ("survey.sending", "Mengirim…", "Sending…"),
    ("survey.thanks", "Terima kasih!", "Thank you!"),
    (
        "survey.thanks_body",
        "Jawaban Anda sudah kami terima dan membantu kami memperbaiki layanan.",
        "We have received your answers; they help us improve the service.",
    ),
    ("survey.kiosk_mode", "Mode kios layanan", "Service kiosk mode"),
    (
        "survey.kiosk_next",
        "Formulir akan siap untuk pengunjung berikutnya dalam beberapa detik.",
        "The form will be ready for the next visitor in a few seconds.",
    ),
    ("survey.next_now", "Pengunjung berikutnya", "Next visitor"),
    ("survey.kiosk_end", "Akhiri mode kios", "End kiosk mode"),
    (
        "survey.kiosk_end_confirm",
        "Akhiri mode kios di perangkat ini? Token kios dilupakan dan harus dibuka lagi dari tautan kios.",
        "End kiosk mode on this device? The kiosk token is forgotten and must be opened again from the kiosk link.",
    ),
    ("survey.kiosk_end_yes", "Ya, akhiri", "Yes, end it"),
    (
        "survey.unavailable",
        "Survei tidak dapat dibuka saat ini. Coba lagi sebentar lagi.",
        "The survey cannot be opened right now. Try again in a moment.",
    ),
    ("survey.reload", "Muat ulang", "Reload"),
    (
        "survey.needs_script",
        "Untuk mengirim survei, aktifkan JavaScript di peramban Anda.",
        "To send the survey, turn on JavaScript in your browser.",
    ),
    (
        "survey.error.wait",
        "Terlalu banyak permintaan dari alamat ini. Coba lagi dalam {seconds} detik.",
        "Too many requests from this address. Try again in {seconds} seconds.",
    ),
    (
        "survey.error.kiosk",
        "Kios ini tidak lagi terdaftar untuk unit ini. Akhiri mode kios atau buka lagi tautan kios yang baru.",
        "This kiosk is no longer registered for this unit. End kiosk mode or open a new kiosk link.",
    ),
    (
        "survey.error.duplicate",
        "Jawaban yang sama baru saja diterima dari perangkat ini.",
        "The same answers were just received from this device.",
    ),
    ("survey.error.invalid", "Periksa kembali jawaban Anda.", "Please check your answers."),
    (
        "survey.error.too_many",
        "Terlalu banyak survei dari perangkat ini. Coba lagi nanti.",
        "Too many surveys from this device. Try again later.",
    ),
    (
        "survey.error.server",
        "Survei belum terkirim karena gangguan di server. Coba lagi sebentar lagi.",
        "The survey was not sent because of a server problem. Try again in a moment.",
    ),
    ("public_ikm.title", "Hasil survei kepuasan {period}", "Satisfaction survey result {period}"),
    ("public_ikm.index", "Indeks Kepuasan Masyarakat", "Public Satisfaction Index"),
    ("public_ikm.unsur", "Unsur pelayanan", "Service element"),
    ("public_ikm.value", "Nilai", "Score"),
    ("public_ikm.grade", "Mutu (interval)", "Grade (interval)"),
    (
        "public_ikm.short_sample",
        "Perhatian: hasil ini dipublikasikan dengan sampel yang belum mencukupi ({n} responden dari minimal {required} menurut tabel Krejcie–Morgan), sehingga belum tentu mewakili seluruh penerima layanan.",
        "Note: this result was published on an insufficient sample ({n} respondents of at least {required} by the Krejcie–Morgan table), so it may not represent all service users.",
    ),
    (
        "public_ikm.unknown_sample",
        "Perhatian: hasil ini dipublikasikan tanpa data jumlah penerima layanan, sehingga kecukupan sampelnya belum diketahui.",
        "Note: this result was published without the number of service users, so whether the sample suffices is unknown.",
    ),
    ("ikm.respondents", "{n} responden", "{n} respondents"),
    ("ikm.interval_title", "Nilai konversi (NRR × 25), nilai interval 1–4, dan mutu", "Converted value (NRR × 25), interval value 1–4, and grade"),
    ("grade.a", "sangat baik", "very good"),
    ("grade.b", "baik", "good"),
    ("grade.c", "kurang baik", "poor"),
    ("grade.d", "tidak baik", "very poor"),
    ("public.link.forums", "Forum dialog", "Dialogue forums"),
];

/// The text of `key`, in English when `english`, else in Bahasa Indonesia.
pub fn lookup(key: &str, english: bool) -> Option<&'static str> {
    PUBLIC_WORDS.iter().find(|(k, _, _)| *k == key).map(|(_, id, en)| if english { *en } else { *id })
}

/// The literal keys of the `t("…")` and `tf("…"` calls in a source file's text: what the tests of
/// the SPA's dictionary and of the server's pages check against the words.
pub fn keys_looked_up(source: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for call in [".t(\"", ".tf(\""] {
        let mut rest = source;
        while let Some(at) = rest.find(call) {
            rest = &rest[at + call.len()..];
            if let Some(end) = rest.find('"') {
                keys.push(rest[..end].to_owned());
            }
        }
    }
    keys
}
