//! `advertising`: commercial solicitation and the promotion of private businesses.
//!
//! Why: La Sarre's nétiquette (art. 5.5) forbids "pourriels et toute forme de
//! sollicitation ou publicité d'un individu, d'une entreprise ou d'une organisation à
//! caractère privé ou commercial", and its art. 7 any advertising "à l'exception des
//! publicités conçues par la Ville"; Drummondville's nétiquette (annexe 1) proscribes
//! "les messages à des fins publicitaires, commerciales", and its principles forbid
//! using its platforms "pour promouvoir des intérêts … commerciaux".
//!
//! What counts, on the folded prose: discount codes ("code promo", "code NOEL20"),
//! affiliate links and referral codes, get-rich and private-message spam, and the
//! promotion of a business: an offer (a discount, "livraison gratuite", "seulement
//! 19,99 $") or a call to buy ("achetez", "commandez", "visitez notre boutique") with a
//! business behind it ("notre boutique", "nos produits", "Inc.", "chez Untel"), or an
//! offer with a call to buy that is not about the organisation's own services.
//!
//! What does not: the organisation's programmes, fees, job offers and partner events
//! ("Inscription au camp de jour : 120 $", "Achetez vos billets à la bibliothèque"), and
//! the promotion of local buying in general ("achat local").

use std::ops::Range;
use std::sync::LazyLock;

use serde::Deserialize;

mod business;

use super::{Check, Context, ParamError, Rule, params, validate};
use crate::finding::Diagnostic;
use crate::policy::{Policy, RuleSettings};
use crate::text::fold;
use crate::text::phrases::gate::{GateSet, LazyRegex};

pub const RULE: Rule = Rule {
    id: "advertising",
    name: "Publicité et sollicitation commerciale",
    doc: concat!(
        "\
Repère la publicité et la sollicitation commerciale : la promotion d'une entreprise ou d'un
particulier, les codes promotionnels, les liens d'affiliation et les pourriels.

Ce qui compte :
- un code promotionnel (« code promo », « utilisez le code NOEL20 ») : type `promo-code`;
- un lien d'affiliation ou de parrainage : type `affiliate-link`;
- un pourriel (« gagnez de l'argent de la maison », « doublez votre investissement »), ou
  « écrivez-moi (en privé) » à côté d'une offre, d'un tarif ou d'un commerce : type `spam`;
- la promotion d'une entreprise : une offre (« 20 % de rabais », « livraison gratuite »,
  « seulement 19,99 $ ») ou un appel à acheter (« achetez », « commandez », « visitez notre
  boutique ») qui vise un commerce (« notre boutique », « nos produits », « inc. », « chez
  Untel »), ou une offre accompagnée d'un appel à acheter qui ne concerne pas
  l'organisation, ou une entreprise nommée (« Drummond Auto », « Toiture Boucher », « chez
  Sports Experts », « le Charlemagne offre 10 % ») dans une phrase qui porte un rabais
  (« deux pour le prix d'une », « un bon de 5 $ », « la pinte à 5 $ tous les jeudis »), un
  prix, un financement ou quelque chose de gratuit, même dans une phrase de
  remerciement : type `promotion`.

Ce qui ne compte pas : les services, programmes, tarifs, codes d'inscription, concours et
offres d'emploi de l'organisation, et les activités de ses partenaires qu'elle choisit de promouvoir
(« Inscription au camp de jour : 120 $ », « Procurez-vous vos billets à la bibliothèque »),
ni une campagne d'achat local, ni des commanditaires remerciés ou félicités (« Merci à
nos partenaires Desjardins, IGA Côté et Uniprix Lamothe »), ni « écrivez-moi en privé »
sans rien à vendre.

Réglage : `phrases` (expressions commerciales à ajouter, signalées comme `spam`).

Exemple : « 20 % de rabais sur tout en magasin chez Meubles Tremblay ! Code PRINTEMPS20 »
Correction : retirez la publication; une entreprise peut s'adresser à la chambre de
commerce ou acheter de la publicité ailleurs.

",
        crate::checks::model_note!()
    ),
    validate: validate::<Params>,
    build,
    explain_profile,
    personal_data: false,
};

/// The articles that allow the organisation's own and its partners' promotion: the
/// exception, quoted by `explain`, never cited by a finding.
const EXCEPTION_ARTICLES: &[&str] = &["contenu-partenaires", "activites"];

fn explain_profile(policy: &Policy, _today: jiff::civil::Date) -> Option<String> {
    let quotes: Vec<String> = EXCEPTION_ARTICLES
        .iter()
        .filter_map(|key| policy.articles.get(*key))
        .map(|a| {
            format!(
                "  {} — {}\n  « {} »",
                crate::report::article_label(a),
                a.title,
                a.quote
            )
        })
        .collect();
    (!quotes.is_empty()).then(|| {
        format!(
            "  Ce que la politique permet (ce n'est pas de la publicité) :\n\n{}",
            quotes.join("\n\n")
        )
    })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    /// Extra commercial phrases, reported as spam.
    #[serde(default)]
    phrases: Vec<String>,
}

struct Advertising {
    phrases: Vec<String>,
    /// The organisation's names and aliases, folded.
    own: Vec<String>,
}

