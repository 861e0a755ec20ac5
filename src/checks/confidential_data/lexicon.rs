//! Built-in French word lists, folded (lowercase, no accents): what names a public
//! place or a business, what names a person, which numbers are public
//! documents. Profiles add their own with the rule's parameters.

/// Words that name a public place, a public body or a business: an address or a phone
/// number after them belongs to that place, not to a private person.
#[rustfmt::skip]
pub const PUBLIC_PLACES: &[&str] = &[
    "seance", "assemblee", "consultation publique", "spectacle", "soiree", "festival",
    "tournoi", "collecte", "souper", "brunch", "bazar", "conference", "atelier", "exposition",
    "portes ouvertes", "defile", "avis public", "derogation mineure", "derogation",
    "usage conditionnel", "demande de demolition", "billets", "billetterie", "reservation",
    "reservations", "renseignements", "informations", "inscription", "inscriptions",
    "service a la clientele", "accueil", "sans frais", "telecopieur", "taxi",
    "transport adapte", "transport collectif", "remorquage", "traiteur", "imprimerie", "marina",
    "station-service", "centre de ski", "agence", "service", "services", "-nous", "avec nous",
    "salon funeraire", "maison funeraire", "residence funeraire", "arena", "bibliotheque",
    "hotel de ville", "mairie", "parc", "ecole", "eglise", "centre communautaire",
    "centre culturel", "centre sportif", "centre des loisirs", "centre de services",
    "centre d'achats", "centre commercial", "centre", "salle", "caserne", "ecocentre",
    "piscine", "clsc", "hopital", "chsld", "cegep", "polyvalente", "musee", "theatre",
    "gymnase", "stade", "terrain", "marche public", "chalet", "patinoire", "plage", "halte",
    "garage municipal", "usine", "bureau municipal", "bureau de poste", "poste de police",
    "maison de la culture", "maison des jeunes", "cpe", "garderie", "hotel", "motel", "auberge",
    "restaurant", "cafe", "bar", "brasserie", "boulangerie", "depanneur", "epicerie",
    "pharmacie", "quincaillerie", "boutique", "magasin", "commerce", "commerces", "entreprise",
    "garage", "caisse", "banque", "clinique", "cabinet", "bureau", "bureaux", "galeries", "inc",
    "ltee", "enr", "coop", "cooperative", "club", "organisme", "fondation", "association",
    "comptoir", "salon", "studio", "ferme", "cabane a sucre", "camping", "golf", "carrefour",
    "societe", "paroisse", "fabrique", "cimetiere", "sanctuaire", "station", "gare", "terminus",
    "aeroport", "complexe", "pavillon", "residence pour aines", "refuge", "service canada",
    "postes canada", "saaq", "cisss", "ciusss", "info-sante", "info-social", "sq",
    "surete du quebec", "municipalite", "ville", "mrc", "lieu", "endroit", "local", "c.p.",
    "case postale", "siege social", "succursale", "concession", "concessionnaire",
    "tim hortons", "iga", "metro", "provigo", "super c", "maxi", "jean coutu", "familiprix",
    "uniprix", "pharmaprix", "proxim", "canadian tire", "walmart", "desjardins", "rona", "bmr",
    "home hardware", "dollarama", "mcdonald's", "sports experts", "la source", "bureau en gros",
    "cinema", "camp de jour", "hlm", "omh", "office municipal d'habitation", "stationnement",
    "entrepot", "depot", "site", "kiosque", "tente", "sous-sol de l'eglise", "chapelle",
    "monastere",
];

/// Nouns for persons: after a possessive ("mon voisin", "sa fille") or alone ("la
/// locataire"), they tie a number or an address to a private person.
#[rustfmt::skip]
pub const PERSON_NOUNS: &[&str] = &[
    "fils", "fille", "filles", "enfant", "enfants", "garcon", "bebe", "conjoint", "conjointe",
    "mari", "femme", "epoux", "epouse", "pere", "mere", "frere", "soeur", "voisin", "voisine",
    "voisins", "collegue", "collegues", "employe", "employee", "patron", "patronne", "ami",
    "amie", "amis", "chum", "blonde", "grand-mere", "grand-pere", "locataire", "client",
    "cliente", "educatrice", "educateur", "eleve", "directeur", "directrice", "superviseur",
    "superviseure", "gestionnaire", "adjoint", "adjointe", "cousin", "cousine", "oncle",
    "tante", "beau-frere", "belle-soeur", "beau-pere", "belle-mere", "parents", "parent",
    "famille", "petit", "petite", "petits-enfants", "coloc", "colocataire", "proprietaire",
    "plaignant", "plaignante", "citoyen", "citoyenne", "resident", "residente", "benevole",
    "contremaitre", "chef", "agent", "agente", "inspecteur", "inspectrice", "pompier",
    "pompiere", "policier", "policiere", "brigadier", "brigadiere", "concierge", "secretaire",
    "tresorier", "tresoriere", "greffier", "greffiere", "journalier", "col bleu", "col blanc",
    "technicien", "technicienne", "stagiaire", "maire", "mairesse", "conseiller",
    "conseillere", "proprio", "doyen", "doyenne", "madame", "monsieur", "gars", "bonhomme", "maman", "mamans", "papa", "papas", "dame",
    "boss",
];

