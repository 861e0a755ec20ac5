//! The words of partisanship, on folded text (lowercase, no accents, straight
//! apostrophes). Each pattern is written against its neutral look-alikes: "votez le 2
//! novembre" (neutral) and "votez pour Marie Côté" (partisan); "votez pour votre projet
//! coup de cœur" (a participatory budget); "la liste des candidats" (official
//! information); "notre campagne de sécurité routière" (not an election).

/// Verbs that give a vote or support: what follows decides whether it is partisan
/// ("votez pour notre candidate") or not ("votez le 2 novembre", "votez pour votre
/// projet coup de cœur").
pub const VOTE_VERB: &str = r"(?x)
    \b(?:votez|votons|allez\s+voter|donnez\s+votre\s+(?:vote|voix)|accordez\s+votre\s+(?:vote|confiance)
      |elisez|reelisez|elisons|reelisons|votre\s+vote)
    \s+(?:pour\s+|a\s+|au\s+)?
";

/// Verbs of support: partisan only before a specific actor or a configured name
/// ("appuyez notre candidate"), never before any capitalised name ("soutenez Opération
/// Nez rouge").
pub const SUPPORT_VERB: &str = r"(?x)
    \b(?:appuyez|soutenez|appuyons|soutenons|donnez\s+votre\s+appui)\s+(?:a\s+|au\s+)?
";

/// Where a capitalised name after a vote verb is a contest, not an election.
pub const CONTEST: &str = r"\b(?:concours|prix|gala|trophees?|finalistes?|palmares|classement)\b";

/// A specific political actor right after a vote verb ("notre candidate", "le maire
/// sortant", "moi"); "vos conseillers", "le candidat de votre choix" are not specific.
pub const SPECIFIC_ACTOR: &str = r"(?x)
    ^(?:moi\b
      | (?:notre|nos|cette|ce)\s+(?:maire|mairesse|conseill(?:er|ere)s?|candidat(?:e|es|s)?|parti|equipe|chef)\b
      | (?:le|la|l')\s*(?:maire|mairesse|conseill(?:er|ere)|candidate?)\s+sortante?\b)
";

/// A political actor anywhere in a sentence (for judgements).
pub const ACTOR: &str = r"(?x)
    \b(?:maire|mairesse|conseill(?:er|ere)s?|candidat(?:e|es|s)?|partis?|opposition|administration\s+sortante)\b
  | \b(?:les|nos|vos|des|aux|ses)\s+elue?s\b
";

/// Sentences where "candidat" or "élu" are about something else than an election.
pub const NOT_ELECTORAL: &str =
    r"\b(?:concours|stages?|stagiaires?|bourses?|emplois?|embauche|recrutement|finalistes?|gala)\b";

/// Judgements that are not political (crimes condemned by the organisation).
pub const NOT_POLITICAL: &str =
    r"\b(?:vandalisme|mefaits?|incivilites?|vols?|graffitis|violence)\b";

/// Campaign content, at any time.
pub const CAMPAIGN: &str = r"(?x)
    \b(?:ma|notre|sa|leur)\s+campagne\s+electorale\b
  | \b(?:mon|notre|son|leur)\s+(?:programme|plateforme)\s+electora(?:l|le)\b
  | \b(?:local|comite|bureau)\s+electoral\s+(?:de|du|d')\b
  | \b(?:lancement|lance|lancera)\s+(?:de\s+)?(?:ma|sa|leur)\s+campagne(?:\s+electorale)?\b
  | \bsi\s+je\s+suis\s+(?:re)?elue?\b | \bsi\s+nous\s+sommes\s+(?:re)?elus\b
  | \bje\s+suis\s+candidate?\b | \bje\s+me\s+(?:presente|represente)\s+(?:a\s+la\s+mairie|comme|au\s+poste|dans\s+le\s+district|pour\s+un)\b
  | \bma\s+candidature\b | \bnotre\s+candidate?\s+(?:a|au|dans)\b
  | \bje\s+sollicite\s+(?:un|votre|un\s+nouveau|un\s+second|un\s+deuxieme|un\s+troisieme)\s+mandat\b
";

/// Judgements on a political actor (positive or negative), in the same sentence as one.
pub const JUDGEMENT: &str = r"(?x)
    \b(?:bravo|felicitations|grace\s+a|grace\s+au|excellente?s?|formidables?|extraordinaires?|remarquables?
      |visionnaires?|exceptionnels?|exceptionnelles?|beau\s+travail|bon\s+travail|realisations|devouement
      |a\s+su|a\s+reussi|promesses?\s+tenues?|fiers?\s+de|fieres?\s+de|leadership
      |echecs?|incompetente?s?|gaspillage|desastre|desastreuse?|scandale|scandaleuse?|honte|honteuse?
      |mensonges?|menteuse?|menteur|irresponsables?|promesses?\s+non\s+tenues?|mauvaise\s+gestion|mal\s+geree?)\b
";

/// The organisation giving an opinion.
pub const OPINION: &str = r"(?x)
    \b(?:la\s+ville|la\s+municipalite|le\s+conseil|nous)\s+(?:estimons|estime|croyons|croit|considerons|considere
      |jugeons|juge)\s+qu
  | \b(?:la\s+ville|la\s+municipalite|le\s+conseil|nous)\s+(?:deplorons|deplore|denoncons|denonce|condamnons|condamne
      |nous\s+opposons|s'oppose|appuyons\s+le\s+projet|appuie\s+le\s+projet)\b
  | \ba\s+notre\s+avis\b | \bselon\s+nous\b
  | \bnous\s+sommes\s+(?:d'avis|favorables|opposes|contre|en\s+desaccord)\b
  | \b(?:la\s+ville|la\s+municipalite)\s+est\s+(?:favorable|defavorable|opposee|contre|en\s+desaccord|d'avis)\b
";

/// A member of the council presenting ideas (first person).
pub const IDEAS: &str = r"(?x)
    \bje\s+(?:propose|proposerai|m'engage|m'engagerai|defends|defendrai|m'oppose|me\s+bats|me\s+battrai|continuerai)\b
  | \bje\s+(?:crois|pense)\s+que\b | \bje\s+suis\s+(?:convaincue?|contre|favorable|opposee?)\b
  | \ba\s+mon\s+avis\b | \bselon\s+moi\b
  | \b(?:ma\s+vision|mon\s+projet|mes\s+projets|mon\s+programme|mes\s+priorites|ma\s+priorite|mon\s+bilan
      |mes\s+engagements|mes\s+idees|mes\s+propositions)\b
  | \bj'ai\s+l'intention\s+de\b | \bje\s+vais\s+(?:proposer|defendre|continuer|me\s+battre|deposer)\b
  | \bil\s+est\s+temps\s+de\s+(?:changer|revoir|mettre\s+fin)\b
";
