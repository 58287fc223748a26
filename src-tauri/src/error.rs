//! The error that crosses IPC: `{kind, message}`, the message already in the UI's
//! language. The UI reacts to `kind` (a stable code from the core, or `locked`),
//! never to the wording.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppError {
    pub kind: String,
    pub message: String,
    /// The form field it is about, when it is about one (see `naast::ground::error::Error::field`).
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl AppError {
    pub fn from_core(e: &naast::ground::error::Error, lang: naast::ground::lang::Lang) -> Self {
        AppError {
            kind: e.kind().to_string(),
            message: e.message(lang),
            field: e.field().map(String::from),
        }
    }

    pub fn locked(lang: naast::ground::lang::Lang) -> Self {
        let message = match lang {
            naast::ground::lang::Lang::Nl => "De kluis is vergrendeld.",
            naast::ground::lang::Lang::En => "The vault is locked.",
        };
        AppError {
            kind: "locked".into(),
            message: message.into(),
            field: None,
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;
