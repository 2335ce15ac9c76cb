//! The realisation table per RHK and indicator for one period.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct RealizationViewProps {
    pub(super) skp_id: i64,
    pub(super) period: Period,
    /// The owner writes the narratives.
    pub(super) owner: bool,
    /// The penilai decides on the feeds of other systems.
    #[prop_or_default]
    pub(super) penilai: bool,
}

/// The table per RHK and indicator for one period.
#[component]
pub(super) fn RealizationView(props: &RealizationViewProps) -> Html {
    let i18n = use_i18n();
    let toast = use_toast();
    let data = use_remote((props.skp_id, props.period), |(id, period)| api::realization::get(id, period));
    let on_saved = {
        let toast = toast.clone();
        let reload = data.reload.clone();
        let done = i18n.tf("realization.saved", &[("period", &periods::words(props.period, &i18n))]);
        Callback::from(move |()| {
            toast.say(done.clone());
            reload.emit(());
        })
    };
    let body = match &data.state.data {
        Some(r) if r.rhk.is_empty() => html! { <p class="muted">{ i18n.t("rhk.empty") }</p> },
        Some(r) => html! {
            <ol class="rhk-list">
                { for r.rhk.iter().map(|rhk| html! {
                    <li key={rhk.rhk_id} class="rhk">
                        <p class="rhk-text">{ &rhk.text }</p>
                        <p class="muted">{ i18n.tf("realization.activities", &[("n", &rhk.activities.to_string()), ("duration", &format::minutes(rhk.minutes, i18n.lang()))]) }</p>
                        <div class="table-wrap">
                            <table class="indicators realization">
                                <thead>
                                    <tr>
                                        <th scope="col">{ i18n.t("indicator.aspect") }</th>
                                        <th scope="col">{ i18n.t("indicator.text") }</th>
                                        <th scope="col">{ i18n.t("indicator.target") }</th>
                                        <th scope="col">{ i18n.t("realization.realized") }</th>
                                        <th scope="col">{ i18n.t("realization.percent") }</th>
                                        <th scope="col">{ i18n.t("realization.narrative") }</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    { for rhk.indicators.iter().map(|ind| html! {
                                        <IndicatorRow key={ind.indicator_id} skp_id={props.skp_id} period={props.period}
                                            indicator={ind.clone()} owner={props.owner} on_saved={on_saved.clone()} />
                                    }) }
                                </tbody>
                            </table>
                        </div>
                    </li>
                }) }
            </ol>
        },
        None if data.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="panel">
            <h2>{ i18n.tf("realization.period", &[("period", &periods::words(props.period, &i18n))]) }</h2>
            <ErrorBanner error={data.state.error.clone()} on_retry={data.reload.clone()} />
            { body }
            <Feeds skp_id={props.skp_id} penilai={props.penilai} on_decided={data.reload.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct IndicatorRowProps {
    pub(super) skp_id: i64,
    pub(super) period: Period,
    pub(super) indicator: IndicatorRealization,
    pub(super) owner: bool,
    pub(super) on_saved: Callback<()>,
}

/// One indicator; its owner opens the narrative (and evidence) for writing in place.
#[component]
pub(super) fn IndicatorRow(props: &IndicatorRowProps) -> Html {
    let i18n = use_i18n();
    let editing = use_state(|| false);
    let ind = &props.indicator;
    let lang = i18n.lang();
    let amount = |v: f64| format!("{} {}", format::number(v, lang), ind.unit);
    let open = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(true))
    };
    let close = {
        let editing = editing.clone();
        Callback::from(move |()| editing.set(false))
    };
    let saved = {
        let editing = editing.clone();
        let on_saved = props.on_saved.clone();
        Callback::from(move |()| {
            editing.set(false);
            on_saved.emit(());
        })
    };
    html! {
        <>
            <tr>
                <td data-label={i18n.t("indicator.aspect").to_owned()}>{ i18n.word("aspect", ind.aspect.as_str()) }</td>
                <td data-label={i18n.t("indicator.text").to_owned()}>{ &ind.text }</td>
                <td data-label={i18n.t("indicator.target").to_owned()} class="nowrap">{ amount(ind.target) }</td>
                <td data-label={i18n.t("realization.realized").to_owned()} class="nowrap">
                    { ind.realized.map(amount).unwrap_or_else(|| i18n.t("common.none").to_owned()) }
                    if !ind.fed.is_empty() {
                        <ul class="fed-list small" aria-label={i18n.t("realization.fed").to_owned()}>
                            { for ind.fed.iter().map(|v| html! {
                                <li>{ i18n.tf("realization.fed_value", &[("value", &amount(v.value)), ("source", &v.source), ("reference", &v.reference), ("period", &v.period)]) }</li>
                            }) }
                        </ul>
                    }
                </td>
                <td data-label={i18n.t("realization.percent").to_owned()} class="percent-cell">
                    if let Some(percent) = ind.percent {
                        <div>
                            <span class="nowrap">{ format::percent(percent, lang) }</span>
                            <Meter value={percent} max={100.0} tone={if percent >= 100.0 { "ok" } else { "progress" }}
                                label={i18n.tf("realization.percent_of", &[("indicator", &ind.text)])} />
                        </div>
                    } else {
                        <span class="muted">{ i18n.t("common.none") }</span>
                    }
                </td>
                <td data-label={i18n.t("realization.narrative").to_owned()}>
                    <div>
                        if let Some(text) = ind.narrative.as_ref().filter(|t| !t.trim().is_empty()) {
                            <p class="narrative">{ text.clone() }</p>
                        } else {
                            <p class="muted">{ i18n.t("realization.no_narrative") }</p>
                        }
                        <EvidenceList ids={ind.evidence_ids.clone()} />
                        if props.owner && !*editing {
                            <button type="button" class="button-quiet button-small" onclick={open}>
                                { i18n.t("realization.edit") }
                            </button>
                        }
                    </div>
                </td>
            </tr>
            if *editing {
                <tr class="row-detail">
                    <td colspan="6">
                        <NarrativeForm skp_id={props.skp_id} period={props.period} indicator={ind.clone()}
                            on_saved={saved} on_cancel={close} />
                    </td>
                </tr>
            }
        </>
    }
}
