//! An A4 page as a list of things drawn on it, in points from the bottom left: runs
//! of text, rules and filled boxes. The layout ([`super::flow`]) makes them, the
//! writer ([`super::write`]) turns them into PDF.

use super::font::Face;

/// A4 in points.
pub const WIDTH: f32 = 595.28;
pub const HEIGHT: f32 = 841.89;
/// 16 mm left and right, as the HTML's `@page` rule.
pub const MARGIN_X: f32 = 45.35;
/// Where the text starts below the running head (18 mm and a line).
pub const TOP: f32 = HEIGHT - 62.0;
/// Where the text stops above the page number (16 mm and a line).
pub const BOTTOM: f32 = 60.0;
/// The width text may take.
pub const TEXT_WIDTH: f32 = WIDTH - 2.0 * MARGIN_X;

/// One thing drawn. Grey is 0 (black) to 1 (white).
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// A run of text in one face, its baseline at `y`.
    Text {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        gray: f32,
        text: String,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        gray: f32,
    },
    /// A filled box, `y` its bottom.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        gray: f32,
    },
}

/// The text of a page in the order it was set: what a reader extracts, for tests.
pub fn text_of(ops: &[Op]) -> String {
    ops.iter()
        .filter_map(|o| match o {
            Op::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}
