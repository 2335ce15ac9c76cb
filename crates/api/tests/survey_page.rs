//! The satisfaction survey as the server renders it at `/survei/{code}`: the nine questions with
//! their four answers, the honeypot, the build's hashed stylesheet and script, the unit's
//! published index once (and only once) it is published, the language the reader chose, a plain
//! 404 for an unknown code with everything it echoes escaped, and a compressed page.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backend, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::json;

const STYLE: &str = "style.0123456789ab.css";
const SCRIPT: &str = "survey.ba9876543210.js";

async fn app_with_build(backend: Backend) -> (TestApp, tempfile::TempDir) {
    let build = tempfile::tempdir().unwrap();
    let dir = build.path().to_path_buf();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>Kinerja</title>").unwrap();
    let names = json!({ "style.css": STYLE, "survey.js": SCRIPT });
    std::fs::write(dir.join("assets.json"), names.to_string()).unwrap();
    (TestApp::spawn_with(backend, true, |c| c.static_dir = dir.clone()).await, build)
}

/// The page at `path` with the request's `cookie`: status, headers and text.
async fn page(app: &TestApp, path: &str, cookie: Option<&str>) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let mut req = app.client.get(app.url(path));
    if let Some(cookie) = cookie {
        req = req.header("cookie", cookie);
    }
    let res = req.send().await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    (status, headers, res.text().await.unwrap())
}

