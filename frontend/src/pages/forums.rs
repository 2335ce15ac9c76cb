//! Forum Dialog Publik (heads and operators of units, admins; auditors read): the forums of my
//! units, newest first, and the form that announces a new one to the public.

use super::PageProps;
use crate::api::{self, ApiError};
use crate::components::{use_toast, ErrorBanner, Field, Loading, SelectField, UnitSelect};
use crate::format;
use crate::hooks::{use_form, use_remote};
use crate::i18n::{use_i18n, I18n};
use crate::route::Route;
use kinerja_domain::oversight::ForumStatus;
use kinerja_domain::Role;
use kinerja_types::{FieldError, Forum, Me, NewForum};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// Whether `me` may announce and run forums (the server checks the unit).
pub fn runs_forums(me: &Me) -> bool {
    [Role::Admin, Role::KepalaUnit, Role::OperatorLayanan].iter().any(|r| me.has(*r))
}

#[component]
pub fn Forums(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let status = use_state(|| None::<ForumStatus>);
    let forums = use_remote(*status, api::forums::list);
    let toast = use_toast();
    let on_status = {
        let status = status.clone();
        Callback::from(move |v: String| status.set(v.parse().ok()))
    };
    let on_created = {
        let (toast, status, reload, i18n) = (toast.clone(), status.clone(), forums.reload.clone(), i18n.clone());
        Callback::from(move |forum: Forum| {
            toast.say(i18n.tf("forum.announced", &[("topic", &forum.topic)]));
            // The new forum shows in the list (its topic leads to it), whatever the filter was.
            if status.is_some_and(|s| s != forum.status) {
                status.set(None);
            } else {
                reload.emit(());
            }
        })
    };
    let statuses: Vec<(AttrValue, AttrValue)> = std::iter::once(("", i18n.t("forum.all_statuses")))
        .chain(ForumStatus::ALL.iter().map(|s| (s.as_str(), i18n.word("forum_status", s.as_str()))))
        .map(|(v, t)| (AttrValue::from(v), AttrValue::from(t.to_owned())))
        .collect();
    let body = match forums.state.data.as_deref().map(Vec::as_slice) {
        Some([]) => html! { <p class="muted">{ i18n.t("forum.none") }</p> },
        Some(list) => html! { <ForumTable forums={Rc::new(list.to_vec())} /> },
        None if forums.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page forums">
            <h1>{ i18n.t("forum.title") }</h1>
            <p class="lead">{ i18n.t("forum.lead") }</p>
            <div class="toolbar">
                <SelectField id="forum-status-filter" label={i18n.t("forum.status").to_owned()}
                    value={status.map(|s| s.as_str()).unwrap_or_default()} options={statuses} on_change={on_status} />
            </div>
            <ErrorBanner error={forums.state.error.clone()} on_retry={forums.reload.clone()} />
            { body }
            if runs_forums(&props.me) {
                <AnnounceForm me={props.me.clone()} on_done={on_created} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ForumTableProps {
    forums: Rc<Vec<Forum>>,
}

/// Date, topic (to the forum), unit, place and status.
#[component]
fn ForumTable(props: &ForumTableProps) -> Html {
    let i18n = use_i18n();
    let col = |key: &str| i18n.t(key).to_owned();
    html! {
        <div class="table-wrap">
            <table class="forum-list">
                <thead><tr>
                    <th scope="col">{ col("forum.date") }</th>
                    <th scope="col">{ col("forum.topic") }</th>
                    <th scope="col">{ col("forum.unit") }</th>
                    <th scope="col">{ col("forum.place") }</th>
                    <th scope="col">{ col("forum.status") }</th>
                </tr></thead>
                <tbody>
                    { for props.forums.iter().map(|f| html! {
                        <tr key={f.id} data-forum={f.id.to_string()}>
                            <td data-label={col("forum.date")} class="nowrap">{ format::date(&f.date) }</td>
                            <td data-label={col("forum.topic")}>
                                <Link<Route> to={Route::ForumDetail { id: f.id }}>{ &f.topic }</Link<Route>>
                            </td>
                            <td data-label={col("forum.unit")}>{ &f.unit_name }</td>
                            <td data-label={col("forum.place")}>{ &f.place }</td>
                            <td data-label={col("forum.status")}><ForumBadge status={f.status} /></td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ForumBadgeProps {
    pub status: ForumStatus,
}

/// Announced, held or cancelled, coloured.
#[component]
pub fn ForumBadge(props: &ForumBadgeProps) -> Html {
    let i18n = use_i18n();
    let s = props.status.as_str();
    html! { <span class={classes!("badge", format!("badge-forum-{s}"))} data-status={s}>{ i18n.word("forum_status", s) }</span> }
}

#[derive(Properties, PartialEq)]
struct AnnounceProps {
    me: Rc<Me>,
    on_done: Callback<Forum>,
}

/// The announcement as typed.
#[derive(Clone, PartialEq, Default)]
struct Draft {
    unit: Option<i64>,
    topic: String,
    date: String,
    place: String,
    description: String,
}

impl Draft {
    /// The forum to announce, or the fields missing (a unit, a date).
    fn request(&self, i18n: &I18n) -> Result<NewForum, Vec<FieldError>> {
        let mut invalid = Vec::new();
        if self.unit.is_none() {
            invalid.push(FieldError::local("unit_id", i18n.t("validation.unit_required")));
        }
        let day = self.date.parse::<chrono::NaiveDate>().ok();
        if day.is_none() {
            invalid.push(FieldError::local("date", i18n.t("forum.date_required")));
        }
        let (Some(unit_id), Some(day), true) = (self.unit, day, invalid.is_empty()) else {
            return Err(invalid);
        };
        Ok(NewForum {
            unit_id,
            topic: self.topic.trim().to_owned(),
            date: day,
            place: self.place.trim().to_owned(),
            description: Some(self.description.trim().to_owned()).filter(|d| !d.is_empty()),
        })
    }
}

/// The announcement: unit, topic, date, place and what it is about.
#[component]
fn AnnounceForm(props: &AnnounceProps) -> Html {
    let i18n = use_i18n();
    let form = use_form(|| Draft { unit: props.me.unit_id, ..Draft::default() });
    let onsubmit = {
        let (on_done, i18n) = (props.on_done.clone(), i18n.clone());
        form.submit(
            move |d: &Draft| {
                let body = d.request(&i18n);
                Ok(async move {
                    // What the device found shows as the server's refusal would, in the banner and by field.
                    let body = body.map_err(|fields| ApiError::Invalid { detail: None, fields })?;
                    api::forums::create(&body).await
                })
            },
            move |form, forum| {
                form.update(|d| *d = Draft { unit: d.unit, ..Draft::default() });
                on_done.emit(forum);
            },
        )
    };
    let field_error = |f: &str| form.error(f);
    html! {
        <section class="panel">
            <h2>{ i18n.t("forum.announce") }</h2>
            <p class="muted">{ i18n.t("forum.announce_hint") }</p>
            <form onchange={form.touch()} {onsubmit} novalidate=true>
                <div class="form-grid">
                    <UnitSelect id="forum-unit" label={i18n.t("forum.unit").to_owned()} me={props.me.clone()}
                        value={form.unit} on_change={form.set(|d, v| d.unit = v)} empty={Some(AttrValue::from(i18n.t("validation.choose").to_owned()))}
                        error={field_error("unit_id")} />
                    <Field id="forum-topic" label={i18n.t("forum.topic").to_owned()} value={form.topic.clone()}
                        on_input={form.text(|d| &mut d.topic)} required=true error={field_error("topic")} />
                    <Field id="forum-date" label={i18n.t("forum.date").to_owned()} kind="date" value={form.date.clone()}
                        on_input={form.text(|d| &mut d.date)} required=true error={field_error("date")} />
                    <Field id="forum-place" label={i18n.t("forum.place").to_owned()} value={form.place.clone()}
                        on_input={form.text(|d| &mut d.place)} required=true error={field_error("place")} />
                </div>
                <Field id="forum-description" label={i18n.t("forum.description").to_owned()} rows={Some(3)}
                    value={form.description.clone()} on_input={form.text(|d| &mut d.description)} error={field_error("description")} />
                <ErrorBanner error={form.server_error()} shown_fields={&["unit_id", "topic", "date", "place", "description"][..]} />
                <button type="submit" class="button-primary" disabled={form.busy()}>{ i18n.t("forum.announce_button") }</button>
                <crate::components::SubmitSummary problems={form.problems()} />
            </form>
        </section>
    }
}
