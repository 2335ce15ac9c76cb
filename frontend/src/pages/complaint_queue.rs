//! Pengaduan (service operators, unit heads, admins; auditors read): the complaints of my units,
//! overdue first, filtered by status or to the overdue ones, with their deadline at a glance.

use super::PageProps;
use crate::api::complaints::ComplaintFilter;
use crate::api::{self, ApiError};
use crate::components::{CheckField, ComplaintBadge, Loader, PagedTable, SelectField, SlaBadge};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_domain::ComplaintStatus;
use kinerja_types::Complaint;
use std::collections::HashMap;
use yew::prelude::*;
use yew_router::prelude::*;

const PER_PAGE: u64 = 20;

/// How much of a complaint's text the queue shows.
const EXCERPT_CHARS: usize = 140;

/// Service unit id → name, for the complaints (which carry only ids).
pub async fn unit_names() -> Result<HashMap<i64, String>, ApiError> {
    let mut names: HashMap<i64, String> = api::public::units().await?.into_iter().map(|u| (u.id, u.name)).collect();
    // Dispositions may go to units that serve no public; whatever of them I may see is named too.
    if let Ok(units) = api::units::all().await {
        names.extend(units.into_iter().map(|u| (u.id, u.name)));
    }
    Ok(names)
}

/// The first `max` characters of `text`, with "…" when cut.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{}…", head.trim_end())
    } else {
        head
    }
}

#[component]
pub fn ComplaintQueue(_props: &PageProps) -> Html {
    let i18n = use_i18n();
    let status = use_state(|| None::<ComplaintStatus>);
    let overdue = use_state(|| false);
    let names = use_remote((), |()| unit_names());
    let names = names.state.data.clone().unwrap_or_default();

    let on_status = {
        let status = status.clone();
        Callback::from(move |v: String| status.set(v.parse().ok()))
    };
    let on_overdue = {
        let overdue = overdue.clone();
        Callback::from(move |on: bool| overdue.set(on))
    };
    let status_options: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("complaints.all_statuses").to_owned())))
            .chain(
                ComplaintStatus::ALL
                    .iter()
                    .map(|s| (AttrValue::from(s.as_str()), AttrValue::from(i18n.complaint_status(*s)))),
            )
            .collect();
    let head = html! {
        <>
            <th scope="col">{ i18n.t("complaint.tracking_code") }</th>
            <th scope="col">{ i18n.t("complaints.filed_on") }</th>
            <th scope="col">{ i18n.t("complaints.unit") }</th>
            <th scope="col">{ i18n.t("complaints.what") }</th>
            <th scope="col">{ i18n.t("complaints.status") }</th>
            <th scope="col">{ i18n.t("complaints.deadline") }</th>
        </>
    };
    let row = {
        let i18n = i18n.clone();
        Callback::from(move |c: Complaint| {
            html! {
                <tr key={c.id} class={classes!(c.overdue.then_some("row-overdue"))}>
                    <td data-label={i18n.t("complaint.tracking_code").to_owned()}>
                        <Link<Route> to={Route::ComplaintDetail { id: c.id }} classes="mono">{ &c.tracking_code }</Link<Route>>
                    </td>
                    <td class="nowrap" data-label={i18n.t("complaints.filed_on").to_owned()}>{ format::date(&c.filed_on) }</td>
                    <td class="complaint-unit" data-label={i18n.t("complaints.unit").to_owned()}>
                        { names.get(&c.unit_id).cloned().unwrap_or_else(|| format!("#{}", c.unit_id)) }
                    </td>
                    <td class="complaint-what" data-label={i18n.t("complaints.what").to_owned()}>
                        <div>
                            <span class="chip">{ i18n.word("complaint_category", c.category.as_str()) }</span>
                            <p class="complaint-excerpt">{ excerpt(&c.text, EXCERPT_CHARS) }</p>
                        </div>
                    </td>
                    <td data-label={i18n.t("complaints.status").to_owned()}><ComplaintBadge status={c.status} /></td>
                    <td data-label={i18n.t("complaints.deadline").to_owned()}>
                        <SlaBadge status={c.status} deadline={c.deadline} overdue={c.overdue} />
                    </td>
                </tr>
            }
        })
    };
    let (status_now, overdue_now) = (*status, *overdue);
    let load = Loader::new(move |page, per_page| {
        let filter = ComplaintFilter { status: status_now, overdue: overdue_now, page, per_page };
        async move { api::complaints::list(&filter).await }
    });
    let filter_key = format!("{status_now:?}|{overdue_now}");
    html! {
        <section class="page">
            <h1>{ i18n.t("complaints.title") }</h1>
            <p class="lead">{ i18n.t("complaints.lead") }</p>
            <div class="toolbar">
                <SelectField id="complaints-status" label={i18n.t("complaints.status").to_owned()}
                    value={status.map(|s| s.as_str()).unwrap_or_default()} options={status_options} on_change={on_status} />
                <CheckField id="complaints-overdue" label={i18n.t("complaints.only_overdue").to_owned()}
                    checked={*overdue} on_toggle={on_overdue} />
            </div>
            <PagedTable<Complaint> {load} per_page={PER_PAGE} {head} {row} class="complaints" filter={filter_key}
                empty={i18n.t("complaints.empty").to_owned()} />
        </section>
    }
}
