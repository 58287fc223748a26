//! The small closed vocabularies of the domain: support types, modes, initiative and
//! the context a person is seen in. Their names are the public CLI and JSON names.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Invalid, Result};

macro_rules! vocabulary {
    ($(#[$m:meta])* $name:ident, $err:ident, { $($variant:ident = $text:literal ($nl:literal, $en:literal)),+ $(,)? }) => {
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

            /// The word a person reads, in the UI, the summary and the CLI alike.
            pub fn label(self, lang: crate::Lang) -> &'static str {
                match lang {
                    crate::Lang::Nl => match self { $($name::$variant => $nl),+ },
                    crate::Lang::En => match self { $($name::$variant => $en),+ },
                }
            }

            /// Every word of this vocabulary in `lang`, keyed by its name.
            pub fn labels(lang: crate::Lang) -> std::collections::BTreeMap<&'static str, &'static str> {
                Self::ALL.iter().map(|v| (v.as_str(), v.label(lang))).collect()
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
        Practical = "practical" ("praktisch", "practical"),
        Emotional = "emotional" ("emotioneel", "emotional"),
        Informational = "informational" ("informatief", "informational"),
        Navigation = "navigation" ("navigatie", "navigation"),
    }
);

vocabulary!(Mode, Mode, {
    FaceToFace = "face-to-face" ("face-to-face", "face-to-face"),
    Walk = "walk" ("wandeling", "walk"),
    HomeVisit = "home-visit" ("huisbezoek", "home visit"),
    Phone = "phone" ("telefoon", "phone"),
    Video = "video" ("beeldbellen", "video"),
    Chat = "chat" ("chat", "chat"),
    Group = "group" ("groep", "group"),
});

vocabulary!(Initiative, Initiative, {
    Person = "person" ("de persoon", "the person"),
    Me = "me" ("ik", "me"),
    Other = "other" ("iemand anders", "someone else"),
});

vocabulary!(Context, Context, {
    Client = "client" ("cliënt", "client"),
    Youth = "youth" ("jongere", "young person"),
    Colleague = "colleague" ("collega", "colleague"),
    GroupMember = "group-member" ("groepslid", "group member"),
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
        self.label(crate::Lang::Nl)
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
        self.label(crate::Lang::Nl)
    }
}

vocabulary!(
    /// Why a bridge note is written (DOMAIN.md).
    BridgeKind, BridgeKind, {
        Experience = "experience" ("ervaring met zorg", "experience of care"),
        Stagnation = "stagnation" ("stagnatie", "stagnation"),
        Question = "question" ("vraag", "question"),
        Signal = "signal" ("signaal", "signal"),
    }
);

vocabulary!(
    /// Where a bridge note is in its life.
    Status, BridgeStatus, {
        Draft = "draft" ("concept", "draft"),
        Shared = "shared" ("gedeeld", "shared"),
        Answered = "answered" ("beantwoord", "answered"),
        Closed = "closed" ("gesloten", "closed"),
    }
);

vocabulary!(
    /// The two check-ins after an incident with a colleague (seed 004).
    Rhythm, Rhythm, {
        First = "first" ("eerste contact na het incident, binnen 72 uur", "first contact after the incident, within 72 hours"),
        Second = "second" ("tweede contact, rond twee weken na het incident", "second contact, around two weeks after the incident"),
    }
);

/// Every word of the closed vocabularies in one language. The app's `words.ts` is
/// generated from this, so the UI, the summary and the CLI never keep lists of their own.
#[derive(Debug, Clone, Serialize)]
pub struct Words {
    pub supports: BTreeMap<&'static str, &'static str>,
    pub modes: BTreeMap<&'static str, &'static str>,
    pub initiatives: BTreeMap<&'static str, &'static str>,
    pub contexts: BTreeMap<&'static str, &'static str>,
    pub bridge_kinds: BTreeMap<&'static str, &'static str>,
    pub bridge_statuses: BTreeMap<&'static str, &'static str>,
    pub log_actions: BTreeMap<&'static str, &'static str>,
    pub rhythms: BTreeMap<&'static str, &'static str>,
}

pub fn words(lang: crate::Lang) -> Words {
    Words {
        supports: Support::labels(lang),
        modes: Mode::labels(lang),
        initiatives: Initiative::labels(lang),
        contexts: Context::labels(lang),
        bridge_kinds: BridgeKind::labels(lang),
        bridge_statuses: Status::labels(lang),
        log_actions: crate::audit::Action::ALL
            .iter()
            .map(|a| (a.as_str(), a.label(lang)))
            .collect(),
        rhythms: Rhythm::labels(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn every_word_exists_in_both_languages_and_no_two_words_of_a_list_collide() {
        for lang in [Lang::Nl, Lang::En] {
            let w = words(lang);
            for list in [
                &w.supports,
                &w.modes,
                &w.initiatives,
                &w.contexts,
                &w.bridge_kinds,
                &w.bridge_statuses,
                &w.log_actions,
                &w.rhythms,
            ] {
                let mut seen: Vec<&str> = list.values().copied().collect();
                assert!(seen.iter().all(|v| !v.trim().is_empty()));
                seen.sort_unstable();
                let n = seen.len();
                seen.dedup();
                assert_eq!(
                    seen.len(),
                    n,
                    "two names share a word in {lang:?}: {list:?}"
                );
            }
        }
        assert_eq!(Mode::HomeVisit.label(Lang::En), "home visit");
        assert_eq!(
            Support::parse_any("emotioneel").ok(),
            Some(Support::Emotional)
        );
        assert_eq!(Status::parse("Shared").ok(), Some(Status::Shared));
    }
}
