//! `/berhenti/{token}`: the page of the "stop messages" link in every message to a citizen about
//! their complaint or aspirasi. Opening it asks (mail scanners open links; only a person presses the button);
//! the button, or a mail client's one-click `POST` (RFC 8058), stops the messages at once.

use super::frame::{Frame, Lang};
use super::Assets;
use crate::error::{ApiError, RenderedPage};
use crate::services::citizen_messages;
use crate::state::AppState;
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::{html, Markup};

/// The question, or that they are stopped already.
pub async fn ask(
    req: HttpRequest,
    state: web::Data<AppState>,
    assets: web::Data<Assets>,
    token: web::Path<String>,
) -> HttpResponse {
    let (lang, _) = super::lang_of(&req);
    let answer = citizen_messages::by_token(&state.db, &token, false).await;
    let (status, content) = match answer {
        Ok((code, true)) => (
            StatusCode::OK,
            html! {
                h1 { (lang.t("stop.title")) }
                p { (lang.tf("stop.question", &[("code", &code)])) }
                form method="post" {
                    button.button-primary type="submit" { (lang.t("stop.confirm")) }
                }
                p { a href={ "/lacak/" (code) } { (lang.t("stop.track")) } }
            },
        ),
        Ok((code, false)) => (StatusCode::OK, stopped(lang, &code)),
        Err(e) => failed(lang, &e),
    };
    render(lang, &assets, status, content)
}

/// Stops the messages.
pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    assets: web::Data<Assets>,
    token: web::Path<String>,
) -> HttpResponse {
    let (lang, _) = super::lang_of(&req);
    let (status, content) = match citizen_messages::by_token(&state.db, &token, true).await {
        Ok((code, _)) => (StatusCode::OK, stopped(lang, &code)),
        Err(e) => failed(lang, &e),
    };
    render(lang, &assets, status, content)
}

fn stopped(lang: Lang, code: &str) -> Markup {
    html! {
        h1 { (lang.t("stop.title")) }
        p.callout role="status" { (lang.tf("stop.done", &[("code", code)])) }
        p { a href={ "/lacak/" (code) } { (lang.t("stop.track")) } }
    }
}

fn failed(lang: Lang, e: &ApiError) -> (StatusCode, Markup) {
    let status = actix_web::ResponseError::status_code(e);
    let text = if status == StatusCode::NOT_FOUND { lang.t("stop.unknown") } else { lang.t("survey.unavailable") };
    (
        status,
        html! {
            h1 { (lang.t("stop.title")) }
            p.callout.callout-warn role="alert" { (text) }
        },
    )
}

fn render(lang: Lang, assets: &Assets, status: StatusCode, content: Markup) -> HttpResponse {
    let frame = Frame { lang, assets, pemda: "", title: &lang.t("stop.title"), script: None };
    let content = html! { section.page.public-page { (content) } };
    let mut res =
        HttpResponse::build(status).content_type("text/html; charset=utf-8").body(frame.wrap(content).into_string());
    res.extensions_mut().insert(RenderedPage);
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // The token is in the address: it goes to no other site.
    res.headers_mut().insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    res
}
