//! The IPC surface: one line per command over the core. No rules live here; the
//! core validates everything, so the UI and the CLI meet the same checks.

use chrono::NaiveDate;
use naast::contact::{Contact, Cursor, Filter, NewContact};
use naast::person::{CircleMember, Consent, Detail, NewPerson, Person};
use naast::search::Hit;
use naast::settings::Settings;
use naast::vault::{KeyStore, Vault, VaultInfo};
use naast::{
    bridge, contact, draft, followup, language, person, search, settings, summary, time, Lang,
};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::AppResult;
use crate::state::AppState;

type S<'a> = State<'a, AppState>;

/// What the first screen needs to know.
#[derive(Serialize, TS)]
#[ts(export)]
pub struct AppStatus {
    pub vault: VaultInfo,
    pub unlocked: bool,
    /// Whether the OS keyring answers; when it does not, the UI offers passphrase mode.
    pub keyring: bool,
    pub lang: Lang,
}

#[derive(Serialize, TS)]
#[ts(export)]
pub struct SummaryFacts {
    pub contacts: i64,
    pub people: i64,
    pub minutes: i64,
    pub agenda: usize,
}

#[tauri::command]
pub fn app_status(s: S) -> AppResult<AppStatus> {
    Ok(AppStatus {
        vault: s.map(Vault::inspect(&s.path))?,
        unlocked: s.is_open(),
        keyring: s.store.load("naast-probe").is_ok(),
        lang: s.lang(),
    })
}

#[tauri::command]
pub fn set_lang(s: S, lang: Lang) {
    s.set_lang(lang)
}

#[tauri::command]
pub fn vault_create(s: S, passphrase: Option<String>) -> AppResult<String> {
    let (v, code) = s.map(Vault::init(&s.path, &s.store, passphrase.as_deref()))?;
    s.set_open(Ok(v))?;
    Ok(code.to_string())
}

#[tauri::command]
pub fn vault_unlock(s: S, passphrase: Option<String>) -> AppResult<()> {
    s.set_open(Vault::open(&s.path, &s.store, passphrase.as_deref()))
}

#[tauri::command]
pub fn vault_recover(s: S, code: String, passphrase: Option<String>) -> AppResult<()> {
    s.set_open(Vault::recover(
        &s.path,
        &code,
        &s.store,
        passphrase.as_deref(),
    ))
}

/// Closes the vault and any window that shows what was in it.
#[tauri::command]
pub fn vault_lock(app: tauri::AppHandle, s: S) {
    use tauri::Manager;
    if let Some(w) = app.get_webview_window(crate::print::PRINT_WINDOW) {
        let _ = w.close();
    }
    s.close()
}

#[tauri::command]
pub fn settings_get(s: S) -> AppResult<Settings> {
    s.with(settings::load)
}

#[tauri::command]
pub fn settings_set(s: S, settings: Settings) -> AppResult<()> {
    s.set_lang(settings.lang);
    s.with(|c| settings::save(c, &settings))
}

#[tauri::command]
pub fn person_list(s: S) -> AppResult<Vec<Person>> {
    s.with(person::list)
}

#[tauri::command]
pub fn person_add(s: S, person: NewPerson) -> AppResult<Person> {
    s.with(|c| person::add(c, &person))
}

#[tauri::command]
pub fn person_detail(s: S, id: i64) -> AppResult<Detail> {
    s.with(|c| person::detail(c, id))
}

#[tauri::command]
pub fn person_own_words(s: S, id: i64, wishes: String, strengths: String) -> AppResult<()> {
    s.with(|c| person::set_own_words(c, id, &wishes, &strengths))
}

#[tauri::command]
pub fn person_close(s: S, id: i64) -> AppResult<()> {
    s.with(|c| person::set_active(c, id, false))
}

#[tauri::command]
pub fn person_erase(s: S, id: i64) -> AppResult<usize> {
    s.with(|c| person::erase(c, id))
}

#[tauri::command]
pub fn circle_add(
    s: S,
    person: i64,
    name: String,
    role: String,
    formal: bool,
) -> AppResult<CircleMember> {
    s.with(|c| person::add_member(c, person, &name, &role, formal))
}

#[tauri::command]
pub fn consent_add(
    s: S,
    member: i64,
    scope: String,
    discussed_on: NaiveDate,
    until: NaiveDate,
) -> AppResult<Consent> {
    s.with(|c| person::add_consent_for(c, member, &scope, discussed_on, until))
}

#[tauri::command]
pub fn contact_add(s: S, contact: NewContact) -> AppResult<i64> {
    s.with(|c| contact::add(c, &contact))
}

#[tauri::command]
pub fn contact_update(s: S, id: i64, contact: NewContact) -> AppResult<()> {
    s.with(|c| contact::update(c, id, &contact))
}

#[tauri::command]
pub fn contact_get(s: S, id: i64) -> AppResult<Contact> {
    s.with(|c| contact::get(c, id))
}

#[tauri::command]
pub fn contact_delete(s: S, id: i64) -> AppResult<Contact> {
    s.with(|c| contact::delete(c, id))
}

