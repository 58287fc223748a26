//! The one typeface of Naast's PDFs, DejaVu Sans in regular and bold, embedded in the
//! binary (`data/fonts/`, its licence beside it) so that every name prints the same
//! on every machine (ş, ł, é, ï …) and nothing is looked up on the system. Here: which
//! glyph a character is, and how wide a run of text is, for the layout to wrap.

use std::sync::OnceLock;

use ttf_parser::{Face as TtfFace, GlyphId};

static REGULAR_TTF: &[u8] = include_bytes!("../../../data/fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../../data/fonts/DejaVuSans-Bold.ttf");

/// Which of the two faces a run of text is set in.
/// Code points below this are looked up once, in a table.
const TABLE: u32 = 0x2200;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Face {
    Regular,
    Bold,
}

impl Face {
    pub const ALL: [Face; 2] = [Face::Regular, Face::Bold];

    /// The font file, for the subset.
    pub fn data(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR_TTF,
            Face::Bold => BOLD_TTF,
        }
    }

    /// The PostScript name in the PDF, behind a subset tag of six capitals.
    pub fn base_name(self) -> &'static str {
        match self {
            Face::Regular => "NAASTR+DejaVuSans",
            Face::Bold => "NAASTB+DejaVuSans-Bold",
        }
    }

    /// The parsed face. The files are ours and embedded, so a failure to parse is a
    /// broken build; `None` then, and the caller reports it.
    pub fn face(self) -> Option<&'static TtfFace<'static>> {
        static REGULAR: OnceLock<Option<TtfFace<'static>>> = OnceLock::new();
        static BOLD: OnceLock<Option<TtfFace<'static>>> = OnceLock::new();
        let cell = match self {
            Face::Regular => &REGULAR,
            Face::Bold => &BOLD,
        };
        cell.get_or_init(|| TtfFace::parse(self.data(), 0).ok())
            .as_ref()
    }

    /// Font units per em (2048 for DejaVu).
    pub fn units_per_em(self) -> f32 {
        self.face()
            .map(|f| f32::from(f.units_per_em()))
            .unwrap_or(1000.0)
    }

    /// The glyph of a character; a character the font lacks prints as "?" rather
    /// than as an empty box nobody can read back. The first [`TABLE`] code points
    /// (Latin with its accents, Greek, Cyrillic, the dashes, quotes and bullet) are
    /// looked up once: a quarter's summary sets millions of characters, and the
    /// font's own table is slow to walk for each.
    pub fn glyph(self, c: char) -> (u16, char) {
        static REGULAR: OnceLock<Vec<(u16, bool)>> = OnceLock::new();
        static BOLD: OnceLock<Vec<(u16, bool)>> = OnceLock::new();
        let cell = match self {
            Face::Regular => &REGULAR,
            Face::Bold => &BOLD,
        };
        let table = cell.get_or_init(|| {
            (0..TABLE)
                .map(|u| {
                    let g = char::from_u32(u).and_then(|c| self.lookup(c));
                    (g.unwrap_or(0), g.is_some())
                })
                .collect()
        });
        let found = match table.get(c as usize) {
            Some(&(g, true)) => Some(g),
            Some(_) => None,
            None => self.lookup(c),
        };
        match found {
            Some(g) => (g, c),
            None => (self.lookup('?').unwrap_or(0), '?'),
        }
    }

    fn lookup(self, c: char) -> Option<u16> {
        self.face()?.glyph_index(c).map(|g| g.0)
    }

    /// A glyph's advance in font units, from a table made once.
    pub fn advance(self, glyph: u16) -> f32 {
        static REGULAR: OnceLock<Vec<f32>> = OnceLock::new();
        static BOLD: OnceLock<Vec<f32>> = OnceLock::new();
        let cell = match self {
            Face::Regular => &REGULAR,
            Face::Bold => &BOLD,
        };
        let table = cell.get_or_init(|| {
            let Some(f) = self.face() else {
                return Vec::new();
            };
            (0..f.number_of_glyphs())
                .map(|g| {
                    f.glyph_hor_advance(GlyphId(g))
                        .map(f32::from)
                        .unwrap_or(0.0)
                })
                .collect()
        });
        table.get(usize::from(glyph)).copied().unwrap_or(0.0)
    }

    /// How wide `text` is at `size` points.
    pub fn width(self, text: &str, size: f32) -> f32 {
        let units: f32 = text.chars().map(|c| self.advance(self.glyph(c).0)).sum();
        units * size / self.units_per_em()
    }

    /// How wide one character is at `size` points.
    pub fn char_width(self, c: char, size: f32) -> f32 {
        self.advance(self.glyph(c).0) * size / self.units_per_em()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_letter_of_the_names_has_its_own_glyph() {
        for c in "şłéïøñçǧ€".chars() {
            let (g, shown) = Face::Regular.glyph(c);
            assert_eq!(shown, c, "{c} has no glyph");
            assert_ne!(g, Face::Regular.glyph('?').0);
        }
    }

    #[test]
    fn bold_is_wider_than_regular() {
        let r = Face::Regular.width("Samenvatting", 10.0);
        let b = Face::Bold.width("Samenvatting", 10.0);
        assert!(r > 40.0 && b > r, "{r} {b}");
    }
}
