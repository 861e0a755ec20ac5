//! The patterns this rule compiled before its start-up was made cheap, and tests that
//! the matchers and gates that replace them give the same results: on every labelled
//! post of the accuracy sets and on generated texts.

use std::ops::Range;
use std::sync::LazyLock;

use proptest::prelude::*;
use regex::Regex;

use super::context::{Cue, CueFinder, Owner, Scan, compile};
use super::lexicon;
use super::literals::Alternation;
use crate::draft::{Draft, Format};

/// A regex alternation of folded words, longest first, as whole words.
fn alternation<'w>(words: impl IntoIterator<Item = &'w str>) -> String {
    let mut words: Vec<String> = words
        .into_iter()
        .map(|w| crate::text::fold(w.trim()))
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    let escaped: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    format!("(?:{})", escaped.join("|"))
}

/// The cue finder as it was: five regexes.
struct OldCueFinder {
    title: Regex,
    possessive: Regex,
    person_word: Regex,
    first_name: Regex,
    public: Regex,
}

impl OldCueFinder {
    fn new(public_places: &[String], person_nouns: &[&str], first_names: &[&str]) -> OldCueFinder {
        let nouns = alternation(person_nouns.iter().copied());
        let places = alternation(public_places.iter().map(String::as_str));
        let owned = alternation(super::context::OWNED.iter().copied());
        let build = |p: &str| compile(p).expect("cue regex");
        OldCueFinder {
            title: build(
                r"\b(?:m|mme|mlle|dr|dre|me|monsieur|madame|le\s+petit|la\s+petite|bebe|les\s+(?:jumeaux|jumelles|triples|enfants|petits|petites|freres|soeurs))\.?\s+([\p{L}][\p{L}'-]+)",
            ),
            possessive: build(&format!(
                r"\b(?:(mon|ma|mes|ton|ta|tes|votre|vos)\s+(\p{{L}}[\p{{L}}-]*)|(notre|nos|son|sa|ses|leur|leurs)\s+(?:{nouns}|{owned})\b)"
            )),
            person_word: build(&format!(
                r"\b(?:(?:le|la|les|l'|un|une|cet|cette|au|aux|du|des)\s*(?:{nouns}|(?:p'tite|p'tit|ptite|ptit|petite|vieille|vieux|bonne|jeune|nouvelle|nouveau|grande|grand) {nouns})|habite|habitent|habitait|demeure|demeurent|demeurait|reside|residait|residence de|domicile|domicilie|domiciliee|vit au|vivent au|chez (?:lui|elle|eux|moi|nous|toi|vous)|-moi)\b"
            )),
            first_name: build(&format!(
                r"\b{}\b",
                alternation(first_names.iter().copied())
            )),
            public: build(&format!(r"\b{places}(?:\b|\s|$)|\b(?:notre|nos)\b")),
        }
    }

