//! Records an evaluation session: the unit, periodic or annual, the date and title, who attended
//! (one per line), the employees discussed, the decisions, and follow-ups each with an owner from
//! the unit and a due date.

use crate::api::employees::EmployeeFilter;
use crate::api::{self, ApiError};
use crate::components::{my_units, ErrorBanner, Field, SelectField, UnitSelect};
use crate::hooks::use_remote;
use crate::i18n::use_i18n;
use kinerja_domain::oversight::SessionKind;
use kinerja_types::{Employee, EvaluationSession, FieldError, Me, NewEvaluationSession, NewSessionFollowUp};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The fields the form shows its own errors for.
const FIELDS: &[&str] =
    &["unit_id", "kind", "held_on", "title", "attendees", "employee_ids", "decisions", "follow_ups"];

/// A follow-up as typed.
#[derive(Debug, Clone, Default, PartialEq)]
struct Row {
    description: String,
    owner: String,
    due: String,
}

/// Everyone working in `unit_id` or below it, by name.
async fn people_under(me: Rc<Me>, unit_id: Option<i64>) -> Result<Vec<Employee>, ApiError> {
    let Some(unit_id) = unit_id else { return Ok(Vec::new()) };
    let all = api::units::all().await?;
    let scoped = Me { unit_id: Some(unit_id), roles: Vec::new(), ..(*me).clone() };
    let mut people = Vec::new();
    for unit in my_units(&all, &scoped) {
        let filter = EmployeeFilter { q: String::new(), unit_id: Some(unit.id), page: 1, per_page: 200 };
        people.extend(api::employees::list(&filter).await?.items);
    }
    people.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(people)
}

#[derive(Properties, PartialEq)]
pub struct SessionFormProps {
    pub me: Rc<Me>,
    /// The unit chosen on the page, where the form starts.
    pub unit_id: Option<i64>,
    pub on_done: Callback<EvaluationSession>,
}

