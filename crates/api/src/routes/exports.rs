//! Exports for other systems: `GET /exports/siasn`, the SKP and ratings of a year in the
//! documented shape of `kinerja_types::export`, for the national SIASN sync.

use crate::entities::{assessments, employees};
use crate::error::ApiResult;
use crate::policy::employees_within;
use crate::policy::Viewer;
use crate::routes::reports::{people, scope};
use crate::state::AppState;
use actix_web::{get, web};
use chrono::Utc;
use kinerja_domain::AssessmentStatus;
use kinerja_types::{Problem, SiasnExport, SiasnIndikator, SiasnPegawai, SiasnPenilaian, SiasnRhk, SiasnSkp};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use serde::Deserialize;
use std::collections::HashMap;
use utoipa::IntoParams;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(siasn);
}

/// Filters of the export.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// The unit whose subtree to export (default: the whole city, for admins, auditors and city tokens).
    pub unit_id: Option<i64>,
    pub year: i32,
}

/// The SKP in force and the finalized ratings of every employee for a year, in the `kinerja-siasn/1`
/// shape (Indonesian field names of PermenPANRB 6/2022). Drafts are never exported.
#[utoipa::path(tag = "reports", security(("bearer" = [])), params(ExportQuery),
    responses((status = 200, body = SiasnExport), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/exports/siasn")]
pub async fn siasn(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<ExportQuery>,
) -> ApiResult<web::Json<SiasnExport>> {
    let db = &state.db;
    crate::routes::list::check_year("year", q.year)?;
    let units = scope(db, &viewer, q.unit_id).await?;
    let people = people(db, &units).await?;
    let nips: HashMap<i64, String> = employees::Entity::find()
        .select_only()
        .columns([employees::Column::Id, employees::Column::Nip])
        .into_tuple::<(i64, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let plans = crate::services::skp::in_force(db, q.year, employees_within(&units)).await?;
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
    let year = q.year.to_string();
    let mut ratings: HashMap<i64, Vec<SiasnPenilaian>> = HashMap::new();
    for a in assessments::Entity::find()
        .filter(assessments::Column::Period.starts_with(&year))
        .filter(assessments::Column::Status.ne(AssessmentStatus::Draft.as_str()))
        .filter(assessments::Column::EmployeeId.in_subquery(employees_within(&units)))
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
    let settings = crate::pemda_settings::load(db).await?;
    Ok(web::Json(SiasnExport {
        format: "kinerja-siasn/1".into(),
        pemda: settings.pemda_name,
        tahun: q.year,
        dibuat_pada: Utc::now(),
        pegawai,
    }))
}
