// Generated from src-tauri/src/commands/ by `cargo test -p naast-app`. Do not edit:
// change the Rust command and run the tests again.

import type { About } from "./About";
import type { AppStatus } from "./AppStatus";
import type { Backup } from "./Backup";
import type { BackupReport } from "./BackupReport";
import type { BackupView } from "./BackupView";
import type { BridgeNote } from "./BridgeNote";
import type { CircleMember } from "./CircleMember";
import type { Consent } from "./Consent";
import type { Contact } from "./Contact";
import type { CopiedText } from "./CopiedText";
import type { Cursor } from "./Cursor";
import type { DayRead } from "./DayRead";
import type { Detail } from "./Detail";
import type { Draft } from "./Draft";
import type { ExportFormat } from "./ExportFormat";
import type { ExtraName } from "./ExtraName";
import type { Filter } from "./Filter";
import type { FollowUp } from "./FollowUp";
import type { GivenRating } from "./GivenRating";
import type { Goal } from "./Goal";
import type { GoalPatch } from "./GoalPatch";
import type { GoalStatus } from "./GoalStatus";
import type { Health } from "./Health";
import type { Hit } from "./Hit";
import type { HoursBy } from "./HoursBy";
import type { HoursOverview } from "./HoursOverview";
import type { ImportOptions } from "./ImportOptions";
import type { ImportOutcome } from "./ImportOutcome";
import type { ImportPreview } from "./ImportPreview";
import type { Lang } from "./Lang";
import type { Lean } from "./Lean";
import type { Level } from "./Level";
import type { LogActor } from "./LogActor";
import type { LogEntry } from "./LogEntry";
import type { LogQuery } from "./LogQuery";
import type { LogVerification } from "./LogVerification";
import type { Mode } from "./Mode";
import type { MomentRead } from "./MomentRead";
import type { NewBridgeNote } from "./NewBridgeNote";
import type { NewContact } from "./NewContact";
import type { NewGoal } from "./NewGoal";
import type { NewPerson } from "./NewPerson";
import type { NewRating } from "./NewRating";
import type { Options } from "./Options";
import type { Person } from "./Person";
import type { PersonRow } from "./PersonRow";
import type { Rating } from "./Rating";
import type { Removal } from "./Removal";
import type { Restored } from "./Restored";
import type { SearchOrder } from "./SearchOrder";
import type { SearchPage } from "./SearchPage";
import type { Settings } from "./Settings";
import type { SetupStep } from "./SetupStep";
import type { Stagnant } from "./Stagnant";
import type { SummaryFacts } from "./SummaryFacts";
import type { Suspect } from "./Suspect";

/** How a command is sent: the app's wrapper turns failures into typed errors. */
export type Call = <T>(cmd: string, args?: Record<string, unknown>) => Promise<T>;

