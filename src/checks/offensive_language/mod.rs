//! `offensive-language`: insults, sacres, slurs, vulgarity and threats.
//!
//! Why: La Sarre's nétiquette (art. 5.5) forbids "attaques ou insultes", comments
//! "discriminatoires, désobligeants ou offensants" and "langage agressif, grossier ou
//! violent"; Drummondville's (annexe 1) "propos violents, obscènes, … haineux,
//! discriminatoires", "attaques et insultes personnelles" and "propos susceptibles
//! d'être perçus comme étant agressifs"; Saint-Urbain (principe 3) "commentaires
//! désobligeants"; Vallée-des-Rivières (art. 5) "contenu litigieux"; the CPE's code
//! (art. 5 vi)) harassment, threats and discrimination.
//!
//! How: a lexicon (`lexicon.txt`, embedded) matched on whole words of the folded prose
//! (case, accents and apostrophes folded; elided articles split off; hyphenated
//! compounds kept whole, so "Saint-Cirq" or "cul-de-sac" never match a part). Words with
//! an ordinary sense are offensive only in the context their entry names: "hostie",
//! "calice", "tabernacle" only as sacres ("hostie de gang", "en calice", "Calvaire !"),
//! "cave" or "colon" only after "espèce de", "gang de", "t'es", "maudit"…, "maudit"
//! only before a noun. Minced oaths ("tabarouette", "mautadit") are reported as info.
//! Profiles add or remove words with `add` and `remove`.

mod constructions;
mod lexicon;
mod stereotypes;
mod words;

use serde::Deserialize;

use self::lexicon::{Form, Kind, Lexicon, Mode, Section, Tables};
use self::words::{count_variants, well_formed};
use super::{Check, Context, ParamError, Rule, params, validate};
use crate::checks::semantics;
use crate::draft::Author;
use crate::finding::{Diagnostic, Severity};
use crate::policy::{Policy, RuleSettings};
use std::ops::Range;

pub const RULE: Rule = Rule {
    id: "offensive-language",
    name: "Propos offensants",
    doc: concat!(
        "\
Repère les insultes, les sacres, les propos discriminatoires ou haineux, les mots grossiers
et les menaces.

Ce qui compte : les mots d'un lexique québécois et français, reconnus comme mots entiers,
sans égard aux majuscules, aux accents ni aux apostrophes (« l'imbécile », « d'hosties »),
avec leurs formes au féminin et au pluriel, les graphies des sacres (tabarnak, tabarnac,
câlisse, crisse, ostie, esti, ciboire…) et les mots masqués (« tabarn@k », « c*n »), et des
tournures menaçantes (« je vais te casser
la gueule », « on sait où tu restes »). Les jurons adoucis (« tabarouette », « mautadit »,
« sapristi ») sont signalés comme simple information.

Compte aussi une insulte par construction, un mot ordinaire dit de personnes : « vous
êtes des cochons », « les gens qui… sont des cochons », « une bande de chialeux », « c'est
un vrai clown, un incompétent fini », « Des vraies dindes. », « être cave en maudit »,
« c'est pathétique », un vocatif sarcastique (« tellement constructif, génie 🙄 ») ; et
une menace voilée (« je connais ton char », « il va le regretter »).

Ce qui ne compte pas : un mot caché dans un autre (« classique », « rue Lacasse »,
« Saint-Cirq », « cul-de-sac »), les mots religieux dans leur sens propre (« le calice de
l'église », « l'hostie », « le tabernacle de bois »), les mots ordinaires qui ne deviennent
insultants qu'en contexte (« la cave », « les premiers colons », « les ordures ménagères »
ne comptent pas; « gang de caves », « maudit colon » comptent), « maudit » après un nom
(« le manoir maudit »).

Types : `sacre`, `insult`, `slur` (propos discriminatoire), `vulgarity`, `threat`
(propos agressif ou menaçant), `custom` (mot ajouté par le profil).

",
        crate::checks::model_note!(),
        "

Réglages : `add` (mots ou expressions à ajouter, ex. [\"pissou(s)\"]), `remove` (mots du
lexique à retirer) et `authors` (les rôles dont la politique encadre les comptes personnels,
par exemple [\"employee\", \"contractor\"] ; sans ce réglage, tous ; une publication
officielle, ou dont l'auteur n'est pas indiqué, est toujours lue).

Exemple : « Encore une gang de caves au conseil, tabarnak ! »
Correction : « Je suis déçu de la décision du conseil sur ce dossier. » Critiquez les
décisions et les faits, jamais les personnes, et sans sacrer."
    ),
    validate: validate::<Params>,
    build,
    explain_profile: super::nothing_to_add,
    personal_data: false,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    /// Words or phrases the profile adds (notation of `lexicon.txt`).
    #[serde(default)]
    add: Vec<String>,
    /// Words or phrases of the built-in lexicon the profile removes.
    #[serde(default)]
    remove: Vec<String>,
    /// The roles whose personal posts the policy binds (when not set, every role); an
    /// official post, or one whose author is not given, is always read.
    #[serde(default)]
    authors: Option<Vec<Author>>,
}

/// The most variants one word of `add` or `remove` may give: `(a|b)` groups multiply
/// them (thirty groups give a billion), and each is kept in memory.
pub const MAX_VARIANTS: u64 = 1_000;

struct OffensiveLanguage {
    lexicon: Lexicon,
    authors: Option<Vec<Author>>,
}

fn build(settings: &RuleSettings, _policy: &Policy) -> Result<Box<dyn Check>, ParamError> {
    let params: Params = params(settings)?;
    for (key, list) in [("add", &params.add), ("remove", &params.remove)] {
        if let Some(bad) = list.iter().find(|w| w.trim().is_empty() || !well_formed(w)) {
            return Err(ParamError {
                key: key.into(),
                message: format!(
                    "« {bad} » n'est pas un mot valide (vide ou parenthèses non appariées)"
                ),
            });
        }
        if let Some(bad) = list.iter().find(|w| count_variants(w) > MAX_VARIANTS) {
            let count = match count_variants(bad) {
                u64::MAX => "des milliards de".to_string(),
                n => n.to_string(),
            };
            return Err(ParamError {
                key: key.into(),
                message: format!(
                    "« {bad} » donne {count} variantes (au plus {MAX_VARIANTS}) : écrivez plutôt \
                     plusieurs mots plus simples"
                ),
            });
        }
    }
    Ok(Box::new(OffensiveLanguage {
        lexicon: Lexicon::new(&BUILTIN, &params.add, &params.remove),
        authors: params.authors,
    }))
}

/// The built-in list (`lexicon.txt`), read, checked and laid out by the build script.
static BUILTIN: Tables = include!(concat!(env!("OUT_DIR"), "/offensive-lexicon.rs"));

/// The insults and slurs of the folded `text` this rule reads with its built-in list:
/// the words of the list in their context and the insults said by construction ("c'est
/// le plus gros trou de cul", "sont des vrais clowns"), without sacres, vulgarities,
/// threats or minced oaths. `negative-about-employer` reads them too: one list and one
/// matcher say what an insult is, whoever it is aimed at.
pub fn insults(text: &str) -> Vec<Range<usize>> {
    static LEXICON: std::sync::LazyLock<Lexicon> =
        std::sync::LazyLock::new(|| Lexicon::new(&BUILTIN, &[], &[]));
    let text = LEXICON.unmask(text);
    let ws = words::words(&text);
    let mut found: Vec<Range<usize>> = LEXICON
        .find(&ws, &|_| false)
        .into_iter()
        .filter(|h| matches!(h.kind, Kind::Insult | Kind::Slur) && !h.mild)
        .map(|h| h.range)
        .collect();
    let constructed: Vec<Range<usize>> = constructions::find(&text, &ws, &found)
        .into_iter()
        .filter(|f| !f.threat)
        .map(|f| f.range)
        .collect();
    found.extend(constructed);
    found.sort_by_key(|r| r.start);
    found
}

/// A hashtag's folded letters cut into the fewest words that `known` accepts
/// ("grosseniaiseuse" → "grosse niaiseuse"), when it takes two words or more; pieces of
/// one letter only for "a" and "y".
fn segment(tag: &str, known: impl Fn(&str) -> bool) -> Option<String> {
    let bounds: Vec<usize> = tag
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(tag.len()))
        .collect();
    let n = bounds.len() - 1;
    // best[j]: the fewest pieces that cover the first j characters, and where the last
    // piece starts.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for j in 1..=n {
        for i in 0..j {
            let Some((count, _)) = best[i] else { continue };
            let piece = &tag[bounds[i]..bounds[j]];
            let fits = (j - i > 1 || matches!(piece, "a" | "y")) && known(piece);
            if fits && best[j].is_none_or(|(c, _)| count + 1 < c) {
                best[j] = Some((count + 1, i));
            }
        }
    }
    let (count, _) = best[n]?;
    if count < 2 {
        return None;
    }
    let mut pieces = Vec::with_capacity(count);
    let mut j = n;
    while j > 0 {
        let (_, i) = best[j]?;
        pieces.push(&tag[bounds[i]..bounds[j]]);
        j = i;
    }
    pieces.reverse();
    Some(pieces.join(" "))
}

