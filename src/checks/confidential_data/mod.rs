//! `confidential-data`: personal and confidential information in a post, and nothing
//! else.
//!
//! Why: every policy forbids publishing personal information obtained at work — La
//! Sarre art. 12 ("Aucun renseignement personnel obtenu dans le cadre du travail …")
//! and 13.1, its nétiquette (art. 5.5); Saint-Urbain principes 3 and 4; Vallée-des-
//! Rivières art. 7; the CPE's code, art. 5 ii) and v); Drummondville's nétiquette
//! (annexe 1: "les messages qui contiennent de l'information confidentielle, comme des
//! renseignements personnels").
//!
//! How: one pass of each family of recognizers over the folded body of the post
//! (`contacts`, `numbers`, `addresses`, `dates`, `matters`), each deciding with check
//! digits ([`checksums`]) and with the context ([`context`]: whom the nearest cue
//! before a value names — a person, "votre", or a public place, a business, the
//! organisation). What is public is never flagged: the organisation's contacts (its
//! profile, `vigie.toml`, the rule's `public-*` lists), public service and toll-free
//! numbers, venues and businesses, ranges of civic numbers, bylaw, tender, job and
//! business numbers, event dates.
//!
//! Start-up: building the rule folds only the profile's own words; the built-in word
//! lists become hash maps on the first post that needs a cue ([`literals`]), and each
//! pattern is compiled on the first post where a cheap test (a trigger word, the shape of
//! a number) says it can match: a clean post compiles none.

mod addresses;
mod checksums;
mod contacts;
mod context;
mod dates;
mod lemma;
pub(crate) mod lexicon;
mod literals;
mod matters;
pub(crate) mod names;
mod numbers;
#[cfg(test)]
mod reference;
mod situations;
mod spelled;

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

use serde::Deserialize;

use self::contacts::Contacts;
use self::context::{Cue, CueFinder, Owner, Scan};
use self::literals::Alternation;
use super::{Check, Context, ParamError, Rule, params, validate};
use crate::finding::{Diagnostic, Severity};
use crate::policy::{Policy, RuleSettings};
use crate::text::PhraseSet;

pub const RULE: Rule = Rule {
    id: "confidential-data",
    name: "Renseignements personnels ou confidentiels",
    doc: "\
Repère les renseignements personnels et confidentiels dans une publication : ce qu'un
responsable de la protection des renseignements personnels retirerait avant de publier.

Ce qui est signalé (le « type » de chaque constat) :
- email : l'adresse courriel d'un particulier;
- phone : le numéro de téléphone d'un particulier (819-555-1234, (819) 555-1234,
  819 555 1234, 819.555.1234, +1 …, avec ou sans « poste »), même espacé chiffre par
  chiffre (« 8 1 9 . 3 3 9 . 4 7 1 2 ») ou écrit en lettres
  (« huit-un-neuf, trois-trois-trois… »);
- sin : un numéro d'assurance sociale (NAS), dont les chiffres de contrôle sont valides;
- health-number : un numéro d'assurance maladie (RAMQ : 4 lettres et 8 chiffres ; Medicare
  du Nouveau-Brunswick : 9 chiffres, après « carte d'assurance-maladie » ou « Medicare »);
- driver-licence : un numéro de permis de conduire du Québec (1 lettre et 12 chiffres);
- card-number : un numéro de carte de paiement complet et valide;
- bank-account : des coordonnées bancaires (transit, institution, folio, compte);
- address : l'adresse civique d'un particulier (numéro, type de voie, nom, appartement);
- postal-code : le code postal d'un particulier;
- birth-date : une date de naissance (« né le », « née le », « né à Amos le »,
  « venu au monde le », « date de naissance »), ou l'âge d'une personne nommée avec le
  jour de sa fête (« fête ses 4 ans demain », « franchit le cap des 50 ans ce jeudi »);
- case-number : le numéro de dossier, de demande, de plainte, de requête ou de constat
  d'un citoyen;
- confidential-matter : une enquête, une mesure disciplinaire, un grief, une plainte ou
  une poursuite contre une personne, une expulsion, des impayés, un soupçon, une décision
  sur l'emploi d'une personne, un congé de maladie, ce qui s'est dit ou décidé à huis
  clos, un rapport confidentiel, au sujet de personnes;
- health-info : un renseignement de santé, ou une situation familiale, de garde ou de
  protection de la jeunesse (DPJ), sur une personne qu'on peut reconnaître (l'allergie
  d'un enfant nommé, un diagnostic, « les parents de Mia se séparent »).

