//! Check digits and number plans: what makes a run of digits a real identifier rather
//! than any number. Luhn for social insurance and card numbers, issuer ranges for
//! cards, the birth-date part of a RAMQ number, North American phone numbering.

/// The digits of a text, separators dropped.
pub fn digits(s: &str) -> Vec<u8> {
    s.bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}

/// The Luhn (mod 10) check used by social insurance and payment card numbers.
pub fn luhn(digits: &[u8]) -> bool {
    if digits.len() < 2 {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A social insurance number: nine digits, Luhn-valid, not starting with 8 (business
/// numbers), not all zeros.
pub fn is_sin(d: &[u8]) -> bool {
    d.len() == 9 && d[0] != 8 && d.iter().any(|&x| x != 0) && luhn(d)
}

fn prefix(d: &[u8], n: usize) -> u32 {
    d.iter().take(n).fold(0, |acc, &x| acc * 10 + u32::from(x))
}

/// A payment card number: an issuer's range and length, and the Luhn check.
pub fn is_card(d: &[u8]) -> bool {
    let len = d.len();
    if !(13..=19).contains(&len) || !luhn(d) {
        return false;
    }
    let (p1, p2, p3, p4) = (prefix(d, 1), prefix(d, 2), prefix(d, 3), prefix(d, 4));
    let visa = p1 == 4 && matches!(len, 13 | 16 | 19);
    let mastercard = ((51..=55).contains(&p2) || (2221..=2720).contains(&p4)) && len == 16;
    let amex = matches!(p2, 34 | 37) && len == 15;
    let discover =
        (p4 == 6011 || (644..=649).contains(&p3) || p2 == 65) && (16..=19).contains(&len);
    let jcb = (3528..=3589).contains(&p4) && (16..=19).contains(&len);
    let diners = ((300..=305).contains(&p3) || p2 == 36 || p2 == 38) && len == 14;
    visa || mastercard || amex || discover || jcb || diners
}

/// The eight digits of a RAMQ number: year, month (plus 50 for women), day, then two
/// administrative digits.
pub fn is_ramq_digits(d: &[u8]) -> bool {
    if d.len() != 8 {
        return false;
    }
    let month = prefix(&d[2..], 2);
    let day = prefix(&d[4..], 2);
    let month = if month > 50 { month - 50 } else { month };
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// A ten-digit North American number: area code and exchange start with 2 to 9.
pub fn is_nanp(d: &[u8]) -> bool {
    d.len() == 10 && d[0] >= 2 && d[3] >= 2
}

/// Toll-free area codes: 800, 833, 844, 855, 866, 877, 888.
pub fn is_toll_free(d: &[u8]) -> bool {
    d.len() == 10 && d[0] == 8 && (d[1] == d[2] && d[1] >= 3 || d[1] == 0 && d[2] == 0)
}

/// The last ten digits of a phone number as written ("+1 819 …" → "819…").
pub fn phone_key(s: &str) -> Vec<u8> {
    let d = digits(s);
    if d.len() == 11 && d[0] == 1 {
        d[1..].to_vec()
    } else {
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Vec<u8> {
        digits(s)
    }

    #[test]
    fn luhn_accepts_valid_numbers_and_rejects_a_changed_digit() {
        assert!(luhn(&d("046 454 286")));
        assert!(!luhn(&d("046 454 287")));
        assert!(luhn(&d("4111 1111 1111 1111")));
        assert!(!luhn(&d("4111 1111 1111 1112")));
    }

    #[test]
    fn sin_rules() {
        assert!(is_sin(&d("046-454-286")));
        assert!(is_sin(&d("130 692 544")));
        assert!(!is_sin(&d("130 692 545")), "bad check digit");
        assert!(!is_sin(&d("000 000 000")), "zeros");
        assert!(!is_sin(&d("800 000 002")), "business numbers start with 8");
        assert!(!is_sin(&d("046 454 28")), "too short");
    }

    #[test]
    fn card_issuers_and_lengths() {
        assert!(is_card(&d("4111111111111111")), "Visa");
        assert!(is_card(&d("5555 5555 5555 4444")), "Mastercard 5");
        assert!(is_card(&d("2223 0031 2200 3222")), "Mastercard 2-series");
        assert!(is_card(&d("3782 822463 10005")), "Amex");
        assert!(is_card(&d("6011 1111 1111 1117")), "Discover");
        assert!(is_card(&d("3530 1113 3330 0000")), "JCB");
        assert!(
            !is_card(&d("1234 5678 9012 3452")),
            "no issuer starts with 1"
        );
        assert!(!is_card(&d("4111 1111 1111 1112")), "Luhn");
        assert!(!is_card(&d("3782 8224 6310 0050")), "Amex has 15 digits");
    }

    #[test]
    fn ramq_month_and_day() {
        assert!(is_ramq_digits(&d("85031512")), "man, March");
        assert!(is_ramq_digits(&d("85531512")), "woman, March + 50");
        assert!(!is_ramq_digits(&d("85131512")), "month 13");
        assert!(!is_ramq_digits(&d("85033212")), "day 32");
        assert!(!is_ramq_digits(&d("85001512")), "month 0");
    }

    #[test]
    fn phone_numbering() {
        assert!(is_nanp(&d("819 333 2282")));
        assert!(!is_nanp(&d("119 333 2282")));
        assert!(!is_nanp(&d("819 033 2282")));
        assert!(is_toll_free(&d("1 800 363 9010")[1..]));
        assert!(is_toll_free(&d("866 555 1234")));
        assert!(!is_toll_free(&d("819 555 1234")));
        assert!(!is_toll_free(&d("810 555 1234")));
        assert_eq!(phone_key("+1 (819) 333-2282"), d("8193332282"));
    }
}
