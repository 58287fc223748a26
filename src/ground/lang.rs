//! The language a person reads: Dutch first, English second. Every word the core
//! shows (messages, labels, the summary) is chosen by one of these.

/// The language of messages. Dutch is the default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum Lang {
    #[default]
    Nl,
    En,
}
