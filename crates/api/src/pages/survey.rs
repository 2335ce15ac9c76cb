//! `/survei/{code}`: the satisfaction survey of one service unit at the short address on the
//! counter's poster, rendered here so that a phone on 3G shows it at once (a few kilobytes instead
//! of a WebAssembly bundle). The nine questions of PermenPANRB 14/2017 with four big answers each,
//! an optional profile and comment, the honeypot, and the unit's published satisfaction index.
//! `survey.js` sends it to `POST /api/v1/public/surveys` (which keeps every protection: rate limits,
//! honeypot, duplicates, kiosk tokens), marks what is left open, thanks the citizen, and runs the
//! counter kiosk (`?kiosk=TOKEN`).

use super::frame::{Frame, Lang};
use super::Assets;
use crate::error::{ApiError, ApiResult, RenderedPage};
use crate::services::{ikm, public_reads, rate_limit, service_units};
use crate::state::AppState;
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse, ResponseError};
use chrono::Datelike;
use kinerja_domain::ikm::UNSUR;
use kinerja_domain::Period;
use kinerja_types::{IkmReport, PublicUnit};
use maud::{html, Markup};
use serde::{Deserialize, Serialize};

/// The longest comment the server takes (as `NewSurvey` checks it).
const COMMENT_MAX: usize = 2000;

/// The choices of the optional profile: the field, and the wire values whose words are `{field}.{value}`.
const PROFILE: &[(&str, &[&str])] = &[
    ("age_band", &["under_25", "25-34", "35-44", "45-54", "55_plus"]),
    ("sex", &["laki_laki", "perempuan"]),
    ("education", &["sd", "smp", "sma", "diploma", "s1", "s2_s3"]),
    ("occupation", &["pns", "tni_polri", "swasta", "wirausaha", "pelajar", "lainnya"]),
];

/// What the page shows, read once per short while (see `services::public_reads`).
#[derive(Serialize, Deserialize)]
struct Survey {
    pemda: String,
    unit: Option<PublicUnit>,
    /// The index the unit published for this year, else last year (with respondents).
    published: Option<IkmReport>,
}

pub async fn page(
    req: HttpRequest,
    state: web::Data<AppState>,
    assets: web::Data<Assets>,
    code: web::Path<String>,
) -> HttpResponse {
    let (lang, cookie) = super::lang_of(&req);
    let code = code.trim().to_uppercase();
    let mut res = match read(&req, &state, &code).await {
        Ok(survey) => {
            let frame = Frame {
                lang,
                assets: &assets,
                pemda: &survey.pemda,
                title: &lang.t("survey.title"),
                script: survey.unit.is_some().then_some("survey.js"),
            };
            let (status, content) = match &survey.unit {
                Some(unit) => (StatusCode::OK, form(lang, unit, survey.published.as_ref())),
                None => (StatusCode::NOT_FOUND, unknown(lang, &code)),
            };
            HttpResponse::build(status).content_type("text/html; charset=utf-8").body(frame.wrap(content).into_string())
        }
        Err(e) => trouble(lang, &assets, &e),
    };
    res.extensions_mut().insert(RenderedPage);
    // Asked again every time: a published index or a new name shows at once.
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res.headers_mut().insert(header::VARY, HeaderValue::from_static("cookie, accept-encoding"));
    if let Some(cookie) = cookie {
        if let Err(e) = res.add_cookie(&cookie) {
            tracing::warn!(error = %e, "language cookie not set");
        }
    }
    res
}

