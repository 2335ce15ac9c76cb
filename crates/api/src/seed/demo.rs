//! `kinerja seed demo`: a small, realistic city (Kota Sukamaju) with its dinas, their people and
//! their supervisors, and a sign-in for each. Idempotent: what exists is left alone.

use crate::audit::{self, Actor, Change};
use crate::auth::password;
use crate::entities::{employees, settings, units, users};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "kinerja2026";

/// (code, name, kind, parent code, service unit)
const UNITS: &[(&str, &str, &str, Option<&str>, bool)] = &[
    ("PEMKOT", "Pemerintah Kota Sukamaju", "pemda", None, false),
    ("DINKES", "Dinas Kesehatan", "opd", Some("PEMKOT"), false),
    ("DINKES-SEK", "Sekretariat Dinas Kesehatan", "bidang", Some("DINKES"), false),
    ("DINKES-YANKES", "Bidang Pelayanan Kesehatan", "bidang", Some("DINKES"), false),
    ("DINKES-RUJ", "Seksi Pelayanan Kesehatan Rujukan", "seksi", Some("DINKES-YANKES"), false),
    ("DINKES-P2P", "Bidang Pencegahan dan Pengendalian Penyakit", "bidang", Some("DINKES"), false),
    ("PKM-SUKAJADI", "UPT Puskesmas Sukajadi", "upt", Some("DINKES"), true),
    ("PKM-CIBEUNYING", "UPT Puskesmas Cibeunying", "upt", Some("DINKES"), true),
    ("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "opd", Some("PEMKOT"), true),
    ("DUKCAPIL-DAFDUK", "Bidang Pelayanan Pendaftaran Penduduk", "bidang", Some("DUKCAPIL"), false),
    ("DUKCAPIL-CAPIL", "Bidang Pelayanan Pencatatan Sipil", "bidang", Some("DUKCAPIL"), false),
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "opd", Some("PEMKOT"), false),
    ("KEC-SUKASARI", "Kecamatan Sukasari", "opd", Some("PEMKOT"), true),
    ("INSPEKTORAT", "Inspektorat Daerah", "opd", Some("PEMKOT"), false),
];

