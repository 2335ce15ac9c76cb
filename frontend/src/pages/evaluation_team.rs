//! Tim Penilai: the independent evaluation team (PP 30/2019) beside the direct superior. Admins
//! form the teams; members review the assessments in their scope; everyone whose rating, ratings
//! or unit the team wrote about reads its notes, and the penilai answers a flag.

use super::review_notes::ReviewNotes;
use super::team_admin::TeamAdmin;
use super::team_review::TeamReview;
use super::PageProps;
use crate::i18n::use_i18n;
use kinerja_domain::Role;
use yew::prelude::*;

#[component]
pub fn EvaluationTeamPage(props: &PageProps) -> Html {
    let i18n = use_i18n();
    let me = &props.me;
    let admin = me.has(Role::Admin);
    let reads_all = admin || me.has(Role::Auditor);
    html! {
        <section class="page evaluation-team">
            <h1>{ i18n.t("evteam.title") }</h1>
            <p class="lead">{ i18n.t("evteam.lead") }</p>
            if admin {
                <TeamAdmin />
            }
            if me.is_team_member || reads_all {
                <TeamReview me={me.clone()} />
            }
            <ReviewNotes me={me.clone()} />
        </section>
    }
}