/// The unit of `code` and its published index: counted against the address's public reads, and
/// answered from the short cache.
async fn read(req: &HttpRequest, state: &AppState, code: &str) -> ApiResult<Survey> {
    let client = rate_limit::client_key(req);
    public_reads::count(&state.public_readers, &client, state.config.public_reads_per_minute).await?;
    let generation = state.public_generation.load(std::sync::atomic::Ordering::SeqCst);
    let compute = async {
        let settings = state.settings().await?;
        // Codes are at most 32 characters: a longer one names no unit and is not worth a query.
        let unit = match code.chars().count() {
            1..=32 => service_units::list(&state.db, Some(code), 0, 1).await?.0.into_iter().next(),
            _ => None,
        };
        let mut published = None;
        if let Some(unit) = &unit {
            let year = settings.today().year();
            for year in [year, year - 1] {
                let report = ikm::report(&state.db, unit.id, &Period::Year(year)).await?;
                if report.published && report.respondents > 0 {
                    published = Some(report);
                    break;
                }
            }
        }
        Ok(Survey { pemda: settings.pemda_name.clone(), unit, published })
    };
    let key = format!("{generation}:page:survey:{}", if code.chars().count() <= 32 { code } else { "" });
    let bytes = public_reads::cached(&state.public_answers, key, compute).await?;
    serde_json::from_slice(&bytes).map_err(|e| ApiError::Internal(e.into()))
}

/// The survey form, its thank-you, the kiosk's marks, and the published index.
fn form(lang: Lang, unit: &PublicUnit, published: Option<&IkmReport>) -> Markup {
    html! {
        section.page.public-page.survey-page {
            p.kiosk-mark #kiosk-mark hidden { (lang.t("survey.kiosk_mode")) }
            h1 #survey-title tabindex="-1" { (lang.t("survey.title")) }
            p.survey-unit { (unit.name) }
            // Restored answers would be sent unseen; a kiosk starts empty anyway.
            form.survey #survey novalidate autocomplete="off" data-unit=(unit.id) data-code=(unit.code)
                data-sending=(lang.t("survey.sending")) data-error-network=(lang.t("error.network"))
                data-error-403=(lang.t("survey.error.kiosk")) data-error-409=(lang.t("survey.error.duplicate"))
                data-error-422=(lang.t("survey.error.invalid")) data-error-429=(lang.t("survey.error.too_many"))
                data-error-other=(lang.t("survey.error.server")) {
                p.lead { (lang.t("survey.lead")) }
                @for n in 1..=UNSUR.len() { (question(lang, n)) }
                fieldset.panel.survey-profile {
                    legend { (lang.t("survey.profile")) }
                    p.muted.small { (lang.t("survey.profile_hint")) }
                    div.form-grid {
                        @for (field, choices) in PROFILE {
                            div.field {
                                label for={ "survey-" (field) } { (lang.t(&format!("survey.{field}"))) }
                                select #{ "survey-" (field) } name=(field) {
                                    option value="" { (lang.t("survey.not_said")) }
                                    @for choice in *choices {
                                        option value=(choice) { (lang.t(&format!("{field}.{choice}"))) }
                                    }
                                }
                            }
                        }
                    }
                    div.field #comment-field {
                        label for="survey-comment" { (lang.t("survey.comment")) }
                        textarea #survey-comment name="comment" rows="3" maxlength=(COMMENT_MAX)
                            aria-describedby="survey-comment-hint survey-comment-error" {}
                        small.field-hint #survey-comment-hint data-template=(lang.t("survey.comment_count"))
                            data-max=(COMMENT_MAX) {
                            (lang.tf("survey.comment_count", &[("n", "0"), ("max", &COMMENT_MAX.to_string())]))
                        }
                        small.field-error #survey-comment-error hidden {}
                    }
                }
                // For bots only: off screen, hidden from screen readers, out of the Tab order.
                div.hp aria-hidden="true" {
                    label for="website" { (lang.t("public.honeypot")) }
                    input #website name="website" type="text" tabindex="-1" autocomplete="off";
                }
                p.callout.callout-warn #survey-open role="alert" hidden data-template=(lang.t("survey.open_left")) {}
                div.error-banner #survey-error role="alert" hidden { p {} }
                // Enabled by the script: without it the form would put the answers in the address.
                button.button-primary.button-block.button-big type="submit" disabled { (lang.t("survey.send")) }
                noscript { p.callout.callout-warn { (lang.t("survey.needs_script")) } }
            }
            section.thanks #survey-thanks role="status" hidden tabindex="-1" {
                p.thanks-mark aria-hidden="true" { "✓" }
                h2 { (lang.t("survey.thanks")) }
                p { (lang.t("survey.thanks_body")) }
                div #thanks-kiosk hidden {
                    p.muted { (lang.t("survey.kiosk_next")) }
                    button.button-primary.button-big #survey-next type="button" { (lang.t("survey.next_now")) }
                }
                div.actions #thanks-citizen {
                    a.button-quiet href={ "/pengaduan?unit=" (unit.code) } { (lang.t("public.link.complaint")) }
                    a.button-quiet href="/layanan" { (lang.t("public.back_to_units")) }
                }
            }
            // A kiosk at the counter stays on the survey; on a phone the citizen also sees the result.
            @if let Some(report) = published { (index(lang, report)) }
            div.kiosk-end #kiosk-end hidden {
                button.button-quiet.button-small #kiosk-end-ask type="button" { (lang.t("survey.kiosk_end")) }
                div.confirm #kiosk-end-confirm role="alertdialog" aria-label=(lang.t("survey.kiosk_end_confirm")) hidden {
                    p { (lang.t("survey.kiosk_end_confirm")) }
                    div.actions {
                        button.button-primary #kiosk-end-yes type="button" { (lang.t("survey.kiosk_end_yes")) }
                        button.button-quiet #kiosk-end-no type="button" { (lang.t("common.cancel")) }
                    }
                }
            }
        }
    }
}

