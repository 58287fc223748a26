//! What the hours overview is: per week or month, counts and hours split by support
//! type, mode and context; serialized for the app (ts-rs) and the CLI's JSON.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ground::error::{Invalid, Result};
use crate::ground::lang::Lang;
use crate::ground::vocab::{Context, Mode, Support};

/// Per week or per month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "HoursBy"))]
pub enum By {
    Week,
    Month,
}

impl By {
    pub fn parse(s: &str) -> Result<By> {
        match s.trim().to_ascii_lowercase().as_str() {
            "week" | "weeks" => Ok(By::Week),
            "month" | "months" | "maand" => Ok(By::Month),
            _ => Err(Invalid::HoursBy(s.to_string()).into()),
        }
    }
}

/// One week or month (or the whole period). Hours are rounded to two decimals.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "HoursPeriod"))]
pub struct Period {
    /// `2026-W48` or `2026-11`; `total` for the whole period.
    pub period: String,
    /// "week 48 (23-11-2026 – 29-11-2026)", "november 2026": in the overview's language.
    pub label: String,
    /// The days counted, within the chosen period.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub contacts: i64,
    pub hours: f64,
    pub support: BTreeMap<Support, f64>,
    pub mode: BTreeMap<Mode, f64>,
    pub context: BTreeMap<Context, f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "HoursOverview")
)]
pub struct Overview {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub by: By,
    pub lang: Lang,
    pub periods: Vec<Period>,
    pub total: Period,
}