impl OffensiveLanguage {
    /// True when the words of a hashtag ("#grosseniaiseuse", "#ToutesDesNiaiseuses")
    /// hold an insult or a slur of the list. Hashtags are no prose: their words are cut
    /// here, by the capitals where it has some, or else into the fewest words the French
    /// lexicon or the list knows.
    fn hashtag_insults(&self, tag: &str) -> bool {
        let letters = tag.trim_start_matches('#');
        // "#ToutesDesNiaiseuses": the capitals cut it.
        let by_capitals: String = letters
            .char_indices()
            .flat_map(|(i, c)| {
                let space = (i > 0 && c.is_uppercase()).then_some(' ');
                space.into_iter().chain(std::iter::once(c))
            })
            .collect();
        let folded = crate::text::fold(&by_capitals);
        let insult = |text: &str| {
            let pieces = words::words(text);
            self.lexicon
                .find(&pieces, &|_| false)
                .iter()
                .any(|h| matches!(h.kind, Kind::Insult | Kind::Slur) && !h.mild)
        };
        if insult(&folded) {
            return true;
        }
        if folded.contains(' ') || folded.len() < 6 || crate::text::morph::is_known(&folded) {
            return false;
        }
        let known =
            |piece: &str| crate::text::morph::is_known(piece) || self.lexicon.may_start(piece);
        segment(&folded, known).is_some_and(|cut| insult(&cut))
    }
}

/// Warnings that open a threat (never a threat alone: "fais attention à toi" is also
/// care).
const WARNINGS: &[&str] = &[
    "fais attention a toi",
    "faites attention a vous",
    "fais ben attention",
    "faites ben attention",
    "t'es mieux de",
    "vous etes mieux de",
    "gare a toi",
    "gare a vous",
];

/// Works whose titles are quoted: « Le Dîner de cons », the play, is not an insult.
const WORKS: &[&str] = &[
    "film",
    "piece",
    "spectacle",
    "livre",
    "roman",
    "chanson",
    "album",
    "exposition",
    "conference",
    "titre",
    "serie",
    "emission",
    "balado",
    "documentaire",
    "presente",
    "presentent",
    "theatre",
    "humoriste",
    "oeuvre",
    "bd",
    "concert",
    "pièce",
    "opera",
];

/// True when `span` lies in a short quotation (« … » or “ … ”) that names a work: a
/// title noun ("la pièce", "le film", "présente") stands just before the quotation.
/// A title is short: the quotation marks are looked for within [`TITLE_REACH`] bytes of
/// the span, so that the cost of a finding does not grow with the post.
fn in_title(source: &str, span: &std::ops::Range<usize>) -> bool {
    let from = char_boundary_before(source, span.start.saturating_sub(TITLE_REACH));
    let before = &source[from..span.start];
    let Some(open) = before.rfind(['«', '“']).map(|i| from + i) else {
        return false;
    };
    if source[open..span.start].contains(['»', '”']) {
        return false;
    }
    let to = char_boundary_before(source, (span.end + TITLE_REACH).min(source.len()));
    let closed = source[span.end..to]
        .find(['»', '”'])
        .is_some_and(|close| !source[span.end..span.end + close].contains('\n'));
    let lead =
        crate::text::fold(&source[char_boundary_before(source, open.saturating_sub(40))..open]);
    let names_work = lead
        .split(|c: char| !c.is_alphanumeric())
        .rev()
        .filter(|w| !w.is_empty())
        .take(3)
        .any(|w| WORKS.contains(&w));
    closed && names_work
}

/// How far from an offensive word the quotation marks of a title may be, in bytes.
const TITLE_REACH: usize = 200;

