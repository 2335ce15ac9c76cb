//! SKP Tim (supervisors): the SKPs waiting for my approval, where each direct subordinate stands
//! for a year, and "Turunkan RHK": one of my RHK handed down to several of them at once.

use super::PageProps;
use crate::api::skp::SkpFilter;
use crate::api::{self, ApiError};
use crate::components::{CheckField, ErrorBanner, Field, Loading, Notice, SelectField, StatusBadge, YearPicker};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::route::Route;
use futures::future::join_all;
use kinerja_domain::RhkKind;
use kinerja_types::{CascadeRequest, CascadeResult, Employee, Skp};
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

/// The fields this form shows its own errors for.
const FIELDS: &[&str] = &["employee_ids", "text", "kind"];

/// A direct subordinate and their newest SKP of the year, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamMember {
    pub employee: Employee,
    pub skp: Option<Skp>,
}

#[component]
pub fn TeamSkp(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let year = use_state(format::current_year);
    let my_id = props.me.employee.as_ref().map(|e| e.id);
    let queue = use_remote((), |()| {
        let filter = SkpFilter { for_review: true, page: 1, per_page: 100, ..SkpFilter::default() };
        async move { api::skp::list(&filter).await }
    });
    let team = use_remote((my_id, *year), |(my_id, year)| async move {
        let Some(my_id) = my_id else {
            return Ok(Vec::new());
        };
        let subordinates = api::employees::subordinates(my_id).await?.items;
        let plans = join_all(subordinates.iter().map(|e| {
            let filter =
                SkpFilter { employee_id: Some(e.id), year: Some(year), page: 1, per_page: 50, ..SkpFilter::default() };
            async move { api::skp::list(&filter).await }
        }))
        .await;
        subordinates
            .into_iter()
            .zip(plans)
            .map(|(employee, plans)| {
                let skp = plans?.items.into_iter().max_by_key(|s| s.id);
                Ok(TeamMember { employee, skp })
            })
            .collect::<Result<Vec<_>, ApiError>>()
    });
    let on_year = {
        let year = year.clone();
        Callback::from(move |y| year.set(y))
    };
    let on_cascaded = {
        let reload = team.reload.clone();
        Callback::from(move |()| reload.emit(()))
    };

    let queue_body = match &queue.state.data {
        Some(page) if page.items.is_empty() => html! { <p class="muted">{ i18n.t("team.queue_empty") }</p> },
        Some(page) => html! {
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ i18n.t("skp.employee") }</th>
                            <th scope="col">{ i18n.t("employee.position_title") }</th>
                            <th scope="col">{ i18n.t("common.year") }</th>
                            <th scope="col">{ i18n.t("skp.submitted_at") }</th>
                            <th scope="col"><span class="sr-only">{ i18n.t("common.open") }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for page.items.iter().map(|s| html! {
                            <tr key={s.id}>
                                <td data-label={i18n.t("skp.employee").to_owned()}>{ &s.employee_name }</td>
                                <td data-label={i18n.t("employee.position_title").to_owned()}>{ &s.position_title }</td>
                                <td data-label={i18n.t("common.year").to_owned()}>
                                    { s.year }
                                    if s.revision > 1 { { " · " }{ i18n.tf("skp.revision_n", &[("n", &s.revision.to_string())]) } }
                                </td>
                                <td data-label={i18n.t("skp.submitted_at").to_owned()}>
                                    { s.submitted_at.as_ref().map(|at| format::instant(at, i18n.lang())).unwrap_or_default() }
                                </td>
                                <td data-label="">
                                    <Link<Route> to={Route::SkpDetail { id: s.id }} classes="button-quiet">
                                        { i18n.t("team.review") }
                                    </Link<Route>>
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
        None if queue.state.loading => html! { <Loading /> },
        None => html! {},
    };

    let team_body = match &team.state.data {
        Some(members) if members.is_empty() => html! { <p class="muted">{ i18n.t("team.no_members") }</p> },
        Some(members) => html! {
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ i18n.t("employee.name") }</th>
                            <th scope="col">{ i18n.t("employee.position_title") }</th>
                            <th scope="col">{ i18n.t("skp.status") }</th>
                            <th scope="col"><span class="sr-only">{ i18n.t("common.open") }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for members.iter().map(|m| html! {
                            <tr key={m.employee.id}>
                                <td data-label={i18n.t("employee.name").to_owned()}>{ &m.employee.name }</td>
                                <td data-label={i18n.t("employee.position_title").to_owned()}>{ &m.employee.position_title }</td>
                                <td data-label={i18n.t("skp.status").to_owned()}>
                                    <StatusBadge status={m.skp.as_ref().map(|s| s.status)} />
                                </td>
                                <td data-label="">
                                    if let Some(skp) = &m.skp {
                                        <Link<Route> to={Route::SkpDetail { id: skp.id }}>{ i18n.t("common.open") }</Link<Route>>
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
        None if team.state.loading => html! { <Loading /> },
        None => html! {},
    };

    html! {
        <section class="page">
            <h1>{ i18n.t("team.title") }</h1>
            <section class="panel">
                <h2>{ i18n.t("team.queue") }</h2>
                <ErrorBanner error={queue.state.error.clone()} on_retry={queue.reload.clone()} />
                { queue_body }
            </section>
            <div class="toolbar">
                <YearPicker id="team-year" value={*year} on_change={on_year} />
            </div>
            <section class="panel">
                <h2>{ i18n.tf("team.members", &[("year", &year.to_string())]) }</h2>
                <ErrorBanner error={team.state.error.clone()} on_retry={team.reload.clone()} />
                { team_body }
            </section>
            if let (Some(my_id), Some(members)) = (my_id, team.state.data.clone()) {
                if !members.is_empty() {
                    <CascadeForm {my_id} year={*year} {members} on_done={on_cascaded} />
                }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CascadeFormProps {
    my_id: i64,
    year: i32,
    members: Rc<Vec<TeamMember>>,
    /// Some RHK were created: the team list is read again.
    on_done: Callback<()>,
}

/// "Turunkan RHK": pick one of my RHK, tick subordinates, send; then who got it and who not.
#[component]
fn CascadeForm(props: &CascadeFormProps) -> Html {
    let i18n = use_i18n();
    let mine = use_remote((props.my_id, props.year), |(id, year)| api::skp::current(id, year));
    let rhk_id = use_state(String::new);
    let chosen = use_state(BTreeSet::<i64>::new);
    let text = use_state(String::new);
    let kind = use_state(|| RhkKind::Utama);
    let sending = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let invalid = use_state(HashMap::<&'static str, String>::new);
    let result = use_state(|| None::<(CascadeResult, Vec<i64>)>);
    {
        let rhk_id = rhk_id.clone();
        let result = result.clone();
        use_effect_with(props.year, move |_| {
            rhk_id.set(String::new());
            result.set(None);
        });
    }
    let names: HashMap<i64, String> = props.members.iter().map(|m| (m.employee.id, m.employee.name.clone())).collect();

    let onsubmit = {
        let rhk_id = rhk_id.clone();
        let chosen = chosen.clone();
        let text = text.clone();
        let kind = kind.clone();
        let sending = sending.clone();
        let error = error.clone();
        let invalid = invalid.clone();
        let result = result.clone();
        let on_done = props.on_done.clone();
        let i18n = i18n.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *sending {
                return;
            }
            let mut found = HashMap::new();
            let parent = rhk_id.parse::<i64>().ok();
            if parent.is_none() {
                found.insert("rhk", i18n.t("cascade.rhk_missing").to_owned());
            }
            if chosen.is_empty() {
                found.insert("employee_ids", i18n.t("cascade.nobody").to_owned());
            }
            invalid.set(found);
            let Some(parent) = parent.filter(|_| !chosen.is_empty()) else {
                return;
            };
            let employee_ids: Vec<i64> = chosen.iter().copied().collect();
            let request = CascadeRequest {
                employee_ids: employee_ids.clone(),
                text: Some(text.trim().to_owned()).filter(|t| !t.is_empty()),
                kind: *kind,
            };
            sending.set(true);
            error.set(None);
            result.set(None);
            let sending = sending.clone();
            let error = error.clone();
            let result = result.clone();
            let chosen = chosen.clone();
            let on_done = on_done.clone();
            spawn_local(async move {
                match api::skp::cascade(parent, &request).await {
                    Ok(outcome) => {
                        let any = !outcome.created.is_empty();
                        result.set(Some((outcome, employee_ids)));
                        chosen.set(BTreeSet::new());
                        if any {
                            on_done.emit(());
                        }
                    }
                    Err(e) => error.set(Some(e)),
                }
                sending.set(false);
            });
        })
    };

    let my_rhk = mine.state.data.as_deref().and_then(|s| s.as_ref()).map(|s| s.rhk.clone()).unwrap_or_default();
    let form = if mine.state.data.is_none() {
        if mine.state.loading {
            html! { <Loading /> }
        } else {
            html! {}
        }
    } else if my_rhk.is_empty() {
        html! { <p class="muted">{ i18n.tf("cascade.no_rhk", &[("year", &props.year.to_string())]) }</p> }
    } else {
        let rhk_options: Vec<(AttrValue, AttrValue)> =
            std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("validation.choose").to_owned())))
                .chain(my_rhk.iter().map(|r| (AttrValue::from(r.id.to_string()), AttrValue::from(r.text.clone()))))
                .collect();
        let kinds: Vec<(AttrValue, AttrValue)> = RhkKind::ALL
            .iter()
            .map(|k| (AttrValue::from(k.as_str()), AttrValue::from(i18n.word("rhk_kind", k.as_str()))))
            .collect();
        let on_rhk = {
            let rhk_id = rhk_id.clone();
            Callback::from(move |v: String| rhk_id.set(v))
        };
        let on_kind = {
            let kind = kind.clone();
            Callback::from(move |v: String| kind.set(v.parse().unwrap_or(*kind)))
        };
        let on_text = {
            let text = text.clone();
            Callback::from(move |v: String| text.set(v))
        };
        let all_ids: BTreeSet<i64> = props.members.iter().map(|m| m.employee.id).collect();
        let all_chosen = *chosen == all_ids;
        let toggle_all = {
            let chosen = chosen.clone();
            Callback::from(move |_: MouseEvent| chosen.set(if all_chosen { BTreeSet::new() } else { all_ids.clone() }))
        };
        html! {
            <form class="form" {onsubmit} novalidate=true>
                <ErrorBanner error={(*error).clone()} shown_fields={FIELDS} />
                <SelectField id="cascade-rhk" label={i18n.t("cascade.rhk").to_owned()} value={(*rhk_id).clone()}
                    options={rhk_options} on_change={on_rhk} required=true error={invalid.get("rhk").cloned()} />
                <fieldset class={classes!("choices", invalid.contains_key("employee_ids").then_some("field-invalid"))}>
                    <legend>{ i18n.t("cascade.to") }</legend>
                    <button type="button" class="button-quiet" onclick={toggle_all}>
                        { if all_chosen { i18n.t("cascade.none") } else { i18n.t("cascade.all") } }
                    </button>
                    { for props.members.iter().map(|m| {
                        let id = m.employee.id;
                        let on_toggle = {
                            let chosen = chosen.clone();
                            Callback::from(move |on: bool| {
                                let mut next = (*chosen).clone();
                                if on { next.insert(id); } else { next.remove(&id); }
                                chosen.set(next);
                            })
                        };
                        let status = m.skp.as_ref().map(|s| i18n.word("skp_status", s.status.as_str())).unwrap_or(i18n.t("skp_status.none"));
                        html! {
                            <CheckField key={id} id={format!("cascade-to-{id}")}
                                label={format!("{} — {} ({})", m.employee.name, m.employee.position_title, status)}
                                checked={chosen.contains(&id)} {on_toggle} />
                        }
                    }) }
                    if let Some(message) = invalid.get("employee_ids").cloned().or_else(|| error.as_ref().and_then(|e| e.field("employee_ids"))) {
                        <small class="field-error">{ message }</small>
                    }
                </fieldset>
                <div class="form-grid">
                    <Field id="cascade-text" label={i18n.t("cascade.text").to_owned()} value={(*text).clone()}
                        on_input={on_text} hint={AttrValue::from(i18n.t("cascade.text_hint").to_owned())}
                        error={error.as_ref().and_then(|e| e.field("text"))} />
                    <SelectField id="cascade-kind" label={i18n.t("rhk.kind").to_owned()} value={kind.as_str()}
                        options={kinds} on_change={on_kind} />
                </div>
                <button type="submit" class="button-primary" disabled={*sending}>
                    { if *sending { i18n.t("common.working") } else { i18n.t("cascade.send") } }
                </button>
            </form>
        }
    };

    let outcome = result.as_ref().map(|(outcome, asked)| {
        let skipped: HashMap<i64, &str> = outcome.skipped.iter().map(|s| (s.employee_id, s.reason.as_str())).collect();
        let created: Vec<&str> = asked
            .iter()
            .filter(|id| !skipped.contains_key(id))
            .map(|id| names.get(id).map(String::as_str).unwrap_or("?"))
            .collect();
        let name = |id: i64| names.get(&id).cloned().unwrap_or_else(|| format!("#{id}"));
        html! {
            <div class="cascade-result" aria-live="polite">
                if !outcome.created.is_empty() {
                    <Notice text={i18n.tf("cascade.created", &[("n", &outcome.created.len().to_string()), ("names", &created.join(", "))])} />
                }
                if !outcome.skipped.is_empty() {
                    <div class="callout callout-warn">
                        <strong>{ i18n.tf("cascade.skipped", &[("n", &outcome.skipped.len().to_string())]) }</strong>
                        <ul>
                            { for outcome.skipped.iter().map(|s| html! {
                                <li><strong>{ name(s.employee_id) }</strong>{ ": " }{ &s.reason }</li>
                            }) }
                        </ul>
                    </div>
                }
            </div>
        }
    });

    html! {
        <section class="panel">
            <h2>{ i18n.t("cascade.title") }</h2>
            <p class="muted">{ i18n.t("cascade.hint") }</p>
            <ErrorBanner error={mine.state.error.clone()} on_retry={mine.reload.clone()} />
            { outcome }
            { form }
        </section>
    }
}
