//! The command line (a contract: scripts and CI depend on it). Help texts are French.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::draft::{Account, Author, Platform};

// clap writes its headings in English with no space before the colon: the templates
// write French ones (« Options : »), one template per shape of command.
const ROOT_TEMPLATE: &str = "\
{before-help}{about-with-newline}
Utilisation : {usage}

Commandes :
{subcommands}

Options :
{options}{after-help}";

const ARGS_TEMPLATE: &str = "\
{before-help}{about-with-newline}
Utilisation : {usage}

Arguments :
{positionals}

Options :
{options}{after-help}";

const OPTIONS_TEMPLATE: &str = "\
{before-help}{about-with-newline}
Utilisation : {usage}

Options :
{options}{after-help}";

#[derive(Debug, Parser)]
#[command(
    name = "vigie",
    version,
    about = "Vérifie un brouillon de publication sur les médias sociaux selon la politique de l'organisation qui le publiera.",
    help_template = ROOT_TEMPLATE,
    subcommand_help_heading = "Commandes",
    subcommand_value_name = "COMMANDE",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    after_help = "Exemple : vigie check --profile la-sarre brouillon.md"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Couleurs dans la sortie : auto (si le terminal les accepte et que NO_COLOR n'est pas défini), always, never ; par défaut : auto.
    #[arg(
        long,
        value_enum,
        default_value_t = ColorChoice::Auto,
        global = true,
        // Fixed places in every subcommand's help (by default they follow the number of
        // subcommands, so that adding one would move them).
        display_order = 6,
        value_name = "QUAND",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub color: ColorChoice,

    /// Affiche l'aide.
    #[arg(short = 'h', long = "help", action = clap::ArgAction::Help, global = true, display_order = 7)]
    help: Option<bool>,

    /// Affiche la version.
    #[arg(short = 'V', long = "version", action = clap::ArgAction::Version, display_order = 8)]
    version: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Vérifie des brouillons (fichiers, dossiers, ou l'entrée standard avec « - »).
    #[command(help_template = ARGS_TEMPLATE)]
    Check(CheckArgs),
    /// Liste les profils intégrés.
    #[command(help_template = OPTIONS_TEMPLATE)]
    Profiles,
    /// Explique une règle : ce qu'elle vérifie et, pour un profil, les articles en cause.
    #[command(help_template = ARGS_TEMPLATE)]
    Explain {
        /// La règle (sans règle : la liste des règles, ou celles du profil).
        #[arg(value_name = "RÈGLE")]
        rule: Option<String>,
        /// Le profil dont afficher les articles et les réglages.
        #[arg(long, value_name = "ID")]
        profile: Option<String>,
    },
    /// Écrit le script de complétion de la commande pour un shell (bash, zsh, fish, powershell, elvish).
    #[command(help_template = ARGS_TEMPLATE)]
    Completions {
        /// Le shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Écrit une page de manuel (format roff) : vigie man > vigie.1, vigie man check >
    /// vigie-check.1 ; ou toutes : vigie man --dir man/
    #[command(help_template = ARGS_TEMPLATE)]
    Man {
        /// La commande dont écrire la page (check, explain…) ; sans commande : la page de vigie.
        #[arg(value_name = "COMMANDE")]
        command: Option<String>,
        /// Écrit toutes les pages dans ce dossier (vigie.1, vigie-check.1…).
        #[arg(long, value_name = "DOSSIER", conflicts_with = "command")]
        dir: Option<PathBuf>,
    },
    /// Écrit un fichier vigie.toml commenté dans le dossier courant.
    #[command(help_template = OPTIONS_TEMPLATE)]
    Init {
        /// Le profil de l'organisation.
        #[arg(long, value_name = "ID")]
        profile: Option<String>,
        /// Remplace un vigie.toml existant.
        #[arg(long)]
        force: bool,
    },
    /// Démarre un serveur local : une page pour vérifier une publication, et l'API de
    /// LanguageTool pour l'extension de navigateur, LibreOffice ou LTeX.
    #[command(help_template = OPTIONS_TEMPLATE)]
    Serve(ServeArgs),
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Fichiers ou dossiers à vérifier (« - » : l'entrée standard).
    #[arg(value_name = "CHEMIN")]
    pub paths: Vec<String>,

    /// Profil intégré de l'organisation (voir `vigie profiles`).
    #[arg(long, value_name = "ID", conflicts_with = "policy")]
    pub profile: Option<String>,

    /// Profil personnalisé, fichier TOML.
    #[arg(long, value_name = "FICHIER.toml")]
    pub policy: Option<PathBuf>,

    /// Format de sortie : human (lisible, en français), json (contrat stable, version 1), sarif
    /// (SARIF 2.1.0, pour l'analyse de code) ou github (annotations GitHub Actions) ; par défaut : human.
    #[arg(
        long,
        value_enum,
        default_value_t = OutputFormat::Human,
        value_name = "FORMAT",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub format: OutputFormat,

    /// Compte de publication : official (compte de l'organisation) ou personal (compte personnel, par défaut).
    #[arg(
        long,
        value_enum,
        value_name = "COMPTE",
        hide_possible_values = true,
        ignore_case = true
    )]
    pub account: Option<Account>,

    /// Rôle de l'auteur : employee, communications, council-member, candidate, volunteer ou contractor.
    #[arg(
        long,
        value_enum,
        value_name = "RÔLE",
        hide_possible_values = true,
        ignore_case = true
    )]
    pub author: Option<Author>,

    /// Date de publication (AAAA-MM-JJ) ; par défaut, aujourd'hui.
    #[arg(long, value_name = "AAAA-MM-JJ")]
    pub date: Option<String>,

    /// Plateforme : facebook, x, instagram, linkedin, tiktok, youtube ou other.
    #[arg(
        long,
        value_enum,
        value_name = "NOM",
        hide_possible_values = true,
        ignore_case = true
    )]
    pub platform: Option<Platform>,

    /// Écrit le rapport au format choisi dans ce fichier, et le rapport lisible à l'écran.
    #[arg(long, value_name = "FICHIER")]
    pub output_file: Option<PathBuf>,

    /// Masque les renseignements personnels dans les extraits (par défaut avec sarif et github).
    #[arg(long, overrides_with = "no_redact")]
    pub redact: bool,

    /// Montre les extraits tels quels, même avec sarif et github.
    #[arg(long, overrides_with = "redact")]
    pub no_redact: bool,

    /// « --deny warnings » : les avertissements font aussi échouer. « --deny RÈGLE » : la règle
    /// devient une erreur. Répétable.
    #[arg(long, value_name = "warnings|RÈGLE")]
    pub deny: Vec<String>,

    /// La règle devient un avertissement. Répétable.
    #[arg(long, value_name = "RÈGLE")]
    pub warn: Vec<String>,

    /// La règle est désactivée. Répétable.
    #[arg(long, value_name = "RÈGLE")]
    pub allow: Vec<String>,

    /// Refuse les exceptions écrites dans le texte (<!-- vigie-ignore … -->) : seules
    /// comptent celles de l'en-tête.
    #[arg(long)]
    pub no_inline_ignores: bool,

    /// Applique aussi les exclusions du vigie.toml (« exclude ») aux fichiers nommés sur la
    /// ligne de commande, pas seulement à ceux trouvés dans un dossier (pour l'intégration
    /// continue et pre-commit, qui nomment les fichiers modifiés).
    #[arg(long)]
    pub force_exclude: bool,

    /// Accepte de ne rien vérifier (dossier sans brouillon, entrée standard vide) ; sans
    /// cette option, c'est une erreur (code 2), pour qu'une vérification vide ne passe pas
    /// pour un succès.
    #[arg(long)]
    pub allow_empty: bool,

    /// Corrige ce qui peut l'être : ajoute la mise en garde d'opinion du profil aux
    /// publications personnelles qui en ont besoin. Le fichier est réécrit ; avec l'entrée
    /// standard, la publication corrigée est affichée.
    #[arg(long)]
    pub fix: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Port d'écoute ; par défaut : 8081 (celui d'un serveur LanguageTool local).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 8081,
        hide_default_value = true
    )]
    pub port: u16,

    /// Adresse d'écoute ; par défaut : 127.0.0.1 (cet ordinateur seulement). Une autre
    /// adresse exige un jeton (--token ou VIGIE_TOKEN).
    #[arg(
        long,
        value_name = "ADRESSE",
        default_value = "127.0.0.1",
        hide_default_value = true
    )]
    pub bind: std::net::IpAddr,

    /// Profil intégré de l'organisation (voir `vigie profiles`) ; sinon celui du vigie.toml.
    #[arg(long, value_name = "ID", conflicts_with = "policy")]
    pub profile: Option<String>,

    /// Profil personnalisé, fichier TOML.
    #[arg(long, value_name = "FICHIER.toml")]
    pub policy: Option<PathBuf>,

    /// Compte de publication des textes reçus par l'API de LanguageTool : official ou personal.
    #[arg(long, value_enum, value_name = "COMPTE", hide_possible_values = true)]
    pub account: Option<Account>,

    /// Jeton que chaque requête doit porter (en-tête « Authorization: Bearer JETON », ou
    /// paramètre apiKey ou token) ; aussi lu dans la variable VIGIE_TOKEN.
    #[arg(long, value_name = "JETON")]
    pub token: Option<String>,

    /// Serveur LanguageTool (http://…) à qui transmettre aussi chaque vérification de
    /// l'API : ses constats d'orthographe et de grammaire s'ajoutent à ceux de vigie.
    #[arg(long, value_name = "URL")]
    pub upstream: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Lisible, en français, avec un extrait du texte.
    Human,
    /// Un objet JSON (contrat stable, version 1).
    Json,
    /// SARIF 2.1.0.
    Sarif,
    /// Annotations GitHub Actions.
    Github,
}

