//! The small closed vocabularies of the domain: support types, modes, initiative, the
//! context a person is seen in, bridge-note kinds and statuses, check-in rhythms and
//! the actions of the audit log. Their names are the public CLI and JSON names.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ground::error::{Invalid, Result};
use crate::ground::lang::Lang;

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
            pub fn label(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Nl => match self { $($name::$variant => $nl),+ },
                    Lang::En => match self { $($name::$variant => $en),+ },
                }
            }

            /// Every word of this vocabulary in `lang`, keyed by its name.
            pub fn labels(lang: Lang) -> std::collections::BTreeMap<&'static str, &'static str> {
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
        self.label(Lang::Nl)
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
        self.label(Lang::Nl)
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

/// What happened. The names are stable: they are in the log and its exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "LogAction"))]
pub enum Action {
    Create,
    Change,
    Delete,
    Erase,
    /// A person's page (or everything about them) was opened.
    View,
    Search,
    Print,
    Save,
    Export,
    /// Copied as text (a bridge note).
    Copy,
    Share,
    Backup,
    Restore,
    Unlock,
    Lock,
    /// The key or the way it is kept changed.
    Key,
    Prune,
}

impl Action {
    pub const ALL: &'static [Action] = &[
        Action::Create,
        Action::Change,
        Action::Delete,
        Action::Erase,
        Action::View,
        Action::Search,
        Action::Print,
        Action::Save,
        Action::Export,
        Action::Copy,
        Action::Share,
        Action::Backup,
        Action::Restore,
        Action::Unlock,
        Action::Lock,
        Action::Key,
        Action::Prune,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Change => "change",
            Action::Delete => "delete",
            Action::Erase => "erase",
            Action::View => "view",
            Action::Search => "search",
            Action::Print => "print",
            Action::Save => "save",
            Action::Export => "export",
            Action::Copy => "copy",
            Action::Share => "share",
            Action::Backup => "backup",
            Action::Restore => "restore",
            Action::Unlock => "unlock",
            Action::Lock => "lock",
            Action::Key => "key",
            Action::Prune => "prune",
        }
    }

    pub fn parse(s: &str) -> Result<Action> {
        let t = s.trim().to_ascii_lowercase();
        Action::ALL
            .iter()
            .copied()
            .find(|a| a.as_str() == t)
            .ok_or_else(|| Invalid::LogAction(s.to_string()).into())
    }

    /// The word a person reads in the log view and the export for the person.
    pub fn label(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Action::Create => ("aangemaakt", "created"),
            Action::Change => ("gewijzigd", "changed"),
            Action::Delete => ("verwijderd", "deleted"),
            Action::Erase => ("gewist", "erased"),
            Action::View => ("ingezien", "viewed"),
            Action::Search => ("gezocht", "searched"),
            Action::Print => ("afgedrukt", "printed"),
            Action::Save => ("opgeslagen als bestand", "saved as a file"),
            Action::Export => ("geëxporteerd", "exported"),
            Action::Copy => ("gekopieerd als tekst", "copied as text"),
            Action::Share => ("gedeeld", "shared"),
            Action::Backup => ("back-up gemaakt", "backup made"),
            Action::Restore => ("back-up teruggezet", "backup restored"),
            Action::Unlock => ("kluis geopend", "vault opened"),
            Action::Lock => ("kluis vergrendeld", "vault locked"),
            Action::Key => ("sleutel gewijzigd", "key changed"),
            Action::Prune => ("oude regels opgeruimd", "old lines pruned"),
        };
        match lang {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    /// Whether the action sent something out of the vault.
    pub fn is_output(self) -> bool {
        matches!(
            self,
            Action::Print | Action::Save | Action::Export | Action::Copy | Action::Share
        )
    }
}

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

pub fn words(lang: Lang) -> Words {
    Words {
        supports: Support::labels(lang),
        modes: Mode::labels(lang),
        initiatives: Initiative::labels(lang),
        contexts: Context::labels(lang),
        bridge_kinds: BridgeKind::labels(lang),
        bridge_statuses: Status::labels(lang),
        log_actions: Action::ALL
            .iter()
            .map(|a| (a.as_str(), a.label(lang)))
            .collect(),
        rhythms: Rhythm::labels(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