/// Unsur `n` (1–9): its name, the question and four big answers (radio buttons drawn as buttons).
fn question(lang: Lang, n: usize) -> Markup {
    html! {
        fieldset.unsur #{ "unsur-" (n) } aria-describedby={ "unsur-" (n) "-question" } {
            legend { span.unsur-code { "U" (n) } (lang.t(&format!("unsur.{n}"))) }
            p.unsur-question #{ "unsur-" (n) "-question" } { (lang.t(&format!("survey.question.{n}"))) }
            div.choices-4 {
                @for v in 1..=4 {
                    label class={ "choice choice-" (v) } {
                        input type="radio" name={ "u" (n) } value=(v);
                        span.choice-score aria-hidden="true" { (v) }
                        span.choice-text { (lang.t(&format!("survey.scale.{n}.{v}"))) }
                    }
                }
            }
            small.field-error hidden { (lang.t("survey.pick_one")) }
        }
    }
}

/// The index a unit published: its value and grade, the respondents, each unsur, and a plain
/// warning where it was published on too small or an unknown sample.
fn index(lang: Lang, r: &IkmReport) -> Markup {
    let score = r.ikm.map(|v| lang.fixed(v, 2)).unwrap_or_else(|| "—".to_owned());
    let warning = r.published_with_insufficient_sample.then(|| match r.required_sample {
        Some(required) => lang
            .tf("public_ikm.short_sample", &[("n", &r.respondents.to_string()), ("required", &required.to_string())]),
        None => lang.t("public_ikm.unknown_sample"),
    });
    html! {
        section.panel.public-ikm #public-ikm aria-labelledby="public-ikm-title" {
            h2 #public-ikm-title { (lang.tf("public_ikm.title", &[("period", &r.period)])) }
            div.ikm-head {
                div.ikm-score {
                    span.ikm-label { (lang.t("public_ikm.index")) }
                    span.ikm-value { (score) }
                }
                @if let Some(grade) = r.grade {
                    span class={ "grade grade-" (grade.letter().to_lowercase()) } {
                        span.grade-letter { (grade.letter()) }
                        span.grade-words { (lang.t(&format!("grade.{}", grade.letter().to_lowercase()))) }
                    }
                }
                p.ikm-respondents { (lang.tf("ikm.respondents", &[("n", &r.respondents.to_string())])) }
            }
            @if let Some(text) = warning {
                p.callout.callout-warn.public-ikm-sample role="note" { (text) }
            }
            table.public-ikm-unsur {
                caption.sr-only { (lang.t("ikm.interval_title")) }
                thead { tr {
                    th scope="col" { (lang.t("public_ikm.unsur")) }
                    th.numeric scope="col" { (lang.t("public_ikm.value")) }
                    th.numeric scope="col" { (lang.t("public_ikm.grade")) }
                } }
                tbody {
                    @for (i, u) in r.unsur.iter().enumerate() {
                        tr {
                            th scope="row" { (lang.t(&format!("unsur.{}", i + 1))) }
                            td.numeric { (lang.fixed(u.value, 2)) }
                            td.numeric { (u.grade.letter()) " (" (u.interval) ")" }
                        }
                    }
                }
            }
        }
    }
}

