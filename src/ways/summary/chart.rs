//! The small chart of support types per week (or per month for long periods), as
//! inline SVG made here: no script, no fonts to fetch, and grey fills with hatching
//! so the four types stay apart on a black-and-white printer.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::ground::calendar::week_start;
use crate::ground::lang::Lang;
use crate::ground::vocab::Support;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Bucket {
    pub start: NaiveDate,
    pub label: String,
    /// Counts in the order of `Support::ALL`.
    pub counts: [i64; 4],
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Chart {
    pub weekly: bool,
    pub buckets: Vec<Bucket>,
}

impl Chart {
    /// Weeks for periods up to 16 weeks, months beyond.
    pub fn of<'a>(
        from: NaiveDate,
        to: NaiveDate,
        contacts: impl Iterator<Item = (NaiveDate, &'a [Support])>,
    ) -> Chart {
        let weekly = (to - from).num_days() <= 16 * 7;
        let key = |d: NaiveDate| {
            if weekly {
                week_start(d)
            } else {
                d.with_day(1).unwrap_or(d)
            }
        };
        let mut buckets: Vec<Bucket> = Vec::new();
        let mut d = key(from);
        while d <= to {
            let label = if weekly {
                format!("{}", d.iso_week().week())
            } else {
                MONTHS[d.month0() as usize].to_string()
            };
            buckets.push(Bucket {
                start: d,
                label,
                counts: [0; 4],
            });
            d = if weekly {
                d + chrono::Duration::weeks(1)
            } else {
                d.checked_add_months(chrono::Months::new(1))
                    .unwrap_or(to.succ_opt().unwrap_or(to))
            };
        }
        for (day, support) in contacts {
            let k = key(day);
            if let Some(b) = buckets.iter_mut().find(|b| b.start == k) {
                for s in support {
                    if let Some(i) = Support::ALL.iter().position(|x| x == s) {
                        b.counts[i] += 1;
                    }
                }
            }
        }
        Chart { weekly, buckets }
    }

    /// The chart: bars and axis as inline SVG, every word and number in it as HTML
    /// around the SVG. Text inside a scaled SVG is laid out at a size of its own
    /// (the font size times the drawing's scale), and each such size costs WebKit a
    /// font lookup the rest of the page cannot share; the first preview after
    /// starting spent a third of its font lookups on the chart's labels. All text
    /// here is ours (numbers, week numbers, month names, the four type names),
    /// never user input.
    pub fn html(&self, lang: Lang) -> String {
        let (w, h, top, left) = (680.0, 144.0, 10.0, 30.0);
        let max = self
            .buckets
            .iter()
            .flat_map(|b| b.counts)
            .max()
            .unwrap_or(0)
            .max(1) as f64;
        let n = self.buckets.len().max(1) as f64;
        let slot = (w - left) / n;
        let bar = (slot * 0.8 / 4.0).min(14.0);
        // The axis sits a point above the drawing's bottom edge, so its line is not cut.
        let base = h - 1.0;
        let plot_h = base - top;
        // The plot's left margin as a share of its width: the labels and the legend
        // below line up with the bars at any width the page gives the chart.
        let inset = format!("{:.2}%", left / w * 100.0);
        let title = match lang {
            Lang::Nl => "Soort steun per periode",
            Lang::En => "Support type per period",
        };
        let mut s = String::new();
        let _ = write!(
            s,
            r##"<div class="chart" role="img" aria-label="{title}"><div class="plot"><span class="max" style="width: {inset}">{}</span><svg viewBox="0 0 {w} {h}" width="100%" aria-hidden="true"><defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#333" stroke-width="1.5"/></pattern></defs>"##,
            max as i64
        );
        let _ = write!(
            s,
            r##"<line x1="{left}" y1="{base}" x2="{w}" y2="{base}" stroke="#999" stroke-width="0.5"/>"##
        );
        for (i, b) in self.buckets.iter().enumerate() {
            let x0 = left + i as f64 * slot + (slot - bar * 4.0) / 2.0;
            for (j, c) in b.counts.iter().enumerate() {
                let bh = *c as f64 / max * plot_h;
                let _ = write!(
                    s,
                    r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}" stroke="#222" stroke-width="0.4"/>"##,
                    x0 + j as f64 * bar,
                    base - bh,
                    bar,
                    bh,
                    FILLS[j]
                );
            }
        }
        let _ = write!(
            s,
            r##"</svg></div><div class="ticks" style="padding-left: {inset}">"##
        );
        for b in &self.buckets {
            let _ = write!(s, "<span>{}</span>", b.label);
        }
        let _ = write!(
            s,
            r##"</div><div class="legend" style="padding-left: {inset}">"##
        );
        for (j, t) in Support::ALL.iter().enumerate() {
            let _ = write!(
                s,
                r##"<span><svg viewBox="0 0 10 10" aria-hidden="true"><rect x="0.2" y="0.2" width="9.6" height="9.6" fill="{}" stroke="#222" stroke-width="0.4"/></svg>{}</span>"##,
                FILLS[j],
                t.label(lang)
            );
        }
        s.push_str("</div></div>");
        s
    }
}

const FILLS: [&str; 4] = ["#222", "url(#hatch)", "#888", "#ddd"];
const MONTHS: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
