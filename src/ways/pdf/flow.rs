//! The layout: blocks of text set down the page, wrapped to its width, onto a new
//! page when the next one does not fit. Headings stay with what follows them, a
//! table's heading row comes back on every page it runs onto. No hyphenation, no
//! kerning, no justification: plain left-aligned text, calm to read.

use super::font::Face;
use super::page::{Op, BOTTOM, MARGIN_X, TEXT_WIDTH, TOP};
use super::wrap::{wrap, Span};

/// The body text size, and the line height as a share of a size.
pub const BODY: f32 = 10.0;
pub const SMALL: f32 = 8.5;
const LEADING: f32 = 1.4;

/// How a paragraph is set.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub size: f32,
    pub gray: f32,
    /// From the left margin, in points.
    pub indent: f32,
    /// A bullet hanging left of the indent.
    pub bullet: bool,
    /// A rule down the left of each line (a note, as the HTML's border).
    pub bar: bool,
    /// Space after the paragraph, in points.
    pub after: f32,
}

impl Style {
    pub const BODY: Style = Style {
        size: BODY,
        gray: 0.07,
        indent: 0.0,
        bullet: false,
        bar: false,
        after: 5.0,
    };
}

/// A table column: its share of the width, and whether numbers align right.
#[derive(Clone, Copy, Debug)]
pub struct Col {
    pub share: f32,
    pub right: bool,
}

/// The pages being laid out, and where the next block goes on the last one.
pub struct Flow {
    pages: Vec<Vec<Op>>,
    y: f32,
}

impl Default for Flow {
    fn default() -> Self {
        Self::new()
    }
}

impl Flow {
    pub fn new() -> Self {
        Flow {
            pages: vec![Vec::new()],
            y: TOP,
        }
    }

    /// The pages laid out so far.
    pub fn into_pages(self) -> Vec<Vec<Op>> {
        self.pages
    }

    /// Starts a new page (unless the current one is still empty).
    pub fn new_page(&mut self) {
        if self.pages.last().is_some_and(|p| !p.is_empty()) {
            self.pages.push(Vec::new());
        }
        self.y = TOP;
    }