#[component]
pub fn SessionForm(props: &SessionFormProps) -> Html {
    let i18n = use_i18n();
    let unit = use_state(|| props.unit_id);
    {
        let unit = unit.clone();
        use_effect_with(props.unit_id, move |chosen| {
            if chosen.is_some() {
                unit.set(*chosen);
            }
        });
    }
    let kind = use_state(|| SessionKind::Periodic);
    let held_on = use_state(String::new);
    let title = use_state(String::new);
    let attendees = use_state(String::new);
    let discussed = use_state(BTreeSet::<i64>::new);
    let decisions = use_state(String::new);
    let rows = use_state(Vec::<Row>::new);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let people = {
        let me = props.me.clone();
        use_remote(*unit, move |u| people_under(me.clone(), u))
    };
    let staff: Rc<Vec<Employee>> = people.state.data.clone().unwrap_or_default();

    let onsubmit = {
        let (unit, kind, held_on, title, attendees) =
            (unit.clone(), kind.clone(), held_on.clone(), title.clone(), attendees.clone());
        let (discussed, decisions, rows, busy, error) =
            (discussed.clone(), decisions.clone(), rows.clone(), busy.clone(), error.clone());
        let (on_done, i18n) = (props.on_done.clone(), i18n.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let mut wrong = Vec::new();
            if unit.is_none() {
                wrong.push(FieldError::local("unit_id", i18n.t("validation.unit_required")));
            }
            let day = held_on.parse::<chrono::NaiveDate>().ok();
            if day.is_none() {
                wrong.push(FieldError::local("held_on", i18n.t("session.date_required")));
            }
            let mut follow_ups = Vec::new();
            for (n, row) in rows.iter().enumerate().filter(|(_, r)| **r != Row::default()) {
                match (row.owner.parse::<i64>(), row.due.parse::<chrono::NaiveDate>()) {
                    (Ok(owner_id), Ok(due_on)) => follow_ups.push(NewSessionFollowUp {
                        description: row.description.trim().to_owned(),
                        owner_id,
                        due_on,
                    }),
                    _ => wrong.push(FieldError::local(
                        "follow_ups",
                        i18n.tf("session.follow_up_incomplete", &[("n", &(n + 1).to_string())]),
                    )),
                }
            }
            let (Some(unit_id), Some(held_on), true) = (*unit, day, wrong.is_empty()) else {
                error.set(Some(ApiError::Invalid { detail: None, fields: wrong }));
                return;
            };
            let body = NewEvaluationSession {
                unit_id,
                kind: *kind,
                held_on,
                title: title.trim().to_owned(),
                attendees: attendees.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect(),
                employee_ids: discussed.iter().copied().collect(),
                decisions: decisions.trim().to_owned(),
                follow_ups,
            };
            busy.set(true);
            let (title, attendees, decisions, discussed, rows) =
                (title.clone(), attendees.clone(), decisions.clone(), discussed.clone(), rows.clone());
            let (busy, error, on_done) = (busy.clone(), error.clone(), on_done.clone());
            spawn_local(async move {
                match api::evaluation_sessions::create(&body).await {
                    Ok(session) => {
                        title.set(String::new());
                        attendees.set(String::new());
                        decisions.set(String::new());
                        discussed.set(BTreeSet::new());
                        rows.set(Vec::new());
                        error.set(None);
                        on_done.emit(session);
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let set = crate::hooks::setter;
    let on_unit = {
        let (unit, discussed, rows) = (unit.clone(), discussed.clone(), rows.clone());
        Callback::from(move |u: Option<i64>| {
            // Those discussed and the owners come from the unit: a new unit starts them afresh.
            discussed.set(BTreeSet::new());
            rows.set(rows.iter().map(|r| Row { owner: String::new(), ..r.clone() }).collect());
            unit.set(u);
        })
    };
    let kinds: Vec<(AttrValue, AttrValue)> = SessionKind::ALL
        .iter()
        .map(|k| (AttrValue::from(k.as_str()), AttrValue::from(i18n.vocab("session_kind", k.as_str(), k.label()))))
        .collect();
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |v: String| {
            if let Ok(k) = v.parse() {
                kind.set(k);
            }
        })
    };
    let owners: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("validation.choose").to_owned())))
            .chain(staff.iter().map(|e| (AttrValue::from(e.id.to_string()), AttrValue::from(e.name.clone()))))
            .collect();
    let field_error = |f: &str| error.as_ref().and_then(|e| e.field(f));
    let boxes = staff.iter().map(|person| {
        let id = person.id;
        let discussed = discussed.clone();
        let checked = discussed.contains(&id);
        let onchange = Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
            let mut next = (*discussed).clone();
            if on {
                next.insert(id);
            } else {
                next.remove(&id);
            }
            discussed.set(next);
        });
        let box_id = format!("session-employee-{id}");
        html! {
            <div class="field field-check" key={id}>
                <input id={box_id.clone()} type="checkbox" {checked} {onchange} />
                <label for={box_id}>{ &person.name }{ " " }<span class="muted small">{ &person.position_title }</span></label>
            </div>
        }
    });
    let row_views = rows.iter().enumerate().map(|(index, row)| {
        let n = (index + 1).to_string();
        let edit = |change: fn(&mut Row, String)| {
            let rows = rows.clone();
            Callback::from(move |v: String| {
                let mut next = (*rows).clone();
                if let Some(r) = next.get_mut(index) {
                    change(r, v);
                }
                rows.set(next);
            })
        };
        let remove = {
            let rows = rows.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*rows).clone();
                next.remove(index);
                rows.set(next);
            })
        };
        html! {
            <div class="follow-up-row session-follow-up" key={index}>
                <Field id={format!("session-follow-up-{index}-text")} label={i18n.tf("session.follow_up_n", &[("n", &n)])}
                    value={row.description.clone()} on_input={edit(|r, v| r.description = v)} />
                <SelectField id={format!("session-follow-up-{index}-owner")} label={i18n.t("session.owner").to_owned()}
                    value={row.owner.clone()} options={owners.clone()} on_change={edit(|r, v| r.owner = v)} />
                <Field id={format!("session-follow-up-{index}-due")} label={i18n.t("forum.due_on").to_owned()} kind="date"
                    value={row.due.clone()} on_input={edit(|r, v| r.due = v)} />
                <button type="button" class="button-quiet button-small" onclick={remove}>
                    { i18n.tf("session.remove_follow_up", &[("n", &n)]) }
                </button>
            </div>
        }
    });
    let add_row = {
        let rows = rows.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*rows).clone();
            next.push(Row::default());
            rows.set(next);
        })
    };
    html! {
        <section class="panel session-form">
            <h2>{ i18n.t("session.new") }</h2>
            <form {onsubmit} novalidate=true>
                <div class="form-grid">
                    <UnitSelect id="session-unit" label={i18n.t("session.unit").to_owned()} me={props.me.clone()}
                        value={*unit} on_change={on_unit}
                        empty={Some(AttrValue::from(i18n.t("validation.choose").to_owned()))} error={field_error("unit_id")} />
                    <SelectField id="session-kind" label={i18n.t("session.kind").to_owned()} value={kind.as_str()}
                        options={kinds} on_change={on_kind} error={field_error("kind")} />
                    <Field id="session-date" label={i18n.t("session.held_on").to_owned()} kind="date" value={(*held_on).clone()}
                        on_input={set(&held_on)} required=true error={field_error("held_on")} />
                    <Field id="session-title" label={i18n.t("session.session_title").to_owned()} value={(*title).clone()}
                        on_input={set(&title)} required=true error={field_error("title")} />
                </div>
                <Field id="session-attendees" label={i18n.t("session.attendees").to_owned()} rows={Some(4)}
                    value={(*attendees).clone()} on_input={set(&attendees)} required=true error={field_error("attendees")}
                    hint={Some(AttrValue::from(i18n.t("session.attendees_hint")))} />
                <fieldset class="choices session-employees">
                    <legend>{ i18n.t("session.employees") }</legend>
                    <ErrorBanner error={people.state.error.clone()} on_retry={people.reload.clone()} />
                    if staff.is_empty() && !people.state.loading {
                        <p class="muted small">{ i18n.t("session.no_staff") }</p>
                    }
                    <div class="check-list">{ for boxes }</div>
                    if let Some(message) = field_error("employee_ids") {
                        <small class="field-error">{ message }</small>
                    }
                </fieldset>
                <Field id="session-decisions" label={i18n.t("session.decisions").to_owned()} rows={Some(5)}
                    value={(*decisions).clone()} on_input={set(&decisions)} required=true error={field_error("decisions")} />
                <fieldset class="choices follow-up-editor">
                    <legend>{ i18n.t("session.follow_ups") }</legend>
                    { for row_views }
                    if let Some(message) = field_error("follow_ups") {
                        <small class="field-error">{ message }</small>
                    }
                    <button type="button" class="button-quiet button-small" onclick={add_row}>{ i18n.t("session.add_follow_up") }</button>
                </fieldset>
                <ErrorBanner error={(*error).clone()} shown_fields={FIELDS} />
                <button type="submit" class="button-primary" disabled={*busy}>{ i18n.t("session.save") }</button>
            </form>
        </section>
    }
}
