//! Opinion markers: first-person judgements ("je trouve que", "à mon avis") and
//! evaluative words ("bravo", "honte", "ridicule"), on folded text.

use std::sync::LazyLock;

use regex::Regex;

use super::common::word_regex;

/// First-person judgements and evaluative words, folded. Kept narrow: "je pense que je
/// vais…", "il faut s'inscrire", "personnellement livrer", "un chapeau", "la
/// catastrophe", "le gaspillage alimentaire" are not opinions.
const OPINION_MARKERS: &[&str] = &[
    r"je (?:pense|crois|trouve|estime|considere|juge|trouvais|pensais|doute) qu(?:e|')",
    r"j'(?:estime|considere|imagine mal) qu(?:e|')",
    r"je (?:le|la|les) (?:trouve|trouvais|juge|considere)",
    r"je trouve (?:ca|cela|dommage|triste|regrettable|inacceptable|ridicule|deplorable|bizarre|excellent|excellente|genial|formidable|bien|tres|vraiment|super|plate|decevant|decevante|honteux|normal|anormal|injuste|le|la|les|leur|leurs|son|sa|ses)",
    r"a mon (?:avis|sens)",
    r"selon moi",
    r"d'apres moi",
    r"personnellement, \w+",
    r"je (?:suis|reste|demeure) (?:pour|contre|d'accord|en desaccord|decu|decue|choque|choquee|outre|outree|indigne|indignee|sceptique|favorable|defavorable|convaincu|convaincue|inquiet|inquiete|tanne|tannee|ecoeure|ecoeuree|pas d'accord|loin d'etre)",
    r"je suis (?:fier|fiere|content|contente|heureux|heureuse|ravi|ravie) qu(?:e|')",
    r"je ne suis pas (?:d'accord|convaincu|convaincue|favorable|content|contente|fier|fiere)",
    r"j'(?:aime|adore|deteste|approuve|desapprouve|appuie|apprecie|deplore|denonce|regrette)",
    r"j'ai (?:aime|adore|deteste|apprecie|trouve)",
    r"je (?:deplore|denonce|regrette|questionne|remets en question)",
    r"je salue (?:le|la|l'|les) (?:travail|decision|initiative|effort|efforts|courage|geste|ouverture|leadership|engagement|choix)",
    r"je n'(?:aime|apprecie|approuve|accepte|comprends) pas",
    r"je ne comprends pas (?:pourquoi|comment|qu(?:e|'))",
    r"j'ai honte",
    r"il (?:faudrait|faut absolument|est temps|serait temps) qu(?:e|')",
    r"il etait temps",
    r"(?:aurait|auraient) (?:du|pu|mieux fait)",
    r"bravo",
    r"chapeau (?:a|au|aux|bas)",
    r"felicitations",
    r"je (?:felicite|tiens a feliciter)",
    r"honte",
    r"honteux",
    r"honteuse",
    r"scandale",
    r"scandaleux",
    r"scandaleuse",
    r"ridicules?",
    r"inacceptable",
    r"inadmissible",
    r"deplorable",
    r"lamentable",
    r"decevant",
    r"decevante",
    r"aberrant",
    r"aberrante",
    r"absurde",
    r"insense",
    r"insensee",
    r"incompetent",
    r"incompetents",
    r"incompetente",
    r"incompetence",
    r"(?:quel|un|c'est du|pur) gaspillage",
    r"gaspillage (?:de fonds|d'argent|de temps|de ressources)",
    r"n'importe quoi",
    r"non-sens",
    r"(?:n'a|n'ont|ca n'a) (?:pas|aucun) (?:de |d')?(?:bon )?sens",
    r"aucun (?:bon )?sens",
    r"pas de bon sens",
    r"pas normal",
    r"injuste",
    r"bonne decision",
    r"excellente decision",
    r"sage decision",
    r"mauvaise decision",
    r"bonne idee",
    r"excellente idee",
    r"mauvaise idee",
    r"belle initiative",
    r"excellente initiative",
    r"beau travail",
    r"bon travail",
    r"du beau travail",
    r"mal gere",
    r"mal geree",
    r"mal geres",
    r"trop cher",
    r"catastrophique",
    r"(?:fait|font) fausse route",
    r"(?:a|ont) (?:raison|tort) de",
];

/// Congratulations: an opinion on the organisation only when it is the recipient
/// ("bravo à la Ville"), not when it merely appears ("bravo aux jeunes du camp de jour
/// de la Ville").
pub static CONGRATULATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:bravo|chapeau (?:a|au|aux|bas)|felicitations|je (?:felicite|tiens a feliciter))$",
    )
    .expect("congratulation")
});

/// Who is congratulated: the organisation, its council, its staff.
pub static ORG_RECIPIENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ ,:]*(?:a |au |aux |a l'|a la )?(?:toute |tout |les |la |le |l'|nos |notre |mes )?(?:ville|municipalite|conseil|elus|maire|mairesse|equipes?|employes|personnel|cols bleus|cols blancs|travaux publics|services?|cpe|direction|administration|garderie|organisation)(?-u:\b)",
    )
    .expect("recipient")
});

/// "je pense que je vais…", "je crois que c'est à 19 h": intention or belief on a
/// fact, not a judgement.
pub static NOT_A_JUDGEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:je |j'|nous allons|on va|c'est a |ca commence|ce sera a)")
        .expect("intention")
});

/// What follows a congratulation when it names no recipient ("Bravo!").
pub static NO_RECIPIENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[!.…]|$)").expect("no recipient"));

pub static OPINION: LazyLock<Regex> = LazyLock::new(|| word_regex(OPINION_MARKERS));

/// An evaluative adjective said as an exclamation: "…de la Ville, efficace!",
/// "Génial!". Only before "!": "un moyen efficace de composter" is not a judgement.
pub static EXCLAMATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:efficace|genial|geniale|super|excellent|excellente|formidable|parfait|merveilleux|merveilleuse|magnifique|incroyable|decevant|decevante|nul|nulle|pathetique|lamentable|bizarre|plate|dommage|wow|enfin) *!",
    )
    .expect("exclamation")
});