fn build(settings: &RuleSettings, policy: &Policy) -> Result<Box<dyn Check>, ParamError> {
    let params: Params = params(settings)?;
    let mut own = policy.org.folded_names();
    own.extend(policy.org.aliases.iter().map(|n| fold(n)));
    Ok(Box::new(Advertising {
        phrases: super::folded_phrases("phrases", &params.phrases)?,
        own,
    }))
}

// The patterns are compiled on first need, and only for a paragraph that holds one of
// the literals beside each (every match holds one; a test proves it): most posts compile
// none. `folded` ones (ASCII classes) only where that compiles markedly faster.

static PROMO_CODE: LazyRegex = LazyRegex::new(
    r"\bcodes? (?:promo(?:tionnels?)?|de (?:rabais|reduction|reduc|remise)|rabais|de parrainage)\b",
    &["code"],
);
/// A code written like a coupon, in the original text: "code NOEL20", "code : ETE15".
static COUPON: LazyRegex = LazyRegex::new(
    r"\b(?:[Cc]ode|[Aa]vec|[Uu]tilisez|[Ee]ntrez)\s*:?\s*«?\s*[A-Z]{2,}[0-9]{1,4}\b",
    &["ode", "vec", "tilisez", "ntrez"],
);
static AFFILIATE_TEXT: LazyRegex = LazyRegex::new(
    r"\b(?:liens? (?:d'affiliation|affilies?|de parrainage|de reference)|avec mon lien|via mon lien|en utilisant mon lien)\b",
    &["lien"],
);
static AFFILIATE_URL: LazyRegex = LazyRegex::new(
    r"(?i)(?:[?&](?:tag|aff|affid|aff_id|affiliate|affiliate_id|referral|refcode|ref_code|partner_id)=|[?&]ref=[a-z]+[0-9]+\b|^(?:https?://)?(?:www\.)?(?:amzn\.to|amzn\.eu|rstyle\.me|shareasale\.com|awin1\.com|tidd\.ly|clickbank\.net)/)",
    &[],
);
static SPAM: LazyRegex = LazyRegex::folded(
    r"\b(?:gagne[rz]? (?:de l'argent|des milliers|\d+ ?\$ par (?:jour|semaine|mois))|(?:generent|generez|generer|empochent|empochez|gagnent) (?:deja |facilement |jusqu'a )?\d[\d ]* ?\$ par (?:jour|semaine|mois)|placements? automatises?|argent facile|revenus? passifs?|(?:travail|travaille[rz]?) (?:de|a) (?:la )?maison|(?:travail|travaille[rz]?) de chez (?:vous|soi|toi)|devene?z? (?:votre|ton) propre patron|opportunite d'affaires?|investi(?:ssez|r|ssons) (?:dans|en) (?:le |la |les )?(?:bitcoins?|cryptos?|cryptomonnaies?)|investissement garanti|rendements? garantis?|(?:envoie|envoyez)-moi un (?:message|mp|dm)|liens? (?:dans|en) (?:ma |la )?bio|double[rz] (?:votre|ton|vos|tes) (?:argent|investissements?|mises?|capital|revenus?)|cliquez (?:ici|sur le lien) pour (?:gagner|recevoir|reclamer)|perde?z? \d+ (?:kg|livres|lb)|vous avez ete selectionnee?s?|abonnez-vous a (?:ma|notre) page|deveni[rz] riche|devenez riche|liberte financiere|independance financiere)\b",
    &[
        "argent",
        "milliers",
        "placement",
        "$ par",
        "passif",
        "travail a ",
        "travail de ",
        "travaille a ",
        "travaille de ",
        "travailler a ",
        "travailler de ",
        "travaillez a ",
        "travaillez de ",
        "patron",
        "opportunite",
        "bitcoin",
        "crypto",
        "garanti",
        "-moi un ",
        "bio",
        "double",
        "cliquez",
        "perd",
        "selectionne",
        "abonnez-vous",
        "riche",
        "financiere",
    ],
);
static OFFER: LazyRegex = LazyRegex::folded(
    r"(?:\b\d+ ?% (?:de )?(?:rabais|reduction|remise|escompte|off)\b|\b(?:rabais|reduction|remise|escompte) (?:de|jusqu'a) \d+ ?%|\b\d pour \d\b|\b(?:promo|promotion|special|speciaux) (?:de la semaine|du jour|du mois)\b|\bsoldes?\b|\bliquidation\b|\bvente (?:eclair|flash|trottoir|de fermeture)\b|\blivraison gratuite\b|\bprix (?:imbattables?|special|speciaux|fous|d'usine)\b|\b(?:meilleurs?|plus bas) prix\b|\b(?:seulement|a partir de|special a|au prix de) \d+(?:[,.]\d+)? ?\$|\$ seulement\b|\bpromos?\b|\bpromotions? speciales?\b|\b(?:cette fin de semaine|ce week-end|aujourd'hui|ce soir) seulement\b|\b\d+ ?% (?:sur|a l'achat) (?:votre|ta|tout|toute|tous|toutes|les|la|le|sa|son|ses|leur|leurs)\b|\bpremiere commande\b|\bechantillons? gratuits?\b|\bessai gratuit\b|\ba \d+[,.]\d\d ?\$|(?:^|\s)-\s?\d+ ?%|\b\w+ achetee?s?,? (?:une?|le|la|les) (?:\w+ )?(?:offerte?s?|gratuite?s?)\b|\b(?:premier|premiere) (?:\w+ )?gratuite?\b|\baubaines?\b|\bpromotion (?:en cours|d'ouverture|speciale)\b|\b(?:soumissions?|estimations?|installation|pose) (?:est )?gratuite?s?\b|\$ (?:par personne|chacune?|l'unite|la douzaine|le kilo|la paire|pour la saison|par saison)\b|\b(?:a|en) moitie prix\b|\bpour le prix d'une?\b|\b(?:bon|coupon|credit) (?:d'achat )?de \d+ ?\$|\b\d+ ?\$ (?:tous les|chaque) (?:lundis?|mardis?|mercredis?|jeudis?|vendredis?|samedis?|dimanches?|soirs?|midis?|matins?)\b|\b(?:offre|offrent|donne|donnent) \d+ ?% (?:sur|de rabais|a l'achat)\b)|\bgratuite?s? pour les (?:\d+ )?premiers\b",
    &[
        "%",
        "premiers",
        r"\d pour \d",
        r"seulement \d",
        r"a partir de \d",
        r"special a \d",
        r"au prix de \d",
        "$ seulement",
        r",\d\d $",
        r",\d\d$",
        r".\d\d $",
        r".\d\d$",
        "promo",
        "specia",
        "solde",
        "liquidation",
        "vente eclair",
        "vente flash",
        "vente trottoir",
        "vente de fermeture",
        "livraison gratuite",
        "essai gratuit",
        "premier ",
        "premiere ",
        "prix imbattable",
        "prix fous",
        "prix d'usine",
        "meilleur prix",
        "meilleurs prix",
        "plus bas prix",
        "semaine seulement",
        "week-end seulement",
        "hui seulement",
        "soir seulement",
        "echantillon",
        "aubaine",
        "achete",
        "soumission",
        "estimation",
        "installation",
        "pose ",
        "$ par personne",
        "$ chacun",
        "$ l'unite",
        "$ la douzaine",
        "$ le kilo",
        "$ la paire",
        "$ pour la saison",
        "$ par saison",
        "moitie prix",
        "prix d'un",
        r"bon de \d",
        r"bon d'achat de \d",
        r"coupon de \d",
        r"coupon d'achat de \d",
        r"credit de \d",
        r"credit d'achat de \d",
        "$ tous les",
        "$ chaque",
    ],
);
static CALL: LazyRegex = LazyRegex::new(
    r"\b(?:achete[rz]|commande[rz]|magasine[rz]|procure[rz]-vous|profite[rz]|faites vite|visite[rz] (?:notre|ma|nos) (?:boutique|magasin|site|page|commerce|succursales?)|en magasin|en boutique|passe[rz] (?:nous voir|en boutique|au magasin)|ne manquez pas (?:nos|cette|notre) (?:offre|aubaines?|promotions?|specia(?:l|ux)|vente)|venez (?:decouvrir|essayer|voir|gouter) (?:nos|notre|ma|mes)|appelez-nous|(?:contacte[rz]|ecrive[zr]|texte[zr])-(?:la|le|les|nous)\b|liens? en commentaires?|liens? dans les commentaires|a la caisse|suive?z (?:ma|notre) page|reserve[rz] (?:votre|ta) (?:table|place|rendez-vous)|reserve[rz] (?:des maintenant|maintenant|en ligne)|quantites limitees|offre (?:d'une duree limitee|valide jusqu'au|se termine)|courez-y|(?:je|on) (?:vous )?livre (?:partout|a domicile|gratuitement|chez vous)|bureau des ventes (?:est )?ouvert)\b",
    &[
        "bureau des ventes",
        "achete",
        "commande",
        "magasin",
        "procure",
        "profite",
        "faites vite",
        "visitez ",
        "visiter ",
        "boutique",
        "nous voir",
        "ne manquez pas",
        "venez decouvrir",
        "venez essayer",
        "venez voir",
        "venez gouter",
        "appelez-nous",
        "contactez-",
        "contacter-",
        "ecrivez-",
        "ecriver-",
        "textez-",
        "texter-",
        "commentaire",
        "caisse",
        "ma page",
        "notre page",
        "reserver ",
        "reservez ",
        "quantites limitees",
        "duree limitee",
        "valide jusqu'au",
        "se termine",
        "courez-y",
        " livre ",
    ],
);
static BUSINESS: LazyRegex = LazyRegex::new(
    r"\b(?:(?:notre|ma|mon|nos|mes) (?:boutique|magasin|commerce|entreprise|restaurant|resto|salon|clinique|produits?|promotions?|specia(?:l|ux)|aubaines?|nouveautes|inventaire|gamme|marchandise|forfaits?|arrivages?)|\b(?:inc|ltee|enr)\b\.?|\b(?:je vends|vends mes|vend ses|vendons nos|vend des produits|vends des produits)\b|\bje suis (?:representante?|conseill(?:er|ere) (?:beaute|independante?)|distribut(?:eur|rice)|agente? immobiliere?|courtier|courtiere)\b|\b(?:\d+ )?premiers (?:clients|acheteurs)\b|\bbureau des ventes\b)",
    &[
        "premiers",
        "bureau des ventes",
        "boutique",
        "magasin",
        "commerce",
        "entreprise",
        "resto",
        "restaurant",
        "salon",
        "clinique",
        "produit",
        "promotion",
        "special",
        "speciaux",
        "aubaine",
        "nouveautes",
        "inventaire",
        "gamme",
        "marchandise",
        "forfait",
        "arrivage",
        "inc",
        "ltee",
        "enr",
        "vend",
        "je suis ",
    ],
);
/// "chez Meubles Tremblay" in the original text.
static CHEZ_NAME: LazyRegex = LazyRegex::new(
    r"\b[Cc]hez\s+(?:\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+)*",
    &["hez"],
);
/// A warning against fraud quotes spam to teach readers to recognise it.
static WARNING: LazyRegex = LazyRegex::new(
    r"\b(?:arnaques?|fraudes?|fraudeurs?|escroquer(?:ie|ies)|hameconnage|mefiez-vous|soyez vigilants?|ne (?:cliquez|repondez) (?:jamais|pas)|reconnaitre)\b",
    &[
        "arnaque",
        "fraude",
        "escroquer",
        "hameconnage",
        "mefiez-vous",
        "vigilant",
        "ne cliquez",
        "ne repondez",
        "reconnaitre",
    ],
);
/// A business named after "au", "chez", "à la": "au Garage Beaulieu", "à la Boucherie Richard".
static SHOP_NAME: LazyRegex = LazyRegex::new(
    r"\b(?:[Cc]hez|[Aa]u|[Àà] la|[Dd]u|[Dd]e la)\s+(?:Garage|Boutique|Restaurant|Resto|Café|Boucherie|Pharmacie|Quincaillerie|Salon|Clinique|Meubles|Pneus|Épicerie|Bar|Brasserie|Bijouterie|Fleuriste|Librairie|Pizzeria|Pizza|Studio|Spa|Motel|Auberge|Dépanneur|Concessionnaire|Bistro|Bistrot|Pub|Microbrasserie|Traiteur|Cantine|Casse-croûte|Magasin|Marché)\s+(?:(?:du|de la|des|d')\s*)?\p{Lu}",
    &[
        "Garage",
        "Boutique",
        "Resto",
        "Café",
        "Boucherie",
        "Pharmacie",
        "Quincaillerie",
        "Salon",
        "Clinique",
        "Meubles",
        "Pneus",
        "Épicerie",
        "Bar",
        "Bijouterie",
        "Fleuriste",
        "Librairie",
        "Restaurant",
        "Brasserie",
        "Pizz",
        "Studio",
        "Spa",
        "Motel",
        "Auberge",
        "Dépanneur",
        "Concessionnaire",
        "Bistro",
        "Pub",
        "Microbrasserie",
        "Traiteur",
        "Cantine",
        "Casse-croûte",
        "Magasin",
        "Marché",
    ],
);
/// A code made of capitals only, in the original text: "code promo DRUMMO", "le code
/// LASARRE". Tried only on a paragraph with four capitals in a row.
static CODE_WORD: LazyRegex = LazyRegex::new(
    r"\b[Cc]odes?\s+(?:promo(?:tionnel)?\s+)?:?\s*«?\s*[A-Z]{4,}\b",
    &["ode"],
);

