//! Text folding for Japanese search: what a person types and what is stored are compared
//! after the same folding, so 「かわごえ」, 「カワゴエ」 and 「ｶﾜｺﾞｴ」 all find 川越市.

use unicode_normalization::UnicodeNormalization;

/// Folds `s` for matching: NFKC (full-width ASCII → ASCII, half-width kana → full-width),
/// lower case, hiragana → katakana, and no whitespace.
pub fn fold(s: &str) -> String {
    s.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace())
        .map(hiragana_to_katakana)
        // Lower-casing can leave a letter and a combining mark apart (𝒢 + ￣ → g + ̄);
        // compose again so that folding a folded text changes nothing.
        .nfkc()
        .collect()
}

/// One searchable text from several fields: each folded, joined by a separator that no
/// query contains, so a match never spans two fields.
pub fn search_text(fields: &[&str]) -> String {
    fields
        .iter()
        .map(|f| fold(f))
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

/// Hiragana ぁ..ゖ and the iteration marks ゝゞ sit exactly 0x60 below their katakana.
fn hiragana_to_katakana(c: char) -> char {
    match c {
        '\u{3041}'..='\u{3096}' | '\u{309D}'..='\u{309E}' => {
            char::from_u32(c as u32 + 0x60).expect("katakana block is contiguous")
        }
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn hiragana_katakana_and_half_width_fold_to_the_same_text() {
        assert_eq!(fold("かわごえ"), "カワゴエ");
        assert_eq!(fold("カワゴエ"), "カワゴエ");
        assert_eq!(
            fold("ｶﾜｺﾞｴ"),
            "カワゴエ",
            "half-width kana with a voiced mark"
        );
        assert_eq!(
            fold("ＫＨ－２０２６"),
            "kh-2026",
            "full-width latin and digits"
        );
        assert_eq!(fold("さいたま し"), "サイタマシ", "spaces do not matter");
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(s in "\\PC{0,20}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone(), "folding a folded text changes nothing");
        }
    }
}
