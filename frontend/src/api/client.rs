//! The one fetch wrapper. It adds `Authorization: Bearer`, renews the session once when the
//! server answers 401 (or just before the access token expires), and turns every failure into
//! an [`ApiError`]. Files go through it too: downloads (CSV, evidence) and uploads, which use
//! XMLHttpRequest because only it reports how far an upload has come.

use super::session::{self, Tokens};
use super::ApiError;
use futures::channel::oneshot;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::{Method, RequestBuilder, Response};
use kinerja_types::{Problem, RefreshRequest, TokenPair};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{FormData, ProgressEvent, XmlHttpRequest};
use yew::Callback;

const BASE: &str = "/api/v1";

/// Renew this long before the access token expires rather than wait for a 401.
const RENEW_MARGIN_MS: f64 = 5_000.0;

/// Query parameters: name and value.
pub type Query<'a> = [(&'a str, String)];

/// One request to the API.
struct Call<'a> {
    method: Method,
    path: &'a str,
    query: &'a Query<'a>,
    /// The text (JSON, CSV) or bytes (a workbook) to send.
    body: Option<wasm_bindgen::JsValue>,
    /// Whether to send the session's token (and renew it when needed).
    signed: bool,
    /// The media type asked for.
    accept: &'static str,
    /// Further headers (a counter kiosk's token).
    headers: &'a [(&'a str, String)],
}

const JSON: &str = "application/json";

/// `GET {path}` as the signed-in user.
pub async fn get<T: DeserializeOwned>(path: &str, query: &Query<'_>) -> Result<T, ApiError> {
    let call = Call { method: Method::GET, path, query, body: None, signed: true, accept: JSON, headers: &[] };
    decode(execute(&call).await?).await
}

/// Every item of a paged list, page by page (the largest pages the server gives): for views that
/// show a whole list (a report, one complaint's history, one employee's plans, one's teams).
pub async fn items<T: DeserializeOwned>(path: &str, query: &Query<'_>) -> Result<Vec<T>, ApiError> {
    Ok(all_pages(path, query).await?.items)
}

/// Every page of a list joined into one, with the list's total.
pub async fn all_pages<T: DeserializeOwned>(path: &str, query: &Query<'_>) -> Result<kinerja_types::Page<T>, ApiError> {
    let per_page = kinerja_types::Page::<()>::MAX_PER_PAGE;
    let mut items = Vec::new();
    let mut page = 1u64;
    loop {
        let mut q = query.to_vec();
        q.push(("per_page", per_page.to_string()));
        q.push(("page", page.to_string()));
        let got: kinerja_types::Page<T> = get(path, &q).await?;
        let total = got.total;
        let last = got.items.is_empty() || page * per_page >= total;
        items.extend(got.items);
        if last {
            return Ok(kinerja_types::Page { items, total, page: 1, per_page: total.max(1) });
        }
        page += 1;
    }
}

/// `POST`/`PATCH`/`PUT {path}` with a JSON body as the signed-in user.
pub async fn send<B, T>(method: Method, path: &str, body: &B) -> Result<T, ApiError>
where
    B: Serialize + ?Sized,
    T: DeserializeOwned,
{
    let call =
        Call { method, path, query: &[], body: Some(encode(body)?.into()), signed: true, accept: JSON, headers: &[] };
    decode(execute(&call).await?).await
}

/// Like [`send`], with further `headers` (an `Idempotency-Key` of the offline queue).
pub async fn send_with<B, T>(method: Method, path: &str, body: &B, headers: &[(&str, String)]) -> Result<T, ApiError>
where
    B: Serialize + ?Sized,
    T: DeserializeOwned,
{
    let call = Call { method, path, query: &[], body: Some(encode(body)?.into()), signed: true, accept: JSON, headers };
    decode(execute(&call).await?).await
}

/// Like [`send`], for writes the server answers with 204 No Content.
pub async fn send_empty<B>(method: Method, path: &str, body: &B) -> Result<(), ApiError>
where
    B: Serialize + ?Sized,
{
    let call =
        Call { method, path, query: &[], body: Some(encode(body)?.into()), signed: true, accept: JSON, headers: &[] };
    nothing_back(execute(&call).await?).await
}

/// `POST`/`DELETE {path}` without a body as the signed-in user (an action such as "submit").
pub async fn act<T: DeserializeOwned>(method: Method, path: &str) -> Result<T, ApiError> {
    let call = Call { method, path, query: &[], body: None, signed: true, accept: JSON, headers: &[] };
    decode(execute(&call).await?).await
}

/// Like [`act`], for actions the server answers with 204 No Content.
pub async fn act_empty(method: Method, path: &str) -> Result<(), ApiError> {
    let call = Call { method, path, query: &[], body: None, signed: true, accept: JSON, headers: &[] };
    nothing_back(execute(&call).await?).await
}

