//! The demo city's ratings of the last finished period: every employee with a penilai rated and
//! the result finalized; most acknowledged, Dedi's objection waiting for his atasan penilai (past
//! its decision deadline), Ahmad's decided by his atasan penilai after the penilai's response, the
//! Kabid Yankes's decided by the BKPSDM for the PPK, because his penilai, the head of dinas, has no
//! atasan in the system, and the head of Disdukcapil's, rated by the Sekda (who has none), upheld
//! by the BKPSDM for the PPK; organisation predikat for every OPD. The Dinas Kesehatan rates
//! everyone Baik or better, so its distribution deviates from the expected pattern.

use crate::entities::{assessments, employees, org_predikats, units, users};
use chrono::{Duration, NaiveTime, TimeZone, Utc};
use kinerja_domain::rating::predikat;
use kinerja_domain::{AssessmentStatus, CoreValue, OrgPredikat, Rating};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter, Set};
use std::collections::{BTreeMap, HashMap};

/// Dedi objects; his objection waits for the atasan penilai (Kabid Yankes).
const OBJECTING: &str = "199001052015031001";
/// Ahmad is rated Butuh Perbaikan, objects, and the decision upholds it.
const UPHELD: &str = "199306062019031004";
/// The Kabid Yankes, rated by the head of dinas (who has no atasan here), objects; the BKPSDM
/// decides for the PPK and changes the result.
const BY_PPK: &str = "197811202003121002";
/// The head of Disdukcapil, rated by the Sekda (who has no atasan), objects; the BKPSDM decides for
/// the PPK and upholds the rating.
const HEAD_BY_PPK: &str = "197009121995031002";
/// Sri is rated above expectations on both.
const EXCELLENT: &[&str] = &["199207242019032006", "198102142006042003"];

/// The ratings (result, behaviour) of one demo employee.
fn ratings(nip: &str) -> (Rating, Rating) {
    match nip {
        OBJECTING => (Rating::Sesuai, Rating::Sesuai),
        UPHELD => (Rating::DiBawah, Rating::Sesuai),
        BY_PPK => (Rating::Sesuai, Rating::Sesuai),
        n if EXCELLENT.contains(&n) => (Rating::DiAtas, Rating::DiAtas),
        _ => (Rating::Sesuai, Rating::Sesuai),
    }
}

/// Seeds the ratings of the last finished period unless it has some; returns how many.
pub async fn seed(txn: &DatabaseTransaction, unit_ids: &HashMap<&'static str, i64>) -> anyhow::Result<u64> {
    let settings = crate::pemda_settings::load(txn).await?;
    let period = crate::services::rating::rating_period_of(settings.today(), settings.assessment_frequency).previous();
    let label = period.to_string();
    if assessments::Entity::find().filter(assessments::Column::Period.eq(&label)).count(txn).await? > 0 {
        return Ok(0);
    }
    let (_, end) = period.bounds();
    let offset = Duration::minutes(i64::from(settings.utc_offset_minutes));
    let local = |days: i64, hour: u32| {
        let at = (end + Duration::days(days)).and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(NaiveTime::MIN));
        Utc.from_utc_datetime(&(at - offset))
    };
    let finalized = local(5, 9);
    let people = employees::Entity::find().all(txn).await?;
    let supervisor: HashMap<i64, Option<i64>> = people.iter().map(|e| (e.id, e.supervisor_id)).collect();
    let mut written = 0;
    for e in &people {
        let Some(penilai) = e.supervisor_id else { continue };
        let (result, behavior) = ratings(&e.nip);
        let notes = BTreeMap::from([
            (CoreValue::Akuntabel, "Laporan kegiatan lengkap dan tepat waktu".to_owned()),
            (CoreValue::Kolaboratif, "Aktif membantu rekan satu tim".to_owned()),
        ]);
        let (status, objection, response, decision) = match e.nip.as_str() {
            OBJECTING => (
                AssessmentStatus::Objected,
                Some("Realisasi rujukan saya melampaui target triwulan; mohon hasil kerja dinilai di atas ekspektasi."),
                None,
                None,
            ),
            UPHELD => (
                AssessmentStatus::Decided,
                Some("Target pelayanan tidak tercapai karena aplikasi SIAK sering gangguan, bukan karena saya."),
                Some("Gangguan SIAK tercatat 3 hari kerja; antrean tertunda lebih lama karena jadwal loket."),
                Some(("upheld", "Gangguan aplikasi hanya 3 hari kerja; capaian tetap di bawah target.")),
            ),
            HEAD_BY_PPK => (
                AssessmentStatus::Decided,
                Some("Cakupan KTP-el dan akta kelahiran melampaui target RPJMD; mohon hasil kerja dinilai di atas ekspektasi."),
                Some("Cakupan naik, tetapi target layanan daring dan integrasi data kependudukan belum tercapai."),
                Some(("upheld", "Dua dari empat sasaran Perjanjian Kinerja belum tercapai; hasil kerja tetap sesuai ekspektasi.")),
            ),
            BY_PPK => (
                AssessmentStatus::Decided,
                Some("Capaian rujukan terintegrasi 112 persen dari target; mohon hasil kerja dinilai di atas ekspektasi."),
                Some("Capaian memang di atas target, tetapi laporan triwulan terlambat dua minggu."),
                Some(("changed", "Capaian terverifikasi di atas target; keterlambatan laporan dicatat sebagai catatan perilaku.")),
            ),
            _ => (AssessmentStatus::Acknowledged, None, None, None),
        };
        let (result, predikat_now) = match decision {
            Some(("changed", _)) => (Rating::DiAtas, predikat(Rating::DiAtas, behavior)),
            _ => (result, predikat(result, behavior)),
        };
        assessments::ActiveModel {
            employee_id: Set(e.id),
            penilai_id: Set(penilai),
            atasan_penilai_id: Set(supervisor.get(&penilai).copied().flatten()),
            unit_id: Set(e.unit_id),
            period: Set(label.clone()),
            result_rating: Set(result),
            behavior_rating: Set(behavior),
            behavior_notes: Set(serde_json::to_string(&notes)?),
            note: Set(Some(format!("Penilaian periode {label}"))),
            predikat: Set(predikat_now),
            status: Set(status),
            finalized_at: Set(Some(finalized)),
            objection_reason: Set(objection.map(str::to_owned)),
            objected_at: Set(objection.map(|_| local(8, 10))),
            penilai_response: Set(response.map(str::to_owned)),
            responded_at: Set(response.map(|_| local(10, 11))),
            decision_outcome: Set(decision.map(|d| d.0.to_owned())),
            decision_reason: Set(decision.map(|d| d.1.to_owned())),
            decided_by_ppk: Set(decision.map(|_| matches!(e.nip.as_str(), BY_PPK | HEAD_BY_PPK))),
            decided_at: Set(decision.map(|_| local(12, 14))),
            created_at: Set(local(2, 8)),
            updated_at: Set(local(12, 14)),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        written += 1;
    }
    let admin = users::Entity::find().filter(users::Column::Username.eq("admin")).one(txn).await?.map(|u| u.id);
    let opds = units::Entity::find().filter(units::Column::Kind.eq("opd")).all(txn).await?;
    for unit in opds.iter().filter(|u| unit_ids.values().any(|id| *id == u.id)) {
        org_predikats::ActiveModel {
            unit_id: Set(unit.id),
            period: Set(label.clone()),
            predikat: Set(OrgPredikat::Baik),
            set_by_user_id: Set(admin.unwrap_or(0)),
            set_at: Set(finalized),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(written)
}