/// Verbs that ask a reader to get in touch with the author: "écrivez-moi (en privé)".
/// Solicitation only beside a price, an offer or a business: "Quelqu'un connaît un bon
/// mécanicien? Écrivez-moi en privé" asks for help, it sells nothing.
const CONTACT_ME: &[&str] = &[
    "ecris",
    "ecrivez",
    "texte",
    "textez",
    "messagez",
    "contacte",
    "contactez",
    "appelez",
    "demandez",
    "ecrire",
    "contacter",
];

/// "Écrivez-moi (en privé)" in folded text: its range, and whether it asks for a private
/// message.
fn contact_me(text: &str) -> Option<(Range<usize>, bool)> {
    text.match_indices("-moi").find_map(|(i, _)| {
        let verb_start = text[..i]
            .char_indices()
            .rfind(|(_, c)| !c.is_alphanumeric())
            .map_or(0, |(k, c)| k + c.len_utf8());
        if !CONTACT_ME.contains(&&text[verb_start..i]) {
            return None;
        }
        let mut end = i + "-moi".len();
        let mut private = false;
        for tail in [" en prive", " en mp", " en message prive"] {
            if text[end..].starts_with(tail) {
                end += tail.len();
                private = true;
            }
        }
        Some((verb_start..end, private))
    })
}

