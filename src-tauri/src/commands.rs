//! The IPC surface: one line per command over the core. No rules live here; the
//! core validates everything, so the UI and the CLI meet the same checks. The list
//! is also the source of the UI's typed `commands.ts` (see `ipc`).

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
use ts_rs::TS;

use crate::error::AppResult;
use crate::state::AppState;

/// What the first screen needs to know.
#[derive(Serialize, TS)]
#[ts(export)]
pub struct AppStatus {
    pub vault: VaultInfo,
    pub unlocked: bool,
    pub lang: Lang,
}

/// Settings → Back-ups and the home screen's reminder.
#[derive(Serialize, TS)]
#[ts(export)]
pub struct BackupView {
    pub status: naast::backup::Status,
    /// Why the last automatic backup was not made, if it was not.
    pub warning: Option<String>,
}

/// A day as the field understood it: the value, how it is written back into the
/// field (`23-11-2026`), and the words beside it ("ma 23 nov. 2026, week 48").
#[derive(Serialize, TS)]
#[ts(export)]
pub struct DayRead {
    pub day: NaiveDate,
    pub text: String,
    pub label: String,
}

/// A moment as the field understood it (unix seconds; Dutch local time).
#[derive(Serialize, TS)]
#[ts(export)]
pub struct MomentRead {
    pub at: i64,
    pub text: String,
    pub label: String,
}

/// What a restore did.
#[derive(Serialize, TS)]
#[ts(export)]
pub struct Restored {
    /// Where the vault that was there before now lies.
    pub kept: Option<String>,
    pub contacts: i64,
}

/// What the check after unlocking found.
#[derive(Serialize, TS)]
#[ts(export)]
pub struct Health {
    /// False while the check still runs.
    pub checked: bool,
    /// One line per problem, in the UI's language; empty when sound.
    pub problems: Vec<String>,
}

#[derive(Serialize, TS)]
#[ts(export)]
pub struct SummaryFacts {
    pub contacts: i64,
    pub people: i64,
    pub minutes: i64,
    pub agenda: usize,
    /// Words that look like names Naast does not know: each needs a choice before
    /// the summary is printed or saved.
    pub suspects: Vec<naast::redact::Suspect>,
}

impl AppStatus {
    pub fn of(s: &AppState) -> AppResult<AppStatus> {
        Ok(AppStatus {
            vault: s.map(Vault::inspect(&s.path))?,
            unlocked: s.is_open(),
            lang: s.lang(),
        })
    }
}