#[tauri::command]
pub fn contact_page(
    s: S,
    filter: Filter,
    after: Option<Cursor>,
    limit: u32,
) -> AppResult<Vec<Contact>> {
    s.with(|c| contact::list(c, &filter, after, Some(limit.min(200))))
}

#[tauri::command]
pub fn contact_count(s: S, filter: Filter) -> AppResult<i64> {
    s.with(|c| contact::count(c, &filter))
}

#[tauri::command]
pub fn contact_last_mode(s: S) -> AppResult<Option<naast::model::Mode>> {
    s.with(contact::last_mode)
}

#[tauri::command]
pub fn search_notes(s: S, query: String, filter: Filter) -> AppResult<Vec<Hit>> {
    s.with(|c| search::search(c, &query, &filter, 50))
}

#[tauri::command]
pub fn language_hints(s: S, text: String) -> AppResult<Vec<String>> {
    s.with(|c| {
        settings::load(c).map(|st| {
            language::hints(
                &text,
                if st.lang == Lang::En {
                    &st.hint_words_en
                } else {
                    &st.hint_words_nl
                },
            )
        })
    })
}

#[tauri::command]
pub fn draft_save(s: S, contact: Option<i64>, body: String, persons: Vec<i64>) -> AppResult<()> {
    s.with(|c| draft::save(c, contact, &body, &persons))
}

#[tauri::command]
pub fn draft_load(s: S, contact: Option<i64>) -> AppResult<Option<draft::Draft>> {
    s.with(|c| draft::load(c, contact))
}

#[tauri::command]
pub fn bridge_list(s: S, person: Option<i64>) -> AppResult<Vec<bridge::BridgeNote>> {
    s.with(|c| bridge::list(c, person, None))
}

#[tauri::command]
pub fn bridge_add(s: S, note: bridge::NewBridgeNote) -> AppResult<bridge::BridgeNote> {
    s.with(|c| bridge::add(c, &note))
}

#[tauri::command]
pub fn bridge_share(s: S, id: i64) -> AppResult<bridge::BridgeNote> {
    s.with(|c| bridge::share(c, id, time::today()))
}

#[tauri::command]
pub fn bridge_answer(s: S, id: i64, answer: String) -> AppResult<bridge::BridgeNote> {
    s.with(|c| bridge::answer(c, id, &answer))
}

#[tauri::command]
pub fn bridge_close(s: S, id: i64) -> AppResult<bridge::BridgeNote> {
    s.with(|c| bridge::close(c, id))
}

#[tauri::command]
pub fn bridge_text(s: S, id: i64) -> AppResult<String> {
    s.with(|c| bridge::get(c, id).map(|b| b.plain_text()))
}

#[tauri::command]
pub fn checkins_open(s: S) -> AppResult<Vec<followup::FollowUp>> {
    s.with(|c| followup::open(c, None))
}

#[tauri::command]
pub fn checkin_add(
    s: S,
    person: i64,
    due: NaiveDate,
    why: String,
) -> AppResult<followup::FollowUp> {
    s.with(|c| followup::add(c, person, due, &why))
}

#[tauri::command]
pub fn checkin_done(s: S, id: i64) -> AppResult<followup::FollowUp> {
    s.with(|c| followup::done(c, id, time::today()))
}

#[tauri::command]
pub fn checkin_move(s: S, id: i64, due: NaiveDate) -> AppResult<followup::FollowUp> {
    s.with(|c| followup::move_to(c, id, due))
}

#[tauri::command]
pub fn stagnation(s: S) -> AppResult<Vec<followup::Stagnant>> {
    s.with(|c| {
        settings::load(c).and_then(|st| followup::stagnation(c, time::today(), st.stagnation_weeks))
    })
}

#[tauri::command]
pub fn colleague_plan(
    s: S,
    person: i64,
    incident: NaiveDate,
) -> AppResult<Vec<followup::FollowUp>> {
    s.with(|c| followup::plan_colleague(c, person, incident))
}

#[tauri::command]
pub fn today() -> NaiveDate {
    time::today()
}

#[tauri::command]
pub fn summary_preview(s: S, options: summary::Options) -> AppResult<SummaryFacts> {
    let sum = s.with(|c| summary::compute(c, &options, time::today()))?;
    s.set_rendered(crate::state::Rendered {
        html: summary::html::render(&sum),
        person_ids: sum.person_ids.clone(),
        options,
    });
    Ok(SummaryFacts {
        contacts: sum.totals.contacts,
        people: sum.totals.people,
        minutes: sum.totals.minutes,
        agenda: sum.agenda.len(),
    })
}

/// Prints the summary on screen; true when the person confirmed the print dialog,
/// and only then is it logged.
#[tauri::command]
pub async fn summary_print(app: tauri::AppHandle, s: S<'_>) -> AppResult<bool> {
    crate::print::print_summary(app, &s).await
}

/// Saves the summary on screen; false when the person cancelled.
#[tauri::command]
pub async fn summary_save(app: tauri::AppHandle, s: S<'_>) -> AppResult<bool> {
    crate::print::save_summary(&app, &s)
}
