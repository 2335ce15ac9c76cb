//! Aktivitas Harian: the page every employee opens every day. Pick the day (today unless said
//! otherwise, within the days the Pemda allows), log what was done against one of the RHK of the
//! approved SKP, see the day's total against the daily cap, correct, submit or delete drafts and
//! rejected ones, and glance at the week.

use super::activity_form::ActivityForm;
use super::PageProps;
use crate::api::activities::ActivityFilter;
use crate::api::skp::SkpFilter;
use crate::api::{self, ApiError};
use crate::calendar;
use crate::components::evidence::EvidenceList;
use crate::components::{ActivityBadge, Confirm, ErrorBanner, Loading, Meter, Notice};
use crate::format;
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use crate::route::Route;
use chrono::{Datelike, Duration, NaiveDate};
use kinerja_domain::{ActivityStatus, LogRules, SkpStatus};
use kinerja_types::{Activity, PemdaSettings, Rhk};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

/// From this share of the daily cap the total turns orange.
const NEAR_CAP: f64 = 0.85;

/// The RHK of the employee's approved SKP for `year` (empty when there is none).
pub async fn my_rhk(employee_id: i64, year: i32) -> Result<Vec<Rhk>, ApiError> {
    let filter = SkpFilter {
        employee_id: Some(employee_id),
        year: Some(year),
        status: Some(SkpStatus::Approved),
        page: 1,
        per_page: 50,
        ..SkpFilter::default()
    };
    let plan = api::skp::list(&filter).await?.items.into_iter().filter(|s| !s.superseded).max_by_key(|s| s.id);
    match plan {
        Some(plan) => api::skp::get(plan.id).await.map(|s| s.rhk),
        None => Ok(Vec::new()),
    }
}

/// Minutes that count against the cap: every activity but the rejected ones.
fn counted(activities: &[Activity]) -> u32 {
    activities.iter().filter(|a| a.status != ActivityStatus::Rejected).map(|a| a.minutes).sum()
}

