//! Choosing the RHK an activity works on, so that two RHK that begin alike can be told apart: each
//! is numbered, shown by the part that differs from the others, with its first indicator. With
//! five or fewer, they are cards to tap; with more, a drop-down of the same labels.

use crate::components::SelectField;
use crate::i18n::use_i18n;
use kinerja_types::Rhk;
use yew::prelude::*;

/// Most RHK shown as cards; more go into a drop-down.
pub(super) const MOST_CARDS: usize = 5;

/// How many characters of an RHK a label shows at most.
const LABEL_CHARS: usize = 90;

/// The part of `text` that tells it apart from `others`: when it shares a long beginning with one
/// of them, the words after that beginning (with "…" before); else the text itself. Cut to
/// [`LABEL_CHARS`] characters.
pub(super) fn distinguishing(text: &str, others: &[&str]) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let shared = others
        .iter()
        .filter(|o| **o != text)
        .map(|o| words.iter().zip(o.split_whitespace()).take_while(|(a, b)| a.eq_ignore_ascii_case(b)).count())
        .max()
        .unwrap_or(0);
    // A short shared beginning ("Menyusun") reads fine; a long one hides the difference.
    let shown = if shared >= 4 && shared < words.len() {
        format!("…{}", words[shared.saturating_sub(1)..].join(" "))
    } else {
        words.join(" ")
    };
    if shown.chars().count() > LABEL_CHARS {
        let cut: String = shown.chars().take(LABEL_CHARS - 1).collect();
        format!("{cut}…")
    } else {
        shown
    }
}

/// "2. …laporan rujukan pasien · Jumlah laporan" for the RHK at `index` of `all`.
pub(super) fn label(index: usize, rhk: &Rhk, all: &[Rhk]) -> String {
    let others: Vec<&str> = all.iter().map(|r| r.text.as_str()).collect();
    let mut label = format!("{}. {}", index + 1, distinguishing(&rhk.text, &others));
    if let Some(indicator) = rhk.indicators.first() {
        label.push_str(" · ");
        label.push_str(&indicator.text);
    }
    label
}

#[derive(Properties, PartialEq)]
pub(super) struct RhkPickerProps {
    /// Prefix of the control ids.
    pub(super) id: AttrValue,
    pub(super) choices: Vec<Rhk>,
    /// The chosen RHK's id, or empty.
    pub(super) value: String,
    pub(super) on_change: Callback<String>,
    pub(super) error: Option<String>,
}

#[component]
pub(super) fn RhkPicker(props: &RhkPickerProps) -> Html {
    let i18n = use_i18n();
    let label = i18n.t("activity.rhk").to_owned();
    if props.choices.len() > MOST_CARDS {
        let options: Vec<(AttrValue, AttrValue)> =
            std::iter::once((AttrValue::from(""), AttrValue::from(i18n.t("validation.choose").to_owned())))
                .chain(props.choices.iter().enumerate().map(|(i, r)| {
                    (AttrValue::from(r.id.to_string()), AttrValue::from(self::label(i, r, &props.choices)))
                }))
                .collect();
        return html! {
            <SelectField id={format!("{}", props.id)} {label} value={props.value.clone()} {options}
                on_change={props.on_change.clone()} required=true error={props.error.clone()} />
        };
    }
    let others: Vec<&str> = props.choices.iter().map(|r| r.text.as_str()).collect();
    let error_id = format!("{}-error", props.id);
    html! {
        <fieldset class={classes!("rhk-cards", props.error.is_some().then_some("has-error"))} id={props.id.clone()}
            aria-invalid={props.error.is_some().then_some("true")}
            aria-describedby={props.error.is_some().then(|| error_id.clone())} tabindex="-1">
            <legend>{ label }</legend>
            { for props.choices.iter().enumerate().map(|(i, r)| {
                let value = r.id.to_string();
                let chosen = props.value == value;
                let onchange = {
                    let (on_change, value) = (props.on_change.clone(), value.clone());
                    Callback::from(move |_: Event| on_change.emit(value.clone()))
                };
                html! {
                    <label key={r.id} class={classes!("rhk-card", chosen.then_some("chosen"))} title={r.text.clone()}>
                        <input type="radio" name={props.id.clone()} value={value.clone()} checked={chosen} {onchange} />
                        <span class="rhk-number">{ i + 1 }</span>
                        <span class="rhk-words">
                            <strong>{ distinguishing(&r.text, &others) }</strong>
                            if let Some(indicator) = r.indicators.first() {
                                <span class="muted small">{ &indicator.text }</span>
                            }
                        </span>
                    </label>
                }
            }) }
            if let Some(error) = &props.error {
                <p class="field-error" id={error_id}>{ error.clone() }</p>
            }
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rhk_that_begin_alike_are_told_apart_by_their_ends() {
        let a = "Terlaksananya pelayanan rujukan pasien yang tepat waktu dan sesuai standar pada seksi rujukan";
        let b = "Terlaksananya pelayanan rujukan pasien yang tepat waktu dan sesuai standar bagi peserta JKN";
        let c = "Tersusunnya laporan bulanan";
        let all = [a, b, c];
        assert_eq!(distinguishing(a, &all), "…standar pada seksi rujukan");
        assert_eq!(distinguishing(b, &all), "…standar bagi peserta JKN");
        assert_eq!(distinguishing(c, &all), c, "nothing shared: the text itself");
        assert_eq!(distinguishing(c, &[c]), c, "alone: the text itself");
    }

    #[test]
    fn a_long_label_is_cut() {
        let long = "kata ".repeat(40);
        assert!(distinguishing(&long, &[]).chars().count() <= LABEL_CHARS);
    }
}