/// A rate or price for a service: "30 $ l'heure", "10 $ de l'heure", "25 $/h".
fn has_rate(text: &str) -> bool {
    [
        "$ l'heure",
        "$ de l'heure",
        "$/h",
        "$ / h",
        "$ la session",
        "$ par cours",
        "$ du cours",
    ]
    .iter()
    .any(|r| text.contains(r))
}

/// The organisation's own services, or a local-buying campaign.
static OWN: LazyRegex = LazyRegex::new(
    r"\b(?:municipal(?:e|es|aux)?|hotel de ville|bibliotheque|arena|piscine|camp de jour|inscriptions?|taxes?|permis|vignettes?|abonnements?|achat local|achetez local(?:ement)?|commerces? (?:locaux|d'ici)|commercants? (?:locaux|d'ici)|service des loisirs|centre culturel|salle de spectacle|ecocentre)\b",
    &[
        "municipa",
        "hotel de ville",
        "bibliotheque",
        "arena",
        "piscine",
        "camp de jour",
        "inscription",
        "taxe",
        "permis",
        "vignette",
        "abonnement",
        "achat local",
        "achetez local",
        "locaux",
        "d'ici",
        "service des loisirs",
        "centre culturel",
        "salle de spectacle",
        "ecocentre",
    ],
);

