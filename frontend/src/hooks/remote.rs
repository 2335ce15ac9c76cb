//! `use_remote`: load something from the API when the inputs change, keep the last answer on
//! screen while a new one loads, and drop answers that arrive after a newer request started.

use crate::api::ApiError;
use std::future::Future;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// What a page knows about one remote resource.
#[derive(Debug, PartialEq)]
pub struct Remote<T> {
    /// The last answer, kept while reloading.
    pub data: Option<Rc<T>>,
    pub error: Option<ApiError>,
    pub loading: bool,
    /// Which request the state waits for; older answers are ignored.
    round: u32,
}

impl<T> Clone for Remote<T> {
    fn clone(&self) -> Self {
        Self { data: self.data.clone(), error: self.error.clone(), loading: self.loading, round: self.round }
    }
}

/// What happens to a [`Remote`]: a request starts, or one finishes.
pub enum RemoteAction<T> {
    Started(u32),
    Finished(u32, Result<T, ApiError>),
}

impl<T> Reducible for Remote<T> {
    type Action = RemoteAction<T>;

    fn reduce(self: Rc<Self>, action: RemoteAction<T>) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            RemoteAction::Started(round) => {
                next.round = round;
                next.loading = true;
            }
            RemoteAction::Finished(round, _) if round != self.round => return self,
            RemoteAction::Finished(_, Ok(data)) => {
                next.data = Some(Rc::new(data));
                next.error = None;
                next.loading = false;
            }
            RemoteAction::Finished(_, Err(error)) => {
                next.error = Some(error);
                next.loading = false;
            }
        }
        Rc::new(next)
    }
}

/// A loaded resource and a way to load it again.
pub struct RemoteHandle<T: 'static> {
    pub state: UseReducerHandle<Remote<T>>,
    pub reload: Callback<()>,
}

/// Calls `load(inputs)` now and whenever `inputs` change or `reload` is emitted.
#[hook]
pub fn use_remote<T, D, F, Fut>(inputs: D, load: F) -> RemoteHandle<T>
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: Fn(D) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let state = use_reducer(|| Remote { data: None, error: None, loading: true, round: 0 });
    let reloads = use_state(|| 0u32);
    let rounds = use_mut_ref(|| 0u32);
    {
        let dispatcher = state.dispatcher();
        use_effect_with((inputs, *reloads), move |(inputs, _)| {
            let round = {
                let mut rounds = rounds.borrow_mut();
                *rounds += 1;
                *rounds
            };
            dispatcher.dispatch(RemoteAction::Started(round));
            let pending = load(inputs.clone());
            spawn_local(async move {
                let outcome = pending.await;
                dispatcher.dispatch(RemoteAction::Finished(round, outcome));
            });
        });
    }
    let reload = {
        let reloads = reloads.clone();
        Callback::from(move |()| reloads.set(reloads.wrapping_add(1)))
    };
    RemoteHandle { state, reload }
}