/// The nearest character boundary at or before `at`.
fn char_boundary_before(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Words that open a new clause or a complement: a sacre's noun phrase ends before them.
const PHRASE_ENDS: &[&str] = &[
    "qui", "que", "qu'", "pis", "et", "mais", "parce", "quand", "car", "ou", "alors", "si",
    "comme", "pour", "avec", "sur", "dans", "est", "sont", "a", "ont", "etait", "va", "vont", "c'",
    "ca", "je", "j'", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles",
];

/// A sacre that opens an exclamation is underlined with it, as a reader underlines it:
/// "Crisse de ville de nonos", "Câlisse de Ville incapable" (its noun phrase);
/// "Calvaire que le monde est niaiseux" (to the end of the clause, when the clause holds
/// another finding: "Sti que c'était long" stays on "Sti"). What the lexicon found inside (an
/// insult, a vulgar word) becomes part of one finding, an insult when it held one.
fn widen_sacres(text: &str, ws: &[words::Word<'_>], hits: &mut Vec<lexicon::Hit>) {
    let mut i = 0;
    while i < hits.len() {
        let h = &hits[i];
        let next = ws.get(h.end).filter(|w| !w.break_before);
        let end = match (h.kind, h.mild, h.end > h.start, next.map(|w| w.text)) {
            (Kind::Sacre, false, true, Some("que" | "qu'")) => {
                crate::text::between_stops(text, h.range.clone(), |c| {
                    matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | '\n')
                })
                .end
            }
            (Kind::Sacre, false, true, Some("de" | "d'")) => {
                let phrase = ws[h.end + 1..]
                    .iter()
                    .take(6)
                    .take_while(|w| !w.break_before && !PHRASE_ENDS.contains(&w.text))
                    .last();
                match phrase {
                    Some(w) => w.range.end,
                    None => {
                        i += 1;
                        continue;
                    }
                }
            }
            _ => {
                i += 1;
                continue;
            }
        };
        // "Décâlissez de notre parc": a verb, whose "de" opens its complement.
        if text[h.range.clone()].starts_with("de") {
            i += 1;
            continue;
        }
        let range = h.range.start..end.max(h.range.end);
        let exclamation = matches!(next.map(|w| w.text), Some("que" | "qu'"));
        let inside = |o: &lexicon::Hit| range.start <= o.range.start && o.range.end <= range.end;
        // "Sti que c'était long": the sacre alone; "Calvaire que le monde est niaiseux":
        // the clause, which holds an insult.
        if exclamation && !hits.iter().any(|o| inside(o) && o.range != hits[i].range) {
            i += 1;
            continue;
        }
        let insult = hits
            .iter()
            .any(|o| inside(o) && matches!(o.kind, Kind::Insult | Kind::Slur));
        let h = &mut hits[i];
        h.range = range.clone();
        if insult {
            h.kind = Kind::Insult;
        }
        let keep = h.range.clone();
        let mut at = 0;
        hits.retain(|o| {
            at += 1;
            at - 1 == i || !(keep.start <= o.range.start && o.range.end <= keep.end)
        });
        i = hits.iter().position(|o| o.range == keep).map_or(i, |p| p) + 1;
    }
}

/// True when the last word of `range` is an animal that the text names as an animal
/// elsewhere, with a possessive or a definite article: "Mon chien a mangé la tourtière.
/// Crisse de chien." is said of the dog. Not after "un": "c'est un chien" is the insult.
fn literal_animal(ws: &[words::Word<'_>], range: &Range<usize>) -> bool {
    let Some(last) = ws
        .iter()
        .rposition(|w| w.range.end <= range.end && w.range.start >= range.start)
    else {
        return false;
    };
    let animal = ws[last].text;
    semantics::insult(animal) == Some(semantics::Insult::Animal)
        && ws.iter().enumerate().any(|(i, w)| {
            i > 0
                && w.text == animal
                && !(range.start <= w.range.start && w.range.end <= range.end)
                && matches!(
                    ws[i - 1].text,
                    "mon"
                        | "ma"
                        | "mes"
                        | "notre"
                        | "nos"
                        | "le"
                        | "la"
                        | "les"
                        | "son"
                        | "sa"
                        | "ses"
                        | "leur"
                        | "du"
                        | "au"
                        | "aux"
                        | "ton"
                        | "ta"
                )
        })
}

fn message(kind: Kind, mild: bool, excerpt: &str) -> (String, &'static str) {
    match kind {
        Kind::Sacre if mild => (
            format!("Juron adouci « {excerpt} » : familier pour une publication."),
            "Préférez une formulation neutre.",
        ),
        Kind::Sacre => (
            format!("Sacre : « {excerpt} »."),
            "Retirez le sacre ; exprimez la même idée sans juron.",
        ),
        Kind::Vulgarity => (
            format!("Mot grossier ou obscène : « {excerpt} »."),
            "Retirez ce mot ou remplacez-le par un terme courtois.",
        ),
        Kind::Insult => (
            format!("Insulte : « {excerpt} »."),
            "Retirez l'insulte : critiquez les décisions ou les faits, jamais les personnes.",
        ),
        Kind::Slur => (
            format!("Propos discriminatoire ou haineux : « {excerpt} »."),
            "Retirez ce propos : il vise des personnes pour leur origine, leur religion, leur sexe, \
             leur orientation ou un handicap.",
        ),
        Kind::Threat => (
            format!("Propos agressif ou menaçant : « {excerpt} »."),
            "Retirez ce propos. Si vous êtes témoin d'une menace réelle, signalez-la au service de police.",
        ),
        Kind::Custom => (
            format!("Mot proscrit par la politique : « {excerpt} »."),
            "Retirez ce mot ou reformulez.",
        ),
    }
}

impl Check for OffensiveLanguage {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let before = out.len();
        // A parent volunteer at a CPE whose policy binds its staff only: what they say
        // on their own account is theirs. The words are still pointed out, as a
        // reminder that cites no article.
        if cx.meta.is_personal() && !cx.meta.bound_by(self.authors.as_deref()) {
            let role = cx.meta.author.map_or("", Author::french_plural);
            self.read(cx, out);
            for d in &mut out[before..] {
                d.severity = Some(Severity::Info);
                d.outside_policy = true;
                d.message = format!(
                    "{} La politique ne vise pas {role} sur leurs comptes personnels : \
                     ce n'est qu'un rappel.",
                    d.message
                );
            }
            return;
        }
        self.read(cx, out);
    }
}

impl OffensiveLanguage {
    /// The findings of [`Check::check`], as the profile's severity gives them.
    fn read(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let draft = cx.draft;
        let before = out.len();
        // Read only for a post that holds a sacre.
        let aimless = std::cell::OnceCell::new();
        let aimless =
            || *aimless.get_or_init(|| cx.meta.is_personal() && aims_at_nobody(&cx.folded().text));
        for paragraph in cx.paragraphs() {
            let folded = cx.folded().part(paragraph.clone());
            // Masked words spelled out ("tabarn@k", "c*n"), at the same offsets.
            let text = self.lexicon.unmask(folded.text);
            let text = text.as_ref();
            let ws = words::words(text);
            let capital = |i: usize| {
                let at = folded.original(ws[i].range.clone()).start;
                draft.source[at..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            };
            let mut hits = self.lexicon.find(&ws, &capital);
            // An animal the post speaks of as an animal ("Mon chien… Crisse de chien."):
            // a sacre said of it, or nothing when the animal stands alone.
            hits.retain_mut(|h| {
                if h.kind != Kind::Insult || !literal_animal(&ws, &h.range) {
                    return true;
                }
                h.kind = Kind::Sacre;
                ws.iter()
                    .filter(|w| h.range.start <= w.range.start && w.range.end <= h.range.end)
                    .count()
                    > 1
            });
            // An insult is underlined with its noun phrase: "un gros épais", "une bande
            // de dindes".
            for h in hits
                .iter_mut()
                .filter(|h| matches!(h.kind, Kind::Insult | Kind::Slur) && h.end > h.start)
            {
                let from = constructions::phrase_start(&ws, h.start);
                h.range.start = ws[from].range.start;
            }
            // Insults said of people by construction ("sont des cochons", "c'est un vrai
            // clown, un incompétent fini"), where the lexicon found none.
            let insults: Vec<_> = hits
                .iter()
                .filter(|h| h.kind == Kind::Insult && !h.mild)
                .map(|h| h.range.clone())
                .collect();
            for found in constructions::find(text, &ws, &insults) {
                let r = found.range.clone();
                // The lexicon's own finding stays, on its words, and takes in what the
                // construction adds after them: "un menteur pis un fraudeur".
                let mut overlaps = hits
                    .iter_mut()
                    .filter(|h| h.range.start < r.end && r.start < h.range.end && !h.mild);
                if let Some(h) = overlaps.next() {
                    if h.kind == Kind::Insult && r.start <= h.range.start && h.range.end < r.end {
                        h.range.end = r.end;
                    }
                    // A sacre the construction makes the noun of a person: "ces
                    // osties-là", "un gros tabarnak".
                    if h.kind == Kind::Sacre
                        && !found.threat
                        && r.start <= h.range.start
                        && h.range.end <= r.end
                        && r != h.range
                    {
                        h.kind = Kind::Insult;
                        h.range = r;
                    }
                    continue;
                }
                hits.push(lexicon::Hit {
                    start: 0,
                    end: 0,
                    range: r,
                    kind: if found.threat {
                        Kind::Threat
                    } else {
                        Kind::Insult
                    },
                    mild: false,
                });
            }
            // Discrimination without a slur ("qu'ils retournent chez eux", "les vieux
            // devraient pu avoir le droit de conduire"): the sentence, which takes in what
            // the lexicon found in it.
            for r in stereotypes::find(text, &ws) {
                // What was found inside the sentence, up to its closing punctuation (the
                // model underlines it), is the statement read here.
                let stop: usize = text[r.end..]
                    .chars()
                    .take_while(|c| ".!?…".contains(*c))
                    .map(char::len_utf8)
                    .sum();
                hits.retain(|h| !(r.start <= h.range.start && h.range.end <= r.end + stop));
                if hits
                    .iter()
                    .any(|h| h.range.start < r.end && r.start < h.range.end)
                {
                    continue;
                }
                hits.push(lexicon::Hit {
                    start: 0,
                    end: 0,
                    range: r,
                    kind: Kind::Slur,
                    mild: false,
                });
            }
            hits.sort_by_key(|h| h.range.start);
            widen_sacres(text, &ws, &mut hits);
            // A warning before a threat is part of it: "Fais attention à toi, mon homme.
            // Je connais ton char."
            if let Some(threat) = hits.iter_mut().find(|h| h.kind == Kind::Threat)
                && let Some(at) = WARNINGS
                    .iter()
                    .filter_map(|w| text[..threat.range.start].find(w))
                    .min()
            {
                threat.range.start = at;
            }
            // A veiled threat whose words found open its clause is underlined with the
            // clause: a warning with its subject ("Le maire devrait faire attention quand
            // il sort…"), what one knows of the person ("je sais où tu…"), an exposure
            // ("publier ta photo partout tant que…"). "Fermez vos gueules au conseil"
            // stays on its three words.
            for threat in hits.iter_mut().filter(|h| h.kind == Kind::Threat) {
                let r = &mut threat.range;
                let found = &text[r.clone()];
                let modal = ["devrai", "ferai", "feriez"]
                    .iter()
                    .any(|m| found.starts_with(m));
                let open = modal
                    || found.ends_with("partout")
                    || [" ou ", " quand ", " a quelle heure "]
                        .iter()
                        .any(|w| found.contains(w));
                if open {
                    let clause = crate::text::between_stops(text, r.clone(), |c| {
                        matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | '\n')
                    });
                    *r = if modal { clause.start } else { r.start }..clause.end;
                }
            }
            for hit in hits {
                let span = folded.original(hit.range.clone());
                if in_title(&draft.source, &span) {
                    continue;
                }
                let excerpt = &draft.source[span.clone()];
                let private = cx.meta.is_personal()
                    && ((hit.kind == Kind::Sacre
                        && !hit.mild
                        && (aimless() || said_of_a_thing(text, &ws, &hit.range, capital)))
                        || (hit.kind == Kind::Vulgarity
                            && vulgar_of_a_thing(text, &ws, &hit.range, capital)));
                let (message, help) = if private {
                    (
                        format!(
                            "{} sur un compte personnel : « {excerpt} ». Il ne vise personne \
                             et ne parle pas de votre travail : la politique ne l'interdit pas.",
                            if hit.kind == Kind::Sacre {
                                "Sacre"
                            } else {
                                "Mot grossier"
                            }
                        ),
                        "Gardez-le hors de toute publication qui parle de votre employeur ou de \
                         personnes.",
                    )
                } else {
                    message(hit.kind, hit.mild, excerpt)
                };
                let mut d = Diagnostic::new(span, message, help).kind(hit.kind.id());
                if hit.mild || private {
                    d = d.severity(Severity::Info);
                }
                // It says the policy does not forbid it: it quotes no article either.
                if private {
                    d = d.outside_policy();
                }
                out.push(d);
            }
        }
        // Insults glued in a hashtag, which the paragraphs do not read as prose.
        for span in draft.hashtags() {
            let tag = &draft.source[span.clone()];
            if self.hashtag_insults(tag) {
                let (message, help) = message(Kind::Insult, false, tag);
                out.push(Diagnostic::new(span, message, help).kind(Kind::Insult.id()));
            }
        }
        // Only in a post where the patterns found nothing: a second finding on the
        // same breach would only repeat it.
        let found = out.len() > before;
        if let Some(span) = (!found)
            .then(|| {
                crate::checks::model_sentence_where(cx, "offensive-language", |s| {
                    may_aim_at_people(cx, s)
                })
            })
            .flatten()
            .filter(|span| !in_title(&draft.source, span))
        {
            out.push(
                Diagnostic::new(
                    span.clone(),
                    format!(
                        "Propos irrespectueux envers des personnes (insulte, mépris ou menace voilée) : « {} ».",
                        draft.source[span].trim()
                    ),
                    "Reformulez sans viser les personnes : critiquez les décisions ou les faits, avec courtoisie.",
                )
                .kind(Kind::Insult.id()),
            );
        }
    }
}

/// Words that speak to or of a person: someone addressed or a pronoun.
const PERSONS: &[&str] = &[
    "tu", "t'", "te", "toi", "vous", "ton", "ta", "tes", "votre", "vos", "il", "elle", "ils",
    "elles", "lui", "eux",
];

/// True when a personal post, folded, aims at nobody: it speaks to no one, names no
/// people ("les gens", "mon boss", "les parents") and nothing of work or of the
/// organisation. A sacre there ("Calvaire de verglas!", "un crisse de beau but") is
/// the author's own business: the policies bind what is said of the employer and of
/// people.
fn aims_at_nobody(folded: &str) -> bool {
    const WORK: &[&str] = &[
        "ville",
        "municipalite",
        "municipal",
        "municipale",
        "cpe",
        "conseil",
        "maire",
        "mairesse",
        "travail",
        "job",
        "jobbe",
        "bureau",
        "boss",
        "patron",
        "patronne",
        "gestionnaire",
        "direction",
        "employeur",
        "collegue",
        "collegues",
        "garderie",
        "educatrice",
        "educatrices",
        "shift",
        "quart",
        "usine",
        "garage",
        "caserne",
        "arena",
        "client",
        "clients",
        "citoyen",
        "citoyens",
        "parent",
        "parents",
    ];
    // The author's family is private life too: "Mon père a crié si fort que le chien est
    // parti se cacher."
    const FAMILY: &[&str] = &[
        "pere",
        "mere",
        "frere",
        "soeur",
        "fils",
        "fille",
        "gars",
        "chum",
        "blonde",
        "femme",
        "mari",
        "enfants",
        "kids",
        "parente",
        "grand-pere",
        "grand-mere",
        "oncle",
        "tante",
        "cousin",
        "cousine",
        "beau-frere",
        "belle-soeur",
        "neveu",
        "niece",
        "bebe",
    ];
    let ws = words::words(folded);
    !folded.contains('@')
        && ws.iter().enumerate().all(|(i, w)| {
            // "pâté chinois" is a dish, not a people.
            let dish = i > 0 && ws[i - 1].text == "pate";
            !PERSONS.contains(&w.text)
                && !matches!(w.text, "leur" | "leurs")
                && !WORK.contains(&w.text)
                && (FAMILY.contains(&w.text) || !semantics::is_people(w.text))
                && (dish || semantics::group(w.text).is_none())
        })
}

/// True when a sacre is said of the thing it names, in a sentence that aims at nobody:
/// "Ostie de tempête, 40 cm…", "Câlisse de chat qui a encore vomi", "Tabarnak que
/// l'Abitibi sait comment nous faire sentir vivants". The rest of the post does not
/// change what such a sacre is aimed at. Not a time, which stands for what happened in
/// it ("Ostie de journée" after a meeting), nor people, work or the organisation.
fn said_of_a_thing(
    text: &str,
    ws: &[words::Word<'_>],
    sacre: &Range<usize>,
    capital: impl Fn(usize) -> bool,
) -> bool {
    // The impersonal verbs of the weather, after "il".
    const WEATHER: &[&str] = &[
        "fait",
        "faisait",
        "fera",
        "neige",
        "neigeait",
        "neigera",
        "pleut",
        "pleuvait",
        "pleuvra",
        "vente",
        "ventait",
        "gele",
        "gelait",
        "mouille",
        "mouillait",
        "grele",
        "tombe",
    ];
    // The sacre is underlined with the noun it opens ("Ostie de tempête"): its "de". A
    // face or a symbol closes a sentence as a full stop does ("Ostie de pont encore
    // fermé 😤 Bonne journée pareil tout le monde").
    let sentence = crate::text::between_stops(text, sacre.clone(), |c| {
        matches!(c, '.' | '!' | '?' | '\n') || crate::checks::special_characters::is_emoji(c)
    });
    let Some(k) = ws
        .iter()
        .position(|w| w.range.start > sacre.start && matches!(w.text, "de" | "d'"))
        .filter(|&k| ws[k].range.start < sacre.end)
        .or_else(|| ws.iter().position(|w| w.range.start >= sacre.end))
    else {
        return false;
    };
    // Word `k` comes right after the sacre, in the same run of text.
    let glued = !ws[k].break_before && k > 0 && ws[k - 1].range.end <= sacre.end;
    let thing = match ws[k].text {
        // The last word the sacre opens: "Calvaire de verglas", "ostie de grosse tempête".
        "de" | "d'" => ws
            .iter()
            .rposition(|w| w.range.end <= sacre.end)
            .filter(|&last| last > k)
            .unwrap_or(k + 1),
        // "que l'Abitibi…", "que la neige…": a subject with its determiner.
        "que" | "qu'"
            if matches!(
                ws.get(k + 1).map(|w| w.text),
                Some("le" | "la" | "l'" | "les")
            ) =>
        {
            k + 2
        }
        // "Tabarnak qu'il fait frette", "Câlisse qu'il neige encore": said of the weather.
        "que" | "qu'"
            if ws.get(k + 1).is_some_and(|w| w.text == "il")
                && ws.get(k + 2).is_some_and(|w| WEATHER.contains(&w.text)) =>
        {
            // The impersonal "il" is nobody: the rest of the sentence is read.
            return aims_at_nobody(
                &text[ws[k + 2].range.end..sentence.end.max(ws[k + 2].range.end)],
            );
        }
        // "Câlisse que j'ai raté mon pâté chinois": said of what the author did to their
        // own things. Not "que j'haïs ça" (what "ça" points back to) nor "que j'ai hâte
        // de déménager" (nothing of one's own: the reason is elsewhere).
        "que" | "qu'" if matches!(ws.get(k + 1).map(|w| w.text), Some("j'" | "je")) => {
            let said = words::words(&text[sentence.clone()]);
            let own = said.iter().any(|w| matches!(w.text, "mon" | "ma" | "mes"));
            let back = said.iter().any(|w| matches!(w.text, "ca" | "cela" | "c'"));
            return own && !back && aims_at_nobody(&text[sentence]);
        }
        // "Tabarnak les Voltigeurs": what the sacre is said of, named with its article.
        "le" | "la" | "l'" | "les" if glued => k + 1,
        // "Maudite tempête": the sacre said as an adjective of the noun it comes before;
        // not a word that is an adjective too, which may name a person ("Maudit mou.").
        _ if glued
            && crate::text::morph::lemmas(ws[k].text, crate::text::morph::Pos::Adjective)
                .next()
                .is_none() =>
        {
            k
        }
        _ => return false,
    };
    names_a_thing(ws, thing, capital) && aims_at_nobody(&text[sentence])
}

/// Whether word `thing` names a thing: a noun, or a proper noun after a determiner (a
/// place, a team: "l'Abitibi", "le CH"); not a time ("journée", which may be the work
/// day), nor people.
fn names_a_thing(ws: &[words::Word<'_>], thing: usize, capital: impl Fn(usize) -> bool) -> bool {
    const TIMES: &[&str] = &[
        "journee", "jour", "semaine", "matin", "matinee", "soir", "soiree", "nuit", "lundi",
        "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "annee", "mois", "heure",
        "heures", "shift", "quart", "fin",
    ];
    let Some(w) = ws.get(thing) else {
        return false;
    };
    let noun = crate::text::morph::lemmas(w.text, crate::text::morph::Pos::Noun)
        .next()
        .is_some();
    let named =
        thing > 0 && ws[thing - 1].text != "de" && ws[thing - 1].text != "d'" && capital(thing);
    (noun || named)
        && !TIMES.contains(&w.text)
        && !semantics::is_people(w.text)
        && semantics::group(w.text).is_none()
}

/// Whether a vulgar word intensifies the thing it follows on a personal account, as a
/// sacre would: "maudite batterie de cul", "une imprimante de marde", in a sentence that
/// aims at nobody.
fn vulgar_of_a_thing(
    text: &str,
    ws: &[words::Word<'_>],
    vulgar: &Range<usize>,
    capital: impl Fn(usize) -> bool,
) -> bool {
    let Some(at) = ws.iter().position(|w| w.range.start == vulgar.start) else {
        return false;
    };
    if at < 3 || !matches!(ws[at - 1].text, "de" | "d'") || ws[at - 1].break_before {
        return false;
    }
    // The thing is one's own or the one at hand: "ma batterie de cul", "maudite
    // imprimante de marde". After "un", "quel", "vrai", "gros", the phrase names what
    // someone is ("c'est un vrai trou de cul", "quel gros tas de marde").
    if !matches!(
        ws[at - 3].text,
        "mon"
            | "ma"
            | "mes"
            | "notre"
            | "nos"
            | "le"
            | "la"
            | "l'"
            | "les"
            | "ce"
            | "cet"
            | "cette"
            | "ces"
            | "maudit"
            | "maudite"
            | "maudits"
            | "maudites"
    ) {
        return false;
    }
    let sentence = crate::text::between_stops(text, vulgar.clone(), |c| {
        matches!(c, '.' | '!' | '?' | '\n') || crate::checks::special_characters::is_emoji(c)
    });
    names_a_thing(ws, at - 2, capital) && aims_at_nobody(&text[sentence])
}

/// False for a sentence whose only word for people is a group's name said of a thing:
/// "Les vieux chars sont tous incapables de passer l'inspection". The rule's model reads
/// there the shape of contempt for a group ("les vieux sont tous incapables"), with
/// nobody to receive it. A sentence that also names people, speaks to someone, or
/// names someone by name or pronoun is left to the model.
fn may_aim_at_people(cx: &Context<'_>, range: &Range<usize>) -> bool {
    let folded = cx.folded();
    let text = &folded.text[range.clone()];
    let ws = words::words(text);
    let noun_next = |i: usize| {
        ws.get(i + 1).is_some_and(|n| {
            !n.break_before
                && !semantics::is_people(n.text)
                && crate::text::morph::lemmas(n.text, crate::text::morph::Pos::Noun)
                    .next()
                    .is_some()
        })
    };
    let of_a_thing = |i: usize| semantics::group(ws[i].text).is_some() && noun_next(i);
    if !(0..ws.len()).any(of_a_thing) {
        return true;
    }
    text.contains('@')
        || ws.iter().enumerate().any(|(i, w)| {
            let people = semantics::is_people(w.text) || semantics::group(w.text).is_some();
            let named = i > 0
                && !w.break_before
                && folded.is_upper_at(&cx.draft.source, range.start + w.range.start);
            (people && !of_a_thing(i)) || PERSONS.contains(&w.text) || named
        })
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{excerpts, run};
    use crate::finding::Severity;

    fn found(text: &str) -> Vec<String> {
        excerpts("offensive-language", "la-sarre", text)
    }

    fn kinds(text: &str) -> Vec<&'static str> {
        crate::checks::testing::kinds("offensive-language", "la-sarre", text)
    }

    #[test]
    fn a_hashtag_is_cut_into_the_fewest_known_words() {
        let known =
            |w: &str| ["grosse", "gros", "se", "niaiseuse", "a", "la", "ville"].contains(&w);
        assert_eq!(
            super::segment("grosseniaiseuse", known).as_deref(),
            Some("grosse niaiseuse")
        );
        assert_eq!(
            super::segment("alaville", known).as_deref(),
            Some("a la ville")
        );
        // One word is no cut; letters no word covers are none.
        assert_eq!(super::segment("niaiseuse", known), None);
        assert_eq!(super::segment("grossexyz", known), None);
    }

    #[test]
    fn insults_glued_in_a_hashtag() {
        assert_eq!(
            found("Encore une réunion pour rien avec la patronne #grosseniaiseuse"),
            ["#grosseniaiseuse"]
        );
        assert_eq!(
            found("Les gars du garage ont encore oublié la rue #GangDeCaves"),
            ["#GangDeCaves"]
        );
        // A hashtag of one word, or of words that insult nobody, is clean; so is a
        // word of the list used in its own sense.
        for body in [
            "Fière de travailler pour ma ville! #fierdetravailleralaville #LaSarre",
            "Participez à notre #concours de photos d'hiver.",
            "La fête au village : #TeamCochon #chien #colon",
        ] {
            assert!(found(body).is_empty(), "{body}");
        }
    }

    #[test]
    fn sacres_in_every_spelling() {
        assert_eq!(found("Tabarnak que c'est long!"), ["Tabarnak"]);
        assert_eq!(found("C'est fermé, TABARNAC."), ["TABARNAC"]);
        assert_eq!(found("Il fait frette en câlisse."), ["câlisse"]);
        assert_eq!(
            found("Ostie de calice de tabarnak!"),
            ["Ostie de calice de tabarnak"]
        );
        assert_eq!(
            found("Une autre d'hostie de journée."),
            ["hostie de journée"]
        );
        assert_eq!(
            found("Le déneigement est pas fait, calvaire !"),
            ["calvaire"]
        );
    }

    #[test]
    fn a_sacre_made_the_noun_of_a_person_is_an_insult() {
        assert_eq!(
            found("Le comité, c'est une gang de vieux crisses qui veulent garder leur parking."),
            ["une gang de vieux crisses"]
        );
        assert_eq!(
            found("Ces osties-là ont encore bloqué l'entrée."),
            ["Ces osties-là"]
        );
        // The animal the post speaks of: the sacre is said of it.
        assert_eq!(
            kinds("Mon chien a mangé la tourtière sur le comptoir. Crisse de chien."),
            ["sacre"]
        );
        // A face closes the sentence: the greeting after it is not what the sacre aims at.
        let bridge = run(
            "offensive-language",
            "la-sarre",
            "+++\naccount = \"personal\"\n+++\nOstie de pont encore fermé, 25 minutes de détour 😤 Bonne journée pareil tout le monde",
        );
        assert_eq!(bridge.len(), 1);
        assert_eq!(bridge[0].severity, Some(Severity::Info));
        assert_eq!(
            kinds("Le voisin est encore venu chialer. Crisse de chien."),
            ["insult"]
        );
        assert!(!kinds("Le voisin, c'est un chien. Crisse de chien.").contains(&"sacre"));
        // The intensifier before a noun and after "en" stays a sacre.
        assert_eq!(kinds("C'est un crisse de bon film."), ["sacre"]);
        assert_eq!(kinds("Il fait frette en crisse à matin."), ["sacre"]);
    }

    #[test]
    fn an_insult_said_as_a_sentence_of_its_own() {
        assert_eq!(
            found("Le nouveau? Un beau parleur pis un paresseux fini."),
            ["un paresseux fini"]
        );
        assert_eq!(
            found("Un vrai malade mental. Achète-toi une vie."),
            ["Un vrai malade mental"]
        );
        // A noun phrase in a sentence with a verb, a film, a clown at a party.
        for text in [
            "Un menteur a été arrêté hier à Québec.",
            "J'ai vu un film sur un menteur.",
            "Un clown au party de fête de mon gars!",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn masked_words_are_spelled_out() {
        assert_eq!(found("Tabarn@k, encore fermé."), ["Tabarn@k"]);
        assert_eq!(found("Quelle c0nne celle-là."), ["Quelle c0nne"]);
        assert_eq!(found("T'es un c*n."), ["un c*n"]);
        assert_eq!(
            found("Cette ost** de paresseuse."),
            ["Cette ost** de paresseuse"]
        );
        for text in [
            "Écrivez à info@ville.ca, 3e étage, local B12.",
            "Les prix* sont en vigueur jusqu'au 31 mai.",
            "Vitamine B12, oméga-3 et H2O : la conférence santé.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn religious_words_in_their_own_sense_are_clean() {
        for text in [
            "Le calice de l'église Sainte-Thérèse sera exposé au musée.",
            "Visite guidée : le tabernacle de bois doré et le calvaire de 1925.",
            "La première communion : les enfants reçoivent l'hostie.",
            "Calice en argent offert par la paroisse en 1931.",
            "Sur le chemin, un calvaire de pierre rappelle les premiers colons.",
            "La neige crisse sous les bottes au sentier de raquette.",
            "Le Manoir maudit ouvre ses portes le 31 octobre au parc.",
            "Maudite soit la pluie, disait le poète.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn look_alikes_are_clean() {
        for text in [
            "Travaux rue Lacasse et dans le cul-de-sac de la rue Saint-Cirq.",
            "La cave de l'hôtel de ville sera rénovée. Collecte des ordures mardi.",
            "Un concert classique au parc; chili con carne servi sur place.",
            "Les premiers colons de La Sarre sont arrivés en 1917.",
            "Le chien errant a été retrouvé; un gros chien brun très doux.",
            "Procurez-vous une tapette à souris à la quincaillerie.",
            "L'épaisseur de la glace est de 30 cm; la glace est épaisse.",
            "Le clown de la fête des enfants arrive à 14 h.",
            "Vous êtes incapable de vous déplacer? Le vote à domicile est possible.",
            "Mon chien est un vrai bâtard, moitié beagle, moitié on sait pas quoi.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        // The same words said of people, or without a complement, stay insults.
        assert_eq!(found("Vous êtes incapables, franchement."), ["incapables"]);
        assert_eq!(
            found("T'es vraiment un gros épais de te stationner là."),
            ["un gros épais"]
        );
        assert_eq!(
            found("Ce gars-là est un vrai bâtard."),
            ["est un vrai bâtard"]
        );
    }

    #[test]
    fn titles_of_works_are_quotations() {
        assert!(found("Le théâtre présente « Le Dîner de cons » samedi.").is_empty());
        assert_eq!(
            found("Il m'a crié « gang de caves » devant tout le monde."),
            ["gang de caves"]
        );
    }

    #[test]
    fn insults_need_their_context() {
        assert_eq!(found("Gang de caves au conseil!"), ["Gang de caves"]);
        assert_eq!(
            found("Maudit colon, apprends à conduire."),
            ["Maudit colon"]
        );
        assert_eq!(found("T'es vraiment un gros épais."), ["un gros épais"]);
        assert_eq!(found("Les élus sont des menteurs."), ["des menteurs"]);
        assert_eq!(
            found("Quelle bande d'imbéciles."),
            ["Quelle bande d'imbéciles"]
        );
        assert_eq!(kinds("Maudit colon"), ["insult"]);
    }

    #[test]
    fn threats_and_slurs() {
        assert_eq!(kinds("Je vais te casser la gueule."), ["threat"]);
        assert_eq!(
            kinds("Si je vous pogne, je vous casse les deux jambes."),
            ["threat"]
        );
        assert!(kinds("Je vais te casser les oreilles avec ma nouvelle chanson 😂").is_empty());
        assert_eq!(kinds("On sait où tu restes."), ["threat"]);
    }

    #[test]
    fn a_sacre_is_underlined_with_the_exclamation_it_opens() {
        assert_eq!(
            found("Calvaire que le monde est niaiseux."),
            ["Calvaire que le monde est niaiseux"]
        );
        assert_eq!(
            found("Crisse de ville de nonos."),
            ["Crisse de ville de nonos"]
        );
        assert_eq!(kinds("Crisse de ville de nonos."), ["insult"]);
        assert_eq!(
            found("Câlisse de Ville incapable qui répare rien."),
            ["Câlisse de Ville incapable"]
        );
        // Alone, the sacre is its own finding.
        assert_eq!(found("Calvaire! Encore une panne."), ["Calvaire"]);
    }

    #[test]
    fn discrimination_without_a_slur_is_read_from_its_construction() {
        for (text, excerpt) in [
            (
                "Les vieux devraient pu avoir le droit de conduire après 75 ans.",
                "Les vieux devraient pu avoir le droit de conduire après 75 ans",
            ),
            (
                "Depuis que la ville est remplie d'immigrants, on se sent plus chez nous.",
                "Depuis que la ville est remplie d'immigrants, on se sent plus chez nous",
            ),
            (
                "Les Africains sont arrivés dans mon bloc. Qu'ils restent chez eux.",
                "Qu'ils restent chez eux",
            ),
            (
                "Ça me lève le cœur, ce monde-là devrait rester caché.",
                "Ça me lève le cœur, ce monde-là devrait rester caché",
            ),
            (
                "Les BS du centre-ville veulent tout gratis.",
                "Les BS du centre-ville veulent tout gratis",
            ),
            (
                "Ces immigrants-là viennent profiter de nos places à 9,35 $ pendant que nos enfants attendent.",
                "Ces immigrants-là viennent profiter de nos places à 9,35 $ pendant que nos enfants attendent",
            ),
            (
                "Je vais me battre pour pas que ces gens-là transforment le quartier en ghetto.",
                "Je vais me battre pour pas que ces gens-là transforment le quartier en ghetto",
            ),
            (
                "Encore une décision typique d'une femme en ménopause.",
                "Encore une décision typique d'une femme en ménopause",
            ),
            (
                "Les immigrants sont tous des profiteurs.",
                "Les immigrants sont tous des profiteurs",
            ),
        ] {
            assert_eq!(found(text), [excerpt], "{text}");
            assert_eq!(kinds(text), ["slur"], "{text}");
        }
        // Said for a group, of a group's needs, or of things: clean.
        for text in [
            "Grâce au programme, les aînés pourront rester chez eux plus longtemps.",
            "Les aînés devraient pouvoir rester chez eux le plus longtemps possible.",
            "Les femmes sont encore sous-représentées au conseil municipal.",
            "Les immigrants sont les bienvenus à la fête de quartier samedi.",
            "Les nouveaux arrivants peuvent s'inscrire aux cours de francisation.",
            "J'ai vendu mes vieux skis, ils étaient devenus inutiles.",
            "Les vieux chars sont tous incapables de passer l'inspection.",
            "Restez donc chez vous si vous avez de la fièvre.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn veiled_threats_are_underlined_with_their_clause() {
        assert_eq!(
            found("Yannick, je sais à quelle heure tu finis au bureau pis où tu te stationnes."),
            ["je sais à quelle heure tu finis au bureau pis où tu te stationnes"]
        );
        assert_eq!(
            found("Le maire devrait faire attention quand il sort de l'hôtel de ville le soir."),
            ["Le maire devrait faire attention quand il sort de l'hôtel de ville le soir"]
        );
        assert_eq!(
            found("À sa place, je surveillerais mes pneus le soir."),
            ["À sa place, je surveillerais mes pneus"]
        );
        assert_eq!(
            found("J'ai des captures pis je me gênerai pas pour les envoyer à ton chum."),
            ["je me gênerai pas pour les envoyer à ton chum"]
        );
        assert_eq!(
            found("Fermez vos gueules au conseil et écoutez le monde."),
            ["Fermez vos gueules"]
        );
        // Care, not threats.
        for text in [
            "On devrait faire attention quand on sort le soir, la chaussée est glacée.",
            "Les automobilistes devraient faire attention aux enfants le soir de l'Halloween.",
            "Je sais où vous pouvez trouver le formulaire.",
            "Je vais les envoyer à ta famille demain, les photos du party!",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
        assert_eq!(kinds("Retournez dans votre pays."), ["slur"]);
        assert_eq!(kinds("Les immigrants, c'est tous des voleurs."), ["slur"]);
        assert_eq!(
            kinds("Les vieux conseillers sont tous des pourris."),
            ["insult"]
        );
    }

    #[test]
    fn profile_words_are_checked() {
        assert!(super::well_formed("pissou(s)") && super::well_formed("(je|on) va"));
        assert!(
            !super::well_formed("a)b(")
                && !super::well_formed("a((b))")
                && !super::well_formed("a(b")
        );
    }

    #[test]
    fn minced_oaths_are_info() {
        let d = run(
            "offensive-language",
            "la-sarre",
            "Tabarouette, quelle belle fête!",
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Some(Severity::Info));
        let d = run("offensive-language", "la-sarre", "Un maudit beau party!");
        assert_eq!(d[0].severity, Some(Severity::Info));
    }

    #[test]
    fn violence_promised_by_an_idiom_is_a_threat() {
        for text in [
            "Le prochain qui chiale, je le sors moi-même par le collet.",
            "Quelqu'un peut lui couper la langue svp",
            "Je vas te dire ma façon de penser, pis pas yinque avec des mots 👊",
            "Continue de même pis tu vas manger une volée.",
        ] {
            assert_eq!(kinds(text), ["threat"], "{text}");
        }
        for text in [
            "Je le sors de la boîte par le collet de la bouteille.",
            "Le chat m'a arraché la langue de bœuf de l'assiette.",
            "On va manger une poutine après la game.",
        ] {
            assert!(kinds(text).is_empty(), "{text}");
        }
    }

    /// The severity of the first finding on `body` posted on a personal account.
    fn personal_severity(body: &str) -> Option<Option<Severity>> {
        run(
            "offensive-language",
            "la-sarre",
            &format!("+++\naccount = \"personal\"\n+++\n{body}"),
        )
        .first()
        .map(|d| d.severity)
    }

    #[test]
    fn a_vulgar_word_said_of_a_thing_on_a_personal_post_is_info() {
        let severity = personal_severity;
        for body in [
            "Mon char a refusé de partir dimanche, maudite batterie de cul. Bilan : positif quand même 😂",
            "Mon imprimante de marde a encore bourré trois fois ce matin chez nous.",
        ] {
            assert_eq!(severity(body), Some(Some(Severity::Info)), "{body}");
        }
        // Said of people, of the work day, or of work: as the profile says.
        for body in [
            "Mon voisin de cul a encore bloqué l'entrée.",
            "Le contremaître change d'idée. Franchement, c'est un vrai trou de cul.",
            "Croisé un conseiller qui m'a ignoré... quel gros tas de marde prétentieux",
            "Encore une journée de marde.",
            "Le logiciel de marde de la Ville a planté au bureau.",
            "Mange de la marde.",
        ] {
            assert_eq!(severity(body), Some(None), "{body}");
        }
    }

    #[test]
    fn people_the_policy_does_not_bind_get_a_reminder_only() {
        let post = |author: &str, profile: &str| {
            run(
                "offensive-language",
                profile,
                &format!(
                    "+++\naccount = \"personal\"\nauthor = \"{author}\"\n+++\n\
                     La fête au CPE, c'était le bordel. L'éducatrice est une vraie conne."
                ),
            )
        };
        // The CPE's policy binds its staff and subcontractors, not parent volunteers.
        let volunteer = post("volunteer", "cpe-premier-pas");
        assert_eq!(volunteer.len(), 2);
        for d in &volunteer {
            assert_eq!(d.severity, Some(Severity::Info), "{}", d.message);
            assert!(d.outside_policy);
            assert!(
                d.message.contains("ne vise pas les bénévoles"),
                "{}",
                d.message
            );
        }
        for (author, profile) in [("employee", "cpe-premier-pas"), ("volunteer", "la-sarre")] {
            let bound = post(author, profile);
            assert_eq!(bound.len(), 2, "{author} {profile}");
            assert!(
                bound
                    .iter()
                    .all(|d| !d.outside_policy && d.severity != Some(Severity::Info))
            );
        }
        // An official post is the organisation's, whoever writes it.
        let official = run(
            "offensive-language",
            "cpe-premier-pas",
            "+++\naccount = \"official\"\nauthor = \"volunteer\"\n+++\nL'éducatrice est une vraie conne.",
        );
        assert!(official.iter().all(|d| d.severity != Some(Severity::Info)));
        assert_eq!(official.len(), 1);
    }

    #[test]
    fn a_sacre_aimed_at_nobody_on_a_personal_post_is_info() {
        let severity = personal_severity;
        for body in [
            "Calvaire de verglas! J'ai mis une heure à déglacer mon char.",
            "Ostie de beau but en prolongation!",
            "Ostie que j'ai hâte que le CH gagne! Mon père a crié si fort que le chien s'est caché.",
        ] {
            assert_eq!(severity(body), Some(Some(Severity::Info)), "{body}");
        }
        // Someone addressed, people, work: the sacre is reported as the profile says.
        for body in [
            "Criss, tu pourrais ramasser ton chien.",
            "Tabarnak que le monde est cave au bureau.",
            "Tabarnak, encore une réunion à la Ville.",
        ] {
            assert_eq!(severity(body), Some(None), "{body}");
        }
        // It says the policy does not forbid it: no article is quoted.
        let d = run(
            "offensive-language",
            "la-sarre",
            "+++\naccount = \"personal\"\n+++\nCalvaire de verglas!",
        );
        assert!(d[0].outside_policy);
        // An official post has no private life.
        let d = run(
            "offensive-language",
            "la-sarre",
            "+++\naccount = \"official\"\n+++\nCalvaire de verglas!",
        );
        assert_eq!(d[0].severity, None);
    }

    #[test]
    fn a_sacre_said_of_the_thing_it_names_aims_at_that_thing() {
        let severity = personal_severity;
        // People or work elsewhere in the post do not change what the sacre is said of.
        for body in [
            "Ostie de tempête, 40 cm. Bonne chance à toutes celles qui rentrent à 7h.",
            "Câlisse de chat qui a encore vomi sur le divan. Trois ans que je l'endure celui-là.",
            "-38 au thermomètre du garage. Tabarnak que l'Abitibi sait nous faire sentir vivants.",
        ] {
            assert_eq!(severity(body), Some(Some(Severity::Info)), "{body}");
        }
        // What the author did to their own things.
        for body in [
            "Câlisse que j'ai raté mon pâté chinois. Pizza ce soir, les enfants sont contents.",
            "Ostie que j'ai brûlé mes galettes. La cuisinière du CPE les réussit les yeux fermés.",
        ] {
            assert_eq!(severity(body), Some(Some(Severity::Info)), "{body}");
        }
        // The sacre as an adjective of the thing.
        assert_eq!(
            severity("Maudite tempête. 35 cm sur le perron, pis la souffleuse qui part pas."),
            Some(Some(Severity::Info))
        );
        assert_eq!(
            severity("Maudite job. Encore du temps supplémentaire."),
            Some(None)
        );
        assert_eq!(
            severity("Mon boss a encore changé d'idée. Maudit mou."),
            Some(None)
        );
        assert_eq!(
            severity("Tabarnak les Voltigeurs, 3 buts en 4 minutes!!! L'aréna tremblait."),
            Some(Some(Severity::Info))
        );
        assert_eq!(severity("Tabarnak le boss, encore en retard."), Some(None));
        // The weather, said with an impersonal "il"; not "qu'il fait dur au bureau".
        for body in [
            "Tabarnak qu'il fait frette à matin! Mon char a pas voulu partir.",
            "Câlisse qu'il neige encore, on est le 12 mai.",
        ] {
            assert_eq!(severity(body), Some(Some(Severity::Info)), "{body}");
        }
        assert_eq!(severity("Tabarnak qu'il fait dur au bureau."), Some(None));
        // A time stands for what happened in it; people, work and the organisation are
        // no things; "ça" and a reason elsewhere point back to them.
        for body in [
            "Encore une réunion de 3 h avec la direction. Ostie de journée.",
            "Câlisse de boss qui m'a encore fait rester.",
            "Ostie de ville qui déneige jamais ma rue.",
            "Tabarnak que la direction est lente.",
            "C'est rendu n'importe quoi, cette ville de fous. Ostie que j'ai hâte de déménager.",
            "Le conseiller est venu nous montrer comment faire. Tabarnak que j'haïs ça.",
        ] {
            assert_eq!(severity(body), Some(None), "{body}");
        }
        // Falling on one's behind is no vulgarity.
        assert!(
            found("Trois fois que je tombe sur le cul dans ma propre entrée à matin.").is_empty()
        );
    }

    #[test]
    fn quebec_insults_of_idle_or_dim_people() {
        assert_eq!(
            found(
                "Mon partner a dormi toute la nuit. Un beau grand flanc-mou payé avec vos taxes."
            ),
            ["Un beau grand flanc-mou"]
        );
        assert_eq!(
            found("Ceux qui appellent pour un banc de neige, bande de bébés lala."),
            ["bande de bébés lala"]
        );
        assert_eq!(
            found("Le nouveau au garage, pas la lumière la plus brillante du sapin."),
            ["pas la lumière la plus brillante du sapin"]
        );
        // Children wild with joy are no insult; nor is the light of a tree.
        for body in [
            "Les petits étaient fous comme des balais dans la cour!",
            "La lumière la plus brillante du sapin, c'est l'étoile du haut.",
        ] {
            assert!(found(body).is_empty(), "{body}");
        }
    }
}
