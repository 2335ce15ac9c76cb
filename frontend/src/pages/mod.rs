//! One component per screen.

mod audit;
mod behavior_editor;
mod employee_form;
mod employees;
mod forbidden;
mod home;
mod login;
mod not_found;
mod notifications;
mod performance_map;
mod pk_goal_form;
mod profile;
mod rhk_form;
mod settings;
mod settings_draft;
mod skp_detail;
mod skp_mine;
mod skp_team;
mod unit_form;
mod units;

pub use audit::Audit;
pub use employees::Employees;
pub use forbidden::Forbidden;
pub use home::Home;
pub use login::Login;
pub use not_found::NotFound;
pub use notifications::Notifications;
pub use performance_map::PerformanceMap;
pub use profile::Profile;
pub use settings::Settings;
pub use skp_detail::SkpDetail;
pub use skp_mine::MySkp;
pub use skp_team::TeamSkp;
pub use units::Units;

use kinerja_types::Me;
use std::rc::Rc;
use yew::Properties;

/// Props of a page that needs the signed-in user.
#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub me: Rc<Me>,
}
