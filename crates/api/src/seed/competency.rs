//! The demo city's competencies: every position requires the managerial and socio-cultural
//! competencies at the level of its kind; every employee has levels assessed by their penilai
//! (some short of the requirement); a few have completed training this year; and everyone rated
//! Butuh Perbaikan or worse has a development plan with a training. Idempotent: skipped when any
//! level is already assessed.

use crate::entities::{competencies, competency_assessments, development_plans, employees, trainings};
use crate::services::competency::profile;
use chrono::{Datelike, Duration, NaiveDate, Utc};
use kinerja_domain::competency::{AssessmentSource, CompetencyKind, PlanStatus, TrainingStatus};
use kinerja_domain::PositionKind;
use sea_orm::{ActiveModelTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, Set};
use std::collections::BTreeSet;

/// The level a position of this kind requires.
fn required(kind: PositionKind) -> u8 {
    match kind {
        PositionKind::Jpt => 4,
        PositionKind::Administrator | PositionKind::Pengawas => 3,
        PositionKind::Pelaksana | PositionKind::Fungsional => 2,
    }
}

/// A deterministic assessed level around the requirement: most meet it, some fall one or two short.
fn assessed(employee: i64, competency: i64, req: u8) -> u8 {
    match (employee * 7 + competency * 3) % 6 {
        0 => req.saturating_sub(2).max(1),
        1 | 2 => req.saturating_sub(1).max(1),
        3 => (req + 1).min(5),
        _ => req,
    }
}

/// Seeds as described above; returns (levels assessed, plans made).
pub async fn seed(txn: &DatabaseTransaction, today: NaiveDate) -> anyhow::Result<(u64, u64)> {
    if competency_assessments::Entity::find().count(txn).await? > 0 {
        return Ok((0, 0));
    }
    let catalogue: Vec<competencies::Model> = competencies::Entity::find().all(txn).await?;
    let core: Vec<&competencies::Model> = catalogue.iter().filter(|c| c.kind != CompetencyKind::Teknis).collect();
    let people = employees::Entity::find().all(txn).await?;
    // The standards, one position title at a time.
    let mut titles = BTreeSet::new();
    let mut csv = String::from("position_title,code,level\n");
    for e in &people {
        if titles.insert(e.position_title.clone()) {
            let req = required(e.position_kind);
            for c in &core {
                csv.push_str(&format!("\"{}\",{},{req}\n", e.position_title.replace('"', "\"\""), c.code));
            }
        }
    }
    crate::services::competency::import_standards(txn, csv.as_bytes())
        .await
        .map_err(|e| anyhow::anyhow!("demo standards: {e:?}"))?;
    let now = Utc::now();
    let mut levels = 0;
    for e in &people {
        let req = required(e.position_kind);
        for c in &core {
            competency_assessments::ActiveModel {
                employee_id: Set(e.id),
                competency_id: Set(c.id),
                level: Set(i32::from(assessed(e.id, c.id, req))),
                assessed_on: Set(today - Duration::days(30)),
                source: Set(if e.supervisor_id.is_some() {
                    AssessmentSource::Supervisor
                } else {
                    AssessmentSource::AssessmentCentre
                }),
                evidence: Set(Some("Penilaian kompetensi semester lalu".into())),
                assessed_by_user_id: Set(None),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            levels += 1;
        }
    }
    let training = |plan_id: i64, employee_id: i64, course: &str, jp: i32, done: bool| trainings::ActiveModel {
        plan_id: Set(plan_id),
        employee_id: Set(employee_id),
        competency_id: Set(None),
        course: Set(course.to_owned()),
        provider: Set("BPSDM Provinsi".into()),
        jp: Set(jp),
        start_on: Set(if done { today - Duration::days(20) } else { today + Duration::days(14) }),
        end_on: Set(if done { today - Duration::days(18) } else { today + Duration::days(16) }),
        status: Set(if done { TrainingStatus::Completed } else { TrainingStatus::Planned }),
        evidence: Set(done.then(|| "Sertifikat BPSDM".to_owned())),
        updated_at: Set(now),
        ..Default::default()
    };
    let settings = crate::pemda_settings::load(txn).await?;
    let mut plans = 0;
    for (i, e) in people.iter().enumerate() {
        let p = profile(txn, e, today.year(), &settings).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        // Everyone rated Butuh Perbaikan or worse, and every fourth employee besides, has a plan.
        if !(p.plan_required || i % 4 == 0) {
            continue;
        }
        let goals = if p.plan_required {
            "Memperbaiki kinerja setelah predikat Butuh Perbaikan: menutup kesenjangan kompetensi terbesar"
        } else {
            "Pengembangan kompetensi tahunan"
        };
        let plan = development_plans::ActiveModel {
            employee_id: Set(e.id),
            year: Set(today.year()),
            status: Set(PlanStatus::Active),
            goals: Set(goals.into()),
            focus: Set(serde_json::to_string(&p.suggested_focus)?),
            mandatory: Set(p.plan_required),
            created_by_user_id: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        training(plan.id, e.id, "Pelatihan Pelayanan Prima", 16, !p.plan_required).insert(txn).await?;
        if i % 8 == 0 {
            training(plan.id, e.id, "Webinar Integritas ASN", 6, true).insert(txn).await?;
        }
        plans += 1;
    }
    Ok((levels, plans))
}
