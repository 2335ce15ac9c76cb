//! The week at a glance.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct WeekViewProps {
    pub(super) week: Rc<Vec<Activity>>,
    pub(super) monday: NaiveDate,
    pub(super) selected: NaiveDate,
    pub(super) earliest: NaiveDate,
    pub(super) today: NaiveDate,
    pub(super) on_pick: Callback<NaiveDate>,
}

/// Monday to Friday of the selected week (and a weekend day when something was logged on it):
/// minutes per day and how many activities stand where.
#[component]
pub(super) fn WeekView(props: &WeekViewProps) -> Html {
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
                    <span><strong>{ name }</strong>{ " " }<span class="muted">{ day.format("%d/%m/%Y").to_string() }</span></span>
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
