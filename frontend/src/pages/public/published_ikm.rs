//! The satisfaction index a service unit published (this year's, else last year's), as citizens see
//! it under the survey: the index and its grade, the respondents, each unsur's value, interval and
//! grade, and, where the unit published on too small or an unknown sample, a plain warning.

use crate::api;
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use chrono::Datelike;
use kinerja_types::IkmReport;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PublishedIkmProps {
    pub unit_id: i64,
}

#[component]
pub fn PublishedIkm(props: &PublishedIkmProps) -> Html {
    let year = format::today().year();
    let report = use_remote(props.unit_id, move |unit| async move {
        match api::public::ikm(unit, &year.to_string()).await? {
            Some(r) => Ok(Some(r)),
            None => api::public::ikm(unit, &(year - 1).to_string()).await,
        }
    });
    match report.state.data.as_deref() {
        Some(Some(r)) if r.respondents > 0 => html! { <IkmSummary report={r.clone()} /> },
        // Nothing published, or not reachable now: the survey page stands without it.
        _ => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct IkmSummaryProps {
    report: IkmReport,
}

#[component]
fn IkmSummary(props: &IkmSummaryProps) -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let r = &props.report;
    let score = r.ikm.map(|v| format::fixed(v, 2, lang)).unwrap_or_else(|| "—".to_owned());
    let warning = r.published_with_insufficient_sample.then(|| match r.required_sample {
        Some(required) => i18n
            .tf("public_ikm.short_sample", &[("n", &r.respondents.to_string()), ("required", &required.to_string())]),
        None => i18n.t("public_ikm.unknown_sample").to_owned(),
    });
    html! {
        <section class="panel public-ikm" aria-labelledby="public-ikm-title">
            <h2 id="public-ikm-title">{ i18n.tf("public_ikm.title", &[("period", &r.period)]) }</h2>
            <div class="ikm-head">
                <div class="ikm-score">
                    <span class="ikm-label">{ i18n.t("public_ikm.index") }</span>
                    <span class="ikm-value">{ score }</span>
                </div>
                if let Some(grade) = r.grade {
                    <span class={classes!("grade", format!("grade-{}", format::grade_letter(grade).to_lowercase()))}>
                        <span class="grade-letter">{ format::grade_letter(grade) }</span>
                        <span class="grade-words">{ i18n.grade(grade) }</span>
                    </span>
                }
                <p class="ikm-respondents">{ i18n.tf("ikm.respondents", &[("n", &r.respondents.to_string())]) }</p>
            </div>
            if let Some(text) = warning {
                <p class="callout callout-warn public-ikm-sample" role="note">{ text }</p>
            }
            <table class="public-ikm-unsur">
                <caption class="sr-only">{ i18n.t("ikm.interval_title") }</caption>
                <thead><tr>
                    <th scope="col">{ i18n.t("public_ikm.unsur") }</th>
                    <th scope="col" class="numeric">{ i18n.t("public_ikm.value") }</th>
                    <th scope="col" class="numeric">{ i18n.t("public_ikm.grade") }</th>
                </tr></thead>
                <tbody>
                    { for r.unsur.iter().enumerate().map(|(i, u)| html! {
                        <tr key={u.code.clone()}>
                            <th scope="row">{ i18n.t(&format!("unsur.{}", i + 1)) }</th>
                            <td class="numeric">{ format::fixed(u.value, 2, lang) }</td>
                            <td class="numeric">{ format!("{} ({})", format::grade_letter(u.grade), u.interval) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
