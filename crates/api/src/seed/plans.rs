//! The demo city's plans for the current year: a Perjanjian Kinerja for every unit led by a JPT,
//! and an approved SKP for every employee whose RHK cascade from their supervisor's, so that the
//! Peta Kinerja of every dinas is complete.

use crate::entities::{employees, pk_goals, skps};
use crate::services::skp as svc;
use crate::services::skp::{insert_rhk, insert_skp};
use chrono::{Datelike, Utc};
use kinerja_domain::{Aspect, PositionKind, RhkKind, SkpStatus};
use kinerja_types::{IndicatorInput, NewRhk, PkIndicator};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

/// (unit code, goal, indicator, target, unit of the target)
const GOALS: &[(&str, &str, &str, f64, &str)] = &[
    ("PEMKOT", "Meningkatnya kualitas pelayanan publik", "Indeks Kepuasan Masyarakat", 85.0, "indeks"),
    ("PEMKOT", "Meningkatnya akuntabilitas kinerja pemerintah daerah", "Nilai SAKIP", 75.0, "nilai"),
    ("DINKES", "Meningkatnya derajat kesehatan masyarakat", "Cakupan pelayanan kesehatan dasar", 95.0, "%"),
    ("DINKES", "Menurunnya angka kesakitan penyakit menular", "Angka keberhasilan pengobatan TB", 90.0, "%"),
    ("DUKCAPIL", "Meningkatnya cakupan kepemilikan dokumen kependudukan", "Cakupan kepemilikan KTP-el", 98.0, "%"),
    ("DUKCAPIL", "Meningkatnya kecepatan layanan pencatatan sipil", "Akta terbit tepat waktu", 95.0, "%"),
    ("BKPSDM", "Meningkatnya profesionalitas ASN", "Indeks Profesionalitas ASN", 75.0, "indeks"),
    ("INSPEKTORAT", "Meningkatnya kualitas pengawasan internal", "Level kapabilitas APIP", 3.0, "level"),
];

fn indicators(kind: PositionKind) -> Vec<IndicatorInput> {
    let (qty, unit) = match kind {
        PositionKind::Pelaksana => (24.0, "laporan"),
        PositionKind::Fungsional => (12.0, "kegiatan"),
        _ => (4.0, "dokumen"),
    };
    vec![
        IndicatorInput {
            aspect: Aspect::Kuantitas,
            text: "Jumlah keluaran yang diselesaikan".into(),
            target: qty,
            unit: unit.into(),
        },
        IndicatorInput {
            aspect: Aspect::Kualitas,
            text: "Keluaran sesuai standar tanpa revisi".into(),
            target: 100.0,
            unit: "%".into(),
        },
        IndicatorInput {
            aspect: Aspect::Waktu,
            text: "Diselesaikan dalam tahun berjalan".into(),
            target: 12.0,
            unit: "bulan".into(),
        },
    ]
}

fn child_text(kind: PositionKind, parent: &str) -> String {
    let lead = match kind {
        PositionKind::Administrator => "Terlaksananya program bidang untuk",
        PositionKind::Pengawas => "Terlaksananya kegiatan seksi untuk",
        PositionKind::Fungsional => "Terlaksananya layanan fungsional untuk",
        _ => "Tersusunnya dukungan administrasi dan data untuk",
    };
    // Name the goal the chain serves, not the whole chain of phrases above.
    let goal = parent.rsplit(" untuk ").next().unwrap_or(parent);
    let lower: String = goal.chars().take(1).flat_map(char::to_lowercase).chain(goal.chars().skip(1)).collect();
    let text = format!("{lead} {lower}");
    text.chars().take(1000).collect()
}

/// Seeds the plans that are missing; returns how many SKPs it created.
pub async fn seed(
    txn: &DatabaseTransaction,
    units: &HashMap<&'static str, i64>,
    people: &HashMap<&'static str, i64>,
) -> anyhow::Result<u32> {
    // The Pemda's year (its clock, not UTC's: on 31 December evening in WIB it is already January).
    let year = crate::pemda_settings::load(txn).await?.today().year();
    for (code, text, indicator, target, unit) in GOALS {
        let unit_id = units[code];
        let exists = pk_goals::Entity::find()
            .filter(pk_goals::Column::UnitId.eq(unit_id))
            .filter(pk_goals::Column::Year.eq(year))
            .filter(pk_goals::Column::Text.eq(*text))
            .one(txn)
            .await?;
        if exists.is_none() {
            let indicators = vec![PkIndicator { text: (*indicator).into(), target: *target, unit: (*unit).into() }];
            pk_goals::ActiveModel {
                unit_id: Set(unit_id),
                year: Set(year),
                text: Set((*text).into()),
                indicators: Set(serde_json::to_string(&indicators)?),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(txn)
            .await?;
        }
    }

    // Supervisors before subordinates: the seed list is ordered so, but walk by depth to be sure.
    let mut staff: Vec<employees::Model> = employees::Entity::find()
        .filter(employees::Column::Id.is_in(people.values().copied().collect::<Vec<_>>()))
        .all(txn)
        .await?;
    let depth = |e: &employees::Model, all: &[employees::Model]| {
        let mut d = 0;
        let mut cur = e.supervisor_id;
        while let Some(s) = cur {
            d += 1;
            cur = all.iter().find(|x| x.id == s).and_then(|x| x.supervisor_id);
            if d > 20 {
                break;
            }
        }
        d
    };
    let snapshot = staff.clone();
    staff.sort_by_key(|e| (depth(e, &snapshot), e.id));

    let mut created = 0;
    for e in &staff {
        if svc::current(txn, e.id, year).await?.is_some() {
            continue;
        }
        let kind: PositionKind = e.position_kind;
        let skp = insert_skp(txn, e, year, kinerja_domain::Approach::Kuantitatif, 1, None).await?;
        let mut rhk_inputs = Vec::new();
        if kind == PositionKind::Jpt {
            for g in pk_goals::Entity::find()
                .filter(pk_goals::Column::UnitId.eq(e.unit_id))
                .filter(pk_goals::Column::Year.eq(year))
                .order_by_asc(pk_goals::Column::Id)
                .all(txn)
                .await?
            {
                rhk_inputs.push(NewRhk {
                    text: g.text.clone(),
                    kind: RhkKind::Utama,
                    parent_rhk_id: None,
                    pk_goal_id: Some(g.id),
                    indicators: indicators(kind),
                });
            }
        } else if let Some(sup) = e.supervisor_id {
            if let Some(parent_skp) = svc::current(txn, sup, year).await? {
                for parent in svc::rhk_of(txn, &[parent_skp.id]).await?.into_iter().take(2) {
                    rhk_inputs.push(NewRhk {
                        text: child_text(kind, &parent.text),
                        kind: RhkKind::Utama,
                        parent_rhk_id: Some(parent.id),
                        pk_goal_id: None,
                        indicators: indicators(kind),
                    });
                }
            }
        }
        for input in &rhk_inputs {
            insert_rhk(txn, skp.id, input).await?;
        }
        let now = Utc::now();
        let mut active = skps::Entity::find_by_id(skp.id)
            .one(txn)
            .await?
            .map(|s| s.into_active_model())
            .ok_or_else(|| anyhow::anyhow!("skp vanished"))?;
        active.status = Set(SkpStatus::Approved);
        active.submitted_at = Set(Some(now));
        active.approved_at = Set(Some(now));
        active.update(txn).await?;
        created += 1;
    }
    Ok(created)
}
