//! Function words of French and of the languages a Quebec post is most likely to slip
//! into. Articles, pronouns, prepositions, conjunctions and auxiliaries make up about
//! half of any sentence, whatever its topic, and they are not borrowed: a French post
//! says "le party", "un food truck", "ce week-end", never "the" or "with". Counting them
//! decides most short sentences on which a character-trigram detector guesses.
//!
//! Words are looked up lowercased, accents kept (French "à" is not English "a"), with
//! one kind of apostrophe. A word may belong to several languages ("de" is French,
//! Spanish and Portuguese); a word common to French and English ("a", "on", "as",
//! "an", "me") belongs to neither, since it proves nothing; nor does an English word
//! that a French post writes for something else ("no" for numéro, "I" in "phase I",
//! "AM" for the morning). The names of the days and months count too: every post has
//! one, and each language spells them its own way.

use foldhash::HashMap;
use std::sync::LazyLock;

use super::detect::Language;

/// French function words, and a few very frequent words no other language here shares.
const FRENCH: &str = "
    le la les de des du un une et est à au aux pour par sur dans avec sans chez vers
    entre nous vous ils elle elles je tu il ce cet cette ces cela ça qui que quoi dont
    où ne pas sont sera seront serait était étaient été être avoir ont avons avez sommes
    êtes fait faire peut peuvent pourra pourront doit doivent votre vos notre nos leur
    leurs son sa ses mon ma mes ton ta tes mais ou donc car très aussi tout tous toute
    toutes même merci bonjour bonne bon aujourd'hui demain ici déjà encore toujours en
    lors selon depuis pendant après avant dès soit sous alors comme chaque plusieurs
    quelques aucun aucune nouveau nouvelle prochain prochaine veuillez svp afin ainsi
    aura auront avait celui celle ceux lequel laquelle auquel duquel y non oui vont va
    soyez venez nouvelles
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février avril juin
    juillet août septembre octobre novembre décembre
    eux lui moi toi te se suis ai eu aient ait aurait étant ayant serai serons serez
    seraient étions étiez avions aviez avaient
    quel quelle quels quelles autre autres beaucoup peu trop assez moins mieux jamais là
    voici voilà parmi contre malgré durant grâce auprès environ notamment puis ensuite
    enfin surtout également cependant lorsque quand parce puisque ni
";

/// French elisions: "l'", "d'", "qu'", … before a word.
const FRENCH_ELISIONS: &str = "
    l d j m n s t c qu jusqu lorsqu puisqu quelqu
";

const ENGLISH: &str = "
    the and of to in is are was were be been being will would shall should can could may
    might must for with at by from this that these those you your yours we our ours us
    they them their he she his her him it its my not have has had do does did there
    here what when where which who whom why how if than then so just also only very
    about into over after before because while during until up out please thank thanks
    any some each every or today tomorrow tonight everyone everybody everything nothing
    all such other without against under between through upon whose nor both either
    neither let get see
    monday tuesday wednesday thursday friday saturday sunday january february april june
    july august september october november december
    myself ourselves yourself yourselves himself herself itself themselves theirs hers
    having doing above below down off again further once most own same too now few
    more per
";

/// English contractions: "it's", "we're", "don't", "Canada's".
const ENGLISH_SUFFIXES: &str = "
    s t re ll ve m d
";

const SPANISH: &str = "
    el los las y con por para es del una su sus al como más pero este esta estos estas
    todo todos toda muy hay ser está están tiene tienen sin sobre de la que en un se lo
    no ni nadie cual cuando donde entre esto ese esa fue son será
    lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo
    junio julio agosto septiembre octubre noviembre diciembre
";

const PORTUGUESE: &str = "
    o os e do da dos das no na nas em um uma com para por que de se não ao aos à às mais
    ser tem têm seu sua seus suas pelo pela é são está ninguém todos toda todo qualquer
    ou como deve
    segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo
    janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
";

const ITALIAN: &str = "
    il lo la gli le di del della dei delle degli e è un una per con che non da in nel nella
    al alla sono ha hanno essere ogni suo sua ai dalla sulla nessuno ed o come alcun
    tutti
    lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio marzo
    aprile maggio giugno luglio agosto settembre ottobre dicembre
";

/// Italian elisions: "l'uomo", "dell'", "all'", "nell'", "un'".
const ITALIAN_ELISIONS: &str = "
    l dell all nell dall sull un quest
";

const GERMAN: &str = "
    der die das und ist nicht ein eine einer eines einem einen den dem des zu mit von
    auf für sich im auch wird werden hat haben jeder jede jedes oder sein seine bei nach
    aus als wie zur zum durch wir sie es ich sind kein keine niemand darf gegen unter
    am montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz
    juni juli oktober dezember
";

/// Every function word, with the set of its languages (bits of [`Language::bit`]).
static LEXICON: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for (lang, list) in [
        (Language::French, FRENCH),
        (Language::English, ENGLISH),
        (Language::Spanish, SPANISH),
        (Language::Portuguese, PORTUGUESE),
        (Language::Italian, ITALIAN),
        (Language::German, GERMAN),
    ] {
        for word in list.split_whitespace() {
            *map.entry(word).or_insert(0) |= lang.bit();
        }
    }
    map
});

fn listed(list: &str, word: &str) -> bool {
    list.split_whitespace().any(|w| w == word)
}

/// The languages a word is a function word of, as a bit set.
pub fn languages_of(word: &str) -> u8 {
    LEXICON.get(word).copied().unwrap_or(0)
}

/// The languages of an elided or contracted word ("l'hôtel", "qu'il", "we're",
/// "dell'uomo"), judged by its head or its tail, and the rest of the word to look up.
pub fn languages_of_apostrophe(word: &str) -> (u8, &str) {
    let Some((head, tail)) = word.split_once('\'') else {
        return (0, word);
    };
    let mut set = 0u8;
    if listed(FRENCH_ELISIONS, head) {
        set |= Language::French.bit();
    }
    if listed(ITALIAN_ELISIONS, head) {
        set |= Language::Italian.bit();
    }
    if set != 0 {
        return (set, tail);
    }
    if listed(ENGLISH_SUFFIXES, tail) {
        return (Language::English.bit(), "");
    }
    (0, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_common_to_french_and_english_prove_nothing() {
        for w in ["a", "on", "as", "an", "me", "but", "plus"] {
            let set = languages_of(w);
            assert!(
                set & Language::French.bit() == 0 || set & Language::English.bit() == 0,
                "{w}"
            );
            assert_eq!(set & Language::English.bit(), 0, "{w}");
        }
    }

    #[test]
    fn elisions_and_contractions() {
        assert_eq!(
            languages_of_apostrophe("l'hôtel"),
            (Language::French.bit() | Language::Italian.bit(), "hôtel")
        );
        assert_eq!(languages_of_apostrophe("qu'il").0, Language::French.bit());
        assert_eq!(languages_of_apostrophe("we're").0, Language::English.bit());
        assert_eq!(
            languages_of_apostrophe("canada's").0,
            Language::English.bit()
        );
    }
}