Ce qui n'est pas signalé : les coordonnées publiques de l'organisation (celles du profil
et de vigie.toml, et les listes `public-phones`, `public-emails`, `public-places` de la
règle), son domaine de courriel sur son compte officiel, les adresses de service
(info@, loisirs@…), les numéros publics (911, 811, 211, 311, lignes sans frais 1 800…),
l'adresse et le code postal d'un lieu public ou d'un commerce (aréna, bibliothèque, hôtel
de ville, parc, école, église, restaurant…), les plages de numéros civiques des avis de
travaux (« du 100 au 250, rue Principale »), les numéros de règlement, de résolution,
d'appel d'offres, d'offre d'emploi, de TPS, de TVQ ou de NEQ, les dates, heures et prix
d'un événement, une « enquête de satisfaction », une « politique de confidentialité », un
« service confidentiel », une séance tenue à huis clos sans rien de ce qui s'y est dit,
la santé dont on parle en général, la situation de l'auteur lui-même. Un numéro à demi masqué (« carte se terminant par 4821 ») n'est
pas un numéro de carte.

Réglages (section [rules.confidential-data] du profil ou de vigie.toml) : `public-phones`,
`public-emails` (coordonnées publiques en plus de celles de l'organisation),
`public-places` (noms ou mots de lieux publics et de commerces), `public-addresses`
(adresses civiques publiques, « 201, rue Principale »), `public-number-words` (mots qui
font d'un numéro un document public, « résolution »).

Exemple : « Mme Tremblay, votre requête no 2025-01234 est réglée ; rappelez-moi au
819 555-1234. »
Correction : retirez le numéro de dossier et le numéro du particulier ; donnez plutôt le
numéro officiel de l'organisation (« Votre requête est réglée. Pour toute question,
appelez-nous au 819-333-2282. ») ou répondez en message privé.",
    validate: validate::<Params>,
    build,
    explain_profile: super::nothing_to_add,
    personal_data: true,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    /// Public phone numbers besides the organisation's (partners, services).
    #[serde(default)]
    public_phones: Vec<String>,
    /// Public e-mail addresses besides the organisation's.
    #[serde(default)]
    public_emails: Vec<String>,
    /// Names or words of public places and businesses ("aréna Nicol-Auto").
    #[serde(default)]
    public_places: Vec<String>,
    /// Public civic addresses ("201, rue Principale"): never flagged.
    #[serde(default)]
    public_addresses: Vec<String>,
    /// Words before a number that make it a public document ("résolution").
    #[serde(default)]
    public_number_words: Vec<String>,
}

/// The kinds of finding (part of the JSON contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    // In order of precedence when two values overlap: the most specific first.
    CardNumber,
    Sin,
    HealthNumber,
    DriverLicence,
    BankAccount,
    Email,
    Phone,
    BirthDate,
    CaseNumber,
    Address,
    PostalCode,
    HealthInfo,
    ConfidentialMatter,
}

impl Kind {
    pub fn id(self) -> &'static str {
        match self {
            Kind::Email => "email",
            Kind::Phone => "phone",
            Kind::Sin => "sin",
            Kind::HealthNumber => "health-number",
            Kind::DriverLicence => "driver-licence",
            Kind::CardNumber => "card-number",
            Kind::BankAccount => "bank-account",
            Kind::Address => "address",
            Kind::PostalCode => "postal-code",
            Kind::BirthDate => "birth-date",
            Kind::CaseNumber => "case-number",
            Kind::ConfidentialMatter => "confidential-matter",
            Kind::HealthInfo => "health-info",
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Kind::Email => "Adresse courriel d'un particulier.",
            Kind::Phone => "Numéro de téléphone d'un particulier.",
            Kind::Sin => "Numéro d'assurance sociale (NAS).",
            Kind::HealthNumber => "Numéro d'assurance maladie (RAMQ ou Medicare).",
            Kind::DriverLicence => "Numéro de permis de conduire.",
            Kind::CardNumber => "Numéro de carte de paiement.",
            Kind::BankAccount => "Coordonnées bancaires (transit, institution ou compte).",
            Kind::Address => "Adresse civique d'un particulier.",
            Kind::PostalCode => "Code postal d'un particulier.",
            Kind::BirthDate => "Date de naissance d'une personne.",
            Kind::CaseNumber => "Numéro de dossier d'un citoyen.",
            Kind::ConfidentialMatter => "Information confidentielle sur une personne.",
            Kind::HealthInfo => "Renseignement de santé sur une personne identifiable.",
        }
    }
}

/// A value a recognizer found, as a folded range.
#[derive(Debug, Clone)]
pub struct Found {
    pub kind: Kind,
    pub span: Range<usize>,
    /// A message more precise than the kind's.
    pub message: Option<&'static str>,
}

impl Found {
    pub fn new(kind: Kind, span: Range<usize>) -> Found {
        Found {
            kind,
            span,
            message: None,
        }
    }

    pub fn message(mut self, message: &'static str) -> Found {
        self.message = Some(message);
        self
    }
}

