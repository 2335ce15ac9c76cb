//! Evidence in an S3-compatible object store: a real S3-protocol server (moto) started by the test,
//! the server configured by `KINERJA_BLOB_URL`, and `kinerja blobs migrate` copying a local store
//! into a bucket.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::s3::S3Server;
use common::{Backend, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn upload(app: &TestApp, token: &str, name: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
    app.upload_evidence(token, name, bytes).await
}

fn pdf(text: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").into_bytes()
}

/// A PNG header followed by `size` bytes that do not repeat (so no store could shrink them).
fn big_png(size: usize) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0".to_vec();
    let mut x: u32 = 2463534242;
    b.extend((0..size).map(|_| {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x as u8
    }));
    b
}

fn files_under(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries.filter_map(Result::ok).map(|e| if e.path().is_dir() { files_under(&e.path()) } else { 1 }).sum()
        })
        .unwrap_or(0)
}

async fn evidence_is_kept_in_s3_once_per_content(backend: Backend) {
    let s3 = S3Server::shared();
    let bucket = s3.bucket("bukti").await;
    let app = TestApp::spawn_with(backend, true, |c| {
        c.blob_url = Some(format!("s3://{bucket}/kota-demo"));
        c.blob_options = s3.options();
    })
    .await;
    let dedi = app.token("dedi").await;
    let sri = app.token("sri").await;
    // The same file uploaded twice, by two people, under two names: one object.
    let (status, first) = upload(&app, &dedi, "rekap.pdf", pdf("rekap Januari")).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    let (status, second) = upload(&app, &sri, "salinan.pdf", pdf("rekap Januari")).await;
    assert_eq!(status, StatusCode::CREATED, "{second}");
    assert_eq!(first["sha256"], second["sha256"]);
    assert_ne!(first["id"], second["id"]);
    let sha = first["sha256"].as_str().unwrap().to_owned();
    assert_eq!(s3.keys(&bucket).await, vec![format!("kota-demo/{}/{}/{sha}", &sha[0..2], &sha[2..4])]);
    // A file larger than one part goes up in parts (multipart upload) and comes back whole.
    app.patch("/api/v1/settings", &app.token("admin").await, json!({ "evidence_max_bytes": 20 * 1024 * 1024 })).await;
    let photo = big_png(12 * 1024 * 1024);
    let (status, big) = upload(&app, &dedi, "foto besar.png", photo.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{big}");
    assert_eq!(s3.keys(&bucket).await.len(), 2);
    // Nothing was kept on the local disk but the (emptied) staging directory.
    assert_eq!(files_under(&app.data_dir().join("evidence")), 0);
    assert_eq!(files_under(&app.data_dir().join("incoming")), 0);
    // Downloads stream back with the same headers as from the local disk.
    let res =
        app.client.get(app.url(&format!("/api/v1/evidence/{}", first["id"]))).bearer_auth(&dedi).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert_eq!(res.headers()["content-disposition"], "attachment; filename=\"rekap.pdf\"");
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    assert_eq!(res.headers()["content-length"], pdf("rekap Januari").len().to_string().as_str());
    assert_eq!(res.bytes().await.unwrap().as_ref(), pdf("rekap Januari").as_slice());
    let res =
        app.client.get(app.url(&format!("/api/v1/evidence/{}", big["id"]))).bearer_auth(&dedi).send().await.unwrap();
    assert_eq!(res.headers()["content-length"], photo.len().to_string().as_str());
    assert!(res.bytes().await.unwrap().as_ref() == photo.as_slice(), "the large file came back changed");
    // Who may download is unchanged: an outsider gets 404.
    let outsider = app.token("kadisdukcapil").await;
    let res = app
        .client
        .get(app.url(&format!("/api/v1/evidence/{}", first["id"])))
        .bearer_auth(&outsider)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

/// Runs `kinerja blobs migrate` for the app's database and data directory into `target`.
fn migrate(app: &TestApp, s3: &S3Server, target: &str) -> std::process::Output {
    let mut env = s3.env();
    env.push(("KINERJA_BLOB_URL".into(), target.into()));
    app.cli(&["blobs", "migrate"], &env)
}

async fn blobs_migrate_copies_the_local_store_and_verifies_every_hash(backend: Backend) {
    let s3 = S3Server::shared();
    let app = TestApp::spawn(backend).await;
    let dedi = app.token("dedi").await;
    let (_, a) = upload(&app, &dedi, "a.pdf", pdf("berkas A")).await;
    let (_, b) = upload(&app, &dedi, "b.pdf", pdf("berkas B")).await;
    assert_eq!(files_under(&app.data_dir().join("evidence")), 2);
    let bucket = s3.bucket("pindah").await;
    let target = format!("s3://{bucket}/bukti");
    let out = migrate(&app, s3, &target);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("2 berkas diperiksa: 2 disalin"), "{stdout}");
    assert_eq!(s3.keys(&bucket).await.len(), 2);
    // Run again: nothing is copied, every copy is verified again.
    let out = migrate(&app, s3, &target);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(stdout.contains("2 berkas diperiksa: 0 disalin (0.0 MB), 2 sudah ada, 0 diperbaiki"), "{stdout}");
    // A damaged copy in the bucket is found by its hash and copied again.
    let sha = a["sha256"].as_str().unwrap();
    s3.overwrite(&bucket, &format!("bukti/{}/{}/{sha}", &sha[0..2], &sha[2..4]), b"rusak".to_vec()).await;
    let out = migrate(&app, s3, &target);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("2 sudah ada, 1 diperbaiki"), "{stdout}");
    let store = kinerja_api::storage::Blobs::open(Some(&target), &s3.options(), app.data_dir()).unwrap();
    assert_eq!(store.digest(sha).await.unwrap(), sha, "the copy is whole again");
    // A damaged file in the local store is not copied, and the command fails.
    let local = app.data_dir().join("evidence").join(&sha[0..2]).join(&sha[2..4]).join(sha);
    std::fs::write(&local, b"rusak di sumber").unwrap();
    let out = migrate(&app, s3, &format!("s3://{}", s3.bucket("sumber").await));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains(&format!("{sha}: isi di")) && stderr.contains("rusak"), "{stderr}");
    // A file the database names but the local store lost is reported as missing.
    let other = s3.bucket("kosong").await;
    let sha_b = b["sha256"].as_str().unwrap();
    std::fs::remove_file(app.data_dir().join("evidence").join(&sha_b[0..2]).join(&sha_b[2..4]).join(sha_b)).unwrap();
    let out = migrate(&app, s3, &format!("s3://{other}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains(&format!("{sha_b}: disebut basis data tetapi tidak ada")), "{stderr}");
    // Without a target it says what to set.
    let out = migrate(&app, s3, "");
    assert!(String::from_utf8_lossy(&out.stderr).contains("set KINERJA_BLOB_URL"));
}

backend_tests!(evidence_is_kept_in_s3_once_per_content, blobs_migrate_copies_the_local_store_and_verifies_every_hash);
