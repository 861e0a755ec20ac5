//! `partisan-content`: political, partisan or religious solicitation, and petitions,
//! at any time (the electoral period is `electoral-neutrality`'s business).
//!
//! Why: La Sarre's nétiquette (art. 5.5) forbids "commentaires à caractère politique,
//! partisan, religieux" and the "signature d'une pétition"; Drummondville's
//! (annexe 1) proscribes "la sollicitation à des fins religieuses ou de politique
//! partisane", and its principles forbid using its platforms "pour promouvoir des
//! intérêts personnels, politiques".
//!
//! What counts, on the folded prose: calls to sign or share a petition and links to
//! petition sites; calls to vote for or support a person, a team or a party, to join a
//! party or give to a campaign; proselytism ("acceptez Jésus", "venez prier avec
//! nous"). What does not: neutral civic information (how and where to vote, the
//! council's meetings, "le conseil a reçu une pétition"), votes the organisation itself
//! holds ("votez pour le nom de la patinoire"), heritage churches and religious
//! buildings as places.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use serde::Deserialize;

use super::{Check, Context, ParamError, Rule, params, validate};
use crate::finding::{Diagnostic, Severity};
use crate::policy::{Policy, RuleSettings};
use crate::text::phrases::gate::{GateSet, LazyRegex, Open};
use crate::text::{FoldedPart, fold, is_whole_word};

