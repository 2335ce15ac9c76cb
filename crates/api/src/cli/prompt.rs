//! Asking before a destructive command: on a terminal the operator types "ya"; without one (a
//! script) the command refuses unless given `--yes`.

use std::io::{BufRead, IsTerminal, Write};

/// Asks `question` (ending in "Ketik 'ya': "); `without_terminal` is the refusal when no one can answer.
pub fn confirm(question: &str, without_terminal: &str) -> anyhow::Result<bool> {
    let stdin = std::io::stdin();
    anyhow::ensure!(stdin.is_terminal(), "{without_terminal}: add --yes to confirm");
    print!("{question}");
    std::io::stdout().flush()?;
    let mut answer = String::new();
    stdin.lock().read_line(&mut answer)?;
    Ok(answer.trim().eq_ignore_ascii_case("ya"))
}
