//! `kinerja admin create`.

use crate::audit::Actor;
use kinerja_domain::Role;
use kinerja_types::NewUser;
use sea_orm::DatabaseConnection;
use std::io::IsTerminal;

pub async fn create(db: &DatabaseConnection, username: &str) -> anyhow::Result<()> {
    let password = match std::env::var("KINERJA_ADMIN_PASSWORD") {
        Ok(p) if !p.is_empty() => p,
        _ if std::io::stdin().is_terminal() => {
            let first = rpassword::prompt_password("Kata sandi: ")?;
            let again = rpassword::prompt_password("Ulangi kata sandi: ")?;
            anyhow::ensure!(first == again, "kedua kata sandi tidak sama");
            first
        }
        _ => anyhow::bail!("set KINERJA_ADMIN_PASSWORD or run on a terminal to be asked"),
    };
    let user =
        NewUser { username: username.to_owned(), password, roles: vec![Role::Admin], employee_id: None, unit_id: None };
    let created = crate::services::accounts::create(db, &Actor::cli(), &user)
        .await
        .map_err(|e| anyhow::anyhow!("{}", e.problem().detail))?;
    println!("Admin '{}' dibuat (id {}).", created.username, created.id);
    Ok(())
}