pub const RULE: Rule = Rule {
    id: "partisan-content",
    name: "Sollicitation politique, partisane ou religieuse",
    doc: concat!(
        "\
Repère la sollicitation politique, partisane ou religieuse et les pétitions, en tout temps
(pas seulement en période électorale).

Ce qui compte :
- un appel à signer ou à partager une pétition, un lien vers un site de pétitions
  (change.org, avaaz.org, …) : type `petition`;
- un appel à voter pour une personne, une équipe ou un parti, à l'appuyer, à devenir membre
  d'un parti ou à donner à une campagne : type `political`;
- un événement partisan nommé par son genre (« brunch-bénéfice de l'association du Parti
  Québécois », « cocktail de financement de … candidat conservateur »), l'adhésion à un
  parti (« devenez membre de la CAQ », « rejoignez Québec solidaire »), un parti présenté
  comme le seul ou le meilleur, la mobilisation (« écrivez à votre député pour dire non »,
  « ajoutez votre nom à la lettre ouverte ») : type `political`;
- le prosélytisme (« acceptez Jésus », « venez prier avec nous », « la parole de Dieu »)
  et la collecte d'une paroisse ou d'une église (« la paroisse compte sur votre
  contribution ») ; sur un compte officiel, un rite ou une bénédiction (« la séance
  débutera par un moment de prière », « Que Dieu bénisse Drummondville », une procession
  à laquelle on invite) : type `religious`.

Sur un compte personnel, appeler à voter pour quelqu'un (« Votez pour Julie Lavoie ») ou
dire son appui (« Moi, j'appuie Julie Lavoie ») est un droit : un seul constat de niveau
info, type `personal-political`, qui renvoie à l'article des comptes personnels du profil
(mise en garde d'opinion). Sur un compte officiel en période électorale, un appel à voter
est le constat de `electoral-neutrality`, plus précis : `partisan-content` ne le répète pas.

Ce qui ne compte pas : l'information civique neutre (où et comment voter, « allez voter
le 2 novembre », les séances du conseil, « le conseil a reçu une pétition »), les votes que
l'organisation organise elle-même (« votez pour le nom de la nouvelle patinoire »), les
églises comme lieux de patrimoine ou d'activités.

Réglage : `phrases` (expressions à ajouter, par exemple le nom d'un parti municipal local :
[\"Action La Sarre\"]), signalées comme `political` quand un appel à voter ou à appuyer
les précède.

Exemple : « Signez notre pétition contre le nouveau parc ! »
Correction : retirez l'appel; la Ville peut informer de la procédure officielle (dépôt
d'une pétition au conseil) sans inviter à signer.

",
        crate::checks::model_note!()
    ),
    validate: validate::<Params>,
    build,
    explain_profile: super::nothing_to_add,
    personal_data: false,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    /// Local parties, teams or movements, in addition to the built-in party names.
    #[serde(default)]
    phrases: Vec<String>,
}

struct PartisanContent {
    parties: Vec<String>,
    /// The organisation's names, folded: "Votez Drummondville" is a contest.
    own: Vec<String>,
}

fn build(settings: &RuleSettings, policy: &Policy) -> Result<Box<dyn Check>, ParamError> {
    let params: Params = params(settings)?;
    Ok(Box::new(PartisanContent {
        parties: super::folded_phrases("phrases", &params.phrases)?,
        own: policy.org.folded_names(),
    }))
}

// The patterns are compiled on first need, and only for a paragraph that holds one of
// the literals beside each (every match holds one; a test proves it): most posts compile
// none.

static PETITION: LazyRegex = LazyRegex::new(
    r"\b(?:signe[rz]?|signons|signe|partage[rz]?|partageons|faites circuler|appuye[rz]?|soutene?z?) (?:(?:la|notre|cette|une|ma|leur) )?(?:(?:grande|nouvelle) )?petition\b|\bpetition (?:en ligne|a signer)\b|\bsignatures? (?:pour|de) (?:la|notre|ma) petition\b|\bpetition\b[^.!?]*[.!?]?[^.!?]*\b(?:signez|signons|partagez)-la\b|\b(?:besoin de|objectif de|plus que) \d+ signatures\b|\bsignez (?:en ligne|ici|maintenant|des maintenant|avant)\b",
    &["petition", " signatures", "signez "],
);
static PETITION_HOSTS: &[&str] = &[
    "change.org",
    "avaaz.org",
    "mesopinions.com",
    "ipetitions.com",
    "petitions.assnat.qc.ca",
    "petitionenligne.com",
];
/// The verbs of a call to vote or support (a macro: a piece of several patterns).
macro_rules! support {
    () => {
        r"(?:votez|votons|votez donc|allez voter|vote[rz]? pour|elisez|reelisez|appuyez|appuyons|appuyer|soutenez|soutenons|soutenir|encouragez|choisissez|donnez votre vote a|donnez votre appui a)"
    };
}
/// A gate for a pattern with [`support!`]: one of these is in every support verb, then
/// the literals of the pattern's other branches.
macro_rules! support_gate {
    ($($more:literal),*) => {
        &[
            "vote", "votons", "elisez", "appu", "souten", "encouragez", "choisissez", $($more),*
        ]
    };
}
/// Political parties of Quebec and Canada.
macro_rules! parties {
    () => {
        r"(?:parti (?:liberal|conservateur|quebecois|vert|populaire|democrate)|quebec solidaire|caq|plq|pq|npd|bloc quebecois|coalition avenir quebec|nouveau parti democratique|conservateurs|liberaux|pequistes|caquistes)"
    };
}
/// The words that [`parties!`] cannot match without, for a pattern's gate, and others.
macro_rules! party_gates {
    ($($more:literal),*) => {
        &[
            "parti",
            "quebec solidaire",
            "caq",
            "plq",
            "pq",
            "npd",
            "bloc",
            "coalition",
            "conservateurs",
            "liberaux",
            "pequistes",
            "caquistes",
            $($more),*
        ]
    };
}
static POLITICAL: LazyRegex = LazyRegex::new(
    concat!(
        r"\b(?:(?:ne )?",
        support!(),
        r" (?:pas )?(?:tous |toutes |ensemble )?(?:pour |contre )?(?:moi|nous|notre (?:equipe|candidate?|parti|chef|programme)|mon (?:equipe|parti|candidat|programme)|ma candidate|leur (?:programme|plateforme|candidate?|parti)|l'equipe (?:de|du) [^\s,.!?]+|(?:le |la |l')?",
        parties!(),
        r")|(?:devene?z?|devenir|prene?z? (?:votre|ta) carte de) membre (?:du|de notre|de mon|d'un) parti|(?:devene?z?|devenir) membre (?:du |de la |de l'|des |d')?",
        parties!(),
        r"|(?:rejoigne[zr]|joigne[zr]-vous a|adhere[rz] a) (?:le |la |l')?",
        parties!(),
        r"|(?:adhere[rz]|joigne[zr]-vous|rejoigne[zr]) (?:a )?(?:notre|mon) (?:parti|equipe electorale|campagne)|(?:adhere[rz]|joigne[zr]-vous|rejoigne[zr]) (?:au|a un) parti (?:municipal|politique)|(?:faites un don|donnez|contribuez) (?:a|pour) (?:ma|notre) campagne|financement (?:du|de notre|de mon) parti|vote[zr]? (?:oui|non|contre)\b[^.!?]{0,40}\b(?:reglement|referendum|registre|projet)|mobilisons-nous (?:contre|pour))\b"
    ),
    support_gate!(
        "membre",
        "joigne",
        "adhere",
        "notre parti",
        "mon parti",
        "financement",
        "electorale",
        "campagne",
        "mobilisons-nous"
    ),
);
static SUPPORT_RE: LazyRegex = LazyRegex::new(concat!(r"\b", support!(), r"\b"), support_gate!());
/// A campaign slogan ("le seul choix logique", "on compte sur votre vote") in a
/// paragraph about an election.
static SLOGAN: LazyRegex = LazyRegex::new(
    r"\b(?:(?:le|la) seule? (?:choix|option|equipe|candidate?)(?: (?:logique|possible|responsable|serieuse?|credible))?|on compte sur (?:vous|votre vote|votre appui)|votre vote (?:pour|a) (?:moi|nous|notre)|changeons (?:les choses|d'equipe)|(?:la|une) equipe (?:du|de) changement|il est temps que (?:ca|les choses) change(?:nt)?)\b",
    &[
        "il est temps que",
        "le seul",
        "la seul",
        "on compte sur",
        "votre vote",
        "changeons",
        "changement",
    ],
);
static ELECTION: LazyRegex = LazyRegex::new(
    r"\b(?:elections?|electoral(?:e|es)?|scrutin|vote|votez|votre vote|le \d{1,2} novembre|mairie|candidat(?:e|es|s)?)\b",
    &[
        "election",
        "electoral",
        "scrutin",
        "vote",
        "novembre",
        "mairie",
        "candidat",
    ],
);
/// "Votez Gagnon le 2 novembre": a support verb before one capitalised name, then
/// punctuation or a date ("Votez Drummondville pour le titre de…" is a contest).
static VOTE_SURNAME: LazyRegex = LazyRegex::new(
    r"\b(?:[Vv]otez|[Vv]otons|[ÉéEe]lisez|[Rr]éélisez)\s+(\p{Lu}[\p{Ll}'’-]+)(?:\s*[,.!:]|\s+le\s+\d)",
    &["Votez", "votez", "Votons", "votons", "lisez"],
);
/// "Votez pour Marie Tremblay", or the author's own support ("Moi, j'appuie Marie
/// Tremblay", "je vote pour…"): a support verb before a person's name, in the original.
static VOTE_NAME: LazyRegex = LazyRegex::new(
    r"\b(?:[Vv]ote[rz]|[Vv]otons|[ÉéEe]lisez|[Rr]éélisez|[Aa]ppuyez|[Ss]outenez|[Jj]['’]appuie|[Jj]e soutiens|[Jj]e vote(?:rai)?|[Jj]['’]ai voté|[Mm]on vote (?:va|ira) à|[Mm]on appui (?:va|ira) à)\s+(?:pour\s+)?((?:[A-ZÉÈ][\p{Ll}'’]+(?:-[A-ZÉÈ][\p{Ll}]+)?)\s+[A-ZÉÈ][\p{Ll}'’]+)",
    &[
        "Vote", "vote", "Votons", "votons", "lisez", "ppuyez", "outenez", "ppuie", "soutiens",
        " vote", "ai voté", "appui ",
    ],
);
static RELIGIOUS: LazyRegex = LazyRegex::new(
    r"\b(?:(?:acceptez|accueillez|recevez|invitez|suivez) (?:jesus|le christ|le seigneur|dieu|allah)(?: dans (?:votre|ta) (?:vie|coeur))?|jesus (?:sauve|revient|est la reponse|est le chemin)|(?:dieu|jesus|le seigneur|le christ|allah) (?:vous|t') ?(?:aime|attend|appelle|pardonne|sauve)|venez a la rencontre (?:de jesus|de dieu|du christ|du seigneur)|repentez-vous|convertissez-vous|(?:venez|joignez-vous a nous pour|rejoignez-nous pour) prier|priez (?:avec nous|le seigneur|dieu|jesus|allah)|prions (?:ensemble|le seigneur|dieu)|louez (?:le seigneur|dieu)|la parole de dieu|la bible (?:dit|nous enseigne|a la reponse)|le salut (?:de votre ame|eternel)|sauvez votre ame|etudes? bibliques?|(?:rejoignez|joignez-vous a|venez a) (?:notre|nos) (?:eglise|assemblee|communaute de foi|culte|priere|prieres)|le seul (?:vrai )?dieu|(?:venez|viens|venir) (?:decouvrir|entendre|ecouter|recevoir) (?:la parole|l'evangile|la bonne nouvelle|l'amour (?:de jesus|de dieu|du christ|du seigneur))|salut en jesus|la fin des temps (?:approche|est proche)|(?:allah|dieu) est grand|(?:rejoignez-nous|joignez-vous a nous|venez|priez avec nous) (?:pour|a) (?:la|une) (?:priere|louange|adoration|veillee de priere))\b",
    &[
        "jesus",
        "christ",
        "seigneur",
        "dieu",
        "allah",
        "repentez",
        "convertissez",
        "prier",
        "priez",
        "prions",
        "louez",
        "la bible",
        "biblique",
        "votre ame",
        "eternel",
        "notre eglise",
        "nos eglise",
        "notre assemblee",
        "nos assemblee",
        "communaute de foi",
        "notre culte",
        "nos culte",
        "louange",
        "adoration",
        "fin des temps",
        "la parole",
        "evangile",
        "bonne nouvelle",
    ],
);

/// A party praised as the only or the best one: "le Bloc québécois est le seul parti
/// qui défend les régions". The finding runs to the end of the sentence.
static PARTY_PRAISE: LazyRegex = LazyRegex::new(
    concat!(
        r"\b",
        parties!(),
        r" (?:est|sont|reste|demeure|demeurent|restent) (?:vraiment |clairement |de loin )?(?:le|la|les) (?:seule?s?|meilleure?s?|vraie?s?|plus (?:credibles?|serieuse?s?|competente?s?))\b",
        // "Enfin un parti qui comprend les villes", "voilà un chef qui parle enfin aux
        // entrepreneurs": a party, a leader or a government hailed as the one awaited.
        r"|\b(?:enfin|voila) (?:un|une) (?:parti|chef|cheffe|gouvernement|premiere? ministre)(?: [a-z]+)? qui\b",
        // "C'est un parti qui comprend enfin les régions", "le seul parti qui défend
        // vraiment l'Abitibi": a party described by what it does is a party judged.
        r"|\b(?:un|le seul|le meilleur|le vrai) parti(?: [a-z]+)? qui\b"
    ),
    party_gates!("enfin un", "voila un", "enfin une", "voila une", "parti"),
);

/// A party or a government named by its colour, judged in the same sentence: "ce
/// gouvernement caquiste abandonne les régions", "les libéraux prouvent qu'on ne peut pas
/// leur faire confiance". Not "le gouvernement du Québec", which funds the projects the
/// organisation announces.
static PARTISAN_ACTOR: LazyRegex = LazyRegex::new(
    concat!(
        r"\b(?:",
        parties!(),
        r"|(?:ce|cet|notre|votre|leur|le|un) gouvernement (?:caquiste|liberal|pequiste|conservateur|solidaire|legault|trudeau|carney|couillard|harper|poilievre)|le gouvernement (?:de la |du |des |de l')",
        parties!(),
        r"|ce gouvernement(?:-la)?|les (?:caquistes|pequistes|solidaires|bloquistes|federalistes|souverainistes))\b"
    ),
    party_gates!(
        "gouvernement",
        "solidaires",
        "bloquistes",
        "federalistes",
        "souverainistes"
    ),
);

/// What is said of a party's record that the polarity lexicon does not score: trust,
/// promises kept or broken, a region abandoned or served.
static VERDICTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:faire confiance|livre(?:nt)? la marchandise|abandonne(?:nt)? (?:les|nos|la|notre)|(?:a|ont|avait|avaient) laisse tomber|laisse(?:nt)? tomber (?:les|nos|la|notre)|(?:va|vont|ira|iront) (?:enfin )?s'occuper (?:des|de nos|de la|du)|serai(?:t|ent) deja|trahi(?:t|ssent|r)?|tien(?:t|nent) (?:ses|leurs) promesses|(?:a|ont) menti|se (?:fout|foutent|fiche|fichent|moque|moquent|sacre|sacrent) (?:des|de|du|pas mal des)|s'en (?:debarrasse|debarrasser|debarrassera))\b",
    )
    .expect("a valid pattern")
});