/// What the recognizers share for one draft.
pub struct Reader<'a> {
    pub scan: Scan,
    /// Found on first use: most posts never need them.
    cues: OnceCell<Vec<Cue>>,
    /// The trigger words of the text, found in one pass ([`matters::triggers`]).
    pub triggers: u64,
    pub official: bool,
    /// The year of publication: a date with an earlier year in a birthday post is a
    /// date of birth.
    pub year: i16,
    rule: &'a ConfidentialData,
}

impl Reader<'_> {
    pub fn cues(&self) -> &[Cue] {
        self.cues.get_or_init(|| self.rule.cues.find(&self.scan))
    }

    /// True when `span` is a whole number: no digit or letter glued to it, and no
    /// other group of digits joined to it by a separator ("1 819 555 1234 $").
    pub fn isolated(&self, span: Range<usize>) -> bool {
        self.isolated_start(span.start) && self.isolated_end(span.end)
    }

    pub fn isolated_start(&self, start: usize) -> bool {
        let t = self.scan.text().as_bytes();
        match start.checked_sub(1).map(|i| t[i]) {
            None => true,
            Some(b) if b.is_ascii_alphanumeric() || b == b'_' => false,
            Some(b'-' | b'.' | b'/' | b' ' | b',') => {
                !(start >= 2 && t[start - 2].is_ascii_digit())
            }
            Some(_) => true,
        }
    }

    pub fn isolated_end(&self, end: usize) -> bool {
        let t = self.scan.text().as_bytes();
        match t.get(end) {
            None => true,
            Some(b) if b.is_ascii_alphanumeric() || *b == b'_' => false,
            Some(b'-' | b'.' | b'/' | b' ' | b',') => {
                let next = t.get(end + 1);
                !next.is_some_and(|n| n.is_ascii_digit() || *n == b'$')
            }
            Some(b'$') => false,
            Some(_) => true,
        }
    }

    /// A public place named right after a value: "819-339-1234 (bibliothèque)".
    pub fn public_after(&self, end: usize) -> bool {
        let t = self.scan.text();
        let rest = &t[end..];
        let skip = rest.len() - rest.trim_start_matches([' ', '(', '-', '–', ':']).len();
        let marked = rest[..skip].contains(['(', '-', '–', ':']);
        marked
            && self
                .cues()
                .iter()
                .any(|c| c.owner == Owner::Public && c.span.start == end + skip)
    }

    /// True when the last words before a number name a public document.
    pub fn public_number_before(&self, before: &str) -> bool {
        let tail_start = before
            .char_indices()
            .rev()
            .filter(|(_, c)| c.is_whitespace())
            .nth(3)
            .map(|(i, _)| i)
            .unwrap_or(0);
        let tail = &before[tail_start..];
        PUBLIC_NUMBER_WORDS.is_match(tail) || self.rule.public_number_words.is_match(tail)
    }

    pub fn is_public_address(&self, address: &str) -> bool {
        let key = address_key(address);
        self.rule.public_addresses.contains(&key)
    }
}

/// An address reduced to its number, street type and first word of its name, to compare
/// ("201, rue Principale Nord" → "201 rue principale").
fn address_key(address: &str) -> String {
    let folded = crate::text::fold(address);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().take(3).copied().collect::<Vec<_>>().join(" ")
}

/// The built-in words before a public document's number, built on first use.
static PUBLIC_NUMBER_WORDS: LazyLock<Alternation> =
    LazyLock::new(|| Alternation::new(lexicon::PUBLIC_NUMBER_WORDS));

struct ConfidentialData {
    contacts: Contacts,
    cues: CueFinder,
    /// The profile's own `public-number-words`, besides the built-in ones.
    public_number_words: Alternation,
    public_addresses: Vec<String>,
    /// "le numéro officiel 819-333-2282" when the profile has one.
    official_phone: Option<String>,
    official_email: Option<String>,
}

fn build(settings: &RuleSettings, policy: &Policy) -> Result<Box<dyn Check>, ParamError> {
    let p: Params = params(settings)?;
    let org = &policy.org;
    let emails: Vec<String> = org.emails.iter().chain(&p.public_emails).cloned().collect();
    let phones: Vec<String> = org.phones.iter().chain(&p.public_phones).cloned().collect();
    // The profile's places besides the built-in ones. Literal words: any list is valid.
    let places: Vec<String> = org
        .aliases
        .iter()
        .chain(&p.public_places)
        .cloned()
        .collect();
    Ok(Box::new(ConfidentialData {
        contacts: Contacts::new(&emails, &org.email_domains, &phones),
        cues: CueFinder::new(&places),
        public_number_words: Alternation::new(&p.public_number_words),
        public_addresses: p.public_addresses.iter().map(|a| address_key(a)).collect(),
        official_phone: org.phones.first().cloned(),
        official_email: org.emails.first().cloned(),
    }))
}

