//! The demo city's citizen feedback: three months of satisfaction surveys for every service unit,
//! each unit at a different grade, last month's results published on a sufficient sample (its
//! population recorded), and complaints in every state of the workflow, classified at verification,
//! one referred to the competent agency, some of them overdue.

use crate::entities::{complaint_events, complaints, ikm_populations, ikm_publications, surveys, users};
use chrono::{Datelike, Duration, Months, Utc};
use kinerja_domain::{ComplaintCategory, ComplaintClass, ComplaintStatus};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter, Set};
use std::collections::HashMap;

/// (unit code, the answers most respondents give: the grade the unit lands on)
const UNITS: &[(&str, [u8; 9])] = &[
    ("DUKCAPIL", [4, 4, 3, 4, 4, 4, 4, 3, 4]),       // ≈ A
    ("PKM-SUKAJADI", [3, 4, 3, 4, 3, 3, 4, 3, 3]),   // ≈ B
    ("PKM-CIBEUNYING", [3, 3, 2, 4, 3, 3, 3, 2, 3]), // ≈ C
    ("KEC-SUKASARI", [2, 3, 2, 3, 2, 2, 3, 2, 2]),   // ≈ D
];

/// (category, text, the state to leave it in, days ago it was filed, naming an employee by NIP)
const COMPLAINTS: &[(&str, &str, &str, i64, Option<&str>)] = &[
    (
        "pengaduan",
        "Antrean pengambilan KTP-el sangat panjang, nomor antrean habis sebelum jam 9 pagi.",
        "received",
        1,
        None,
    ),
    (
        "pengaduan",
        "Petugas loket meminta biaya tambahan untuk mempercepat akta kelahiran.",
        "received",
        12,
        Some("199610102022032005"),
    ),
    ("permintaan_informasi", "Mohon informasi syarat pindah domisili antarkota.", "verified", 3, None),
    ("pengaduan", "Obat yang diresepkan sering kosong di apotek puskesmas.", "dispositioned", 15, None),
    ("aspirasi", "Usul layanan pendaftaran puskesmas secara daring agar tidak antre.", "responded", 20, None),
    ("pengaduan", "Ruang tunggu kecamatan panas dan kursi kurang.", "closed", 30, None),
    ("pengaduan", "Jalan rusak di depan rumah saya belum diperbaiki.", "referred", 8, None),
    ("pengaduan", "Pelayanan jelek, tolong diperbaiki.", "rejected", 6, None),
];

/// Where the demo refers what is not a service unit's authority.
const REFERRED_TO: &str = "Dinas Pekerjaan Umum dan Penataan Ruang";

/// Service users of a unit in last month: 35 respondents are more than its minimum sample (32).
const POPULATION: i64 = 35;

fn spread(base: [u8; 9], n: usize) -> [u8; 9] {
    // Vary one answer a step up or down so respondents differ but stay near the unit's level.
    let mut a = base;
    let i = n % 9;
    a[i] = match n % 3 {
        0 => a[i].saturating_add(1).min(4),
        1 => a[i].saturating_sub(1).max(1),
        _ => a[i],
    };
    a
}

