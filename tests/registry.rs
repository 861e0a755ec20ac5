//! Self-tests of the rule registry and the built-in profiles: unique rule ids, every
//! rule documented and used, every article cited present, and every quote faithful to
//! the adopted policy text in `policies/sources/`.

use std::collections::HashSet;
use std::path::Path;

use vigie::checks::RULES;
use vigie::policy::builtin::PROFILES;

#[test]
fn rule_ids_are_unique_kebab_case_and_documented() {
    let mut seen = HashSet::new();
    for rule in RULES {
        assert!(seen.insert(rule.id), "duplicate rule id {}", rule.id);
        assert!(
            rule.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "rule id {} is not kebab-case",
            rule.id
        );
        assert!(!rule.name.is_empty(), "{} has no name", rule.id);
        assert!(
            rule.doc.len() > 200,
            "{}: the documentation is too short to help",
            rule.id
        );
        assert!(
            rule.doc.contains("Exemple"),
            "{}: the documentation has no example",
            rule.id
        );
        assert!(
            rule.doc.contains("Correction"),
            "{}: the documentation does not say how to fix",
            rule.id
        );
    }
}

#[test]
fn every_profile_loads_and_every_enabled_rule_cites_an_article() {
    for (id, _) in PROFILES {
        let policy = vigie::load_builtin_policy(id).unwrap_or_else(|e| panic!("{id}: {e:?}"));
        assert_eq!(&policy.id, id);
        for (rule, settings) in &policy.rules {
            if settings.enabled {
                assert!(
                    !settings.articles.is_empty(),
                    "{id}: rule {rule} cites no article"
                );
            }
        }
    }
}

#[test]
fn every_rule_is_enabled_by_some_profile_and_has_fixtures() {
    // The rules that some labelled post expects: "rule[/kind][: excerpt]".
    let mut expected: HashSet<String> = HashSet::new();
    for entry in
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/accuracy")).unwrap()
    {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        let set: toml::Table = std::fs::read_to_string(&path).unwrap().parse().unwrap();
        let posts = set.get("post").and_then(|p| p.as_array());
        for post in posts.into_iter().flatten() {
            let expects = post.get("expect").and_then(|e| e.as_array());
            for e in expects.into_iter().flatten() {
                let e = e.as_str().unwrap();
                let rule = e.split([':', '/']).next().unwrap().trim();
                expected.insert(rule.to_string());
            }
        }
    }
    for rule in RULES {
        let used = PROFILES.iter().any(|(id, _)| {
            vigie::load_builtin_policy(id)
                .unwrap()
                .rule(rule.id)
                .is_some_and(|s| s.enabled)
        });
        assert!(used, "no built-in profile enables {}", rule.id);
        assert!(
            expected.contains(rule.id),
            "no labelled post expects a finding of {}",
            rule.id
        );
    }
}

/// Folds a text for comparing a quote with its source: case, accents, apostrophes,
/// whitespace, and the OCR slips of the Drummondville copy.
fn normalize(text: &str) -> String {
    // List bullets ("- ", and the OCR's "+ ", "* ", "« ") are not words of the article.
    let text: String = text
        .lines()
        .map(|l| {
            l.trim_start()
                .trim_start_matches(['-', '+', '*', '•'])
                .trim_start()
        })
        .collect::<Vec<_>>()
        .join("\n");
    let text = text
        .replace("Drummondbville", "Drummondville")
        .replace("Drummonadbville", "Drummondville")
        .replace("Drummonadville", "Drummondville")
        .replace(['*', '|'], "")
        .replace("I'", "l'")
        .replace("’'", "'")
        .replace("gu'", "qu'");
    let folded = vigie::text::fold(&text);
    let folded = folded.replace("''", "'").replace(" 'e", " l'e");
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_quote_is_faithful_to_the_adopted_policy() {
    let sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("policies/sources");
    for (id, _) in PROFILES {
        let source =
            std::fs::read_to_string(sources.join(format!("{id}.txt"))).expect("policy source");
        let source = normalize(&source);
        let policy = vigie::load_builtin_policy(id).unwrap();
        for (key, article) in &policy.articles {
            for fragment in article.quote.split('…') {
                let fragment = normalize(fragment.trim().trim_start_matches(':').trim());
                if fragment.chars().filter(|c| c.is_alphabetic()).count() < 3 {
                    continue;
                }
                assert!(
                    source.contains(&fragment),
                    "{id}: article {key} is not quoted word for word:\n  {fragment}"
                );
            }
        }
    }
}

#[test]
fn the_readme_team_config_is_valid() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/team/vigie.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let (_, problems) = vigie::policy::load::parse_layer(
        "vigie.toml",
        &text,
        vigie::policy::load::LayerKind::Config,
    );
    assert!(problems.is_empty(), "{problems:?}");
    vigie::engine::Engine::load(&Default::default(), Some(&path))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    assert!(
        readme.contains(text.trim()),
        "the README shows another vigie.toml than examples/team/vigie.toml"
    );
}

#[test]
fn the_readme_custom_profile_is_valid() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("examples/profil-personnalise.toml");
    let choice = vigie::engine::ProfileChoice {
        policy: Some(path.clone()),
        ..Default::default()
    };
    let engine = vigie::engine::Engine::load(&choice, None).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(engine.policy.id, "la-sarre-comms");
    let text = std::fs::read_to_string(&path).unwrap();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(
        readme.contains(text.trim()),
        "the README shows another custom profile than examples/profil-personnalise.toml"
    );
}

#[test]
fn the_readme_shows_the_real_output_of_its_example() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let head = "```text\n$ vigie check --profile la-sarre examples/drafts/fete-de-quartier.md\n";
    let start = readme.find(head).expect("the README's example") + head.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args([
            "check",
            "--color",
            "never",
            "--profile",
            "la-sarre",
            "examples/drafts/fete-de-quartier.md",
        ])
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(
        shown,
        String::from_utf8(out.stdout).unwrap(),
        "update the README's example output"
    );
}