/// The hosts of [`AFFILIATE_URL`], lowercase.
const AFFILIATE_HOSTS: &[&str] = &[
    "amzn.to",
    "amzn.eu",
    "rstyle.me",
    "shareasale.com",
    "awin1.com",
    "tidd.ly",
    "clickbank.net",
];

/// An affiliate link. A match of [`AFFILIATE_URL`] has a "=" or one of its hosts (its
/// `(?i)` folds "ſ" to "s", lowercase does not): other links do not compile it.
fn affiliate_url(url: &str) -> bool {
    let may = url.contains('=') || {
        let lower = url.to_lowercase().replace('ſ', "s");
        AFFILIATE_HOSTS.iter().any(|h| lower.contains(h))
    };
    may && AFFILIATE_URL.is_match(url)
}

/// The patterns run on a folded paragraph: one pass over it tells which may match.
static ON_FOLDED: GateSet = GateSet::new(&[
    &PROMO_CODE,
    &AFFILIATE_TEXT,
    &SPAM,
    &WARNING,
    &OFFER,
    &CALL,
    &BUSINESS,
    &OWN,
]);

struct Found {
    span: Range<usize>,
    kind: &'static str,
}

impl Advertising {
    fn paragraph(&self, cx: &Context<'_>, paragraph: Range<usize>, out: &mut Vec<Found>) {
        let draft = cx.draft;
        let folded = cx.folded().part(paragraph.clone());
        let text = folded.text;
        let at = |m: regex::Match<'_>| folded.original(m.range());
        let open = ON_FOLDED.open(text);
        let original = &draft.prose[paragraph.clone()];
        // A business or the organisation's own services matter only with a code, an
        // offer or a call to buy: most paragraphs have none, and compile none of them.
        let business = || {
            open.is_match(&BUSINESS, text)
                || CHEZ_NAME.is_match(original)
                || SHOP_NAME.is_match(original)
        };
        let own =
            || open.is_match(&OWN, text) || self.own.iter().any(|n| text.contains(n.as_str()));
        // A code for the organisation's own registration ("le code FAMILLE26 pour 10 % à
        // l'inscription d'un deuxième enfant") advertises no one; "mon code" is the
        // author's own, an influencer's.
        let own_code = std::cell::OnceCell::new();
        let own_code = || {
            *own_code.get_or_init(|| {
                open.is_match(&OWN, text)
                    && !text.contains("mon code")
                    && !business()
                    && !business::names_one(original, &self.own)
            })
        };
        for m in open.find_iter(&PROMO_CODE, text) {
            if own_code() {
                break;
            }
            out.push(Found {
                span: at(m),
                kind: "promo-code",
            });
        }
        // A coupon has two capitals and a digit ("NOEL20"): most paragraphs do not.
        let coupon_like = original.as_bytes().windows(3).any(|w| {
            w[0].is_ascii_uppercase() && w[1].is_ascii_uppercase() && w[2].is_ascii_digit()
        });
        // A code in capitals only ("code LASARRE"): four capitals in a row first.
        let caps = original
            .as_bytes()
            .windows(4)
            .any(|w| w.iter().all(u8::is_ascii_uppercase));
        let coupons = coupon_like.then(|| COUPON.find_iter(original));
        let code_words = caps.then(|| CODE_WORD.find_iter(original));
        for m in coupons
            .into_iter()
            .flatten()
            .chain(code_words.into_iter().flatten())
        {
            let span = paragraph.start + m.start()..paragraph.start + m.end();
            if !own_code()
                && !out
                    .iter()
                    .any(|f| f.span.start <= span.end && span.start <= f.span.end)
            {
                out.push(Found {
                    span,
                    kind: "promo-code",
                });
            }
        }
        for m in open.find_iter(&AFFILIATE_TEXT, text) {
            out.push(Found {
                span: at(m),
                kind: "affiliate-link",
            });
        }
        if let Some(m) = open
            .find(&SPAM, text)
            .filter(|_| !open.is_match(&WARNING, text))
        {
            out.push(Found {
                span: at(m),
                kind: "spam",
            });
        } else if let Some((start, phrase)) = self.phrases.iter().find_map(|p| {
            text.match_indices(p.as_str())
                .find(|(i, _)| crate::text::is_whole_word(text, &(*i..i + p.len())))
        }) {
            out.push(Found {
                span: folded.original(start..start + phrase.len()),
                kind: "spam",
            });
        }
        // Someone selling their own things on the organisation's page ("Aussi, je vends
        // mes patins, 120 $ négociable"): a private person's solicitation there.
        if !cx.meta.is_personal()
            && let Some(at) = own_sale(text)
        {
            out.push(Found {
                span: folded.original(sentence_from(text, at)),
                kind: "spam",
            });
            return;
        }
        let offer = open.find(&OFFER, text);
        // "à la caisse" is the checkout, not "la Caisse Desjardins" thanked as a sponsor.
        let call = open.find_iter(&CALL, text).find(|m| {
            !(m.as_str() == "a la caisse"
                && [" desjardins", " populaire", " d'economie"]
                    .iter()
                    .any(|b| text[m.end()..].starts_with(b)))
        });
        // "Écrivez-moi (en privé)" sells only beside an offer, a rate or a business of the
        // author's ("je vends des produits", not "je vends mon vélo"); a bare "écrivez-moi"
        // after an offer the promotion below reports is not a second breach.
        let contact = contact_me(text).filter(|(_, private)| {
            !out.iter().any(|f| f.kind == "spam")
                && (*private || offer.is_none())
                && (offer.is_some()
                    || has_rate(text)
                    || open.is_match(&BUSINESS, text) && !sells_own_things(text))
        });
        if let Some((r, _)) = contact {
            out.push(Found {
                span: folded.original(r),
                kind: "spam",
            });
        }
        // "Appelez-moi" is a call to buy beside an offer ("première évaluation gratuite").
        let called = call.is_some() || contact_me(text).is_some();
        // A contract the council awarded ("Contrat de 3,8 M$ accordé à Construction
        // Drumco inc.") is a public decision, not the firm's promotion.
        let awarded = || {
            text.contains("contrat")
                && ["accorde a", "octroye a", "adjuge a", "attribue a"]
                    .iter()
                    .any(|w| text.contains(w))
        };
        let promotion = match (offer, called) {
            (None, false) => None,
            _ if awarded() => None,
            (offer, _) if business() => offer.or(call),
            (Some(o), true) if !own() => Some(o),
            _ => None,
        };
        if let Some(m) = promotion {
            out.push(Found {
                span: at(m),
                kind: "promotion",
            });
        } else if let Some(span) =
            business::promotion(original, paragraph.start, &folded, &self.own)
                .filter(|_| !awarded())
        {
            // A named business ("Drummond Auto vous offre 0 % de financement").
            out.push(Found {
                span,
                kind: "promotion",
            });
        } else if let Some(r) = PAID.find(text) {
            // A paid partnership said as such ("Partenariat payé avec Resto-Bar Le Quai")
            // is an advertisement by its own admission, whatever else it says.
            out.push(Found {
                span: folded.original(r),
                kind: "promotion",
            });
        }
    }
}