    fn find(&self, scan: &Scan) -> Vec<Cue> {
        let t = scan.text();
        let mut cues = Vec::new();
        for m in self.public.find_iter(t) {
            if super::context::is_circumstantial(&t[..m.start()]) {
                continue;
            }
            let ours = matches!(m.as_str(), "notre" | "nos");
            let end = if ours && super::context::first_name_after(scan, m.end()) {
                m.end()
            } else {
                super::context::extend_over_proper_name(scan, m.end())
            };
            cues.push(Cue {
                span: m.start()..end,
                owner: Owner::Public,
                specific: false,
            });
        }
        let public_spans: Vec<Range<usize>> = cues.iter().map(|c| c.span.clone()).collect();
        let inside_public = |r: &Range<usize>| {
            public_spans
                .iter()
                .any(|p| p.start < r.start && r.end <= p.end)
        };
        for c in self.title.captures_iter(t) {
            let (whole, name) = (c.get(0).unwrap(), c.get(1).unwrap());
            // "Les Petits Pas": the word after "les " starts with a capital.
            let place = whole
                .as_str()
                .strip_prefix("les ")
                .is_some_and(|rest| scan.is_capital_at(whole.end() - rest.trim_start().len()));
            if scan.is_capital_at(name.start()) && !inside_public(&whole.range()) && !place {
                cues.push(Cue {
                    span: whole.range(),
                    owner: Owner::Person,
                    specific: true,
                });
            }
        }
        for c in self.possessive.captures_iter(t) {
            let whole = c.get(0).unwrap();
            cues.push(Cue {
                span: whole.start()..c.get(1).map(|m| m.end()).unwrap_or(whole.end()),
                owner: Owner::Person,
                specific: c.get(3).is_some()
                    || (super::context::is_kin(c.get(2).map(|m| m.as_str()))
                        && !matches!(c.get(1).map(|m| m.as_str()), Some("votre" | "vos")))
                    || super::context::located_after(scan, whole.end()),
            });
        }
        for m in self.person_word.find_iter(t) {
            cues.push(Cue {
                span: m.range(),
                owner: Owner::Person,
                specific: super::context::names_office(m.as_str())
                    || (super::context::definite(m.as_str())
                        && super::context::located_after(scan, m.end())),
            });
        }
        let mut named: Vec<Range<usize>> = Vec::new();
        for m in self.first_name.find_iter(t) {
            named.push(m.range());
            if scan.is_capital_at(m.start()) && !inside_public(&m.range()) {
                cues.push(Cue {
                    span: m.range(),
                    owner: Owner::Person,
                    specific: true,
                });
            }
        }
        // The broad list of `lexicons/first-names.txt`, added since: a capitalised ASCII
        // word alone (no hyphen either side).
        static WORD: LazyLock<Regex> = LazyLock::new(|| compile(r"\b[a-z]+\b").unwrap());
        let b = t.as_bytes();
        for m in WORD.find_iter(t) {
            let r = m.range();
            let alone = (r.start == 0 || b[r.start - 1] != b'-') && b.get(r.end) != Some(&b'-');
            let glued = r.end < b.len() && b[r.end].is_ascii_alphanumeric();
            if alone
                && !glued
                && !named.iter().any(|n| n.start < r.end && r.start < n.end)
                && scan.is_capital_at(r.start)
                && super::names::is_first_name(m.as_str())
                && !super::context::after_place_word(t, r.start)
                && !inside_public(&r)
            {
                cues.push(Cue {
                    span: r,
                    owner: Owner::Person,
                    specific: true,
                });
            }
        }
        cues.sort_by_key(|c| (c.span.end, c.span.start));
        cues
    }
}

static MATTER: LazyLock<Regex> = LazyLock::new(|| compile(MATTER_PATTERN).expect("matter"));

static HEALTH: LazyLock<Regex> = LazyLock::new(|| compile(HEALTH_PATTERN).expect("health"));