/// A political option promoted: sovereignty, a call to change government.
static POLITICAL_OPTION: LazyRegex = LazyRegex::new(
    r"\b(?:(?:le )?quebec (?:devienne|deviendra|devienne enfin|deviendra enfin|sera enfin|soit enfin) (?:un )?pays|(?:vive |pour )l'independance|(?:oui|vive|pour) (?:au |le |un )?quebec (?:souverain|independant|libre)|votez pour le changement aux (?:prochaines )?elections|il sera temps de passer a autre chose|(?:vraies )?valeurs (?:de gauche|de droite|souverainistes|federalistes))\b",
    &[
        "valeurs",
        "pays",
        "independance",
        "souverain",
        "independant",
        "libre",
        "changement",
        "passer a autre chose",
    ],
);

/// A call to act on elected people or to sign a collective letter: "Écrivez à votre
/// député pour dire non", "Ajoutez votre nom à la lettre ouverte".
static MOBILISATION: LazyRegex = LazyRegex::new(
    r"\b(?:(?:ecrivez|ecrivons|appelez|interpellez|ecrire) (?:a|au|aux) (?:votre |vos |notre |nos |le |la |les )?(?:deputee?s?|ministres?|premiere? ministre|gouvernement|elue?s)\b|(?:ajoutez|ajoutons|inscrivez) (?:votre|vos|notre) (?:nom|signature)s? (?:a|au|sur) (?:la|le|cette|notre) (?:lettre ouverte|petition|liste|manifeste|declaration)|(?:allez|venez|viens|va) signer (?:pour|contre)\b|signer en grand nombre\b|chaque (?:signature|appui|nom) (?:compte|fait la difference)\b|(?:mettre|mettez|ajoutez|inscrivez) votre nom sur le site de l'assemblee nationale\b|apporte[rz] (?:vos|tes|nos) (?:pancartes|affiches|banderoles)\b|(?:une|la|grosse|grande) (?:manif|manifestation) (?:samedi|dimanche|lundi|mardi|mercredi|jeudi|vendredi|ce |cette |demain)|lettre d'appui (?:a|au|pour) (?:notre|votre|la|le) candidate?\b|appuyons notre candidate?\b)",
    &[
        "ecrivez",
        "ecrivons",
        "appelez",
        "interpellez",
        "ecrire",
        "ajoutez",
        "ajoutons",
        "inscrivez",
        " signer ",
        "signer en grand",
        "chaque ",
        "assemblee nationale",
        "pancartes",
        "affiches",
        "banderoles",
        "manif",
        "lettre d'appui",
        "appuyons notre",
    ],
);

