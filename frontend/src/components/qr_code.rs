//! A QR code for a web address, drawn as SVG by the `qrcode` crate and shown as an image, so that
//! it prints sharp at any size.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode as Code};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    /// What the code holds.
    pub text: AttrValue,
    /// What the image shows, for screen readers.
    pub label: AttrValue,
}

/// The code as an `<img>`; the text itself when it is too long for a QR code.
#[component]
pub fn QrCode(props: &QrCodeProps) -> Html {
    // Medium error correction survives a poster's creases and smudges.
    let image = use_memo(props.text.clone(), |text| {
        Code::with_error_correction_level(text.as_bytes(), EcLevel::M).ok().map(|code| {
            let svg = code.render::<svg::Color>().module_dimensions(8, 8).quiet_zone(true).build();
            format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(&svg))
        })
    });
    match &*image {
        Some(src) => html! { <img class="qr" src={src.clone()} alt={props.label.clone()} /> },
        None => html! { <p class="mono">{ props.text.clone() }</p> },
    }
}
