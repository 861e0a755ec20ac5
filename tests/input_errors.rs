//! Every bad input the README lists, checked beside a good draft in every output format:
//! the error is on standard error, in French, with the file (and the line and column
//! where they apply) whatever the format; the machine formats also carry it where they
//! have a place for it (JSON `input_errors`, SARIF tool notifications, GitHub `::error`
//! lines); the good draft is still checked; the exit status is 2.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// One bad input: the file, its bytes (`None`: the path does not exist), and what
/// vigie must say about it.
struct Case {
    path: &'static str,
    bytes: Option<&'static [u8]>,
    position: Option<(usize, usize)>,
    message: &'static str,
}

const CASES: &[Case] = &[
    Case {
        path: "cle-inconnue.md",
        bytes: Some(b"+++\nacount = \"personal\"\n+++\nBonjour \xc3\xa0 tous.\n"),
        position: Some((2, 1)),
        message: "en-tête : clé inconnue « acount »",
    },
    Case {
        path: "en-tete-ouvert.md",
        bytes: Some(b"+++\naccount = \"official\"\nBonjour\n"),
        position: Some((1, 1)),
        message: "l'en-tête TOML ouvert par « +++ » n'est jamais fermé",
    },
    Case {
        path: "toml-casse.md",
        bytes: Some(b"+++\naccount = \"official\n+++\nBonjour\n"),
        position: Some((2, 20)),
        message: "en-tête : chaîne non fermée : il manque le guillemet « \" » de la fin",
    },
    Case {
        path: "yaml-casse.md",
        bytes: Some(b"---\naccount: \"official\n---\nBonjour\n"),
        position: Some((3, 1)),
        message: "en-tête : fin inattendue : un guillemet ou un crochet n'est pas fermé",
    },
    Case {
        path: "mauvais-type.md",
        bytes: Some(b"+++\nemergency = \"oui\"\n+++\nBonjour\n"),
        position: Some((2, 13)),
        message: "en-tête : « emergency » : type invalide : attendu un booléen (true ou false), trouvé la chaîne",
    },
    Case {
        path: "valeur-inconnue.md",
        bytes: Some(b"---\naccount: officiel\n---\nBonjour\n"),
        position: Some((2, 10)),
        message: "en-tête : « account » : valeur inconnue",
    },
    Case {
        path: "mauvaise-date.md",
        bytes: Some(b"+++\npublish_at = \"demain\"\n+++\nBonjour\n"),
        position: Some((2, 1)),
        message: "en-tête : date invalide : écrivez AAAA-MM-JJ",
    },
    Case {
        path: "sans-raison.md",
        bytes: Some(b"+++\n[[ignore]]\nrule = \"shouting\"\n+++\nBonjour\n"),
        position: Some((2, 1)),
        message: "en-tête : « ignore » : clé obligatoire « reason » manquante",
    },
    Case {
        path: "latin1.md",
        bytes: Some(b"Bonjour\nvoil\xe0 tout\n"),
        position: Some((2, 5)),
        message: "le texte n'est pas encodé en UTF-8",
    },
    Case {
        path: "binaire.md",
        bytes: Some(b"PNG\0\0"),
        position: None,
        message: "fichier binaire : ce n'est pas un brouillon texte",
    },
    Case {
        path: "absent.md",
        bytes: None,
        position: None,
        message: "impossible de lire : fichier ou dossier introuvable",
    },
    Case {
        path: "lien-casse.md",
        bytes: None,
        position: None,
        message: "impossible de lire : fichier ou dossier introuvable",
    },
    Case {
        path: "sous/vigie.toml",
        bytes: Some(b"profil = \"la-sarre\"\n"),
        position: Some((1, 1)),
        message: "clé inconnue « profil »",
    },
];

/// The good draft checked beside the bad ones: one `shouting` warning.
const GOOD: &str = "bon.md";

/// The fixture folder, made once per test process.
fn fixtures() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("vigie-input-errors-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sous")).unwrap();
        for case in CASES {
            if let Some(bytes) = case.bytes {
                std::fs::write(dir.join(case.path), bytes).unwrap();
            }
        }
        std::os::unix::fs::symlink("absent.md", dir.join("lien-casse.md")).unwrap();
        std::fs::write(dir.join("sous/post.md"), "Bonjour\n").unwrap();
        std::fs::write(dir.join(GOOD), "ARRÊTEZ DE VOLER NOS BACS DE RECYCLAGE\n").unwrap();
        dir
    })
}