/// A fundraising or partisan event, named by its genre.
static PARTISAN_EVENT: LazyRegex = LazyRegex::new(
    r"\b(?:billets? en vente|brunch|souper|diner|dejeuner|cocktail|soiree|tournoi de golf|mechoui|epluchette|vins et fromages|bal|gala|spaghetti)(?:-benefice| benefice| de financement| spaghetti)?\b",
    &[
        "billet",
        "brunch",
        "souper",
        "diner",
        "dejeuner",
        "cocktail",
        "soiree",
        "golf",
        "mechoui",
        "epluchette",
        "fromages",
        "bal",
        "gala",
        "spaghetti",
    ],
);

/// Who holds a partisan event: a party, a party's riding association, a candidate of a
/// party.
static PARTY_HOST: LazyRegex = LazyRegex::new(
    concat!(
        r"\b(?:",
        parties!(),
        r"|association (?:liberale|conservatrice|pequiste|caquiste|solidaire|neo-democrate|bloquiste|du parti|de (?:la|circonscription))|candidate? (?:conservat(?:eur|rice)|liberale?|pequiste|caquiste|solidaire|neo-democrate|bloquiste|du parti|de la caq|du npd|du bloc|du plq|du pq)|parti (?:municipal|politique))\b"
    ),
    party_gates!("association", "candidat"),
);

/// A rite or a blessing, said or promoted by an official account: "la séance débutera
/// par un moment de prière", "neuf soirs de chapelet", "prenons un moment pour prier",
/// "Que Dieu bénisse Drummondville", "Que la résurrection du Christ ravive…", "venez
/// témoigner de votre foi". Not "Prière de ne pas stationner", "nous vous prions de…".
static RITE: LazyRegex = LazyRegex::new(
    r"\b(?:moments? de priere|prieres?|prier|prions|priez|chapelets?|neuvaines?|processions?|pelerinages?|adoration|(?:temoigner|temoignez) de (?:votre|notre|sa|leur) foi|dieu (?:benisse|protege|garde|vous benisse)|que le (?:seigneur|christ|bon dieu)|que la (?:resurrection|vierge|paix du christ|grace)|que l'esprit saint|benediction)\b",
    &[
        "priere",
        "prier",
        "prions",
        "priez",
        "chapelet",
        "neuvaine",
        "procession",
        "pelerinage",
        "adoration",
        " foi",
        "dieu",
        "que le ",
        "que la ",
        "esprit saint",
        "benediction",
    ],
);
/// A church as heritage or as a hall: a rite named there is a fact of history or of
/// culture.
static HERITAGE: LazyRegex = LazyRegex::new(
    r"\b(?:patrimoine|patrimonial|patrimoniale|visites? guidees?|architecture|vitraux|orgue|concerts?|musee|histoire|historiques?|exposition)\b",
    &[
        "patrimoni",
        "guidee",
        "architecture",
        "vitraux",
        "orgue",
        "concert",
        "musee",
        "histoire",
        "historique",
        "exposition",
    ],
);

/// The sentence of a rite or a blessing the organisation would promote (see [`RITE`]).
fn rite(text: &str, open: Open<'_>) -> Option<Range<usize>> {
    open.find_iter(&RITE, text).find_map(|m| {
        let sentence = sentence_of(text, m.range());
        let s = &text[sentence.clone()];
        // "prière de ne pas…", "nous vous prions de…": a polite request.
        let polite = matches!(m.as_str(), "priere" | "prions" | "priez")
            && (text[m.end()..].starts_with(" de ") || text[m.end()..].starts_with(" d'"));
        // A procession or a pilgrimage is an event: a street closed for it is traffic
        // news; the organisation invites to it or it does not count.
        let event = m.as_str().starts_with("procession") || m.as_str().starts_with("pelerinage");
        let invited = || {
            [
                "venez",
                "joignez-vous",
                "participez",
                "invite",
                "bienvenue",
                "nombreux",
                "rejoignez",
                "soyez",
            ]
            .iter()
            .any(|w| s.contains(w))
        };
        (!polite && (!event || invited()) && !open.is_match(&HERITAGE, s)).then_some(sentence)
    })
}

