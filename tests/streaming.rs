//! Issue 17: an archive is reported as it is checked, in constant memory. The reports
//! are written file by file in the order of the walk; JSON findings and SARIF results,
//! which come after the list of files, go through a spill (a temporary file beyond
//! 1 MiB): these tests run past that size and check that the report is whole, in order,
//! and the same on standard output and in `--output-file`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn vigie(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .output()
        .expect("vigie runs")
}

/// An archive of `n` drafts in nested folders, each with findings (a phone number, a
/// passage in capitals), and one broken draft in the middle.
fn archive(name: &str, n: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vigie-streaming-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for i in 0..n {
        let sub = dir.join(format!("brouillons/{:02}", i / 100));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(
            sub.join(format!("publication-{i:04}.md")),
            format!(
                "VENEZ TOUS À LA GRANDE FÊTE DU PARC CE SAMEDI !\nPour le déneigement, appelez Jean chez lui au 819 555-{:04}.\n",
                i % 10_000
            ),
        )
        .unwrap();
    }
    std::fs::write(
        dir.join("brouillons/01/publication-0160.md"),
        "+++\nnaem = 1\n+++\nBonjour\n",
    )
    .unwrap();
    std::fs::write(dir.join("vigie.toml"), "profile = \"la-sarre\"\n").unwrap();
    dir
}

#[test]
fn a_json_report_past_the_spill_is_whole_and_in_the_order_of_the_walk() {
    let n = 1000;
    let dir = archive("json", n);
    let out = vigie(&dir, &["check", "--format", "json", "brouillons"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout.len() > 2 << 20,
        "the findings spilled: {} bytes",
        out.stdout.len()
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    assert_eq!(files.len(), n - 1);
    let findings = report["findings"].as_array().unwrap();
    let paths: Vec<&str> = findings
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.windows(2).all(|w| w[0] <= w[1]),
        "findings in the order of the files"
    );
    let summary = &report["summary"];
    let counted = summary["errors"].as_u64().unwrap() + summary["warnings"].as_u64().unwrap();
    assert_eq!(counted as usize, findings.len());
    assert_eq!(summary["files"], n - 1);
    assert_eq!(report["input_errors"].as_array().unwrap().len(), 1);
    // The same report in a file, and the human one on the screen.
    let out_file = vigie(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "--output-file",
            "rapport.json",
            "brouillons",
        ],
    );
    assert_eq!(std::fs::read(dir.join("rapport.json")).unwrap(), out.stdout);
    assert!(String::from_utf8_lossy(&out_file.stdout).contains("brouillons vérifiés"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_sarif_report_past_the_spill_is_whole() {
    let n = 600;
    let dir = archive("sarif", n);
    let out = vigie(&dir, &["check", "--format", "sarif", "brouillons"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stdout.len() > 2 << 20,
        "the results spilled: {} bytes",
        out.stdout.len()
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let run = &report["runs"][0];
    assert_eq!(run["artifacts"].as_array().unwrap().len(), n - 1);
    let results = run["results"].as_array().unwrap();
    assert!(results.len() >= 2 * (n - 1), "{}", results.len());
    let uris: Vec<&str> = results
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(uris.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(
        run["invocations"][0]["toolExecutionNotifications"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        run["tool"]["driver"]["properties"]["profile"]["id"],
        "la-sarre"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