impl OutputFormat {
    /// Formats read by CI: personal data is masked there unless asked otherwise.
    pub fn is_ci(self) -> bool {
        matches!(self, OutputFormat::Sarif | OutputFormat::Github)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// A command-line error in French, as vigie's other messages: what is wrong, what is
/// allowed or meant, the usage and where to find help. clap's own text is English.
pub fn french_error(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("une valeur est attendue après {arg}")
        }
        ErrorKind::InvalidValue => format!("valeur inconnue « {value} » pour {arg}"),
        ErrorKind::ValueValidation => format!("valeur invalide « {value} » pour {arg}"),
        ErrorKind::UnknownArgument if arg.starts_with('-') => format!("option inconnue « {arg} »"),
        ErrorKind::UnknownArgument => format!("argument en trop : « {arg} »"),
        ErrorKind::InvalidSubcommand => format!(
            "commande inconnue « {} »",
            text(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => format!("il manque : {arg}"),
        ErrorKind::MissingSubcommand => "il manque la commande".to_string(),
        ErrorKind::ArgumentConflict => match text(ContextKind::PriorArg) {
            Some(prior) => format!("{arg} ne peut pas s'employer avec {prior}"),
            None => format!("{arg} ne peut pas s'employer ici"),
        },
        ErrorKind::NoEquals => format!("{arg} demande sa valeur après un « = »"),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("nombre de valeurs incorrect pour {arg}")
        }
        ErrorKind::InvalidUtf8 => "un argument n'est pas du texte UTF-8 valide".to_string(),
        _ => "ligne de commande invalide".to_string(),
    };
    message = format!("vigie : {message}\n");
    if let Some(valid) = text(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
        message.push_str(&format!("  → valeurs permises : {valid}\n"));
    }
    let suggested = [
        ContextKind::SuggestedValue,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
    ]
    .into_iter()
    .find_map(text);
    if let Some(s) = suggested {
        message.push_str(&format!("  → vouliez-vous dire « {s} » ?\n"));
    }
    let mut help = "vigie --help".to_string();
    if let Some(usage) = text(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        message.push_str(&format!("\nUtilisation : {usage}\n"));
        // "vigie check …": the help of that command.
        if let Some(command) = usage
            .split_whitespace()
            .nth(1)
            .filter(|w| w.chars().all(|c| c.is_ascii_lowercase()))
        {
            help = format!("vigie {command} --help");
        }
    }
    message.push_str(&format!("Pour l'aide : {help}\n"));
    message
}
