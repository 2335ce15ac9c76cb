//! A large synthetic city written straight in SQL: units, employees with supervisors, approved
//! SKPs with one RHK each, and one activity per employee per working day. Values are generated
//! here (no user input), so statements are built as text for speed.

use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, TransactionTrait};

/// What the timings need to know about the seeded city.
pub struct City {
    pub activities: u64,
    /// The OPD of the head, for its dashboard.
    pub opd_id: i64,
    pub admin_login: (String, String),
    pub supervisor_login: (String, String),
    pub head_login: (String, String),
    pub unit_id: i64,
    pub month: (String, String),
    /// The penilai of `supervisor_login`.
    pub kasi_id: i64,
}

const PASSWORD: &str = "bench12345";
const YEAR: i32 = 2026;

pub async fn create_database(admin_url: &str, name: &str) -> anyhow::Result<()> {
    let admin = Database::connect(admin_url).await?;
    admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")).await?;
    admin.execute_unprepared(&format!("CREATE DATABASE \"{name}\"")).await?;
    admin.close().await?;
    Ok(())
}

pub async fn drop_database(admin_url: &str, name: &str) -> anyhow::Result<()> {
    let admin = Database::connect(admin_url).await?;
    admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")).await?;
    admin.close().await?;
    Ok(())
}

async fn insert_rows(db: &impl ConnectionTrait, head: &str, rows: &[String]) -> anyhow::Result<()> {
    for chunk in rows.chunks(1000) {
        db.execute_unprepared(&format!("{head} VALUES {}", chunk.join(","))).await?;
    }
    Ok(())
}

/// Seeds the city of 2026 with dinas of 333 and returns what to time.
pub async fn seed(db: &DatabaseConnection, employees: u32, days: u32) -> anyhow::Result<City> {
    seed_shaped(db, employees, days, 333, YEAR).await
}

