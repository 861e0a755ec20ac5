//! The SARIF output is checked by two validators from npm, installed by `.ci/run` into
//! `target/sarif-tools` (they run offline; no Rust crate to compile for them): the SARIF
//! 2.1.0 JSON schema (the copy that ships in `@microsoft/sarif-multitool`, checked with
//! ajv by `scripts/sarif/schema-check.js`), and Microsoft's own validator
//! (`sarif-multitool validate`) with its SARIF and GitHub rules. Without them the two
//! tests say so and pass, except under `CI=true`, where they fail.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Where `.ci/run` installs the npm tools.
fn tools() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/sarif-tools/node_modules")
}

/// The multitool's package for this platform (its binary and the SARIF schema).
fn multitool_package() -> Option<PathBuf> {
    std::fs::read_dir(tools().join("@microsoft"))
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("sarif-multitool-"))
                && p.join("sarif-2.1.0.json").is_file()
        })
}

/// `true` when a tool is there; when it is not, a note (a failure under `CI=true`).
fn available(tool: Option<&Path>, what: &str) -> bool {
    if tool.is_some() {
        return true;
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{what} is missing: .ci/run installs it from npm into target/sarif-tools"
    );
    eprintln!("SKIPPED: {what} is not installed (.ci/run installs it from npm)");
    false
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
    let package = multitool_package();
    let ajv = tools().join("ajv/package.json");
    let ready = package.is_some() && ajv.is_file();
    if !available(
        ready.then_some(ajv.as_path()),
        "the SARIF schema checker (ajv)",
    ) {
        return;
    }
    let schema = package.unwrap().join("sarif-2.1.0.json");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sarif-schema");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
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
    let mut files = Vec::new();
    for (i, (args, expected)) in cases.iter().enumerate() {
        let (stdout, status) = vigie(args);
        assert_eq!(status, *expected, "{args:?}");
        let sarif: serde_json::Value =
            serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: {e}\n{stdout}"));
        let run = &sarif["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        assert!(
            run["tool"]["driver"]["rules"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["id"] == "shouting")
        );
        let file = dir.join(format!("case{i}.sarif"));
        std::fs::write(&file, &stdout).unwrap();
        files.push(file);
    }
    // A broken report must fail, or the check proves nothing.
    let broken = dir.join("broken.sarif");
    std::fs::write(
        &broken,
        r#"{"version": "2.1.0", "runs": [{"results": [{"level": "fatal"}]}]}"#,
    )
    .unwrap();
    let check = |files: &[PathBuf]| {
        Command::new("node")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/sarif/schema-check.js"))
            .arg(&schema)
            .args(files)
            .env("NODE_PATH", tools())
            .output()
            .expect("node runs")
    };
    let out = check(&files);
    assert!(
        out.status.success(),
        "invalid SARIF:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        !check(&[broken]).status.success(),
        "the schema check accepts anything"
    );
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
    let package = multitool_package()?;
    ["Sarif.Multitool", "Sarif.Multitool.exe"]
        .map(|b| package.join(b))
        .into_iter()
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
    let tool = sarif_multitool();
    if !available(
        tool.as_deref(),
        "Microsoft's SARIF validator (@microsoft/sarif-multitool)",
    ) {
        return;
    }
    let tool = tool.unwrap();
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
