//! The competency profile: the match, the JP of training and a line per competency.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct ProfileProps {
    pub(super) profile: Rc<CompetencyProfile>,
}

/// The match, the JP of training and a line per competency.
#[component]
pub(super) fn ProfileView(props: &ProfileProps) -> Html {
    let i18n = use_i18n();
    let p = &props.profile;
    let lang = i18n.lang();
    let category = p.match_category.map(|c| c.label()).unwrap_or("—");
    let target = p.training_jp_target;
    let jp_tone = if target.is_none_or(|t| p.training_jp >= t) { "ok" } else { "warn" };
    html! {
        <section class="panel">
            <h2>{ format!("{} · {}", p.name, p.position_title) }</h2>
            <div class="tiles">
                <div class="tile" data-tile="match">
                    <span class="tile-label">{ i18n.t("comp.match") }</span>
                    <strong class="tile-value">
                        { p.job_person_match.map(|m| format::percent(m, lang)).unwrap_or_else(|| "—".into()) }
                    </strong>
                    <span class="muted small">{ category }</span>
                </div>
                <div class="tile" data-tile="training">
                    <span class="tile-label">{ i18n.t("comp.training_hours") }</span>
                    if let Some(t) = target {
                        <strong class="tile-value">{ format!("{} / {} JP", p.training_jp, t) }</strong>
                        <Meter value={f64::from(p.training_jp)} max={f64::from(t)}
                            label={i18n.t("comp.training_hours").to_owned()} tone={jp_tone} />
                    } else {
                        <strong class="tile-value">{ format!("{} JP", p.training_jp) }</strong>
                        <span class="muted small">{ i18n.t("comp.no_target") }</span>
                    }
                </div>
            </div>
            if p.lines.is_empty() {
                <p class="muted">{ i18n.t("comp.no_lines") }</p>
            } else {
                <div class="table-wrap">
                    <table class="competency-profile">
                        <thead><tr>
                            <th scope="col">{ i18n.t("comp.competency") }</th>
                            <th scope="col" class="numeric">{ i18n.t("comp.required") }</th>
                            <th scope="col" class="numeric">{ i18n.t("comp.assessed") }</th>
                            <th scope="col" class="numeric">{ i18n.t("comp.gap") }</th>
                            <th scope="col">{ i18n.t("comp.source") }</th>
                        </tr></thead>
                        <tbody>
                            { for p.lines.iter().map(|l| html! {
                                <tr key={l.competency_id} data-code={l.code.clone()}>
                                    <td><strong>{ &l.code }</strong>{ " " }{ &l.name }<br /><span class="muted small">{ l.kind.label() }</span></td>
                                    <td class="numeric">{ l.required.map(|r| r.to_string()).unwrap_or_else(|| "—".into()) }</td>
                                    <td class="numeric">{ l.assessed.as_ref().map(|a| a.level.to_string()).unwrap_or_else(|| "—".into()) }</td>
                                    <td class={classes!("numeric", l.gap.filter(|g| *g > 0).map(|_| "gap-open"))} data-gap="">
                                        { l.gap.map(|g| g.to_string()).unwrap_or_else(|| "—".into()) }
                                    </td>
                                    <td class="small">{ l.assessed.as_ref().map(|a| format!("{} · {}", a.source.label(), format::date(&a.assessed_on))).unwrap_or_default() }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