/// An answer without a body: fine, or the server's error.
async fn nothing_back(response: Response) -> Result<(), ApiError> {
    if response.ok() {
        Ok(())
    } else {
        Err(failure(response).await)
    }
}

/// `POST {path}` with `tokens` given rather than stored, and no renewal: for revoking a
/// session that was already forgotten locally.
pub async fn post_as<B>(tokens: &Tokens, path: &str, body: &B) -> Result<(), ApiError>
where
    B: Serialize + ?Sized,
{
    let call = Call {
        method: Method::POST,
        path,
        query: &[],
        body: Some(encode(body)?.into()),
        signed: false,
        accept: JSON,
        headers: &[],
    };
    nothing_back(attempt(&call, Some(tokens)).await?).await
}

/// `POST {path}` without a session (sign-in).
pub async fn post_anonymous<B, T>(path: &str, body: &B) -> Result<T, ApiError>
where
    B: Serialize + ?Sized,
    T: DeserializeOwned,
{
    let call = Call {
        method: Method::POST,
        path,
        query: &[],
        body: Some(encode(body)?.into()),
        signed: false,
        accept: JSON,
        headers: &[],
    };
    decode(execute(&call).await?).await
}

/// `POST {path}` without a session, answered without a body (a reset link asked for or used).
pub async fn post_anonymous_empty<B>(path: &str, body: &B) -> Result<(), ApiError>
where
    B: Serialize + ?Sized,
{
    let call = Call {
        method: Method::POST,
        path,
        query: &[],
        body: Some(encode(body)?.into()),
        signed: false,
        accept: JSON,
        headers: &[],
    };
    nothing_back(execute(&call).await?).await
}

/// `GET {path}` without a session: what citizens read (service units, a complaint's status).
pub async fn get_anonymous<T: DeserializeOwned>(path: &str, query: &Query<'_>) -> Result<T, ApiError> {
    let call = Call { method: Method::GET, path, query, body: None, signed: false, accept: JSON, headers: &[] };
    decode(execute(&call).await?).await
}

/// `POST {path}` with a CSV file's text as the signed-in user (an import). The answer is handed
/// back as it came: a refused import's 422 lists the bad rows, which [`super::imports`] reads.
pub async fn post_csv(path: &str, csv: String) -> Result<Response, ApiError> {
    let headers = [("Content-Type", "text/csv; charset=utf-8".to_owned())];
    let call = Call {
        method: Method::POST,
        path,
        query: &[],
        body: Some(csv.into()),
        signed: true,
        accept: JSON,
        headers: &headers,
    };
    execute(&call).await
}

/// `POST {path}` with a file's bytes of type `content_type` as the signed-in user (an import of a
/// workbook), answered as it came, like [`post_csv`].
pub async fn post_file(path: &str, query: &Query<'_>, bytes: &[u8], content_type: &str) -> Result<Response, ApiError> {
    let headers = [("Content-Type", content_type.to_owned())];
    let body = js_sys::Uint8Array::from(bytes).into();
    let call =
        Call { method: Method::POST, path, query, body: Some(body), signed: true, accept: JSON, headers: &headers };
    execute(&call).await
}

/// A file the server sent.
#[derive(Debug, Clone, PartialEq)]
pub struct Download {
    pub bytes: Vec<u8>,
    /// The name the server suggests (`Content-Disposition`), if any.
    pub filename: Option<String>,
    pub content_type: String,
}

impl Download {
    /// Whether the server answered JSON rather than a file (an evidence link is described so).
    pub fn is_json(&self) -> bool {
        self.content_type.starts_with(JSON)
    }
}

/// `GET {path}` as the signed-in user, for a file (`*/*`), e.g. a CSV export or an evidence file.
pub async fn download(path: &str, query: &Query<'_>) -> Result<Download, ApiError> {
    let call = Call { method: Method::GET, path, query, body: None, signed: true, accept: "*/*", headers: &[] };
    let response = execute(&call).await?;
    if !response.ok() {
        return Err(failure(response).await);
    }
    let headers = response.headers();
    let content_type = headers.get("content-type").unwrap_or_default();
    let filename = headers.get("content-disposition").as_deref().and_then(attachment_name);
    let bytes = response.binary().await.map_err(|_| ApiError::BadResponse)?;
    Ok(Download { bytes, filename, content_type })
}

/// The form of a download, both for people: an Excel workbook, or a CSV for Excel in Indonesian
/// (Indonesian headers, `;`, a decimal comma, a UTF-8 BOM: `lang=id`). Scripts ask the API for its
/// plain CSV themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

