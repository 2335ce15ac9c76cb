//! The week at a glance.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct WeekViewProps {
    pub(super) week: Rc<Vec<Activity>>,
    pub(super) monday: NaiveDate,
    pub(super) selected: NaiveDate,
    pub(super) earliest: NaiveDate,
    pub(super) today: NaiveDate,
    /// The person's calendar of the week, once read.
    pub(super) calendar: Option<Rc<MyCalendar>>,
    pub(super) on_pick: Callback<NaiveDate>,
}

/// The working days of the selected week by the person's calendar (Monday to Friday before it
/// is read), a day off when something was logged on it or it is shown: minutes per day, how many
/// activities stand where, and what a day that is not a working day is (libur, cuti, ...).
#[component]
pub(super) fn WeekView(props: &WeekViewProps) -> Html {
    let i18n = use_i18n();
    let kind_of = |d: NaiveDate| {
        props
            .calendar
            .as_ref()
            .and_then(|c| c.days.iter().find(|x| x.date == d))
            .map(|x| (x.kind.clone(), x.excuse.clone()))
    };
    let works = |d: NaiveDate| match kind_of(d) {
        Some((kind, _)) => kind == "working" || kind == "excused",
        None => d.weekday().num_days_from_monday() < 5,
    };
    let days: Vec<NaiveDate> = (0..7)
        .map(|n| props.monday + Duration::days(n))
        .filter(|d| works(*d) || *d == props.selected || props.week.iter().any(|a| a.date == *d))
        .collect();
    let week_total: u32 = counted(&props.week);
    let (first, last) = (days.first().copied().unwrap_or(props.monday), days.last().copied().unwrap_or(props.monday));
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
            <tr key={day.to_string()} data-date={day.to_string()} class={classes!((*day == props.selected).then_some("row-current"))}>
                <td data-label={i18n.t("activity.week_day").to_owned()}>
                    <span><strong>{ name }</strong>{ " " }<span class="muted">{ day.format("%d/%m/%Y").to_string() }</span></span>
                    if let Some(what) = day_note(kind_of(*day)) {
                        { " " }<span class="day-kind" data-kind={what}>{ i18n.t(&format!("activity.day.{what}")) }</span>
                    }
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
                            aria-label={i18n.tf("activity.week_open", &[("day", &format::date(day))])}>
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
            <h2>{ i18n.tf("activity.week_title", &[("from", &format::date(&first)), ("to", &format::date(&last))]) }</h2>
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

/// The word for a day that is not a plain working day: `off`, `holiday`, or its excuse.
fn day_note(kind: Option<(String, Option<String>)>) -> Option<&'static str> {
    let (kind, excuse) = kind?;
    match kind.as_str() {
        "off" => Some("off"),
        "holiday" => Some("holiday"),
        "excused" => Some(excuse.as_deref().and_then(Excuse::from_code).unwrap_or(Excuse::Cuti).code()),
        _ => None,
    }
}