/// No service unit has the code: say so (repeating at most a code's length of it), and lead to
/// the list.
fn unknown(lang: Lang, code: &str) -> Markup {
    let code: String = code.chars().take(32).collect();
    let code = code.as_str();
    html! {
        section.page.public-page.survey-page {
            h1 { (lang.t("survey.title")) }
            p.callout.callout-warn { (lang.tf("survey.unknown_unit", &[("code", code)])) }
            a.button-primary href="/layanan" { (lang.t("public.choose_unit")) }
        }
    }
}

/// The page when it cannot be read now (too many reads from the address, the database away): the
/// reason in plain words, with the status and `Retry-After` of the API's answer.
fn trouble(lang: Lang, assets: &Assets, e: &ApiError) -> HttpResponse {
    let api = e.error_response();
    let detail = match e {
        ApiError::TooManyRequests { retry_after, .. } | ApiError::Busy { retry_after } => {
            lang.tf("survey.error.wait", &[("seconds", &retry_after.to_string())])
        }
        _ => lang.t("survey.unavailable"),
    };
    // An internal error was logged by `error_response`; the others are worth a line too.
    if api.status().is_server_error() && !matches!(e, ApiError::Internal(_)) {
        tracing::warn!(error = %e, "survey page unavailable");
    }
    let frame = Frame { lang, assets, pemda: "", title: &lang.t("survey.title"), script: None };
    let content = html! {
        section.page.public-page.survey-page {
            h1 { (lang.t("survey.title")) }
            p.callout.callout-warn role="alert" { (detail) }
            a.button-primary href="" { (lang.t("survey.reload")) }
        }
    };
    let mut res = HttpResponse::build(api.status())
        .content_type("text/html; charset=utf-8")
        .body(frame.wrap(content).into_string());
    if let Some(retry) = api.headers().get(header::RETRY_AFTER) {
        res.headers_mut().insert(header::RETRY_AFTER, retry.clone());
    }
    res
}

#[cfg(test)]
mod tests {
    //! Every word the server's pages look up exists in both languages (a missing key would show
    //! itself on the page instead of its words).
    use super::{PROFILE, UNSUR};
    use kinerja_types::words;

    #[test]
    fn every_word_of_the_pages_exists_in_both_languages() {
        let mut keys = words::keys_looked_up(include_str!("survey.rs"));
        keys.extend(words::keys_looked_up(include_str!("frame.rs")));
        assert!(keys.len() > 40, "the scan found only {} keys", keys.len());
        for n in 1..=UNSUR.len() {
            keys.push(format!("unsur.{n}"));
            keys.push(format!("survey.question.{n}"));
            keys.extend((1..=4).map(|v| format!("survey.scale.{n}.{v}")));
        }
        for (field, choices) in PROFILE {
            keys.push(format!("survey.{field}"));
            keys.extend(choices.iter().map(|c| format!("{field}.{c}")));
        }
        keys.extend(["a", "b", "c", "d"].map(|g| format!("grade.{g}")));
        let missing: Vec<&String> =
            keys.iter().filter(|k| words::lookup(k, false).is_none() || words::lookup(k, true).is_none()).collect();
        assert!(missing.is_empty(), "words missing: {missing:?}");
    }
}
