//! Records an evaluation session: the unit, periodic or annual, the date and title, who attended
//! (one per line), the employees discussed, the decisions, and follow-ups each with an owner from
//! the unit and a due date.

use crate::api::employees::EmployeeFilter;
use crate::api::{self, ApiError};
use crate::components::{my_units, ErrorBanner, Field, SelectField, UnitSelect};
use crate::hooks::{use_form, use_remote};
use crate::i18n::{use_i18n, I18n};
use kinerja_domain::oversight::SessionKind;
use kinerja_types::{Employee, EvaluationSession, FieldError, Me, NewEvaluationSession, NewSessionFollowUp};
use std::collections::BTreeSet;
use std::rc::Rc;
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

/// What the form holds.
#[derive(Clone, PartialEq)]
struct Draft {
    unit: Option<i64>,
    kind: SessionKind,
    held_on: String,
    title: String,
    /// One per line.
    attendees: String,
    /// The employees discussed.
    discussed: BTreeSet<i64>,
    decisions: String,
    rows: Vec<Row>,
}

impl Draft {
    fn new(unit: Option<i64>) -> Self {
        Self {
            unit,
            kind: SessionKind::Periodic,
            held_on: String::new(),
            title: String::new(),
            attendees: String::new(),
            discussed: BTreeSet::new(),
            decisions: String::new(),
            rows: Vec::new(),
        }
    }