/// Seeds a city of `employees` in dinas of `per_opd`, with approved SKPs of `year` and `days`
/// working days of activities from its first.
pub async fn seed_shaped(
    db: &DatabaseConnection,
    employees: u32,
    days: u32,
    per_opd: u32,
    year: i32,
) -> anyhow::Result<City> {
    let pg = db.get_database_backend() == DbBackend::Postgres;
    let now = now_sql(pg).to_owned();
    let opds = employees.div_ceil(per_opd).max(1);
    let mut units = vec![format!("(1,'PEMDA','Pemerintah Kota Bench',NULL,'pemda',false,{now},{now})")];
    let mut people = Vec::new();
    let mut plans = Vec::new();
    let mut rhk = Vec::new();
    let mut next_unit = 2i64;
    let mut next_emp = 1i64;
    let mut first = (0i64, 0i64, 0i64, 0u64); // (opd unit, kasi id, kasi's seksi, seksi size)
    let mut made = 0u32;
    for o in 0..opds {
        let opd = next_unit;
        next_unit += 1;
        units.push(format!("({opd},'OPD{o}','Dinas {o}',1,'opd',true,{now},{now})"));
        let mut seksi = Vec::new();
        for b in 0..4 {
            let bidang = next_unit;
            next_unit += 1;
            units.push(format!("({bidang},'OPD{o}-B{b}','Bidang {b} Dinas {o}',{opd},'bidang',false,{now},{now})"));
            for s in 0..2 {
                let id = next_unit;
                next_unit += 1;
                units.push(format!(
                    "({id},'OPD{o}-B{b}-S{s}','Seksi {s} Bidang {b} Dinas {o}',{bidang},'seksi',false,{now},{now})"
                ));
                seksi.push((id, bidang));
            }
        }
        let mut person = |unit: i64, sup: Option<i64>, kind: &str, title: &str| {
            let id = next_emp;
            next_emp += 1;
            // 18 digits with a real birth date (PPPK numbers), unique by the id.
            let nip = format!("19800101{id:010}");
            let sup_sql = sup.map(|s| s.to_string()).unwrap_or_else(|| "NULL".into());
            people
                .push(format!("({id},'{nip}','Pegawai {id}',{unit},'{title}','{kind}',{sup_sql},'pppk',{now},{now})"));
            plans.push(format!(
                "({id},{id},{year},1,'kuantitatif','approved',{sup_sql},NULL,{unit},'{title}',NULL,false,NULL,{now},{now},NULL,{now},{now})"
            ));
            rhk.push(format!("({id},{id},'Hasil kerja pegawai {id}','utama',{sup_sql},NULL,NULL,0,{now})"));
            id
        };
        let head = person(opd, None, "jpt", "Kepala Dinas");
        let mut kasis = Vec::new();
        for (i, (s, b)) in seksi.iter().enumerate() {
            // One kabid per bidang, created before its two kasi.
            let kabid = if i % 2 == 0 { person(*b, Some(head), "administrator", "Kepala Bidang") } else { 0 };
            let kabid = if kabid == 0 { kasis.last().map(|(_, _, k)| *k).unwrap_or(head) } else { kabid };
            let kasi = person(*s, Some(kabid), "pengawas", "Kepala Seksi");
            kasis.push((kasi, *s, kabid));
        }
        let staff = per_opd.min(employees - made).saturating_sub(13);
        let mut seksi_size = 0u64;
        for n in 0..staff {
            let (kasi, unit, _) = kasis[(n as usize) % kasis.len()];
            person(unit, Some(kasi), "pelaksana", "Pelaksana");
            if o == 0 && (n as usize).is_multiple_of(kasis.len()) {
                seksi_size += 1;
            }
        }
        if o == 0 {
            first = (opd, kasis[0].0, kasis[0].1, seksi_size + 1);
        }
        made += 13 + staff;
    }
    let txn = db.begin().await?;
    insert_rows(
        &txn,
        "INSERT INTO units (id, code, name, parent_id, kind, is_service_unit, created_at, updated_at)",
        &units,
    )
    .await?;
    insert_rows(
        &txn,
        "INSERT INTO employees (id, nip, name, unit_id, position_title, position_kind, supervisor_id, employment_type, created_at, updated_at)",
        &people,
    )
    .await?;
    insert_rows(
        &txn,
        "INSERT INTO skps (id, employee_id, year, revision, approach, status, penilai_id, atasan_penilai_id, unit_id, position_title, previous_id, superseded, return_reason, submitted_at, approved_at, approved_by_user_id, created_at, updated_at)",
        &plans,
    )
    .await?;
    insert_rows(
        &txn,
        "INSERT INTO rhk (id, skp_id, text, kind, parent_rhk_id, pk_goal_id, lineage_id, position, created_at)",
        &rhk,
    )
    .await?;
    let last_submitted = days.saturating_sub(5);
    let status = format!("CASE WHEN wd.n > {last_submitted} THEN 'submitted' ELSE 'approved' END");
    let activity_sql = working_days_sql(pg, year, days, &status, &now);
    let inserted = txn.execute_unprepared(&activity_sql).await?.rows_affected();
    // October's attendance for everyone: on time, except a late day every week and a day without
    // a record every month, so that the TPP has deductions to compute.
    let attendance_sql = if pg {
        format!(
            "INSERT INTO attendance (employee_id, date, status, late_minutes, updated_at)              SELECT e.id, d::date, CASE WHEN EXTRACT(DAY FROM d) = 15 THEN 'tanpa_rekam' ELSE 'hadir' END,                CASE WHEN EXTRACT(ISODOW FROM d) = 1 THEN (e.id % 120) ELSE 0 END, now()              FROM employees e CROSS JOIN generate_series(DATE '{year}-10-01', DATE '{year}-10-31', INTERVAL '1 day') d              WHERE EXTRACT(ISODOW FROM d) < 6"
        )
    } else {
        format!(
            "WITH RECURSIVE cal(d) AS (SELECT date('{year}-10-01') UNION ALL SELECT date(d, '+1 day') FROM cal WHERE d < '{year}-10-31')              INSERT INTO attendance (employee_id, date, status, late_minutes, updated_at)              SELECT e.id, d, CASE WHEN strftime('%d', d) = '15' THEN 'tanpa_rekam' ELSE 'hadir' END,                CASE WHEN strftime('%w', d) = '1' THEN (e.id % 120) ELSE 0 END, {now}              FROM employees e CROSS JOIN cal WHERE strftime('%w', d) NOT IN ('0','6')"
        )
    };
    txn.execute_unprepared(&attendance_sql).await?;
    kinerja_api::services::activity_totals::rebuild(&txn).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    if pg {
        for t in ["units", "employees", "skps", "rhk"] {
            db.execute_unprepared(&format!(
                "SELECT setval(pg_get_serial_sequence('{t}','id'), (SELECT MAX(id) FROM {t}))"
            ))
            .await?;
        }
    }
    txn.commit().await?;
    settle(db).await?;

    let actor = kinerja_api::audit::Actor::cli();
    let user =
        |name: &str, employee: i64, roles: Vec<kinerja_domain::Role>, unit: Option<i64>| kinerja_types::NewUser {
            username: name.to_owned(),
            password: PASSWORD.to_owned(),
            roles,
            employee_id: Some(employee),
            unit_id: unit,
        };
    let (opd, kasi, seksi, _) = first;
    kinerja_api::services::accounts::create(db, &actor, &user("kasi", kasi, vec![], None))
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let head = opd_head(db, opd).await?;
    kinerja_api::services::accounts::create(
        db,
        &actor,
        &user("kadis", head, vec![kinerja_domain::Role::KepalaUnit], Some(opd)),
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    kinerja_api::services::accounts::create(
        db,
        &actor,
        &kinerja_types::NewUser {
            username: "bkpsdm".into(),
            password: PASSWORD.to_owned(),
            roles: vec![kinerja_domain::Role::Admin],
            employee_id: None,
            unit_id: None,
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(City {
        activities: inserted,
        opd_id: opd,
        admin_login: ("bkpsdm".into(), PASSWORD.into()),
        supervisor_login: ("kasi".into(), PASSWORD.into()),
        head_login: ("kadis".into(), PASSWORD.into()),
        unit_id: seksi,
        month: (format!("{year}-10-01"), format!("{year}-10-31")),
        kasi_id: kasi,
    })
}

/// Copies the seeded year's first `days` working days of every employee into each of the `years`
/// years before it, all approved, one year per transaction; then rebuilds the daily totals and
/// analyses. Returns the rows written.
pub async fn add_past_years(db: &DatabaseConnection, days: u32, years: u32) -> anyhow::Result<u64> {
    let pg = db.get_database_backend() == DbBackend::Postgres;
    let mut written = 0;
    for back in 1..=years as i32 {
        let y = YEAR - back;
        let sql = working_days_sql(pg, y, days, "'approved'", now_sql(pg));
        if pg {
            // The year's partition exists before its rows arrive (the server makes only this
            // year's and the next ahead).
            db.execute_unprepared(&format!(
                "DO $$ BEGIN IF to_regclass('activities_y{y}') IS NULL THEN \
                   CREATE TABLE activities_y{y} PARTITION OF activities FOR VALUES FROM ('{y}-01-01') TO ('{}-01-01'); \
                   CREATE TABLE activity_daily_totals_y{y} PARTITION OF activity_daily_totals FOR VALUES FROM ('{y}-01-01') TO ('{}-01-01'); \
                 END IF; END $$",
                y + 1,
                y + 1
            ))
            .await?;
        }
        let started = std::time::Instant::now();
        let n = db.execute_unprepared(&sql).await?.rows_affected();
        println!("  {y}: {n} activities in {:.0} s", started.elapsed().as_secs_f64());
        written += n;
    }
    let txn = db.begin().await?;
    kinerja_api::services::activity_totals::rebuild(&txn).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    txn.commit().await?;
    settle(db).await?;
    Ok(written)
}

/// Brings a freshly loaded database to the state autovacuum keeps a live one in: statistics
/// gathered and, on PostgreSQL, the visibility map set (without it an index-only scan still visits
/// every heap page, and the timings would depend on when autovacuum happens to pass).
async fn settle(db: &DatabaseConnection) -> anyhow::Result<()> {
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => "VACUUM (ANALYZE)",
        _ => "ANALYZE",
    };
    db.execute_unprepared(sql).await?;
    Ok(())
}

/// The current time in SQL, as each database stores it.
fn now_sql(pg: bool) -> &'static str {
    if pg {
        "now()"
    } else {
        "strftime('%Y-%m-%dT%H:%M:%S+00:00','now')"
    }
}

/// One activity of four hours per employee on each of the first `days` working days of `year`,
/// with `status` (an SQL expression over the working day's number `wd.n`).
fn working_days_sql(pg: bool, year: i32, days: u32, status: &str, now: &str) -> String {
    let calendar = if pg {
        format!(
            "WITH wd AS (SELECT d::date AS d, ROW_NUMBER() OVER (ORDER BY d) AS n \
               FROM generate_series(DATE '{year}-01-01', DATE '{year}-12-31', INTERVAL '1 day') d \
               WHERE EXTRACT(ISODOW FROM d) < 6)"
        )
    } else {
        format!(
            "WITH RECURSIVE cal(d) AS (SELECT date('{year}-01-01') UNION ALL SELECT date(d, '+1 day') FROM cal WHERE d < '{year}-12-31'), \
             wd AS (SELECT d, ROW_NUMBER() OVER (ORDER BY d) AS n FROM cal WHERE strftime('%w', d) NOT IN ('0','6'))"
        )
    };
    format!(
        "{calendar} \
         INSERT INTO activities (employee_id, penilai_id, unit_id, skp_id, rhk_id, date, minutes, description, output_qty, status, submitted_at, decided_at, created_at, updated_at) \
         SELECT e.id, e.supervisor_id, e.unit_id, e.id, e.id, wd.d, 240, 'Menyusun laporan harian', 1.0, {status}, {now}, {now}, {now}, {now} \
         FROM employees e CROSS JOIN wd WHERE wd.n <= {days}"
    )
}

async fn opd_head(db: &DatabaseConnection, opd: i64) -> anyhow::Result<i64> {
    use kinerja_api::entities::employees;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    employees::Entity::find()
        .filter(employees::Column::UnitId.eq(opd))
        .filter(employees::Column::PositionKind.eq("jpt"))
        .one(db)
        .await?
        .map(|e| e.id)
        .ok_or_else(|| anyhow::anyhow!("no head"))
}

/// Sign-ins for up to `n` staff under the penilai, each with the id of their RHK (the bench city
/// gives every employee one RHK with the employee's id).
pub async fn staff(db: &DatabaseConnection, kasi: i64, n: usize) -> anyhow::Result<Vec<((String, String), i64)>> {
    use kinerja_api::entities::employees;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
    let ids: Vec<i64> = employees::Entity::find()
        .select_only()
        .column(employees::Column::Id)
        .filter(employees::Column::SupervisorId.eq(kasi))
        .limit(n as u64)
        .into_tuple()
        .all(db)
        .await?;
    let actor = kinerja_api::audit::Actor::cli();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let username = format!("staff{id}");
        let user = kinerja_types::NewUser {
            username: username.clone(),
            password: PASSWORD.to_owned(),
            roles: vec![],
            employee_id: Some(id),
            unit_id: None,
        };
        kinerja_api::services::accounts::create(db, &actor, &user).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        out.push(((username, PASSWORD.to_owned()), id));
    }
    Ok(out)
}