/// A paid partnership disclosed (folded).
static PAID: LazyLock<crate::text::PhraseSet> = LazyLock::new(|| {
    crate::text::PhraseSet::new([
        "partenariat paye",
        "partenariat remunere",
        "collaboration payee",
        "collaboration remuneree",
        "contenu commandite",
        "publication commanditee",
        "publicite payee",
        "contenu sponsorise",
        "publication sponsorisee",
    ])
});

/// Where a folded paragraph sells the author's own things with a price or a way to buy
/// ("je vends mes patins…, 120 $ négociable, écrivez-moi").
fn own_sale(text: &str) -> Option<usize> {
    let at = ["je vends mon ", "je vends ma ", "je vends mes "]
        .iter()
        .filter_map(|p| text.find(p))
        .min()?;
    let rest = &text[at..];
    let priced = rest.contains('$') || rest.contains("negociable") || rest.contains("a donner");
    (priced || contact_me(rest).is_some()).then_some(at)
}

/// From byte `at` of folded `text` to the end of its sentence.
fn sentence_from(text: &str, at: usize) -> Range<usize> {
    let end = text[at..]
        .find(['.', '!', '?', '\n'])
        .map_or(text.len(), |i| at + i);
    at..end
}

/// "Je vends mon vélo": a person selling their own things, not a business.
fn sells_own_things(text: &str) -> bool {
    [
        "je vends mon ",
        "je vends ma ",
        "je vends mes ",
        "vends mon ",
        "vends ma ",
    ]
    .iter()
    .any(|p| text.contains(p))
}

