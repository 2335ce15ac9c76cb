//! `kinerja`: the one binary of the product. All logic lives in the library; this only runs it.

fn main() -> std::process::ExitCode {
    kinerja_api::cli::main()
}