crate::ipc::commands! {
fn app_status(s, app) -> AppStatus {
    AppStatus::of(&s)
}

/// Whether the OS keyring answers; when it does not, the UI offers passphrase mode.
/// Asked apart from `app_status`, after the first screen is shown: a Secret Service
/// session costs 20–60 ms of key exchange, which the first screen need not wait for.
fn keyring_available(s, app) -> bool {
    Ok(s.store.load("naast-probe").is_ok())
}

fn set_lang(s, app; lang: Lang) -> () {
    s.set_lang(lang);
    Ok(())
}

fn vault_create(s, app; passphrase: Option<String>) -> String {
    let (v, code) = s.map(Vault::init(&s.path, &s.store, passphrase.as_deref()))?;
    s.set_open(Ok(v))?;
    Ok(code.to_string())
}

fn vault_unlock(s, app; passphrase: Option<String>) -> () {
    s.set_open(Vault::open(&s.path, &s.store, passphrase.as_deref()))
}

fn vault_recover(s, app; code: String, passphrase: Option<String>) -> () {
    s.set_open(Vault::recover(
        &s.path,
        &code,
        &s.store,
        passphrase.as_deref(),
    ))
}

/// Closes the vault and any window that shows what was in it.
fn vault_lock(s, app) -> () {
    use tauri::Manager;
    if let Some(w) = app.get_webview_window(crate::print::PRINT_WINDOW) {
        let _ = w.close();
    }
    s.close_with_backup();
    Ok(())
}

/// Settings → Over Naast: the same facts as `naast about`.
fn about(s, app) -> naast::about::About {
    s.with_v(|v| naast::about::about(v, s.lang()))
}

fn settings_get(s, app) -> Settings {
    s.with(settings::load)
}

fn settings_set(s, app; settings: Settings) -> () {
    s.set_lang(settings.lang);
    s.with(|c| settings::save(c, &settings))
}

fn person_list(s, app) -> Vec<Person> {
    s.with(person::list)
}

fn person_add(s, app; person: NewPerson) -> Person {
    s.with(|c| person::add(c, &person))
}

fn person_detail(s, app; id: i64) -> Detail {
    s.with(|c| person::view(c, id))
}

fn person_own_words(s, app; id: i64, wishes: String, strengths: String) -> () {
    s.with(|c| person::set_own_words(c, id, &wishes, &strengths))
}

fn person_close(s, app; id: i64) -> () {
    s.with(|c| person::set_active(c, id, false))
}

fn person_erase(s, app; id: i64) -> usize {
    s.with(|c| person::erase(c, id))
}

fn circle_add(s, app; person: i64, name: String, role: String, formal: bool) -> CircleMember {
    s.with(|c| person::add_member(c, person, &name, &role, formal))
}

fn circle_update(s, app; id: i64, name: String, role: String, formal: bool) -> CircleMember {
    s.with(|c| person::update_member(c, id, &name, &role, formal))
}

/// Today: consents to them end at once, what was shared with them stays recorded.
fn circle_remove(s, app; id: i64) -> person::Removal {
    s.with(|c| person::remove_member(c, id, time::today()))
}

fn consent_add(s, app; member: i64, scope: String, discussed_on: NaiveDate, until: NaiveDate) -> Consent {
    s.with(|c| person::add_consent_for(c, member, &scope, discussed_on, until))
}

/// Withdrawn today: sharing and copying for that recipient stop at once.
fn consent_withdraw(s, app; id: i64) -> () {
    s.with(|c| person::withdraw_consent(c, id, time::today()))
}

fn contact_add(s, app; contact: NewContact) -> i64 {
    s.with(|c| contact::add(c, &contact))
}

fn contact_update(s, app; id: i64, contact: NewContact) -> () {
    s.with(|c| contact::update(c, id, &contact))
}

fn contact_get(s, app; id: i64) -> Contact {
    s.with(|c| contact::get(c, id))
}

fn contact_delete(s, app; id: i64) -> Contact {
    s.with(|c| contact::delete(c, id))
}

fn contact_page(s, app; filter: Filter, after: Option<Cursor>, limit: u32) -> Vec<Contact> {
    s.with(|c| contact::list(c, &filter, after, Some(limit.min(200))))
}

fn contact_count(s, app; filter: Filter) -> i64 {
    s.with(|c| contact::count(c, &filter))
}

fn contact_last_mode(s, app) -> Option<naast::model::Mode> {
    s.with(contact::last_mode)
}

/// The people of the last contact, offered first in the picker.
fn contact_last_persons(s, app) -> Vec<i64> {
    s.with(contact::last_persons)
}

/// The order for what is typed (see `contact::rank_people`), everyone; the picker
/// keeps the active people.
fn person_rank(s, app; typed: String) -> Vec<i64> {
    s.with(|c| Ok(contact::rank_people(&person::list(c)?, &typed)))
}

/// Mensen: everyone with their last contact and next check-in.
fn person_overview(s, app) -> Vec<person::PersonRow> {
    s.with(person::overview)
}

fn search_notes(s, app; query: String, filter: Filter) -> Vec<Hit> {
    s.with(|c| search::run(c, &query, &filter, 50))
}

/// Overzicht's search: a page, with how many match in all.
fn search_page(s, app; query: String, filter: Filter, order: search::Order, offset: u32, limit: u32) -> search::Page {
    s.with(|c| search::page(c, &query, &filter, order, offset, limit))
}

fn language_hints(s, app; text: String) -> Vec<String> {
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

fn draft_save(s, app; contact: Option<i64>, body: String, persons: Vec<i64>) -> () {
    s.with(|c| draft::save(c, contact, &body, &persons))
}

fn draft_load(s, app; contact: Option<i64>) -> Option<draft::Draft> {
    s.with(|c| draft::load(c, contact))
}

fn bridge_list(s, app; person: Option<i64>) -> Vec<bridge::BridgeNote> {
    s.with(|c| bridge::list(c, person, None))
}

fn bridge_add(s, app; note: bridge::NewBridgeNote) -> bridge::BridgeNote {
    s.with(|c| bridge::add(c, &note))
}

/// A draft's text and own words, changed (only a draft can be).
fn bridge_edit(s, app; id: i64, text: String, voice: String) -> bridge::BridgeNote {
    s.with(|c| bridge::edit(c, id, &text, &voice))
}

fn bridge_share(s, app; id: i64) -> bridge::BridgeNote {
    s.with(|c| bridge::share(c, id, time::today()))
}

fn bridge_answer(s, app; id: i64, answer: String) -> bridge::BridgeNote {
    s.with(|c| bridge::answer(c, id, &answer))
}

fn bridge_close(s, app; id: i64) -> bridge::BridgeNote {
    s.with(|c| bridge::close(c, id))
}

/// "Kopiëren als tekst": counts as sharing (consent needed, logged), names replaced
/// at the chosen level.
fn bridge_text(s, app; id: i64, level: naast::redact::Level) -> String {
    s.with(|c| bridge::copy_for_others(c, id, level, s.lang(), time::today()))
}

fn checkins_open(s, app) -> Vec<followup::FollowUp> {
    s.with(|c| followup::open(c, None))
}

fn checkin_add(s, app; person: i64, due: NaiveDate, why: String) -> followup::FollowUp {
    s.with(|c| followup::add(c, person, due, &why))
}

fn checkin_done(s, app; id: i64) -> followup::FollowUp {
    s.with(|c| followup::done(c, id, time::today()))
}

fn checkin_move(s, app; id: i64, due: NaiveDate) -> followup::FollowUp {
    s.with(|c| followup::move_to(c, id, due))
}

/// "Klaar om te wissen?": closed longer than the settings' months.
fn ready_to_erase(s, app) -> Vec<Person> {
    s.with(|c| {
        let months = settings::load(c)?.erase_after_months;
        person::ready_to_erase(c, time::today(), months)
    })
}

fn stagnation(s, app) -> Vec<followup::Stagnant> {
    s.with(|c| {
        settings::load(c).and_then(|st| followup::stagnation(c, time::today(), st.stagnation_weeks))
    })
}

fn colleague_plan(s, app; person: i64, incident: NaiveDate) -> Vec<followup::FollowUp> {
    s.with(|c| followup::plan_colleague(c, person, incident))
}

fn today(s, app) -> NaiveDate {
    Ok(time::today())
}

fn summary_preview(s, app; options: summary::Options) -> SummaryFacts {
    let (sum, suspects) = s.with(|c| summary::compute_checked(c, &options, time::today()))?;
    s.set_rendered(crate::state::Rendered {
        html: summary::html::render(&sum),
        person_ids: sum.person_ids.clone(),
        options,
        suspects: suspects.clone(),
    });
    Ok(SummaryFacts {
        contacts: sum.totals.contacts,
        people: sum.totals.people,
        minutes: sum.totals.minutes,
        agenda: sum.agenda.len(),
        suspects,
    })
}

/// "Is geen naam": remembered in the vault, never asked about again.
fn summary_not_name(s, app; word: String) -> () {
    s.with(|c| naast::redact::add_not_name(c, &word).map(|_| ()))
}

/// Prints the summary on screen; true when the person confirmed the print dialog,
/// and only then is it logged.
fn summary_print(s, app) -> bool {
    crate::print::print_summary(app, &s).await
}

/// Saves the summary on screen; false when the person cancelled.
fn summary_save(s, app) -> bool {
    crate::print::save_summary(&app, &s)
}

/// The check after unlocking (see `AppState::set_open`).
fn vault_health(s, app) -> Health {
    let found = s.health();
    Ok(Health {
        checked: found.is_some(),
        problems: found.unwrap_or_default(),
    })
}

/// Sets or changes the passphrase; from keyring mode it also deletes the key from
/// the keyring.
fn key_set_passphrase(s, app; passphrase: String) -> () {
    let store = s.store.clone();
    s.with_vault(|v| v.set_passphrase(&store, &passphrase))
}

/// Moves the key into the keyring; the passphrase slot goes.
fn key_use_keyring(s, app) -> () {
    let store = s.store.clone();
    s.with_vault(|v| v.use_keyring(&store))
}

/// A new key: its recovery code, to show once and have confirmed. Nothing is
/// re-encrypted yet; either code opens the vault until `key_rekey_finish`.
fn key_rekey_begin(s, app) -> String {
    let mut code = String::new();
    s.with_vault(|v| {
        code = v.rekey_begin()?.to_string();
        Ok(())
    })?;
    Ok(code)
}

fn key_rekey_cancel(s, app) -> () {
    s.with_vault(|v| v.rekey_cancel())
}

/// Re-encrypts the vault under the new key, on a thread of its own (seconds at a
/// million contacts). The vault is back, under whichever key holds, either way.
fn key_rekey_finish(s, app; passphrase: Option<String>) -> () {
    let v = s.take()?;
    let store = s.store.clone();
    let path = s.path.clone();
    let outcome = tauri::async_runtime::spawn_blocking(move || {
        match v.rekey_finish(&store, passphrase.as_deref()) {
            Ok(v) => (Ok(()), Some(v)),
            Err(e) => (Err(e), Vault::open(&path, &store, passphrase.as_deref()).ok()),
        }
    })
    .await;
    match outcome {
        Ok((result, vault)) => {
            if let Some(v) = vault {
                s.put_back(v);
            }
            s.map(result)
        }
        Err(_) => Err(crate::error::AppError::locked(s.lang())),
    }
}

/// The audit log, newest first, a page at a time.
fn log_list(s, app; query: naast::audit::Query, limit: u32) -> Vec<naast::audit::Entry> {
    s.with(|c| naast::audit::list(c, &query, Some(limit.min(500))))
}

/// Walks the log's hash chain.
fn log_verify(s, app) -> naast::audit::Verification {
    s.with(naast::audit::verify)
}

/// Saves the lines matching the query as CSV where the person chooses; false when
/// they cancelled. An export of the log is itself logged.
fn log_export_csv(s, app; query: naast::audit::Query) -> bool {
    crate::print::save_log_csv(&app, &s, &query)
}

fn actor_get(s, app) -> naast::audit::Actor {
    s.with(naast::audit::actor)
}

/// Who the log names: asked once at first run, optional.
fn actor_set(s, app; actor: naast::audit::Actor) -> () {
    s.with(|c| naast::audit::set_actor(c, &actor))
}

/// "Alles over deze persoon": the readable document and the JSON, into a folder the
/// person picks; the folder, or nothing when they cancelled.
fn person_export(s, app; id: i64) -> Option<String> {
    crate::print::export_dossier(&app, &s, id)
}

fn backup_status(s, app) -> BackupView {
    let status = s.with_v(|v| {
        naast::backup::status(v, &settings::load(v.conn())?, chrono::Utc::now())
    })?;
    Ok(BackupView {
        status,
        warning: s.backup_warning(),
    })
}

fn backup_list(s, app) -> Vec<naast::backup::Backup> {
    s.with_v(|v| {
        let dir = naast::backup::folder(v, &settings::load(v.conn())?);
        match naast::backup::list(v, &dir) {
            Err(naast::Error::BackupFolderMissing(_)) => Ok(Vec::new()),
            other => other,
        }
    })
}

/// "Nu maken": the backup is written and checked on a thread of its own, through a
/// connection of its own; the app keeps working meanwhile.
fn backup_now(s, app) -> naast::backup::Backup {
    crate::backup::run(&s, None).await
}

/// Called by the app every few minutes: makes the daily backup when one is due. A
/// failure is kept as a quiet warning for the home screen, never an error dialog.
fn backup_auto(s, app) -> Option<naast::backup::Backup> {
    let due = s.with_v(|v| {
        naast::backup::due(v, naast::backup::Trigger::Daily, chrono::Utc::now())
    })?;
    if !due {
        return Ok(None);
    }
    Ok(crate::backup::run(&s, None).await.ok())
}

/// "Controleren": the restore drill, read-only, on a thread of its own.
fn backup_verify(s, app; path: String) -> naast::backup::Report {
    crate::backup::verify(&s, path.into()).await
}

fn backup_pick_folder(s, app) -> Option<String> {
    Ok(crate::backup::pick_folder(&app).await)
}

fn backup_pick_file(s, app) -> Option<String> {
    Ok(crate::backup::pick_file(&app).await)
}

/// Puts a backup back. With a vault open (Settings), that vault is closed and kept
/// under a dated name first; on the first screen, the recovery code gives the key.
fn backup_restore(s, app; path: String, code: Option<String>, passphrase: Option<String>) -> Restored {
    crate::backup::restore(&s, path.into(), code, passphrase).await
}

/// The app's date fields: typed text read by the core, day-month-year and 24-hour
/// whatever the system's locale.
fn read_day(s, app; text: String, lean: time::Lean) -> DayRead {
    let day = s.map(time::read_day(&text, time::today(), lean))?;
    Ok(DayRead {
        day,
        text: time::day_text(day),
        label: time::day_label(day, s.lang()),
    })
}

fn read_moment(s, app; text: String) -> MomentRead {
    let at = s.map(time::read_moment(&text, chrono::Utc::now()))?.timestamp();
    Ok(MomentRead {
        at,
        text: time::moment_text(at),
        label: time::moment_label(at, s.lang()),
    })
}

/// How a stored day is shown in its field.
fn describe_day(s, app; day: NaiveDate) -> DayRead {
    Ok(DayRead {
        day,
        text: time::day_text(day),
        label: time::day_label(day, s.lang()),
    })
}

fn describe_moment(s, app; at: i64) -> MomentRead {
    Ok(MomentRead {
        at,
        text: time::moment_text(at),
        label: time::moment_label(at, s.lang()),
    })
}
}
