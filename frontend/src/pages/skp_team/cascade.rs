//! "Turunkan RHK": one of my RHK handed down to several direct subordinates at once, then who got
//! it and who not.

use super::TeamMember;
use crate::api;
use crate::components::{CheckField, ErrorBanner, Field, Loading, Notice, SelectField};
use crate::hooks::{use_form, use_remote, Invalid};
use crate::i18n::use_i18n;
use kinerja_domain::RhkKind;
use kinerja_types::{CascadeRequest, CascadeResult};
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use yew::prelude::*;

/// The fields this form shows its own errors for.
const FIELDS: &[&str] = &["employee_ids", "text", "kind"];

/// What the form holds.
#[derive(Clone, PartialEq)]
struct Draft {
    /// My RHK handed down, empty while none is chosen.
    rhk_id: String,
    /// The subordinates ticked.
    chosen: BTreeSet<i64>,
    text: String,
    kind: RhkKind,
}

impl Default for Draft {
    fn default() -> Self {
        Self { rhk_id: String::new(), chosen: BTreeSet::new(), text: String::new(), kind: RhkKind::Utama }
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct CascadeFormProps {
    pub(super) my_id: i64,
    pub(super) year: i32,
    pub(super) members: Rc<Vec<TeamMember>>,
    /// Some RHK were created: the team list is read again.
    pub(super) on_done: Callback<()>,
}

/// "Turunkan RHK": pick one of my RHK, tick subordinates, send; then who got it and who not.
#[component]
pub(super) fn CascadeForm(props: &CascadeFormProps) -> Html {
    let i18n = use_i18n();
    let mine = use_remote((props.my_id, props.year), |(id, year)| api::skp::current(id, year));
    let form = use_form(Draft::default);
    let result = use_state(|| None::<(CascadeResult, Vec<i64>)>);
    {
        let (form, result) = (form.clone(), result.clone());
        use_effect_with(props.year, move |_| {
            form.update(|d| d.rhk_id.clear());
            result.set(None);
        });
    }
    let names: HashMap<i64, String> = props.members.iter().map(|m| (m.employee.id, m.employee.name.clone())).collect();

    let onsubmit = {
        let (result, on_done, i18n) = (result.clone(), props.on_done.clone(), i18n.clone());
        let shown = result.clone();
        form.submit(
            move |d: &Draft| {
                let mut found = Invalid::new();
                let parent = d.rhk_id.parse::<i64>().ok();
                if parent.is_none() {
                    found.insert("rhk".to_owned(), i18n.t("cascade.rhk_missing").to_owned());
                }
                if d.chosen.is_empty() {
                    found.insert("employee_ids".to_owned(), i18n.t("cascade.nobody").to_owned());
                }
                let Some(parent) = parent.filter(|_| found.is_empty()) else {
                    return Err(found);
                };
                let employee_ids: Vec<i64> = d.chosen.iter().copied().collect();
                let request = CascadeRequest {
                    employee_ids: employee_ids.clone(),
                    text: Some(d.text.trim().to_owned()).filter(|t| !t.is_empty()),
                    kind: d.kind,
                };
                shown.set(None);
                Ok(async move { api::skp::cascade(parent, &request).await.map(|outcome| (outcome, employee_ids)) })
            },
            move |form, (outcome, employee_ids): (CascadeResult, Vec<i64>)| {
                let any = !outcome.created.is_empty();
                result.set(Some((outcome, employee_ids)));
                form.update(|d| d.chosen.clear());
                if any {
                    on_done.emit(());
                }
            },
        )
    };

    let my_rhk = mine.state.data.as_deref().and_then(|s| s.as_ref()).map(|s| s.rhk.clone()).unwrap_or_default();
    let form = if mine.state.data.is_none() {
        if mine.state.loading {
            html! { <Loading /> }
        } else {
            html! {}
        }
    } else if my_rhk.is_empty() {
        html! { <p class="muted">{ i18n.tf("cascade.no_rhk", &[("year", &props.year.to_string())]) }</p> }
    } else {
        let rhk_options: Vec<(AttrValue, AttrValue)> =
            std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("validation.choose").to_owned())))
                .chain(my_rhk.iter().map(|r| (AttrValue::from(r.id.to_string()), AttrValue::from(r.text.clone()))))
                .collect();
        let kinds: Vec<(AttrValue, AttrValue)> = RhkKind::ALL
            .iter()
            .map(|k| (AttrValue::from(k.as_str()), AttrValue::from(i18n.word("rhk_kind", k.as_str()))))
            .collect();
        // Only what the device found: the server names no "rhk", and its "employee_ids" shows below.
        let invalid_rhk = form.error("rhk");
        let nobody = form.error("employee_ids").is_some_and(|e| Some(e) != form.write.field("employee_ids"));
        let all_ids: BTreeSet<i64> = props.members.iter().map(|m| m.employee.id).collect();
        let all_chosen = form.chosen == all_ids;
        let toggle_all =
            form.set(move |d, _: MouseEvent| d.chosen = if all_chosen { BTreeSet::new() } else { all_ids.clone() });
        html! {
            <form onchange={form.touch()} class="form" {onsubmit} novalidate=true>
                <ErrorBanner error={form.server_error()} shown_fields={FIELDS} />
                <SelectField id="cascade-rhk" label={i18n.t("cascade.rhk").to_owned()} value={form.rhk_id.clone()}
                    options={rhk_options} on_change={form.text(|d| &mut d.rhk_id)} required=true error={invalid_rhk} />
                <fieldset class={classes!("choices", nobody.then_some("field-invalid"))}>
                    <legend>{ i18n.t("cascade.to") }</legend>
                    <button type="button" class="button-quiet" onclick={toggle_all}>
                        { if all_chosen { i18n.t("cascade.none") } else { i18n.t("cascade.all") } }
                    </button>
                    { for props.members.iter().map(|m| {
                        let id = m.employee.id;
                        let on_toggle = form.set(move |d, on: bool| {
                            if on { d.chosen.insert(id); } else { d.chosen.remove(&id); }
                        });
                        let status = m.skp.as_ref().map(|s| i18n.word("skp_status", s.status.as_str())).unwrap_or(i18n.t("skp_status.none"));
                        html! {
                            <CheckField key={id} id={format!("cascade-to-{id}")}
                                label={format!("{} — {} ({})", m.employee.name, m.employee.position_title, status)}
                                checked={form.chosen.contains(&id)} {on_toggle} />
                        }
                    }) }
                    if let Some(message) = form.error("employee_ids") {
                        <small class="field-error">{ message }</small>
                    }
                </fieldset>
                <div class="form-grid">
                    <Field id="cascade-text" label={i18n.t("cascade.text").to_owned()} value={form.text.clone()}
                        on_input={form.text(|d| &mut d.text)} hint={AttrValue::from(i18n.t("cascade.text_hint").to_owned())}
                        error={form.write.field("text")} />
                    <SelectField id="cascade-kind" label={i18n.t("rhk.kind").to_owned()} value={form.kind.as_str()}
                        options={kinds} on_change={form.set(|d, v: String| d.kind = v.parse().unwrap_or(d.kind))} />
                </div>
                <button type="submit" class="button-primary" disabled={form.busy()}>
                    { if form.busy() { i18n.t("common.working") } else { i18n.t("cascade.send") } }
                </button>
                <crate::components::SubmitSummary problems={form.problems()} />
            </form>
        }
    };

    let outcome = result.as_ref().map(|(outcome, asked)| {
        let skipped: HashMap<i64, &str> = outcome.skipped.iter().map(|s| (s.employee_id, s.reason.as_str())).collect();
        let created: Vec<&str> = asked
            .iter()
            .filter(|id| !skipped.contains_key(id))
            .map(|id| names.get(id).map(String::as_str).unwrap_or("?"))
            .collect();
        let name = |id: i64| names.get(&id).cloned().unwrap_or_else(|| format!("#{id}"));
        html! {
            <div class="cascade-result" aria-live="polite">
                if !outcome.created.is_empty() {
                    <Notice text={i18n.tf("cascade.created", &[("n", &outcome.created.len().to_string()), ("names", &created.join(", "))])} />
                }
                if !outcome.skipped.is_empty() {
                    <div class="callout callout-warn">
                        <strong>{ i18n.tf("cascade.skipped", &[("n", &outcome.skipped.len().to_string())]) }</strong>
                        <ul>
                            { for outcome.skipped.iter().map(|s| html! {
                                <li><strong>{ name(s.employee_id) }</strong>{ ": " }{ &s.reason }</li>
                            }) }
                        </ul>
                    </div>
                }
            </div>
        }
    });

    html! {
        <section class="panel">
            <h2>{ i18n.t("cascade.title") }</h2>
            <p class="muted">{ i18n.t("cascade.hint") }</p>
            <ErrorBanner error={mine.state.error.clone()} on_retry={mine.reload.clone()} />
            { outcome }
            { form }
        </section>
    }
}
