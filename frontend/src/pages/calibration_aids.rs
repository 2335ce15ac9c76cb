//! Calibration aids on the Kalibrasi page: the rater-bias radar (each penilai's ratings counted,
//! with the flags and the figures behind them), and the latest calibration session of the unit —
//! the rating changes it agreed (before and after, with the reason), applied to drafts, and the
//! lock that closes its minutes after a confirmation.

use crate::api;
use crate::components::{use_ask_first, use_toast, Confirm, ErrorBanner, Loading, SelectField};
use crate::format;
use crate::hooks::{use_remote, use_write};
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_domain::oversight::SessionKind;
use kinerja_domain::{AssessmentStatus, Period, Rating};
use kinerja_types::{CalibrationChange, EvaluationSession, NewCalibrationChange};
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AidsProps {
    pub unit: i64,
    pub period: Period,
    /// The viewer records sessions of the unit (its head, an admin).
    pub may_write: bool,
    /// Changed by the page after a calibration change: read again.
    #[prop_or_default]
    pub refresh: u32,
    /// Told when a change was applied to a rating.
    #[prop_or_default]
    pub on_changed: Callback<()>,
}

/// The radar of the unit's penilai for the period.
#[component]
pub fn RaterBiasPanel(props: &AidsProps) -> Html {
    let i18n = use_i18n();
    let radar = use_remote((props.unit, props.period, props.refresh), |(u, p, _)| api::talent::radar(u, p));
    let body = match radar.state.data.as_deref() {
        Some(r) if r.raters.is_empty() => html! { <p class="muted">{ i18n.t("bias.none") }</p> },
        Some(r) => html! {
            <>
                <p class="muted small">
                    { i18n.tf("bias.thresholds", &[
                        ("unit", &r.unit_di_atas_percent.to_string()),
                        ("share", &r.thresholds.leniency_percent.to_string()),
                        ("margin", &r.thresholds.leniency_margin_points.to_string()),
                        ("min", &r.thresholds.min_ratings.to_string()),
                    ]) }
                </p>
                <div class="table-wrap">
                    <table class="rater-bias">
                        <thead><tr>
                            <th scope="col">{ i18n.t("bias.penilai") }</th>
                            <th scope="col">{ i18n.t("bias.counts") }</th>
                            <th scope="col">{ i18n.t("bias.flags") }</th>
                        </tr></thead>
                        <tbody>
                            { for r.raters.iter().map(|b| html! {
                                <tr data-penilai={b.penilai_id.to_string()} class={classes!((!b.flags.is_empty()).then_some("flagged"))}>
                                    <td><strong>{ b.name.clone() }</strong><div class="muted small">{ b.position.clone() }</div></td>
                                    <td class="small">{ i18n.tf("bias.count_line", &[
                                        ("n", &b.rated.to_string()), ("above", &b.di_atas.to_string()), ("as", &b.sesuai.to_string()),
                                        ("below", &b.di_bawah.to_string()), ("equal", &b.equal_pairs.to_string()), ("bare", &b.without_evidence.to_string()),
                                    ]) }</td>
                                    <td>
                                        if b.flags.is_empty() {
                                            <span class="muted">{ i18n.t("bias.clear") }</span>
                                        } else {
                                            <ul class="bias-flags">
                                                { for b.flags.iter().map(|f| html! {
                                                    <li data-flag={f.flag.as_str()}><strong>{ i18n.t(&format!("bias_flag.{}", f.flag.as_str())) }</strong>
                                                        <div class="small">{ f.figures.clone() }</div></li>
                                                }) }
                                            </ul>
                                        }
                                    </td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </>
        },
        None if radar.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="panel" id="rater-bias">
            <h2>{ i18n.t("bias.title") }</h2>
            <p class="muted">{ i18n.t("bias.lead") }</p>
            <ErrorBanner error={radar.state.error.clone()} on_retry={radar.reload.clone()} />
            { body }
        </section>
    }
}

/// The unit's latest calibration session of the year: its changes, a form for another while it is
/// open, and its lock.
#[component]
pub fn CalibrationSessionPanel(props: &AidsProps) -> Html {
    let i18n = use_i18n();
    let year = props.period.year();
    let sessions = use_remote((props.unit, year), |(u, y)| api::evaluation_sessions::list(Some(u), y));
    let latest: Option<EvaluationSession> = sessions.state.data.as_deref().and_then(|all| {
        all.iter()
            .filter(|s| s.kind == SessionKind::Calibration && s.unit_id == props.unit)
            .max_by_key(|s| s.id)
            .cloned()
    });
    let (reload, on_changed) = (sessions.reload.clone(), props.on_changed.clone());
    html! {
        <section class="panel" id="calibration-session">
            <h2>{ i18n.t("calsession.title") }</h2>
            <ErrorBanner error={sessions.state.error.clone()} on_retry={sessions.reload.clone()} />
            { match latest {
                None if sessions.state.loading => html! { <Loading /> },
                None => html! {
                    <p class="muted">{ i18n.t("calsession.none") }{ " " }
                        <Link<Route> to={Route::EvaluationSessions}>{ i18n.t("calsession.record") }</Link<Route>></p>
                },
                Some(s) => html! {
                    <SessionView session={s} unit={props.unit} period={props.period} refresh={props.refresh} may_write={props.may_write}
                        changed={Callback::from(move |()| { reload.emit(()); on_changed.emit(()); })} />
                },
            } }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SessionViewProps {
    session: EvaluationSession,
    unit: i64,
    period: Period,
    refresh: u32,
    may_write: bool,
    changed: Callback<()>,
}

#[component]
fn SessionView(props: &SessionViewProps) -> Html {
    let i18n = use_i18n();
    let write = use_write();
    let toast = use_toast();
    let confirming = use_state(|| false);
    let s = &props.session;
    let id = s.id;
    let open = s.locked_at.is_none();
    let lock = {
        let (changed, confirming, toast, i18n) =
            (props.changed.clone(), confirming.clone(), toast.clone(), i18n.clone());
        let run = write.action(api::evaluation_sessions::lock, move |_: EvaluationSession| {
            confirming.set(false);
            toast.say(i18n.t("calsession.locked_toast"));
            changed.emit(());
        });
        Callback::from(move |()| run.emit(id))
    };
    html! {
        <div class="calibration-session" data-session={s.id.to_string()}>
            <p><strong>{ s.title.clone() }</strong>{ format!(" · {}", format::date(&s.held_on)) }</p>
            <p class="small muted">{ i18n.t("calsession.attendees") }{ ": " }{ s.attendees.join(", ") }</p>
            if !s.decisions.is_empty() {
                <p class="small">{ s.decisions.clone() }</p>
            }
            if s.changes.is_empty() {
                <p class="muted">{ i18n.t("calsession.no_changes") }</p>
            } else {
                <ul class="calibration-changes">
                    { for s.changes.iter().map(|c| html! { <ChangeLine change={c.clone()} /> }) }
                </ul>
            }
            if let Some(at) = &s.locked_at {
                <p class="notice" id="calsession-locked">{ i18n.tf("calsession.locked", &[("by", s.locked_by.as_deref().unwrap_or_default()), ("at", &format::instant(at, i18n.lang()))]) }</p>
            } else if props.may_write {
                <ChangeForm session={id} unit={props.unit} period={props.period} refresh={props.refresh} changed={props.changed.clone()} />
                <ErrorBanner error={write.error.clone()} />
                if *confirming {
                    <Confirm text={i18n.t("calsession.lock_confirm")} confirm_label={i18n.t("calsession.lock")}
                        on_confirm={lock} on_cancel={let c = confirming.clone(); Callback::from(move |()| c.set(false))} busy={write.busy} />
                } else if open {
                    <button type="button" class="button-quiet" id="calsession-lock"
                        onclick={let c = confirming.clone(); Callback::from(move |_: MouseEvent| c.set(true))}>{ i18n.t("calsession.lock") }</button>
                }
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ChangeLineProps {
    change: CalibrationChange,
}

#[component]
fn ChangeLine(props: &ChangeLineProps) -> Html {
    let i18n = use_i18n();
    let c = &props.change;
    let before = c.before_predikat.map(|p| i18n.word("predikat", p.as_str())).unwrap_or("—");
    html! {
        <li>
            <strong>{ c.employee_name.clone() }</strong>{ ": " }
            { format!("{before} → {}", i18n.word("predikat", c.after_predikat.as_str())) }
            <div class="small muted">{ c.reason.clone() }</div>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct ChangeFormProps {
    session: i64,
    unit: i64,
    period: Period,
    refresh: u32,
    changed: Callback<()>,
}

/// Agree a change to one draft rating of the unit and period.
#[component]
fn ChangeForm(props: &ChangeFormProps) -> Html {
    let i18n = use_i18n();
    let write = use_write();
    let report = use_remote((props.unit, props.period, props.refresh), |(u, p, _)| api::assessments::report(u, p));
    let drafts: Vec<(AttrValue, AttrValue)> = report
        .state
        .data
        .iter()
        .flat_map(|p| p.items.iter())
        .filter(|r| r.status == AssessmentStatus::Draft)
        .map(|r| {
            let words = format!("{} — {}", r.name, i18n.word("predikat", r.predikat.as_str()));
            (AttrValue::from(r.assessment_id.to_string()), AttrValue::from(words))
        })
        .collect();
    let picked = use_state(String::new);
    let result = use_state(|| "sesuai".to_owned());
    let behavior = use_state(|| "sesuai".to_owned());
    let reason = use_state(String::new);
    let chosen =
        if picked.is_empty() { drafts.first().map(|d| d.0.to_string()).unwrap_or_default() } else { (*picked).clone() };
    let session = props.session;
    let submit = {
        let (changed, reason_state) = (props.changed.clone(), reason.clone());
        let run = write.action(
            move |body: NewCalibrationChange| api::evaluation_sessions::add_change(session, body),
            move |_: CalibrationChange| {
                reason_state.set(String::new());
                changed.emit(());
            },
        );
        let (chosen, result, behavior, reason) = (chosen.clone(), result.clone(), behavior.clone(), reason.clone());
        Callback::from(move |()| {
            let (Ok(assessment_id), Ok(r), Ok(b)) =
                (chosen.parse(), result.parse::<Rating>(), behavior.parse::<Rating>())
            else {
                return;
            };
            run.emit(NewCalibrationChange {
                assessment_id,
                result_rating: r,
                behavior_rating: b,
                reason: (*reason).clone(),
            });
        })
    };
    // It rewrites the penilai's draft: asked once more first.
    let question = use_ask_first();
    let confirm = question.answered(move || submit.emit(()));
    let ratings: Vec<(AttrValue, AttrValue)> = Rating::ALL
        .iter()
        .map(|r| (AttrValue::from(r.as_str()), AttrValue::from(i18n.word("rating", r.as_str()))))
        .collect();
    if drafts.is_empty() {
        return html! { <p class="muted">{ i18n.t("calsession.no_drafts") }</p> };
    }
    html! {
        <form class="form-grid" id="calsession-change" onsubmit={question.ask.clone()}>
            <h3>{ i18n.t("calsession.change") }</h3>
            <SelectField id="calsession-assessment" label={i18n.t("calsession.rating").to_owned()} value={AttrValue::from(chosen.clone())}
                options={drafts} on_change={let p = picked.clone(); Callback::from(move |v: String| p.set(v))} />
            <SelectField id="calsession-result" label={i18n.t("assessment.result_short").to_owned()} value={AttrValue::from((*result).clone())}
                options={ratings.clone()} on_change={let r = result.clone(); Callback::from(move |v: String| r.set(v))} />
            <SelectField id="calsession-behavior" label={i18n.t("assessment.behavior_short").to_owned()} value={AttrValue::from((*behavior).clone())}
                options={ratings} on_change={let b = behavior.clone(); Callback::from(move |v: String| b.set(v))} />
            <label class="field">
                <span class="field-label">{ i18n.t("calsession.reason") }</span>
                <textarea id="calsession-reason" value={(*reason).clone()} rows="2"
                    oninput={let r = reason.clone(); Callback::from(move |e: InputEvent| r.set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value()))} />
            </label>
            <ErrorBanner error={write.error.clone()} />
            if question.asking {
                <Confirm text={i18n.t("calsession.change_confirm")} confirm_label={i18n.t("calsession.save")}
                    on_confirm={confirm} on_cancel={question.cancel.clone()} busy={write.busy} />
            } else {
                <button type="submit" class="button-primary" disabled={write.busy || reason.trim().len() < 5}>{ i18n.t("calsession.save") }</button>
            }
        </form>
    }
}
