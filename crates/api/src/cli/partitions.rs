//! `kinerja partitions …`: the yearly partitions of PostgreSQL's history tables (see `partitions`).

use crate::partitions;
use chrono::Datelike;
use sea_orm::DatabaseConnection;

pub async fn ensure(db: &DatabaseConnection) -> anyhow::Result<()> {
    let made = partitions::ensure_ahead(db, chrono::Utc::now().year()).await?;
    if made.is_empty() {
        println!("Semua partisi tahun ini dan tahun depan sudah ada.");
    } else {
        println!("Partisi dibuat: {}", made.join(", "));
    }
    Ok(())
}

pub async fn list(db: &DatabaseConnection) -> anyhow::Result<()> {
    for p in partitions::list(db).await? {
        println!("{:<24} {:<32} {:>12} baris", p.table, p.partition, p.rows);
    }
    Ok(())
}

pub async fn archive(db: &DatabaseConnection, year: i32, yes: bool) -> anyhow::Result<()> {
    let question = format!(
        "Aktivitas, total harian, log audit dan pesan tahun {year} akan DILEPAS dari aplikasi (tetap ada sebagai tabel terpisah untuk dicadangkan). Lanjutkan? Ketik 'ya': "
    );
    if !yes && !super::prompt::confirm(&question, &format!("archiving detaches {year} from the app"))? {
        anyhow::bail!("archive cancelled; nothing changed");
    }
    let done = partitions::archive(db, year, chrono::Utc::now().year()).await?;
    println!("Tahun {year} diarsipkan:");
    for (table, rows) in &done.detached {
        println!("  {table:<32} {rows:>12} baris dilepas");
    }
    println!(
        "Titik periksa log audit: entri #{} {} ({} entri tahun ini); rantai audit berlanjut dari sini.",
        done.checkpoint.last_id, done.checkpoint.last_hash, done.checkpoint.entries
    );
    let tables: Vec<String> = done.detached.iter().map(|(t, _)| format!("-t {t}")).collect();
    println!(
        "Cadangkan lalu hapus tabelnya bila sudah aman:\n  pg_dump --format=custom {} --file=arsip-{year}.dump \"$KINERJA_DATABASE_URL\"\n  psql \"$KINERJA_DATABASE_URL\" -c 'DROP TABLE {}'",
        tables.join(" "),
        done.detached.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(", ")
    );
    Ok(())
}