/// (nip, name, unit code, position title, position kind, supervisor nip, employment type)
type EmployeeRow =
    (&'static str, &'static str, &'static str, &'static str, &'static str, Option<&'static str>, &'static str);

const EMPLOYEES: &[EmployeeRow] = &[
    ("196804171993031006", "Dr. H. Asep Supriatna, M.Si.", "PEMKOT", "Sekretaris Daerah", "jpt", None, "pns"),
    ("197203151998032004", "dr. Siti Rahmawati, M.Kes.", "DINKES", "Kepala Dinas Kesehatan", "jpt", None, "pns"),
    (
        "197506082000031003",
        "Drs. Agus Salim",
        "DINKES-SEK",
        "Sekretaris Dinas Kesehatan",
        "administrator",
        Some("197203151998032004"),
        "pns",
    ),
    (
        "197811202003121002",
        "dr. Bambang Wijaya",
        "DINKES-YANKES",
        "Kepala Bidang Pelayanan Kesehatan",
        "administrator",
        Some("197203151998032004"),
        "pns",
    ),
    (
        "198204172006042005",
        "Rina Marlina, S.K.M.",
        "DINKES-RUJ",
        "Kepala Seksi Pelayanan Kesehatan Rujukan",
        "pengawas",
        Some("197811202003121002"),
        "pns",
    ),
    (
        "199001052015031001",
        "Dedi Kurniawan",
        "DINKES-RUJ",
        "Pengelola Data Pelayanan Kesehatan",
        "pelaksana",
        Some("198204172006042005"),
        "pns",
    ),
    (
        "199207242019032006",
        "Sri Wahyuni, S.Kep.",
        "DINKES-RUJ",
        "Analis Pelayanan Kesehatan",
        "pelaksana",
        Some("198204172006042005"),
        "pns",
    ),
    (
        "198003102005011004",
        "Hendra Gunawan, S.K.M.",
        "DINKES-P2P",
        "Kepala Bidang Pencegahan dan Pengendalian Penyakit",
        "administrator",
        Some("197203151998032004"),
        "pns",
    ),
    (
        "198909302014022003",
        "Yuliani, S.K.M.",
        "DINKES-P2P",
        "Epidemiolog Kesehatan Ahli Muda",
        "fungsional",
        Some("198003102005011004"),
        "pns",
    ),
    (
        "198406222010011006",
        "dr. Andi Pratama",
        "PKM-SUKAJADI",
        "Kepala UPT Puskesmas Sukajadi",
        "pengawas",
        Some("197203151998032004"),
        "pns",
    ),
    (
        "199403112020122007",
        "Nurhayati, A.Md.Keb.",
        "PKM-SUKAJADI",
        "Bidan Terampil",
        "fungsional",
        Some("198406222010011006"),
        "pns",
    ),
    (
        "199512012022031008",
        "Fajar Nugroho, A.Md.Kep.",
        "PKM-SUKAJADI",
        "Perawat Terampil",
        "fungsional",
        Some("198406222010011006"),
        "pns",
    ),
    (
        "199108192017082009",
        "Lestari",
        "DINKES-SEK",
        "Pengadministrasi Umum",
        "pelaksana",
        Some("197506082000031003"),
        "pns",
    ),
    (
        "198512052011012010",
        "dr. Maria Ulfa",
        "PKM-CIBEUNYING",
        "Kepala UPT Puskesmas Cibeunying",
        "pengawas",
        Some("197203151998032004"),
        "pns",
    ),
    (
        "197009121995031002",
        "Ir. Hadi Susanto, M.Si.",
        "DUKCAPIL",
        "Kepala Dinas Kependudukan dan Pencatatan Sipil",
        "jpt",
        Some("196804171993031006"),
        "pns",
    ),
    (
        "198102142006042003",
        "Dewi Anggraini, S.Sos.",
        "DUKCAPIL-DAFDUK",
        "Kepala Bidang Pelayanan Pendaftaran Penduduk",
        "administrator",
        Some("197009121995031002"),
        "pns",
    ),
    (
        "199306062019031004",
        "Ahmad Fauzi",
        "DUKCAPIL-DAFDUK",
        "Pengadministrasi Kependudukan",
        "pelaksana",
        Some("198102142006042003"),
        "pns",
    ),
    (
        "199610102022032005",
        "Maya Sari",
        "DUKCAPIL-DAFDUK",
        "Operator Layanan Operasional",
        "pelaksana",
        Some("198102142006042003"),
        "pns",
    ),
    (
        "197904252005011006",
        "Rudi Hartono, S.H.",
        "DUKCAPIL-CAPIL",
        "Kepala Bidang Pelayanan Pencatatan Sipil",
        "administrator",
        Some("197009121995031002"),
        "pns",
    ),
    (
        "199802022023212001",
        "Putri Handayani",
        "DUKCAPIL-CAPIL",
        "Verifikator Akta",
        "pelaksana",
        Some("197904252005011006"),
        "pppk",
    ),
    ("197111301997032003", "Dra. Ratna Dewi, M.M.", "BKPSDM", "Kepala BKPSDM", "jpt", None, "pns"),
    (
        "199205152018011002",
        "Yusuf Maulana, S.Psi.",
        "BKPSDM",
        "Analis SDM Aparatur Ahli Pertama",
        "fungsional",
        Some("197111301997032003"),
        "pns",
    ),
    (
        "197707072002121003",
        "Budi Santoso, S.IP.",
        "KEC-SUKASARI",
        "Camat Sukasari",
        "administrator",
        Some("196804171993031006"),
        "pns",
    ),
    (
        "199401202020122004",
        "Wulan Sari",
        "KEC-SUKASARI",
        "Pengadministrasi Pelayanan",
        "pelaksana",
        Some("197707072002121003"),
        "pns",
    ),
    ("196912121994031005", "Drs. Eko Prasetyo, Ak.", "INSPEKTORAT", "Inspektur Daerah", "jpt", None, "pns"),
    (
        "198806182012012006",
        "Indah Permata, S.E.",
        "INSPEKTORAT",
        "Auditor Ahli Muda",
        "fungsional",
        Some("196912121994031005"),
        "pns",
    ),
];

/// (username, employee nip, roles, scope unit code, what to tell the person trying the demo)
type UserRow = (&'static str, Option<&'static str>, &'static [&'static str], Option<&'static str>, &'static str);

