//! The demo city's oversight: a Tim Penilai Kinerja (Camat Sukasari and the head of Disdukcapil)
//! overseeing the Dinas Kesehatan, with a note recommending Sri for promotion and a flag waiting for
//! a penilai; the Dinas Kesehatan's annual and quarterly evaluation sessions with follow-ups (one
//! done, one overdue, some open); a public forum held at Puskesmas Sukajadi whose citizen aspirasi,
//! minutes and commitments are public; and a forum Disdukcapil has announced. Idempotent: skipped
//! when any evaluation team exists.

use crate::entities::{
    assessment_reviews, assessments, employees, evaluation_follow_ups, evaluation_sessions, evaluation_teams,
    forum_commitments, forum_inputs, forums,
};
use crate::services::oversight::{set_discussed, set_inputs, set_team_lists};
use crate::services::public_codes::{fingerprint, tracking_code};
use chrono::{Duration, NaiveDate, Utc};
use kinerja_domain::oversight::{
    FlagStatus, ForumStatus, InputSource, InputStatus, Recommendation, SessionKind, TaskStatus,
};
use kinerja_domain::AssessmentStatus;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

const CAMAT: &str = "197707072002121003";
const KADISDUKCAPIL: &str = "197009121995031002";
const KADINKES: &str = "197203151998032004";
const KABID: &str = "197811202003121002";
const KASI: &str = "198204172006042005";
const DEDI: &str = "199001052015031001";
const SRI: &str = "199207242019032006";

async fn employee(txn: &DatabaseTransaction, nip: &str) -> anyhow::Result<employees::Model> {
    employees::Entity::find()
        .filter(employees::Column::Nip.eq(nip))
        .one(txn)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo employee {nip} missing"))
}

