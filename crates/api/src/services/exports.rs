//! The SIASN export: the SKP in force and the finalized ratings of every employee of a year, in
//! the documented `kinerja-siasn/1` shape of `kinerja_types::export`.

use crate::entities::{assessments, employees};
use crate::error::ApiResult;
use crate::policy::{employees_within, Units};
use crate::services::reports::people;
use chrono::Utc;
use kinerja_domain::AssessmentStatus;
use kinerja_types::{SiasnExport, SiasnIndikator, SiasnPegawai, SiasnPenilaian, SiasnRhk, SiasnSkp};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// The export of the units for a year, under the Pemda's name. Drafts are never exported.
pub async fn siasn(db: &impl ConnectionTrait, units: &Units, year: i32, pemda: String) -> ApiResult<SiasnExport> {
    let people = people(db, units).await?;
    let nips: HashMap<i64, String> = employees::Entity::find()
        .select_only()
        .columns([employees::Column::Id, employees::Column::Nip])
        .into_tuple::<(i64, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let plans = crate::services::skp::in_force(db, year, employees_within(units)).await?;
    let ids: Vec<i64> = plans.values().map(|s| s.id).collect();
    let mut rhk_by_skp: HashMap<i64, Vec<SiasnRhk>> = HashMap::new();
    for r in crate::services::skp::rhk_of(db, &ids).await? {
        rhk_by_skp.entry(r.skp_id).or_default().push(SiasnRhk {
            jenis: r.kind,
            rhk: r.text,
            rhk_atasan: r.parent_text,
            indikator: r
                .indicators
                .into_iter()
                .map(|i| SiasnIndikator { aspek: i.aspect, indikator: i.text, target: i.target, satuan: i.unit })
                .collect(),
        });
    }
    let mut ratings: HashMap<i64, Vec<SiasnPenilaian>> = HashMap::new();
    for a in assessments::Entity::find()
        .filter(assessments::Column::Period.starts_with(year.to_string()))
        .filter(assessments::Column::Status.ne(AssessmentStatus::Draft.as_str()))
        .filter(assessments::Column::EmployeeId.in_subquery(employees_within(units)))
        .all(db)
        .await?
    {
        ratings.entry(a.employee_id).or_default().push(SiasnPenilaian {
            periode: a.period,
            rating_hasil_kerja: a.result_rating,
            rating_perilaku_kerja: a.behavior_rating,
            predikat_kinerja: a.predikat,
            status: a.status,
            nip_pejabat_penilai: nips.get(&a.penilai_id).cloned(),
        });
    }
    let mut pegawai: Vec<SiasnPegawai> = people
        .into_iter()
        .map(|(id, p)| {
            let skp = plans.get(&id).map(|s| SiasnSkp {
                pendekatan: s.approach,
                status: crate::services::skp::status(s),
                revisi: s.revision,
                nip_pejabat_penilai: s.penilai_id.and_then(|e| nips.get(&e).cloned()),
                nip_atasan_pejabat_penilai: s.atasan_penilai_id.and_then(|e| nips.get(&e).cloned()),
                rencana_hasil_kerja: rhk_by_skp.remove(&s.id).unwrap_or_default(),
            });
            let mut penilaian = ratings.remove(&id).unwrap_or_default();
            penilaian.sort_by(|a, b| a.periode.cmp(&b.periode));
            SiasnPegawai { nip: p.nip, nama: p.name, jabatan: p.position, unit_kerja: p.unit, skp, penilaian }
        })
        .collect();
    pegawai.sort_by(|a, b| a.nip.cmp(&b.nip));
    Ok(SiasnExport { format: "kinerja-siasn/1".into(), pemda, tahun: year, dibuat_pada: Utc::now(), pegawai })
}
