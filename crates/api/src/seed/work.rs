//! The demo city's past months of work: daily activities on every approved RHK (older ones
//! approved, recent ones waiting, a few rejected), evidence files and links, feedback threads and
//! performance dialogues. Written in batches so that seeding stays quick.

use crate::entities::{activities, activity_evidence, dialogs, employees, evidence, feedback, rhk, users};
use crate::services::skp as svc;
use crate::storage::Blobs;
use chrono::{Datelike, Duration, NaiveDate, Utc, Weekday};
use kinerja_domain::ActivityStatus;
use kinerja_types::FollowUp;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

const DAYS_BACK: i64 = 90;

const TASKS: &[&str] = &[
    "Menyusun rekap data layanan harian",
    "Memverifikasi berkas permohonan masuk",
    "Rapat koordinasi tim",
    "Menyusun laporan kegiatan",
    "Memperbarui basis data pada aplikasi",
    "Melayani konsultasi masyarakat",
    "Menyiapkan bahan paparan pimpinan",
];

fn working_days(today: NaiveDate) -> Vec<NaiveDate> {
    (1..=DAYS_BACK)
        .map(|d| today - Duration::days(d))
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && d.year() == today.year())
        .collect()
}

/// A tiny valid PDF naming the employee, as demo evidence.
fn demo_pdf(name: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% Bukti dukung demo: {name}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").into_bytes()
}