impl Check for Advertising {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let mut found = Vec::new();
        for paragraph in cx.paragraphs() {
            self.paragraph(cx, paragraph.clone(), &mut found);
        }
        for link in &cx.draft.links {
            if affiliate_url(&link.url) && !found.iter().any(|f| f.kind == "affiliate-link") {
                found.push(Found {
                    span: link.span.clone(),
                    kind: "affiliate-link",
                });
            }
        }
        if found.is_empty()
            && let Some(span) = crate::checks::model_sentence(cx, "advertising")
        {
            found.push(Found {
                span,
                kind: "promotion",
            });
        }
        // A promotion is said by its sentence ("Grande vente trottoir chez Sports Experts :
        // aubaines incroyables, faites vite !"), not by the two words that gave it away:
        // the reader removes the offer. A code stays underlined alone.
        for f in found.iter_mut().filter(|f| f.kind == "promotion") {
            let folded = cx.folded();
            let sentence = cx
                .sentences()
                .iter()
                .map(|s| folded.original(s.clone()))
                .find(|s| s.start <= f.span.start && f.span.start < s.end);
            if let Some(s) = sentence {
                let end = s.start + cx.draft.source[s.clone()].trim_end().len();
                f.span = s.start.min(f.span.start)..end.max(f.span.end);
            }
        }
        // One promotion finding per post is enough to act on, and none when a code,
        // a link or spam already shows the post is commercial.
        let other = found.iter().any(|f| f.kind != "promotion");
        let mut promoted = false;
        for f in found {
            if f.kind == "promotion" {
                if promoted || other {
                    continue;
                }
                promoted = true;
            }
            let (message, help) = match f.kind {
                "promo-code" => (
                    "Code promotionnel : c'est de la publicité commerciale.",
                    "Retirez le code et l'offre : les médias sociaux de l'organisation ne font pas de publicité \
                     pour des entreprises.",
                ),
                "affiliate-link" => (
                    "Lien d'affiliation ou de parrainage : il rapporte à quelqu'un, c'est de la sollicitation.",
                    "Retirez ce lien, ou remplacez-le par le lien direct vers l'information utile.",
                ),
                "spam" => (
                    "Sollicitation de type pourriel.",
                    "Retirez ce message : il sollicite les lecteurs pour un intérêt privé.",
                ),
                _ => (
                    "Promotion commerciale d'une entreprise ou d'un particulier.",
                    "Retirez l'offre et l'appel à acheter. Seules les activités de l'organisation et celles de ses \
                     partenaires qu'elle choisit de promouvoir ont leur place ici.",
                ),
            };
            out.push(Diagnostic::new(f.span, message, help).kind(f.kind));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;

    #[test]
    fn a_contact_request_after_a_wide_character_is_read_without_a_panic() {
        assert_eq!(
            super::contact_me("«ecrivez-moi en prive"),
            Some((2..22, true))
        );
        assert_eq!(super::contact_me("👍-moi"), None);
    }

    #[test]
    fn gates_hold_every_match() {
        use crate::text::phrases::gate::assert_gate;
        assert_gate("PROMO_CODE", &super::PROMO_CODE);
        assert_gate("COUPON", &super::COUPON);
        assert_gate("AFFILIATE_TEXT", &super::AFFILIATE_TEXT);
        assert_gate("SPAM", &super::SPAM);
        assert_gate("OFFER", &super::OFFER);
        assert_gate("CALL", &super::CALL);
        assert_gate("BUSINESS", &super::BUSINESS);
        assert_gate("CHEZ_NAME", &super::CHEZ_NAME);
        assert_gate("WARNING", &super::WARNING);
        assert_gate("SHOP_NAME", &super::SHOP_NAME);
        assert_gate("OWN", &super::OWN);
        assert_gate("CODE_WORD", &super::CODE_WORD);
        // The hosts are those of the pattern, and the test before it is sound.
        for h in super::AFFILIATE_HOSTS {
            assert!(
                super::AFFILIATE_URL
                    .pattern()
                    .contains(&h.replace('.', r"\."))
            );
        }
        for url in [
            "https://AMZN.TO/x",
            "https://ex.com/?tag=abc",
            "https://ex.com/p?ref=ab12",
        ] {
            assert!(super::affiliate_url(url), "{url}");
        }
        assert!(!super::affiliate_url(
            "https://ville.lasarre.qc.ca/evenements"
        ));
    }

    fn kinds(text: &str) -> Vec<&'static str> {
        run("advertising", "la-sarre", text)
            .into_iter()
            .map(|d| d.kind.unwrap())
            .collect()
    }

    #[test]
    fn commercial_posts_are_found() {
        assert_eq!(
            kinds("20 % de rabais sur tout chez Meubles Tremblay !"),
            ["promotion"]
        );
        assert_eq!(
            kinds("Utilisez le code NOEL20 à la caisse."),
            ["promo-code"]
        );
        assert_eq!(kinds("Mon code promo vous donne 10 $."), ["promo-code"]);
        assert_eq!(
            kinds("Je l'ai trouvé ici : https://amzn.to/3xYz"),
            ["affiliate-link"]
        );
        assert_eq!(
            kinds("Gagnez de l'argent de la maison, écrivez-moi en privé."),
            ["spam"]
        );
        assert_eq!(
            kinds("Visitez notre boutique en ligne pour nos nouveautés."),
            ["promotion"]
        );
        // Prices by the unit and calls without a shop's name.
        assert_eq!(
            kinds("Les croissants sont 2 pour 1 toute la fin de semaine, courez-y!"),
            ["promotion"]
        );
        assert_eq!(
            kinds("Mes tourtières : 10 $ chacune ou 3 pour 25 $, je livre partout à Drummond."),
            ["promotion"]
        );
        // The organisation's own prices, a benefit supper: no call to buy.
        assert!(
            kinds("Camp de jour municipal : 95 $ par semaine, inscriptions en ligne.").is_empty()
        );
        assert!(kinds("Souper spaghetti de la Fabrique : 15 $ par personne.").is_empty());
        // Deals of a named business, however they are put; thanks do not excuse a deal.
        for text in [
            "Le Spa Nordique du Lac propose deux entrées aux bains pour le prix d'une jusqu'au 24 décembre.",
            "Cette semaine, l'Épicerie Bédard vous remet un bon de 5 $ sur votre prochaine commande!",
            "Au Pub Saint-Georges, la pinte est à 5 $ tous les jeudis.",
            "Après la séance, le Charlemagne offre 10 % sur sa carte des vins.",
            "Merci à la Boulangerie Saint-Frédéric pour le café ☕ leurs croissants sont à 2 pour 5 $ tout le mois, allez-y!",
        ] {
            assert_eq!(kinds(text), ["promotion"], "{text}");
        }
    }

