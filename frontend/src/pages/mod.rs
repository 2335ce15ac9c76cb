//! One component per screen.

mod audit;
mod employee_form;
mod employees;
mod forbidden;
mod home;
mod login;
mod not_found;
mod profile;
mod settings;
mod settings_draft;
mod unit_form;
mod units;

pub use audit::Audit;
pub use employees::Employees;
pub use forbidden::Forbidden;
pub use home::Home;
pub use login::Login;
pub use not_found::NotFound;
pub use profile::Profile;
pub use settings::Settings;
pub use units::Units;

use kinerja_types::Me;
use std::rc::Rc;
use yew::Properties;

/// Props of a page that needs the signed-in user.
#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub me: Rc<Me>,
}
