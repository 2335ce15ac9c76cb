//! `kinerja import employees|attendance FILE`, with a progress bar.

use crate::audit::Actor;
use crate::services::csv_import::ImportFailure;
use crate::services::{attendance_import, employee_import};
use indicatif::{ProgressBar, ProgressStyle};
use kinerja_types::ImportReport;
use sea_orm::DatabaseConnection;
use std::path::Path;

/// The progress bar of an import, and how its outcome is told.
struct ImportBar(ProgressBar);

impl ImportBar {
    fn new(label: &str) -> Self {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} ({eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar.set_message(label.to_owned());
        Self(bar)
    }

    fn update(&self, done: u64, total: u64) {
        self.0.set_length(total);
        self.0.set_position(done);
    }

    /// Prints the outcome, or every bad line and a one-line reason.
    fn finish(self, result: Result<ImportReport, ImportFailure>, what: &str) -> anyhow::Result<()> {
        self.0.finish_and_clear();
        match result {
            Ok(report) => {
                println!("Impor selesai: {} {what} baru, {} diperbarui.", report.created, report.updated);
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
}

fn read(file: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(file).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))
}

pub async fn employees(db: &DatabaseConnection, file: &Path) -> anyhow::Result<()> {
    let bytes = read(file)?;
    let bar = ImportBar::new("Mengimpor pegawai");
    let result = employee_import::import(db, &bytes, &Actor::cli(), &|d, t| bar.update(d, t)).await;
    bar.finish(result, "pegawai")
}

pub async fn attendance(db: &DatabaseConnection, file: &Path) -> anyhow::Result<()> {
    let bytes = read(file)?;
    let today = crate::pemda_settings::load(db).await.map_err(|e| anyhow::anyhow!("{e}"))?.today();
    let bar = ImportBar::new("Mengimpor presensi");
    let result = attendance_import::import(db, &bytes, &Actor::cli(), today, &|d, t| bar.update(d, t)).await;
    bar.finish(result, "hari presensi")
}
