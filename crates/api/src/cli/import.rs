//! `kinerja import employees FILE`, with a progress bar.

use crate::audit::Actor;
use crate::services::employee_import::{self, ImportFailure};
use indicatif::{ProgressBar, ProgressStyle};
use sea_orm::DatabaseConnection;
use std::path::Path;

pub async fn employees(db: &DatabaseConnection, file: &Path) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message("Mengimpor pegawai");
    let progress = |done: u64, total: u64| {
        bar.set_length(total);
        bar.set_position(done);
    };
    let result = employee_import::import(db, &bytes, &Actor::cli(), &progress).await;
    bar.finish_and_clear();
    match result {
        Ok(report) => {
            println!("Impor selesai: {} pegawai baru, {} diperbarui.", report.created, report.updated);
            Ok(())
        }
        Err(ImportFailure::Rows(rows)) => {
            for r in &rows {
                eprintln!("baris {}: {}: {}", r.line, r.field, r.message);
            }
            anyhow::bail!("{} baris bermasalah; tidak ada data yang diimpor", rows.len())
        }
        Err(ImportFailure::Db(e)) => Err(e.into()),
    }
}