    /// Makes sure `height` points fit below, else starts a new page.
    pub fn room(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            self.new_page();
        }
    }

    /// Takes `height` points from the page (after [`Flow::room`]); returns the top.
    pub fn take(&mut self, height: f32) -> f32 {
        self.room(height);
        let top = self.y;
        self.y -= height;
        top
    }

    pub fn space(&mut self, points: f32) {
        self.y -= points;
    }

    /// Draws on the current page.
    pub fn push(&mut self, op: Op) {
        if let Some(p) = self.pages.last_mut() {
            p.push(op);
        }
    }

    /// Sets one line of runs with its baseline `size` below `top`.
    fn line(&mut self, runs: Vec<(Face, String)>, x: f32, top: f32, size: f32, gray: f32) {
        let mut x = x;
        for (face, text) in runs {
            let w = face.width(&text, size);
            self.push(Op::Text {
                x,
                y: top - size,
                face,
                size,
                gray,
                text,
            });
            x += w;
        }
    }

    /// A heading, kept on the page with at least three lines of what follows; with
    /// `rule`, a line under it as the HTML's h2.
    pub fn heading(&mut self, text: &str, size: f32, rule: bool) {
        let h = size * 1.3 + if rule { 5.0 } else { 0.0 };
        self.room(h + 3.0 * BODY * LEADING);
        for l in wrap(&[Span::bold(text)], size, TEXT_WIDTH) {
            let top = self.take(size * 1.3);
            self.line(l, MARGIN_X, top, size, 0.07);
        }
        if rule {
            self.space(2.0);
            let y = self.y;
            self.push(Op::Line {
                x1: MARGIN_X,
                y1: y,
                x2: MARGIN_X + TEXT_WIDTH,
                y2: y,
                width: 0.6,
                gray: 0.27,
            });
            self.space(7.0);
        } else {
            self.space(2.0);
        }
    }

    /// A paragraph: wrapped, onto the next page line by line.
    pub fn paragraph(&mut self, spans: &[Span], st: Style) {
        let lh = st.size * LEADING;
        let x = MARGIN_X + st.indent;
        for (i, l) in wrap(spans, st.size, TEXT_WIDTH - st.indent)
            .into_iter()
            .enumerate()
        {
            let top = self.take(lh);
            if st.bullet && i == 0 {
                self.line(
                    vec![(Face::Regular, "•".into())],
                    x - 9.0,
                    top,
                    st.size,
                    st.gray,
                );
            }
            if st.bar {
                self.push(Op::Line {
                    x1: x - 7.0,
                    y1: top,
                    x2: x - 7.0,
                    y2: top - lh,
                    width: 1.2,
                    gray: 0.4,
                });
            }
            self.line(l, x, top, st.size, st.gray);
        }
        self.space(st.after);
    }

    /// A table: a bold heading row with a rule under it, then the rows, each cell
    /// wrapped in its column; the heading row again on every new page.
    pub fn table(&mut self, cols: &[Col], head: &[&str], rows: &[Vec<String>]) {
        let size = BODY;
        let lh = size * LEADING;
        let xs: Vec<(f32, f32)> = {
            let total: f32 = cols.iter().map(|c| c.share).sum::<f32>().max(0.01);
            let mut x = MARGIN_X;
            cols.iter()
                .map(|c| {
                    let w = TEXT_WIDTH * c.share / total;
                    let at = (x, w);
                    x += w;
                    at
                })
                .collect()
        };
        let cell = |text: &str, bold: bool, w: f32| {
            wrap(&[Span { text, bold }], size, (w - 6.0).max(10.0))
        };
        let row_lines = |cells: &[String], bold: bool| -> Vec<Vec<Vec<(Face, String)>>> {
            cells
                .iter()
                .zip(&xs)
                .map(|(t, (_, w))| cell(t, bold, *w))
                .collect()
        };
        let head: Vec<String> = head.iter().map(|s| s.to_string()).collect();
        let head_lines = row_lines(&head, true);
        let draw = |f: &mut Flow, lines: Vec<Vec<Vec<(Face, String)>>>, rule: (f32, f32)| {
            let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let top = f.take(n as f32 * lh + 4.0);
            for ((c, (x, w)), cl) in cols.iter().zip(&xs).zip(lines) {
                for (i, l) in cl.into_iter().enumerate() {
                    let lw: f32 = l.iter().map(|(fc, t)| fc.width(t, size)).sum();
                    let lx = if c.right { x + w - 6.0 - lw } else { *x };
                    f.line(l, lx, top - 2.0 - i as f32 * lh, size, 0.07);
                }
            }
            let y = f.y;
            f.push(Op::Line {
                x1: MARGIN_X,
                y1: y,
                x2: MARGIN_X + TEXT_WIDTH,
                y2: y,
                width: rule.0,
                gray: rule.1,
            });
        };
        let head_h = head_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 4.0;
        self.room(head_h + lh + 4.0);
        draw(self, head_lines.clone(), (0.6, 0.27));
        for r in rows {
            let lines = row_lines(r, false);
            let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
            if self.y - (n as f32 * lh + 4.0) < BOTTOM {
                self.new_page();
                draw(self, head_lines.clone(), (0.6, 0.27));
            }
            draw(self, lines, (0.3, 0.73));
        }
        self.space(8.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ways::pdf::page::text_of;

    #[test]
    fn a_long_table_repeats_its_heading_row_on_every_page() {
        let mut f = Flow::new();
        f.heading("Contacten", 13.5, true);
        let cols = [
            Col {
                share: 3.0,
                right: false,
            },
            Col {
                share: 1.0,
                right: true,
            },
        ];
        let rows: Vec<Vec<String>> = (0..120)
            .map(|i| vec![format!("rij {i}"), i.to_string()])
            .collect();
        f.table(&cols, &["Datum", "min"], &rows);
        let pages = f.into_pages();
        assert!(pages.len() >= 3, "{} pages", pages.len());
        for (n, p) in pages.iter().enumerate() {
            assert!(
                text_of(p).contains("Datum min"),
                "page {n} has no heading row"
            );
            for op in p {
                if let Op::Text { y, .. } = op {
                    assert!(*y >= BOTTOM - BODY && *y <= TOP, "page {n}: text at {y}");
                }
            }
        }
        let all: String = pages
            .iter()
            .map(|p| text_of(p))
            .collect::<Vec<_>>()
            .join(" ");
        assert!(all.contains("rij 0 0") && all.contains("rij 119 119"));
    }

    #[test]
    fn a_heading_is_not_left_alone_at_the_foot_of_a_page() {
        let mut f = Flow::new();
        while f.y > BOTTOM + 40.0 {
            f.paragraph(&[Span::plain("tekst")], Style::BODY);
        }
        f.heading("Krachten", 10.5, false);
        f.paragraph(&[Span::plain("Doorzetter.")], Style::BODY);
        let pages = f.into_pages();
        assert_eq!(pages.len(), 2);
        assert!(text_of(&pages[1]).starts_with("Krachten"));
    }
}