impl ConfidentialData {
    fn help(&self, kind: Kind) -> String {
        let contact = match (&self.official_phone, &self.official_email) {
            (Some(p), _) => format!("à appeler le {p}"),
            (None, Some(e)) => format!("à écrire à {e}"),
            (None, None) => "à communiquer avec l'organisation".to_string(),
        };
        match kind {
            Kind::Phone => match &self.official_phone {
                Some(p) => format!("Retirez le numéro, ou donnez le numéro officiel {p}."),
                None => "Retirez le numéro ; pour joindre la personne, passez par un message privé.".into(),
            },
            Kind::Email => match &self.official_email {
                Some(e) => format!("Retirez l'adresse, ou donnez l'adresse officielle {e}."),
                None => "Retirez l'adresse ; pour joindre la personne, passez par un message privé.".into(),
            },
            Kind::Sin | Kind::HealthNumber | Kind::DriverLicence => {
                "Retirez ce numéro : il ne se publie jamais, même en partie.".into()
            }
            Kind::CardNumber | Kind::BankAccount => {
                "Retirez ces numéros : ils se transmettent par un moyen sûr, jamais sur les médias sociaux.".into()
            }
            Kind::Address => {
                "Retirez l'adresse, ou nommez seulement la rue ou le secteur sans numéro civique.".into()
            }
            Kind::PostalCode => "Retirez le code postal.".into(),
            Kind::BirthDate => "Retirez la date de naissance.".into(),
            Kind::CaseNumber => format!(
                "Retirez le numéro : un dossier particulier ne se traite pas sur les médias sociaux ; \
                 invitez la personne {contact}, ou répondez-lui en message privé."
            ),
            Kind::ConfidentialMatter => {
                "Retirez ce passage : ces sujets visent des personnes et restent confidentiels.".into()
            }
            Kind::HealthInfo => {
                "Retirez ce renseignement de santé, ou ne nommez pas la personne ; au besoin, \
                 informez les personnes concernées en privé."
                    .into()
            }
        }
    }
}

impl Check for ConfidentialData {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let scan = Scan::new(cx.draft);
        if scan.text().trim().is_empty() {
            return;
        }
        let triggers = matters::triggers(scan.text());
        let reader = Reader {
            scan,
            cues: OnceCell::new(),
            triggers,
            official: !cx.meta.is_personal(),
            year: cx.meta.publish_at.date().year(),
            rule: self,
        };
        let mut found = Vec::new();
        let text = reader.scan.text();
        // Every value but a matter, a health condition or a date of birth (which may be
        // spelled out) holds a digit.
        dates::find(&reader, &mut found);
        let digits = text.bytes().filter(u8::is_ascii_digit).count();
        if digits > 0 {
            numbers::find(&reader, digits, &mut found);
            if digits >= 10 {
                self.contacts.phones(&reader, &mut found);
            }
            dates::ages(&reader, &mut found);
            dates::birthdays(&reader, &mut found);
            matters::case_numbers(&reader, &mut found);
            addresses::find(&reader, &mut found);
        }
        spelled::phones(
            &reader,
            |key| self.contacts.is_public_phone(key),
            &mut found,
        );
        if text.contains('@') {
            self.contacts.emails(&reader, &mut found);
        }
        situations::find(&reader, &mut found);
        matters::find(&reader, &mut found);
        let consented = OnceCell::new();
        let own_contact = OnceCell::new();
        for f in widen_situations(text, resolve(found)) {
            let message = f.message.unwrap_or_else(|| f.kind.message());
            let span = reader.scan.span(f.span.clone());
            let contact = matches!(f.kind, Kind::Phone | Kind::Email);
            // On a personal account, the author's own: a number given to reach them
            // ("appelez-moi", "Intéressés : …" under something to give away), the birth
            // of their own child ("Mon fils est né le 2 avril", "7 lb 4 oz"). Nothing
            // learnt at work: a reminder only. A notice shared at the request of the
            // person whose number or address it gives ("Avis partagé à la demande de Marc
            // Levesque", "il a lui-même publié son numéro") publishes it with their
            // consent: only a reminder to keep it.
            let own_child = || {
                let sentence = crate::text::between_stops(text, f.span.clone(), |c| {
                    matches!(c, '.' | '!' | '?' | '\n')
                });
                own_birth(&text[sentence.start..f.span.end], text)
            };
            let reminder = if !reader.official && f.kind == Kind::BirthDate && own_child() {
                Some((OWN_BIRTH, OWN_BIRTH_HELP))
            } else if !reader.official
                && contact
                && *own_contact.get_or_init(|| OWN_CONTACT.is_match(text))
            {
                Some((OWN, OWN_HELP))
            } else if contact && *consented.get_or_init(|| CONSENT.is_match(text)) {
                Some((CONSENTED, CONSENTED_HELP))
            } else {
                None
            };
            if let Some((message, help)) = reminder {
                out.push(
                    Diagnostic::new(span, message, help)
                        .kind(f.kind.id())
                        .severity(Severity::Info),
                );
                continue;
            }
            out.push(Diagnostic::new(span, message, self.help(f.kind)).kind(f.kind.id()));
        }
    }
}

