//! Accuracy of the rules on labelled sets of drafts (`tests/accuracy/*.toml`).
//!
//! Each set names the rules it measures and holds posts with the findings they must
//! produce (none for a clean post). This test prints precision, recall and F1 per rule
//! and per kind, and the share of clean posts with a false alarm, then fails if a set's
//! thresholds are not met. Run it with:
//!
//!     cargo test --release --test accuracy -- --nocapture
//!
//! A set file:
//!
//! ```toml
//! rules = ["shouting"]            # the rules measured; other rules' findings are ignored
//! profile = "la-sarre"            # default profile of the posts
//! min-precision = 0.95            # thresholds, per rule and per kind
//! min-recall = 0.95
//! max-clean-false-alarms = 0.02   # share of clean posts with any finding
//!
//! [[post]]
//! text = "VENEZ TOUS À LA FÊTE DU PARC CE SAMEDI"
//! expect = ["shouting: VENEZ TOUS À LA FÊTE"]   # "rule[/kind][: excerpt]"
//! ```
//!
//! Every expectation gives the excerpt that breaches the policy: the words a reviewer
//! would underline. A finding matches an expectation when the rule (and the kind, if
//! given) are the same and its byte range overlaps the excerpt's (its first place in
//! the post, or the place that overlaps best when it occurs more than once) by at least
//! [`MIN_SPAN_OVERLAP`] of their union (Jaccard index of the two ranges). The thresholds
//! apply to these span scores (`floors = "rules"`: to the rule scores, for the blind
//! sets whose floors were fixed before spans were scored). Beside them the test prints the rule scores, which only
//! ask for a finding of the right rule and kind: the gap between the two is findings
//! that point at the wrong words.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use vigie::draft::{DateText, Draft, Format, FrontMatter};
use vigie::engine::{Engine, ProfileChoice};

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Set {
    rules: Vec<String>,
    profile: String,
    #[serde(default = "one")]
    min_precision: f64,
    #[serde(default = "one")]
    min_recall: f64,
    #[serde(default)]
    max_clean_false_alarms: f64,
    /// Which scores the thresholds guard: "spans" (default) or "rules". The blind sets
    /// fixed their floors on their first run, when matching asked only for the rule:
    /// their span scores are printed, their floors stay on the rule scores.
    #[serde(default)]
    floors: Floors,
    /// Publication date of posts that give none (for rules that depend on the date).
    date: Option<String>,
    post: Vec<Post>,
}

#[derive(Deserialize, Default, Clone, Copy, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum Floors {
    #[default]
    Spans,
    Rules,
}

