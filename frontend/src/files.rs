//! Handing files to the person: saving a download (a CSV export, an evidence file) the way the
//! browser saves any file, and telling which evidence links are safe to open.

use crate::api::client::Download;
use gloo_timers::callback::Timeout;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// How long a saved file's data is kept for the browser to read.
const REVOKE_AFTER_MS: u32 = 60_000;

/// Saves `file` under its suggested name, else `fallback`. False when the browser refused.
pub fn save(file: &Download, fallback: &str) -> bool {
    save_inner(file, fallback).is_some()
}

fn save_inner(file: &Download, fallback: &str) -> Option<()> {
    let parts = Array::of1(&Uint8Array::from(file.bytes.as_slice()));
    let options = BlobPropertyBag::new();
    options.set_type(&file.content_type);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let anchor = document.create_element("a").ok()?.dyn_into::<HtmlAnchorElement>().ok()?;
    anchor.set_href(&url);
    anchor.set_download(file.filename.as_deref().unwrap_or(fallback));
    anchor.set_attribute("hidden", "").ok()?;
    let body = document.body()?;
    body.append_child(&anchor).ok()?;
    anchor.click();
    anchor.remove();
    // Give the browser time to start the download before the data is let go.
    Timeout::new(REVOKE_AFTER_MS, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Some(())
}

/// Whether `url` is a web address that is safe to open (`http` or `https`, nothing that runs).
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}
