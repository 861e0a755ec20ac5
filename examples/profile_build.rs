//! Where the start-up time goes: each rule's build, then each rule's first check (its
//! lazily compiled patterns), on a short post. `cargo run --release --example
//! profile_build [PROFILE]`.
use vigie::checks::{Context, RULES};
use vigie::draft::{Draft, Format};

fn main() {
    let id = std::env::args().nth(1).unwrap_or_else(|| "la-sarre".into());
    let t = std::time::Instant::now();
    let policy = vigie::load_builtin_policy(&id).unwrap();
    eprintln!("profil lu en {:?}", t.elapsed());
    let draft = Draft::parse(
        "a.md",
        "Bonjour à tous, la piscine ouvre samedi au parc.".into(),
        Format::Markdown,
    )
    .unwrap();
    let meta = vigie::engine::resolve_meta(&draft.front, jiff::civil::date(2025, 6, 1)).unwrap();
    for rule in RULES {
        let Some(s) = policy.rule(rule.id) else {
            continue;
        };
        let t = std::time::Instant::now();
        let check = (rule.build)(s, &policy).unwrap();
        let built = t.elapsed();
        let cx = Context::new(&draft, &meta, &policy);
        let t = std::time::Instant::now();
        let mut out = Vec::new();
        check.check(&cx, &mut out);
        let first = t.elapsed();
        let t = std::time::Instant::now();
        check.check(&cx, &mut out);
        eprintln!(
            "{:<28} compilation {:>10.2?}  premier contrôle {:>10.2?}  suivant {:>8.2?}",
            rule.id,
            built,
            first,
            t.elapsed()
        );
    }
}
