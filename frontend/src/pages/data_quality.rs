//! Kualitas Data (BKPSDM, auditor; heads for their unit): the data-quality index — the score, each
//! OPD beside its score at the last nightly run, how many defects each check found, and the list
//! of defects, each with its record, the particulars, the fix and a link to where it is fixed;
//! for the BKPSDM, the export toward BKN e-Kinerja that those defects hold back.

use super::bkn_export::BknExports;
use crate::api;
use crate::components::{ErrorBanner, Export, ExportButtons, Loader, Loading, PagedTable};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_domain::Role;
use kinerja_types::{DataQuality, DataQualityIssue, Me};
use yew::prelude::*;
use yew_router::prelude::*;
use yew_router::Routable;

const PER_PAGE: u64 = 50;

#[derive(Properties, PartialEq)]
pub struct DataQualityProps {
    pub me: std::rc::Rc<Me>,
}

#[component]
pub fn DataQualityPage(props: &DataQualityProps) -> Html {
    let i18n = use_i18n();
    // The BKPSDM and the auditor see the whole Pemda; a head their own unit.
    let city = props.me.has(Role::Admin) || props.me.has(Role::Auditor);
    let unit_id = if city { None } else { props.me.unit_id };
    let summary = use_remote(unit_id, api::data_quality::summary);
    let check = use_state(|| None::<String>);
    let body = match summary.state.data.as_ref() {
        Some(q) => html! { <Summary quality={(**q).clone()} check={(*check).clone()} on_check={
            let check = check.clone();
            Callback::from(move |c: Option<String>| check.set(c))
        } /> },
        None if summary.state.loading => html! { <Loading /> },
        None => html! {},
    };
    let head = html! {
        <>
            <th scope="col">{ i18n.t("dq.check") }</th>
            <th scope="col">{ i18n.t("dq.record") }</th>
            <th scope="col">{ i18n.t("dq.opd") }</th>
            <th scope="col">{ i18n.t("dq.detail") }</th>
            <th scope="col">{ i18n.t("dq.fix") }</th>
        </>
    };
    let wanted = (*check).clone();
    let load = Loader::new(move |page, per_page| api::data_quality::issues(unit_id, wanted.clone(), page, per_page));
    let export = Export::new(move |format| api::data_quality::issues_file(unit_id, format));
    html! {
        <section class="page data-quality">
            <h1>{ i18n.t("dq.title") }</h1>
            <p class="lead">{ i18n.t("dq.lead") }</p>
            <ErrorBanner error={summary.state.error.clone()} on_retry={summary.reload.clone()} />
            { body }
            <section class="panel">
                <div class="panel-head">
                    <h2>{ i18n.t("dq.issues") }</h2>
                    <div class="actions"><ExportButtons {export} name="kualitas-data" /></div>
                </div>
                <PagedTable<DataQualityIssue> {load} per_page={PER_PAGE} {head} class="dq-issues"
                    filter={AttrValue::from((*check).clone().unwrap_or_default())}
                    row={Callback::from(|i: DataQualityIssue| html! { <IssueRow issue={i} /> })}
                    empty={i18n.t("dq.no_issues").to_owned()} />
            </section>
            if props.me.has(Role::Admin) {
                if let Some(q) = summary.state.data.as_ref() {
                    <BknExports opds={q.opds.iter().map(|o| (o.unit_id, o.name.clone())).collect::<Vec<_>>()} />
                }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SummaryProps {
    quality: DataQuality,
    check: Option<String>,
    on_check: Callback<Option<String>>,
}

#[component]
fn Summary(props: &SummaryProps) -> Html {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let q = &props.quality;
    let score = |s: f64| format::number(s, lang);
    html! {
        <>
            <div class="tiles">
                <div class="tile" data-testid="dq-score">
                    <span class="tile-label">{ i18n.t("dq.score") }</span>
                    <strong class="tile-value">{ score(q.score) }</strong>
                </div>
                <div class="tile">
                    <span class="tile-label">{ i18n.t("dq.records") }</span>
                    <strong class="tile-value">{ q.records }</strong>
                </div>
                <div class="tile">
                    <span class="tile-label">{ i18n.t("dq.defective") }</span>
                    <strong class="tile-value">{ q.defective }</strong>
                </div>
                <div class="tile">
                    <span class="tile-label">{ i18n.t("dq.blocking") }</span>
                    <strong class="tile-value">{ q.blocking }</strong>
                </div>
            </div>
            <p class="muted">
                { match q.nightly_day {
                    Some(day) => i18n.tf("dq.nightly", &[("day", &format::date(&day))]),
                    None => i18n.t("dq.no_nightly").to_owned(),
                } }
            </p>
            <section class="panel">
                <h2>{ i18n.t("dq.checks") }</h2>
                <ul class="chips" role="list">
                    { for q.checks.iter().filter(|c| c.count > 0).map(|c| {
                        let on = props.check.as_deref() == Some(c.check.as_str());
                        let pick = {
                            let (on_check, code) = (props.on_check.clone(), c.check.clone());
                            Callback::from(move |_: MouseEvent| on_check.emit((!on).then(|| code.clone())))
                        };
                        html! {
                            <li>
                                <button type="button" onclick={pick} aria-pressed={on.to_string()}
                                    class={classes!("chip", c.blocking.then_some("chip-blocking"))} data-check={c.check.clone()}>
                                    { format!("{} · {}", c.title, c.count) }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            </section>
            <section class="panel">
                <h2>{ i18n.t("dq.opds") }</h2>
                <div class="table-scroll">
                    <table class="dq-opds">
                        <thead><tr>
                            <th scope="col">{ i18n.t("dq.opd") }</th>
                            <th scope="col" class="num">{ i18n.t("dq.score") }</th>
                            <th scope="col" class="num">{ i18n.t("dq.previous") }</th>
                            <th scope="col" class="num">{ i18n.t("dq.defective") }</th>
                            <th scope="col" class="num">{ i18n.t("dq.blocking") }</th>
                        </tr></thead>
                        <tbody>
                            { for q.opds.iter().map(|o| html! {
                                <tr key={o.unit_id} data-code={o.code.clone()}>
                                    <td data-label={i18n.t("dq.opd").to_owned()}>{ &o.name }</td>
                                    <td class="num" data-label={i18n.t("dq.score").to_owned()}>{ score(o.score) }</td>
                                    <td class="num" data-label={i18n.t("dq.previous").to_owned()}>
                                        { o.previous_score.map(score).unwrap_or_else(|| "—".into()) }
                                    </td>
                                    <td class="num" data-label={i18n.t("dq.defective").to_owned()}>{ format!("{} / {}", o.defective, o.records) }</td>
                                    <td class="num" data-label={i18n.t("dq.blocking").to_owned()}>{ o.blocking }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </section>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct IssueRowProps {
    issue: DataQualityIssue,
}

#[component]
fn IssueRow(props: &IssueRowProps) -> Html {
    let i18n = use_i18n();
    let i = &props.issue;
    let level = if i.blocking { "dq.level.blocking" } else { "dq.level.warning" };
    html! {
        <tr data-check={i.check.clone()}>
            <td data-label={i18n.t("dq.check").to_owned()}>
                <span class={classes!("badge", if i.blocking { "badge-rejected" } else { "badge-pending" })}>{ i18n.t(level) }</span>
                { " " }{ &i.title }
            </td>
            <td data-label={i18n.t("dq.record").to_owned()}>
                { match Route::recognize(&i.link) {
                    Some(to) => html! { <Link<Route> {to}>{ &i.record }</Link<Route>> },
                    None => html! { &i.record },
                } }
            </td>
            <td data-label={i18n.t("dq.opd").to_owned()}>{ &i.opd_name }</td>
            <td data-label={i18n.t("dq.detail").to_owned()}>{ &i.detail }</td>
            <td data-label={i18n.t("dq.fix").to_owned()}>{ &i.fix }</td>
        </tr>
    }
}
