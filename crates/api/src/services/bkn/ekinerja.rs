//! The e-Kinerja adapter: Kinerja's records in the field names of BKN's e-Kinerja (SKP with its
//! RHK and indicators, daily progress, ratings), mapping `ekinerja-2026.1`. The fields follow the
//! public material on e-Kinerja and PermenPANRB 6/2022 (`docs/bkn-mapping.md`); what the national
//! API really expects is settled by the Pemda's bridge, which may rename fields without touching
//! Kinerja, and a change here is a new mapping version.

use super::{Adapter, Record, Source};
use serde_json::json;

/// The adapter.
pub struct EKinerja;

/// The version of the field mapping below: raise it with every change of a field.
pub const MAPPING_VERSION: &str = "ekinerja-2026.1";

impl Adapter for EKinerja {
    fn name(&self) -> &'static str {
        "e-kinerja"
    }

    fn mapping_version(&self) -> &'static str {
        MAPPING_VERSION
    }

    fn records(&self, s: &Source) -> Vec<Record> {
        let mut out = Vec::new();
        let nip = |id: i64| s.nips.get(&id).cloned();
        for p in &s.people {
            if let Some((skp, rhk)) = s.plans.get(&p.id) {
                out.push(Record {
                    kind: "skp",
                    key: format!("skp:{}:{}", s.year, p.nip),
                    employee_id: p.id,
                    payload: json!({
                        "nip": p.nip,
                        "periode_tahun": s.year,
                        "pendekatan": skp.approach.as_str(),
                        "revisi": skp.revision,
                        "nip_pejabat_penilai": skp.penilai_id.and_then(nip),
                        "nip_atasan_pejabat_penilai": skp.atasan_penilai_id.and_then(nip),
                        "rencana_hasil_kerja": rhk.iter().map(|r| json!({
                            "jenis_rhk": r.kind.as_str(),
                            "rhk": r.text,
                            "rhk_atasan_diintervensi": r.parent_text,
                            "indikator": r.indicators.iter().map(|i| json!({
                                "aspek": i.aspect.as_str(),
                                "indikator_kinerja_individu": i.text,
                                "target": i.target,
                                "satuan": i.unit,
                            })).collect::<Vec<_>>(),
                        })).collect::<Vec<_>>(),
                    }),
                });
            }
        }
        for ((employee, date), day) in &s.days {
            let Some(p) = s.person(*employee) else { continue };
            out.push(Record {
                kind: "progress",
                key: format!("progress:{}:{date}", p.nip),
                employee_id: p.id,
                payload: json!({
                    "nip": p.nip,
                    "tanggal": date.to_string(),
                    "kegiatan": day.iter().map(|a| json!({
                        "uraian_kegiatan": a.description,
                        "rhk": s.rhk_text.get(&a.rhk_id),
                        "durasi_menit": a.minutes,
                        "jam_mulai": a.start_time,
                        "jam_selesai": a.end_time,
                        "kuantitas_output": a.output_qty,
                    })).collect::<Vec<_>>(),
                    "total_menit": day.iter().map(|a| i64::from(a.minutes)).sum::<i64>(),
                }),
            });
        }
        for a in &s.ratings {
            let Some(p) = s.person(a.employee_id) else { continue };
            out.push(Record {
                kind: "rating",
                key: format!("rating:{}:{}", p.nip, a.period),
                employee_id: p.id,
                payload: json!({
                    "nip": p.nip,
                    "periode_penilaian": a.period,
                    "rating_hasil_kerja": a.result_rating.as_str(),
                    "rating_perilaku_kerja": a.behavior_rating.as_str(),
                    "predikat_kinerja": a.predikat.as_str(),
                    "status": a.status.as_str(),
                    "nip_pejabat_penilai": nip(a.penilai_id),
                }),
            });
        }
        out
    }
}
