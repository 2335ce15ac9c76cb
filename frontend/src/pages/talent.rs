//! Talenta (heads for their unit, the BKPSDM and the auditor for the city): the 9-box of
//! PermenPANRB 3/2020 — performance (the year's predikat) against potential (the job-person match,
//! with an assessment centre's where it assessed) — with the people in each box, and a succession
//! shortlist for every JPT and administrator post, drawn from boxes 7–9 with the gaps to close.

use super::PageProps;
use crate::api;
use crate::components::{ErrorBanner, Export, ExportButtons, Loading, UnitSelect, YearPicker};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use kinerja_domain::Role;
use kinerja_types::{SuccessionPost, TalentRow};
use std::rc::Rc;
use yew::prelude::*;

/// The grid's rows: potential from high to low; in each, the boxes for performance low → high.
const GRID: [[u8; 3]; 3] = [[4, 7, 9], [2, 5, 8], [1, 3, 6]];

#[component]
pub fn TalentPage(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let city = props.me.has(Role::Admin) || props.me.has(Role::Auditor);
    let unit = use_state(|| if city { None } else { props.me.unit_id });
    let year = use_state(format::current_year);
    let wanted = (*unit, *year);
    let board = use_remote(wanted, |(u, y)| api::talent::board(u, y));
    let people = use_remote(wanted, |(u, y)| api::talent::people(u, y));
    let export = Export::new(move |format| api::talent::people_file(wanted.0, wanted.1, format));
    let body = match (board.state.data.as_deref(), people.state.data.as_deref()) {
        (Some(b), Some(p)) => html! {
            <>
                <p class="muted" id="talent-summary">
                    { i18n.tf("talent.summary", &[("people", &b.people.to_string()), ("unplaced", &b.unplaced.to_string())]) }
                </p>
                <NineBox people={Rc::new(p.clone())} />
                <section class="panel">
                    <h2>{ i18n.t("talent.succession") }</h2>
                    <p class="muted">{ i18n.t("talent.succession_lead") }</p>
                    if b.succession.is_empty() {
                        <p class="muted">{ i18n.t("talent.no_posts") }</p>
                    }
                    { for b.succession.iter().map(|post| html! { <Post post={post.clone()} /> }) }
                </section>
            </>
        },
        _ if board.state.loading || people.state.loading => html! { <Loading /> },
        _ => html! {},
    };
    html! {
        <section class="page talent">
            <h1>{ i18n.t("talent.title") }</h1>
            <p class="lead">{ i18n.t("talent.lead") }</p>
            <div class="toolbar">
                <UnitSelect id="talent-unit" label={i18n.t("employee.unit").to_owned()} me={props.me.clone()} value={*unit}
                    empty={city.then(|| AttrValue::from(i18n.t("talent.city").to_owned()))}
                    on_change={let u = unit.clone(); Callback::from(move |v: Option<i64>| u.set(v))} />
                <YearPicker id="talent-year" value={*year} on_change={let y = year.clone(); Callback::from(move |v: i32| y.set(v))} />
                <ExportButtons {export} name={format!("talenta-{}", *year)} />
            </div>
            <ErrorBanner error={board.state.error.clone()} on_retry={board.reload.clone()} />
            <ErrorBanner error={people.state.error.clone()} on_retry={people.reload.clone()} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct NineBoxProps {
    people: Rc<Vec<TalentRow>>,
}

/// The 3×3 grid with the people of each box.
#[component]
fn NineBox(props: &NineBoxProps) -> Html {
    let i18n = use_i18n();
    let potential = ["high", "mid", "low"];
    html! {
        <section class="panel">
            <h2>{ i18n.t("talent.grid") }</h2>
            <table class="nine-box">
                <thead>
                    <tr>
                        <th scope="col">{ i18n.t("talent.potential_perf") }</th>
                        <th scope="col">{ i18n.t("talent.perf_low") }</th>
                        <th scope="col">{ i18n.t("talent.perf_mid") }</th>
                        <th scope="col">{ i18n.t("talent.perf_high") }</th>
                    </tr>
                </thead>
                <tbody>
                    { for GRID.iter().zip(potential).map(|(row, level)| html! {
                        <tr>
                            <th scope="row">{ i18n.t(&format!("talent.pot_{level}")) }</th>
                            { for row.iter().map(|b| {
                                let inside: Vec<&TalentRow> = props.people.iter().filter(|p| p.nine_box == Some(*b)).collect();
                                html! {
                                    <td class={classes!("box", format!("box-{b}"), (*b >= 7).then_some("box-pool"))} data-box={b.to_string()}>
                                        <div class="box-head"><strong>{ i18n.tf("talent.box", &[("n", &b.to_string())]) }</strong>
                                            <span class="box-count">{ inside.len() }</span></div>
                                        <ul class="small">
                                            { for inside.iter().map(|p| html! { <li title={p.position.clone()}>{ p.name.clone() }</li> }) }
                                        </ul>
                                    </td>
                                }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="muted small">{ i18n.t("talent.grid_note") }</p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PostProps {
    post: SuccessionPost,
}

/// A post with its shortlist.
#[component]
fn Post(props: &PostProps) -> Html {
    let i18n = use_i18n();
    let p = &props.post;
    html! {
        <article class="succession-post card" data-post={p.position_title.clone()}>
            <h3>{ p.position_title.clone() }</h3>
            <p class="muted small">{ format!("{} · {}: {}", p.unit_name, i18n.t("talent.incumbent"), p.incumbent_name) }</p>
            if p.candidates.is_empty() {
                <p class="muted">{ i18n.t("talent.no_candidates") }</p>
            } else {
                <ol class="candidates">
                    { for p.candidates.iter().map(|c| html! {
                        <li>
                            <strong>{ c.name.clone() }</strong>{ format!(" · {} · ", c.position) }
                            { i18n.tf("talent.box", &[("n", &c.nine_box.to_string())]) }
                            if let Some(m) = c.match_percent {
                                { format!(" · {} {m:.1} %", i18n.t("talent.match")) }
                            }
                            if c.gaps.is_empty() {
                                <div class="small">{ i18n.t("talent.no_gaps") }</div>
                            } else {
                                <div class="small">
                                    { i18n.t("talent.gaps") }{ ": " }
                                    { c.gaps.iter().map(|g| format!("{} {} ({}→{})", g.code, g.name, g.assessed.map(|a| a.to_string()).unwrap_or_else(|| "–".into()), g.required)).collect::<Vec<_>>().join("; ") }
                                </div>
                            }
                        </li>
                    }) }
                </ol>
            }
        </article>
    }
}
