//! Pages to PDF bytes with pdf-writer: the running head and "pagina 1 van 3" added
//! once the page count is known, each face embedded once as a CID font subset to the
//! glyphs used (subsetter), with a ToUnicode map so that readers, search and
//! screen readers get the letters back, and streams deflated.
//!
//! The document information holds the title of the kind of document and the
//! producer, never a person's name or the period: a PDF's metadata shows in file
//! managers and mail previews without opening it.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use subsetter::GlyphRemapper;

use super::flow::SMALL;
use super::font::Face;
use super::page::{Op, HEIGHT, MARGIN_X, TEXT_WIDTH, WIDTH};
use crate::ground::error::{Error, Result};

/// What every page carries: the head on the left, a mark on the right ("VERTROUWELIJK"),
/// and "pagina N van M" at the foot; `title` goes into the document information.
pub struct Running<'a> {
    pub title: &'a str,
    pub head: &'a str,
    pub mark: &'a str,
    pub page: &'a str,
    pub of: &'a str,
}

/// The glyphs one face uses: their new ids in order of first use, and a character
/// for each (for ToUnicode).
struct Used {
    remap: GlyphRemapper,
    chars: BTreeMap<u16, char>,
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6)
}

/// Adds the running head and the page number to each page.
fn run_heads(pages: Vec<Vec<Op>>, r: &Running) -> Vec<Vec<Op>> {
    let n = pages.len();
    let text = |x: f32, y: f32, face: Face, text: String| Op::Text {
        x,
        y,
        face,
        size: SMALL,
        gray: 0.2,
        text,
    };
    pages
        .into_iter()
        .enumerate()
        .map(|(i, mut ops)| {
            let head_y = HEIGHT - 38.0;
            ops.push(text(MARGIN_X, head_y, Face::Regular, r.head.to_string()));
            let mark_w = Face::Bold.width(r.mark, SMALL);
            ops.push(text(
                MARGIN_X + TEXT_WIDTH - mark_w,
                head_y,
                Face::Bold,
                r.mark.to_string(),
            ));
            let foot = format!("{} {} {} {}", r.page, i + 1, r.of, n);
            let foot_w = Face::Regular.width(&foot, SMALL);
            ops.push(text(
                MARGIN_X + TEXT_WIDTH - foot_w,
                30.0,
                Face::Regular,
                foot,
            ));
            ops
        })
        .collect()
}

/// Writes the pages as one PDF document.
pub fn write(pages: Vec<Vec<Op>>, r: &Running) -> Result<Vec<u8>> {
    let pages = run_heads(pages, r);
    let mut used: BTreeMap<Face, Used> = Face::ALL
        .iter()
        .map(|f| {
            (
                *f,
                Used {
                    remap: GlyphRemapper::new(),
                    chars: BTreeMap::new(),
                },
            )
        })
        .collect();
    // The content streams first: they decide which glyphs each face needs.
    let mut contents = Vec::with_capacity(pages.len());
    for ops in &pages {
        let mut c = Content::new();
        for op in ops {
            match op {
                Op::Text {
                    x,
                    y,
                    face,
                    size,
                    gray,
                    text,
                } => {
                    let Some(u) = used.get_mut(face) else {
                        continue;
                    };
                    let mut codes = Vec::with_capacity(text.len() * 2);
                    for ch in text.chars() {
                        let (g, shown) = face.glyph(ch);
                        let cid = u.remap.remap(g);
                        u.chars.entry(g).or_insert(shown);
                        codes.extend_from_slice(&cid.to_be_bytes());
                    }
                    c.set_fill_gray(*gray);
                    c.begin_text();
                    c.set_font(font_name(*face), *size);
                    c.next_line(*x, *y);
                    c.show(Str(&codes));
                    c.end_text();
                }
                Op::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                    gray,
                } => {
                    c.set_stroke_gray(*gray);
                    c.set_line_width(*width);
                    c.move_to(*x1, *y1);
                    c.line_to(*x2, *y2);
                    c.stroke();
                }
                Op::Rect { x, y, w, h, gray } => {
                    c.set_fill_gray(*gray);
                    c.rect(*x, *y, *w, *h);
                    c.fill_nonzero();
                }
            }
        }
        contents.push(deflate(&c.finish()));
    }

    let mut next = 1;
    let mut alloc = || {
        let r = Ref::new(next);
        next += 1;
        r
    };
    let catalog = alloc();
    let tree = alloc();
    let info = alloc();
    let page_ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (alloc(), alloc())).collect();
    let font_ids: BTreeMap<Face, [Ref; 5]> = Face::ALL
        .iter()
        .map(|f| (*f, [alloc(), alloc(), alloc(), alloc(), alloc()]))
        .collect();

    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().map(|(p, _)| *p))
        .count(page_ids.len() as i32);
    pdf.document_info(info)
        .title(TextStr(r.title))
        .producer(TextStr("Naast"))
        .creator(TextStr("Naast"));
    for ((page, content), bytes) in page_ids.iter().zip(&contents) {
        let mut p = pdf.page(*page);
        p.media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT))
            .parent(tree)
            .contents(*content);
        let mut res = p.resources();
        let mut fonts = res.fonts();
        for (f, ids) in &font_ids {
            fonts.pair(font_name(*f), ids[0]);
        }
        fonts.finish();
        res.finish();
        p.finish();
        pdf.stream(*content, bytes).filter(Filter::FlateDecode);
    }
    for (f, ids) in &font_ids {
        let Some(u) = used.get(f) else { continue };
        embed(&mut pdf, *f, u, ids)?;
    }
    Ok(pdf.finish())
}

