//! `vigie`: parse the command line, run, exit with the status the library decides.

use clap::Parser;

fn main() {
    let cli = vigie::cli::Cli::parse();
    let status = vigie::run(cli);
    std::process::exit(status);
}