/// A religious body asking for money: "la paroisse compte sur votre contribution",
/// "Dîme 2025".
static RELIGIOUS_BODY: LazyRegex = LazyRegex::new(
    r"\b(?:paroisses?|fabriques?|dioceses?|eglise (?:evangelique|pentecotiste|baptiste)|mosquees?|synagogues?|temples?|congregations?|communaute religieuse)\b",
    &[
        "paroisse",
        "fabrique",
        "diocese",
        "eglise",
        "mosquee",
        "synagogue",
        "temple",
        "congregation",
        "religieuse",
    ],
);
static DONATION: LazyRegex = LazyRegex::new(
    r"\b(?:dime|compte sur (?:votre|vos) (?:contributions?|dons?|generosite|appui)|donnez genereusement|faites un don|votre offrande|offrandes?)\b",
    &["dime", "compte sur", "donnez", "faites un don", "offrande"],
);

/// First words of the names of charities, associations and events, never of a person.
const ORGANISATION_WORDS: &[&str] = &[
    "operation",
    "moisson",
    "fondation",
    "club",
    "centre",
    "maison",
    "association",
    "comite",
    "societe",
    "festival",
    "cooperative",
    "coop",
    "regroupement",
    "banque",
    "carrefour",
    "entraide",
    "popote",
    "croix",
    "grands",
    "repaire",
    "ecole",
    "cegep",
];

/// A contest or a charity drive: "votez pour … au concours" is not an election.
static NOT_ELECTORAL: LazyRegex = LazyRegex::new(
    r"\b(?:concours|prix du public|coup de coeur|bourse|levee de fonds|guignolee|benevoles|don(?:s)? (?:de|en))\b",
    &[
        "concours",
        "prix du public",
        "coup de coeur",
        "bourse",
        "levee de fonds",
        "guignolee",
        "benevoles",
        "don",
    ],
);

/// The patterns run on a folded paragraph, and on the paragraph as written: one pass
/// over it tells which may match.
static ON_FOLDED: GateSet = GateSet::new(&[
    &PETITION,
    &POLITICAL,
    &NOT_ELECTORAL,
    &RELIGIOUS,
    &SLOGAN,
    &ELECTION,
    &SUPPORT_RE,
    &PARTY_PRAISE,
    &MOBILISATION,
    &PARTISAN_EVENT,
    &PARTY_HOST,
    &RELIGIOUS_BODY,
    &DONATION,
    &RITE,
    &HERITAGE,
    &PARTISAN_ACTOR,
    &POLITICAL_OPTION,
]);
static ON_ORIGINAL: GateSet = GateSet::new(&[&VOTE_NAME, &VOTE_SURNAME]);

impl PartisanContent {
    fn paragraph(
        &self,
        cx: &Context<'_>,
        paragraph: Range<usize>,
        out: &mut Vec<(Range<usize>, &'static str)>,
    ) {
        let draft = cx.draft;
        let folded = cx.folded().part(paragraph.clone());
        let text = folded.text;
        let open = ON_FOLDED.open(text);
        if let Some(m) = open.find(&PETITION, text) {
            out.push((folded.original(m.range()), "petition"));
        }
        let original = &draft.prose[paragraph.clone()];
        if let Some(m) = open.find(&POLITICAL, text) {
            out.push((folded.original(m.range()), "political"));
        } else if let Some(span) = self
            .vote_for_someone(&folded, open, original, paragraph.start)
            .filter(|_| !open.is_match(&NOT_ELECTORAL, text))
        {
            // Unless a contest or a charity: the capitalised name is not a candidate's.
            out.push((span, "political"));
        }
        if let Some(m) = open.find(&RELIGIOUS, text) {
            out.push((folded.original(m.range()), "religious"));
        } else if let Some(span) = same_sentence(text, open, &RELIGIOUS_BODY, &DONATION) {
            out.push((folded.original(span), "religious"));
        } else if !cx.meta.is_personal()
            && let Some(span) = rite(text, open)
        {
            // An employee's own faith is theirs; the organisation's account takes none.
            out.push((folded.original(span), "religious"));
        }
        if out.iter().any(|(_, k)| *k == "political") {
            return;
        }
        if let Some(m) = open.find(&PARTY_PRAISE, text) {
            // From the start of its clause ("…tient un kiosque : un parti qui…") to the
            // end of its sentence; a party judged in an earlier sentence is said first.
            let sentence = sentence_of(text, m.range());
            let clause = text[sentence.start..m.start()]
                .rfind(':')
                .map_or(sentence.start, |i| sentence.start + i + 1);
            let clause = crate::draft::trim_range(text, clause..sentence.end);
            match party_judged(text, open) {
                Some(j) if j.end <= clause.start => out.push((folded.original(j), "party-judged")),
                _ => out.push((folded.original(clause), "political")),
            }
        } else if let Some(span) = team_praised(&draft.prose[paragraph.clone()], text) {
            out.push((folded.original(span), "political"));
        } else if let Some(span) = same_sentence(text, open, &PARTISAN_EVENT, &PARTY_HOST) {
            out.push((folded.original(span), "political"));
        } else if let Some(span) = party_judged(text, open) {
            out.push((folded.original(span), "party-judged"));
        } else if let Some(m) = open.find(&MOBILISATION, text) {
            // The call is said by its sentence: "samedi on marche devant les bureaux de
            // la MRC contre le projet de mine, apportez vos pancartes".
            out.push((folded.original(sentence_of(text, m.range())), "political"));
        }
    }

    /// A call to vote for a person, with a slogan, or for the profile's party: its span
    /// in the source. (Whether the paragraph is about a contest is asked after, only
    /// when there is one.)
    fn vote_for_someone(
        &self,
        folded: &FoldedPart<'_>,
        open: Open<'_>,
        original: &str,
        start: usize,
    ) -> Option<Range<usize>> {
        let text = folded.text;
        let at = |m: regex::Match<'_>| start + m.start()..start + m.end();
        let open_original = ON_ORIGINAL.open(original);
        if let Some(m) = open_original
            .captures(&VOTE_NAME, original)
            .filter(|c| self.is_person(&c[1]))
            .and_then(|c| c.get(0))
        {
            return Some(at(m));
        }
        if let Some(c) = open_original
            .captures(&VOTE_SURNAME, original)
            .filter(|c| self.is_person(&c[1]))
        {
            return Some(at(c.get(0).expect("match")));
        }
        if let Some(m) = open
            .find(&SLOGAN, text)
            .filter(|_| open.is_match(&ELECTION, text))
        {
            return Some(folded.original(m.range()));
        }
        self.local_party(folded, open)
    }

    /// A capitalised name after "votez": a person, not the organisation ("Votez La
    /// Sarre pour le titre…"), a place or thing named with an article, nor a charity or
    /// an association ("Soutenez Opération Nez rouge", "Votez pour Moisson Drummond").
    fn is_person(&self, name: &str) -> bool {
        let folded = fold(name);
        let article = ["la ", "le ", "les ", "l'"]
            .iter()
            .any(|a| folded.starts_with(a));
        let first = folded.split(' ').next().unwrap_or("");
        !article && !self.own.contains(&folded) && !ORGANISATION_WORDS.contains(&first)
    }

    /// A profile's party or team, after a call to vote or support.
    fn local_party(&self, folded: &FoldedPart<'_>, open: Open<'_>) -> Option<Range<usize>> {
        let text = folded.text;
        for party in &self.parties {
            for (i, _) in text.match_indices(party.as_str()) {
                let range = i..i + party.len();
                if !is_whole_word(text, &range) {
                    continue;
                }
                if let Some(m) = open.find_iter(&SUPPORT_RE, &text[..i]).last()
                    && i - m.end() <= 20
                {
                    return Some(folded.original(m.start()..range.end));
                }
            }
        }
        None
    }
}

/// The end of the sentence that holds byte `at` of folded `text`.
/// The sentence of a folded paragraph where a party or a government by its colour is
/// judged, or a political option promoted.
fn party_judged(text: &str, open: Open<'_>) -> Option<Range<usize>> {
    if let Some(m) = open.find(&POLITICAL_OPTION, text) {
        return Some(sentence_of(text, m.range()));
    }
    open.find_iter(&PARTISAN_ACTOR, text).find_map(|m| {
        let s = sentence_of(text, m.range());
        let said = &text[s.clone()];
        let words = crate::text::phrases::words(said);
        let judged = super::electoral_neutrality::judgements(said, &words)
            .iter()
            .any(|j| !(m.start() - s.start <= j.start && j.end <= m.end() - s.start))
            || VERDICTS.is_match(said);
        judged.then_some(s)
    })
}

/// A municipal team the post names ("l'équipe Renouveau La Sarre") hailed in the words
/// of a party praised: "la seule qui parle vraiment de rigueur", "une équipe qui écoute
/// vraiment le monde". `original` is the paragraph as written (the name has capitals),
/// `text` folded; the range is folded, from the praise to the end of its sentence.
fn team_praised(original: &str, text: &str) -> Option<Range<usize>> {
    static PRAISE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:c'est (?:une|la)|une|la seule|la meilleure|la vraie) equipe(?: [a-z]+)? qui\b|, (?:la seule|la meilleure) qui\b")
            .expect("team praise")
    });
    if !(text.contains("equipe") && super::electoral_neutrality::names_team(original)) {
        return None;
    }
    let m = PRAISE.find(text)?;
    let start = m.start() + usize::from(m.as_str().starts_with(','));
    Some(crate::draft::trim_range(
        text,
        start..sentence_end(text, m.end()),
    ))
}