async fn the_survey_is_a_page_of_the_server(backend: Backend) {
    let (app, _build) = app_with_build(backend).await;
    let pkm = app.unit_id("PKM-SUKAJADI").await;
    // The code as a poster or a person writes it.
    let (status, headers, html) = page(&app, "/survei/pkm-sukajadi", None).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(headers["content-type"].to_str().unwrap().starts_with("text/html"));
    assert_eq!(headers["cache-control"], "no-cache");
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"id\">"), "{}", &html[..80]);
    assert!(html.contains(">Survei Kepuasan Masyarakat</h1>"));
    assert!(html.contains("<p class=\"survey-unit\">UPT Puskesmas Sukajadi</p>"));
    assert!(html.contains(&format!("data-unit=\"{pkm}\"")));
    assert_eq!(html.matches("<fieldset class=\"unsur\"").count(), 9, "nine unsur");
    assert_eq!(html.matches("type=\"radio\"").count(), 36, "four answers each");
    assert!(html.contains("<span class=\"unsur-code\">U1</span>Persyaratan</legend>"));
    assert!(html.contains("<span class=\"choice-text\">Gratis</span>"), "the scale of U4 is the regulation's");
    assert!(html.contains("<option value=\"25-34\">25–34 tahun</option>"));
    assert!(html.contains("id=\"website\" name=\"website\" type=\"text\" tabindex=\"-1\""), "the honeypot");
    // The build's names, cached for good by the browser; the staff navigation is not there.
    assert!(html.contains(&format!("href=\"/{STYLE}\"")) && html.contains(&format!("src=\"/{SCRIPT}\" defer")));
    assert!(!html.contains("main-nav"));
    // Sent by the script only: until it runs, the button waits (a plain submit would put the
    // answers in the address), and a browser without scripts is told.
    assert!(html.contains("type=\"submit\" disabled>") && html.contains("<noscript>"));
    assert!(html.contains("href=\"/masuk\""), "staff sign in elsewhere");
    // Nothing published for the year yet: no index under the form.
    assert!(!html.contains("id=\"public-ikm\""));

    // Published (on a sample of unknown sufficiency, so with a warning): the page shows it.
    for answers in [[4, 4, 3, 4, 3, 4, 4, 3, 4], [3, 3, 3, 4, 3, 3, 3, 3, 3]] {
        let survey = json!({ "unit_id": pkm, "answers": answers });
        let (status, body) = app.call(Method::POST, "/api/v1/public/surveys", None, Some(survey)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let head = app.token("kapkm.sukajadi").await;
    let (_, ikm) = app.get(&format!("/api/v1/units/{pkm}/ikm"), &head).await;
    let year = ikm["period"].as_str().unwrap().to_owned();
    let body = json!({ "period": year, "confirm_insufficient_sample": true });
    let (status, out) = app.post(&format!("/api/v1/units/{pkm}/ikm/publish"), &head, body).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let (_, public) = app.call(Method::GET, &format!("/api/v1/public/units/{pkm}/ikm?period={year}"), None, None).await;
    let value = format!("{:.2}", public["ikm"].as_f64().unwrap()).replace('.', ",");
    let (_, _, html) = page(&app, "/survei/PKM-SUKAJADI", None).await;
    assert!(html.contains("id=\"public-ikm\""), "the published index");
    assert!(html.contains(&format!("<span class=\"ikm-value\">{value}</span>")), "{value}");
    assert!(html.contains(&format!("Hasil survei kepuasan {year}")));
    assert!(html.contains("tanpa data jumlah penerima layanan"), "the sample's warning");

    // English when asked, kept in a cookie; the page speaks it again from the cookie alone.
    let (status, headers, html) = page(&app, "/survei/PKM-SUKAJADI?lang=en", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<html lang=\"en\">") && html.contains(">Public Satisfaction Survey</h1>"));
    assert!(html.contains("<span class=\"choice-text\">Free</span>"));
    assert!(html.contains(&format!("<span class=\"ikm-value\">{}</span>", value.replace(',', "."))));
    let cookie = headers["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("kinerja_lang=en") && cookie.contains("Path=/"), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    let (_, _, html) = page(&app, "/survei/PKM-SUKAJADI", Some("kinerja_lang=en")).await;
    assert!(html.contains(">Public Satisfaction Survey</h1>"));
    let (_, headers, html) = page(&app, "/survei/PKM-SUKAJADI?lang=xx", Some("kinerja_lang=fr")).await;
    assert!(html.contains(">Survei Kepuasan Masyarakat</h1>") && !headers.contains_key("set-cookie"));

    // An unknown code: a 404 page that says so and leads to the list, without the script.
    let (status, _, html) = page(&app, "/survei/TIDAKADA", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Unit layanan dengan kode TIDAKADA tidak ditemukan."), "{html}");
    assert!(html.contains("href=\"/layanan\"") && !html.contains(SCRIPT));
    // Whatever the address carries is escaped where the page repeats it.
    let (status, _, html) = page(&app, "/survei/%3Cscript%3Ealert(1)%3C%2Fscript%3E", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("&lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt;") && !html.contains("<SCRIPT>"), "{html}");
    // A long code is repeated only as far as a code can go.
    let long = "A".repeat(200);
    let (status, _, html) = page(&app, &format!("/survei/{long}"), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains(&format!("kode {} tidak", "A".repeat(32))), "{html}");

    // Compressed for whoever accepts it; asked with HEAD; written to by nobody.
    let res = app.client.get(app.url("/survei/PKM-SUKAJADI")).header("accept-encoding", "br").send().await.unwrap();
    assert_eq!((res.status(), res.headers()["content-encoding"].to_str().unwrap()), (StatusCode::OK, "br"));
    let res = app.client.head(app.url("/survei/PKM-SUKAJADI")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = app.client.post(app.url("/survei/PKM-SUKAJADI")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    // The poster of the same unit is the staff app's.
    let (status, _, html) = page(&app, "/survei/PKM-SUKAJADI/poster", None).await;
    assert_eq!((status, html.as_str()), (StatusCode::OK, "<!doctype html><title>Kinerja</title>"));
}

/// The page counts against the address's public reads like the API's public reads: past the
/// limit it says so in plain words, with `Retry-After`.
async fn the_page_is_limited_like_every_public_read(backend: Backend) {
    let app = TestApp::spawn_with(backend, true, |c| c.public_reads_per_minute = 2).await;
    for _ in 0..2 {
        assert_eq!(page(&app, "/survei/PKM-SUKAJADI", None).await.0, StatusCode::OK);
    }
    let res = app.client.get(app.url("/survei/PKM-SUKAJADI")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key("retry-after"), "{:?}", res.text().await);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(res.text().await.unwrap().contains("Terlalu banyak permintaan dari alamat ini"));
}

backend_tests!(the_survey_is_a_page_of_the_server, the_page_is_limited_like_every_public_read);