/// Offices held by one person in an organisation: with "le" or "la" they name that
/// person ("la mairesse", "le greffier").
pub const OFFICES: &[&str] = &[
    "maire",
    "mairesse",
    "greffier",
    "greffiere",
    "tresorier",
    "tresoriere",
    "doyen",
    "doyenne",
];

/// Common first names in Quebec (folded). Capitalised in the text, they name a person.
#[rustfmt::skip]
pub const FIRST_NAMES: &[&str] = &[
    "adele", "alain", "alexandre", "alexandra", "alexis", "alice", "amelie", "andre", "andree",
    "annie", "anne", "antoine", "arnaud", "audrey", "benoit", "bernard", "brigitte", "bruno",
    "camille", "carole", "caroline", "catherine", "cedric", "celine", "charles", "charlotte",
    "chantal", "christian", "christine", "claude", "claudette", "clement", "colette",
    "danielle", "daniel", "david", "denis", "denise", "diane", "dominique", "eric", "emile",
    "emilie", "emma", "eloise", "elodie", "emy", "etienne", "eve", "felix", "florence",
    "francine", "francis", "francois", "francoise", "gabriel", "gabrielle", "gaetan",
    "genevieve", "georges", "gerard", "gilles", "ginette", "guy", "guylaine", "helene", "hugo",
    "isabelle", "jacques", "jacqueline", "jasmin", "jean", "jeanne", "jerome", "jessica",
    "joanie", "jocelyn", "jocelyne", "johanne", "jonathan", "josee", "joseph", "julie",
    "julien", "justin", "karine", "kevin", "laurence", "laurent", "lea", "leo", "liam", "lise",
    "line", "louis", "louise", "luc", "lucie", "lucas", "lynda", "lyne", "manon", "marc",
    "marcel", "marco", "marie", "marielle", "martin", "martine", "mathieu", "mathis", "maude",
    "maxime", "melanie", "michel", "micheline", "mireille", "monique", "nadia", "nancy",
    "natalie", "nathalie", "nicolas", "nicole", "noah", "normand", "olivier", "olivia",
    "pascal", "pascale", "patrick", "paul", "pauline", "philippe", "pierre", "rachel",
    "raymond", "real", "rejean", "remi", "rene", "richard", "robert", "roger", "rolande",
    "sabrina", "samuel", "sandra", "sarah", "sebastien", "serge", "simon", "solange", "sophie",
    "stephane", "stephanie", "suzanne", "sylvain", "sylvie", "thomas", "tristan", "valerie",
    "veronique", "vincent", "william", "yves", "yvon", "yvonne", "zoe", "jade", "juliette",
    "rosalie", "ariane", "mia", "nathan", "jacob", "edouard", "louis-philippe", "marie-eve",
    "marie-claude", "marie-josee", "marie-pier", "jean-francois", "jean-pierre", "jean-guy",
    "pier-luc", "anne-marie", "marc-andre", "guillaume", "frederic", "frederique", "raphael",
    "leonie", "theo", "leon", "arthur", "charlie", "adam", "logan", "elliot", "maeva", "mila",
    "livia", "lily", "victor", "mathilde", "jeremie", "maika", "zack",
];

/// Words before a number that make it a public document, not a person's file: a bylaw,
/// a resolution, a tender, a job posting, a business registration.
#[rustfmt::skip]
pub const PUBLIC_NUMBER_WORDS: &[&str] = &[
    "reglement", "reglements", "resolution", "resolutions", "appel d'offres", "appels d'offres",
    "offre d'emploi", "offres d'emploi", "concours", "poste", "affichage", "avis public",
    "avis", "tps", "tvq", "neq", "numero d'entreprise", "lot", "lots", "cadastre", "matricule",
    "projet", "programme", "loi", "article", "articles", "chapitre", "decret", "arrete",
    "seance", "proces-verbal", "route", "autoroute", "sortie", "ligne", "circuit", "autobus",
    "local", "salle", "porte", "soumission", "soumissions", "demande de soumissions",
    "demande de prix", "contrat", "bon de commande", "edition", "saison", "volume", "bulletin",
    "page", "version", "politique", "plan", "zone", "secteur", "district", "quartier", "code",
    "norme", "formulaire", "emploi",
];
