//! A chart drawn by Chart.js on a `<canvas>`.
//!
//! Why Chart.js: it is MIT-licensed, well kept, draws accessible-enough canvases with tooltips,
//! legends and responsive resizing, and needs no build step. `cargo xtask frontend` copies its UMD
//! build (`frontend/node_modules/chart.js/dist/chart.umd.js`, pinned in `frontend/package.json`)
//! into `dist/`; `index.html` names it in `<meta name="kinerja-chart">`, and the first chart shown
//! loads it as the global `Chart` (so pages without charts, and the citizens' pages, never fetch
//! it). The configuration is written in Rust as JSON and handed over through `JSON.parse`, so no
//! callback crosses the boundary.

use crate::window_event::WindowEvent;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A chart made by `new Chart(canvas, config)`.
    #[wasm_bindgen(js_name = Chart)]
    type ChartJs;

    #[wasm_bindgen(constructor, js_class = "Chart", catch)]
    fn new(canvas: &HtmlCanvasElement, config: &JsValue) -> Result<ChartJs, JsValue>;

    #[wasm_bindgen(method)]
    fn destroy(this: &ChartJs);

    #[wasm_bindgen(method)]
    fn resize(this: &ChartJs);
}

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The Chart.js configuration: `{ type, data, options }`.
    pub config: Rc<serde_json::Value>,
    /// What the chart shows, read out instead of the drawing.
    pub label: AttrValue,
    /// Names the canvas for tests and styles, e.g. `chart-predikat`.
    pub name: AttrValue,
    /// The height of the drawing in pixels, when the stylesheet's is not right (a chart with a
    /// row per unit grows with the units).
    #[prop_or_default]
    pub height: Option<u32>,
    /// Shown when the chart cannot be drawn, and to screen readers: the figures as text.
    #[prop_or_default]
    pub children: Html,
}

/// The canvas, with the chart made when the configuration is set and destroyed when it changes
/// or the component goes away (Chart.js keeps listeners on the canvas otherwise).
#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let canvas = use_node_ref();
    let loaded = use_state(chart_js_present);
    {
        let loaded = loaded.clone();
        use_effect_with((), move |()| {
            if !*loaded {
                load_chart_js(Callback::from(move |()| loaded.set(true)));
            }
        });
    }
    {
        let canvas = canvas.clone();
        use_effect_with((props.config.clone(), *loaded), move |(config, _)| {
            let drawn = canvas.cast::<HtmlCanvasElement>().and_then(|c| Drawn::new(&c, config));
            move || drop(drawn)
        });
    }
    html! {
        <div class={classes!("chart-box", props.name.to_string())}
            style={props.height.map(|h| format!("height: {h}px"))}>
            <canvas ref={canvas} role="img" aria-label={props.label.clone()} data-chart={props.name.clone()}>
                { props.children.clone() }
            </canvas>
        </div>
    }
}

/// A live chart and the print listener that redraws it at the paper's width.
struct Drawn {
    chart: Rc<ChartJs>,
    /// Redraws at the paper's width before printing.
    _on_print: WindowEvent,
}

impl Drawn {
    /// Draws `config` on `canvas`; `None` when Chart.js is missing or refuses the configuration
    /// (the canvas then shows its fallback text).
    fn new(canvas: &HtmlCanvasElement, config: &serde_json::Value) -> Option<Drawn> {
        let mut config = config.clone();
        if reduced_motion() {
            if let Some(options) = config.get_mut("options").and_then(|o| o.as_object_mut()) {
                options.insert("animation".into(), serde_json::Value::Bool(false));
            }
        }
        let js_config = js_sys::JSON::parse(&config.to_string()).ok()?;
        let chart = Rc::new(ChartJs::new(canvas, &js_config).ok()?);
        let on_print = {
            let chart = chart.clone();
            WindowEvent::new("beforeprint", move || chart.resize())
        };
        Some(Drawn { chart, _on_print: on_print })
    }
}

impl Drop for Drawn {
    fn drop(&mut self) {
        self.chart.destroy();
    }
}

/// Whether Chart.js is there (the global `Chart`).
fn chart_js_present() -> bool {
    web_sys::window().is_some_and(|w| js_sys::Reflect::has(&w, &JsValue::from_str("Chart")).unwrap_or(false))
}

/// The id of the one `<script>` that loads Chart.js for every chart.
const SCRIPT_ID: &str = "chart-js";

/// Loads Chart.js once (from the address `index.html` names) and tells `on_ready` when it is
/// there; a chart that cannot have it keeps showing its text.
fn load_chart_js(on_ready: Callback<()>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let script = match document.get_element_by_id(SCRIPT_ID) {
        Some(script) => script,
        None => {
            let Some(src) = document
                .query_selector("meta[name=kinerja-chart]")
                .ok()
                .flatten()
                .and_then(|m| m.get_attribute("content"))
            else {
                return;
            };
            let Ok(script) = document.create_element("script") else { return };
            let _ = script.set_attribute("id", SCRIPT_ID);
            let _ = script.set_attribute("src", &src);
            match document.head() {
                Some(head) if head.append_child(&script).is_ok() => script,
                _ => return,
            }
        }
    };
    // Loaded by another chart in the meantime: nothing to wait for.
    if chart_js_present() {
        on_ready.emit(());
        return;
    }
    let listener = Closure::once_into_js(move || on_ready.emit(()));
    let _ = script.add_event_listener_with_callback("load", listener.unchecked_ref());
    // A failed load (no signal, or a build replaced since) leaves no script behind, so the next
    // chart shown tries again; this one keeps its text.
    let failed = {
        let script = script.clone();
        Closure::once_into_js(move || script.remove())
    };
    let _ = script.add_event_listener_with_callback("error", failed.unchecked_ref());
}

/// Whether the person asked for less motion: then charts appear without animating.
fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}
