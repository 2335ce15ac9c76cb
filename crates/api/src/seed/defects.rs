//! The demo's records as a real register holds them: each person's birth date and sex beside the
//! NIP that encodes them, and, on purpose, the defects the data-quality index is there to find —
//! a birth date typed wrong, a sex recorded against the NIP, and a dinas dissolved in the 2026
//! reorganisation that still holds a clerk with no supervisor and no SKP. (The heads of Dinkes,
//! BKPSDM and the Inspektorat have no supervisor recorded either: the Sekda is missing above them.)
//! Idempotent: what is set is left alone.

use crate::entities::{employees, units};
use chrono::{NaiveDate, Utc};
use kinerja_domain::{Nip, Sex};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter, Set};
use std::collections::HashMap;

/// A record typed against its NIP: the NIP, the birth date (year, month, day) recorded instead of
/// the NIP's, the sex recorded instead of the NIP's.
type TypedWrong = (&'static str, Option<(i32, u32, u32)>, Option<Sex>);

const TYPED_WRONG: [TypedWrong; 2] =
    [("199205152018011002", Some((1992, 5, 25)), None), ("199401202020122004", None, Some(Sex::L))];

/// The dissolved dinas and the clerk still placed in it.
const DISSOLVED: (&str, &str) = ("DISPORA", "Dinas Pemuda dan Olahraga (digabung 2026)");
const LEFT_BEHIND: (&str, &str, &str) = ("199107032019031005", "Teguh Prakoso", "Pengadministrasi Umum");

/// Seeds them; answers how many records changed.
pub async fn seed(txn: &DatabaseTransaction, unit_ids: &HashMap<&'static str, i64>) -> anyhow::Result<u32> {
    let mut changed = 0;
    let now = Utc::now();
    let unit = match units::Entity::find().filter(units::Column::Code.eq(DISSOLVED.0)).one(txn).await? {
        Some(u) => u.id,
        None => {
            changed += 1;
            units::ActiveModel {
                code: Set(DISSOLVED.0.into()),
                name: Set(DISSOLVED.1.into()),
                parent_id: Set(unit_ids.get("PEMKOT").copied()),
                kind: Set(kinerja_domain::UnitKind::Opd),
                is_service_unit: Set(false),
                active: Set(false),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(txn)
            .await?
            .id
        }
    };
    let (nip, name, title) = LEFT_BEHIND;
    if employees::Entity::find().filter(employees::Column::Nip.eq(nip)).one(txn).await?.is_none() {
        changed += 1;
        employees::ActiveModel {
            nip: Set(nip.into()),
            name: Set(name.into()),
            unit_id: Set(unit),
            position_title: Set(title.into()),
            position_kind: Set(kinerja_domain::PositionKind::Pelaksana),
            supervisor_id: Set(None),
            employment_type: Set(kinerja_domain::EmploymentType::Pns),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    let wrong: HashMap<&str, _> = TYPED_WRONG.iter().map(|(n, d, s)| (*n, (*d, *s))).collect();
    for e in employees::Entity::find().filter(employees::Column::BirthDate.is_null()).all(txn).await? {
        let Ok(parsed) = Nip::parse_for(&e.nip, e.employment_type) else { continue };
        let (born, sex) = match wrong.get(e.nip.as_str()) {
            Some((d, s)) => {
                (d.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)).or(parsed.birth_date()), s.or(parsed.sex()))
            }
            None => (parsed.birth_date(), parsed.sex()),
        };
        let mut row = e.into_active_model();
        row.birth_date = Set(born);
        row.sex = Set(sex);
        row.update(txn).await?;
        changed += 1;
    }
    Ok(changed)
}
