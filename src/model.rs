//! The small closed vocabularies of the domain: support types, modes, initiative and
//! the context a person is seen in. Their names are the public CLI and JSON names.

use serde::{Deserialize, Serialize};

use crate::error::{Invalid, Result};

macro_rules! vocabulary {
    ($(#[$m:meta])* $name:ident, $err:ident, { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Result<Self> {
                let t = s.trim().to_ascii_lowercase();
                match t.as_str() {
                    $($text => Ok($name::$variant),)+
                    _ => Err(Invalid::$err(s.to_string()).into()),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary!(
    /// The four kinds of support every contact is tagged with (seed 003).
    Support, Support, {
        Practical = "practical",
        Emotional = "emotional",
        Informational = "informational",
        Navigation = "navigation",
    }
);

vocabulary!(Mode, Mode, {
    FaceToFace = "face-to-face",
    Walk = "walk",
    HomeVisit = "home-visit",
    Phone = "phone",
    Video = "video",
    Chat = "chat",
    Group = "group",
});

vocabulary!(Initiative, Initiative, {
    Person = "person",
    Me = "me",
    Other = "other",
});

vocabulary!(Context, Context, {
    Client = "client",
    Youth = "youth",
    Colleague = "colleague",
    GroupMember = "group-member",
});

impl Support {
    pub fn bit(self) -> i64 {
        match self {
            Support::Practical => 1,
            Support::Emotional => 2,
            Support::Informational => 4,
            Support::Navigation => 8,
        }
    }

    pub fn nl(self) -> &'static str {
        match self {
            Support::Practical => "praktisch",
            Support::Emotional => "emotioneel",
            Support::Informational => "informatief",
            Support::Navigation => "navigatie",
        }
    }

    /// Accepts the Dutch words too: `praktisch,emotioneel`.
    pub fn parse_any(s: &str) -> Result<Self> {
        Support::parse(s).or_else(|e| {
            Support::ALL
                .iter()
                .copied()
                .find(|t| t.nl() == s.trim().to_lowercase())
                .ok_or(e)
        })
    }

    pub fn from_bits(bits: i64) -> Vec<Support> {
        Support::ALL
            .iter()
            .copied()
            .filter(|s| bits & s.bit() != 0)
            .collect()
    }

    pub fn to_bits(set: &[Support]) -> i64 {
        set.iter().fold(0, |acc, s| acc | s.bit())
    }

    /// `practical,emotional` → both; empty parts are ignored.
    pub fn parse_list(s: &str) -> Result<Vec<Support>> {
        let mut out: Vec<Support> = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let t = Support::parse_any(part)?;
            if !out.contains(&t) {
                out.push(t);
            }
        }
        out.sort();
        Ok(out)
    }
}

impl Mode {
    pub fn nl(self) -> &'static str {
        match self {
            Mode::FaceToFace => "face-to-face",
            Mode::Walk => "wandeling",
            Mode::HomeVisit => "huisbezoek",
            Mode::Phone => "telefoon",
            Mode::Video => "beeldbellen",
            Mode::Chat => "chat",
            Mode::Group => "groep",
        }
    }
}

vocabulary!(
    /// Why a bridge note is written (DOMAIN.md).
    BridgeKind, BridgeKind, {
        Experience = "experience",
        Stagnation = "stagnation",
        Question = "question",
        Signal = "signal",
    }
);

impl BridgeKind {
    /// The word a reader of a copied bridge note sees.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::{En, Nl};
        match (self, lang) {
            (BridgeKind::Experience, Nl) => "ervaring",
            (BridgeKind::Stagnation, Nl) => "stagnatie",
            (BridgeKind::Question, Nl) => "vraag",
            (BridgeKind::Signal, Nl) => "signaal",
            (BridgeKind::Experience, En) => "experience",
            (BridgeKind::Stagnation, En) => "stagnation",
            (BridgeKind::Question, En) => "question",
            (BridgeKind::Signal, En) => "signal",
        }
    }
}
