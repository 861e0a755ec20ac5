//! The SARIF output validates against the SARIF 2.1.0 JSON schema (the schema ships in
//! the `serde-sarif` crate, a dev-dependency, so no download is needed), and
//! deserializes into `serde-sarif`'s typed model.

use std::path::PathBuf;
use std::process::Command;

fn schema_path() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata");
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata JSON");
    let manifest = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "serde-sarif")
        .expect("serde-sarif in the dependency graph")["manifest_path"]
        .as_str()
        .unwrap()
        .to_string();
    PathBuf::from(manifest)
        .parent()
        .unwrap()
        .join("src/schema.json")
}

fn vigie(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cmd"))
        .output()
        .expect("vigie runs");
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let mut schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path()).expect("schema file"))
            .unwrap();
    // The published schema's pattern for `language` is malformed (an unbalanced `]`, a
    // known erratum): use the pattern its description gives ("en" or "en-US").
    fix_language_pattern(&mut schema);
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    // Each case with the exit status it must have: warnings only, an input error, an
    // error finding.
    let cases: &[(&[&str], i32)] = &[
        (
            &[
                "check",
                "--profile",
                "la-sarre",
                "--format",
                "sarif",
                "basic.in/fete.md",
                "basic.in/avis.md",
            ],
            0,
        ),
        (
            &[
                "check",
                "--profile",
                "la-sarre",
                "--format",
                "sarif",
                "errors.in/latin1.md",
                "errors.in/ok.md",
            ],
            2,
        ),
        (&["check", "--format", "sarif", "folder.in/drafts"], 1),
    ];
    for (args, expected) in cases {
        let (stdout, status) = vigie(args);
        assert_eq!(status, *expected, "{args:?}");
        let sarif: serde_json::Value =
            serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: {e}\n{stdout}"));
        let errors: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{args:?}: invalid SARIF:\n{}",
            errors.join("\n")
        );
        let typed: Result<serde_sarif::sarif::Sarif, _> = serde_json::from_value(sarif.clone());
        assert!(typed.is_ok(), "{args:?}: {:?}", typed.err());
        let run = &sarif["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        assert!(
            run["tool"]["driver"]["rules"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["id"] == "shouting")
        );
    }
}

#[test]
fn sarif_locations_point_at_the_finding() {
    let (stdout, _) = vigie(&[
        "check",
        "--profile",
        "la-sarre",
        "--format",
        "sarif",
        "basic.in/fete.md",
    ]);
    let sarif: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "shouting");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 5);
    assert_eq!(region["startColumn"], 1);
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "basic.in/fete.md"
    );
}

fn fix_language_pattern(v: &mut serde_json::Value) {
    const MALFORMED: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                if k == "pattern" && child == MALFORMED {
                    *child = "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$".into();
                } else {
                    fix_language_pattern(child);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(fix_language_pattern),
        _ => {}
    }
}

#[test]
fn output_file_gets_the_format_and_the_screen_gets_the_human_report() {
    let dir = std::env::temp_dir().join(format!("vigie-sarif-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("rapport.sarif");
    let (stdout, status) = vigie(&[
        "check",
        "--profile",
        "la-sarre",
        "--format",
        "sarif",
        "--output-file",
        report.to_str().unwrap(),
        "basic.in/fete.md",
    ]);
    assert_eq!(status, 0);
    assert!(stdout.contains("avertissement[shouting]"), "{stdout}");
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    std::fs::remove_dir_all(&dir).unwrap();
}