fn one() -> f64 {
    1.0
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Post {
    text: String,
    profile: Option<String>,
    /// "md" (default) or "txt".
    format: Option<String>,
    #[serde(default)]
    expect: Vec<String>,
    note: Option<String>,
}

/// How much of the union of a finding's byte range and its label's the two must share.
const MIN_SPAN_OVERLAP: f64 = 0.5;

struct Expect {
    rule: String,
    kind: Option<String>,
    excerpt: String,
}

impl Expect {
    fn key(&self) -> String {
        match &self.kind {
            Some(k) => format!("{}/{k}", self.rule),
            None => self.rule.clone(),
        }
    }

    fn fits(&self, f: &vigie::finding::Finding) -> bool {
        f.rule == self.rule && self.kind.as_deref().is_none_or(|k| f.kind == Some(k))
    }
}

/// "rule[/kind]: excerpt"; the excerpt is required.
fn parse_expect(s: &str) -> Result<Expect, String> {
    let Some((head, excerpt)) = s.split_once(": ") else {
        return Err(format!(
            "« {s} » gives no excerpt: write \"{s}: the words that breach the policy\""
        ));
    };
    let (rule, kind) = match head.split_once('/') {
        Some((r, k)) => (r.to_string(), Some(k.to_string())),
        None => (head.to_string(), None),
    };
    Ok(Expect {
        rule,
        kind,
        excerpt: excerpt.to_string(),
    })
}

/// The byte ranges where a label's excerpt occurs in the post.
fn label_spans(source: &str, excerpt: &str) -> Vec<std::ops::Range<usize>> {
    source
        .match_indices(excerpt)
        .map(|(i, m)| i..i + m.len())
        .collect()
}

/// The Jaccard index of two byte ranges: their intersection over their union.
fn jaccard(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> f64 {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let union = a.end.max(b.end) - a.start.min(b.start);
    if union == 0 {
        1.0
    } else {
        inter as f64 / union as f64
    }
}

/// Pairs expectations with findings, each finding used once: `score` says how well a
/// finding fits an expectation (`None`: not at all); the best fit is taken.
fn pair(
    expects: &[Expect],
    findings: &[vigie::finding::Finding],
    score: impl Fn(&Expect, &vigie::finding::Finding) -> Option<f64>,
) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut used = vec![false; findings.len()];
    let mut hits = Vec::with_capacity(expects.len());
    for e in expects {
        let best = findings
            .iter()
            .enumerate()
            .filter(|(j, _)| !used[*j])
            .filter_map(|(j, f)| score(e, f).map(|s| (j, s)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(j, _)| j);
        if let Some(j) = best {
            used[j] = true;
        }
        hits.push(best);
    }
    (hits, used)
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

#[test]
fn accuracy_of_every_labelled_set() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/accuracy");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.retain(|p| p.extension().is_some_and(|x| x == "toml"));
    // VIGIE_ACCURACY_SKIP=PREFIX[,PREFIX...] leaves out the sets whose file name starts
    // with one of the prefixes: a blind set written while rules are being changed stays
    // unread until its one first run.
    if let Ok(skip) = std::env::var("VIGIE_ACCURACY_SKIP") {
        let prefixes: Vec<&str> = skip.split(',').filter(|s| !s.is_empty()).collect();
        paths.retain(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            !prefixes.iter().any(|x| name.starts_with(x))
        });
    }
    paths.sort();
    assert!(!paths.is_empty(), "no labelled set in {}", dir.display());
    let mut failures = Vec::new();
    let mut engines: BTreeMap<String, Engine> = BTreeMap::new();
    // Clean posts of every set, judged by every rule of their profile (not only the
    // rules their set measures): a false alarm of any rule on a normal post counts.
    let (mut all_clean, mut all_clean_alarms) = (0usize, Vec::new());
    // VIGIE_DUMP_FINDINGS=FILE writes every finding of every post under every built-in
    // profile: two dumps, before and after a change that must not change results
    // (a faster matcher, say), compare with `diff`.
    let mut dump = std::env::var_os("VIGIE_DUMP_FINDINGS")
        .map(|p| std::io::BufWriter::new(std::fs::File::create(p).unwrap()));
    for path in paths {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let set: Set = toml::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // Span scores, and rule scores (the right rule and kind, anywhere in the post).
        let mut per_key: BTreeMap<String, Counts> = BTreeMap::new();
        let mut per_key_rule: BTreeMap<String, Counts> = BTreeMap::new();
        // Rule scores of the alarms alone (errors and warnings): an info reminder that
        // says the policy does not forbid what it shows claims no breach.
        let mut per_key_alarm: BTreeMap<String, Counts> = BTreeMap::new();
        let (mut clean, mut clean_alarms) = (0usize, 0usize);
        let mut misses = Vec::new();
        let flags = FrontMatter::default();
        let fallback = DateText(set.date.clone().unwrap_or_else(|| "2025-06-01".into()));
        for (i, post) in set.post.iter().enumerate() {
            let profile = post.profile.clone().unwrap_or_else(|| set.profile.clone());
            let engine = engines.entry(profile.clone()).or_insert_with(|| {
                Engine::load(
                    &ProfileChoice {
                        profile: Some(profile.clone()),
                        ..Default::default()
                    },
                    None,
                )
                .unwrap_or_else(|e| panic!("profile {profile}: {e:?}"))
            });
            let format = if post.format.as_deref() == Some("txt") {
                Format::Text
            } else {
                Format::Markdown
            };
            let draft = Draft::parse(&format!("{name}#{}", i + 1), post.text.clone(), format)
                .unwrap_or_else(|e| panic!("{name} post {}: {e}", i + 1));
            let mut flags = flags.clone();
            if draft.front.publish_at.is_none() {
                flags.publish_at = Some(fallback.clone());
            }
            let every: Vec<_> = engine
                .check(&draft, &flags, jiff::civil::date(2025, 6, 1))
                .unwrap_or_else(|e| panic!("{name} post {}: {e}", i + 1));
            if let Some(dump) = dump.as_mut() {
                dump_findings(
                    dump,
                    &mut engines,
                    &format!("{name}#{}", i + 1),
                    &draft,
                    &flags,
                );
            }
            if post.expect.is_empty() {
                all_clean += 1;
                let alarms: Vec<String> = every
                    .iter()
                    .filter(|f| {
                        f.suppressed.is_none() && f.severity != vigie::finding::Severity::Info
                    })
                    .map(|f| format!("{} «{}»", f.rule, &draft.source[f.span.clone()]))
                    .collect();
                if !alarms.is_empty() {
                    all_clean_alarms.push(format!(
                        "  {name} post {} : {}",
                        i + 1,
                        alarms.join(", ")
                    ));
                }
            }
            let findings: Vec<_> = every
                .into_iter()
                .filter(|f| set.rules.iter().any(|r| r == f.rule) && f.suppressed.is_none())
                .collect();
            let mut expects = Vec::with_capacity(post.expect.len());
            for s in &post.expect {
                match parse_expect(s) {
                    Ok(e) if label_spans(&draft.source, &e.excerpt).is_empty() => {
                        failures.push(format!(
                            "{name} post {}: « {} » is not in the post",
                            i + 1,
                            e.excerpt
                        ))
                    }
                    Ok(e) => expects.push(e),
                    Err(message) => failures.push(format!("{name} post {}: {message}", i + 1)),
                }
            }
            if post.expect.is_empty() {
                clean += 1;
                if !findings.is_empty() {
                    clean_alarms += 1;
                }
            }
            // Rule scores: the right rule and kind, anywhere.
            let (rule_hits, rule_used) = pair(&expects, &findings, |e, f| e.fits(f).then_some(0.0));
            for (e, hit) in expects.iter().zip(&rule_hits) {
                let c = per_key_rule.entry(e.key()).or_default();
                if hit.is_some() {
                    c.tp += 1;
                } else {
                    c.fn_ += 1;
                }
            }
            for (f, used) in findings.iter().zip(&rule_used) {
                if !used {
                    per_key_rule.entry(finding_key(f)).or_default().fp += 1;
                }
                if f.severity != vigie::finding::Severity::Info {
                    let c = per_key_alarm.entry(finding_key(f)).or_default();
                    if *used {
                        c.tp += 1;
                    } else {
                        c.fp += 1;
                    }
                }
            }
            // Span scores: the right rule and kind, on the labelled words.
            let (hits, used) = pair(&expects, &findings, |e, f| {
                let overlap = label_spans(&draft.source, &e.excerpt)
                    .iter()
                    .map(|l| jaccard(l, &f.span))
                    .fold(0.0, f64::max);
                (e.fits(f) && overlap >= MIN_SPAN_OVERLAP).then_some(overlap)
            });
            for (e, hit) in expects.iter().zip(&hits) {
                let c = per_key.entry(e.key()).or_default();
                if hit.is_some() {
                    c.tp += 1;
                } else {
                    c.fn_ += 1;
                    misses.push(format!(
                        "  manqué   {} «{}» dans post {}",
                        e.key(),
                        e.excerpt,
                        i + 1
                    ));
                }
            }
            for (f, used) in findings.iter().zip(&used) {
                if !used {
                    let key = finding_key(f);
                    per_key.entry(key.clone()).or_default().fp += 1;
                    misses.push(format!(
                        "  en trop  {key} «{}» dans post {}{}",
                        &draft.source[f.span.clone()],
                        i + 1,
                        post.note
                            .as_deref()
                            .map(|n| format!(" ({n})"))
                            .unwrap_or_default()
                    ));
                }
            }
        }
        let per_rule = by_rule(&per_key);
        let per_rule_rule = by_rule(&per_key_rule);
        let per_rule_alarm = by_rule(&per_key_alarm);
        println!(
            "\n== {name} : {} publications ({} propres) ==",
            set.post.len(),
            clean
        );
        println!(
            "{:<36} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}   {:>15} {:>12} {:>17}",
            "règle/type",
            "VP",
            "FP",
            "FN",
            "précision",
            "rappel",
            "F1",
            "précision règle",
            "rappel règle",
            "précision alertes"
        );
        let mut rows: Vec<(String, Counts, Counts, Counts)> = per_rule
            .iter()
            .map(|(k, c)| {
                (
                    k.clone(),
                    *c,
                    per_rule_rule.get(k).copied().unwrap_or_default(),
                    per_rule_alarm.get(k).copied().unwrap_or_default(),
                )
            })
            .collect();
        rows.extend(
            per_key
                .iter()
                .filter(|(k, _)| k.contains('/'))
                .map(|(k, c)| {
                    (
                        format!("  {k}"),
                        *c,
                        per_key_rule.get(k).copied().unwrap_or_default(),
                        per_key_alarm.get(k).copied().unwrap_or_default(),
                    )
                }),
        );
        rows.sort_by(|a, b| a.0.trim().cmp(b.0.trim()));
        for (key, c, r, a) in &rows {
            println!(
                "{:<36} {:>5} {:>5} {:>5} {:>9.3} {:>7.3} {:>6.3}   {:>15.3} {:>12.3} {:>17.3}",
                key,
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1(),
                r.precision(),
                r.recall(),
                a.precision()
            );
            let (guarded, scores) = match set.floors {
                Floors::Spans => (c, "span"),
                Floors::Rules => (r, "rule"),
            };
            if guarded.precision() < set.min_precision || guarded.recall() < set.min_recall {
                failures.push(format!(
                    "{name}: {} {scores} precision {:.3} recall {:.3}",
                    key.trim(),
                    guarded.precision(),
                    guarded.recall()
                ));
            }
        }
        let rate = if clean == 0 {
            0.0
        } else {
            clean_alarms as f64 / clean as f64
        };
        println!(
            "publications propres avec une fausse alerte : {clean_alarms}/{clean} ({:.1} %)",
            rate * 100.0
        );
        if rate > set.max_clean_false_alarms {
            failures.push(format!(
                "{name}: {:.1} % of clean posts raise a false alarm",
                rate * 100.0
            ));
        }
        for m in &misses {
            println!("{m}");
        }
    }
    let rate = all_clean_alarms.len() as f64 / all_clean.max(1) as f64;
    println!(
        "\n== toutes les règles sur toutes les publications propres : {}/{all_clean} signalées ({:.1} %) ==",
        all_clean_alarms.len(),
        rate * 100.0
    );
    for a in &all_clean_alarms {
        println!("{a}");
    }
    if rate > 0.02 {
        failures.push(format!(
            "{:.1} % of all clean posts raise a false alarm of some rule",
            rate * 100.0
        ));
    }
    assert!(
        failures.is_empty(),
        "accuracy below the thresholds:\n{}",
        failures.join("\n")
    );
}

/// The key of a finding: "rule" or "rule/kind".
fn finding_key(f: &vigie::finding::Finding) -> String {
    match f.kind {
        Some(k) => format!("{}/{k}", f.rule),
        None => f.rule.to_string(),
    }
}

/// Counts per kind summed per rule.
fn by_rule(per_key: &BTreeMap<String, Counts>) -> BTreeMap<String, Counts> {
    let mut per_rule: BTreeMap<String, Counts> = BTreeMap::new();
    for (key, c) in per_key {
        let r = per_rule
            .entry(key.split('/').next().unwrap().to_string())
            .or_default();
        r.tp += c.tp;
        r.fp += c.fp;
        r.fn_ += c.fn_;
    }
    per_rule
}

fn dump_findings(
    out: &mut impl std::io::Write,
    engines: &mut BTreeMap<String, Engine>,
    post: &str,
    draft: &Draft,
    flags: &FrontMatter,
) {
    for (profile, _) in vigie::policy::builtin::PROFILES {
        let engine = engines.entry(profile.to_string()).or_insert_with(|| {
            Engine::load(
                &ProfileChoice {
                    profile: Some(profile.to_string()),
                    ..Default::default()
                },
                None,
            )
            .unwrap()
        });
        let Ok(findings) = engine.check(draft, flags, jiff::civil::date(2025, 6, 1)) else {
            writeln!(out, "{post} {profile} error").unwrap();
            continue;
        };
        for f in findings {
            writeln!(
                out,
                "{post} {profile} {} {:?} {:?} {:?} {:?} {}",
                f.rule,
                f.kind,
                f.severity,
                &draft.source[f.span.clone()],
                f.suppressed,
                f.message
            )
            .unwrap();
        }
    }
}