    #[test]
    fn paid_partnerships_first_buyers_and_private_sales_on_the_page() {
        let official = |body: &str| {
            run(
                "advertising",
                "drummondville",
                &format!("+++\naccount = \"official\"\n+++\n{body}"),
            )
            .into_iter()
            .map(|d| d.kind.unwrap())
            .collect::<Vec<_>>()
        };
        assert_eq!(
            official("Partenariat payé avec Resto-Bar Le Quai 🍔 Leur terrasse est ouverte."),
            ["promotion"]
        );
        assert_eq!(
            official(
                "Le nouveau café du boulevard ouvre demain : café gratuit pour les 100 premiers clients!"
            ),
            ["promotion"]
        );
        assert_eq!(
            official(
                "Horaire du patinage libre ci-dessous. Aussi, je vends mes patins, 120 $ négociable, écrivez-moi!"
            ),
            ["spam"]
        );
        // A sponsor thanked, the organisation's own free activity, a sale on one's own
        // account.
        assert!(official("Merci à Desjardins, partenaire de la Fête de l'hiver!").is_empty());
        assert!(
            official("Baignade gratuite pour les 50 premiers enfants inscrits au camp de jour.")
                .is_empty()
        );
        assert!(
            run(
                "advertising",
                "drummondville",
                "+++\naccount = \"personal\"\n+++\nJe vends mes patins, 120 $ négociable.",
            )
            .is_empty()
        );
    }

    #[test]
    fn a_promotion_is_underlined_by_its_sentence() {
        assert_eq!(
            crate::checks::testing::excerpts(
                "advertising",
                "drummondville",
                "Bonne semaine! Grande vente trottoir chez Sports Experts : aubaines incroyables, faites vite !"
            ),
            ["Grande vente trottoir chez Sports Experts : aubaines incroyables, faites vite !"]
        );
    }

    #[test]
    fn named_businesses_and_letter_codes() {
        assert_eq!(
            kinds("Drummond Auto vous offre 0 % de financement jusqu'au 30 novembre."),
            ["promotion"]
        );
        assert_eq!(
            kinds("Profitez du rabais avec le code LASARRE à la caisse."),
            ["promo-code"]
        );
        assert_eq!(
            kinds("Je fais du gardiennage, 10 $ de l'heure, textez-moi en privé."),
            ["spam"]
        );
        // A business that takes the town's name after its own; a name that goes on
        // over "du"; a page to like for a contest.
        for text in [
            "Gym Action La Sarre offre le premier mois gratuit aux citoyens.",
            "Présentez votre carte à la Rôtisserie du Boulevard et obtenez 15 % sur votre facture.",
            "Aimez la page de Toyota La Sarre pour courir la chance de gagner des pneus d'été!",
        ] {
            assert_eq!(kinds(text), ["promotion"], "{text}");
        }
        assert_eq!(
            kinds(
                "Des centaines de citoyens génèrent déjà 800 $ par semaine grâce à notre partenaire."
            ),
            ["spam"]
        );
        // The organisation's own event, named after the town.
        assert!(kinds("La Sarre en fête : spectacle gratuit au parc samedi!").is_empty());
    }

    #[test]
    fn asking_for_a_private_message_is_not_advertising() {
        for text in [
            "Quelqu'un connaît un bon mécanicien à La Sarre? Écrivez-moi en privé svp.",
            "Je vends mon vélo de montagne, très bon état, 350 $. Écrivez-moi à l'adresse habituelle.",
            "Je donne des cours de guitare le samedi matin. Écrivez-moi en privé pour les détails.",
            "Merci à nos partenaires Desjardins, IGA Côté et Uniprix Lamothe pour leur soutien !",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn the_organisations_own_offers_are_not_advertising() {
        for text in [
            "Inscription au camp de jour : 120 $ par enfant, rabais de 50 % pour le 2e enfant.",
            "Profitez de 20 % de rabais sur la passe de saison de la piscine municipale.",
            "Procurez-vous vos billets à la bibliothèque, seulement 10 $.",
            "Le code postal et le code QR sont sur le formulaire.",
            "Campagne d'achat local : achetez chez nos commerçants d'ici cet automne !",
            "Offre d'emploi : préposé à l'aréna, 22 $ de l'heure.",
            // A code for the organisation's own registration.
            "Camps de jour : utilisez le code FAMILLE26 pour 10 % de rabais à l'inscription d'un deuxième enfant.",
            // Sponsors thanked, the Caisse among them, and a public programme.
            "Merci à nos partenaires ❄️ Grâce à la Caisse Desjardins, au Marché Richelieu La Sarre et à Hydro-Québec, 2 000 personnes ont profité des glissades!",
            "Le programme Rénovation Québec de la Ville et de la SHQ offre jusqu'à 25 000 $ pour rénover les maisons du centre-ville.",
            // Sponsors credited without "merci"; a contract the council awarded.
            "Desjardins et la Brasserie du Centre ont permis d'offrir gratuitement les glissades.",
            "Séance du 3 mars : contrat de 3,8 M$ accordé à Construction Drumco inc.",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
        // An influencer's own code, or a shop's, beside the pool stays a promo code.
        assert_eq!(
            kinds(
                "À la piscine municipale cet été! Mes lunettes viennent d'Aqua-Zone, prenez mon code SARAH10 pour 10 % off."
            ),
            ["promo-code"]
        );
        assert_eq!(
            kinds("Payez à la caisse : 20 % de rabais chez Meubles Tremblay."),
            ["promotion"]
        );
    }
}
