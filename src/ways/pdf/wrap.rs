//! Text wrapped to a width: spans of regular and bold split into words, words set
//! on lines greedily, a word wider than the line cut where it must. Widths come from
//! the font's own advances ([`super::font`]).

use super::font::Face;

/// A piece of a paragraph in one face.
#[derive(Clone, Copy, Debug)]
pub struct Span<'a> {
    pub text: &'a str,
    pub bold: bool,
}

impl<'a> Span<'a> {
    pub fn plain(text: &'a str) -> Self {
        Span { text, bold: false }
    }
    pub fn bold(text: &'a str) -> Self {
        Span { text, bold: true }
    }
}

/// A word as runs of faces ("**24JC**:" is one word in two faces).
type Word = Vec<(Face, String)>;

fn face(bold: bool) -> Face {
    if bold {
        Face::Bold
    } else {
        Face::Regular
    }
}

fn word_width(w: &Word, size: f32) -> f32 {
    w.iter().map(|(f, t)| f.width(t, size)).sum()
}

/// Splits spans into lines of words: `\n` breaks a line, other white space
/// separates words.
fn words(spans: &[Span]) -> Vec<Vec<Word>> {
    let mut lines: Vec<Vec<Word>> = vec![Vec::new()];
    let mut word: Word = Vec::new();
    let end_word = |word: &mut Word, lines: &mut Vec<Vec<Word>>| {
        if !word.is_empty() {
            if let Some(l) = lines.last_mut() {
                l.push(std::mem::take(word));
            }
        }
    };
    for s in spans {
        let f = face(s.bold);
        for c in s.text.chars() {
            if c == '\n' {
                end_word(&mut word, &mut lines);
                lines.push(Vec::new());
            } else if c.is_whitespace() {
                end_word(&mut word, &mut lines);
            } else {
                match word.last_mut() {
                    Some((wf, t)) if *wf == f => t.push(c),
                    _ => word.push((f, c.to_string())),
                }
            }
        }
    }
    end_word(&mut word, &mut lines);
    lines
}

/// Cuts a word wider than the line into pieces that fit.
fn split_long(w: Word, size: f32, width: f32) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut cur: Word = Vec::new();
    let mut cur_w = 0.0;
    for (f, t) in w {
        for c in t.chars() {
            let cw = f.char_width(c, size);
            if cur_w + cw > width && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
                cur_w = 0.0;
            }
            match cur.last_mut() {
                Some((cf, ct)) if *cf == f => ct.push(c),
                _ => cur.push((f, c.to_string())),
            }
            cur_w += cw;
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Wraps spans to `width`: each line as runs of one face (spaces included).
pub fn wrap(spans: &[Span], size: f32, width: f32) -> Vec<Vec<(Face, String)>> {
    let space = Face::Regular.width(" ", size);
    let mut out = Vec::new();
    for hard in words(spans) {
        let mut line: Vec<Word> = Vec::new();
        let mut line_w = 0.0;
        let mut pending: Vec<Word> = Vec::new();
        for w in hard {
            if word_width(&w, size) > width {
                pending.extend(split_long(w, size, width));
            } else {
                pending.push(w);
            }
            for w in pending.drain(..) {
                let ww = word_width(&w, size);
                let need = if line.is_empty() { ww } else { space + ww };
                if line_w + need > width && !line.is_empty() {
                    out.push(runs(std::mem::take(&mut line)));
                    line_w = 0.0;
                    line.push(w);
                    line_w += ww;
                } else {
                    line.push(w);
                    line_w += need;
                }
            }
        }
        out.push(runs(line));
    }
    out
}

/// Joins a line's words into runs of one face, a space between words.
fn runs(line: Vec<Word>) -> Vec<(Face, String)> {
    let mut out: Vec<(Face, String)> = Vec::new();
    for (i, w) in line.into_iter().enumerate() {
        for (j, (f, t)) in w.into_iter().enumerate() {
            let t = if i > 0 && j == 0 { format!(" {t}") } else { t };
            match out.last_mut() {
                Some((of, ot)) if *of == f => ot.push_str(&t),
                _ => out.push((f, t)),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(l: &[(Face, String)]) -> String {
        l.iter().map(|(_, t)| t.as_str()).collect()
    }

    #[test]
    fn lines_fit_and_keep_every_word_in_order() {
        let s = "Samen de brief van de gemeente gelezen en daarna koffie gedronken bij de bakker.";
        let lines = wrap(&[Span::plain(s)], 10.0, 120.0);
        assert!(lines.len() > 2, "{lines:?}");
        for l in &lines {
            let w: f32 = l.iter().map(|(f, t)| f.width(t, 10.0)).sum();
            assert!(w <= 120.0, "{:?} is {w} wide", text(l));
        }
        let back: Vec<String> = lines.iter().map(|l| text(l)).collect();
        assert_eq!(back.join(" "), s);
    }

    #[test]
    fn newlines_break_and_a_long_word_is_cut() {
        let lines = wrap(&[Span::plain("een\ntwee")], 10.0, 300.0);
        assert_eq!(lines.len(), 2);
        let long = "x".repeat(200);
        let lines = wrap(&[Span::plain(&long)], 10.0, 100.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.iter().map(|l| text(l)).collect::<String>(), long);
    }

    #[test]
    fn bold_and_regular_share_a_word_without_a_space() {
        let lines = wrap(
            &[Span::bold("24JC"), Span::plain(": 1 signaal")],
            10.0,
            300.0,
        );
        assert_eq!(
            lines[0],
            vec![
                (Face::Bold, "24JC".to_string()),
                (Face::Regular, ": 1 signaal".to_string())
            ]
        );
    }
}
