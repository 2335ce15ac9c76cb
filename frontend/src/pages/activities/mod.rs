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
use crate::components::{use_toast, ActivityBadge, Confirm, ErrorBanner, Loading, Meter};
use crate::format;
use crate::hooks::{use_remote, use_write};
use crate::i18n::use_i18n;
use crate::route::Route;
use chrono::{Datelike, Duration, NaiveDate};
use kinerja_domain::calendar::Excuse;
use kinerja_domain::{ActivityStatus, DayLimit, SkpStatus};
use kinerja_types::{Activity, MyCalendar, PemdaSettings, Rhk};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

mod day_list;
mod day_total;
mod import;
mod offline_queue;
mod to_correct;
mod week;

use day_list::*;
use day_total::*;
use import::ActivityImport;
use offline_queue::OfflineQueue;
use to_correct::*;
use week::*;

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

/// What `date` may hold and from when the person may log, from their calendar; before it is read,
/// the settings' ceiling and calendar days (the server decides anyway).
fn day_limit(settings: &PemdaSettings, days: Option<&MyCalendar>, date: NaiveDate, today: NaiveDate) -> DayLimit {
    let day = days.and_then(|c| c.days.iter().find(|d| d.date == date));
    DayLimit {
        earliest: days.map_or(today - Duration::days(i64::from(settings.activity_max_days_back)), |c| c.earliest),
        max_days_back: settings.activity_max_days_back,
        cap: day.map_or(settings.activity_max_minutes_per_day, |d| d.cap),
        // Dinas luar is work: only the other excuses keep the day from being logged.
        excuse: day.and_then(|d| d.excuse.as_deref().and_then(Excuse::from_code)).filter(|e| *e != Excuse::DinasLuar),
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
    let toast = use_toast();
    let queue_round = use_state(|| 0u32);
    let employee_id = props.me.employee.as_ref().map(|e| e.id);
    // Whoever may not read the settings works with the domain's defaults; the server decides anyway.
    let settings = use_remote((), |()| api::settings::get());
    let settings: Rc<PemdaSettings> = settings.state.data.clone().unwrap_or_default();
    let (monday, sunday) = calendar::week_of(*date);
    // The person's calendar of the week and the fortnight before it (where "repeat the last
    // working day" looks): each day's kind and cap, and the earliest day to log.
    let days = use_remote((employee_id.is_some(), monday, sunday), |(has, from, to)| async move {
        if has {
            api::activities::calendar(from - Duration::days(14), to).await.map(Some)
        } else {
            Ok(None)
        }
    });
    let days: Option<Rc<MyCalendar>> = days.state.data.clone().and_then(|c| (*c).clone().map(Rc::new));
    let limit = day_limit(&settings, days.as_deref(), *date, today);
    let earliest = limit.earliest;
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
    // The last day before this one the person worked by their calendar (Monday to Friday less the
    // holidays until it is read).
    let previous = days
        .as_deref()
        .and_then(|c| {
            c.days
                .iter()
                .rev()
                .find(|d| d.date < *date && (d.kind == "working" || d.excuse.as_deref() == Some("dinas_luar")))
                .map(|d| d.date)
        })
        .unwrap_or_else(|| calendar::previous_working_day(*date, &settings.holidays));

    let go = |target: NaiveDate| {
        let date = date.clone();
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| {
            editing.set(None);
            date.set(target);
        })
    };
    let on_date = {
        let date = date.clone();
        let editing = editing.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(picked) = NaiveDate::parse_from_str(&value, "%Y-%m-%d") {
                editing.set(None);
                date.set(picked.clamp(earliest, today));
            }
        })
    };
    // Something changed on the server: say so and read the week again.
    let changed = {
        let toast = toast.clone();
        let reload = week.reload.clone();
        let reload_rejected = rejected.reload.clone();
        let editing = editing.clone();
        Callback::from(move |message: String| {
            toast.say(message);
            editing.set(None);
            reload.emit(());
            reload_rejected.emit(());
        })
    };
    let on_queued = {
        let queue_round = queue_round.clone();
        Callback::from(move |()| queue_round.set(*queue_round + 1))
    };
    let on_edit = {
        let editing = editing.clone();
        Callback::from(move |activity: Activity| {
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
        Callback::from(move |day: NaiveDate| {
            editing.set(None);
            date.set(day);
        })
    };

    let no_plan = matches!(choices.state.data.as_deref(), Some(list) if list.is_empty());
    let date_text = format::date(&date);
    let form = if no_plan {
        html! {
            <div class="callout callout-warn">
                <p>{ i18n.tf("activity.no_plan", &[("year", &date.year().to_string())]) }</p>
                <Link<Route> to={Route::MySkp}>{ i18n.t("activity.to_skp") }</Link<Route>>
            </div>
        }
    } else {
        html! {
            <ActivityForm {employee_id} date={*date} {today} {limit} {previous}
                max_bytes={Some(settings.evidence_max_bytes)} choices={choices.state.data.clone()}
                day={day.clone()} editing={(*editing).clone()} {on_cancel_edit} on_saved={changed.clone()} {on_queued} />
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
                    { i18n.tf("activity.range_hint", &[("days", &limit.max_days_back.to_string()), ("earliest", &format::date(&earliest))]) }
                </small>
            </div>
            <ErrorBanner error={week.state.error.clone()} on_retry={week.reload.clone()} />
            <ErrorBanner error={choices.state.error.clone()} on_retry={choices.reload.clone()} />
            <ToCorrect rejected={rejected.state.data.clone().unwrap_or_default()} shown={*date}
                on_pick={on_pick_day.clone()} />
            <DayTotal minutes={counted(&day)} cap={limit.cap} date_text={date_text.clone()} />
            { form }
            <OfflineQueue {employee_id} round={*queue_round} on_sent={changed.clone()} {earliest} {today} />
            <DayList day={day.clone()} loading={week.state.loading && week.state.data.is_none()} {date_text}
                {on_edit} on_changed={changed.clone()} editing={editing.as_ref().map(|a| a.id)} />
            <WeekView week={all.clone()} {monday} selected={*date} {earliest} {today} calendar={days.clone()} on_pick={on_pick_day} />
            <ActivityImport on_imported={changed.clone()} />
        </section>
    }
}

/// Brings the element with `id` into view (the form, after "Ubah" far below it).
fn scroll_to(id: &str) {
    if let Some(element) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        element.scroll_into_view();
    }
}