/// Seeds the work history of every demo employee that has none; returns the activities written.
pub async fn seed(
    txn: &DatabaseTransaction,
    people: &HashMap<&'static str, i64>,
    store: &Blobs,
) -> anyhow::Result<u64> {
    let today = crate::pemda_settings::load(txn).await?.today();
    let days = working_days(today);
    let admin_user =
        users::Entity::find().filter(users::Column::Username.eq("admin")).one(txn).await?.map(|u| u.id).unwrap_or(0);
    let mut written = 0u64;
    for (n, employee_id) in people.values().copied().enumerate() {
        if activities::Entity::find().filter(activities::Column::EmployeeId.eq(employee_id)).count(txn).await? > 0 {
            continue;
        }
        let Some(e) = employees::Entity::find_by_id(employee_id).one(txn).await? else { continue };
        let Some(plan) = svc::current(txn, e.id, today.year()).await? else { continue };
        let rhks = rhk::Entity::find().filter(rhk::Column::SkpId.eq(plan.id)).all(txn).await?;
        if rhks.is_empty() {
            continue;
        }
        let bytes = demo_pdf(&e.name);
        let sha = hex::encode(Sha256::digest(&bytes));
        store.put(&sha, bytes.clone()).await?;
        let file = evidence::ActiveModel {
            employee_id: Set(e.id),
            kind: Set("file".into()),
            sha256: Set(Some(sha)),
            filename: Set(Some("laporan-bulanan.pdf".into())),
            content_type: Set(Some("application/pdf".into())),
            size: Set(Some(bytes.len() as i64)),
            url: Set(None),
            created_by_user_id: Set(admin_user),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        let mut rows = Vec::new();
        for (i, day) in days.iter().enumerate() {
            let age = (today - *day).num_days();
            let status = match (age, (i + n) % 23) {
                (_, 0) if age > 7 => ActivityStatus::Rejected,
                (a, _) if a > 7 => ActivityStatus::Approved,
                (_, k) if k % 3 == 0 => ActivityStatus::Draft,
                _ => ActivityStatus::Submitted,
            };
            for slot in 0..2 {
                let r = &rhks[(i + slot) % rhks.len()];
                let decided = matches!(status, ActivityStatus::Approved | ActivityStatus::Rejected);
                let at = day.and_hms_opt(16, 0, 0).unwrap_or_default().and_utc();
                rows.push(activities::ActiveModel {
                    employee_id: Set(e.id),
                    penilai_id: Set(e.supervisor_id),
                    unit_id: Set(e.unit_id),
                    skp_id: Set(plan.id),
                    rhk_id: Set(r.id),
                    date: Set(*day),
                    minutes: Set(if slot == 0 { 180 } else { 150 }),
                    start_time: Set(None),
                    end_time: Set(None),
                    description: Set(TASKS[(i * 2 + slot + n) % TASKS.len()].into()),
                    output_qty: Set(Some(1.0)),
                    status: Set(status),
                    reject_note: Set((status == ActivityStatus::Rejected).then(|| "Lengkapi bukti dukung".to_owned())),
                    submitted_at: Set((status != ActivityStatus::Draft).then_some(at)),
                    decided_at: Set(decided.then_some(at)),
                    decided_by_user_id: Set(None),
                    created_at: Set(at),
                    updated_at: Set(at),
                    ..Default::default()
                });
            }
        }
        written += rows.len() as u64;
        for chunk in rows.chunks(200) {
            activities::Entity::insert_many(chunk.to_vec()).exec(txn).await?;
        }
        // Evidence on the first activity of each month.
        let firsts = activities::Entity::find().filter(activities::Column::EmployeeId.eq(e.id)).all(txn).await?;
        let mut months: HashMap<u32, i64> = HashMap::new();
        for a in &firsts {
            months.entry(a.date.month()).or_insert(a.id);
        }
        let links =
            months.values().map(|a| activity_evidence::ActiveModel { activity_id: Set(*a), evidence_id: Set(file.id) });
        activity_evidence::Entity::insert_many(links).exec(txn).await?;

        if let Some(boss) = e.supervisor_id {
            let boss_user = users::Entity::find().filter(users::Column::EmployeeId.eq(boss)).one(txn).await?;
            let boss_name = employees::Entity::find_by_id(boss).one(txn).await?.map(|b| b.name).unwrap_or_default();
            let author = boss_user.as_ref().map(|u| u.id).unwrap_or(admin_user);
            let when = (today - Duration::days(20)).and_hms_opt(9, 0, 0).unwrap_or_default().and_utc();
            let first = feedback::ActiveModel {
                employee_id: Set(e.id),
                author_user_id: Set(author),
                author_name: Set(boss_name),
                text: Set("Laporan bulan ini sudah baik; mohon bukti dukung dilampirkan tiap akhir pekan.".into()),
                rhk_id: Set(Some(rhks[0].id)),
                core_value: Set(Some(kinerja_domain::CoreValue::Akuntabel)),
                parent_id: Set(None),
                created_at: Set(when),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            if let Some(me) = users::Entity::find().filter(users::Column::EmployeeId.eq(e.id)).one(txn).await? {
                feedback::ActiveModel {
                    employee_id: Set(e.id),
                    author_user_id: Set(me.id),
                    author_name: Set(e.name.clone()),
                    text: Set("Baik, akan saya lengkapi mulai minggu ini.".into()),
                    rhk_id: Set(None),
                    core_value: Set(None),
                    parent_id: Set(Some(first.id)),
                    created_at: Set(when + Duration::hours(2)),
                    ..Default::default()
                }
                .insert(txn)
                .await?;
            }
            let follow_ups = vec![FollowUp {
                text: "Menyelesaikan rekap triwulan tepat waktu".into(),
                due_date: Some(today + Duration::days(14)),
                done: false,
            }];
            dialogs::ActiveModel {
                employee_id: Set(e.id),
                penilai_id: Set(boss),
                date: Set(today - Duration::days(30)),
                notes: Set("Dialog kinerja bulanan: capaian sesuai rencana, perlu percepatan pelaporan.".into()),
                follow_ups: Set(serde_json::to_string(&follow_ups)?),
                created_by_user_id: Set(author),
                created_at: Set(when),
                ..Default::default()
            }
            .insert(txn)
            .await?;
        }
    }
    Ok(written)
}
