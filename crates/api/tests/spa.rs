//! The built SPA as a phone gets it: a content-hashed file cached for good and sent as brotli or
//! gzip to whoever accepts it, `index.html` (for any client-side route) or `citizen.html` (for a
//! citizen's address) asked again every time, and nothing outside the build directory.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backend, TestApp};
use reqwest::StatusCode;

const HASHED: &str = "app.0123456789ab.js";

async fn serves_hashed_files_compressed_and_index_fresh(backend: Backend) {
    let build = tempfile::tempdir().unwrap();
    let dir = build.path().to_path_buf();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>Kinerja</title>").unwrap();
    std::fs::write(dir.join("citizen.html"), "<!doctype html><title>Kinerja untuk warga</title>").unwrap();
    std::fs::write(dir.join("citizen.html.br"), "brotli-citizen").unwrap();
    std::fs::write(dir.join(HASHED), "plain").unwrap();
    std::fs::write(dir.join(format!("{HASHED}.br")), "brotli-bytes").unwrap();
    std::fs::write(dir.join(format!("{HASHED}.gz")), "gzip-bytes").unwrap();
    let app = TestApp::spawn_with(backend, false, |c| c.static_dir = dir.clone()).await;
    let get =
        |path: &str, accept: &str| app.client.get(app.url(path)).header("accept-encoding", accept.to_owned()).send();
    let header = |r: &reqwest::Response, name: &str| {
        r.headers().get(name).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default()
    };
    for (accept, encoding, body) in [
        ("gzip, deflate, br", "br", "brotli-bytes"),
        ("gzip", "gzip", "gzip-bytes"),
        ("identity", "", "plain"),
        ("br;q=0, gzip", "gzip", "gzip-bytes"),
    ] {
        let res = get(&format!("/{HASHED}"), accept).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(header(&res, "content-encoding"), encoding, "{accept}");
        assert!(
            header(&res, "content-type").starts_with("text/javascript")
                || header(&res, "content-type").starts_with("application/javascript"),
            "{accept}"
        );
        assert_eq!(header(&res, "cache-control"), "public, max-age=31536000, immutable");
        assert_eq!(header(&res, "vary"), "accept-encoding");
        assert_eq!(res.text().await.unwrap(), body, "{accept}");
    }
    // A client-side route, and the bare root: index.html, never cached; a citizen's address gets
    // the citizen bundle's page the same way, compressed for whoever accepts it.
    let staff = ["/", "/penilaian/12", "/survei/PKM-SUKAJADI/poster", "/pengaduan-masuk", "/forum/3"];
    let citizen = ["/pengaduan", "/lacak/ADU-2026-0001", "/forum-publik/3", "/layanan"];
    for (path, title) in staff
        .iter()
        .map(|p| (p, "<title>Kinerja</title>"))
        .chain(citizen.iter().map(|p| (p, "<title>Kinerja untuk warga</title>")))
    {
        let res = get(path, "identity").await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&res, "cache-control"), "no-cache", "{path}");
        assert!(header(&res, "content-type").starts_with("text/html"), "{path}");
        assert!(res.text().await.unwrap().contains(title), "{path}");
    }
    let res = get("/pengaduan", "gzip, br").await.unwrap();
    assert_eq!(
        (header(&res, "content-encoding"), header(&res, "cache-control")),
        ("br".to_owned(), "no-cache".to_owned())
    );
    assert!(header(&res, "content-type").starts_with("text/html"));
    assert_eq!(res.text().await.unwrap(), "brotli-citizen");
    // A build from before the citizen bundle: the staff app shows the citizen pages too.
    std::fs::remove_file(dir.join("citizen.html")).unwrap();
    let res = get("/lacak", "identity").await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("<title>Kinerja</title>"));
    // The compressed copies are not files of their own, nothing leaves the directory, and a file
    // that is not there (an old build's) is a 404, not a page in its place.
    for path in [format!("/{HASHED}.br"), "/%2e%2e/Cargo.toml".to_owned(), "/kinerja_bg.000000000000.wasm".to_owned()] {
        let res = get(&path, "identity").await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(!res.text().await.unwrap().contains("<title>Kinerja</title>"), "{path}");
    }
    // A range is of the file itself, never a slice of a compressed copy.
    let res = app
        .client
        .get(app.url(&format!("/{HASHED}")))
        .header("accept-encoding", "br")
        .header("range", "bytes=0-2")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PARTIAL_CONTENT);
    assert!(matches!(header(&res, "content-encoding").as_str(), "" | "identity"), "the plain file");
    assert_eq!(res.text().await.unwrap(), "pla");
    // Only reading: other methods are refused outside the API.
    let res = app.client.post(app.url("/masuk")).send().await.unwrap();
    assert_eq!((res.status(), header(&res, "allow")), (StatusCode::METHOD_NOT_ALLOWED, "GET, HEAD".to_owned()));
    // The API keeps its own answers.
    let res = get("/api/v1/nothing-here", "gzip").await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(header(&res, "content-type").starts_with("application/problem+json"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    serves_hashed_files_compressed_and_index_fresh(Backend::Sqlite).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    serves_hashed_files_compressed_and_index_fresh(Backend::Postgres).await
}