/// Seeds as described above; returns how many records were made.
pub async fn seed(
    txn: &DatabaseTransaction,
    unit_ids: &HashMap<&'static str, i64>,
    today: NaiveDate,
) -> anyhow::Result<u64> {
    if evaluation_teams::Entity::find().count(txn).await? > 0 {
        return Ok(0);
    }
    let unit = |code: &str| unit_ids.get(code).copied().ok_or_else(|| anyhow::anyhow!("demo unit {code} missing"));
    let now = Utc::now();
    let mut made = 0;
    let camat = employee(txn, CAMAT).await?;
    let kadis = employee(txn, KADISDUKCAPIL).await?;

    // The team and its reviews of the Dinas Kesehatan's last ratings.
    let team = evaluation_teams::ActiveModel {
        name: Set("Tim Penilai Kinerja PNS Kota Sukamaju".into()),
        decree: Set(Some("800/123/BKPSDM/2026".into())),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    set_team_lists(txn, team.id, &[camat.id, kadis.id], &[unit("DINKES")?]).await?;
    made += 1;
    let subtree = crate::services::org_tree::unit_subtree(txn, unit("DINKES")?).await?;
    let rated: Vec<assessments::Model> = assessments::Entity::find()
        .filter(assessments::Column::UnitId.is_in(subtree.iter().copied()))
        .filter(assessments::Column::Status.ne(AssessmentStatus::Draft.as_str()))
        .order_by_desc(assessments::Column::Period)
        .order_by_asc(assessments::Column::Id)
        .all(txn)
        .await?;
    let sri = employee(txn, SRI).await?;
    let dedi = employee(txn, DEDI).await?;
    let review = |a: &assessments::Model, note: &str, rec: Option<Recommendation>, reason: Option<&str>| {
        assessment_reviews::ActiveModel {
            assessment_id: Set(a.id),
            team_id: Set(team.id),
            employee_id: Set(a.employee_id),
            unit_id: Set(a.unit_id),
            penilai_id: Set(a.penilai_id),
            author_employee_id: Set(camat.id),
            author_name: Set(camat.name.clone()),
            note: Set(note.into()),
            recommendation: Set(rec),
            flag: Set(reason.is_some()),
            reason: Set(reason.map(str::to_owned)),
            flag_status: Set(reason.map(|_| FlagStatus::Open)),
            response: Set(None),
            responded_at: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
    };
    if let Some(a) = rated.iter().find(|a| a.employee_id == sri.id) {
        review(
            a,
            "Realisasi seluruh RHK di atas target dengan bukti lengkap dan umpan balik warga yang baik. \
             Layak dipertimbangkan dalam talent pool.",
            Some(Recommendation::Promotion),
            None,
        )
        .insert(txn)
        .await?;
        made += 1;
    }
    if let Some(a) = rated.iter().find(|a| a.employee_id != sri.id && a.employee_id != dedi.id) {
        review(
            a,
            "Seluruh pegawai Dinas Kesehatan berpredikat Baik atau lebih; distribusi menyimpang dari kurva yang diharapkan.",
            Some(Recommendation::Development),
            Some("Mohon tinjau ulang: bukti realisasi triwulan ini belum menunjukkan capaian di atas ekspektasi."),
        )
        .insert(txn)
        .await?;
        made += 1;
    }

    // The Dinas Kesehatan's evaluation sessions.
    let dinkes = unit("DINKES")?;
    let kabid = employee(txn, KABID).await?;
    let kasi = employee(txn, KASI).await?;
    let kadinkes = employee(txn, KADINKES).await?;
    let annual = evaluation_sessions::ActiveModel {
        unit_id: Set(dinkes),
        kind: Set(SessionKind::Annual),
        held_on: Set(today - Duration::days(60)),
        title: Set("Rapat Evaluasi Kinerja Tahunan Dinas Kesehatan".into()),
        attendees: Set(serde_json::to_string(&[
            format!("{} (Kepala Dinas)", kadinkes.name),
            format!("{} (Kepala Bidang Pelayanan Kesehatan)", kabid.name),
            format!("{} (Kepala Seksi Rujukan)", kasi.name),
            "Perwakilan BKPSDM".to_owned(),
        ])?),
        decisions: Set("1. Capaian IKU dinas 92%; target cakupan imunisasi belum tercapai.\n\
             2. Sri Wahyuni diusulkan mengikuti pelatihan kepemimpinan pengawas.\n\
             3. Dedi diberi pendampingan penyusunan bukti dukung kinerja."
            .into()),
        created_by: Set("kadinkes".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    set_discussed(txn, annual.id, &[dedi.id, sri.id]).await?;
    let quarterly = evaluation_sessions::ActiveModel {
        unit_id: Set(dinkes),
        kind: Set(SessionKind::Periodic),
        held_on: Set(today - Duration::days(12)),
        title: Set("Evaluasi Kinerja Triwulanan Bidang Pelayanan".into()),
        attendees: Set(serde_json::to_string(&[
            format!("{} (Kepala Dinas)", kadinkes.name),
            format!("{} (Kepala Bidang)", kabid.name),
        ])?),
        decisions: Set("Persetujuan aktivitas harian dipercepat menjadi paling lambat 2 hari kerja.".into()),
        created_by: Set("kadinkes".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    set_discussed(txn, quarterly.id, &[dedi.id]).await?;
    made += 2;
    let follow_up = |s: &evaluation_sessions::Model, text: &str, owner: i64, due: NaiveDate, done: Option<&str>| {
        evaluation_follow_ups::ActiveModel {
            session_id: Set(s.id),
            unit_id: Set(s.unit_id),
            description: Set(text.into()),
            owner_id: Set(owner),
            due_on: Set(due),
            status: Set(if done.is_some() { TaskStatus::Done } else { TaskStatus::Open }),
            done_note: Set(done.map(str::to_owned)),
            done_at: Set(done.map(|_| now)),
            ..Default::default()
        }
    };
    for f in [
        follow_up(
            &annual,
            "Mendaftarkan Sri Wahyuni pada pelatihan kepemimpinan pengawas",
            kabid.id,
            today - Duration::days(30),
            Some("Terdaftar pada angkatan II, surat BKPSDM nomor 800/77"),
        ),
        follow_up(&annual, "Menyusun rencana aksi cakupan imunisasi", kabid.id, today - Duration::days(5), None),
        follow_up(&annual, "Pendampingan bukti dukung kinerja untuk Dedi", kasi.id, today + Duration::days(20), None),
        follow_up(
            &quarterly,
            "Memantau waktu persetujuan aktivitas setiap pekan",
            kasi.id,
            today + Duration::days(45),
            None,
        ),
    ] {
        f.insert(txn).await?;
        made += 1;
    }

    // A forum held at Puskesmas Sukajadi, with its aspirasi, minutes and commitments.
    let held_on = today - Duration::days(14);
    let forum = forums::ActiveModel {
        unit_id: Set(unit("PKM-SUKAJADI")?),
        topic: Set("Forum Konsultasi Publik Pelayanan Puskesmas Sukajadi".into()),
        date: Set(held_on),
        place: Set("Aula UPT Puskesmas Sukajadi".into()),
        description: Set(Some(
            "Warga menyampaikan keluhan dan harapan tentang antrean, jadwal dokter dan obat.".into(),
        )),
        status: Set(ForumStatus::Held),
        minutes: Set(Some(
            "Forum dihadiri 46 warga, ketua RW se-Kelurahan Sukajadi dan kepala puskesmas. Warga mengeluhkan antrean \
             pendaftaran lansia yang panjang dan jadwal dokter gigi yang tidak diumumkan. Puskesmas berkomitmen \
             membuka loket khusus lansia dan mengumumkan jadwal dokter setiap pekan."
                .into(),
        )),
        created_at: Set(now - Duration::days(30)),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    made += 1;
    let input =
        |source: InputSource, speaker: Option<&str>, text: &str, status: InputStatus, response: Option<&str>| {
            forum_inputs::ActiveModel {
                forum_id: Set(forum.id),
                tracking_code: Set(tracking_code("ASP")),
                source: Set(source),
                speaker: Set(speaker.map(str::to_owned)),
                text: Set(text.into()),
                contact: Set(None),
                status: Set(status),
                response: Set(response.map(str::to_owned)),
                fingerprint: Set(fingerprint(&["demo", text])),
                created_at: Set(now - Duration::days(20)),
                updated_at: Set(now),
                ..Default::default()
            }
        };
    let queue = input(
        InputSource::Online,
        None,
        "Antrean pendaftaran untuk lansia sangat panjang, mohon dibuatkan loket khusus.",
        InputStatus::Committed,
        None,
    )
    .insert(txn)
    .await?;
    let dentist = input(
        InputSource::Room,
        Some("Ibu Euis, RW 04"),
        "Jadwal dokter gigi sering berubah tanpa pemberitahuan.",
        InputStatus::Committed,
        None,
    )
    .insert(txn)
    .await?;
    input(
        InputSource::Online,
        None,
        "Mohon puskesmas buka 24 jam untuk semua layanan.",
        InputStatus::Declined,
        Some("Layanan 24 jam hanya untuk gawat darurat dan persalinan sesuai penetapan Dinas Kesehatan; pelayanan rawat jalan tetap pukul 07.30-14.00."),
    )
    .insert(txn)
    .await?;
    input(
        InputSource::Room,
        Some("Pak Dadang"),
        "Ruang tunggu perlu kipas angin tambahan.",
        InputStatus::Discussed,
        None,
    )
    .insert(txn)
    .await?;
    made += 4;
    let commitment = |text: &str, owner: &str, due: NaiveDate, done: Option<&str>| forum_commitments::ActiveModel {
        forum_id: Set(forum.id),
        unit_id: Set(forum.unit_id),
        description: Set(text.into()),
        owner: Set(owner.into()),
        due_on: Set(due),
        status: Set(if done.is_some() { TaskStatus::Done } else { TaskStatus::Open }),
        done_note: Set(done.map(str::to_owned)),
        done_at: Set(done.map(|_| now)),
        created_at: Set(now - Duration::days(14)),
        ..Default::default()
    };
    let lansia = commitment(
        "Membuka loket pendaftaran khusus lansia",
        "Kepala UPT Puskesmas Sukajadi",
        held_on + Duration::days(7),
        Some("Loket 3 melayani lansia sejak Senin pekan lalu."),
    )
    .insert(txn)
    .await?;
    set_inputs(txn, lansia.id, &[queue.id]).await?;
    let dentist_schedule = commitment(
        "Mengumumkan jadwal dokter gigi setiap pekan di papan informasi dan media sosial",
        "Petugas informasi Puskesmas",
        today + Duration::days(16),
        None,
    )
    .insert(txn)
    .await?;
    set_inputs(txn, dentist_schedule.id, &[dentist.id]).await?;
    made += 2;

    // A forum Disdukcapil has announced, already with an aspirasi.
    let upcoming = forums::ActiveModel {
        unit_id: Set(unit("DUKCAPIL")?),
        topic: Set("Forum Dialog Publik Pelayanan Adminduk Keliling".into()),
        date: Set(today + Duration::days(10)),
        place: Set("Kantor Kecamatan Sukasari".into()),
        description: Set(Some("Sampaikan harapan Anda tentang jadwal dan lokasi pelayanan KTP-el keliling.".into())),
        status: Set(ForumStatus::Announced),
        minutes: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    forum_inputs::ActiveModel {
        forum_id: Set(upcoming.id),
        tracking_code: Set(tracking_code("ASP")),
        source: Set(InputSource::Online),
        speaker: Set(None),
        text: Set("Mohon pelayanan keliling juga hadir hari Sabtu untuk warga yang bekerja.".into()),
        contact: Set(None),
        status: Set(InputStatus::Received),
        response: Set(None),
        fingerprint: Set(fingerprint(&["demo", "sabtu"])),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    made += 2;
    Ok(made)
}
