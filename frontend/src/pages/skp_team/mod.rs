//! SKP Tim (supervisors): the SKPs waiting for my approval, where each direct subordinate stands
//! for a year, and "Turunkan RHK" (in [`cascade`]): one of my RHK handed down to several of them at once.

use super::PageProps;
use crate::api::skp::SkpFilter;
use crate::api::{self, ApiError};
use crate::components::{ErrorBanner, Loader, Loading, PagedTable, StatusBadge, YearPicker};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::route::Route;
use futures::future::join_all;
use kinerja_types::{Employee, Skp};
use yew::prelude::*;
use yew_router::prelude::*;

mod cascade;

use cascade::CascadeForm;

/// The SKPs waiting for me, a page at a time.
const QUEUE_PER_PAGE: u64 = 100;

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

    let queue_head = html! {
        <>
            <th scope="col">{ i18n.t("skp.employee") }</th>
            <th scope="col">{ i18n.t("employee.position_title") }</th>
            <th scope="col">{ i18n.t("common.year") }</th>
            <th scope="col">{ i18n.t("skp.submitted_at") }</th>
            <th scope="col"><span class="sr-only">{ i18n.t("common.open") }</span></th>
        </>
    };
    let queue_row = {
        let i18n = i18n.clone();
        Callback::from(move |s: Skp| {
            html! {
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
            }
        })
    };
    let queue_load = Loader::new(|page, per_page| {
        let filter = SkpFilter { for_review: true, page, per_page, ..SkpFilter::default() };
        async move { api::skp::list(&filter).await }
    });

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
                <PagedTable<Skp> load={queue_load} per_page={QUEUE_PER_PAGE} head={queue_head} row={queue_row}
                    empty={i18n.t("team.queue_empty").to_owned()} />
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