#[component]
pub fn Activities(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let today = *use_state(format::today);
    let date = use_state(|| today);
    let editing = use_state(|| None::<Activity>);
    let flash = use_state(|| None::<String>);
    let employee_id = props.me.employee.as_ref().map(|e| e.id);
    // Whoever may not read the settings works with the domain's defaults; the server decides anyway.
    let settings = use_remote((), |()| api::settings::get());
    let settings: Rc<PemdaSettings> = settings.state.data.clone().unwrap_or_default();
    let rules = LogRules {
        max_days_back: settings.activity_max_days_back,
        max_minutes_per_day: settings.activity_max_minutes_per_day,
    };
    let earliest = today - Duration::days(i64::from(rules.max_days_back));
    let (monday, sunday) = calendar::week_of(*date);
    let week = use_remote((employee_id, monday, sunday), |(id, from, to)| async move {
        match id {
            Some(id) => api::activities::between(id, from, to).await,
            None => Ok(Vec::new()),
        }
    });
    // Rejected activities still correctable, whatever day is shown: a notification leads here.
    let rejected = use_remote((employee_id, earliest), |(id, from)| async move {
        let Some(id) = id else {
            return Ok(Vec::new());
        };
        let filter = ActivityFilter {
            employee_id: Some(id),
            from: Some(from),
            status: Some(ActivityStatus::Rejected),
            page: 1,
            per_page: 50,
            ..ActivityFilter::default()
        };
        api::activities::list(&filter).await.map(|p| p.items)
    });
    let choices = use_remote((employee_id, date.year()), |(id, year)| async move {
        match id {
            Some(id) => my_rhk(id, year).await,
            None => Ok(Vec::new()),
        }
    });

    let Some(employee_id) = employee_id else {
        return html! {
            <section class="page">
                <h1>{ i18n.t("activity.title") }</h1>
                <p>{ i18n.t("profile.no_employee") }</p>
            </section>
        };
    };

    let all: Rc<Vec<Activity>> = week.state.data.clone().unwrap_or_default();
    let day: Rc<Vec<Activity>> = Rc::new(all.iter().filter(|a| a.date == *date).cloned().collect());
    let holidays = Rc::new(settings.holidays.clone());

    let go = |target: NaiveDate| {
        let date = date.clone();
        let flash = flash.clone();
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| {
            flash.set(None);
            editing.set(None);
            date.set(target);
        })
    };
    let on_date = {
        let date = date.clone();
        let flash = flash.clone();
        let editing = editing.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(picked) = NaiveDate::parse_from_str(&value, "%Y-%m-%d") {
                flash.set(None);
                editing.set(None);
                date.set(picked.clamp(earliest, today));
            }
        })
    };
    // Something changed on the server: say so and read the week again.
    let changed = {
        let flash = flash.clone();
        let reload = week.reload.clone();
        let reload_rejected = rejected.reload.clone();
        let editing = editing.clone();
        Callback::from(move |message: String| {
            flash.set(Some(message));
            editing.set(None);
            reload.emit(());
            reload_rejected.emit(());
        })
    };
    let on_edit = {
        let editing = editing.clone();
        let flash = flash.clone();
        Callback::from(move |activity: Activity| {
            flash.set(None);
            editing.set(Some(activity));
            scroll_to("activity-form");
        })
    };
    let on_cancel_edit = {
        let editing = editing.clone();
        Callback::from(move |()| editing.set(None))
    };
    let on_pick_day = {
        let date = date.clone();
        let editing = editing.clone();
        let flash = flash.clone();
        Callback::from(move |day: NaiveDate| {
            flash.set(None);
            editing.set(None);
            date.set(day);
        })
    };

    let no_plan = matches!(choices.state.data.as_deref(), Some(list) if list.is_empty());
    let date_text = format!("{} {}", i18n.t(calendar::weekday_key(*date)), format::date(&date));
    let form = if no_plan {
        html! {
            <div class="callout callout-warn">
                <p>{ i18n.tf("activity.no_plan", &[("year", &date.year().to_string())]) }</p>
                <Link<Route> to={Route::MySkp}>{ i18n.t("activity.to_skp") }</Link<Route>>
            </div>
        }
    } else {
        html! {
            <ActivityForm {employee_id} date={*date} {today} {rules} holidays={holidays.clone()}
                max_bytes={Some(settings.evidence_max_bytes)} choices={choices.state.data.clone()}
                day={day.clone()} editing={(*editing).clone()} {on_cancel_edit} on_saved={changed.clone()} />
        }
    };

    html! {
        <section class="page">
            <h1>{ i18n.t("activity.title") }</h1>
            <div class="toolbar day-picker">
                <button type="button" class="button-quiet" onclick={go(*date - Duration::days(1))}
                    disabled={*date <= earliest} aria-label={i18n.t("activity.previous_day").to_owned()}>
                    { "‹" }
                </button>
                <div class="field">
                    <label for="activity-date">{ i18n.t("activity.date") }</label>
                    <input id="activity-date" type="date" value={date.to_string()} min={earliest.to_string()}
                        max={today.to_string()} onchange={on_date} />
                </div>
                <button type="button" class="button-quiet" onclick={go(*date + Duration::days(1))}
                    disabled={*date >= today} aria-label={i18n.t("activity.next_day").to_owned()}>
                    { "›" }
                </button>
                if *date != today {
                    <button type="button" class="button-quiet" onclick={go(today)}>{ i18n.t("activity.today") }</button>
                }
                <small class="field-hint day-range">
                    { i18n.tf("activity.range_hint", &[("days", &rules.max_days_back.to_string()), ("earliest", &format::date(&earliest))]) }
                </small>
            </div>
            if let Some(text) = &*flash {
                <Notice text={text.clone()} />
            }
            <ErrorBanner error={week.state.error.clone()} on_retry={week.reload.clone()} />
            <ErrorBanner error={choices.state.error.clone()} on_retry={choices.reload.clone()} />
            <ToCorrect rejected={rejected.state.data.clone().unwrap_or_default()} shown={*date}
                on_pick={on_pick_day.clone()} />
            <DayTotal minutes={counted(&day)} cap={rules.max_minutes_per_day} date_text={date_text.clone()} />
            { form }
            <DayList day={day.clone()} loading={week.state.loading && week.state.data.is_none()} {date_text}
                {on_edit} on_changed={changed.clone()} editing={editing.as_ref().map(|a| a.id)} />
            <WeekView week={all.clone()} {monday} selected={*date} {earliest} {today} on_pick={on_pick_day} />
        </section>
    }
}

/// Brings the element with `id` into view (the form, after "Ubah" far below it).
fn scroll_to(id: &str) {
    if let Some(element) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        element.scroll_into_view();
    }
}

#[derive(Properties, PartialEq)]
struct ToCorrectProps {
    rejected: Rc<Vec<Activity>>,
    /// The day on screen: its rejected ones are in the day's list already.
    shown: NaiveDate,
    on_pick: Callback<NaiveDate>,
}