export function makeCommands(call: Call) {
  return {
    appStatus: () => call<AppStatus>("app_status"),
    keyringAvailable: () => call<boolean>("keyring_available"),
    setLang: (lang: Lang) => call<null>("set_lang", { lang }),
    vaultCreate: (passphrase: string | null) => call<string>("vault_create", { passphrase }),
    vaultUnlock: (passphrase: string | null) => call<null>("vault_unlock", { passphrase }),
    vaultRecover: (code: string, passphrase: string | null) => call<null>("vault_recover", { code, passphrase }),
    setupRecoveryCode: () => call<string>("setup_recovery_code"),
    setupDone: (step: SetupStep) => call<null>("setup_done", { step }),
    vaultLock: () => call<null>("vault_lock"),
    appClose: () => call<null>("app_close"),
    about: () => call<About>("about"),
    settingsGet: () => call<Settings>("settings_get"),
    settingsSet: (settings: Settings) => call<null>("settings_set", { settings }),
    vaultHealth: () => call<Health>("vault_health"),
    keySetPassphrase: (current: string, passphrase: string) => call<null>("key_set_passphrase", { current, passphrase }),
    keyUseKeyring: (current: string) => call<null>("key_use_keyring", { current }),
    keyRekeyBegin: () => call<string>("key_rekey_begin"),
    keyRekeyCancel: () => call<null>("key_rekey_cancel"),
    keyRekeyFinish: (passphrase: string | null) => call<null>("key_rekey_finish", { passphrase }),
    personList: () => call<Array<Person>>("person_list"),
    personAdd: (person: NewPerson) => call<Person>("person_add", { person }),
    personDetail: (id: number) => call<Detail>("person_detail", { id }),
    personOwnWords: (id: number, wishes: string, strengths: string) => call<null>("person_own_words", { id, wishes, strengths }),
    personClose: (id: number) => call<null>("person_close", { id }),
    personErase: (id: number) => call<number>("person_erase", { id }),
    circleAdd: (person: number, name: string, role: string, formal: boolean) => call<CircleMember>("circle_add", { person, name, role, formal }),
    circleUpdate: (id: number, name: string, role: string, formal: boolean) => call<CircleMember>("circle_update", { id, name, role, formal }),
    circleRemove: (id: number) => call<Removal>("circle_remove", { id }),
    consentAdd: (member: number, scope: string, discussedOn: string, until: string) => call<Consent>("consent_add", { member, scope, discussedOn, until }),
    consentWithdraw: (id: number) => call<null>("consent_withdraw", { id }),
    personRank: (typed: string) => call<Array<number>>("person_rank", { typed }),
    personOverview: () => call<Array<PersonRow>>("person_overview"),
    readyToErase: () => call<Array<Person>>("ready_to_erase"),
    personExport: (id: number) => call<string | null>("person_export", { id }),
    planOn: (person: number) => call<boolean>("plan_on", { person }),
    planSet: (person: number, on: boolean) => call<null>("plan_set", { person, on }),
    goalList: (person: number) => call<Array<Goal>>("goal_list", { person }),
    goalAdd: (person: number, goal: NewGoal) => call<Goal>("goal_add", { person, goal }),
    goalChange: (id: number, patch: GoalPatch) => call<Goal>("goal_change", { id, patch }),
    goalStatus: (id: number, status: GoalStatus) => call<Goal>("goal_status", { id, status }),
    contactGoals: (id: number) => call<Array<number>>("contact_goals", { id }),
    goalRate: (id: number, rating: NewRating) => call<Rating>("goal_rate", { id, rating }),
    contactRatings: (id: number) => call<Array<GivenRating>>("contact_ratings", { id }),
    goalContacts: (id: number) => call<Array<Contact>>("goal_contacts", { id }),
    goalPrint: (person: number) => call<string | null>("goal_print", { person }),
    contactAdd: (contact: NewContact) => call<number>("contact_add", { contact }),
    contactUpdate: (id: number, contact: NewContact) => call<null>("contact_update", { id, contact }),
    contactGet: (id: number) => call<Contact>("contact_get", { id }),
    contactDelete: (id: number) => call<Contact>("contact_delete", { id }),
    contactPage: (filter: Filter, after: Cursor | null, limit: number) => call<Array<Contact>>("contact_page", { filter, after, limit }),
    contactCount: (filter: Filter) => call<number>("contact_count", { filter }),
    contactLastMode: () => call<Mode | null>("contact_last_mode"),
    contactLastPersons: () => call<Array<number>>("contact_last_persons"),
    searchNotes: (query: string, filter: Filter) => call<Array<Hit>>("search_notes", { query, filter }),
    searchPage: (query: string, filter: Filter, order: SearchOrder, offset: number, limit: number) => call<SearchPage>("search_page", { query, filter, order, offset, limit }),
    languageHints: (text: string) => call<Array<string>>("language_hints", { text }),
    draftSave: (contact: number | null, body: string, persons: Array<number>) => call<null>("draft_save", { contact, body, persons }),
    draftLoad: (contact: number | null) => call<Draft | null>("draft_load", { contact }),
    bridgeList: (person: number | null) => call<Array<BridgeNote>>("bridge_list", { person }),
    bridgeAdd: (note: NewBridgeNote) => call<BridgeNote>("bridge_add", { note }),
    bridgeEdit: (id: number, text: string, voice: string) => call<BridgeNote>("bridge_edit", { id, text, voice }),
    bridgeShare: (id: number) => call<BridgeNote>("bridge_share", { id }),
    bridgeAnswer: (id: number, answer: string) => call<BridgeNote>("bridge_answer", { id, answer }),
    bridgeClose: (id: number) => call<BridgeNote>("bridge_close", { id }),
    copyClearsAfter: () => call<number>("copy_clears_after"),
    bridgeCopy: (id: number, level: Level, extra: Array<ExtraName>) => call<CopiedText>("bridge_copy", { id, level, extra }),
    bridgeUnsure: (id: number, level: Level, extra: Array<ExtraName>) => call<Array<Suspect>>("bridge_unsure", { id, level, extra }),
    checkinsOpen: () => call<Array<FollowUp>>("checkins_open"),
    checkinAdd: (person: number, due: string, why: string) => call<FollowUp>("checkin_add", { person, due, why }),
    checkinPlanReview: (person: number, due: string, why: string) => call<FollowUp>("checkin_plan_review", { person, due, why }),
    checkinDone: (id: number) => call<FollowUp>("checkin_done", { id }),
    checkinMove: (id: number, due: string) => call<FollowUp>("checkin_move", { id, due }),
    stagnation: () => call<Array<Stagnant>>("stagnation"),
    colleaguePlan: (person: number, incident: string) => call<Array<FollowUp>>("colleague_plan", { person, incident }),
    today: () => call<string>("today"),
    summaryPreview: (options: Options) => call<SummaryFacts>("summary_preview", { options }),
    summaryNotName: (word: string) => call<null>("summary_not_name", { word }),
    summaryPrint: () => call<boolean>("summary_print"),
    summarySave: () => call<boolean>("summary_save"),
    summarySavePdf: () => call<boolean>("summary_save_pdf"),
    logList: (query: LogQuery, limit: number) => call<Array<LogEntry>>("log_list", { query, limit }),
    logVerify: () => call<LogVerification>("log_verify"),
    logExportCsv: (query: LogQuery) => call<boolean>("log_export_csv", { query }),
    actorGet: () => call<LogActor>("actor_get"),
    actorSet: (actor: LogActor) => call<null>("actor_set", { actor }),
    backupStatus: () => call<BackupView>("backup_status"),
    backupList: () => call<Array<Backup>>("backup_list"),
    backupNow: () => call<Backup>("backup_now"),
    backupAuto: () => call<Backup | null>("backup_auto"),
    backupVerify: (path: string) => call<BackupReport>("backup_verify", { path }),
    backupPickFolder: () => call<string | null>("backup_pick_folder"),
    backupPickFile: () => call<string | null>("backup_pick_file"),
    backupRestore: (path: string, code: string | null, passphrase: string | null) => call<Restored>("backup_restore", { path, code, passphrase }),
    readDay: (text: string, lean: Lean) => call<DayRead>("read_day", { text, lean }),
    readMoment: (text: string) => call<MomentRead>("read_moment", { text }),
    describeDay: (day: string) => call<DayRead>("describe_day", { day }),
    describeMoment: (at: number) => call<MomentRead>("describe_moment", { at }),
    importPickFile: () => call<string | null>("import_pick_file"),
    importPreview: (path: string, options: ImportOptions) => call<ImportPreview>("import_preview", { path, options }),
    importRun: (path: string, options: ImportOptions) => call<ImportOutcome>("import_run", { path, options }),
    importProgress: () => call<[number, number]>("import_progress"),
    exportAll: (folder: string, format: ExportFormat) => call<Array<string>>("export_all", { folder, format }),
    hoursOverview: (from: string, to: string, by: HoursBy) => call<HoursOverview>("hours_overview", { from, to, by }),
    hoursPrint: () => call<boolean>("hours_print"),
    hoursSave: (format: ExportFormat) => call<boolean>("hours_save", { format }),
  };
}

export type Commands = ReturnType<typeof makeCommands>;
