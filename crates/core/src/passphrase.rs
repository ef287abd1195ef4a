//! The passphrase rule: long enough and hard to guess (zxcvbn), checked in one place for
//! the live strength meter and for setting a passphrase.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Invalid, Lang, Result};

/// Fewer characters than this is refused whatever zxcvbn says.
pub const MIN_CHARS: usize = 10;
/// zxcvbn's score (0–4) a passphrase must reach: 3 = "safely unguessable" for online attacks.
const MIN_SCORE: u8 = 3;
/// Longer than this is almost surely a paste accident; Argon2 would also take it, but no.
const MAX_CHARS: usize = 1024;

/// Live feedback for the setup form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PassphraseStrength {
    /// zxcvbn score, 0 (guessable in seconds) to 4 (very strong).
    pub score: u8,
    pub acceptable: bool,
    pub hint: Option<String>,
}

/// How strong `passphrase` is, with a hint in `lang`.
pub fn strength(passphrase: &str, lang: Lang) -> PassphraseStrength {
    let chars = passphrase.chars().count();
    let score = if passphrase.is_empty() {
        0
    } else {
        u8::from(zxcvbn::zxcvbn(passphrase, &["kakehashi", "かけはし"]).score())
    };
    let problem = check(passphrase, chars, score);
    let hint = match &problem {
        Some(p) => Some(Error::invalid("passphrase", p.clone()).to_api(lang).message),
        None => Some(lang.pick("十分な強さです。".into(), "Strong enough.".into())),
    };
    PassphraseStrength {
        score,
        acceptable: problem.is_none(),
        hint: if chars == 0 { None } else { hint },
    }
}

/// Refuses a passphrase that is too short or too guessable, or a confirmation that differs.
pub fn validate_new(passphrase: &str, confirmation: &str) -> Result<()> {
    let chars = passphrase.chars().count();
    let score = u8::from(zxcvbn::zxcvbn(passphrase, &["kakehashi", "かけはし"]).score());
    if let Some(problem) = check(passphrase, chars, score) {
        return Err(Error::invalid("passphrase", problem));
    }
    if passphrase != confirmation {
        return Err(Error::invalid("confirmation", Invalid::PassphraseMismatch));
    }
    Ok(())
}

fn check(_passphrase: &str, chars: usize, score: u8) -> Option<Invalid> {
    if chars < MIN_CHARS {
        Some(Invalid::PassphraseTooShort {
            min_chars: MIN_CHARS,
        })
    } else if chars > MAX_CHARS {
        Some(Invalid::TooLong {
            max_chars: MAX_CHARS,
        })
    } else if score < MIN_SCORE {
        Some(Invalid::PassphraseTooWeak)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_or_common_passphrase_is_refused_and_a_long_unusual_one_accepted() {
        assert!(
            !strength("password", Lang::Ja).acceptable,
            "too short and common"
        );
        assert!(
            !strength("password1234", Lang::Ja).acceptable,
            "long enough but common"
        );
        let good = strength("correct-horse-battery-staple-42", Lang::Ja);
        assert!(good.acceptable, "four random words pass: {good:?}");
        assert!(good.score >= MIN_SCORE);
    }

    #[test]
    fn a_mismatched_confirmation_is_reported_at_the_confirmation_field() {
        let err = validate_new(
            "correct-horse-battery-staple-42",
            "correct-horse-battery-staple-43",
        )
        .unwrap_err();
        assert!(err.field() == Some("confirmation"), "{err:?}");
    }

    #[test]
    fn an_empty_field_gets_no_hint_yet() {
        assert_eq!(
            strength("", Lang::Ja).hint,
            None,
            "no nagging before typing"
        );
    }
}
