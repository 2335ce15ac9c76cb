//! Language: Bahasa Indonesia first, English on request. The choice is kept in localStorage
//! (`kinerja.lang`) and every visible string is looked up through [`I18n::t`].

mod dictionary;

use gloo_storage::{LocalStorage, Storage};
use kinerja_domain::ikm::Grade;
use kinerja_domain::{ComplaintStatus, Predikat};
use yew::prelude::*;

const STORAGE_KEY: &str = "kinerja.lang";

/// A language the UI speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Id,
    En,
}

impl Lang {
    /// The BCP 47 code, also what is stored.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The other language, for the toggle.
    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }

    /// The stored choice, else Indonesian.
    pub fn stored() -> Lang {
        match LocalStorage::raw().get_item(STORAGE_KEY).ok().flatten().as_deref() {
            Some("en") => Lang::En,
            _ => Lang::Id,
        }
    }

    fn remember(self) {
        // Losing the choice (private mode, full storage) only means Indonesian next time.
        let _ = LocalStorage::raw().set_item(STORAGE_KEY, self.code());
        if let Some(root) = document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", self.code());
        }
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The translator handed down by [`I18nProvider`].
#[derive(Clone, PartialEq)]
pub struct I18n {
    lang: Lang,
    set_lang: Callback<Lang>,
}

impl I18n {
    /// The current language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Switches the language of the whole app.
    pub fn set(&self, lang: Lang) {
        self.set_lang.emit(lang);
    }

    /// The text for `key`; a missing key shows itself so that it gets noticed.
    pub fn t<'a>(&self, key: &'a str) -> &'a str {
        dictionary::lookup(self.lang, key).unwrap_or(key)
    }

    /// The text for `key` with each `{name}` replaced by its value.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        args.iter().fold(self.t(key).to_owned(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
    }

    /// The words for a vocabulary value (role, unit kind...): the key is `{group}.{value}`.
    pub fn word(&self, group: &str, value: &'static str) -> &'static str {
        dictionary::lookup(self.lang, &format!("{group}.{value}")).unwrap_or(value)
    }

    /// A complaint's status as the public reads it: the domain's own words in Indonesian.
    pub fn complaint_status(&self, status: ComplaintStatus) -> &'static str {
        match self.lang {
            Lang::Id => status.public_label(),
            Lang::En => self.word("complaint_status", status.as_str()),
        }
    }

    /// The words of a predikat: the regulation's own in Indonesian.
    pub fn predikat(&self, predikat: Predikat) -> &'static str {
        match self.lang {
            Lang::Id => predikat.label(),
            Lang::En => self.word("predikat", predikat.as_str()),
        }
    }

    /// The words of a vocabulary value the domain names itself (an aspirasi's status, a task's...):
    /// `indonesian` as the domain says it, else the dictionary's `{group}.{value}`.
    pub fn vocab(&self, group: &str, value: &'static str, indonesian: &'static str) -> &'static str {
        match self.lang {
            Lang::Id => indonesian,
            Lang::En => self.word(group, value),
        }
    }

    /// The words of an IKM grade: the regulation's own in Indonesian.
    pub fn grade(&self, grade: Grade) -> &'static str {
        match (self.lang, grade) {
            (Lang::Id, _) => grade.label(),
            (Lang::En, Grade::A) => self.t("grade.a"),
            (Lang::En, Grade::B) => self.t("grade.b"),
            (Lang::En, Grade::C) => self.t("grade.c"),
            (Lang::En, Grade::D) => self.t("grade.d"),
        }
    }
}

/// Props of a component that only wraps children.
#[derive(Properties, PartialEq)]
pub struct ChildrenProps {
    #[prop_or_default]
    pub children: Html,
}

/// Provides [`I18n`] to everything below it.
#[component]
pub fn I18nProvider(props: &ChildrenProps) -> Html {
    let lang = use_state(Lang::stored);
    let set_lang = {
        let lang = lang.clone();
        Callback::from(move |next: Lang| lang.set(next))
    };
    use_effect_with(*lang, |lang| lang.remember());
    let i18n = I18n { lang: *lang, set_lang };
    html! {
        <ContextProvider<I18n> context={i18n}>
            { props.children.clone() }
        </ContextProvider<I18n>>
    }
}

/// The translator; outside an [`I18nProvider`] (never in this app) it speaks Indonesian.
#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or(I18n { lang: Lang::Id, set_lang: Callback::noop() })
}
