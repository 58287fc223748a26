//! The chart of support types per week or month, drawn as the HTML's: four bars side
//! by side per period, in greys that stay apart on a black-and-white printer, the
//! period under each, a legend below.

use crate::ground::lang::Lang;
use crate::ground::vocab::Support;
use crate::ways::pdf::{Face, Flow, Op, MARGIN_X, SMALL, TEXT_WIDTH};
use crate::ways::summary::chart::Chart;

/// The four fills, darkest first, in the order of `Support::ALL`.
const GREYS: [f32; 4] = [0.13, 0.38, 0.6, 0.87];

pub(super) fn chart(f: &mut Flow, c: &Chart, lang: Lang) {
    if c.buckets.is_empty() {
        return;
    }
    let plot_h = 90.0;
    let left = 22.0;
    let height = plot_h + 2.0 * SMALL + 24.0;
    let top = f.take(height);
    let base = top - plot_h;
    let max = c
        .buckets
        .iter()
        .flat_map(|b| b.counts)
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    let text = |x: f32, y: f32, t: String| Op::Text {
        x,
        y,
        face: Face::Regular,
        size: SMALL,
        gray: 0.2,
        text: t,
    };
    let max_label = format!("{}", max as i64);
    f.push(text(
        MARGIN_X + left - 4.0 - Face::Regular.width(&max_label, SMALL),
        top - SMALL,
        max_label,
    ));
    f.push(Op::Line {
        x1: MARGIN_X + left,
        y1: base,
        x2: MARGIN_X + TEXT_WIDTH,
        y2: base,
        width: 0.5,
        gray: 0.6,
    });
    let slot = (TEXT_WIDTH - left) / c.buckets.len() as f32;
    let bar = (slot * 0.8 / 4.0).min(11.0);
    for (i, b) in c.buckets.iter().enumerate() {
        let x0 = MARGIN_X + left + i as f32 * slot + (slot - bar * 4.0) / 2.0;
        for (j, n) in b.counts.iter().enumerate() {
            let h = *n as f32 / max * (plot_h - 4.0);
            if h > 0.0 {
                f.push(Op::Rect {
                    x: x0 + j as f32 * bar,
                    y: base,
                    w: bar,
                    h,
                    gray: GREYS[j],
                });
            }
        }
        let lw = Face::Regular.width(&b.label, SMALL);
        let cx = MARGIN_X + left + i as f32 * slot + slot / 2.0;
        f.push(text(cx - lw / 2.0, base - SMALL - 3.0, b.label.clone()));
    }
    let mut x = MARGIN_X + left;
    let y = base - 2.0 * SMALL - 12.0;
    for (j, t) in Support::ALL.iter().enumerate() {
        f.push(Op::Rect {
            x,
            y: y - 1.0,
            w: 7.0,
            h: 7.0,
            gray: GREYS[j],
        });
        let label = t.label(lang).to_string();
        let lw = Face::Regular.width(&label, SMALL);
        f.push(text(x + 10.0, y, label));
        x += 10.0 + lw + 22.0;
    }
}
