//! Survei 360° (everyone with an employee record): the invitations still to answer, each a short
//! form of 1–5 scores on the BerAKHLAK questions with the promise that answers are shown only as
//! an average of at least three people; and, for a penilai, a head or an admin, a round for one
//! subordinate or a whole unit, with the rounds below (counts, a reminder, closing after a
//! confirmation, and the link for service users).

use super::PageProps;
use crate::api;
use crate::components::{
    use_pemda_settings, use_toast, Confirm, ErrorBanner, Export, ExportButtons, Loader, Loading, PagedTable,
    PulseQuestions,
};
use crate::format;
use crate::hooks::{use_remote, use_write};
use crate::i18n::use_i18n;
use crate::periods;
use kinerja_domain::Role;
use kinerja_types::{NewPulseRound, PulseAnswer, PulseInvitation, PulseRound};
use yew::prelude::*;

#[component]
pub fn PulsePage(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let invitations = use_remote((), |()| api::pulse::invitations());
    let refresh = use_state(|| 0u32);
    let me = &props.me;
    let opens = me.is_supervisor || me.has(Role::KepalaUnit) || me.has(Role::Admin);
    let reads_rounds = opens || me.has(Role::Auditor);
    let answered = {
        let reload = invitations.reload.clone();
        Callback::from(move |()| reload.emit(()))
    };
    let list = match invitations.state.data.as_deref() {
        Some(items) if items.is_empty() => {
            html! { <p class="muted" id="pulse-none">{ i18n.t("pulse.no_invitations") }</p> }
        }
        Some(items) => html! {
            <div class="pulse-invitations">
                { for items.iter().map(|inv| html! {
                    <InvitationForm key={inv.id} invitation={inv.clone()} on_done={answered.clone()} />
                }) }
            </div>
        },
        None if invitations.state.loading => html! { <Loading /> },
        None => html! {},
    };
    let opened = {
        let refresh = refresh.clone();
        Callback::from(move |()| refresh.set(*refresh + 1))
    };
    html! {
        <section class="page pulse">
            <h1>{ i18n.t("pulse.title") }</h1>
            <p class="lead">{ i18n.t("pulse.lead") }</p>
            <section class="panel">
                <h2>{ i18n.t("pulse.invitations") }</h2>
                <p class="callout">{ i18n.t("pulse.anonymous") }</p>
                <ErrorBanner error={invitations.state.error.clone()} on_retry={invitations.reload.clone()} />
                { list }
            </section>
            if opens {
                <OpenRound me={props.me.clone()} on_opened={opened} />
            }
            if reads_rounds {
                <Rounds refresh={*refresh} may_run={opens} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct InvitationProps {
    invitation: PulseInvitation,
    on_done: Callback<()>,
}

/// One invitation: a score of 1–5 for each question, sent once every question has one.
#[component]
fn InvitationForm(props: &InvitationProps) -> Html {
    let i18n = use_i18n();
    let write = use_write();
    let toast = use_toast();
    let inv = &props.invitation;
    let scores = use_state(|| vec![0u8; inv.questions.len()]);
    let complete = scores.iter().all(|s| *s > 0);
    let send = {
        let (toast, on_done, i18n) = (toast.clone(), props.on_done.clone(), i18n.clone());
        let id = inv.id;
        let run =
            write.action(
                move |scores: Vec<u8>| async move {
                    api::pulse::answer(id, PulseAnswer { scores, employee_id: None }).await
                },
                move |()| {
                    toast.say(i18n.t("pulse.thanks"));
                    on_done.emit(());
                },
            );
        let scores = scores.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            run.emit((*scores).clone());
        })
    };
    html! {
        <form class="pulse-form card" data-invitation={inv.id.to_string()} onsubmit={send}>
            <h3>{ format!("{} · {}", inv.subject_name, inv.subject_position) }</h3>
            <p class="muted small">
                { i18n.tf("pulse.as_group", &[("group", i18n.t(&format!("pulse_group.{}", inv.group.as_str()))), ("closes", &format::date(&inv.closes_on))]) }
            </p>
            <PulseQuestions questions={inv.questions.clone()} scores={(*scores).clone()} prefix={format!("inv-{}", inv.id)}
                on_change={let scores = scores.clone(); Callback::from(move |(i, s): (usize, u8)| {
                    let mut next = (*scores).clone();
                    if let Some(slot) = next.get_mut(i) { *slot = s; }
                    scores.set(next);
                })} />
            <ErrorBanner error={write.error.clone()} />
            <button type="submit" class="button-primary" disabled={write.busy || !complete}>
                { if write.busy { i18n.t("common.saving") } else { i18n.t("pulse.send") } }
            </button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct OpenRoundProps {
    me: std::rc::Rc<kinerja_types::Me>,
    on_opened: Callback<()>,
}

/// Opens a round: about one direct subordinate, or (a head, an admin) everyone of a unit.
#[component]
fn OpenRound(props: &OpenRoundProps) -> Html {
    let i18n = use_i18n();
    let write = use_write();
    let toast = use_toast();
    let settings = use_pemda_settings();
    let me_id = props.me.employee.as_ref().map(|e| e.id);
    let people = use_remote(me_id, |me| async move {
        match me {
            Some(id) => api::employees::subordinates(id).await.map(|p| p.items),
            None => Ok(Vec::new()),
        }
    });
    let units = use_remote((), |()| api::units::all());
    let whole_unit = props.me.has(Role::KepalaUnit) || props.me.has(Role::Admin);
    let target = use_state(String::new);
    let closes = use_state(|| (format::today() + chrono::Duration::days(14)).to_string());
    let service_users = use_state(|| false);
    let period = settings.as_deref().map(|s| periods::current(s.assessment_frequency, format::today()));
    let mut options: Vec<(String, String)> = people
        .state
        .data
        .iter()
        .flat_map(|p| p.iter())
        .map(|e| (format!("e{}", e.id), format!("{} ({})", e.name, e.position_title)))
        .collect();
    if whole_unit {
        let mine = props.me.unit_id;
        let mut all: Vec<_> = units
            .state
            .data
            .iter()
            .flat_map(|u| u.iter())
            .filter(|u| props.me.has(Role::Admin) || Some(u.id) == mine)
            .map(|u| (format!("u{}", u.id), i18n.tf("pulse.whole_unit", &[("unit", &u.name)])))
            .collect();
        all.sort_by(|a, b| a.1.cmp(&b.1));
        options.extend(all);
    }
    let chosen =
        if target.is_empty() { options.first().map(|o| o.0.clone()).unwrap_or_default() } else { (*target).clone() };
    // A whole unit's round invites many people: it waits for a confirmation.
    let confirming = use_state(|| None::<NewPulseRound>);
    let bad_date = use_state(|| false);
    let run = {
        let (toast, on_opened, i18n, confirming) =
            (toast.clone(), props.on_opened.clone(), i18n.clone(), confirming.clone());
        write.action(api::pulse::open, move |r: PulseRound| {
            confirming.set(None);
            toast.say(i18n.tf("pulse.opened", &[("n", &r.invited.to_string())]));
            on_opened.emit(());
        })
    };
    let submit = {
        let (chosen, closes, service_users) = (chosen.clone(), closes.clone(), service_users.clone());
        let (run, confirming, bad_date) = (run.clone(), confirming.clone(), bad_date.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(period) = period else { return };
            let Ok(closes_on) = closes.parse() else {
                bad_date.set(true);
                return;
            };
            bad_date.set(false);
            let (employee_id, unit_id) = match chosen.split_at(1.min(chosen.len())) {
                ("e", id) => (id.parse().ok(), None),
                ("u", id) => (None, id.parse().ok()),
                _ => return,
            };
            let body = NewPulseRound {
                employee_id,
                unit_id,
                period: period.to_string(),
                closes_on,
                service_users: *service_users,
            };
            if unit_id.is_some() {
                confirming.set(Some(body));
            } else {
                run.emit(body);
            }
        })
    };
    let chosen_label = options.iter().find(|o| o.0 == chosen).map(|o| o.1.clone()).unwrap_or_default();
    html! {
        <section class="panel">
            <h2>{ i18n.t("pulse.open_title") }</h2>
            <p class="muted">{ i18n.t("pulse.open_lead") }</p>
            <form class="form-grid" id="pulse-open" onsubmit={submit}>
                <label class="field">
                    <span class="field-label">{ i18n.t("pulse.about") }</span>
                    <select id="pulse-target" onchange={let t = target.clone(); Callback::from(move |e: Event| t.set(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))}>
                        { for options.iter().map(|(v, label)| html! { <option value={v.clone()} selected={*v == chosen}>{ label.clone() }</option> }) }
                    </select>
                </label>
                <p class="field">
                    <span class="field-label">{ i18n.t("pulse.period") }</span>
                    <span>{ period.map(|p| periods::words(p, &i18n)).unwrap_or_default() }</span>
                </p>
                <label class="field">
                    <span class="field-label">{ i18n.t("pulse.closes_on") }</span>
                    <input id="pulse-closes" type="date" value={(*closes).clone()} min={format::today().to_string()}
                        onchange={let c = closes.clone(); Callback::from(move |e: Event| c.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))} />
                </label>
                <div class="field field-check">
                    <input id="pulse-service-users" type="checkbox" checked={*service_users}
                        onchange={let s = service_users.clone(); Callback::from(move |_: Event| s.set(!*s))} />
                    <label for="pulse-service-users">{ i18n.t("pulse.service_users") }</label>
                </div>
                if *bad_date {
                    <p class="field-error" role="alert">{ i18n.t("pulse.bad_date") }</p>
                }
                <ErrorBanner error={write.error.clone()} />
                if let Some(body) = (*confirming).clone() {
                    <Confirm text={i18n.tf("pulse.unit_confirm", &[("whom", &chosen_label)])} confirm_label={i18n.t("pulse.open")}
                        on_confirm={let run = run.clone(); Callback::from(move |()| run.emit(body.clone()))}
                        on_cancel={let c = confirming.clone(); Callback::from(move |()| c.set(None))} busy={write.busy} />
                } else {
                    <button type="submit" class="button-primary" disabled={write.busy || options.is_empty() || period.is_none()}>
                        { i18n.t("pulse.open") }
                    </button>
                }
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RoundsProps {
    refresh: u32,
    may_run: bool,
}

/// The rounds the viewer runs or reads.
#[component]
fn Rounds(props: &RoundsProps) -> Html {
    let i18n = use_i18n();
    let again = use_state(|| 0u32);
    let head = html! {
        <>
            <th scope="col">{ i18n.t("pulse.round") }</th>
            <th scope="col">{ i18n.t("pulse.answers") }</th>
            <th scope="col">{ i18n.t("pulse.status") }</th>
            <th scope="col"><span class="sr-only">{ i18n.t("pulse.actions") }</span></th>
        </>
    };
    let changed = {
        let again = again.clone();
        Callback::from(move |()| again.set(*again + 1))
    };
    let may_run = props.may_run;
    html! {
        <section class="panel">
            <div class="panel-head">
                <h2>{ i18n.t("pulse.rounds") }</h2>
                <div class="actions"><ExportButtons export={Export::new(api::pulse::rounds_file)} name="survei-360" /></div>
            </div>
            <PagedTable<PulseRound> load={Loader::new(api::pulse::rounds)} per_page={20} {head} class="pulse-rounds"
                refresh={props.refresh + *again}
                row={Callback::from(move |r: PulseRound| html! { <RoundRow round={r} {may_run} changed={changed.clone()} /> })}
                empty={i18n.t("pulse.no_rounds").to_owned()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RoundRowProps {
    round: PulseRound,
    may_run: bool,
    changed: Callback<()>,
}

#[component]
fn RoundRow(props: &RoundRowProps) -> Html {
    let i18n = use_i18n();
    let write = use_write();
    let toast = use_toast();
    let confirming = use_state(|| false);
    let r = &props.round;
    let id = r.id;
    // Past its last day a round takes no more answers, closed or not.
    let open = r.status == kinerja_domain::pulse::PulseStatus::Open && r.closes_on >= format::today();
    let remind = {
        let (toast, changed, i18n) = (toast.clone(), props.changed.clone(), i18n.clone());
        let run = write.action(api::pulse::remind, move |_: PulseRound| {
            toast.say(i18n.t("pulse.reminded"));
            changed.emit(());
        });
        Callback::from(move |_: MouseEvent| run.emit(id))
    };
    let close = {
        let (changed, confirming) = (props.changed.clone(), confirming.clone());
        let run = write.action(api::pulse::close, move |_: PulseRound| {
            confirming.set(false);
            changed.emit(());
        });
        Callback::from(move |()| run.emit(id))
    };
    let whom = r.employee_name.clone().unwrap_or_else(|| i18n.tf("pulse.whole_unit", &[("unit", &r.unit_name)]));
    html! {
        <tr data-round={r.id.to_string()}>
            <td>
                <strong>{ whom }</strong>
                <div class="muted small">{ format!("{} · {}", periods::words_of(&r.period, &i18n), i18n.tf("pulse.until", &[("date", &format::date(&r.closes_on))])) }</div>
                if let Some(code) = &r.public_code {
                    <div class="small">{ i18n.t("pulse.public_link") }{ " " }<a href={format!("/nilai-petugas/{code}")}>{ format!("/nilai-petugas/{code}") }</a></div>
                }
            </td>
            <td class="pulse-count">{ format!("{} / {}", r.answered, r.invited) }</td>
            <td>{ i18n.t(&format!("pulse_status.{}", r.status.as_str())) }</td>
            <td class="actions">
                if props.may_run && open {
                    <button type="button" class="button-quiet" onclick={remind} disabled={write.busy}>{ i18n.t("pulse.remind") }</button>
                    if *confirming {
                        <Confirm text={i18n.t("pulse.close_confirm")} confirm_label={i18n.t("pulse.close")}
                            on_confirm={close} on_cancel={let c = confirming.clone(); Callback::from(move |()| c.set(false))} busy={write.busy} />
                    } else {
                        <button type="button" class="button-quiet" onclick={let c = confirming.clone(); Callback::from(move |_: MouseEvent| c.set(true))}>{ i18n.t("pulse.close") }</button>
                    }
                }
                <ErrorBanner error={write.error.clone()} />
            </td>
        </tr>
    }
}