/// What ends a sentence for this rule: a semicolon too.
const STOPS: [char; 5] = ['.', '!', '?', ';', '\n'];

fn sentence_end(text: &str, at: usize) -> usize {
    text[at..].find(STOPS).map_or(text.len(), |i| at + i)
}

/// The sentence of folded `text` that holds `range`.
fn sentence_of(text: &str, range: Range<usize>) -> Range<usize> {
    crate::text::between_stops(text, range, |c| STOPS.contains(&c))
}

/// The first sentence of folded `text` where both `a` and `b` match: the range from the
/// first match to the end of the other.
fn same_sentence(
    text: &str,
    open: Open<'_>,
    a: &'static LazyRegex,
    b: &'static LazyRegex,
) -> Option<Range<usize>> {
    let firsts: Vec<_> = open.find_iter(a, text).collect();
    if firsts.is_empty() {
        return None;
    }
    let seconds: Vec<_> = open.find_iter(b, text).collect();
    firsts.iter().find_map(|x| {
        let (from, to) = (
            text[..x.start()]
                .rfind(['.', '!', '?', ';', '\n'])
                .map_or(0, |i| i + 1),
            sentence_end(text, x.end()),
        );
        seconds
            .iter()
            .find(|y| y.start() >= from && y.end() <= to)
            .map(|y| x.start().min(y.start())..x.end().max(y.end()))
    })
}

/// The kind of a solicitation the rule's model found: its words say which.
fn model_kind(folded: &str) -> &'static str {
    const RELIGIOUS: &[&str] = &[
        "eglise", "messe", "dieu", "seigneur", "christ", "jesus", "priere", "prier", "prions",
        "paroisse", "foi", "evangile", "bible", "louange", "culte", "bapteme", "careme",
    ];
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| w.starts_with("petition")) {
        "petition"
    } else if words.iter().any(|w| RELIGIOUS.contains(w)) {
        "religious"
    } else {
        "political"
    }
}

