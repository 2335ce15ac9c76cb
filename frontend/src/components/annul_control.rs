//! The end of a record the BKPSDM keeps (a disciplinary sanction, a leave): the day it was
//! annulled, or for the admin "Batalkan" after a confirmation.

use crate::components::Confirm;
use crate::format;
use crate::i18n::use_i18n;
use chrono::{DateTime, Utc};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnnulControlProps {
    pub annulled_at: Option<DateTime<Utc>>,
    /// May annul (the BKPSDM).
    pub admin: bool,
    /// The question asked first.
    pub confirm: AttrValue,
    /// Whose record, read to screen readers after "Batalkan".
    #[prop_or_default]
    pub whose: AttrValue,
    /// Annuls (told once confirmed).
    pub on_annul: Callback<()>,
    /// The annulment is under way.
    pub busy: bool,
}

#[component]
pub fn AnnulControl(props: &AnnulControlProps) -> Html {
    let i18n = use_i18n();
    let asking = use_state(|| false);
    if let Some(at) = props.annulled_at {
        return html! {
            <span class="badge badge-revoked">{ i18n.tf("record.annulled_at", &[("at", &format::instant(&at, i18n.lang()))]) }</span>
        };
    }
    if !props.admin {
        return html! {};
    }
    if *asking {
        let cancel = {
            let asking = asking.clone();
            Callback::from(move |()| asking.set(false))
        };
        return html! {
            <Confirm text={props.confirm.clone()} confirm_label={i18n.t("record.annul_yes").to_owned()}
                on_confirm={props.on_annul.clone()} on_cancel={cancel} busy={props.busy} />
        };
    }
    let ask = Callback::from(move |_: MouseEvent| asking.set(true));
    html! {
        <button type="button" class="button-quiet button-danger button-small" onclick={ask}>
            { i18n.t("record.annul") }
            if !props.whose.is_empty() {
                <span class="sr-only">{ format!(" {}", props.whose) }</span>
            }
        </button>
    }
}