impl FileFormat {
    /// The query parameters that ask for it.
    pub fn query(self) -> Vec<(&'static str, String)> {
        match self {
            FileFormat::Csv => vec![("format", "csv".to_owned()), ("lang", "id".to_owned())],
            FileFormat::Xlsx => vec![("format", "xlsx".to_owned())],
        }
    }
}

/// The `filename="..."` of a `Content-Disposition` header.
fn attachment_name(header: &str) -> Option<String> {
    let start = header.find("filename=")? + "filename=".len();
    let rest = header[start..].trim_start();
    let name = match rest.strip_prefix('"') {
        Some(quoted) => quoted.split('"').next().unwrap_or_default(),
        None => rest.split(';').next().unwrap_or_default().trim(),
    };
    (!name.is_empty()).then(|| name.to_owned())
}

/// `POST {path}` of `file` as the multipart part `file`, as the signed-in user, with further
/// `headers`. `on_progress` is told the share sent so far (0 to 1) while the upload runs.
pub async fn upload<T: DeserializeOwned>(
    path: &str,
    file: &web_sys::File,
    headers: &[(&str, String)],
    on_progress: Callback<f64>,
) -> Result<T, ApiError> {
    let tokens = current_tokens().await?;
    let url = format!("{BASE}{path}");
    let (mut status, mut body) = send_file(&url, file, headers, tokens.as_ref(), &on_progress).await?;
    if let (401, Some(sent)) = (status, tokens) {
        let fresh = match session::load() {
            Some(stored) if stored.access_token != sent.access_token => stored,
            _ => renew().await?,
        };
        (status, body) = send_file(&url, file, headers, Some(&fresh), &on_progress).await?;
        if status == 401 {
            session::clear();
        }
    }
    if (200..300).contains(&status) {
        serde_json::from_str(&body).map_err(|_| ApiError::BadResponse)
    } else {
        Err(ApiError::from_status(status, serde_json::from_str::<Problem>(&body).ok()))
    }
}

/// One upload attempt: the status and the body of the answer.
async fn send_file(
    url: &str,
    file: &web_sys::File,
    extra: &[(&str, String)],
    tokens: Option<&Tokens>,
    on_progress: &Callback<f64>,
) -> Result<(u16, String), ApiError> {
    let form = FormData::new().map_err(|_| ApiError::Network)?;
    form.append_with_blob_and_filename("file", file, &file.name()).map_err(|_| ApiError::Network)?;
    let xhr = XmlHttpRequest::new().map_err(|_| ApiError::Network)?;
    xhr.open("POST", url).map_err(|_| ApiError::Network)?;
    let headers = [("Accept", JSON.to_owned()), ("Accept-Language", crate::i18n::Lang::stored().code().to_owned())];
    let bearer = tokens.map(|t| ("Authorization", format!("Bearer {}", t.access_token)));
    for (name, value) in headers.iter().chain(extra).chain(bearer.iter()) {
        xhr.set_request_header(name, value).map_err(|_| ApiError::Network)?;
    }
    let (done_tx, done_rx) = oneshot::channel::<bool>();
    let done_tx = Rc::new(RefCell::new(Some(done_tx)));
    let finish = |loaded: bool| {
        let done_tx = done_tx.clone();
        Closure::<dyn FnMut(ProgressEvent)>::new(move |_: ProgressEvent| {
            if let Some(tx) = done_tx.borrow_mut().take() {
                let _ = tx.send(loaded);
            }
        })
    };
    let on_load = finish(true);
    let on_error = finish(false);
    let progress = {
        let on_progress = on_progress.clone();
        Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                on_progress.emit((e.loaded() / e.total()).clamp(0.0, 1.0));
            }
        })
    };
    xhr.set_onload(Some(on_load.as_ref().unchecked_ref()));
    xhr.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    xhr.set_onabort(Some(on_error.as_ref().unchecked_ref()));
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    xhr.send_with_opt_form_data(Some(&form)).map_err(|_| ApiError::Network)?;
    let loaded = done_rx.await.unwrap_or(false);
    // The handlers must live until the request ends; detach them before they are dropped.
    xhr.set_onload(None);
    xhr.set_onerror(None);
    xhr.set_onabort(None);
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(None);
    }
    drop((on_load, on_error, progress));
    if !loaded {
        return Err(ApiError::Network);
    }
    let status = xhr.status().map_err(|_| ApiError::Network)?;
    let body = xhr.response_text().ok().flatten().unwrap_or_default();
    Ok((status, body))
}

fn encode<B: Serialize + ?Sized>(body: &B) -> Result<String, ApiError> {
    // Our own request types always serialise; this is only for the type checker.
    serde_json::to_string(body).map_err(|_| ApiError::BadResponse)
}

