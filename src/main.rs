//! `vigie`: parse the command line, run, exit with the status the library decides.

use clap::Parser;

fn main() {
    // A bug says where it is, in French; the draft it stopped is named by its report.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        let what = vigie::engine::panic_message(info.payload());
        eprintln!("vigie : erreur interne{place} : {what}");
    }));
    let cli = match vigie::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind::*;
            // Help and version go out as clap writes them (in French: our templates);
            // errors in French, with status 2.
            if matches!(
                e.kind(),
                DisplayHelp | DisplayVersion | DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                let _ = e.print();
                std::process::exit(e.exit_code());
            }
            eprint!("{}", vigie::cli::french_error(&e));
            std::process::exit(vigie::EXIT_ERROR);
        }
    };
    let status = vigie::run(cli);
    std::process::exit(status);
}
