//! Working without a connection: the daily-log queue kept on the device (IndexedDB, through the
//! `kinerjaOffline` of `static/offline.js`), its sending in order under each entry's idempotency
//! key, photos made small before they are kept or sent, and the install prompt.

use crate::api::{self, ApiError};
use crate::i18n::I18n;
use chrono::NaiveDate;
use kinerja_types::NewActivity;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = kinerjaOffline, js_name = newKey, catch)]
    fn new_key_js() -> Result<String, JsValue>;
    #[wasm_bindgen(js_namespace = kinerjaOffline, js_name = acquireSync, catch)]
    async fn acquire_sync_js() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = kinerjaOffline, catch)]
    async fn shrink(file: &web_sys::File) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = kinerjaOffline, js_name = keepFile, catch)]
    async fn keep_file_js(user: f64, file: &web_sys::File) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = kinerjaOffline, js_name = file, catch)]
    async fn file_js(id: f64) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = kinerjaOffline, js_name = dropFile, catch)]
    async fn drop_file_js(id: f64) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = kinerjaOffline, js_name = enqueue, catch)]
    async fn enqueue_js(entry: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = kinerjaOffline, js_name = list, catch)]
    async fn list_js(user: f64) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = kinerjaOffline, js_name = update, catch)]
    async fn update_js(seq: f64, changes: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = kinerjaOffline, js_name = remove, catch)]
    async fn remove_js(seq: f64) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = kinerjaOffline, js_name = forgetReads, catch)]
    async fn forget_reads_js() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = kinerjaOffline, js_name = watchInstall, catch)]
    fn watch_install_js(callback: &Closure<dyn FnMut(bool)>) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = kinerjaOffline, js_name = unwatchInstall, catch)]
    fn unwatch_install_js(callback: &Closure<dyn FnMut(bool)>) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = kinerjaOffline, js_name = install, catch)]
    async fn install_js() -> Result<JsValue, JsValue>;
}

/// The device's store failed (private mode, storage full, offline.js not loaded).
#[derive(Debug, Clone, PartialEq)]
pub struct StoreError;

fn store<T>(result: Result<T, JsValue>) -> Result<T, StoreError> {
    result.map_err(|_| StoreError)
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, StoreError> {
    let text = serde_json::to_string(value).map_err(|_| StoreError)?;
    js_sys::JSON::parse(&text).map_err(|_| StoreError)
}

fn from_js<T: for<'de> Deserialize<'de>>(value: &JsValue) -> Result<T, StoreError> {
    let text: String = js_sys::JSON::stringify(value).map_err(|_| StoreError)?.into();
    serde_json::from_str(&text).map_err(|_| StoreError)
}

/// Whether the browser believes it is connected.
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// A photo cut to a legible size (JPEG or PNG over 400 KB), else the file as it is.
pub async fn shrunk(file: web_sys::File) -> web_sys::File {
    match shrink(&file).await {
        Ok(small) => small.dyn_into().unwrap_or(file),
        Err(_) => file,
    }
}

/// A file kept on the device until its entry is sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptFile {
    pub id: u32,
    pub name: String,
    /// The `Idempotency-Key` its upload goes under: the one of a first attempt whose answer was
    /// lost, so that sending it again stores nothing twice.
    pub key: String,
}

/// Keeps `file` for `user`'s queue, to be sent under `key`.
pub async fn keep_file(user: i64, file: &web_sys::File, key: String) -> Result<KeptFile, StoreError> {
    let id = store(keep_file_js(user as f64, file).await)?.as_f64().ok_or(StoreError)? as u32;
    Ok(KeptFile { id, name: file.name(), key })
}

/// Forgets a kept file (taken off an entry before it was queued).
pub async fn drop_file(id: u32) {
    let _ = drop_file_js(f64::from(id)).await;
}

/// Where a queued entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueStatus {
    /// Waiting for a connection.
    Waiting,
    /// Being sent.
    Sending,
    /// The server refused it: to be fixed and sent again, or deleted.
    Refused,
}