/// Rejected activities of other days that can still be corrected, each with a way to its day.
#[component]
fn ToCorrect(props: &ToCorrectProps) -> Html {
    let i18n = use_i18n();
    let others: Vec<&Activity> = props.rejected.iter().filter(|a| a.date != props.shown).collect();
    if others.is_empty() {
        return html! {};
    }
    html! {
        <div class="callout callout-warn to-correct">
            <strong>{ i18n.tf("activity.to_correct", &[("n", &others.len().to_string())]) }</strong>
            <ul>
                { for others.iter().map(|a| {
                    let day = a.date;
                    let on_pick = props.on_pick.clone();
                    let when = format!("{} {}", i18n.t(calendar::weekday_key(day)), format::date(&day));
                    html! {
                        <li key={a.id}>
                            <span>{ format!("{when}: {}", a.description) }</span>{ " " }
                            <button type="button" class="button-quiet button-small" onclick={move |_| on_pick.emit(day)}
                                aria-label={i18n.tf("activity.week_open", &[("day", &when)])}>
                                { i18n.t("common.open") }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct DayTotalProps {
    minutes: u32,
    cap: u32,
    date_text: String,
}

/// The running total of the day against the cap, turning orange near it.
#[component]
fn DayTotal(props: &DayTotalProps) -> Html {
    let i18n = use_i18n();
    let (minutes, cap) = (props.minutes, props.cap);
    let share = if cap > 0 { f64::from(minutes) / f64::from(cap) } else { 0.0 };
    let tone = if minutes > cap {
        "over"
    } else if share >= NEAR_CAP {
        "warn"
    } else {
        "ok"
    };
    let left = cap.saturating_sub(minutes);
    let total = i18n.tf(
        "activity.total",
        &[
            ("minutes", &minutes.to_string()),
            ("cap", &cap.to_string()),
            ("duration", &format::minutes(u64::from(minutes), i18n.lang())),
        ],
    );
    html! {
        <section class="panel day-total" aria-live="polite">
            <p class="day-total-head">
                <strong>{ i18n.tf("activity.total_title", &[("day", &props.date_text)]) }</strong>
                <span class="day-total-figure">{ total }</span>
            </p>
            <Meter value={f64::from(minutes)} max={f64::from(cap)} tone={tone}
                label={i18n.t("activity.total_label").to_owned()} />
            if tone == "warn" {
                <p class="callout callout-warn">{ i18n.tf("activity.near_cap", &[("left", &left.to_string()), ("cap", &cap.to_string())]) }</p>
            } else if tone == "over" {
                <p class="callout callout-warn">{ i18n.tf("activity.over_cap", &[("cap", &cap.to_string())]) }</p>
            } else {
                <p class="muted">{ i18n.tf("activity.left", &[("left", &left.to_string())]) }</p>
            }
        </section>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Ask {
    Submit(i64),
    Delete(i64),
    SubmitAll,
}

#[derive(Properties, PartialEq)]
struct DayListProps {
    day: Rc<Vec<Activity>>,
    loading: bool,
    date_text: String,
    /// The activity in the form, marked in the list.
    editing: Option<i64>,
    on_edit: Callback<Activity>,
    on_changed: Callback<String>,
}

/// The day's activities, each with its status; drafts and rejected ones can be corrected,
/// submitted or deleted, each after a confirmation.
#[component]
fn DayList(props: &DayListProps) -> Html {
    let i18n = use_i18n();
    let asking = use_state(|| None::<Ask>);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let open: Vec<i64> = props
        .day
        .iter()
        .filter(|a| matches!(a.status, ActivityStatus::Draft | ActivityStatus::Rejected))
        .map(|a| a.id)
        .collect();
    let run = |ask: Ask| {
        let asking = asking.clone();
        let busy = busy.clone();
        let error = error.clone();
        let on_changed = props.on_changed.clone();
        let i18n = i18n.clone();
        let open = open.clone();
        Callback::from(move |()| {
            busy.set(true);
            error.set(None);
            let asking = asking.clone();
            let busy = busy.clone();
            let error = error.clone();
            let on_changed = on_changed.clone();
            let i18n = i18n.clone();
            let open = open.clone();
            spawn_local(async move {
                let outcome = match ask {
                    Ask::Submit(id) => {
                        api::activities::submit(id).await.map(|_| i18n.t("activity.submitted").to_owned())
                    }
                    Ask::Delete(id) => {
                        api::activities::delete(id).await.map(|()| i18n.t("activity.deleted").to_owned())
                    }
                    Ask::SubmitAll => {
                        let mut done = 0;
                        let mut failure = None;
                        for id in open {
                            match api::activities::submit(id).await {
                                Ok(_) => done += 1,
                                Err(e) => {
                                    failure = Some(e);
                                    break;
                                }
                            }
                        }
                        match failure {
                            Some(e) if done == 0 => Err(e),
                            Some(e) => {
                                error.set(Some(e));
                                Ok(i18n.tf("activity.submitted_n", &[("n", &done.to_string())]))
                            }
                            None => Ok(i18n.tf("activity.submitted_n", &[("n", &done.to_string())])),
                        }
                    }
                };
                match outcome {
                    Ok(message) => {
                        asking.set(None);
                        on_changed.emit(message);
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let cancel = {
        let asking = asking.clone();
        Callback::from(move |()| asking.set(None))
    };
    let ask = |what: Ask| {
        let asking = asking.clone();
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            error.set(None);
            asking.set(Some(what));
        })
    };

    let body = if props.day.is_empty() {
        if props.loading {
            html! { <Loading /> }
        } else {
            html! { <p class="muted">{ i18n.t("activity.day_empty") }</p> }
        }
    } else {
        let mut ordered: Vec<&Activity> = props.day.iter().collect();
        ordered.sort_by_key(|a| (a.start.clone(), a.id));
        let items = ordered.into_iter().map(|a| {
            let open = matches!(a.status, ActivityStatus::Draft | ActivityStatus::Rejected);
            let id = a.id;
            let edit = {
                let on_edit = props.on_edit.clone();
                let activity = a.clone();
                Callback::from(move |_: MouseEvent| on_edit.emit(activity.clone()))
            };
            let confirm = match *asking {
                Some(Ask::Submit(asked)) if asked == id => html! {
                    <Confirm text={i18n.t("activity.submit_confirm").to_owned()} confirm_label={i18n.t("activity.submit_yes").to_owned()}
                        on_confirm={run(Ask::Submit(id))} on_cancel={cancel.clone()} busy={*busy} />
                },
                Some(Ask::Delete(asked)) if asked == id => html! {
                    <Confirm text={i18n.t("activity.delete_confirm").to_owned()} confirm_label={i18n.t("activity.delete_yes").to_owned()}
                        on_confirm={run(Ask::Delete(id))} on_cancel={cancel.clone()} busy={*busy} />
                },
                _ => html! {},
            };
            let times = match (&a.start, &a.end) {
                (Some(start), Some(end)) => format!(" · {start}–{end}"),
                _ => String::new(),
            };
            html! {
                <li key={id} class={classes!("activity-card", format!("activity-{}", a.status.as_str()),
                    (props.editing == Some(id)).then_some("activity-editing"))}>
                    <div class="activity-head">
                        <ActivityBadge status={a.status} />
                        <strong class="activity-minutes">{ format::minutes(u64::from(a.minutes), i18n.lang()) }{ times }</strong>
                    </div>
                    <p class="activity-description">{ &a.description }</p>
                    <p class="activity-rhk"><span class="muted">{ i18n.t("activity.rhk_short") }{ ": " }</span>{ &a.rhk_text }</p>
                    if let Some(q) = a.output_qty {
                        <p class="activity-output"><span class="muted">{ i18n.t("activity.output_short") }{ ": " }</span>{ format::number(q, i18n.lang()) }</p>
                    }
                    if a.status == ActivityStatus::Rejected {
                        <div class="callout callout-warn">
                            <strong>{ i18n.t("activity.rejected_note") }</strong>
                            <p>{ a.reject_note.clone().unwrap_or_else(|| i18n.t("common.none").to_owned()) }</p>
                        </div>
                    }
                    <EvidenceList ids={a.evidence_ids.clone()} />
                    if open {
                        <div class="actions">
                            <button type="button" class="button-quiet" onclick={edit} disabled={*busy}>{ i18n.t("activity.edit") }</button>
                            <button type="button" class="button-quiet" onclick={ask(Ask::Submit(id))} disabled={*busy}>
                                { if a.status == ActivityStatus::Rejected { i18n.t("activity.resubmit") } else { i18n.t("activity.submit") } }
                            </button>
                            <button type="button" class="button-quiet button-danger" onclick={ask(Ask::Delete(id))} disabled={*busy}>
                                { i18n.t("activity.delete") }
                            </button>
                        </div>
                    }
                    { confirm }
                </li>
            }
        });
        html! { <ul class="activity-list">{ for items }</ul> }
    };
    html! {
        <section class="panel">
            <div class="panel-head">
                <h2>{ i18n.tf("activity.day_title", &[("day", &props.date_text)]) }</h2>
                if open.len() > 1 {
                    <button type="button" class="button-quiet" onclick={ask(Ask::SubmitAll)} disabled={*busy}>
                        { i18n.tf("activity.submit_all", &[("n", &open.len().to_string())]) }
                    </button>
                }
            </div>
            if *asking == Some(Ask::SubmitAll) {
                <Confirm text={i18n.tf("activity.submit_all_confirm", &[("n", &open.len().to_string())])}
                    confirm_label={i18n.t("activity.submit_yes").to_owned()}
                    on_confirm={run(Ask::SubmitAll)} on_cancel={cancel.clone()} busy={*busy} />
            }
            <ErrorBanner error={(*error).clone()} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct WeekViewProps {
    week: Rc<Vec<Activity>>,
    monday: NaiveDate,
    selected: NaiveDate,
    earliest: NaiveDate,
    today: NaiveDate,
    on_pick: Callback<NaiveDate>,
}

/// Monday to Friday of the selected week (and a weekend day when something was logged on it):
/// minutes per day and how many activities stand where.
#[component]
fn WeekView(props: &WeekViewProps) -> Html {
    let i18n = use_i18n();
    let days: Vec<NaiveDate> = (0..7)
        .map(|n| props.monday + Duration::days(n))
        .filter(|d| {
            d.weekday().num_days_from_monday() < 5 || *d == props.selected || props.week.iter().any(|a| a.date == *d)
        })
        .collect();
    let week_total: u32 = counted(&props.week);
    let rows = days.iter().map(|day| {
        let on_day: Vec<Activity> = props.week.iter().filter(|a| a.date == *day).cloned().collect();
        let minutes = counted(&on_day);
        let badges = ActivityStatus::ALL.iter().filter_map(|status| {
            let n = on_day.iter().filter(|a| a.status == *status).count();
            (n > 0).then(|| html! {
                <span class="badge-count"><ActivityBadge status={*status} />{ format!(" ×{n}") }</span>
            })
        });
        let name = i18n.t(calendar::weekday_key(*day));
        let pickable = *day >= props.earliest && *day <= props.today && *day != props.selected;
        let pick = {
            let on_pick = props.on_pick.clone();
            let day = *day;
            Callback::from(move |_: MouseEvent| on_pick.emit(day))
        };
        html! {
            <tr key={day.to_string()} class={classes!((*day == props.selected).then_some("row-current"))}>
                <td data-label={i18n.t("activity.week_day").to_owned()}>
                    <span><strong>{ name }</strong>{ " " }<span class="muted">{ format::date(day) }</span></span>
                </td>
                <td data-label={i18n.t("activity.week_minutes").to_owned()} class="nowrap">
                    { if minutes > 0 { format::minutes(u64::from(minutes), i18n.lang()) } else { i18n.t("common.none").to_owned() } }
                </td>
                <td data-label={i18n.t("activity.week_status").to_owned()}>
                    if on_day.is_empty() {
                        <span class="muted">{ i18n.t("activity.week_nothing") }</span>
                    } else {
                        <span class="badges">{ for badges }</span>
                    }
                </td>
                <td data-label="">
                    if pickable {
                        <button type="button" class="button-quiet button-small" onclick={pick}
                            aria-label={i18n.tf("activity.week_open", &[("day", &format!("{name} {}", format::date(day)))])}>
                            { i18n.t("common.open") }
                        </button>
                    } else if *day == props.selected {
                        <span class="muted">{ i18n.t("activity.week_shown") }</span>
                    }
                </td>
            </tr>
        }
    });
    html! {
        <section class="panel">
            <h2>{ i18n.tf("activity.week_title", &[("from", &format::date(&props.monday)), ("to", &format::date(&(props.monday + Duration::days(4))))]) }</h2>
            <div class="table-wrap">
                <table class="week">
                    <thead>
                        <tr>
                            <th scope="col">{ i18n.t("activity.week_day") }</th>
                            <th scope="col">{ i18n.t("activity.week_minutes") }</th>
                            <th scope="col">{ i18n.t("activity.week_status") }</th>
                            <th scope="col"><span class="sr-only">{ i18n.t("common.open") }</span></th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="muted">{ i18n.tf("activity.week_total", &[("duration", &format::minutes(u64::from(week_total), i18n.lang()))]) }</p>
        </section>
    }
}
