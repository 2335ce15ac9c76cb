//! A listener on an event of the window (`online`, `offline`, `beforeprint`) that lives as long
//! as its owner: added when made, removed when dropped.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Listens to the window's event `name` until dropped.
pub struct WindowEvent(&'static str, Closure<dyn FnMut()>);

impl WindowEvent {
    pub fn new(name: &'static str, callback: impl FnMut() + 'static) -> Self {
        let closure = Closure::<dyn FnMut()>::new(callback);
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
        }
        Self(name, closure)
    }
}

impl Drop for WindowEvent {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(self.0, self.1.as_ref().unchecked_ref());
        }
    }
}