/// Words by which a post says that the person whose contact it gives asked for it or
/// agreed to it (folded).
static CONSENT: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new([
        "a la demande de",
        "a sa demande",
        "a leur demande",
        "avec sa permission",
        "avec leur permission",
        "avec son accord",
        "avec leur accord",
        "avec son autorisation",
        "avec leur autorisation",
        "avec son consentement",
        "avec leur consentement",
        "a lui-meme publie",
        "a elle-meme publie",
        "ont eux-memes publie",
        "a lui-meme donne",
        "a elle-meme donne",
        "nous a autorise",
        "nous a autorises",
        "nous a autorisees",
        "nous a demande de partager",
        "nous a demande de publier",
        "a accepte que son numero",
        "a accepte que son adresse",
    ])
});

/// Words by which the author of a personal post gives a contact as their own: asked to
/// be called or written to, or offering something to whoever is interested (folded).
static OWN_CONTACT: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new([
        "appelez-moi",
        "appelle-moi",
        "textez-moi",
        "texte-moi",
        "ecrivez-moi",
        "ecris-moi",
        "contactez-moi",
        "joignez-moi",
        "rejoignez-moi",
        "me joindre",
        "me rejoindre",
        "m'appeler",
        "m'ecrire",
        "me texter",
        "mon numero",
        "mon cell",
        "mon cellulaire",
        "mon courriel",
        "a vendre",
        "a donner",
        "a louer",
        "interesses",
        "interessees",
        "interesse",
        "interessee",
    ])
});

const OWN: &str = "Coordonnées données pour vous joindre, d'après le message.";
const OWN_BIRTH: &str = "Date de naissance de votre enfant ou la vôtre, d'après le message.";
const OWN_BIRTH_HELP: &str = "La politique vise les renseignements obtenus au travail ; \
     sachez toutefois qu'une date de naissance complète facilite le vol d'identité.";
const OWN_HELP: &str = "Si ce sont les vôtres, rien à faire ; si ce sont celles de quelqu'un \
     d'autre, demandez-lui son accord avant de les publier.";

/// Whether the words `before` a birth date (from the start of its sentence), in the
/// folded post `text`, tell the birth of the author's own child or their own:
/// "Mon fils est né le 2 avril", "je suis née le", or a birth announced with the baby's
/// weight ("7 lb 4 oz").
fn own_birth(before: &str, text: &str) -> bool {
    const FAMILY: &[&str] = &[
        "fils",
        "fille",
        "gars",
        "garcon",
        "bebe",
        "cadet",
        "cadette",
        "aine",
        "ainee",
        "benjamin",
        "benjamine",
        "petit-fils",
        "petite-fille",
        "jumeaux",
        "jumelles",
    ];
    let words: Vec<&str> = crate::text::letter_words(before)
        .map(|w| &before[w])
        .collect();
    let own = words
        .windows(2)
        .any(|p| matches!(p[0], "mon" | "ma" | "mes" | "notre" | "nos") && FAMILY.contains(&p[1]))
        || words
            .windows(3)
            .any(|p| p[0] == "je" && p[1] == "suis" && p[2].starts_with("ne"));
    let weight = crate::text::letter_words(text)
        .map(|w| &text[w])
        .collect::<Vec<_>>()
        .windows(2)
        .any(|p| matches!(p[0], "lb" | "lbs" | "livres") && matches!(p[1], "oz" | "onces"));
    own || weight
}

const CONSENTED: &str = "Coordonnées d'un particulier publiées à sa demande, d'après le message.";
const CONSENTED_HELP: &str = "Gardez une trace de son accord (un courriel, un message) \
     et retirez ses coordonnées une fois l'avis terminé.";

/// The message for a confidential matter, by what the folded text names.
fn matter_message(folded: &str) -> &'static str {
    let has = |words: &[&str]| words.iter().any(|w| folded.contains(w));
    if has(&["huis"]) {
        "Ce qui s'est dit à huis clos est confidentiel."
    } else if has(&["harcel"]) {
        "Plainte ou accusation de harcèlement visant une personne : information confidentielle."
    } else if has(&["grief"]) {
        "Grief d'une personne : information confidentielle."
    } else if has(&["enquete"]) {
        "Enquête visant une personne : information confidentielle."
    } else if has(&[
        "maladie",
        "arret",
        "invalidite",
        "burn",
        "epuisement",
        "depression",
    ]) {
        "Congé de maladie d'une personne : information confidentielle."
    } else if has(&["confidentiel"]) {
        "Contenu d'un document confidentiel."
    } else {
        "Mesure disciplinaire visant une personne : information confidentielle."
    }
}

