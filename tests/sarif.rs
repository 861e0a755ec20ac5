//! The SARIF output validates against the SARIF 2.1.0 JSON schema (the schema ships in
//! the `serde-sarif` crate, a dev-dependency, so no download is needed), deserializes
//! into `serde-sarif`'s typed model, and passes Microsoft's own validator
//! (`@microsoft/sarif-multitool`, installed from npm by `.ci/run` into
//! `target/sarif-tools`; it runs offline) with its SARIF and GitHub rules.

use std::path::{Path, PathBuf};
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
    let cases: &[&[&str]] = &[
        &[
            "check",
            "--profile",
            "la-sarre",
            "--format",
            "sarif",
            "basic.in/fete.md",
            "basic.in/avis.md",
        ],
        &[
            "check",
            "--profile",
            "la-sarre",
            "--format",
            "sarif",
            "errors.in/latin1.md",
            "errors.in/ok.md",
        ],
        &["check", "--format", "sarif", "folder.in/drafts"],
    ];
    for args in cases {
        let (stdout, status) = vigie(args);
        assert!(status <= 2, "{args:?}: status {status}");
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
    let artifact = &result["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(artifact["uri"], "basic.in/fete.md");
    assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
    let base = sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        base.starts_with("file:///") && base.ends_with("/tests/cmd/"),
        "{base}"
    );
    assert!(
        result["partialFingerprints"]["vigieFinding/v1"]
            .as_str()
            .is_some_and(|f| f.ends_with(":1")),
        "{result}"
    );
    assert_eq!(
        sarif["runs"][0]["artifacts"][0]["location"]["uri"],
        "basic.in/fete.md"
    );
}

/// Microsoft's validator, installed by `.ci/run`; `None` when it is not there.
fn sarif_multitool() -> Option<PathBuf> {
    let tools =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("target/sarif-tools/node_modules/@microsoft");
    std::fs::read_dir(tools)
        .ok()?
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("sarif-multitool-")
        })
        .flat_map(|e| ["Sarif.Multitool", "Sarif.Multitool.exe"].map(|b| e.path().join(b)))
        .find(|p| p.is_file())
}

/// Validates a SARIF file with the multitool and returns its errors and warnings.
fn multitool_complaints(tool: &Path, sarif: &Path) -> Vec<String> {
    let log = sarif.with_extension("validation.sarif");
    let out = Command::new(tool)
        .arg("validate")
        .arg(sarif)
        .args(["--rule-kind", "Sarif;Gh", "--level", "Error;Warning"])
        .args(["--log", "ForceOverwrite", "-o"])
        .arg(&log)
        .output()
        .expect("the validator runs");
    assert!(out.status.success(), "validator: {out:?}");
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&log).expect("validation log")).unwrap();
    let mut complaints = Vec::new();
    for run in log["runs"].as_array().unwrap() {
        for r in run["results"].as_array().into_iter().flatten() {
            if r["level"] == "error" || r["level"] == "warning" || r["level"].is_null() {
                complaints.push(format!("{}: {}", r["ruleId"], r["message"]));
            }
        }
        for n in run["invocations"][0]["toolExecutionNotifications"]
            .as_array()
            .into_iter()
            .flatten()
        {
            complaints.push(format!("notification: {}", n["message"]["text"]));
        }
    }
    complaints
}

#[test]
fn microsofts_validator_accepts_the_sarif() {
    let Some(tool) = sarif_multitool() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "the SARIF validator is missing: .ci/run installs it (npm @microsoft/sarif-multitool)"
        );
        eprintln!("SKIPPED: @microsoft/sarif-multitool is not installed (.ci/run installs it)");
        return;
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sarif-multitool");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("brouillons d'été")).unwrap();
    let accented = dir.join("brouillons d'été/déneigement.md");
    std::fs::write(
        &accented,
        "Pour le déneigement, appelez Jean Tremblay chez lui au 819 555-1234.\n",
    )
    .unwrap();
    let absolute = accented.to_str().unwrap();
    let cases: &[&[&str]] = &[
        &["basic.in/fete.md", "basic.in/avis.md", "basic.in/perso.md"],
        // Unreadable and broken drafts: notifications, with and without a line.
        &[
            "errors.in/latin1.md",
            "errors.in/ok.md",
            "errors.in/badvalue.md",
            "missing.md",
        ],
        &[absolute],
    ];
    for (i, paths) in cases.iter().enumerate() {
        let mut args = vec!["check", "--profile", "la-sarre", "--format", "sarif"];
        args.extend(*paths);
        let (stdout, _) = vigie(&args);
        let file = dir.join(format!("case{i}.sarif"));
        std::fs::write(&file, &stdout).unwrap();
        let complaints = multitool_complaints(&tool, &file);
        assert!(
            complaints.is_empty(),
            "{paths:?}:\n{}",
            complaints.join("\n")
        );
    }
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