/// Seeds what is missing; returns (surveys, complaints) written.
pub async fn seed(txn: &DatabaseTransaction, unit_ids: &HashMap<&'static str, i64>) -> anyhow::Result<(u64, u64)> {
    let now = Utc::now();
    let today = now.date_naive();
    let mut written = (0u64, 0u64);
    let admin =
        users::Entity::find().filter(users::Column::Username.eq("admin")).one(txn).await?.map(|u| u.id).unwrap_or(0);
    for (code, base) in UNITS {
        let unit = unit_ids[code];
        if surveys::Entity::find().filter(surveys::Column::UnitId.eq(unit)).count(txn).await? > 0 {
            continue;
        }
        let mut rows = Vec::new();
        for back in 0..3u32 {
            let month = today.checked_sub_months(Months::new(back)).unwrap_or(today);
            let period = format!("{}-{:02}", month.year(), month.month());
            for n in 0..(30 + 5 * back as usize) {
                let answers: String = spread(*base, n).iter().map(|a| char::from(b'0' + a)).collect();
                rows.push(surveys::ActiveModel {
                    unit_id: Set(unit),
                    period: Set(period.clone()),
                    answers: Set(answers),
                    profile: Set(Some(r#"{"age_band":"25-34"}"#.into())),
                    comment: Set(
                        (n % 10 == 0).then(|| "Pelayanan cukup cepat, mohon ruang tunggu diperbaiki.".to_owned())
                    ),
                    kiosk_id: Set(None),
                    fingerprint: Set(format!("demo-{unit}-{period}-{n}")),
                    created_at: Set(now - Duration::days(i64::from(back) * 30)),
                    ..Default::default()
                });
            }
        }
        written.0 += rows.len() as u64;
        surveys::Entity::insert_many(rows).exec(txn).await?;
        let last_month = today.checked_sub_months(Months::new(1)).unwrap_or(today);
        let last_period = format!("{}-{:02}", last_month.year(), last_month.month());
        ikm_populations::ActiveModel {
            unit_id: Set(unit),
            period: Set(last_period.clone()),
            population: Set(POPULATION),
            set_by_user_id: Set(admin),
            set_at: Set(now),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        ikm_publications::ActiveModel {
            unit_id: Set(unit),
            period: Set(last_period),
            published_by_user_id: Set(admin),
            published_at: Set(now),
            insufficient_sample: Set(false),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    if complaints::Entity::find().count(txn).await? > 0 {
        return Ok(written);
    }
    let targets = [
        "DUKCAPIL",
        "DUKCAPIL",
        "DUKCAPIL",
        "PKM-SUKAJADI",
        "PKM-SUKAJADI",
        "KEC-SUKASARI",
        "KEC-SUKASARI",
        "DUKCAPIL",
    ];
    for (i, (category, text, state, days_ago, nip)) in COMPLAINTS.iter().enumerate() {
        let unit = unit_ids[targets[i]];
        let filed = today - Duration::days(*days_ago);
        let status: ComplaintStatus = state.parse().map_err(anyhow::Error::msg)?;
        let category: ComplaintCategory = category.parse().map_err(anyhow::Error::msg)?;
        let employee_id = match nip {
            Some(n) => crate::entities::employees::Entity::find()
                .filter(crate::entities::employees::Column::Nip.eq(*n))
                .one(txn)
                .await?
                .map(|e| e.id),
            None => None,
        };
        let dispositioned =
            matches!(status, ComplaintStatus::Dispositioned | ComplaintStatus::Responded | ComplaintStatus::Closed);
        let response = match status {
            ComplaintStatus::Responded | ComplaintStatus::Closed => {
                Some("Terima kasih atas masukannya; telah kami tindak lanjuti.")
            }
            ComplaintStatus::Rejected => {
                Some("Informasi tidak cukup untuk ditindaklanjuti; mohon sampaikan lokasi dan waktu kejadian.")
            }
            _ => None,
        };
        let at = filed.and_hms_opt(9, 0, 0).unwrap_or_default().and_utc();
        let c = complaints::ActiveModel {
            tracking_code: Set(format!("ADU-DEMO{:08}", i + 1)),
            unit_id: Set(unit),
            category: Set(category),
            text: Set((*text).into()),
            employee_nip: Set(nip.map(str::to_owned)),
            employee_id: Set(employee_id),
            contact: Set(Some(format!("0812-5555-{:04}", i + 1))),
            status: Set(status),
            public_response: Set(response.map(str::to_owned)),
            disposition_unit_id: Set(dispositioned.then_some(unit)),
            filed_on: Set(filed),
            dispositioned_on: Set(dispositioned.then_some(filed + Duration::days(1))),
            class: Set((!matches!(
                status,
                ComplaintStatus::Received | ComplaintStatus::Rejected | ComplaintStatus::Referred
            ))
            .then_some(ComplaintClass::Normatif)),
            postponed_until: Set(None),
            postpone_reason: Set(None),
            referred_to: Set((status == ComplaintStatus::Referred).then(|| REFERRED_TO.to_owned())),
            fingerprint: Set(format!("demo-complaint-{i}")),
            created_at: Set(at),
            updated_at: Set(at),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        complaint_events::ActiveModel {
            complaint_id: Set(c.id),
            from_status: Set(None),
            to_status: Set(ComplaintStatus::Received),
            note: Set(None),
            actor_user_id: Set(None),
            at: Set(at),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        if status != ComplaintStatus::Received {
            complaint_events::ActiveModel {
                complaint_id: Set(c.id),
                from_status: Set(Some(ComplaintStatus::Received)),
                to_status: Set(status),
                note: Set(response.map(str::to_owned)),
                actor_user_id: Set(Some(admin)),
                at: Set(at + Duration::days(1)),
                ..Default::default()
            }
            .insert(txn)
            .await?;
        }
        written.1 += 1;
    }
    Ok(written)
}