/// An activity logged without a connection.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Queued {
    pub seq: u32,
    /// The employee it was logged by (the queue is per person on a shared phone).
    pub user: i64,
    /// Its `Idempotency-Key`, made on the device.
    pub key: String,
    pub date: NaiveDate,
    pub request: NewActivity,
    /// Evidence still on the device, sent before the entry.
    pub files: Vec<KeptFile>,
    /// Evidence already on the server.
    pub evidence_ids: Vec<i64>,
    pub status: QueueStatus,
    pub error: Option<String>,
}

/// A fresh idempotency key (a random UUID) for a new activity, also used by its first attempt
/// online so that an answer lost on the way never makes a second one; `None` when offline.js is
/// missing.
pub fn new_key() -> Option<String> {
    new_key_js().ok()
}

/// What a new queue entry holds.
#[derive(Serialize)]
struct NewQueued<'a> {
    user: i64,
    key: Option<&'a str>,
    date: NaiveDate,
    request: &'a NewActivity,
    files: &'a [KeptFile],
}

/// Queues `request` of `user` with the files kept for it, under `key` if a first attempt already
/// went out with it.
pub async fn enqueue(
    user: i64,
    key: Option<&str>,
    request: &NewActivity,
    files: &[KeptFile],
) -> Result<(), StoreError> {
    let entry = to_js(&NewQueued { user, key, date: request.date, request, files })?;
    store(enqueue_js(entry).await).map(drop)
}

/// `user`'s queue, oldest first.
pub async fn queue(user: i64) -> Result<Vec<Queued>, StoreError> {
    from_js(&store(list_js(user as f64).await)?)
}

async fn update(seq: u32, changes: serde_json::Value) -> Result<(), StoreError> {
    store(update_js(f64::from(seq), to_js(&changes)?).await).map(drop)
}

/// Deletes a queued entry and its kept files.
pub async fn remove(seq: u32) -> Result<(), StoreError> {
    store(remove_js(f64::from(seq)).await).map(drop)
}

/// Puts a refused entry back in line with the user's fixes.
pub async fn resend(seq: u32, request: &NewActivity) -> Result<(), StoreError> {
    let changes = serde_json::json!({ "request": request, "date": request.date, "status": "waiting", "error": null });
    update(seq, changes).await
}

/// How a round of sending ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sent {
    pub sent: usize,
    pub refused: usize,
    /// The connection (or the session) failed midway: the rest waits.
    pub stopped: bool,
    /// Another round (this tab's or another's) was already sending: nothing was done.
    pub busy: bool,
}

