//! Evidence (bukti dukung) on screen: buttons that download an activity's files or open its
//! links, and the attach box of a form (upload a file with its progress, or add a link).

use super::ErrorBanner;
use crate::api::{self, ApiError};
use crate::files;
use crate::format;
use crate::i18n::use_i18n;
use crate::offline::{self, KeptFile};
use kinerja_types::{Evidence, NewEvidenceLink};
use std::collections::HashMap;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The media types the server accepts.
const ACCEPTED: &[&str] = &["application/pdf", "image/png", "image/jpeg"];

#[derive(Properties, PartialEq)]
pub struct EvidenceListProps {
    pub ids: Vec<i64>,
}

/// One button per piece of evidence: a file is downloaded; a link turns into a real link to open
/// (opening a tab from a late answer would be blocked as a pop-up).
#[component]
pub fn EvidenceList(props: &EvidenceListProps) -> Html {
    let i18n = use_i18n();
    let links = use_state(HashMap::<i64, Evidence>::new);
    let busy = use_state(|| None::<i64>);
    let error = use_state(|| None::<ApiError>);
    if props.ids.is_empty() {
        return html! {};
    }
    let items = props.ids.iter().enumerate().map(|(index, id)| {
        let id = *id;
        let n = (index + 1).to_string();
        if let Some(link) = links.get(&id).filter(|l| l.url.as_deref().is_some_and(files::is_web_link)) {
            let url = link.url.clone().unwrap_or_default();
            let title = link.filename.clone().unwrap_or_else(|| url.clone());
            return html! {
                <li key={id}><a href={url} target="_blank" rel="noopener noreferrer" class="evidence-link">
                    { i18n.tf("evidence.open_link", &[("title", &title)]) }
                </a></li>
            };
        }
        let onclick = {
            let links = links.clone();
            let busy = busy.clone();
            let error = error.clone();
            Callback::from(move |_: MouseEvent| {
                if busy.is_some() {
                    return;
                }
                busy.set(Some(id));
                error.set(None);
                let links = links.clone();
                let busy = busy.clone();
                let error = error.clone();
                spawn_local(async move {
                    match api::evidence::fetch(id).await {
                        Ok(file) if file.is_json() => match serde_json::from_slice::<Evidence>(&file.bytes) {
                            Ok(link) => {
                                let mut known = (*links).clone();
                                known.insert(id, link);
                                links.set(known);
                            }
                            Err(_) => error.set(Some(ApiError::BadResponse)),
                        },
                        Ok(file) => {
                            if !files::save(&file, &format!("bukti-{id}")) {
                                error.set(Some(ApiError::BadResponse));
                            }
                        }
                        Err(e) => error.set(Some(e)),
                    }
                    busy.set(None);
                });
            })
        };
        html! {
            <li key={id}>
                <button type="button" class="button-quiet button-small" {onclick} disabled={*busy == Some(id)}
                    title={i18n.t("evidence.download_hint").to_owned()}>
                    { if *busy == Some(id) { i18n.t("common.working").to_owned() } else { i18n.tf("evidence.n", &[("n", &n)]) } }
                </button>
            </li>
        }
    });
    html! {
        <div class="evidence">
            <ul class="evidence-list">{ for items }</ul>
            <ErrorBanner error={(*error).clone()} />
        </div>
    }
}

/// A piece of evidence attached to a form: its id and what to call it.
#[derive(Debug, Clone, PartialEq)]
pub struct Attached {
    /// The evidence on the server; for a file kept on the device, minus its number there.
    pub id: i64,
    pub label: String,
    /// A file kept on the device without a connection, sent with its queued entry.
    pub kept: Option<KeptFile>,
}

impl Attached {
    /// How a freshly stored piece of evidence is shown: its file name and size, or its link.
    pub fn from_evidence(evidence: &Evidence, lang: crate::i18n::Lang) -> Self {
        let label = match (&evidence.filename, &evidence.url, evidence.size) {
            (Some(name), None, Some(size)) => format!("{name} ({})", format::bytes(size.max(0) as u64, lang)),
            (Some(name), _, _) => name.clone(),
            (None, Some(url), _) => url.clone(),
            (None, None, _) => format!("#{}", evidence.id),
        };
        Self { id: evidence.id, label, kept: None }
    }

    /// Evidence on the server, named by `label`.
    pub fn stored(id: i64, label: String) -> Self {
        Self { id, label, kept: None }
    }

    /// A file kept on the device, named as it was chosen with a note that it waits.
    fn kept(file: KeptFile, waiting: &str) -> Self {
        Self { id: -i64::from(file.id), label: format!("{} ({waiting})", file.name), kept: Some(file) }
    }
}

