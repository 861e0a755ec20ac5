//! The GitHub Action (`action.yml`) tried for real: its scripts run on a throw-away git
//! repository whose drafts have accented and spaced names, as a pull request changes
//! them, and hand the right drafts to the vigie built by this test run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A git repository of drafts in a fresh folder under the target directory.
struct Repo {
    dir: PathBuf,
}

impl Repo {
    fn new(name: &str) -> Repo {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let repo = Repo { dir };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    fn git(&self, args: &[&str]) -> String {
        let out = Command::new("git")
            .args(args)
            .current_dir(&self.dir)
            .env("GIT_AUTHOR_NAME", "Équipe des communications")
            .env("GIT_AUTHOR_EMAIL", "comms@example.invalid")
            .env("GIT_COMMITTER_NAME", "Équipe des communications")
            .env("GIT_COMMITTER_EMAIL", "comms@example.invalid")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("git runs");
        assert!(out.status.success(), "git {args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn commit(&self, message: &str) -> String {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
        self.git(&["rev-parse", "HEAD"])
    }

    fn script(&self, name: &str, args: &[&str]) -> Output {
        Command::new("bash")
            .arg(Path::new(ROOT).join("scripts/action").join(name))
            .args(args)
            .current_dir(&self.dir)
            .env("VIGIE", env!("CARGO_BIN_EXE_vigie"))
            .output()
            .expect("bash runs")
    }

    /// Runs changed-drafts.sh and returns its outputs and the drafts it lists.
    fn changed(&self, base: &str, roots: &[&str]) -> (String, Vec<String>) {
        let list = self.dir.join("../".to_string() + &self.name() + ".list");
        let list = list.to_str().unwrap().to_string();
        let mut args = vec![base, "HEAD", &list];
        args.extend(roots);
        let out = self.script("changed-drafts.sh", &args);
        assert!(out.status.success(), "{out:?}");
        let raw = std::fs::read(&list).unwrap();
        let drafts = raw
            .split(|&b| b == 0)
            .filter(|s| !s.is_empty())
            .map(|s| String::from_utf8(s.to_vec()).unwrap())
            .collect();
        (String::from_utf8(out.stdout).unwrap(), drafts)
    }

    /// Runs run-vigie.sh on the list changed-drafts.sh wrote, with a SARIF report.
    fn check(&self, options: &[&str]) -> (i32, String, String) {
        let list = format!("{}/../{}.list", self.dir.display(), self.name());
        let sarif = format!("{}/../{}.sarif", self.dir.display(), self.name());
        let _ = std::fs::remove_file(&sarif);
        let mut args = vec![list.as_str(), sarif.as_str()];
        args.extend(options);
        let out = self.script("run-vigie.sh", &args);
        let sarif = std::fs::read_to_string(&sarif).unwrap_or_default();
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap(),
            sarif,
        )
    }

    fn name(&self) -> String {
        self.dir.file_name().unwrap().to_str().unwrap().to_string()
    }
}

const PRIVATE_PHONE: &str =
    "Pour le déneigement, appelez Jean Tremblay chez lui au 819 555-1234.\n";
const CLEAN: &str = "Bel été à tous : la piscine municipale ouvre samedi.\n";

/// A repository on `main` with a team configuration and three clean drafts, one of
/// which is never touched by the pull request.
fn team_repo(name: &str) -> (Repo, String) {
    let repo = Repo::new(name);
    repo.write("vigie.toml", "profile = \"la-sarre\"\n");
    repo.write("brouillons/déneigement.md", CLEAN);
    repo.write("avis d'été.md", CLEAN);
    repo.write("archives/vieux brouillon.md", CLEAN);
    let base = repo.commit("brouillons de départ");
    repo.git(&["checkout", "-q", "-b", "demande"]);
    (repo, base)
}

#[test]
fn only_the_changed_drafts_are_checked_whatever_their_names() {
    let (repo, base) = team_repo("action-changed");
    // Not part of the pull request: a draft broken on main after the branch started
    // would be someone else's; here the untouched one stays clean.
    repo.write("brouillons/déneigement.md", PRIVATE_PHONE);
    repo.write("avis d'été.md", &format!("{CLEAN}Baignade surveillée.\n"));
    repo.write("notes.rst", "pas un brouillon\n");
    repo.commit("deux brouillons modifiés");

    let (outputs, drafts) = repo.changed(&base, &[]);
    assert_eq!(drafts, ["avis d'été.md", "brouillons/déneigement.md"]);
    assert!(
        outputs.contains("count=2") && outputs.contains("all=false"),
        "{outputs}"
    );

    let (status, annotations, sarif) = repo.check(&[]);
    assert_eq!(
        status, 1,
        "the private phone number fails the check:\n{annotations}"
    );
    assert!(
        annotations.contains("::error file=brouillons/déneigement.md,line=1,"),
        "{annotations}"
    );
    assert!(!annotations.contains("impossible de lire"), "{annotations}");
    assert!(sarif.contains("brouillons/d%C3%A9neigement.md"), "{sarif}");
    assert!(sarif.contains("avis%20d%27%C3%A9t%C3%A9.md"), "{sarif}");
    assert!(!sarif.contains("vieux"), "an untouched draft was checked");

    // The author fixes the draft: the same pull request now passes.
    repo.write("brouillons/déneigement.md", CLEAN);
    repo.commit("numéro retiré");
    let (status, annotations, _) = repo.check(&[]);
    assert_eq!(status, 0, "{annotations}");
}

#[test]
fn the_paths_input_keeps_the_drafts_of_those_folders() {
    let (repo, base) = team_repo("action-roots");
    repo.write("brouillons/déneigement.md", PRIVATE_PHONE);
    repo.write("avis d'été.md", PRIVATE_PHONE);
    repo.commit("deux brouillons fautifs");
    let (_, drafts) = repo.changed(&base, &["./brouillons/"]);
    assert_eq!(drafts, ["brouillons/déneigement.md"]);
    let (status, annotations, _) = repo.check(&[]);
    assert_eq!(status, 1);
    assert!(!annotations.contains("avis"), "{annotations}");
}

#[test]
fn a_configuration_change_rechecks_every_draft() {
    let (repo, base) = team_repo("action-config");
    // On main, an old draft in capitals passed while shouting was off for archives.
    repo.git(&["checkout", "-q", "main"]);
    repo.write(
        "vigie.toml",
        "profile = \"la-sarre\"\n\n[[overrides]]\npaths = [\"archives/**\"]\nrules = { shouting = \"off\" }\n",
    );
    repo.write(
        "archives/vieux brouillon.md",
        "GRANDE FÊTE DE QUARTIER CE SAMEDI AU PARC, VENEZ EN GRAND NOMBRE !\n",
    );
    let base_with_override = repo.commit("archives tolérées");
    let _ = base;
    repo.git(&["checkout", "-q", "-b", "plus-severe"]);
    // The pull request only changes the configuration: shouting becomes an error, and
    // a folder of old posters is left out.
    repo.write(
        "vigie.toml",
        "profile = \"la-sarre\"\nexclude = [\"vieux/**\"]\n\n[rules.shouting]\nseverity = \"error\"\n",
    );
    repo.write(
        "vieux/affiche.md",
        "VENTE DE GARAGE CE SAMEDI, TOUT DOIT PARTIR !\n",
    );
    repo.commit("les majuscules sont des erreurs partout");

    let (outputs, drafts) = repo.changed(&base_with_override, &[]);
    assert_eq!(
        drafts,
        [
            "archives/vieux brouillon.md",
            "avis d'été.md",
            "brouillons/déneigement.md",
            "vieux/affiche.md"
        ]
    );
    assert!(outputs.contains("all=true"), "{outputs}");
    let (status, annotations, _) = repo.check(&[]);
    assert_eq!(status, 1, "{annotations}");
    assert!(
        annotations.contains("file=archives/vieux brouillon.md"),
        "{annotations}"
    );
    // Named by the action, yet excluded by the vigie.toml: not checked.
    assert!(!annotations.contains("vieux/affiche.md"), "{annotations}");
}

#[test]
fn no_base_checks_everything_and_no_draft_checks_nothing() {
    let (repo, base) = team_repo("action-edges");
    let (outputs, drafts) =
        repo.changed("0000000000000000000000000000000000000000", &["brouillons"]);
    assert_eq!(drafts, ["brouillons/déneigement.md"]);
    assert!(outputs.contains("all=true"), "{outputs}");

    repo.write("notes.rst", "pas un brouillon\n");
    repo.commit("rien à vérifier");
    let (outputs, drafts) = repo.changed(&base, &[]);
    assert!(
        drafts.is_empty() && outputs.contains("count=0"),
        "{outputs}"
    );
    let (status, out, sarif) = repo.check(&[]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("aucun brouillon modifié"), "{out}");
    assert!(sarif.is_empty());
}

/// The action's steps call scripts that exist and read only declared inputs.
#[test]
fn the_action_definition_matches_its_scripts() {
    let text = std::fs::read_to_string(Path::new(ROOT).join("action.yml")).unwrap();
    let action: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).unwrap();
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let inputs = action["inputs"].as_mapping().unwrap();
    for (at, _) in text.match_indices("inputs.") {
        let name: String = text[at + "inputs.".len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        assert!(
            inputs.contains_key(name.as_str()),
            "action.yml reads an undeclared input « {name} »"
        );
    }
    let mut scripts = 0;
    for (at, _) in text.match_indices("scripts/action/") {
        let name: String = text[at..]
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '"')
            .collect();
        if !name.ends_with(".sh") {
            continue;
        }
        assert!(Path::new(ROOT).join(&name).is_file(), "{name} is missing");
        scripts += 1;
    }
    assert!(scripts >= 3, "the action runs its three scripts");
}

/// The example workflow uses the action, and no action on the Node 20 runtime GitHub
/// is retiring.
#[test]
fn the_example_workflow_uses_the_action_on_current_runtimes() {
    let example =
        std::fs::read_to_string(Path::new(ROOT).join("examples/github/vigie.yml")).unwrap();
    let action = std::fs::read_to_string(Path::new(ROOT).join("action.yml")).unwrap();
    assert!(example.contains("uses: OWNER/vigie@"), "{example}");
    assert!(
        !example.contains("cargo install"),
        "the example builds vigie itself"
    );
    const NODE20: &[&str] = &[
        "actions/checkout@v4",
        "actions/checkout@v3",
        "actions/cache@v4",
        "actions/cache@v3",
        "github/codeql-action/upload-sarif@v3",
        "github/codeql-action/upload-sarif@v2",
    ];
    for text in [&example, &action] {
        for old in NODE20 {
            assert!(!text.contains(old), "{old} runs on Node 20");
        }
    }
}
