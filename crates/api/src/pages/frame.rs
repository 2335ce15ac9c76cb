//! The frame of a server-rendered citizen page, as the citizen bundle draws it
//! (`frontend/src/components/public_layout.rs`, the same classes and so the same look): the
//! Pemda's name, the language toggle, the citizen navigation and the staff sign-in link.

use super::Assets;
use kinerja_types::words;
use maud::{html, Markup, PreEscaped, DOCTYPE};

/// A language the pages speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Id,
    En,
}

impl Lang {
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }

    /// The words of `key`; a missing key shows itself, so that it gets noticed.
    pub fn t(self, key: &str) -> String {
        words::lookup(key, self == Lang::En).unwrap_or(key).to_owned()
    }

    /// The words of `key` with each `{name}` filled in.
    pub fn tf(self, key: &str, values: &[(&str, &str)]) -> String {
        values.iter().fold(self.t(key), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
    }

    /// `value` with `decimals` digits, the decimal mark as the language writes it.
    pub fn fixed(self, value: f64, decimals: usize) -> String {
        kinerja_types::text::decimal(value, decimals, self == Lang::En)
    }
}

/// What the frame shows around a page.
pub struct Frame<'a> {
    pub lang: Lang,
    pub assets: &'a Assets,
    /// The Pemda's name (empty: the generic brand).
    pub pemda: &'a str,
    /// The page's title, before the product's name.
    pub title: &'a str,
    /// The built script the page runs, if any (deferred: the page shows before it runs).
    pub script: Option<&'a str>,
}

impl Frame<'_> {
    pub fn wrap(&self, content: Markup) -> Markup {
        let lang = self.lang;
        let other = lang.other();
        let brand = if self.pemda.trim().is_empty() { lang.t("public.brand") } else { self.pemda.trim().to_owned() };
        html! {
            (DOCTYPE)
            html lang=(lang.code()) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    meta name="color-scheme" content="light";
                    meta name="theme-color" content="#1f4e79";
                    title { (self.title) " · Kinerja" }
                    link rel="stylesheet" href=(self.assets.url("style.css"));
                    link rel="icon" href="data:,";
                    @if let Some(script) = self.script {
                        script src=(self.assets.url(script)) defer {}
                    }
                }
                body {
                    div.public-shell {
                        header.public-top {
                            a.brand href="/layanan" {
                                span.brand-name { (brand) }
                                span.brand-pemda { (lang.t("public.tagline")) }
                            }
                            // A link, so that it works before (and without) the script.
                            a.lang-toggle href={ "?lang=" (other.code()) } lang=(other.code())
                                title=(lang.t("header.switch_language")) aria-label=(lang.t("header.switch_language")) {
                                (other.code().to_uppercase())
                            }
                        }
                        nav.public-nav aria-label=(lang.t("public.nav")) {
                            ul {
                                li { a.active href="/layanan" { (lang.t("public.link.survey")) } }
                                li { a href="/pengaduan" { (lang.t("public.link.complaint")) } }
                                li { a href="/lacak" { (lang.t("public.link.track")) } }
                                li { a href="/forum-publik" { (lang.t("public.link.forums")) } }
                            }
                        }
                        main.public-content #content { (content) }
                        footer.public-footer {
                            span { (lang.t("public.staff")) } (PreEscaped(" "))
                            a href="/masuk" { (lang.t("public.staff_login")) }
                        }
                    }
                }
            }
        }
    }
}
