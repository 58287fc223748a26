//! The words Naast is unsure of, on the command line: each one a warning on stderr
//! with what it may be, and the answers `--replace WORD=WITH` and `--not-name`
//! (shared by `naast summary` and `naast bridge show`).

use naast::ground::error::{Error, Invalid, Result};
use naast::ground::lang::Lang;
use naast::records::person;
use naast::ways::redact::{ExtraName, Replacement, Suspect, SuspectKind};

/// `WORD=WITH`: a person when WITH is someone's alias or code, else a role.
pub fn replacement(conn: &naast::store::db::Connection, arg: &str) -> Result<ExtraName> {
    let Some((word, with)) = arg.split_once('=') else {
        return Err(Invalid::Replacement(arg.into()).into());
    };
    let (word, with) = (word.trim(), with.trim());
    if word.is_empty() || with.is_empty() {
        return Err(Invalid::Replacement(arg.into()).into());
    }
    let with = match person::find(conn, with) {
        Ok(p) => Replacement::Person(p.id),
        Err(Error::NotFound { .. }) => Replacement::Role(with.to_string()),
        Err(e) => return Err(e),
    };
    Ok(ExtraName {
        word: word.to_string(),
        with,
    })
}

/// One line per suspect; the word only, never the text around it. `nl` and `en`
/// name the output ("samenvatting", "summary").
pub fn warning(s: &Suspect, lang: Lang, nl: &str, en: &str) -> String {
    let (w, n) = (&s.word, s.count);
    match lang {
        Lang::Nl => {
            let what = match s.kind {
                SuspectKind::Name => "een naam die Naast niet kent",
                SuspectKind::Place => "een plaats of straat",
                SuspectKind::Institution => "een zorginstelling",
            };
            format!(
                "waarschuwing: \"{w}\" lijkt {what} ({n}×) en staat zo in de {nl}; vervang met --replace \"{w}=…\" of markeer met --not-name \"{w}\""
            )
        }
        Lang::En => {
            let what = match s.kind {
                SuspectKind::Name => "a name Naast does not know",
                SuspectKind::Place => "a place or street",
                SuspectKind::Institution => "a care institution",
            };
            format!(
                "warning: \"{w}\" looks like {what} ({n}×) and is in the {en} as written; replace it with --replace \"{w}=…\" or mark it with --not-name \"{w}\""
            )
        }
    }
}