const MATTER_PATTERN: &str = r"(?x)
          \b(?:fait|font|faisait|faisaient|fera|ferait)\s+l'objet\s+d'une?\s+(?:enquete|plainte|mesure\s+disciplinaire|poursuite|accusation)s?\b
        | \bsous\s+enquete\b
        | \benquetes?\s+(?:interne|disciplinaire|administrative|criminelle|policiere|pour\s+harcelement|de\s+la\s+sq|de\s+police)s?\b
        | \benquete\s+(?:contre|visant|concernant|sur)\s+(?:m\.|mme|monsieur|madame|notre|nos|un\s+employe|une\s+employee|l'employe|l'employee|le\s+directeur|la\s+directrice|un\s+collegue|une\s+collegue|un\s+pompier|un\s+elu|une\s+elue|le\s+maire|la\s+mairesse|le\s+conseiller|la\s+conseillere|l'educatrice|une\s+educatrice)
        | \bsuspendue?s?\s+(?:sans\s+solde|de\s+ses\s+fonctions|(?:(?:pour|pendant|durant)\s+)?(?:\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze)\s+(?:jours?|semaines?|mois))
        | \bsuspension\s+(?:sans\s+solde|disciplinaire|(?:de\s+|d')(?:\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze)\s+(?:jours?|semaines?|mois))
        | \bcongediee?s?\b
        | \b(?:a|ont|avait|aurait)\s+ete\s+(?:renvoyee?s?|mise?s?\s+a\s+pied|destituee?s?|retrogradee?s?)\b
        | \b(?:a|ont|avait|aurait|auraient)\s+(?:recu|eu|obtenu|ecope\s+d')\s*(?:une|des|d'une|de)?\s*(?:mesures?\s+disciplinaires?|suspensions?|blames?|reprimandes?)\b(?:\s+(?:disciplinaires?|ecrites?|sans\s+solde|de\s+\d+\s+(?:jours|semaines)))?
        | \b(?:avertissement\s+(?:ecrit|disciplinaire)|lettre\s+de\s+reprimande|reprimande\s+ecrite)\b
        | \b(?:un|le|son|sa|ses|leur|des|ce|deposer|depose|deposee|a\s+depose)\s+griefs?\b
        | \baccusee?s?\s+de\s+harcelement\b
        | \b(?:a|aurait|avoir|ont|auraient)\s+harcele\b
        | \b(?:est|sont|etait|etaient|sera|seront|est\s+toujours|est\s+encore|partie?s?|tombee?s?)\s+en\s+(?:conge\s+de\s+maladie|conge\s+maladie|arret\s+de\s+travail|arret\s+maladie|invalidite|burn-?out|epuisement\s+professionnel|conge\s+d'invalidite)\b
        | \b(?:son|sa|leur)\s+(?:conge\s+de\s+maladie|conge\s+maladie|arret\s+de\s+travail|arret\s+maladie|burn-?out|epuisement\s+professionnel)\b
        | \bfait\s+(?:un|une)\s+(?:burn-?out|depression|epuisement\s+professionnel)\b
        | \bdossier\s+(?:disciplinaire|d'employe|personnel\s+de|medical\s+de)\b";

const HEALTH_PATTERN: &str = r"(?x)
          \b(?:est|sont|etait|etaient|a\s+ete|sera|est\s+devenue?|reste|demeure|est\s+maintenant)\s+(?:tres\s+|gravement\s+|severement\s+|legerement\s+)?
            (?:allergiques?|diabetiques?|epileptiques?|autistes?|asthmatiques?|celiaques?|bipolaires?|schizophrenes?|seropositi(?:f|ve)s?
              |hospitalisee?s?|enceintes?|malades?|atteinte?s?\s+(?:d'|de|du|des)|en\s+(?:depression|chimio|chimiotherapie|dialyse|therapie|sevrage|radiotherapie|convalescence|soins\s+palliatifs)
              |handicapee?s?|operee?s?|paralysee?s?|dyslexiques?|dysphasiques?|trisomiques?|intolerante?s?\s+(?:au|a\s+la|aux|a\s+l'))
        | \ballergiques?\s+(?:aux|au|a\s+la|a\s+l'|a)\b
        | \b(?:souffre|souffrait|souffrent|souffrant)\s+(?:d'|de|du|des)
        | \b(?:a|ont|avait)\s+(?:recu\s+)?(?:un|le)\s+diagnostic\b
        | \bdiagnostiquee?s?\b
        | \b(?:a|ont|avait|fait|faisait)\s+(?:le|la|un|une|des|de\s+l'|du|de\s+la|d')\s*(?:cancer|diabete|leucemie|tumeur|depression|epilepsie|asthme|tdah|sclerose|alzheimer|sida|vih|allergies?|fausse\s+couche|crises?\s+d'epilepsie|convulsions|commotion|varicelle|covid|gastro|coqueluche|rougeole|poux|infection|fracture)\b
        | \b(?:son|sa|ses|leur)\s+(?:allergies?|diabete|cancer|maladie|autisme|tdah|epilepsie|depression|traitement|medicaments?|epipen|epi-pen|diagnostic|handicap|grossesse|chimio|chimiotherapie|trouble|pompe)\b
        | \bprend\s+(?:du|des|de\s+la|de\s+l')\s*(?:ritalin|insuline|medicaments?|antidepresseurs?)\b";

/// A North American number: optional +1, area code (in parentheses or not), exchange,
/// line, with spaces, dots or dashes, and an optional extension.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?x)
        (?:\+?1[\s.-]?)?
        (?:\(\d{3}\)\s?|\d{3}[\s.-]?)
        \d{3}[\s.-]?\d{4}
        (?:\s*,?\s*(?:poste|p\.|ext\.?|x|\#)\s*\d{1,5})?",
    )
    .expect("phone")
});

const STREET_TYPES: &str = r"rue|avenue|av\.?|ave\.?|boulevard|boul\.?|bd\.?|chemin|ch\.|rang|route|rte\.?|montee|place|cote|croissant|impasse|allee|terrasse|promenade|carre|ruelle|sentier|voie|cercle|rond-point|terrasse|prive|domaine";

static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?x)
        \b(?P<number>\d{{1,5}}(?:-?[a-d]\b|-[a-z]\b)?(?:-\d{{1,5}})?)
        ,?\s+
        (?:
            (?P<ordinal>\d{{1,3}}(?:e|er|re|eme|ieme))\s+(?P<otype>rue|avenue|rang|av\.?)
          | (?P<type>{STREET_TYPES})\s+(?:(?:de\s+la|de\s+l'|du|des|de|d'|la|le|les|l')\s*)?(?P<name>[\p{{L}}\d][\p{{L}}\d'-]*)
        )"
    ))
    .expect("address")
});

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}").expect("email")
});

static POSTAL: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b[abceghjklmnprstvxy]\d[abceghj-nprstv-z][ -]?\d[abceghj-nprstv-z]\d\b")
        .expect("postal code")
});

static RANGE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^\s*(?:au|a|et|-)\s+\d").expect("range after"));

static UNIT: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"^,?\s*(?:app\.?|appartement|apt\.?|unite|logement|log\.?|\#)\s*\d{1,4}[a-z]?\b")
        .expect("unit")
});

