//! Properties that hold for any text: checks never panic, and every finding's span lies
//! inside the file, on character boundaries, with a position that the line index can
//! give. The generated drafts mix front matter, Markdown, French words, capitals,
//! numbers, links and arbitrary Unicode.

use proptest::prelude::*;
use vigie::draft::{Draft, Format, FrontMatter};
use vigie::engine::{Engine, ProfileChoice};

/// Every built-in profile, compiled once for all the cases.
static ENGINES: std::sync::LazyLock<Vec<Engine>> = std::sync::LazyLock::new(|| {
    vigie::policy::builtin::PROFILES
        .iter()
        .map(|(id, _)| {
            Engine::load(
                &ProfileChoice {
                    profile: Some(id.to_string()),
                    ..Default::default()
                },
                None,
            )
            .unwrap()
        })
        .collect()
});

/// Pieces that exercise the parsers and the checks.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("+++\naccount = \"official\"\n+++\n".to_string()),
        Just("---\naccount: personal\n---\n".to_string()),
        Just("<!-- vigie-ignore shouting: titre -->\n".to_string()),
        Just("![photo](a.jpg) ".to_string()),
        Just("```\ncode\n```\n".to_string()),
        Just("VENEZ TOUS À LA FÊTE DU PARC ".to_string()),
        Just("Mme Roy, 819 555-1234, jean@exemple.ca ".to_string()),
        Just("https://a.com/x?y=1 www.b.ca #Tag @Ville ".to_string()),
        Just("né le 3 mars 1980, NAS 046 454 286 ".to_string()),
        Just("Je pense que la Ville a tort. ".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        "[\\PC]{0,12}",
        any::<String>(),
        "[a-zA-ZÀ-ÿ' ,.!?0-9-]{0,40}",
    ]
}

fn draft_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..12).prop_map(|v| v.concat())
}

/// Sentences that reach the checks' patterns, their words joined again by separators a
/// real draft may put there: a line break inside a pattern ("huis\nclos") ends the
/// line's sentence before the pattern's match, and a wide character before a word
/// shifts byte offsets.
const REACHING: &[&str] = &[
    "Le conseil a décidé à huis clos de congédier Jean Tremblay.",
    "Au caucus de mardi, les élus ont convenu de fermer la piscine pour 340 000 $, c'est signé.",
    "Bonne fête à Steve qui a 50 ans le 16 avril, né le 16 avril 1976 !",
    "Écrivez-moi en privé pour le code promo RABAIS20 chez Boutique Roy.",
    "Mme Roy est en congé de maladie depuis sa chirurgie, elle a perdu la garde de ses enfants.",
    "Mon boss est un maudit cave qui nous back jamais, votez pour Marie Côté dimanche !",
    "Je pense que la Ville a tort, on va vous rembourser dès lundi, promis.",
];

fn cut_sentence() -> impl Strategy<Value = String> {
    let separators = prop::sample::select(vec![" ", " ", " ", "\n", "\r\n", "«", "👍", "\u{a0}"]);
    (
        prop::sample::select(REACHING),
        prop::collection::vec(separators, 32),
    )
        .prop_map(|(s, seps)| {
            s.split(' ')
                .zip(seps.into_iter().chain(std::iter::repeat(" ")))
                .map(|(w, sep)| format!("{w}{sep}"))
                .collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn findings_lie_on_character_boundaries(
        text in prop_oneof![draft_text(), cut_sentence()],
        markdown in any::<bool>(),
    ) {
        let engines = &*ENGINES;
        let format = if markdown { Format::Markdown } else { Format::Text };
        let Ok(draft) = Draft::parse("p.md", text.clone(), format) else { return Ok(()) };
        prop_assert_eq!(draft.prose.len(), text.len());
        for engine in engines {
            let findings = match engine.check(&draft, &FrontMatter::default(), jiff::civil::date(2025, 10, 20)) {
                Ok(findings) => findings,
                // A rule's panic becomes a problem (the run goes on): it is still a bug.
                Err(p) => {
                    prop_assert!(!p.message.contains("erreur interne"), "{}", p.message);
                    continue;
                }
            };
            for f in findings {
                prop_assert!(f.span.start <= f.span.end && f.span.end <= text.len(), "{:?} out of {}", f.span, text.len());
                prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end), "{:?}", f.span);
                let (line, column) = draft.position(f.span.start);
                prop_assert!(line >= 1 && column >= 1);
            }
        }
    }
}
