//! The cost of a check grows with the draft, not faster (issue 18): each input that once
//! took minutes (bare links, many `[[media]]`, nested brackets in a YAML front matter,
//! many findings on one long line, capitals in short paragraphs, zalgo text, a report of
//! many findings with and without redaction, long lists of names in a config) is checked
//! at a size `n` and at `4 n`, in the same run. Linear work takes about 4 times as long,
//! quadratic work 16 times: the test fails above 8. Ratios, not absolute times, so that a
//! busy CI machine does not fail it; each time is the best of three.

use std::time::Duration;

use vigie::cli::OutputFormat;
use vigie::draft::{Account, Draft, Format, FrontMatter};
use vigie::engine::{Engine, ProfileChoice, Summary};
use vigie::report::{FileReport, Report};

fn engine() -> &'static Engine {
    static ENGINE: std::sync::LazyLock<Engine> = std::sync::LazyLock::new(|| {
        Engine::load(
            &ProfileChoice {
                profile: Some("drummondville".into()),
                ..Default::default()
            },
            None,
        )
        .unwrap()
    });
    &ENGINE
}

/// Checks a draft and renders the human and JSON reports, redacted: all a run does.
fn run(source: String) {
    let engine = engine();
    let flags = FrontMatter {
        account: Some(Account::Official),
        ..FrontMatter::default()
    };
    let today = jiff::civil::date(2025, 6, 1);
    let Ok(draft) = Draft::parse("post.md", source, Format::Markdown) else {
        return;
    };
    let findings = engine.check(&draft, &flags, today).unwrap_or_default();
    let personal = engine.personal_data(&draft, &flags, today);
    let mut summary = Summary::default();
    summary.add(&findings);
    let files = [FileReport {
        draft,
        findings,
        personal,
    }];
    let report = Report {
        policy: Some(&engine.policy),
        files: &files,
        problems: &[],
        summary,
        redact: true,
    };
    std::hint::black_box(vigie::report::render(&report, OutputFormat::Human, false));
    std::hint::black_box(vigie::report::render(&report, OutputFormat::Json, false));
}

/// The CPU time this thread has used: unlike wall time, it does not grow when other
/// processes take the cores, so the ratios below measure vigie's work, not the load.
fn thread_cpu() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to fill.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

fn best_of_three(make: &dyn Fn(usize) -> String, n: usize) -> Duration {
    (0..3)
        .map(|_| {
            let source = make(n);
            let start = thread_cpu();
            run(source);
            thread_cpu() - start
        })
        .min()
        .unwrap()
}

/// Grows `n` until a run takes 50 ms (timer noise is small beside it), then compares
/// with `4 n`.
fn assert_linear(name: &str, make: &dyn Fn(usize) -> String) {
    let mut n = 16;
    while best_of_three(make, n) < Duration::from_millis(50) && n < 1 << 20 {
        n *= 2;
    }
    let small = best_of_three(make, n);
    let large = best_of_three(make, 4 * n);
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    eprintln!("{name}: n = {n}: {small:?}, 4 n: {large:?}, ratio {ratio:.1}");
    assert!(
        ratio < 8.0,
        "{name}: 4 times the input took {ratio:.1} times as long ({small:?} → {large:?})"
    );
}

#[test]
fn bare_links() {
    assert_linear("links", &|n| {
        (0..n)
            .map(|i| format!("https://exemple{i}.com/page "))
            .collect()
    });
}

#[test]
fn many_media() {
    assert_linear("media", &|n| {
        let media: String = (0..n)
            .map(|i| {
                format!("[[media]]\npath = \"p{i}.jpg\"\npeople = \"identifiable\"\nconsent = \"unknown\"\n")
            })
            .collect();
        format!("+++\n{media}+++\nBonjour\n")
    });
}

#[test]
fn nested_brackets_in_yaml() {
    assert_linear("yaml", &|n| {
        format!("---\nx: {}{}\n---\nBonjour\n", "[".repeat(n), "]".repeat(n))
    });
}

#[test]
fn many_findings_on_one_long_line() {
    assert_linear("long line", &|n| "VENEZ tabarnak ".repeat(n) + "\n");
}

#[test]
fn capitals_in_short_paragraphs() {
    assert_linear("capitals", &|n| {
        "VENEZ TOUS AU PARC CE SAMEDI\n\n".repeat(n)
    });
}

#[test]
fn zalgo_text() {
    assert_linear("zalgo", &|n| {
        "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306} ".repeat(n)
    });
}

#[test]
fn personal_data_redacted_in_a_long_report() {
    assert_linear("phones", &|n| {
        (0..n)
            .map(|i| format!("APPELEZ MARIE AU 819 555-{:04}.\n\n", i % 10_000))
            .collect()
    });
}

#[test]
fn long_lists_of_names_in_a_config() {
    use vigie::policy::elections::Elections;
    let make = |n: usize| Elections {
        candidates: (0..n).map(|i| format!("Candidate {i}")).collect(),
        ..Elections::default()
    };
    let time = |n: usize| {
        (0..3)
            .map(|_| {
                let (mut mine, theirs) = (make(n), make(2 * n));
                let start = thread_cpu();
                mine.extend(&theirs);
                std::hint::black_box(&mine);
                thread_cpu() - start
            })
            .min()
            .unwrap()
    };
    let mut n = 64;
    while time(n) < Duration::from_millis(50) && n < 1 << 22 {
        n *= 2;
    }
    let (small, large) = (time(n), time(4 * n));
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    eprintln!("names: n = {n}: {small:?}, 4 n: {large:?}, ratio {ratio:.1}");
    assert!(ratio < 8.0, "names: ratio {ratio:.1}");
}
