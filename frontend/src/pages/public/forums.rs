//! `/forum-publik`: the public dialogue forums of the Pemda's units, those to come first, each with
//! its status in the public's words and whether it still takes aspirasi online.

use crate::api;
use crate::components::{ErrorBanner, Loading, Pager};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_domain::oversight::ForumStatus;
use kinerja_types::PublicForum;
use yew::prelude::*;
use yew_router::prelude::*;

const PER_PAGE: u64 = 20;

#[component]
pub fn PublicForums() -> Html {
    let i18n = use_i18n();
    let page = use_state(|| 1u64);
    let forums = use_remote(*page, |p| api::public::forums(p, PER_PAGE));
    let on_page = {
        let page = page.clone();
        Callback::from(move |p: u64| page.set(p))
    };
    let body = match forums.state.data.as_deref() {
        Some(p) if p.items.is_empty() => html! { <p class="muted">{ i18n.t("pforum.none") }</p> },
        Some(p) => {
            let (coming, past): (Vec<&PublicForum>, Vec<&PublicForum>) =
                p.items.iter().partition(|f| f.status == ForumStatus::Announced);
            html! {
                <>
                    if !coming.is_empty() {
                        <h2>{ i18n.t("pforum.coming") }</h2>
                        <ul class="service-units public-forums">{ for coming.into_iter().map(|f| card(f, &i18n)) }</ul>
                    }
                    if !past.is_empty() {
                        <h2>{ i18n.t("pforum.past") }</h2>
                        <ul class="service-units public-forums">{ for past.into_iter().map(|f| card(f, &i18n)) }</ul>
                    }
                    <Pager page={p.page} per_page={p.per_page} total={p.total} {on_page} />
                </>
            }
        }
        None if forums.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page public-page">
            <h1>{ i18n.t("pforum.title") }</h1>
            <p class="lead">{ i18n.t("pforum.lead") }</p>
            <ErrorBanner error={forums.state.error.clone()} on_retry={forums.reload.clone()} />
            { body }
        </section>
    }
}

/// One forum: topic (to its page), unit, date and place, status, and what came of it.
fn card(f: &PublicForum, i18n: &crate::i18n::I18n) -> Html {
    html! {
        <li key={f.id} class="service-unit public-forum" data-forum={f.id.to_string()}>
            <h3><Link<Route> to={Route::PublicForum { id: f.id }}>{ &f.topic }</Link<Route>></h3>
            <p class="muted">{ &f.unit_name }</p>
            <p>{ format::date(&f.date) }{ " · " }{ &f.place }</p>
            <p class="badges">
                <span class={classes!("badge", format!("badge-forum-{}", f.status.as_str()))}>{ i18n.vocab("pforum_status", f.status.as_str(), f.status.public_label()) }</span>
                if f.accepts_input {
                    <span class="badge badge-input-received">{ i18n.t("pforum.accepts") }</span>
                }
                <span class="chip">{ i18n.tf("pforum.input_count", &[("n", &f.input_count.to_string())]) }</span>
                if f.open_commitments > 0 {
                    <span class="chip">{ i18n.tf("pforum.open_commitments", &[("n", &f.open_commitments.to_string())]) }</span>
                }
            </p>
        </li>
    }
}
