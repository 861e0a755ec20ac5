//! Folding of one character, shared by the text layer and the build script (which
//! folds the lexicons' words exactly as the checks fold a draft's).

/// Folds one character for matching: lowercase, no diacritics, one kind of apostrophe
/// and of dash. Returns the folded characters (one or two, for "œ" and "æ").
pub fn fold_char(c: char) -> FoldedChar {
    let single = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => 'u',
        'ç' | 'Ç' => 'c',
        'ÿ' | 'Ÿ' => 'y',
        'ñ' | 'Ñ' => 'n',
        'œ' | 'Œ' => return FoldedChar::Two('o', 'e'),
        'æ' | 'Æ' => return FoldedChar::Two('a', 'e'),
        '’' | '‘' | 'ʼ' | '`' | '´' => '\'',
        '‐' | '‑' | '‒' | '–' | '—' => '-',
        '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
        // A combining diacritic (an accent typed as its own character after its letter,
        // as some phones and Macs produce): folding drops accents, so it goes too, and
        // "ge\u{301}ne\u{301}rale" folds like "générale".
        '\u{300}'..='\u{36f}' => return FoldedChar::Zero,
        c if c.is_uppercase() => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
        c => c,
    };
    FoldedChar::One(single)
}

/// The result of [`fold_char`].
pub enum FoldedChar {
    Zero,
    One(char),
    Two(char, char),
}
