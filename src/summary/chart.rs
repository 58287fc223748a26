//! The small chart of support types per week (or per month for long periods), as
//! inline SVG made here: no script, no fonts to fetch, and grey fills with hatching
//! so the four types stay apart on a black-and-white printer.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::week_start;
use crate::error::Lang;
use crate::model::Support;

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

    /// The chart as an `<svg>` element. All text in it is ours (numbers, week
    /// numbers, month names, the four type names), never user input.
    pub fn svg(&self, lang: Lang) -> String {
        let (w, h, top, bottom, left) = (680.0, 190.0, 10.0, 46.0, 30.0);
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
        let plot_h = h - top - bottom;
        let mut s = String::new();
        let title = match lang {
            Lang::Nl => "Soort steun per periode",
            Lang::En => "Support type per period",
        };
        let _ = write!(
            s,
            r##"<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{title}"><defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#333" stroke-width="1.5"/></pattern></defs>"##
        );
        let _ = write!(
            s,
            r##"<line x1="{left}" y1="{}" x2="{w}" y2="{}" stroke="#999" stroke-width="0.5"/>"##,
            top + plot_h,
            top + plot_h
        );
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" font-size="9" text-anchor="end" fill="#333">{}</text>"##,
            left - 4.0,
            top + 8.0,
            max as i64
        );
        for (i, b) in self.buckets.iter().enumerate() {
            let x0 = left + i as f64 * slot + (slot - bar * 4.0) / 2.0;
            for (j, c) in b.counts.iter().enumerate() {
                let bh = *c as f64 / max * plot_h;
                let _ = write!(
                    s,
                    r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}" stroke="#222" stroke-width="0.4"/>"##,
                    x0 + j as f64 * bar,
                    top + plot_h - bh,
                    bar,
                    bh,
                    FILLS[j]
                );
            }
            let _ = write!(
                s,
                r##"<text x="{:.1}" y="{}" font-size="9" text-anchor="middle" fill="#333">{}</text>"##,
                left + i as f64 * slot + slot / 2.0,
                top + plot_h + 12.0,
                b.label
            );
        }
        for (j, t) in Support::ALL.iter().enumerate() {
            let x = left + j as f64 * 150.0;
            let y = h - 14.0;
            let name = t.label(lang);
            let _ = write!(
                s,
                r##"<rect x="{x}" y="{}" width="10" height="10" fill="{}" stroke="#222" stroke-width="0.4"/><text x="{}" y="{}" font-size="10" fill="#222">{name}</text>"##,
                y - 9.0,
                FILLS[j],
                x + 14.0,
                y
            );
        }
        s.push_str("</svg>");
        s
    }
}

const FILLS: [&str; 4] = ["#222", "url(#hatch)", "#888", "#ddd"];
const MONTHS: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