/// The stored tokens, renewed first when they are about to expire. Without a connection the old
/// ones are kept: the service worker may answer a read from its copy, and a write fails as
/// offline (so the daily log queues it) rather than as a lost session.
async fn current_tokens() -> Result<Option<Tokens>, ApiError> {
    let tokens = session::load();
    match &tokens {
        Some(current) if current.ms_left() < RENEW_MARGIN_MS => match renew().await {
            Ok(fresh) => Ok(Some(fresh)),
            Err(ApiError::Network) => Ok(tokens),
            Err(e) => Err(e),
        },
        _ => Ok(tokens),
    }
}

async fn execute(call: &Call<'_>) -> Result<Response, ApiError> {
    let tokens = if call.signed { current_tokens().await? } else { None };
    let response = attempt(call, tokens.as_ref()).await?;
    let Some(sent) = tokens else {
        return Ok(response);
    };
    if response.status() != 401 {
        return Ok(response);
    }
    // Another request may have renewed the session meanwhile; else renew it now, once.
    let fresh = match session::load() {
        Some(stored) if stored.access_token != sent.access_token => stored,
        _ => renew().await?,
    };
    let retried = attempt(call, Some(&fresh)).await?;
    if retried.status() == 401 {
        // A brand-new token refused: the account is gone or disabled. End the session.
        session::clear();
    }
    Ok(retried)
}

async fn attempt(call: &Call<'_>, tokens: Option<&Tokens>) -> Result<Response, ApiError> {
    let url = format!("{BASE}{}", call.path);
    let mut builder = RequestBuilder::new(&url)
        .method(call.method.clone())
        .header("Accept", call.accept)
        .header("Accept-Language", crate::i18n::Lang::stored().code())
        .query(call.query.iter().map(|(name, value)| (*name, value.as_str())));
    for (name, value) in call.headers {
        builder = builder.header(name, value);
    }
    if let Some(tokens) = tokens {
        builder = builder.header("Authorization", &format!("Bearer {}", tokens.access_token));
    }
    // A JSON body unless the call names its own type (a CSV import).
    let typed = call.headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("content-type"));
    let request = match &call.body {
        Some(body) if typed => builder.body(body.clone()),
        Some(json) => builder.header("Content-Type", JSON).body(json.clone()),
        None => builder.build(),
    }
    .map_err(|_| ApiError::Network)?;
    request.send().await.map_err(|_| ApiError::Network)
}

pub(super) async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if !response.ok() {
        return Err(failure(response).await);
    }
    response.json::<T>().await.map_err(|_| ApiError::BadResponse)
}

pub(super) async fn failure(response: Response) -> ApiError {
    let status = response.status();
    let retry_after = response.headers().get("retry-after");
    let problem = response.text().await.ok().and_then(|body| serde_json::from_str::<Problem>(&body).ok());
    ApiError::from_status(status, problem).with_retry_after(retry_after)
}

type Renewal = Shared<LocalBoxFuture<'static, Result<Tokens, ApiError>>>;

thread_local! {
    /// The renewal in flight: every caller waits for the same one, because the server accepts
    /// each refresh token only once.
    static RENEWAL: RefCell<Option<Renewal>> = const { RefCell::new(None) };
}

/// Trades the stored refresh token for a new pair and stores it. When the server refuses the
/// refresh token the session is cleared and the answer is [`ApiError::Unauthorized`].
pub async fn renew() -> Result<Tokens, ApiError> {
    let renewal =
        RENEWAL.with(|slot| slot.borrow_mut().get_or_insert_with(|| renew_once().boxed_local().shared()).clone());
    let outcome = renewal.clone().await;
    RENEWAL.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.as_ref().is_some_and(|r| r.ptr_eq(&renewal)) {
            *slot = None;
        }
    });
    outcome
}

async fn renew_once() -> Result<Tokens, ApiError> {
    let Some(current) = session::load() else {
        return Err(ApiError::Unauthorized(None));
    };
    let body = RefreshRequest { refresh_token: current.refresh_token };
    let call = Call {
        method: Method::POST,
        path: "/auth/refresh",
        query: &[],
        body: Some(encode(&body)?.into()),
        signed: false,
        accept: JSON,
        headers: &[],
    };
    match decode::<TokenPair>(attempt(&call, None).await?).await {
        Ok(pair) => {
            let tokens = Tokens::from_pair(pair);
            session::store(&tokens);
            Ok(tokens)
        }
        // Network trouble, 429 or a 5xx may pass; any other refusal means the session is over.
        Err(
            e @ (ApiError::Network
            | ApiError::TooManyRequests { .. }
            | ApiError::Unavailable
            | ApiError::Server
            | ApiError::BadResponse),
        ) => Err(e),
        Err(_) => {
            session::clear();
            Err(ApiError::Unauthorized(None))
        }
    }
}