static CARDINAL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^\s+(?:est|ouest|nord|sud)\b").expect("cardinal"));

static RUN: LazyLock<Regex> = LazyLock::new(|| compile(r"\d+(?:[ .-]\d+)*").expect("digit run"));

/// The old `public_numbers` regex of the rule.
fn old_public_numbers(extra: &[&str]) -> Regex {
    let words = alternation(
        lexicon::PUBLIC_NUMBER_WORDS
            .iter()
            .copied()
            .chain(extra.iter().copied()),
    );
    compile(&format!(r"\b{words}\b")).unwrap()
}

/// The places of a profile: its aliases; the built-in ones come on top.
fn aliases() -> Vec<String> {
    [
        "la Ville",
        "la municipalité",
        "l'hôtel de ville",
        "le conseil municipal",
        "Manoir Gagnon",
        "c.p.",
        "-nous",
        "_x",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

static OLD_CUES: LazyLock<OldCueFinder> = LazyLock::new(|| {
    let places: Vec<String> = lexicon::PUBLIC_PLACES
        .iter()
        .map(|s| s.to_string())
        .chain(aliases())
        .collect();
    OldCueFinder::new(&places, lexicon::PERSON_NOUNS, lexicon::FIRST_NAMES)
});

static NEW_CUES: LazyLock<CueFinder> = LazyLock::new(|| CueFinder::new(&aliases()));

static OLD_NUMBER_WORDS: LazyLock<Regex> =
    LazyLock::new(|| old_public_numbers(&["bon de travail", "Résolution"]));

static NEW_NUMBER_WORDS: LazyLock<Alternation> =
    LazyLock::new(|| Alternation::new(["bon de travail", "Résolution"]));

fn key(c: &Cue) -> (Range<usize>, Owner, bool) {
    (c.span.clone(), c.owner, c.specific)
}

/// Compares the new matchers with the old patterns on one text; returns what differs.
fn differences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(draft) = Draft::parse("t.md", text.to_string(), Format::Markdown) else {
        return out;
    };
    let scan = Scan::new(&draft);
    let t = scan.text();
    let old: Vec<_> = OLD_CUES.find(&scan).iter().map(key).collect();
    let new: Vec<_> = NEW_CUES.find(&scan).iter().map(key).collect();
    if old != new {
        out.push(format!("cues: {old:?} != {new:?}"));
    }
    // The tails the rule tests for public numbers: every suffix that starts a word.
    for (i, _) in t.char_indices() {
        let tail = &t[i..];
        let public = super::PUBLIC_NUMBER_WORDS.is_match(tail) || NEW_NUMBER_WORDS.is_match(tail);
        if OLD_NUMBER_WORDS.is_match(tail) != public {
            out.push(format!("public number words in « {tail} »"));
        }
    }
    let runs: Vec<_> = RUN.find_iter(t).map(|m| m.range()).collect();
    if runs != super::numbers::digit_runs(t) {
        out.push("digit runs".into());
    }
    let addresses: Vec<_> = ADDRESS
        .captures_iter(t)
        .map(|c| {
            let street = c
                .name("type")
                .map(|k| (k.range(), c.name("name").unwrap().range()));
            super::addresses::StreetAddress {
                whole: c.get(0).unwrap().range(),
                number: c.name("number").unwrap().range(),
                street,
            }
        })
        .collect();
    if addresses != super::addresses::street_addresses(t) {
        out.push(format!("addresses: {addresses:?}"));
    }
    let emails: Vec<_> = EMAIL.find_iter(t).map(|m| m.range()).collect();
    if emails != super::contacts::email_addresses(t) {
        out.push(format!("emails: {emails:?}"));
    }
    let postal: Vec<_> = POSTAL.find_iter(t).map(|m| m.range()).collect();
    if postal != super::addresses::postal_codes_in(t) {
        out.push(format!("postal codes: {postal:?}"));
    }
    for (i, _) in t.char_indices() {
        let rest = &t[i..];
        let unit = UNIT.find(rest).map(|m| m.end());
        let cardinal = CARDINAL.find(rest).map(|m| m.end());
        if unit != super::addresses::unit_len(rest)
            || cardinal != super::addresses::cardinal_len(rest)
            || RANGE_AFTER.is_match(rest) != super::addresses::range_follows(rest)
        {
            out.push(format!("unit, cardinal or range after « {rest} »"));
        }
    }
    let phones: Vec<_> = PHONE.find_iter(t).map(|m| m.range()).collect();
    if phones != super::contacts::phone_numbers(t) {
        out.push(format!("phones: {phones:?}"));
    }
    let gates: [(&str, &Regex, bool); 4] = [
        (
            "ramq",
            &super::numbers::RAMQ,
            super::numbers::has_ramq_shape(t),
        ),
        (
            "licence",
            &super::numbers::LICENCE,
            super::numbers::has_licence_shape(t),
        ),
        (
            "birth",
            &super::dates::BIRTH,
            super::dates::has_birth_shape(t),
        ),
        (
            "case",
            &super::matters::CASE,
            super::matters::has_case_shape(t),
        ),
    ];
    for (name, re, gate) in gates {
        if re.is_match(t) && !gate {
            out.push(format!("{name}: the gate misses a match"));
        }
    }
    let (matter, health) = super::matters::split_matches(t);
    let old_matter: Vec<_> = MATTER.find_iter(t).map(|m| m.range()).collect();
    let old_health: Vec<_> = HEALTH.find_iter(t).map(|m| m.range()).collect();
    if old_matter != matter {
        out.push(format!("matters: {old_matter:?} != {matter:?}"));
    }
    if old_health != health {
        out.push(format!("health: {old_health:?} != {health:?}"));
    }
    for (name, gate) in super::matters::other_gates(t) {
        if !gate {
            out.push(format!("{name}: the gate misses a match"));
        }
    }
    out
}

/// The texts of every labelled post of the accuracy sets.
fn labelled_posts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/accuracy");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        // VIGIE_ACCURACY_SKIP=PREFIX[,PREFIX...]: sets left unread, as in the accuracy
        // test (a blind set stays unread until its first run).
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let skipped = std::env::var("VIGIE_ACCURACY_SKIP").is_ok_and(|skip| {
            skip.split(',')
                .any(|x| !x.is_empty() && name.starts_with(x))
        });
        if !skipped && path.extension().is_some_and(|e| e == "toml") {
            let set: toml::Table =
                toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            for post in set["post"].as_array().unwrap() {
                texts.push(post["text"].as_str().unwrap().to_string());
            }
        }
    }
    texts
}

