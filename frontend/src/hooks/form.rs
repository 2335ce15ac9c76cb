//! `use_form`: the fields of a form in one value, each field's setter and error, and a submit that
//! checks on the device first and then sends through [`use_write`].
//!
//! ```ignore
//! #[derive(Clone, PartialEq, Default)]
//! struct Draft { name: String, note: String }
//!
//! let form = use_form(Draft::default);
//! let onsubmit = form.submit(
//!     move |d: &Draft| Ok(api::things::create(d.request())),
//!     move |(form, created)| { form.reset(Draft::default()); on_created.emit(created) },
//! );
//! html! {
//!     <form {onsubmit}>
//!         <Field id="name" value={form.name.clone()} on_input={form.text(|d| &mut d.name)}
//!             error={form.error("name")} />
//!         <ErrorBanner error={form.write.error.clone()} shown_fields={FIELDS} />
//!         <button type="submit" disabled={form.busy()}>{ "Save" }</button>
//!     </form>
//! }
//! ```

use super::write::{use_write, Write};
use crate::api::ApiError;
use crate::i18n::I18n;
use crate::validation;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::ops::Deref;
use std::rc::Rc;
use validator::Validate;
use yew::prelude::*;

/// Field name → what is wrong with it.
pub type Invalid = HashMap<String, String>;

/// The values of a form, changed only through [`Form`]'s setters.
struct Values<F>(F);

impl<F: Clone> Reducible for Values<F> {
    type Action = Box<dyn FnOnce(&mut F)>;

    fn reduce(self: Rc<Self>, change: Self::Action) -> Rc<Self> {
        let mut next = self.0.clone();
        change(&mut next);
        Rc::new(Values(next))
    }
}

/// The device check of the last refused submit, run again as the person types.
type Recheck<F> = Rc<RefCell<Option<Rc<dyn Fn(&F) -> Invalid>>>>;

/// A form's fields (`F`, read through `Deref`: `form.name`), their errors and its [`Write`].
pub struct Form<F: Clone + 'static> {
    values: UseReducerHandle<Values<F>>,
    /// What the check on the device found, by field: every field once a submit was refused,
    /// before that only the fields the person has filled in and left.
    invalid: UseStateHandle<Rc<Invalid>>,
    /// The fields (by `name`) the person changed and left, checked from then on as they type.
    touched: UseStateHandle<Rc<HashSet<String>>>,
    /// A submit was refused: every field is checked as it changes.
    refused: UseStateHandle<bool>,
    /// The form's write: `busy`, the server's `error` for the banner.
    pub write: Write,
    recheck: Recheck<F>,
}

impl<F: Clone> Clone for Form<F> {
    fn clone(&self) -> Self {
        Self {
            values: self.values.clone(),
            invalid: self.invalid.clone(),
            touched: self.touched.clone(),
            refused: self.refused.clone(),
            write: self.write.clone(),
            recheck: self.recheck.clone(),
        }
    }
}

impl<F: Clone> Deref for Form<F> {
    type Target = F;

    fn deref(&self) -> &F {
        &self.values.0
    }
}

/// A form whose fields start as `init()`.
///
/// A field whose control has a `name` (the field's key in the request) is checked as soon as the
/// person has changed it and left it, then at every key stroke: its error shows and goes away
/// while they type (attach [`Form::touch`] to the `<form>`'s `onchange`). Once a submit was refused,
/// every field is checked that way. A server's 422 is forgotten at the first change, its fields
/// being edited.
#[hook]
pub fn use_form<F, I>(init: I) -> Form<F>
where
    F: Clone + PartialEq + 'static,
    I: FnOnce() -> F,
{
    let values = use_reducer(move || Values(init()));
    let invalid = use_state(|| Rc::new(Invalid::new()));
    let touched = use_state(|| Rc::new(HashSet::<String>::new()));
    let refused = use_state_eq(|| false);
    let write = use_write();
    let recheck: Recheck<F> = (*use_memo((), |()| Rc::new(RefCell::new(None)))).clone();
    {
        let (invalid, write, recheck) = (invalid.clone(), write.clone(), recheck.clone());
        let (refused, touched) = (*refused, (*touched).clone());
        use_effect_with((values.0.clone(), touched), move |(now, touched)| {
            if refused || !touched.is_empty() {
                if let Some(check) = recheck.borrow().as_ref() {
                    let found = shown(check(now), refused, touched);
                    if found != **invalid {
                        invalid.set(Rc::new(found));
                    }
                }
            }
            if write.error.as_ref().is_some_and(|e| !e.fields().is_empty()) {
                write.clear_error();
            }
        });
    }
    Form { values, invalid, touched, refused, write, recheck }
}

/// The errors a person sees: all of them once a submit was refused, else those of fields they
/// touched.
fn shown(found: Invalid, refused: bool, touched: &HashSet<String>) -> Invalid {
    if refused {
        return found;
    }
    found.into_iter().filter(|(field, _)| touched.contains(field)).collect()
}

