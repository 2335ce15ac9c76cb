//! The tracking codes citizens keep for what they sent without an account (`ADU-…` for a
//! complaint, `ASP-…` for a forum aspirasi): twelve characters from an alphabet without
//! look-alikes, and the code as a person types it back.

/// The characters of new codes: no I/1, O/0, B/8, Z/2 or S/5, which a citizen copying a code from
/// a phone screen or a receipt confuses (26 characters: twelve give about 56 bits).
pub const ALPHABET: &[u8] = b"ACDEFGHJKLMNPQRTUVWXY34679";

/// The length of a code after its prefix.
pub const LENGTH: usize = 12;

/// A complaint's prefix.
pub const COMPLAINT: &str = "ADU";
/// A forum aspirasi's prefix.
pub const ASPIRASI: &str = "ASP";

/// The code a person meant: letters and digits only (spaces, dots and dashes go), upper case,
/// the prefix and its dash put back, `default` when none was typed. Anything else comes back
/// trimmed and upper case (it names no code).
pub fn typed(code: &str, default: &str) -> String {
    let plain: String = code.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect();
    for prefix in [COMPLAINT, ASPIRASI] {
        if let Some(rest) = plain.strip_prefix(prefix).filter(|rest| rest.len() == LENGTH) {
            return format!("{prefix}-{rest}");
        }
    }
    if plain.len() == LENGTH {
        return format!("{default}-{plain}");
    }
    code.trim().to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_as_people_type_it() {
        for typed_code in [
            "ADU-ACDEFGHJKLMN",
            "adu-acdefghjklmn",
            " ADU ACDE FGHJ KLMN ",
            "ACDEFGHJKLMN",
            "acde-fghj-klmn",
            "ADU.ACDEFGHJKLMN",
        ] {
            assert_eq!(typed(typed_code, COMPLAINT), "ADU-ACDEFGHJKLMN", "{typed_code:?}");
        }
        assert_eq!(typed("asp 3467 9ACD EFGH", COMPLAINT), "ASP-34679ACDEFGH");
        assert_eq!(typed("3467 9ACD EFGH", ASPIRASI), "ASP-34679ACDEFGH");
        // A prefix typed wins over the default.
        assert_eq!(typed("ADU ACDEFGHJKLMN", ASPIRASI), "ADU-ACDEFGHJKLMN");
        // Too short or too long: no code, left as typed.
        assert_eq!(typed(" adu-abc ", COMPLAINT), "ADU-ABC");
        assert_eq!(typed("ADU-ACDEFGHJKLMNP", COMPLAINT), "ADU-ACDEFGHJKLMNP");
    }

    #[test]
    fn no_look_alikes() {
        for c in b"IO01B8Z2S5" {
            assert!(!ALPHABET.contains(c), "{}", char::from(*c));
        }
        let mut seen = ALPHABET.to_vec();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), ALPHABET.len(), "each character once");
    }
}
