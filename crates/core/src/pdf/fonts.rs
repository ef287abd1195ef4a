//! Finding Japanese fonts on the machine. No font ships with Kakehashi: the office's computer
//! has one (Windows: Yu Gothic / BIZ UDPGothic, macOS: Hiragino, Linux: Noto Sans CJK JP or
//! IPAexGothic), and the PDF embeds a subset of it.
//!
//! The scan (fontdb through `typst-kit`: the OS's usual font folders, and fontconfig's on
//! Linux) runs once per process; the fonts are then loaded lazily and kept.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

use crate::error::{Error, Result};

/// The families tried first, in this order (DOMAIN: BIZ UD fonts are made for public
/// documents and read well small; the others are what each OS ships).
pub const PREFERRED_FAMILIES: [&str; 9] = [
    "BIZ UDPGothic",
    "BIZ UDGothic",
    "Yu Gothic",
    "Hiragino Sans",
    "Hiragino Kaku Gothic ProN",
    "Noto Sans CJK JP",
    "Noto Sans JP",
    "IPAexGothic",
    "IPAGothic",
];

/// Characters a font must have to count as Japanese: hiragana, katakana and common kanji.
const JAPANESE_PROBE: [char; 4] = ['あ', 'ア', '漢', '様'];

/// The fonts the documents are set in: the store typst reads, and the family list (the
/// preferred Japanese family first, then every other Japanese family found, for glyphs the
/// first one lacks, such as 𠮷).
pub struct Fonts {
    pub(crate) store: FontStore,
    pub families: Vec<String>,
}

impl Fonts {
    pub(crate) fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    pub(crate) fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }

    /// Whether any of the families has a glyph for `c` (typst falls back through them).
    pub fn covers(&self, c: char) -> bool {
        let book = self.book();
        self.families.iter().any(|family| {
            book.select_family(&family.to_lowercase()).any(|i| {
                book.info(i)
                    .is_some_and(|info| info.coverage.contains(c as u32))
            })
        })
    }

    /// The family list from what a scan found; `None` without any Japanese font.
    fn from_store(store: FontStore) -> Option<Fonts> {
        let book = store.book();
        let japanese: Vec<String> = {
            let mut seen: Vec<String> = Vec::new();
            for (family, mut ids) in book.families() {
                let covers = ids.any(|i| {
                    book.info(i).is_some_and(|info| {
                        JAPANESE_PROBE
                            .iter()
                            .all(|&c| info.coverage.contains(c as u32))
                    })
                });
                if covers && !seen.iter().any(|f| f.eq_ignore_ascii_case(family)) {
                    seen.push(family.to_string());
                }
            }
            seen
        };
        if japanese.is_empty() {
            return None;
        }
        let mut families: Vec<String> = PREFERRED_FAMILIES
            .iter()
            .filter(|p| japanese.iter().any(|f| f.eq_ignore_ascii_case(p)))
            .map(|p| p.to_string())
            .collect();
        let mut rest: Vec<&String> = japanese
            .iter()
            .filter(|f| !families.iter().any(|p| p.eq_ignore_ascii_case(f)))
            .collect();
        // Mono and serif (明朝) families last: a gothic face reads better on forms.
        rest.sort_by_key(|f| {
            let l = f.to_lowercase();
            (
                l.contains("mono") || l.contains("serif") || l.contains("mincho"),
                l,
            )
        });
        families.extend(rest.into_iter().cloned());
        Some(Fonts { store, families })
    }
}

/// The process's fonts: scanned on first use, then shared. A failed scan is not kept, so
/// installing a font and trying again works without restarting.
pub fn system_fonts() -> Result<Arc<Fonts>> {
    static CACHE: Mutex<Option<Arc<Fonts>>> = Mutex::new(None);
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(fonts) = cache.as_ref() {
        return Ok(fonts.clone());
    }
    let mut store = FontStore::new();
    store.extend(typst_kit::fonts::system());
    let fonts = Arc::new(Fonts::from_store(store).ok_or(Error::NoJapaneseFont)?);
    *cache = Some(fonts.clone());
    Ok(fonts)
}

/// Fonts from these folders only (searched recursively): tests and tools that must not
/// depend on the machine.
pub fn fonts_in(dirs: &[PathBuf]) -> Result<Fonts> {
    let mut store = FontStore::new();
    for dir in dirs {
        store.extend(typst_kit::fonts::scan(dir));
    }
    Fonts::from_store(store).ok_or(Error::NoJapaneseFont)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_without_japanese_fonts_is_refused_with_what_to_install() {
        let dir = tempfile::tempdir().unwrap();
        let err = fonts_in(&[dir.path().to_path_buf()])
            .err()
            .expect("no fonts");
        assert!(matches!(err, Error::NoJapaneseFont));
        let ja = err.to_api(crate::Lang::Ja).message;
        assert!(ja.contains("fonts-noto-cjk"), "{ja}");
        assert!(ja.contains("BIZ UDPゴシック"), "{ja}");
        let en = err.to_api(crate::Lang::En).message;
        assert!(en.contains("Noto Sans CJK JP"), "{en}");
    }
}