    /// The session to record, or what is wrong with it, found on the device (shown as the
    /// server's 422 would be: next to the fields and in the banner).
    fn request(&self, i18n: &I18n) -> Result<NewEvaluationSession, Vec<FieldError>> {
        let mut wrong = Vec::new();
        if self.unit.is_none() {
            wrong.push(FieldError::local("unit_id", i18n.t("validation.unit_required")));
        }
        let day = self.held_on.parse::<chrono::NaiveDate>().ok();
        if day.is_none() {
            wrong.push(FieldError::local("held_on", i18n.t("session.date_required")));
        }
        let mut follow_ups = Vec::new();
        for (n, row) in self.rows.iter().enumerate().filter(|(_, r)| **r != Row::default()) {
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
        let (Some(unit_id), Some(held_on), true) = (self.unit, day, wrong.is_empty()) else {
            return Err(wrong);
        };
        Ok(NewEvaluationSession {
            unit_id,
            kind: self.kind,
            held_on,
            title: self.title.trim().to_owned(),
            attendees: self.attendees.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect(),
            employee_ids: self.discussed.iter().copied().collect(),
            decisions: self.decisions.trim().to_owned(),
            follow_ups,
        })
    }
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
    let form = use_form(|| Draft::new(props.unit_id));
    {
        let form = form.clone();
        use_effect_with(props.unit_id, move |chosen| {
            if let Some(chosen) = *chosen {
                form.update(move |d| d.unit = Some(chosen));
            }
        });
    }
    let people = {
        let me = props.me.clone();
        use_remote(form.unit, move |u| people_under(me.clone(), u))
    };
    let staff: Rc<Vec<Employee>> = people.state.data.clone().unwrap_or_default();

    let onsubmit = {
        let (on_done, i18n) = (props.on_done.clone(), i18n.clone());
        form.submit(
            move |d: &Draft| {
                let request = d.request(&i18n);
                // What the device finds wrong fails the write as the server's 422 would.
                Ok(async move {
                    match request {
                        Ok(body) => api::evaluation_sessions::create(&body).await,
                        Err(fields) => Err(ApiError::Invalid { detail: None, fields }),
                    }
                })
            },
            move |form, session| {
                form.update(|d| {
                    d.title.clear();
                    d.attendees.clear();
                    d.decisions.clear();
                    d.discussed.clear();
                    d.rows.clear();
                });
                on_done.emit(session);
            },
        )
    };
    let on_unit = form.set(|d, u: Option<i64>| {
        // Those discussed and the owners come from the unit: a new unit starts them afresh.
        d.discussed.clear();
        for r in &mut d.rows {
            r.owner.clear();
        }
        d.unit = u;
    });
    let kinds: Vec<(AttrValue, AttrValue)> = SessionKind::ALL
        .iter()
        .map(|k| (AttrValue::from(k.as_str()), AttrValue::from(i18n.vocab("session_kind", k.as_str(), k.label()))))
        .collect();
    let on_kind = form.set(|d, v: String| {
        if let Ok(k) = v.parse() {
            d.kind = k;
        }
    });
    let owners: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("validation.choose").to_owned())))
            .chain(staff.iter().map(|e| (AttrValue::from(e.id.to_string()), AttrValue::from(e.name.clone()))))
            .collect();
    let field_error = |f: &str| form.error(f);
    let boxes = staff.iter().map(|person| {
        let id = person.id;
        let checked = form.discussed.contains(&id);
        let onchange = form.set(move |d, e: Event| {
            if e.target_unchecked_into::<web_sys::HtmlInputElement>().checked() {
                d.discussed.insert(id);
            } else {
                d.discussed.remove(&id);
            }
        });
        let box_id = format!("session-employee-{id}");
        html! {
            <div class="field field-check" key={id}>
                <input id={box_id.clone()} type="checkbox" {checked} {onchange} />
                <label for={box_id}>{ &person.name }{ " " }<span class="muted small">{ &person.position_title }</span></label>
            </div>
        }
    });
    let row_views = form.rows.iter().enumerate().map(|(index, row)| {
        let n = (index + 1).to_string();
        let edit = |change: fn(&mut Row, String)| {
            form.set(move |d, v: String| {
                if let Some(r) = d.rows.get_mut(index) {
                    change(r, v);
                }
            })
        };
        let remove = form.set(move |d, _: MouseEvent| {
            if index < d.rows.len() {
                d.rows.remove(index);
            }
        });
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
    let add_row = form.set(|d, _: MouseEvent| d.rows.push(Row::default()));
    html! {
        <section class="panel session-form">
            <h2>{ i18n.t("session.new") }</h2>
            <form onchange={form.touch()} {onsubmit} novalidate=true>
                <div class="form-grid">
                    <UnitSelect id="session-unit" label={i18n.t("session.unit").to_owned()} me={props.me.clone()}
                        value={form.unit} on_change={on_unit}
                        empty={Some(AttrValue::from(i18n.t("validation.choose").to_owned()))} error={field_error("unit_id")} />
                    <SelectField id="session-kind" label={i18n.t("session.kind").to_owned()} value={form.kind.as_str()}
                        options={kinds} on_change={on_kind} error={field_error("kind")} />
                    <Field id="session-date" label={i18n.t("session.held_on").to_owned()} kind="date" value={form.held_on.clone()}
                        on_input={form.text(|d| &mut d.held_on)} required=true error={field_error("held_on")} />
                    <Field id="session-title" label={i18n.t("session.session_title").to_owned()} value={form.title.clone()}
                        on_input={form.text(|d| &mut d.title)} required=true error={field_error("title")} />
                </div>
                <Field id="session-attendees" label={i18n.t("session.attendees").to_owned()} rows={Some(4)}
                    value={form.attendees.clone()} on_input={form.text(|d| &mut d.attendees)} required=true error={field_error("attendees")}
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
                    value={form.decisions.clone()} on_input={form.text(|d| &mut d.decisions)} required=true error={field_error("decisions")} />
                <fieldset class="choices follow-up-editor">
                    <legend>{ i18n.t("session.follow_ups") }</legend>
                    { for row_views }
                    if let Some(message) = field_error("follow_ups") {
                        <small class="field-error">{ message }</small>
                    }
                    <button type="button" class="button-quiet button-small" onclick={add_row}>{ i18n.t("session.add_follow_up") }</button>
                </fieldset>
                <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
                <button type="submit" class="button-primary" disabled={form.busy()}>{ i18n.t("session.save") }</button>
                <crate::components::SubmitSummary problems={form.problems()} />
            </form>
        </section>
    }
}