fn vigie(format: &str) -> Output {
    let dir = fixtures();
    let mut args = vec!["check", "--profile", "la-sarre", "--format", format];
    args.extend(CASES.iter().map(|c| c.path).filter(|p| !p.contains('/')));
    args.extend(["sous", GOOD]);
    Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(&args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("vigie runs")
}

fn where_(case: &Case) -> String {
    match case.position {
        Some((line, column)) => format!("{}:{line}:{column}", case.path),
        None => case.path.to_string(),
    }
}

/// Exit 2, and every case on standard error, in French, with its place.
fn assert_stderr(format: &str, out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "--format {format}:\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for case in CASES {
        let expected = format!("erreur : {} : {}", where_(case), case.message);
        assert!(
            stderr.contains(&expected),
            "--format {format}: « {expected} » missing from standard error:\n{stderr}"
        );
    }
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.starts_with("erreur : "))
            .count(),
        CASES.len(),
        "--format {format}: one error per bad input:\n{stderr}"
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn human_format_reports_every_bad_input_on_stderr() {
    let out = vigie("human");
    let stdout = assert_stderr("human", &out);
    assert!(stdout.contains("avertissement[shouting]"), "{stdout}");
    assert!(stdout.contains(&format!("--> {GOOD}:1:1")), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "{} problèmes dans les fichiers ou les réglages",
            CASES.len()
        )),
        "{stdout}"
    );
}

#[test]
fn json_format_reports_every_bad_input_on_stderr_and_in_input_errors() {
    let out = vigie("json");
    let stdout = assert_stderr("json", &out);
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("stdout is JSON only");
    let errors = json["input_errors"].as_array().unwrap();
    assert_eq!(errors.len(), CASES.len(), "{errors:#?}");
    for case in CASES {
        let error = errors
            .iter()
            .find(|e| e["path"] == case.path)
            .unwrap_or_else(|| panic!("{} missing from input_errors", case.path));
        assert!(
            error["message"].as_str().unwrap().starts_with(case.message),
            "{error}"
        );
        let position = case.position.map(|(l, c)| (l as u64, c as u64));
        assert_eq!(
            error["line"].as_u64().zip(error["column"].as_u64()),
            position,
            "{error}"
        );
    }
    assert_eq!(json["findings"][0]["path"], GOOD);
    assert_eq!(json["findings"][0]["rule"], "shouting");
}

#[test]
fn sarif_format_reports_every_bad_input_on_stderr_and_as_notifications() {
    let out = vigie("sarif");
    let stdout = assert_stderr("sarif", &out);
    let sarif: serde_json::Value = serde_json::from_str(&stdout).expect("stdout is SARIF only");
    let run = &sarif["runs"][0];
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), CASES.len(), "{notes:#?}");
    for case in CASES {
        let note = notes
            .iter()
            .find(|n| n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == case.path)
            .unwrap_or_else(|| panic!("{} missing from the notifications", case.path));
        assert_eq!(note["level"], "error");
        assert!(
            note["message"]["text"]
                .as_str()
                .unwrap()
                .starts_with(case.message),
            "{note}"
        );
        let region = &note["locations"][0]["physicalLocation"]["region"];
        let position = case.position.map(|(l, c)| (l as u64, c as u64));
        assert_eq!(
            region["startLine"]
                .as_u64()
                .zip(region["startColumn"].as_u64()),
            position,
            "{note}"
        );
    }
    assert_eq!(run["results"][0]["ruleId"], "shouting");
}

#[test]
fn github_format_reports_every_bad_input_on_stderr_and_as_error_annotations() {
    let out = vigie("github");
    let stdout = assert_stderr("github", &out);
    for case in CASES {
        let props = match case.position {
            Some((l, c)) => format!("file={},line={l},col={c},title=vigie", case.path),
            None => format!("file={},title=vigie", case.path),
        };
        let expected = format!("::error {props}::{}", case.message);
        assert!(
            stdout.lines().any(|l| l.starts_with(&expected)),
            "« {expected} » missing from:\n{stdout}"
        );
    }
    assert!(
        stdout.contains(&format!("::warning file={GOOD},line=1,col=1,")),
        "{stdout}"
    );
}
