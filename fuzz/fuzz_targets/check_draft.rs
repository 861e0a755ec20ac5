//! Fuzz target: any bytes as a draft file, read as vigie reads files (UTF-8 check),
//! parsed as Markdown and as text, then checked by every rule of every built-in profile,
//! on an official and on a personal account. Nothing may panic, and every finding's
//! span must lie inside the file, on character boundaries.
//!
//! Run: RUSTC_BOOTSTRAP=1 cargo fuzz run check_draft -- -max_total_time=600

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use vigie::draft::{Account, Draft, Format, FrontMatter};
use vigie::engine::{Engine, ProfileChoice};

static ENGINES: LazyLock<Vec<Engine>> = LazyLock::new(|| {
    vigie::policy::builtin::PROFILES
        .iter()
        .map(|(id, _)| {
            let choice = ProfileChoice { profile: Some(id.to_string()), ..Default::default() };
            Engine::load(&choice, None).expect("built-in profile")
        })
        .collect()
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = vigie::inputs::decode("fuzz.md", data.to_vec()) else { return };
    for format in [Format::Markdown, Format::Text] {
        let Ok(draft) = Draft::parse("fuzz.md", text.clone(), format) else { continue };
        assert_eq!(draft.prose.len(), text.len());
        for account in [Account::Official, Account::Personal] {
            let flags = FrontMatter { account: Some(account), ..FrontMatter::default() };
            for engine in ENGINES.iter() {
                let Ok(findings) = engine.check(&draft, &flags, jiff::civil::date(2025, 10, 20)) else { continue };
                for f in findings {
                    assert!(f.span.start <= f.span.end && f.span.end <= text.len());
                    assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
                    let _ = draft.position(f.span.end);
                }
            }
        }
    }
});