fn font_name(f: Face) -> Name<'static> {
    match f {
        Face::Regular => Name(b"F1"),
        Face::Bold => Name(b"F2"),
    }
}

/// One face as a Type0 font over a CIDFontType2, subset to the glyphs used, with
/// their widths and a ToUnicode map.
fn embed(pdf: &mut Pdf, f: Face, u: &Used, ids: &[Ref; 5]) -> Result<()> {
    let [type0, cid, descriptor, file, cmap] = *ids;
    let face = f
        .face()
        .ok_or_else(|| Error::Pdf("the embedded font does not parse".into()))?;
    let subset = subsetter::subset(f.data(), 0, &u.remap)
        .map_err(|e| Error::Pdf(format!("font subset: {e}")))?;
    let scale = 1000.0 / f.units_per_em();
    let base = Name(f.base_name().as_bytes());
    let system = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    pdf.type0_font(type0)
        .base_font(base)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);
    let widths: Vec<f32> = u
        .remap
        .remapped_gids()
        .map(|g| f.advance(g) * scale)
        .collect();
    let mut c = pdf.cid_font(cid);
    c.subtype(CidFontType::Type2)
        .base_font(base)
        .system_info(system)
        .font_descriptor(descriptor)
        .default_width(0.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    c.widths().consecutive(0, widths);
    c.finish();
    let bbox = face.global_bounding_box();
    let s = |v: i16| f32::from(v) * scale;
    pdf.font_descriptor(descriptor)
        .name(base)
        .flags(FontFlags::SYMBOLIC)
        .bbox(Rect::new(
            s(bbox.x_min),
            s(bbox.y_min),
            s(bbox.x_max),
            s(bbox.y_max),
        ))
        .italic_angle(0.0)
        .ascent(s(face.ascender()))
        .descent(s(face.descender()))
        .cap_height(s(face.capital_height().unwrap_or(face.ascender())))
        .stem_v(if f == Face::Bold { 140.0 } else { 80.0 })
        .font_file2(file);
    let packed = deflate(&subset);
    pdf.stream(file, &packed).filter(Filter::FlateDecode);
    let mut map = UnicodeCmap::new(Name(b"Custom"), system);
    for (old, ch) in &u.chars {
        if let Some(new) = u.remap.get(*old) {
            map.pair(new, *ch);
        }
    }
    pdf.stream(cmap, &map.finish());
    Ok(())
}