/// A health condition or a confidential matter is underlined with its clause: the fact
/// disclosed is the clause (« a été suspendu sans solde pour deux semaines », « votre
/// compte de taxes présente toujours un solde impayé de 2 847 $ »), not the word that
/// names it. Two findings of one clause become one; values of other kinds keep their
/// own span (a phone number inside the clause is still reported as a phone number).
fn widen_situations(text: &str, found: Vec<Found>) -> Vec<Found> {
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for mut f in found {
        if matches!(f.kind, Kind::HealthInfo | Kind::ConfidentialMatter) {
            if f.kind == Kind::ConfidentialMatter && f.message.is_none() {
                f.message = Some(matter_message(&text[f.span.clone()]));
            }
            f.span = clause_around(text, f.span);
            if let Some(k) = kept.iter_mut().rev().find(|k| {
                matches!(k.kind, Kind::HealthInfo | Kind::ConfidentialMatter)
                    && k.span.start < f.span.end
                    && f.span.start < k.span.end
            }) {
                k.span = k.span.start.min(f.span.start)..k.span.end.max(f.span.end);
                continue;
            }
        }
        kept.push(f);
    }
    kept
}

/// The clause of a folded text around `at`: up to a comma, a semicolon, a colon, a
/// bracket, a line break or the end of a sentence (a full stop after an abbreviation
/// such as « M. » or « Mme. » does not end it).
fn clause_around(text: &str, at: Range<usize>) -> Range<usize> {
    let ends_sentence = |i: usize| {
        let word = text[..i]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let abbreviation = matches!(
            word,
            "m" | "mm" | "mme" | "mlle" | "dr" | "me" | "st" | "ste"
        ) || word.chars().count() == 1;
        let next = text[i + 1..].chars().next();
        !abbreviation && next.is_none_or(char::is_whitespace)
    };
    // The comma of an address ("22, 3e Rue") does not end a clause.
    let stop = |i: usize, c: char| match c {
        ',' if text[..i].ends_with(|p: char| p.is_ascii_digit())
            && street_follows(&text[i + 1..]) =>
        {
            false
        }
        ',' | ';' | ':' | '(' | ')' | '\n' | '!' | '?' | '…' => true,
        '.' => ends_sentence(i),
        // A face or a pictogram ends what is said: "fait de l'anaphylaxie 🥜 On s'adapte".
        '\u{2600}'..='\u{27bf}' | '\u{1f000}'..='\u{1faff}' => true,
        _ => false,
    };
    let clause = crate::text::between_stops_at(text, at.clone(), stop);
    // A relative or a subordinate clause is its own clause: « Mme Roy qui commence sa
    // chimio lundi », « on s'adapte parce que le petit Thomas fait de l'anaphylaxie ».
    let before = &text[clause.start..at.start];
    let start = CLAUSE_WORDS
        .iter()
        .filter_map(|w| before.rfind(w).map(|i| clause.start + i + w.len()))
        .max()
        .unwrap_or(clause.start);
    // « …doit 3 200 $ de taxes pis il se permet de chialer »: the next clause is not it.
    let after = &text[at.end..clause.end];
    let end = CLAUSE_WORDS
        .iter()
        .filter(|w| **w != " qui ")
        .filter_map(|w| after.find(w).map(|i| at.end + i))
        .min()
        .unwrap_or(clause.end);
    start.min(at.start)..end.max(at.end)
}

/// True when the words after a comma go on with an address: "22, 3e Rue", "1450, rue
/// Hériot"; not "née le 3 mai 2021, allergique aux œufs".
fn street_follows(rest: &str) -> bool {
    let rest = rest.trim_start();
    rest.starts_with(|c: char| c.is_ascii_digit())
        || [
            "rue ",
            "avenue ",
            "av. ",
            "boulevard ",
            "boul. ",
            "chemin ",
            "ch. ",
            "rang ",
            "route ",
            "place ",
            "montee ",
            "rte ",
        ]
        .iter()
        .any(|w| rest.starts_with(w))
}

/// Words that open a new clause inside a sentence (folded text, with their spaces).
const CLAUSE_WORDS: &[&str] = &[
    " qui ",
    " parce que ",
    " parce qu'",
    " puisque ",
    " puisqu'",
    " pis ",
    " mais ",
    " car ",
    " alors que ",
    " tandis que ",
];