#[derive(Properties, PartialEq)]
pub struct EvidenceAttachProps {
    /// Prefix of the control ids.
    pub id: AttrValue,
    pub attached: Vec<Attached>,
    pub on_add: Callback<Attached>,
    pub on_remove: Callback<i64>,
    /// The Pemda's size limit, checked before sending.
    #[prop_or_default]
    pub max_bytes: Option<u64>,
    /// The server's word on the evidence of the form.
    #[prop_or_default]
    pub error: Option<String>,
    /// Told when an upload starts (true) and ends (false), so the form waits for it.
    #[prop_or_default]
    pub on_busy: Callback<bool>,
    /// Without a connection, keep a chosen file on the device for this employee's offline queue
    /// (the daily log) instead of failing.
    #[prop_or_default]
    pub keep_offline_for: Option<i64>,
}

/// What is attached (each removable), a file input that uploads at once with a progress bar,
/// and a link form folded away until asked for.
#[component]
pub fn EvidenceAttach(props: &EvidenceAttachProps) -> Html {
    let i18n = use_i18n();
    let progress = use_state(|| None::<(String, f64)>);
    let problem = use_state(|| None::<String>);
    let error = use_state(|| None::<ApiError>);
    let url = use_state(String::new);
    let title = use_state(String::new);
    let linking = use_state(|| false);
    let adding_link = use_state(|| false);
    let file_input = use_node_ref();

    let on_file = {
        let progress = progress.clone();
        let problem = problem.clone();
        let error = error.clone();
        let on_add = props.on_add.clone();
        let on_busy = props.on_busy.clone();
        let max_bytes = props.max_bytes;
        let keep_offline_for = props.keep_offline_for;
        let i18n = i18n.clone();
        let file_input = file_input.clone();
        Callback::from(move |_: Event| {
            let Some(input) = file_input.cast::<HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|list| list.get(0)) else {
                return;
            };
            // Emptied at once, so that the same file can be chosen again after a failure.
            input.set_value("");
            problem.set(None);
            error.set(None);
            if !ACCEPTED.contains(&file.type_().as_str()) {
                problem.set(Some(i18n.tf("evidence.wrong_type", &[("name", &file.name())])));
                return;
            }
            let name = file.name();
            progress.set(Some((name.clone(), 0.0)));
            on_busy.emit(true);
            let progress = progress.clone();
            let problem = problem.clone();
            let error = error.clone();
            let on_add = on_add.clone();
            let on_busy = on_busy.clone();
            let i18n = i18n.clone();
            spawn_local(async move {
                // A phone photo (3-5 MB) is made small first; a PDF goes as it is.
                let file = offline::shrunk(file).await;
                let size = file.size() as u64;
                if let Some(max) = max_bytes.filter(|max| size > *max) {
                    let args = [("size", format::bytes(size, i18n.lang())), ("max", format::bytes(max, i18n.lang()))];
                    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    problem.set(Some(i18n.tf("evidence.too_big", &args)));
                } else {
                    let moving = {
                        let progress = progress.clone();
                        let name = name.clone();
                        Callback::from(move |share: f64| progress.set(Some((name.clone(), share))))
                    };
                    // For the daily log, under a key of its own: an answer lost on the way keeps
                    // the file for the queue, which sends it again under the same key.
                    let key = keep_offline_for.and_then(|_| offline::new_key());
                    let sent = match (&key, keep_offline_for) {
                        (_, Some(_)) if !offline::online() => Err(ApiError::Network),
                        (Some(key), _) => api::evidence::upload_keyed(&file, key, moving).await,
                        (None, _) => api::evidence::upload(&file, moving).await,
                    };
                    match (sent, keep_offline_for, key) {
                        (Ok(evidence), ..) => on_add.emit(Attached::from_evidence(&evidence, i18n.lang())),
                        (Err(ApiError::Network), Some(user), Some(key)) => {
                            match offline::keep_file(user, &file, key).await {
                                Ok(kept) => on_add.emit(Attached::kept(kept, i18n.t("offline.file_waiting"))),
                                Err(_) => problem.set(Some(i18n.t("offline.store_failed").to_owned())),
                            }
                        }
                        (Err(e), ..) => error.set(Some(e)),
                    }
                }
                progress.set(None);
                on_busy.emit(false);
            });
        })
    };

    let add_link = {
        let url = url.clone();
        let title = title.clone();
        let adding_link = adding_link.clone();
        let linking = linking.clone();
        let problem = problem.clone();
        let error = error.clone();
        let on_add = props.on_add.clone();
        let i18n = i18n.clone();
        Callback::from(move |_: MouseEvent| {
            if *adding_link {
                return;
            }
            let address = url.trim().to_owned();
            if !files::is_web_link(&address) {
                problem.set(Some(i18n.t("evidence.link_invalid").to_owned()));
                return;
            }
            problem.set(None);
            error.set(None);
            adding_link.set(true);
            let request =
                NewEvidenceLink { url: address, title: Some(title.trim().to_owned()).filter(|t| !t.is_empty()) };
            let url = url.clone();
            let title = title.clone();
            let adding_link = adding_link.clone();
            let linking = linking.clone();
            let error = error.clone();
            let on_add = on_add.clone();
            let lang = i18n.lang();
            spawn_local(async move {
                match api::evidence::add_link(&request).await {
                    Ok(evidence) => {
                        on_add.emit(Attached::from_evidence(&evidence, lang));
                        url.set(String::new());
                        title.set(String::new());
                        linking.set(false);
                    }
                    Err(e) => error.set(Some(e)),
                }
                adding_link.set(false);
            });
        })
    };

    let file_id = format!("{}-file", props.id);
    let url_id = format!("{}-url", props.id);
    let title_id = format!("{}-title", props.id);
    let attached = props.attached.iter().map(|a| {
        let on_remove = props.on_remove.clone();
        let id = a.id;
        html! {
            <li key={id} class="attached">
                <span class="attached-name">{ &a.label }</span>
                <button type="button" class="button-quiet button-small button-danger"
                    aria-label={i18n.tf("evidence.remove_named", &[("name", &a.label)])}
                    onclick={move |_| on_remove.emit(id)}>
                    { i18n.t("evidence.remove") }
                </button>
            </li>
        }
    });
    let upload_state = match &*progress {
        Some((name, share)) => {
            let percent = format!("{:.0}", share * 100.0);
            html! {
                <div class="upload-progress" role="status" aria-live="polite">
                    <span>{ i18n.tf("evidence.uploading", &[("name", name), ("percent", &percent)]) }</span>
                    <progress max="100" value={percent.clone()} aria-label={i18n.t("evidence.progress").to_owned()}></progress>
                </div>
            }
        }
        None => html! {},
    };
    let on_url = {
        let url = url.clone();
        Callback::from(move |e: InputEvent| url.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_title = {
        let title = title.clone();
        Callback::from(move |e: InputEvent| title.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let toggle_link = {
        let linking = linking.clone();
        Callback::from(move |_: MouseEvent| linking.set(!*linking))
    };
    let message = (*problem).clone().or_else(|| props.error.clone());
    html! {
        <fieldset class={classes!("evidence-attach", message.is_some().then_some("field-invalid"))}>
            <legend>{ i18n.t("evidence.title") }</legend>
            if !props.attached.is_empty() {
                <ul class="attached-list">{ for attached }</ul>
            }
            <div class="field">
                <label for={file_id.clone()}>{ i18n.t("evidence.file") }</label>
                <input id={file_id} type="file" accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
                    ref={file_input} onchange={on_file} disabled={progress.is_some()} />
                <small class="field-hint">{ i18n.t("evidence.file_hint") }</small>
            </div>
            { upload_state }
            if *linking {
                <div class="link-form">
                    <div class="field">
                        <label for={url_id.clone()}>{ i18n.t("evidence.url") }</label>
                        <input id={url_id} type="url" inputmode="url" value={(*url).clone()} oninput={on_url}
                            placeholder="https://" />
                    </div>
                    <div class="field">
                        <label for={title_id.clone()}>{ i18n.t("evidence.link_title") }</label>
                        <input id={title_id} type="text" value={(*title).clone()} oninput={on_title} />
                    </div>
                    <div class="actions">
                        <button type="button" class="button-quiet" onclick={add_link} disabled={*adding_link}>
                            { if *adding_link { i18n.t("common.working") } else { i18n.t("evidence.add_link") } }
                        </button>
                        <button type="button" class="button-quiet" onclick={toggle_link.clone()}>{ i18n.t("common.cancel") }</button>
                    </div>
                </div>
            } else {
                <button type="button" class="button-quiet button-small" onclick={toggle_link}>{ i18n.t("evidence.link_open") }</button>
            }
            if let Some(text) = message {
                <small class="field-error">{ text }</small>
            }
            <ErrorBanner error={(*error).clone()} />
        </fieldset>
    }
}