impl<F: Clone + 'static> Form<F> {
    /// The field values now.
    pub fn values(&self) -> &F {
        &self.values.0
    }

    /// The `on_input` of a field: `assign` stores what it receives.
    pub fn set<V: 'static>(&self, assign: impl Fn(&mut F, V) + 'static) -> Callback<V> {
        let values = self.values.clone();
        let assign = Rc::new(assign);
        Callback::from(move |v: V| {
            let assign = assign.clone();
            values.dispatch(Box::new(move |f: &mut F| assign(f, v)))
        })
    }

    /// The `on_input` of a text field: `field` picks the `String` it fills.
    pub fn text(&self, field: fn(&mut F) -> &mut String) -> Callback<String> {
        self.set(move |f, v| *field(f) = v)
    }

    /// Changes some fields at once (a picked template fills several).
    pub fn update(&self, change: impl FnOnce(&mut F) + 'static) {
        self.values.dispatch(Box::new(change));
    }

    /// Puts new values in every field (empties the form after a save, loads a stored draft);
    /// forgets the errors found on the device.
    pub fn reset(&self, values: F) {
        self.values.dispatch(Box::new(move |f: &mut F| *f = values));
        self.invalid.set(Rc::default());
        self.touched.set(Rc::default());
        self.refused.set(false);
    }

    /// The `onchange` of the `<form>`: a control with a `name` that the person changed and left
    /// (a text field on leaving it, a list or a box at once) is checked from then on.
    pub fn touch(&self) -> Callback<Event> {
        let touched = self.touched.clone();
        Callback::from(move |e: Event| {
            let name = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|el| el.get_attribute("name"))
                .filter(|name| !name.is_empty());
            if let Some(name) = name {
                if !touched.contains(&name) {
                    let mut next = (**touched).clone();
                    next.insert(name);
                    touched.set(Rc::new(next));
                }
            }
        })
    }

    /// How many fields are wrong now, on the device or by the server's 422: the summary beside
    /// the submit button ([`crate::components::SubmitSummary`]).
    pub fn problems(&self) -> usize {
        let server: HashSet<&str> = self
            .write
            .error
            .as_ref()
            .map(|e| e.fields().iter().map(|f| f.field.as_str()).collect())
            .unwrap_or_default();
        self.invalid.keys().map(String::as_str).chain(server).collect::<HashSet<_>>().len()
    }

    /// What is wrong with `field`: the check on the device first, else the server's 422.
    pub fn error(&self, field: &str) -> Option<String> {
        self.invalid.get(field).cloned().or_else(|| self.write.field(field))
    }

    /// Marks fields wrong by hand (a rule no request type checks); like a refused submit, every
    /// field is checked as it changes from then on.
    pub fn invalidate(&self, invalid: Invalid) {
        if !invalid.is_empty() {
            self.refused.set(true);
        }
        self.invalid.set(Rc::new(invalid));
    }

    /// A write of the form runs.
    pub fn busy(&self) -> bool {
        self.write.busy
    }

    /// The server's error of the last submit, for the `ErrorBanner`.
    pub fn server_error(&self) -> Option<ApiError> {
        self.write.error.clone()
    }

    /// The `onsubmit` of the `<form>`: ignored while a write runs; else `check` the values — its
    /// `Err` marks those fields and sends nothing, its `Ok` is the call to send — then, once the
    /// server took it, `on_done(form, answer)` (`form` to empty it, e.g. `form.reset(..)`).
    pub fn submit<T, Fut>(
        &self,
        check: impl Fn(&F) -> Result<Fut, Invalid> + 'static,
        on_done: impl Fn(Form<F>, T) + 'static,
    ) -> Callback<SubmitEvent>
    where
        T: 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let form = self.clone();
        let on_done = Rc::new(on_done);
        let check = Rc::new(check);
        {
            let check = check.clone();
            *self.recheck.borrow_mut() = Some(Rc::new(move |f: &F| check(f).err().unwrap_or_default()));
        }
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if form.write.busy {
                return;
            }
            match check(form.values()) {
                Err(invalid) => {
                    form.invalidate(invalid);
                    crate::components::focus_first_error();
                }
                Ok(call) => {
                    if !form.invalid.is_empty() {
                        form.invalidate(Invalid::new());
                    }
                    let (done_form, on_done) = (form.clone(), on_done.clone());
                    form.write.run(call, move |answer| on_done(done_form, answer));
                }
            }
        })
    }
}

/// `request` when it keeps the rules of its type (`validator`), else what is wrong, in words.
pub fn checked<R: Validate>(request: R, i18n: &I18n) -> Result<R, Invalid> {
    let invalid = validation::check(&request, i18n);
    if invalid.is_empty() {
        Ok(request)
    } else {
        Err(invalid)
    }
}
