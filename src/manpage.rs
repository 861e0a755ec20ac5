//! The man pages, generated from the command-line definition (clap_mangen) with French
//! section titles: one for `vigie` and one per command (`vigie-check.1`…), each with
//! its options and the exit statuses, so that the pages the main one points at exist.

use std::path::{Path, PathBuf};

use clap::CommandFactory;

use crate::cli::Cli;

/// The exit statuses, as `vigie check` documents them (a contract).
const EXIT_STATUS: &str = r#".SH "CODES DE SORTIE"
.TP
\fB0\fR
Aucun constat bloquant.
.TP
\fB1\fR
Au moins une erreur (ou un avertissement avec \fB\-\-deny warnings\fR).
.TP
\fB2\fR
Problème d'utilisation, de réglage ou de fichier : le message dit quel fichier, quelle
ligne, quelle colonne, et quoi faire.
"#;

/// clap_mangen's English section titles and their French names.
const TITLES: &[(&str, &str)] = &[
    (".SH NAME", ".SH NOM"),
    (".SH SUBCOMMANDS", ".SH COMMANDES"),
    (".SH EXTRA", ".SH EXEMPLE"),
    (".SH VERSION", ".SH VERSION"),
];

/// The names of the commands that have a page of their own.
pub fn commands() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

/// The page of `vigie` (no command) or of one of its commands; `None` for an unknown
/// command.
pub fn page(command: Option<&str>) -> Option<String> {
    let root = Cli::command();
    let (cmd, see_also) = match command {
        None => {
            let see: Vec<String> = commands().iter().map(|c| format!("vigie-{c}(1)")).collect();
            (root, see)
        }
        Some(name) => {
            let sub = root.find_subcommand(name)?.clone();
            let sub = sub
                .name(format!("vigie-{name}"))
                .bin_name(format!("vigie {name}"))
                .version(env!("CARGO_PKG_VERSION"));
            (sub, vec!["vigie(1)".to_string()])
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut out)
        .expect("writing to memory");
    let mut text = String::from_utf8(out).expect("roff is UTF-8");
    for (english, french) in TITLES {
        text = text.replace(english, french);
    }
    text.push_str(EXIT_STATUS);
    text.push_str(&format!(".SH \"VOIR AUSSI\"\n{}\n", see_also.join(", ")));
    Some(text)
}

/// Writes every page into a folder; returns the files written.
pub fn write_all(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    let names = std::iter::once(None).chain(commands().into_iter().map(Some));
    for name in names {
        let file = match &name {
            None => dir.join("vigie.1"),
            Some(n) => dir.join(format!("vigie-{n}.1")),
        };
        let text = page(name.as_deref()).expect("a command of the definition");
        crate::fsutil::write_atomically(&file, text.as_bytes())?;
        written.push(file);
    }
    Ok(written)
}