#[test]
fn the_labelled_posts_match_as_before() {
    let posts = labelled_posts();
    assert!(posts.len() > 1000, "{}", posts.len());
    for text in posts {
        // Also without capitals and with glued or doubled spaces.
        let variants = [
            text.clone(),
            text.to_lowercase(),
            text.replace(' ', "  "),
            text.replace(", ", ","),
            text.replace(' ', "\n"),
        ];
        for v in variants {
            let d = differences(&v);
            assert!(d.is_empty(), "{v}\n{d:#?}");
        }
    }
}

/// Words and pieces that the patterns and their gates turn on.
const PIECES: &[&str] = &[
    "Mme",
    "M.",
    "m",
    "Dr",
    "me",
    "Me",
    "le petit",
    "La petite",
    "bébé",
    "Roy",
    "Théo",
    "Julie",
    "Marie-Ève",
    "Marie-Anne",
    "Jean",
    "jean",
    "mon",
    "ma",
    "mes",
    "votre",
    "vos",
    "notre",
    "nos",
    "son",
    "sa",
    "leur",
    "leurs",
    "voisin",
    "voisine",
    "fils",
    "grand-mère",
    "petit-fils",
    "petits-enfants",
    "col bleu",
    "code postal",
    "cellulaire",
    "la",
    "le",
    "les",
    "l'",
    "un",
    "une",
    "des",
    "du",
    "au",
    "lesoeur",
    "habite",
    "habitent",
    "chez",
    "lui",
    "vous",
    "dis-moi",
    "-moi",
    "-nous",
    "joignez-nous",
    "résidence de",
    "aréna",
    "arénas",
    "hôtel de ville",
    "Hôtel",
    "c.p.",
    "c.p",
    "McDonald's",
    "station-service",
    "service",
    "la Ville",
    "Ville",
    "pour",
    "devant",
    "Nicol-Auto",
    "de",
    "d'",
    "né",
    "née",
    "nés",
    "ne",
    "Ne",
    "ne.e",
    "né(e)",
    "naissance",
    "date de naissance",
    "DDN",
    "le",
    "ce matin, le",
    "ce",
    "dans la nuit du",
    "en date du",
    "au matin du",
    "lundi",
    "12",
    "1er",
    "mai",
    "mars",
    "1987",
    "12/03/1987",
    "1987-03-12",
    "15-07-1950",
    ":",
    ",",
    ".",
    "!",
    "?",
    "-",
    "'",
    "#",
    "n°",
    "no",
    "n.",
    "numéro",
    "dossier",
    "dossiers",
    "demande",
    "plainte",
    "requête",
    "constat d'infraction",
    "billet de stationnement",
    "est le",
    "sera",
    "2025-0123",
    "AO-2025-03",
    "ab123",
    "noab-12",
    "2025",
    "045",
    "45",
    "45,",
    "rue",
    "ruelle",
    "boul.",
    "av.",
    "avec",
    "5e",
    "2e",
    "Avenue",
    "rang",
    "Principale",
    "des Érables",
    "app. 4",
    "Est",
    "du 100 au 250",
    "100-250",
    "12a",
    "4-b",
    "J9Z",
    "2X3",
    "J9Z2X3",
    "J9Z-2X3",
    "D9Z",
    "819-555-1234",
    "(819)",
    "(819) 555-1234",
    "819 555 1234",
    "819.555.1234",
    "+1",
    "1-800-363-9010",
    "poste",
    "221",
    "8195551234",
    "5551234",
    "TREM",
    "8553",
    "1512",
    "trem85531512",
    "T6523-120387-07",
    "T",
    "6523",
    "120387",
    "07",
    "4111 1111 1111 1111",
    "046 454 286",
    "046454286",
    "transit",
    "00123",
    "institution",
    "815",
    "compte",
    "folio",
    "dépôt direct",
    "nas",
    "NAS",
    "TPS",
    "RT0001",
    "marc@gmail.com",
    "info@ville.ca",
    "@VilleLaSarre",
    "a@b",
    "x@y.z",
    "écrivez-moi",
    "mon adresse",
    "me joindre",
    "fait",
    "l'objet",
    "d'une",
    "enquête",
    "enquêtes",
    "interne",
    "sous",
    "contre",
    "suspendu",
    "sans solde",
    "suspension",
    "congédié",
    "congédiée",
    "a",
    "été",
    "renvoyé",
    "mis à pied",
    "reçu",
    "eu",
    "une mesure disciplinaire",
    "blâme",
    "réprimande",
    "avertissement écrit",
    "lettre de réprimande",
    "grief",
    "griefs",
    "accusé",
    "de harcèlement",
    "harcelé",
    "est",
    "en",
    "congé de maladie",
    "arrêt de travail",
    "invalidité",
    "burn-out",
    "burnout",
    "épuisement professionnel",
    "dépression",
    "dossier",
    "disciplinaire",
    "d'employé",
    "personnel de",
    "médical de",
    "plainte pour harcèlement",
    "mesures disciplinaires",
    "huis clos",
    "huis-clos",
    "rapport",
    "confidentiel",
    "confidentielle",
    "renseignements",
    "sur",
    "allergique",
    "aux",
    "diabétique",
    "malade",
    "atteinte de",
    "en chimio",
    "souffre",
    "diagnostic",
    "diagnostiquée",
    "lecancer",
    "la",
    "cancer",
    "de l'asthme",
    "d'épilepsie",
    "fausse couche",
    "son épipen",
    "EpiPen",
    "prend",
    "du ritalin",
    "très",
    "straße",
    "Ωmega",
    "œuvre",
    "_",
    "x_y",
    "\t",
    "\u{a0}",
    // Whole values, so that the patterns match often.
    "née le 3 mai 2021",
    "né le 1er mars 1987",
    "Date de naissance : 12/03/1987",
    "DDN 1987-03-12",
    "né(e) le 14 février",
    "née ce matin, le 2 juin",
    "né le mardi 4 mai",
    "date de naissance de mon père : 15-07-1950",
    "45, rue des Érables",
    "12, 5e Avenue Est",
    "1250 boul. Saint-Joseph, app. 4",
    "312 rang 4",
    "7 montée Gagnon",
    "12a, rue Roy",
    "votre requête no 2025-01234",
    "dossier : AO-2025-03",
    "billet #45821",
    "Mme Roy est allergique aux arachides",
    "fait l'objet d'une enquête interne",
    "a reçu une suspension de 3 jours",
    "ext. 12",
    "ext 5",
    "x 4",
    ", poste 1234567",
    "+1 (819) 555-1234",
    "(819)555-1234",
    "819555-1234",
    "1 819 555 1234",
    "+1-819",
    "100-250, rue",
    "4-b rue",
    "12-a, av. Roy",
    "12 ave. des Pins",
    "3 de la Gare",
    "12 rue de Lalande",
    "5eme rue",
    "3ieme av.",
    "1234567 rue",
    "45 rue 12",
    "7 ch. du Lac",
    "rue d' Amour",
    "app. 4b",
    "appartement 12",
    "apt 3",
    "unité 1234",
    "logement 12345",
    "# 4",
    "log.7",
    " nord",
    " ouest",
    "au 250",
    "et 12",
    "- 4",
    "jean.roy@x-y.ca",
    "a.b@c.d9.ef",
    "@x.y",
    "x@.ca",
    "marc@gmail.com.",
    "a@b..cd",
    "info@ville.lasarre.qc.ca",
    "J9Z 2X3",
    "j9z-2x3",
    "h0h0h0",
    "a1a 1a1a",
];

fn generated() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(PIECES);
    let sep = prop::sample::select(&[" ", " ", " ", "", "  ", "\n", ", ", ". ", "-", "'"][..]);
    prop::collection::vec((piece, sep), 1..14).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(p, s)| format!("{p}{s}"))
            .collect::<String>()
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(4000)
    })]

    #[test]
    fn generated_texts_match_as_before(text in generated()) {
        let d = differences(&text);
        prop_assert!(d.is_empty(), "{}\n{:#?}", text, d);
    }
}
