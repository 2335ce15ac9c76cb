//! `kinerja blobs migrate`: copies the evidence files of the local store into the store of
//! `KINERJA_BLOB_URL` (an S3-compatible bucket), verifying every file's hash on both sides, then
//! checks that every file the database names is in the new store. Safe to run again: files
//! already there are verified, not copied.

use crate::db;
use crate::entities::evidence;
use crate::storage::{Blobs, Listed};
use futures_util::TryStreamExt;
use indicatif::{ProgressBar, ProgressStyle};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use std::path::{Path, PathBuf};

pub async fn migrate(url: &str, data_dir: &Path, from: Option<PathBuf>, to: Option<&str>) -> anyhow::Result<()> {
    let to = to.filter(|t| !t.trim().is_empty()).ok_or_else(|| {
        anyhow::anyhow!("set KINERJA_BLOB_URL (or --blob-url) to the store to copy into, e.g. s3://bucket/prefix")
    })?;
    let from = from.unwrap_or_else(|| data_dir.join("evidence"));
    anyhow::ensure!(from.is_dir(), "{} is not a directory of evidence files", from.display());
    let source = Blobs::local(&from, data_dir.join("incoming"))?;
    let target = Blobs::open(Some(to), &[], data_dir)?;
    anyhow::ensure!(source.location != target.location, "the source and the target are the same store");
    let listed: Vec<Listed> = source.list().try_collect().await?;
    let bar = ProgressBar::new(listed.len() as u64);
    bar.set_style(ProgressStyle::with_template("{bar:40} {pos}/{len} berkas {msg}")?);
    let (mut copied, mut present, mut repaired, mut bytes) = (0u64, 0u64, 0u64, 0u64);
    let mut problems = Vec::new();
    for item in &listed {
        bar.inc(1);
        let sha = &item.sha256;
        if source.digest(sha).await? != *sha {
            problems
                .push(format!("{sha}: isi di {} tidak cocok dengan hash-nya (rusak); tidak disalin", from.display()));
            continue;
        }
        if target.contains(sha).await? {
            present += 1;
        } else {
            let path = source.local_path(sha).ok_or_else(|| anyhow::anyhow!("the source is not local"))?;
            target.adopt(sha, &path).await?;
            copied += 1;
            bytes += item.size;
        }
        if target.digest(sha).await? != *sha {
            // A damaged copy is replaced from the source, then checked again.
            let path = source.local_path(sha).ok_or_else(|| anyhow::anyhow!("the source is not local"))?;
            target.replace(sha, &path).await?;
            repaired += 1;
            if target.digest(sha).await? != *sha {
                problems
                    .push(format!("{sha}: salinan di {to} tidak cocok dengan hash-nya, juga setelah disalin ulang"));
            }
        }
    }
    bar.finish_and_clear();
    // Every file the database names must now be in the target.
    let db = db::connect(url).await?;
    let named: Vec<Option<String>> = evidence::Entity::find()
        .select_only()
        .column(evidence::Column::Sha256)
        .filter(evidence::Column::Sha256.is_not_null())
        .distinct()
        .into_tuple()
        .all(&db)
        .await?;
    let mut missing = 0u64;
    for sha in named.into_iter().flatten() {
        if !target.contains(&sha).await? {
            missing += 1;
            problems.push(format!("{sha}: disebut basis data tetapi tidak ada di {to}"));
        }
    }
    println!(
        "{} berkas diperiksa: {copied} disalin ({:.1} MB), {present} sudah ada, {repaired} diperbaiki; hash setiap salinan diperiksa.",
        listed.len(),
        bytes as f64 / 1_048_576.0
    );
    if problems.is_empty() {
        println!("Semua berkas bukti yang disebut basis data ada di {to}. Setel KINERJA_BLOB_URL={to} pada server.");
        return Ok(());
    }
    for p in &problems {
        eprintln!("  {p}");
    }
    anyhow::bail!("{} masalah ({missing} berkas hilang); perbaiki lalu jalankan lagi", problems.len())
}