impl Check for PartisanContent {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let mut found = Vec::new();
        for paragraph in cx.paragraphs() {
            self.paragraph(cx, paragraph.clone(), &mut found);
        }
        let petition_link = cx.draft.links.iter().find(|l| {
            let url = l.url.to_ascii_lowercase();
            PETITION_HOSTS.iter().any(|h| url.contains(h))
        });
        if let Some(link) = petition_link
            && !found.iter().any(|(_, k)| *k == "petition")
        {
            found.push((link.span.clone(), "petition"));
        }
        // What the patterns did not read, the rule's model may: only in a post where
        // they found nothing, since a second finding would repeat the first.
        if found.is_empty()
            && let Some(span) = crate::checks::model_sentence(cx, "partisan-content")
        {
            let folded = crate::text::fold(&cx.draft.source[span.clone()]);
            found.push((span, model_kind(&folded)));
        }
        // On a personal account, taking sides is the author's right: the policies only
        // invite a disclaimer (La Sarre art. 13.1, Drummondville « Membres du
        // personnel »). A call to vote and a plain endorsement get the same info.
        let personal = cx.meta.is_personal();
        for (span, kind) in found {
            if (kind == "political" || kind == "party-judged") && personal {
                out.push(
                    Diagnostic::new(
                        span,
                        "Prise de position politique sur un compte personnel.",
                        "C'est permis sur un compte personnel : précisez que c'est votre opinion personnelle, qui \
                         n'engage pas l'organisation (mise en garde du profil), et n'écrivez jamais en son nom.",
                    )
                    .kind("personal-political")
                    .severity(Severity::Info),
                );
                continue;
            }
            let (message, help) = match kind {
                "petition" => (
                    "Appel à signer une pétition.",
                    "Retirez l'appel et le lien. Pour informer, expliquez la procédure officielle sans inviter à signer.",
                ),
                "political" => (
                    "Sollicitation politique ou partisane : appel à voter pour quelqu'un ou à appuyer un parti.",
                    "Retirez l'appel. Une information électorale reste neutre : dates, lieux et façons de voter.",
                ),
                "party-judged" => (
                    "Contenu politique partisan : jugement sur un parti ou un gouvernement, ou option politique \
                     défendue.",
                    "Retirez ce passage : les comptes de l'organisation ne prennent pas parti en politique. Pour \
                     informer d'une annonce gouvernementale, donnez les faits sans les juger.",
                ),
                _ => (
                    "Sollicitation à des fins religieuses.",
                    "Retirez l'invitation religieuse ; une église peut être mentionnée comme lieu d'une activité ou du \
                     patrimoine.",
                ),
            };
            let kind = if kind == "party-judged" {
                "political"
            } else {
                kind
            };
            out.push(Diagnostic::new(span, message, help).kind(kind));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn gates_hold_every_match() {
        use crate::text::phrases::gate::assert_gate;
        assert_gate("PETITION", &super::PETITION);
        assert_gate("POLITICAL", &super::POLITICAL);
        assert_gate("SUPPORT_RE", &super::SUPPORT_RE);
        assert_gate("SLOGAN", &super::SLOGAN);
        assert_gate("ELECTION", &super::ELECTION);
        assert_gate("VOTE_SURNAME", &super::VOTE_SURNAME);
        assert_gate("VOTE_NAME", &super::VOTE_NAME);
        assert_gate("RELIGIOUS", &super::RELIGIOUS);
        assert_gate("NOT_ELECTORAL", &super::NOT_ELECTORAL);
        assert_gate("PARTY_PRAISE", &super::PARTY_PRAISE);
        assert_gate("MOBILISATION", &super::MOBILISATION);
        assert_gate("PARTISAN_EVENT", &super::PARTISAN_EVENT);
        assert_gate("PARTY_HOST", &super::PARTY_HOST);
        assert_gate("RELIGIOUS_BODY", &super::RELIGIOUS_BODY);
        assert_gate("DONATION", &super::DONATION);
        assert_gate("PARTISAN_ACTOR", &super::PARTISAN_ACTOR);
        assert_gate("POLITICAL_OPTION", &super::POLITICAL_OPTION);
    }

    /// The kinds found in a post of an official account.
    fn kinds(text: &str) -> Vec<&'static str> {
        let official = format!("+++\naccount = \"official\"\n+++\n{text}");
        crate::checks::testing::kinds("partisan-content", "la-sarre", &official)
    }

