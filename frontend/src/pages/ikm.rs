//! IKM (service operators, unit heads, admins; auditors read): a service unit's satisfaction index
//! for a month, quarter, semester or year — the index and its grade, the mean answer (NRR, 1–4) of
//! each of the nine unsur as bars with its interval value and grade, the number of respondents
//! against the minimum sample for the unit's population of service users (Krejcie–Morgan) — with
//! publication for the public (confirmed explicitly on an insufficient sample) and the
//! registration, list and revocation of counter kiosks.

use super::public::site_url;
use super::PageProps;
use crate::api;
use crate::components::{
    use_toast, Confirm, CopyButton, ErrorBanner, Field, Loading, Meter, PeriodPicker, SelectField,
};
use crate::format;
use crate::hooks::{setter, use_remote, use_write};
use crate::i18n::use_i18n;
use crate::route::Route;
use kinerja_domain::ikm::Grade;
use kinerja_domain::{Period, Role};
use kinerja_types::{IkmReport, Kiosk, KioskCreated, NewKiosk, Unit};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// The field the kiosk form shows its own error for.
const KIOSK_FIELDS: &[&str] = &["name"];

/// The highest answer of an unsur.
const NRR_MAX: f64 = 4.0;

#[component]
pub fn IkmPage(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let units = use_remote((), |()| api::units::all());
    let picked = use_state(|| None::<i64>);
    let period = use_state(|| Period::Year(format::current_year()));
    let toast = use_toast();
    let me = &props.me;
    let may_write = [Role::Admin, Role::OperatorLayanan, Role::KepalaUnit].iter().any(|r| me.has(*r));

    let mut service: Vec<Unit> =
        units.state.data.iter().flat_map(|all| all.iter()).filter(|u| u.is_service_unit).cloned().collect();
    service.sort_by(|a, b| a.name.cmp(&b.name));
    // My own unit when it serves the public, else the first service unit I may see.
    let unit_id = (*picked)
        .or(me.unit_id.filter(|id| service.iter().any(|u| u.id == *id)))
        .or_else(|| service.first().map(|u| u.id));
    let unit = service.iter().find(|u| Some(u.id) == unit_id).cloned();
    let report = use_remote((unit_id, *period), |(unit, period)| async move {
        match unit {
            Some(unit) => api::ikm::report(unit, period).await.map(Some),
            None => Ok(None),
        }
    });

    let on_unit = {
        let picked = picked.clone();
        Callback::from(move |v: String| picked.set(v.parse().ok()))
    };
    let on_period = {
        let period = period.clone();
        Callback::from(move |p| period.set(p))
    };
    let published = {
        let toast = toast.clone();
        let reload = report.reload.clone();
        let i18n = i18n.clone();
        Callback::from(move |r: IkmReport| {
            toast.say(i18n.tf("ikm.published_now", &[("period", &r.period)]));
            reload.emit(());
        })
    };
    let unit_options: Vec<(AttrValue, AttrValue)> =
        service.iter().map(|u| (AttrValue::from(u.id.to_string()), AttrValue::from(u.name.clone()))).collect();

    let result = match report.state.data.as_deref() {
        Some(Some(r)) => html! {
            <>
                <SamplePanel report={Rc::new(r.clone())} period={*period} may_write={may_write}
                    on_saved={{ let reload = report.reload.clone(); Callback::from(move |_| reload.emit(())) }} />
                <IkmResult report={Rc::new(r.clone())} period={*period} may_publish={may_write} on_published={published} />
            </>
        },
        Some(None) => html! { <p class="muted">{ i18n.t("ikm.no_service_unit") }</p> },
        None if report.state.loading => html! { <Loading /> },
        None => html! {},
    };
    html! {
        <section class="page">
            <h1>{ i18n.t("ikm.title") }</h1>
            <p class="lead">{ i18n.t("ikm.lead") }</p>
            <div class="toolbar">
                <SelectField id="ikm-unit" label={i18n.t("complaints.unit").to_owned()}
                    value={unit_id.map(|id| id.to_string()).unwrap_or_default()} options={unit_options} on_change={on_unit} />
                <PeriodPicker id="ikm-period" value={*period} on_change={on_period} />
            </div>
            <ErrorBanner error={units.state.error.clone()} on_retry={units.reload.clone()} />
            <section class="panel">
                <ErrorBanner error={report.state.error.clone()} on_retry={report.reload.clone()} />
                { result }
            </section>
            if let Some(unit) = &unit {
                <section class="panel">
                    <h2>{ i18n.t("ikm.survey_links") }</h2>
                    <p class="muted">{ i18n.tf("ikm.survey_address", &[("url", &site_url(&Route::Survey { code: unit.code.clone() }.to_path()))]) }</p>
                    <div class="actions">
                        <a href={Route::Survey { code: unit.code.clone() }.to_path()} class="button-quiet">{ i18n.t("ikm.open_survey") }</a>
                        <Link<Route> to={Route::SurveyPoster { code: unit.code.clone() }} classes="button-quiet">{ i18n.t("ikm.poster") }</Link<Route>>
                    </div>
                </section>
                if may_write {
                    <KioskPanel unit={unit.clone()} />
                }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct IkmResultProps {
    report: Rc<IkmReport>,
    period: Period,
    may_publish: bool,
    on_published: Callback<IkmReport>,
}

/// The index, its grade, the respondents, the nine bars and "publish".
#[component]
fn IkmResult(props: &IkmResultProps) -> Html {
    let i18n = use_i18n();
    let asking = use_state(|| false);
    let write = use_write();
    let r = &props.report;
    // Below the minimum sample, or with no population recorded, publishing is confirmed as such.
    let short = r.sample_sufficient != Some(true);
    let publish = {
        let (asking, on_published) = (asking.clone(), props.on_published.clone());
        let (unit, period) = (r.unit_id, props.period);
        write.action(
            move |()| api::ikm::publish(unit, period, short),
            move |report| {
                asking.set(false);
                on_published.emit(report);
            },
        )
    };
    let respondents = i18n.tf("ikm.respondents", &[("n", &r.respondents.to_string())]);
    if r.respondents == 0 {
        return html! {
            <>
                <p class="ikm-respondents">{ respondents }</p>
                <p class="muted">{ i18n.tf("ikm.none_yet", &[("period", &r.period)]) }</p>
            </>
        };
    }
    let score = r.ikm.map(|v| format::fixed(v, 2, i18n.lang())).unwrap_or_else(|| i18n.t("common.none").to_owned());
    let bars = r.unsur.iter().enumerate().map(|(i, u)| {
        let n = i + 1;
        let name = i18n.t(&format!("unsur.{n}")).to_owned();
        let tone = match u.grade {
            Grade::A | Grade::B => "ok",
            Grade::C => "warn",
            Grade::D => "over",
        };
        html! {
            <li class="nrr">
                <span class="nrr-name"><span class="unsur-code">{ &u.code }</span>{ name.clone() }</span>
                <Meter value={u.nrr} max={NRR_MAX} tone={tone} label={i18n.tf("ikm.nrr_of", &[("unsur", &name)])} />
                <span class="nrr-value">{ format::fixed(u.nrr, 2, i18n.lang()) }</span>
                <span class="nrr-grade" title={i18n.t("ikm.interval_title").to_owned()}>
                    { i18n.tf("ikm.unsur_grade", &[
                        ("value", &format::fixed(u.value, 2, i18n.lang())),
                        ("interval", &u.interval.to_string()),
                        ("grade", u.grade.letter()),
                    ]) }
                </span>
            </li>
        }
    });
    html! {
        <>
            <div class="ikm-head">
                <div class="ikm-score">
                    <span class="ikm-label">{ i18n.tf("ikm.index_for", &[("period", &r.period)]) }</span>
                    <span class="ikm-value">{ score }</span>
                </div>
                if let Some(grade) = r.grade {
                    <span class={classes!("grade", format!("grade-{}", grade.letter().to_lowercase()))}>
                        <span class="grade-letter">{ grade.letter() }</span>
                        <span class="grade-words">{ i18n.grade(grade) }</span>
                    </span>
                }
                <div class="ikm-facts">
                    <p class="ikm-respondents">{ respondents }</p>
                    <p>
                        if r.published && r.published_with_insufficient_sample {
                            <span class="badge badge-returned">{ i18n.t("ikm.published_short") }</span>
                        } else if r.published {
                            <span class="badge badge-approved">{ i18n.t("ikm.published") }</span>
                        } else {
                            <span class="badge badge-draft">{ i18n.t("ikm.not_published") }</span>
                        }
                    </p>
                </div>
            </div>
            <h2>{ i18n.t("ikm.per_unsur") }</h2>
            <ul class="nrr-bars">{ for bars }</ul>
            <p class="muted small">{ i18n.t("ikm.scale_hint") }</p>
            <ErrorBanner error={write.error.clone()} />
            if props.may_publish && !r.published {
                if *asking {
                    <Confirm text={i18n.tf(if short { "ikm.publish_confirm_short" } else { "ikm.publish_confirm" }, &[("period", &r.period)])}
                        confirm_label={i18n.t("ikm.publish_yes").to_owned()} busy={write.busy}
                        on_confirm={publish} on_cancel={{ let asking = asking.clone(); Callback::from(move |()| asking.set(false)) }} />
                } else {
                    <button type="button" class="button-primary" onclick={{ let asking = asking.clone(); move |_| asking.set(true) }}>
                        { i18n.t("ikm.publish") }
                    </button>
                }
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct KioskPanelProps {
    unit: Unit,
}

/// Registers a counter kiosk and shows its token and link once.
#[component]
fn KioskPanel(props: &KioskPanelProps) -> Html {
    let i18n = use_i18n();
    let name = use_state(String::new);
    let invalid = use_state(|| None::<String>);
    let write = use_write();
    let created = use_state(|| None::<(String, KioskCreated)>);
    let kiosks = use_remote(props.unit.id, api::ikm::kiosks);
    {
        // Another unit: the token shown belongs to the one before.
        let created = created.clone();
        use_effect_with(props.unit.id, move |_| created.set(None));
    }
    let onsubmit = {
        let (name, invalid, write, created) = (name.clone(), invalid.clone(), write.clone(), created.clone());
        let reload = kiosks.reload.clone();
        let unit_id = props.unit.id;
        let i18n = i18n.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if write.busy {
                return;
            }
            let kiosk = NewKiosk { name: name.trim().to_owned() };
            if kiosk.name.is_empty() || kiosk.name.chars().count() > 100 {
                invalid.set(Some(i18n.t("ikm.kiosk_name_invalid").to_owned()));
                return;
            }
            invalid.set(None);
            let (name, created) = (name.clone(), created.clone());
            let kiosk_name = kiosk.name.clone();
            let reload = reload.clone();
            write.run(async move { api::ikm::register_kiosk(unit_id, &kiosk).await }, move |done| {
                name.set(String::new());
                created.set(Some((kiosk_name, done)));
                reload.emit(());
            });
        })
    };
    let on_revoked = {
        let (created, reload) = (created.clone(), kiosks.reload.clone());
        // A revoked kiosk's token is not shown any longer.
        Callback::from(move |id: i64| {
            if created.as_ref().is_some_and(|(_, k)| k.id == id) {
                created.set(None);
            }
            reload.emit(());
        })
    };
    html! {
        <section class="panel">
            <h2>{ i18n.t("ikm.kiosk_title") }</h2>
            <p class="muted">{ i18n.t("ikm.kiosk_lead") }</p>
            if let Some((kiosk_name, kiosk)) = &*created {
                <div class="callout callout-info kiosk-created" role="status">
                    <p><strong>{ i18n.tf("ikm.kiosk_created", &[("name", kiosk_name)]) }</strong></p>
                    <p>{ i18n.t("ikm.kiosk_once") }</p>
                    <p class="secret mono">{ &kiosk.token }</p>
                    <CopyButton text={kiosk.token.clone()} label={i18n.t("ikm.copy_token").to_owned()} />
                    <p>{ i18n.t("ikm.kiosk_link") }</p>
                    <p class="secret mono">{ kiosk_link(&props.unit.code, &kiosk.token) }</p>
                    <CopyButton text={kiosk_link(&props.unit.code, &kiosk.token)} label={i18n.t("ikm.copy_link").to_owned()} />
                </div>
            }
            <form class="form kiosk-form" {onsubmit} novalidate=true>
                <ErrorBanner error={write.error.clone()} shown_fields={KIOSK_FIELDS} />
                <Field id="kiosk-name" label={i18n.t("ikm.kiosk_name").to_owned()} value={(*name).clone()}
                    on_input={setter(&name)} required=true hint={i18n.t("ikm.kiosk_name_hint").to_owned()}
                    error={(*invalid).clone().or_else(|| write.field("name"))} />
                <button type="submit" class="button-primary" disabled={write.busy}>
                    { if write.busy { i18n.t("common.working") } else { i18n.t("ikm.kiosk_register") } }
                </button>
            </form>
            if let Some(list) = &kiosks.state.data {
                <KioskList unit_id={props.unit.id} kiosks={list.clone()} {on_revoked} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct KioskListProps {
    unit_id: i64,
    kiosks: Rc<Vec<Kiosk>>,
    /// A kiosk was revoked (its id): read the list again.
    on_revoked: Callback<i64>,
}

/// The unit's kiosks, with "Cabut" for a live one after a confirmation (a lost or retired tablet).
#[component]
fn KioskList(props: &KioskListProps) -> Html {
    let i18n = use_i18n();
    let asking = use_state(|| None::<i64>);
    let write = use_write();
    if props.kiosks.is_empty() {
        return html! { <p class="muted">{ i18n.t("ikm.kiosk_none") }</p> };
    }
    let rows = props.kiosks.iter().map(|k| {
        let status = match &k.revoked_at {
            Some(at) => i18n.tf("ikm.kiosk_revoked_at", &[("at", &format::instant(at, i18n.lang()))]),
            None => i18n.t("ikm.kiosk_live").to_owned(),
        };
        let id = k.id;
        let action = if k.revoked_at.is_some() {
            html! {}
        } else if *asking == Some(id) {
            let (revoking, asking_done, on_revoked, unit_id) =
                (write.clone(), asking.clone(), props.on_revoked.clone(), props.unit_id);
            let on_confirm = Callback::from(move |()| {
                let (asking_done, on_revoked) = (asking_done.clone(), on_revoked.clone());
                revoking.run(async move { api::ikm::revoke_kiosk(unit_id, id).await }, move |()| {
                    asking_done.set(None);
                    on_revoked.emit(id);
                });
            });
            let asking = asking.clone();
            html! {
                <Confirm text={i18n.tf("ikm.kiosk_revoke_confirm", &[("name", &k.name)])}
                    confirm_label={i18n.t("ikm.kiosk_revoke").to_owned()} busy={write.busy}
                    {on_confirm} on_cancel={Callback::from(move |()| asking.set(None))} />
            }
        } else {
            let asking = asking.clone();
            html! {
                <button type="button" class="button-quiet" onclick={move |_| asking.set(Some(id))}
                    aria-label={i18n.tf("ikm.kiosk_revoke_named", &[("name", &k.name)])}>
                    { i18n.t("ikm.kiosk_revoke") }
                </button>
            }
        };
        html! {
            <tr key={id} class={classes!(k.revoked_at.is_some().then_some("revoked"))}>
                <td data-label={i18n.t("ikm.kiosk_name").to_owned()}>{ &k.name }</td>
                <td data-label={i18n.t("ikm.kiosk_since").to_owned()}>{ format::instant(&k.created_at, i18n.lang()) }</td>
                <td data-label={i18n.t("ikm.kiosk_status").to_owned()}>{ status }</td>
                <td>{ action }</td>
            </tr>
        }
    });
    html! {
        <>
            <h3>{ i18n.t("ikm.kiosk_list") }</h3>
            <ErrorBanner error={write.error.clone()} />
            <table class="kiosks">
                <thead><tr>
                    <th scope="col">{ i18n.t("ikm.kiosk_name") }</th>
                    <th scope="col">{ i18n.t("ikm.kiosk_since") }</th>
                    <th scope="col">{ i18n.t("ikm.kiosk_status") }</th>
                    <th scope="col"><span class="sr-only">{ i18n.t("ikm.kiosk_action") }</span></th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </>
    }
}

/// The address a kiosk is opened at once: the survey with its token.
fn kiosk_link(code: &str, token: &str) -> String {
    let path = Route::Survey { code: code.to_owned() }.to_path();
    format!("{}?kiosk={}", site_url(&path), js_sys::encode_uri_component(token))
}

#[derive(Properties, PartialEq)]
struct SamplePanelProps {
    report: Rc<IkmReport>,
    period: Period,
    may_write: bool,
    on_saved: Callback<IkmReport>,
}

/// The minimum sample: the population of service users of the period (recorded by the unit's
/// staff), the sample it requires by the Krejcie–Morgan table, the respondents so far, and whether
/// that suffices.
#[component]
fn SamplePanel(props: &SamplePanelProps) -> Html {
    let i18n = use_i18n();
    let r = &props.report;
    let typed = use_state(|| r.population.map(|p| p.to_string()).unwrap_or_default());
    {
        let typed = typed.clone();
        use_effect_with((r.unit_id, r.period.clone(), r.population), move |(_, _, population)| {
            typed.set(population.map(|p| p.to_string()).unwrap_or_default());
        });
    }
    let invalid = use_state(|| None::<String>);
    let write = use_write();
    let save = {
        let (typed, invalid) = (typed.clone(), invalid.clone());
        let (unit, period) = (r.unit_id, props.period);
        let on_saved = props.on_saved.clone();
        let wrong = i18n.t("ikm.population_invalid").to_owned();
        let run = write.action(
            move |population: u64| api::ikm::set_population(unit, period, population),
            move |report| on_saved.emit(report),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match typed.trim().replace('.', "").parse::<u64>() {
                Ok(n) if (1..=100_000_000).contains(&n) => {
                    invalid.set(None);
                    run.emit(n);
                }
                _ => invalid.set(Some(wrong.clone())),
            }
        })
    };
    let lang = i18n.lang();
    let status = match (r.sample_sufficient, r.required_sample) {
        (Some(true), _) => html! { <span class="badge badge-approved">{ i18n.t("ikm.sample_ok") }</span> },
        (Some(false), Some(required)) => html! {
            <span class="badge badge-returned">
                { i18n.tf("ikm.sample_short", &[("n", &format::count(required.saturating_sub(r.respondents), lang))]) }
            </span>
        },
        _ => html! { <span class="badge badge-draft">{ i18n.t("ikm.sample_unknown") }</span> },
    };
    html! {
        <div class="ikm-sample">
            <h2>{ i18n.t("ikm.sample_title") }</h2>
            <dl class="facts">
                <dt>{ i18n.t("ikm.population") }</dt>
                <dd>{ r.population.map(|p| format::count(p, lang)).unwrap_or_else(|| i18n.t("ikm.population_unset").to_owned()) }</dd>
                <dt>{ i18n.t("ikm.required_sample") }</dt>
                <dd>{ r.required_sample.map(|s| format::count(s, lang)).unwrap_or_else(|| i18n.t("common.none").to_owned()) }</dd>
                <dt>{ i18n.t("ikm.respondents_so_far") }</dt>
                <dd>{ format::count(r.respondents, lang) }{ " " }{ status }</dd>
            </dl>
            if props.may_write {
                <form class="form form-inline" onsubmit={save} novalidate=true>
                    <Field id="ikm-population" label={i18n.t("ikm.population_field").to_owned()} value={(*typed).clone()}
                        on_input={setter(&typed)} hint={AttrValue::from(i18n.t("ikm.population_hint").to_owned())}
                        error={(*invalid).clone()} />
                    <button type="submit" class="button-quiet" disabled={write.busy}>{ i18n.t("ikm.population_save") }</button>
                </form>
                <ErrorBanner error={write.error.clone()} />
            }
        </div>
    }
}
