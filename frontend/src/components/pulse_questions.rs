//! The questions of the 360° pulse, each a row of five radio buttons from "tidak pernah" (1) to
//! "selalu" (5): the staff's invitation and the service users' public form.

use crate::i18n::use_i18n;
use kinerja_types::PulseQuestion;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PulseQuestionsProps {
    pub questions: Vec<PulseQuestion>,
    pub scores: Vec<u8>,
    /// Prefix of the radio names, unique on the page.
    pub prefix: AttrValue,
    /// (question index, score)
    pub on_change: Callback<(usize, u8)>,
}

/// The questions, each a row of five radio buttons from "tidak pernah" to "selalu".
#[component]
pub fn PulseQuestions(props: &PulseQuestionsProps) -> Html {
    let i18n = use_i18n();
    html! {
        <ol class="pulse-questions">
            { for props.questions.iter().enumerate().map(|(i, q)| {
                let name = format!("{}-q{i}", props.prefix);
                html! {
                    <li>
                        <fieldset>
                            <legend>
                                <span class="pulse-value">{ q.core_value.label() }</span>{ " — " }{ q.text.clone() }
                            </legend>
                            <div class="pulse-scale">
                                { for (1u8..=5).map(|s| {
                                    let on_change = props.on_change.clone();
                                    html! {
                                        <label class="pulse-score">
                                            <input type="radio" name={name.clone()} value={s.to_string()}
                                                checked={props.scores.get(i) == Some(&s)}
                                                onchange={Callback::from(move |_: Event| on_change.emit((i, s)))} />
                                            <span>{ s }</span>
                                            <span class="small muted">{ i18n.t(&format!("ppulse.scale_{s}")) }</span>
                                        </label>
                                    }
                                }) }
                            </div>
                        </fieldset>
                    </li>
                }
            }) }
        </ol>
    }
}