/// Keeps, of overlapping values, the most specific kind; orders by position.
fn resolve(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by_key(|f| (f.kind, f.span.start));
    let mut kept: Vec<Found> = Vec::new();
    for f in found {
        let overlaps = kept
            .iter()
            .any(|k| k.span.start < f.span.end && f.span.start < k.span.end);
        if !overlaps {
            kept.push(f);
        }
    }
    kept.sort_by_key(|f| f.span.start);
    kept
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;
    use crate::finding::Severity;

    #[test]
    fn a_situation_is_underlined_with_its_clause() {
        let d = run(
            "confidential-data",
            "la-sarre",
            "Pensées pour Mme Tremblay du rang 4 qui commence sa chimio lundi.",
        );
        let text = "Pensées pour Mme Tremblay du rang 4 qui commence sa chimio lundi.";
        assert_eq!(&text[d[0].span.clone()], "commence sa chimio lundi");
        let text =
            "Le locataire du 22, 3e Rue a été expulsé de son logement pour non-paiement de loyer.";
        let d = run("confidential-data", "la-sarre", text);
        let spans: Vec<_> = d.iter().map(|d| &text[d.span.clone()]).collect();
        assert_eq!(
            spans,
            [
                "22, 3e Rue",
                "Le locataire du 22, 3e Rue a été expulsé de son logement pour non-paiement de loyer"
            ]
        );
    }

    #[test]
    fn the_help_gives_the_organisations_number_when_it_has_one() {
        let d = run(
            "confidential-data",
            "la-sarre",
            "Appelez Mme Roy au 819-555-1234.",
        );
        assert_eq!(d[0].message, "Numéro de téléphone d'un particulier.");
        assert_eq!(
            d[0].help,
            "Retirez le numéro, ou donnez le numéro officiel 819-333-2282."
        );
        assert_eq!(d[0].kind, Some("phone"));
        let d = run(
            "confidential-data",
            "la-sarre",
            "Notre directeur fait l'objet d'une enquête interne.",
        );
        assert_eq!(
            d[0].message,
            "Enquête visant une personne : information confidentielle."
        );
        let d = run(
            "confidential-data",
            "la-sarre",
            "Julie est en congé de maladie.",
        );
        assert_eq!(
            d[0].message,
            "Congé de maladie d'une personne : information confidentielle."
        );
        let d = run(
            "confidential-data",
            "st-urbain",
            "Appelez Mme Roy au 418-555-1234.",
        );
        assert!(d[0].help.contains("message privé"), "{}", d[0].help);
    }

    #[test]
    fn overlapping_values_keep_the_most_specific_kind() {
        let d = run(
            "confidential-data",
            "la-sarre",
            "Votre dossier no 046 454 286, Mme Roy.",
        );
        let kinds: Vec<_> = d.iter().map(|d| d.kind.unwrap()).collect();
        assert_eq!(kinds, ["sin"]);
    }

    #[test]
    fn front_matter_code_and_link_addresses() {
        // Front matter is not published; a code span is; a link's address is not read.
        let text = "+++\naccount = \"personal\"\n+++\nMon NAS : `046 454 286`. [Voir](https://ex.ca/819-555-1234)";
        let d = run("confidential-data", "la-sarre", text);
        let found: Vec<&str> = d.iter().map(|d| &text[d.span.clone()]).collect();
        assert_eq!(found, ["046 454 286"]);
    }

    /// The rule built for La Sarre with extra parameters, run on one text.
    #[test]
    fn contacts_shared_at_the_persons_request_are_only_a_reminder() {
        use crate::checks::{Context, find};
        use crate::draft::{Draft, Format};
        use crate::finding::Severity;
        let policy = crate::load_builtin_policy("vallee-des-rivieres").unwrap();
        let settings = policy.rule("confidential-data").unwrap().clone();
        let check = (find("confidential-data").unwrap().build)(&settings, &policy).unwrap();
        let run = |text: &str| {
            let draft = Draft::parse("t.md", text.to_string(), Format::Markdown).unwrap();
            let meta =
                crate::engine::resolve_meta(&draft.front, jiff::civil::date(2026, 3, 1)).unwrap();
            let mut out = Vec::new();
            check.check(&Context::new(&draft, &meta, &policy), &mut out);
            out.into_iter()
                .map(|d| (text[d.span].to_string(), d.severity))
                .collect::<Vec<_>>()
        };
        let asked = "Avis partagé à la demande de Marc Levesque : son chat a disparu. \
                     Joignez-le au 506 555-0147.";
        assert_eq!(
            run(asked),
            [("506 555-0147".to_string(), Some(Severity::Info))]
        );
        let not_asked = "Marc Levesque a perdu son chat. Joignez-le au 506 555-0147.";
        assert_eq!(run(not_asked).len(), 1);
        assert_ne!(run(not_asked)[0].1, Some(Severity::Info));
    }

    #[test]
    fn the_authors_own_contact_and_child_on_a_personal_account() {
        let found = |account: &str, body: &str| {
            run(
                "confidential-data",
                "st-urbain",
                &format!("+++\naccount = \"{account}\"\n+++\n{body}"),
            )
            .into_iter()
            .map(|d| d.severity)
            .collect::<Vec<_>>()
        };
        // A number to reach the author: a reminder only.
        for body in [
            "Pneus d'hiver à donner, presque neufs. Intéressés : 418 435-5521.",
            "Mon char est à vendre, appelez-moi au 418 435-5521.",
        ] {
            assert_eq!(found("personal", body), [Some(Severity::Info)], "{body}");
        }
        // The birth of the author's child: a reminder too.
        for body in [
            "Notre petit Édouard est né le 2 avril à 3 h 12, 7 lb 4 oz!",
            "Mon fils est né le 2 avril 2019.",
        ] {
            assert_eq!(found("personal", body), [Some(Severity::Info)], "{body}");
        }
        // Someone else's, or on the organisation's page: as before.
        for (account, body) in [
            ("personal", "Appelez Mme Roy au 418 435-5521."),
            (
                "personal",
                "Le petit Léo du groupe des Lutins est né le 2 avril 2021.",
            ),
            ("official", "Pneus à donner. Intéressés : 418 435-5521."),
        ] {
            let d = found(account, body);
            assert_eq!(d.len(), 1, "{body}");
            assert_ne!(d[0], Some(Severity::Info), "{body}");
        }
    }

    fn run_with(extra: &str, text: &str) -> Vec<String> {
        use crate::checks::{Context, find};
        use crate::draft::{Draft, Format};
        let policy = crate::load_builtin_policy("la-sarre").unwrap();
        let mut settings = policy.rule("confidential-data").unwrap().clone();
        let extra: toml::Table = toml::from_str(extra).unwrap();
        settings.params.extend(extra);
        let check = (find("confidential-data").unwrap().build)(&settings, &policy).unwrap();
        let draft = Draft::parse("t.md", text.to_string(), Format::Markdown).unwrap();
        let meta =
            crate::engine::resolve_meta(&draft.front, jiff::civil::date(2025, 6, 1)).unwrap();
        let mut out = Vec::new();
        let cx = Context::new(&draft, &meta, &policy);
        check.check(&cx, &mut out);
        out.into_iter().map(|d| text[d.span].to_string()).collect()
    }

    #[test]
    fn the_profile_lists_make_values_public() {
        let text = "Rendez-vous au 12, rue des Pins ; réservez au 819-339-1234 ou chez Marc Roy, marc@gmail.com.";
        assert_eq!(run_with("", text).len(), 3);
        let lists = r#"
            public-addresses = ["12 rue des Pins"]
            public-phones = ["(819) 339-1234"]
            public-emails = ["Marc@gmail.com"]
        "#;
        assert!(
            run_with(lists, text).is_empty(),
            "{:?}",
            run_with(lists, text)
        );
    }

    #[test]
    fn profile_places_and_number_words() {
        let text = "Au Manoir Gagnon, 45, rue Principale. Bon de travail no 2025-0412 de M. Roy.";
        assert_eq!(run_with("", text), ["45, rue Principale", "2025-0412"]);
        let lists = r#"
            public-places = ["Manoir Gagnon"]
            public-number-words = ["bon de travail"]
        "#;
        assert!(
            run_with(lists, text).is_empty(),
            "{:?}",
            run_with(lists, text)
        );
    }

    #[test]
    fn an_empty_post_is_clean() {
        assert!(run("confidential-data", "la-sarre", "").is_empty());
        assert!(run("confidential-data", "la-sarre", "+++\n+++\n").is_empty());
    }

    /// Throughput on typical posts: `cargo test --release --lib confidential_data_speed
    /// -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn confidential_data_speed() {
        use crate::checks::{Context, find};
        use crate::draft::{Draft, Format};
        let policy = crate::load_builtin_policy("la-sarre").unwrap();
        let settings = policy.rule("confidential-data").unwrap().clone();
        let check = (find("confidential-data").unwrap().build)(&settings, &policy).unwrap();
        let texts = [
            "Fête nationale le 24 juin 2025 dès 17 h au parc Lions. Entrée gratuite, repas à 12 $.",
            "Mme Roy habite au 45, rue des Érables ; appelez-la au 819-339-5521 ou lise.roy@hotmail.com.",
            "Collecte des feuilles mortes les 4 et 18 novembre. Utilisez des sacs en papier, merci !",
            "Notre directeur fait l'objet d'une enquête interne, ça jase au garage depuis lundi.",
        ];
        let drafts: Vec<Draft> = texts
            .iter()
            .map(|t| Draft::parse("t.md", t.to_string(), Format::Markdown).unwrap())
            .collect();
        let meta = crate::engine::resolve_meta(&Default::default(), jiff::civil::date(2025, 6, 1))
            .unwrap();
        let n = 10_000;
        let mut out = Vec::new();
        let mut total = 0.0;
        for draft in &drafts {
            let start = std::time::Instant::now();
            for _ in 0..n / drafts.len() {
                out.clear();
                let cx = Context::new(draft, &meta, &policy);
                check.check(&cx, &mut out);
            }
            let secs = start.elapsed().as_secs_f64();
            total += secs;
            let per = secs * 1e6 / (n / drafts.len()) as f64;
            println!("{per:>6.1} µs  {}", draft.body_text());
        }
        println!(
            "confidential-data : {:.0} publications/s, {:.1} µs par publication",
            n as f64 / total,
            total * 1e6 / n as f64
        );
    }
}