const USERS: &[UserRow] = &[
    ("admin", None, &["admin"], None, "admin BKPSDM (seluruh kota)"),
    ("auditor", Some("198806182012012006"), &["auditor"], None, "Inspektorat (baca seluruh kota)"),
    ("kadinkes", Some("197203151998032004"), &["kepala_unit"], Some("DINKES"), "Kepala Dinas Kesehatan"),
    ("kabid.yankes", Some("197811202003121002"), &[], None, "Kepala Bidang Pelayanan Kesehatan (penilai)"),
    ("kasi.rujukan", Some("198204172006042005"), &[], None, "Kepala Seksi (penilai Dedi dan Sri)"),
    ("dedi", Some("199001052015031001"), &[], None, "pegawai pelaksana Dinas Kesehatan"),
    ("sri", Some("199207242019032006"), &[], None, "pegawai pelaksana Dinas Kesehatan"),
    (
        "kapkm.sukajadi",
        Some("198406222010011006"),
        &["operator_layanan"],
        Some("PKM-SUKAJADI"),
        "Kepala Puskesmas Sukajadi",
    ),
    ("kadisdukcapil", Some("197009121995031002"), &["kepala_unit"], Some("DUKCAPIL"), "Kepala Disdukcapil"),
    ("ahmad", Some("199306062019031004"), &[], None, "pegawai Disdukcapil"),
    ("maya", Some("199610102022032005"), &["operator_layanan"], Some("DUKCAPIL"), "operator layanan Disdukcapil"),
    ("camat.sukasari", Some("197707072002121003"), &["kepala_unit"], Some("KEC-SUKASARI"), "Camat Sukasari"),
];

/// What to seed besides the organisation and the plans.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    /// Past months of daily work, with evidence, feedback and dialogues; evidence files go here.
    pub work_history: Option<crate::storage::Blobs>,
    /// Months of satisfaction surveys and complaints in every state.
    pub citizen_feedback: bool,
    /// The ratings of the last finished period, with objections and organisation predikat.
    pub past_ratings: bool,
}

/// Seeds the demo city and prints the demo sign-ins.
pub async fn run(db: &DatabaseConnection) -> anyhow::Result<()> {
    run_with(db, &Extras::default()).await
}