thread_local! {
    /// Whether this page is sending the queue now.
    static SENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether this page is sending the queue now (an entry left `sending` otherwise was cut off, and
/// only waits).
pub fn sending_now() -> bool {
    SENDING.with(std::cell::Cell::get)
}

/// Sends `user`'s waiting entries in order: each one's kept files first, then the entry, each
/// under its own key, so a round cut off and started again creates nothing twice. One round at a
/// time, across tabs too (a Web Lock); a round ends when the session does. A refused entry keeps
/// the server's words and the round goes on; a lost connection stops it. `on_step` is told after
/// each entry, to show where the queue stands.
pub async fn send_all(user: i64, i18n: &I18n, on_step: &dyn Fn()) -> Result<Sent, StoreError> {
    if sending_now() {
        return Ok(Sent { busy: true, ..Sent::default() });
    }
    let Some(release) = store(acquire_sync_js().await)?.dyn_into::<js_sys::Function>().ok() else {
        return Ok(Sent { busy: true, ..Sent::default() });
    };
    SENDING.with(|s| s.set(true));
    let outcome = send_round(user, i18n, on_step).await;
    SENDING.with(|s| s.set(false));
    let _ = release.call0(&JsValue::NULL);
    outcome
}

async fn send_round(user: i64, i18n: &I18n, on_step: &dyn Fn()) -> Result<Sent, StoreError> {
    let session = crate::api::session::generation();
    let ended = || crate::api::session::generation() != session;
    let mut outcome = Sent::default();
    'entries: for entry in queue(user).await? {
        if entry.status == QueueStatus::Refused {
            continue;
        }
        if ended() {
            outcome.stopped = true;
            break;
        }
        update(entry.seq, serde_json::json!({ "status": "sending" })).await?;
        on_step();
        let mut evidence = entry.evidence_ids.clone();
        let mut files = entry.files.clone();
        while let Some(kept) = files.first().cloned() {
            let Some(file) = store(file_js(f64::from(kept.id)).await)?.dyn_into::<web_sys::File>().ok() else {
                // Gone from the device (cleared storage): never sent without saying so.
                let words = i18n.tf("offline.file_gone", &[("name", &kept.name)]);
                update(entry.seq, serde_json::json!({ "status": "refused", "error": words })).await?;
                outcome.refused += 1;
                on_step();
                continue 'entries;
            };
            if ended() {
                outcome.stopped = true;
                break 'entries;
            }
            match api::evidence::upload_keyed(&file, &kept.key, yew::Callback::noop()).await {
                Ok(stored) => {
                    evidence.push(stored.id);
                    files.remove(0);
                    update(entry.seq, serde_json::json!({ "evidence_ids": evidence, "files": files })).await?;
                    drop_file(kept.id).await;
                }
                Err(error) => {
                    let stop = stop(entry.seq, &error, i18n, &mut outcome).await?;
                    on_step();
                    if stop {
                        break 'entries;
                    }
                    continue 'entries;
                }
            }
        }
        if ended() {
            outcome.stopped = true;
            break;
        }
        let mut request = entry.request.clone();
        request.evidence_ids = evidence;
        match api::activities::create_keyed(&request, &entry.key).await {
            Ok(_) => {
                remove(entry.seq).await?;
                outcome.sent += 1;
            }
            Err(error) => {
                if stop(entry.seq, &error, i18n, &mut outcome).await? {
                    on_step();
                    break;
                }
            }
        }
        on_step();
    }
    Ok(outcome)
}

/// Records a failed send: back to waiting when the connection, the session or the server failed
/// (and the round stops: true), refused with the server's words otherwise.
async fn stop(seq: u32, error: &ApiError, i18n: &I18n, outcome: &mut Sent) -> Result<bool, StoreError> {
    let lost = matches!(
        error,
        ApiError::Network
            | ApiError::Unauthorized(_)
            | ApiError::Unavailable
            | ApiError::Server
            | ApiError::TooManyRequests { .. }
            | ApiError::Conflict(_)
            // A captive portal's page, or a proxy's, is not the server's answer.
            | ApiError::BadResponse
    );
    if lost {
        update(seq, serde_json::json!({ "status": "waiting" })).await?;
        outcome.stopped = true;
        return Ok(true);
    }
    let words = match error.fields() {
        [] => error.message(i18n),
        fields => {
            let english = i18n.lang() == crate::i18n::Lang::En;
            fields.iter().map(|f| f.words(english)).collect::<Vec<_>>().join("; ")
        }
    };
    update(seq, serde_json::json!({ "status": "refused", "error": words })).await?;
    outcome.refused += 1;
    Ok(false)
}

/// Forgets the service worker's copy of the user's reads (at sign-in and sign-out).
pub async fn forget_reads() {
    let _ = forget_reads_js().await;
}

/// Follows whether the app can be installed, until dropped.
pub struct InstallWatch(Closure<dyn FnMut(bool)>);

impl InstallWatch {
    /// Calls `callback` when installing becomes possible or stops being so; with whether it is
    /// possible now.
    pub fn new(callback: impl FnMut(bool) + 'static) -> (Self, bool) {
        let closure = Closure::<dyn FnMut(bool)>::new(callback);
        let now = watch_install_js(&closure).unwrap_or(false);
        (Self(closure), now)
    }
}

impl Drop for InstallWatch {
    fn drop(&mut self) {
        let _ = unwatch_install_js(&self.0);
    }
}

/// Shows the browser's install dialog; whether the user accepted.
pub async fn install() -> bool {
    install_js().await.ok().and_then(|v| v.as_bool()).unwrap_or(false)
}
