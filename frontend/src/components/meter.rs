//! A horizontal bar that shows how full something is: minutes against the daily cap, realised
//! against target.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MeterProps {
    pub value: f64,
    pub max: f64,
    /// What the bar measures, for screen readers.
    pub label: AttrValue,
    /// `ok` (green), `warn` (orange) or `over` (red).
    #[prop_or(AttrValue::Static("ok"))]
    pub tone: AttrValue,
}

/// The bar, filled to `value / max` (at most full); the numbers travel in ARIA attributes.
#[component]
pub fn Meter(props: &MeterProps) -> Html {
    let share = if props.max > 0.0 { (props.value / props.max).clamp(0.0, 1.0) } else { 0.0 };
    html! {
        <div class={classes!("meter", format!("meter-{}", props.tone))} role="progressbar"
            aria-label={props.label.clone()} aria-valuemin="0"
            aria-valuemax={props.max.to_string()} aria-valuenow={props.value.to_string()}>
            <span class="meter-fill" style={format!("width: {:.1}%", share * 100.0)}></span>
        </div>
    }
}