/// Seeds the demo city with the given extras and prints the demo sign-ins.
pub async fn run_with(db: &DatabaseConnection, extras: &Extras) -> anyhow::Result<()> {
    let txn = crate::db::begin(db).await?;
    let now = Utc::now();
    let mut created = (0u32, 0u32, 0u32);

    let mut unit_ids: HashMap<&'static str, i64> = HashMap::new();
    for (code, name, kind, parent, service) in UNITS {
        let existing = units::Entity::find().filter(units::Column::Code.eq(*code)).one(&txn).await?;
        let id = match existing {
            Some(u) => u.id,
            None => {
                created.0 += 1;
                units::ActiveModel {
                    code: Set((*code).into()),
                    name: Set((*name).into()),
                    parent_id: Set(parent.and_then(|p| unit_ids.get(p).copied())),
                    kind: Set(kind.parse().map_err(anyhow::Error::msg)?),
                    is_service_unit: Set(*service),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
                .id
            }
        };
        unit_ids.insert(code, id);
    }

    let mut employee_ids: HashMap<&'static str, i64> = HashMap::new();
    for (nip, name, unit, title, kind, sup, etype) in EMPLOYEES {
        kinerja_domain::Nip::parse_for(nip, etype.parse().map_err(anyhow::Error::msg)?)
            .map_err(|e| anyhow::anyhow!("demo NIP {nip}: {e}"))?;
        let existing = employees::Entity::find().filter(employees::Column::Nip.eq(*nip)).one(&txn).await?;
        let id = match existing {
            Some(e) => e.id,
            None => {
                created.1 += 1;
                employees::ActiveModel {
                    nip: Set((*nip).into()),
                    name: Set((*name).into()),
                    unit_id: Set(unit_ids[unit]),
                    position_title: Set((*title).into()),
                    position_kind: Set(kind.parse().map_err(anyhow::Error::msg)?),
                    supervisor_id: Set(sup.and_then(|s| employee_ids.get(s).copied())),
                    employment_type: Set(etype.parse().map_err(anyhow::Error::msg)?),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
                .id
            }
        };
        employee_ids.insert(nip, id);
    }

    let hash = password::hash(DEMO_PASSWORD)?;
    for (username, nip, roles, unit, _) in USERS {
        let exists = users::Entity::find().filter(users::Column::Username.eq(*username)).one(&txn).await?;
        if exists.is_some() {
            continue;
        }
        created.2 += 1;
        users::ActiveModel {
            username: Set((*username).into()),
            password_hash: Set(hash.clone()),
            roles: Set(serde_json::to_string(roles)?),
            employee_id: Set(nip.map(|n| employee_ids[n])),
            unit_id: Set(unit.map(|u| unit_ids[u])),
            active: Set(true),
            must_change_password: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }

    let own = [
        ("pemda_name", "Pemerintah Kota Sukamaju"),
        (
            "helpdesk_contact",
            "Layanan kepegawaian BKPSDM, lantai 2 · WhatsApp 0812-1000-2026 (Senin–Jumat 08.00–15.00)",
        ),
    ];
    for (key, value) in own {
        if settings::Entity::find_by_id(key.to_owned()).one(&txn).await?.is_none() {
            settings::ActiveModel {
                key: Set(key.into()),
                value: Set(serde_json::to_string(value)?),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?;
        }
    }

    let plans = super::plans::seed(&txn, &unit_ids, &employee_ids).await?;
    let defects = super::defects::seed(&txn, &unit_ids).await?;
    let (surveys, complaints) =
        if extras.citizen_feedback { super::public::seed(&txn, &unit_ids).await? } else { (0, 0) };
    let work = match &extras.work_history {
        Some(store) => super::work::seed(&txn, &employee_ids, store).await?,
        None => 0,
    };
    if work > 0 {
        crate::services::activity_totals::rebuild(&txn).await?;
    }
    let ratings = if extras.past_ratings { super::ratings::seed(&txn, &unit_ids).await? } else { 0 };
    let (levels, development) = if extras.past_ratings {
        let today = crate::pemda_settings::load(&txn).await?.today();
        super::competency::seed(&txn, today).await?
    } else {
        (0, 0)
    };
    let oversight = if extras.past_ratings {
        let today = crate::pemda_settings::load(&txn).await?.today();
        super::oversight::seed(&txn, &unit_ids, today).await?
    } else {
        0
    };

    if created != (0, 0, 0)
        || plans > 0
        || defects > 0
        || work > 0
        || surveys > 0
        || complaints > 0
        || ratings > 0
        || levels > 0
        || oversight > 0
    {
        let summary = serde_json::json!({ "units": created.0, "employees": created.1, "users": created.2, "skps": plans, "activities": work, "surveys": surveys, "complaints": complaints, "assessments": ratings, "competency_levels": levels, "development_plans": development, "oversight_records": oversight });
        audit::record(
            &txn,
            &Actor::cli(),
            Change { action: "seed.demo", entity: "demo", entity_id: None, before: None, after: Some(summary) },
        )
        .await?;
    }
    txn.commit().await?;

    println!(
        "Kota Sukamaju siap: {} unit, {} pegawai, {} akun, {} SKP, {} aktivitas, {} survei, {} pengaduan, {} penilaian, {} level kompetensi, {} rencana pengembangan, {} catatan pengawasan baru (yang sudah ada dibiarkan).",
        created.0, created.1, created.2, plans, work, surveys, complaints, ratings, levels, development, oversight
    );
    println!("Akun demo (kata sandi semuanya: {DEMO_PASSWORD}):");
    for (username, _, _, _, who) in USERS {
        println!("  {username:<16} {who}");
    }
    Ok(())
}