    #[test]
    fn calls_to_protest_and_to_sign_without_the_word_petition() {
        for text in [
            "Allez signer pour qu'on garde le stationnement gratuit sur Heriot!",
            "Allez mettre votre nom sur le site de l'Assemblée nationale avant vendredi.",
            "Samedi on marche devant les bureaux de la MRC contre le projet de mine, apportez vos pancartes.",
            "Y'a une manif samedi midi devant l'hôtel de ville. Amenez vos voisins.",
        ] {
            assert!(!kinds(text).is_empty(), "{text}");
        }
        // The municipal register, and news of a protest.
        for text in [
            "Registre référendaire : venez signer le registre à l'hôtel de ville lundi.",
            "La manifestation d'hier a bloqué la rue Lindsay.",
        ] {
            assert!(kinds(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn on_a_personal_account_a_call_and_an_endorsement_are_one_info() {
        for text in [
            "Votez pour Julie Lavoie le 2 novembre !",
            "Moi, j'appuie Julie Lavoie aux élections.",
            "Je vote pour Julie Lavoie, bien sûr.",
        ] {
            assert_eq!(
                crate::checks::testing::kinds("partisan-content", "la-sarre", text),
                ["personal-political"],
                "{text}"
            );
        }
        assert_eq!(
            kinds("Moi, j'appuie Julie Lavoie aux élections."),
            ["political"]
        );
        assert!(kinds("J'appuie Opération Nez rouge cette année.").is_empty());
    }

    #[test]
    fn solicitations_are_found() {
        assert_eq!(
            kinds("Signez notre pétition contre le projet !"),
            ["petition"]
        );
        assert_eq!(
            kinds("Tout est ici : https://www.change.org/p/sauvons-le-parc"),
            ["petition"]
        );
        assert_eq!(
            kinds("Le 2 novembre, votez pour Marie Tremblay !"),
            ["political"]
        );
        assert_eq!(
            kinds("Appuyez la CAQ aux prochaines élections."),
            ["political"]
        );
        assert_eq!(
            kinds("Devenez membre du parti dès aujourd'hui."),
            ["political"]
        );
        assert_eq!(kinds("Votez Gagnon le 2 novembre."), ["political"]);
        assert_eq!(
            kinds("Une pétition circule au dépanneur. Signez-la !"),
            ["petition"]
        );
        assert_eq!(
            kinds("Jésus vous aime : venez prier avec nous dimanche."),
            ["religious"]
        );
    }

    #[test]
    fn partisan_events_memberships_and_mobilisation() {
        for (text, kind) in [
            (
                "Brunch-bénéfice de l'association du Parti Québécois de Drummond dimanche.",
                "political",
            ),
            (
                "Billets en vente pour le cocktail de financement de Martin Rioux, candidat conservateur.",
                "political",
            ),
            ("Devenez membre de la CAQ pour seulement 5 $ !", "political"),
            (
                "Joignez-vous au parti municipal Action La Sarre : la carte coûte 10 $.",
                "political",
            ),
            (
                "Honnêtement, ce gouvernement-là se fout des régions.",
                "political",
            ),
            (
                "Rejoignez Québec solidaire, on a besoin de bénévoles !",
                "political",
            ),
            (
                "Le Bloc québécois est le seul parti qui défend les régions.",
                "political",
            ),
            ("Écrivez à votre député pour dire NON !", "political"),
            (
                "Dîme 2025 : la paroisse compte sur votre contribution.",
                "religious",
            ),
        ] {
            assert_eq!(kinds(text), [kind], "{text}");
        }
        for text in [
            "Souper spaghetti des pompiers au sous-sol de l'église, 15 $.",
            "Le conseil a adopté une résolution demandant au gouvernement de maintenir l'urgence.",
            "Le député de Drummond a annoncé une aide de 2 M$ pour le centre communautaire.",
            "Concert de Noël à l'église Sainte-Claire, entrée libre.",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn civic_information_is_neutral() {
        for text in [
            "Élections municipales : allez voter le 2 novembre, de 10 h à 20 h.",
            "Votez pour le nom de la nouvelle patinoire d'ici vendredi !",
            "Le conseil a reçu une pétition de 300 citoyens au sujet du parc.",
            "Journées du patrimoine religieux : visite guidée de l'église Saint-André.",
            "Prière de ne pas stationner dans la rue durant la collecte.",
            "Votez pour votre projet préféré du budget participatif.",
            "Votez La Sarre pour le titre de Village fleuri !",
            "Allez voter pour le candidat de votre choix.",
            "Soutenez Opération Nez rouge : les bénévoles sont attendus dès le 28 novembre.",
            "Votez pour Moisson Drummond au concours de la fondation communautaire !",
            "Fermeture de la rue Principale samedi, de 13 h à 15 h, pour le passage de la procession.",
            "Concert de Noël à l'église : l'orgue et la chorale, suivis d'un moment de prière.",
            "Nous vous prions de respecter la signalisation.",
            "Joyeuses Pâques à toutes et à tous! Les bureaux seront fermés lundi.",
            "Excellente nouvelle : le gouvernement du Québec accorde 2 M$ pour la rénovation de l'aréna.",
            "Ce gouvernement de proximité qu'est la Ville vous consulte sur le budget.",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn a_party_or_a_government_judged_is_political() {
        for text in [
            "Les routes sont dans un état lamentable : ce gouvernement caquiste abandonne les régions depuis huit ans.",
            "Encore une fois, les libéraux prouvent qu'on ne peut pas leur faire confiance.",
            "Partagez si vous aussi, vous rêvez du jour où le Québec deviendra enfin un pays!",
            "Merci à notre ministre : une preuve de plus que ce gouvernement livre la marchandise.",
            "Profitez-en pour signer, à l'accueil, la lettre d'appui à notre candidat de circonscription.",
            "Enfin un gouvernement péquiste qui va s'occuper des régions!",
            "Le gouvernement de la CAQ a laissé tomber les municipalités pendant huit ans.",
            "Si les libéraux avaient gardé le pouvoir, la route 111 serait déjà refaite.",
            "Oui au Québec souverain!",
            "Enfin un parti qui comprend les villes! Devenez membre dès aujourd'hui.",
            "Venez rencontrer l'équipe et appuyer leur programme.",
            // A party described by what it does; a named team hailed; an ideology.
            "J'étais à l'assemblée des militants. C'est un parti qui comprend enfin les régions.",
            "Je me suis joint à l'équipe Renouveau La Sarre, la seule qui parle vraiment de rigueur.",
            "Merci à la porte-parole : merci de défendre les vraies valeurs de gauche!",
        ] {
            assert_eq!(kinds(text), ["political"], "{text}");
        }
        // A team of the organisation's described by what it does.
        assert!(
            kinds("Une équipe qui travaille fort : merci aux cols bleus du déneigement!")
                .is_empty()
        );
        // Governments named for what they fund or decide, and leaders of a team.
        for text in [
            "Le gouvernement du Québec a confirmé une aide de 2 M$ pour l'aréna.",
            "Le gouvernement de la CAQ a annoncé le programme d'aide lundi.",
            "Enfin un chef d'équipe qui connaît le terrain au garage!",
            "Le Québec libre de dettes, c'est pour quand?",
        ] {
            assert!(kinds(text).is_empty(), "{text}");
        }
        assert_eq!(
            kinds("Venez découvrir l'amour de Jésus avec le groupe Chrétiens en marche."),
            ["religious"]
        );
    }

    #[test]
    fn a_rite_or_a_blessing_on_the_official_account_is_religious() {
        for text in [
            "Comme le veut la tradition, la séance débutera par un moment de prière.",
            "Que la résurrection du Christ ravive en chacun de nous la foi et l'espérance.",
            "En ce temps de Carême, prenons un moment pour prier. Que Dieu bénisse Drummondville 🙏",
            "La paroisse vous invite à la procession dimanche : venez nombreux témoigner de votre foi!",
            "Neuf soirs de chapelet pour confier nos familles à la bonne sainte Anne.",
        ] {
            assert_eq!(kinds(text), ["religious"], "{text}");
        }
        // A signature asked for, without the word "pétition".
        assert_eq!(
            kinds(
                "L'urgence de nuit est menacée. Chaque signature compte : appuyez la démarche avant le 31 mars."
            ),
            ["political"]
        );
    }
}
