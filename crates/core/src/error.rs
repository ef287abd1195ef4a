//! Errors: one internal enum for the core, and the small public [`ApiError`] that crosses
//! the IPC boundary and the CLI. The only mapping between the two is [`Error::to_api`],
//! which is also the only place where messages are worded (in Japanese or English).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The language of messages the core words for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// Picks Japanese or English from a locale string such as `ja_JP.UTF-8` or `en-US`;
    /// anything else falls back to Japanese, the app's first language.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Ja
        }
    }

    /// Chooses between the Japanese and the English wording.
    pub fn pick(self, ja: String, en: String) -> String {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

/// What kind of failure an [`ApiError`] is; the UI decides how to show it from this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Validation,
    NotFound,
    Conflict,
    Locked,
    /// The signed-in user's role does not allow the action.
    Forbidden,
    Io,
    Internal,
}

/// The error every command and CLI call answers with. `message` is already worded for a
/// person; `field` names the form field for validation errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub message: String,
    pub field: Option<String>,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ApiError {}

/// Why a value in a request was refused. Each variant is worded once, in [`Error::to_api`].
#[derive(Debug, Clone, PartialEq)]
pub enum Invalid {
    PassphraseTooShort {
        min_chars: usize,
    },
    PassphraseTooWeak,
    PassphraseMismatch,
    WrongPassphrase,
    /// No user with this login in the key file.
    UnknownLogin,
    /// A login that is not 2–32 of a–z 0–9 . _ -
    MalformedLogin,
    LoginTaken,
    WrongRecoveryKey,
    /// Too many wrong passphrases in a row: wait this long before the next try.
    TryAgainIn {
        seconds: u64,
    },
    /// The change would leave no admin.
    LastAdmin,
    /// An admin cannot remove their own user while signed in as it.
    CannotRemoveSelf,
    TooLong {
        max_chars: usize,
    },
    OutOfRange {
        min: i64,
        max: i64,
    },
    Required,
    /// Not a calendar date in YYYY-MM-DD form.
    BadDate,
    DateInFuture,
    /// Earlier than the earliest date accepted (an ISO date).
    DateBefore {
        earliest: String,
    },
    EndBeforeStart,
    /// A number that must be more than 0 and at most `max` (a weight).
    PositiveUpTo {
        max: f64,
        unit: &'static str,
    },
    /// A number outside [min, max] (inclusive) in `unit` (kg, g, 週, 回/日…).
    NumberOutOfRange {
        min: f64,
        max: f64,
        unit: &'static str,
    },
    UnknownMunicipality,
    MalformedPhone,
    MalformedPostalCode,
    MalformedIcd10,
    MalformedEmail,
    CaseNumberTaken,
    /// A supervision (見守り) level the care item does not have; `allowed` are the labels it has.
    SupervisionNotAllowed {
        allowed: Vec<&'static str>,
    },
    /// The item only exists together with another care item (its label).
    RequiresCareItem {
        requires: &'static str,
    },
    DuplicateCareItem,
    /// A detail that does not belong to this care item.
    DetailNotApplicable,
    /// A 事業所番号 that is not 10 digits.
    MalformedBusinessNumber,
    /// A 事業所番号 another provider already has.
    BusinessNumberTaken,
    /// An upper limit below its lower limit.
    MaxBelowMin,
    /// A code that is not one of DOMAIN.md's codes for this field.
    UnknownCode {
        code: String,
    },
    /// A JSON document that does not parse or does not have the expected shape.
    MalformedJson {
        line: usize,
        detail: String,
    },
    /// A status change the lifecycle does not allow (labels of both statuses).
    StatusTransition {
        from: &'static str,
        to: &'static str,
    },
    /// A survey campaign without any target provider.
    NoTargets,
    /// A provider id that is not (or no longer) in the directory.
    UnknownProvider {
        id: String,
    },
    /// A survey target's state change the campaign rules do not allow (labels of both states).
    SurveyStateChange {
        from: &'static str,
        to: &'static str,
    },
    /// "Answered" is reached only by entering the answer.
    AnsweredOnlyByAnswer,
    /// The target has answered already: its answer is part of the campaign's result.
    AlreadyAnswered,
    /// An export format that does not exist for this audience (public or internal).
    ExportFormatNotOffered {
        format: &'static str,
        public: bool,
    },
    /// The same entry is listed twice.
    DuplicateEntry,
    /// The child already has an active discharge plan.
    ActivePlanExists,
    /// The plan is completed or cancelled (its status label) and is a record now.
    PlanNotActive {
        status: &'static str,
    },
    /// A plan status change that is not allowed (labels of both statuses).
    PlanStatusChange {
        from: &'static str,
        to: &'static str,
    },
    /// Not a current member of this plan's care team.
    NotTeamMember,
    /// A provider whose kind (label) cannot fill the role (label); `allowed` are the kinds
    /// that can (empty: the role is held by a person, not a provider).
    KindNotForRole {
        kind: &'static str,
        role: &'static str,
        allowed: Vec<&'static str>,
    },
    /// The provider is already a current member of the team in this role.
    AlreadyInTeam,
    /// The provider already has an open referral for this role in the plan.
    AlreadyReferred,
    /// A referral status change the lifecycle does not allow (labels of both statuses).
    ReferralStatusChange {
        from: &'static str,
        to: &'static str,
    },
    /// The default pathway template stays the default until another one is made default.
    DefaultTemplateNeeded,
    /// A provider of a kind (label) that offers no respite beds.
    NotRespiteFacility {
        kind: &'static str,
    },
    /// A stay or a range of nights whose end is not after its start.
    NoNights,
    /// More nights than one request may set at once.
    TooManyNights {
        max_nights: u32,
    },
    /// A stay longer than the facility's longest stay in that bed type.
    StayTooLong {
        nights: u32,
        max_nights: u32,
    },
    /// The facility has no beds of this type.
    NoBedsOfType {
        bed_type: crate::respite::BedType,
    },
    /// Every bed of the type is taken on this night (an ISO date).
    NightFull {
        night: String,
        bed_type: crate::respite::BedType,
    },
    /// The child does not meet the facility's acceptance conditions, for these reasons.
    ConditionsUnmet {
        reasons: Vec<crate::matching::UnmetReason>,
    },
    /// The child already has a booking on this night (ISO date) at the facility (name).
    ChildAlreadyBooked {
        night: String,
        facility: String,
    },
    /// A booking status change the lifecycle does not allow.
    BookingStatusChange {
        from: crate::respite::BookingStatus,
        to: crate::respite::BookingStatus,
    },
    /// A stay that has not begun yet (its first night, an ISO date) cannot be completed or
    /// marked a no-show.
    StayNotStarted {
        from: String,
    },
    /// Fewer beds than the confirmed stays of this night (ISO date) hold.
    CapacityBelowBookings {
        night: String,
        booked: u32,
    },
    /// Not a month in YYYY-MM form.
    BadMonth,
    /// Not a date and time such as 2026-11-24 21:30.
    BadDateTime,
    /// Another kind of equipment already has this name.
    EquipmentTypeTaken,
    /// Another unit already carries this asset tag.
    AssetTagTaken,
    /// The unit is out on a loan since `since`, due back on `due_on` (ISO dates).
    UnitOnLoan {
        since: String,
        due_on: String,
    },
    /// The unit is not out on a loan, so it cannot come back.
    UnitNotLent,
    /// The unit was retired on `on` (ISO date).
    UnitRetired {
        on: String,
    },
    /// The unit's condition keeps it from going out.
    UnitNotLendable {
        condition: crate::equipment::UnitCondition,
    },
    /// A loan due back before it goes out.
    DueBeforeStart,
    /// A document for someone outside the team (消防, 電力会社…) whom the family's consent
    /// does not cover (no consent on file, or a scope without them).
    ConsentDoesNotCover {
        recipient: crate::cases::ConsentScope,
    },
    /// A list longer than the form takes (devices, contacts…).
    TooManyEntries {
        max: usize,
    },
}

/// The core's internal error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid {field}: {problem:?}")]
    Validation { field: String, problem: Invalid },
    #[error("the registry is locked")]
    Locked,
    #[error("the role does not allow this ({needed:?} needed)")]
    Forbidden { needed: crate::users::Permission },
    #[error("{entity} {id} not found")]
    NotFound { entity: &'static str, id: String },
    #[error("the data directory {dir} is in use by another running Kakehashi")]
    InUse { dir: PathBuf },
    #[error("the data directory {dir} cannot be used: {source}")]
    DataDirUnusable {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error("a registry already exists in {dir}")]
    AlreadySetUp { dir: PathBuf },
    #[error("no registry exists in {dir} yet")]
    NotSetUp { dir: PathBuf },
    #[error("the key file {path} is missing or unreadable")]
    KeyFileUnusable { path: PathBuf, detail: String },
    #[error("the database {path} is damaged: {detail}")]
    DatabaseDamaged { path: PathBuf, detail: String },
    #[error("the database has schema version {found}; this build knows up to {supported}")]
    NewerSchema { found: i64, supported: i64 },
    #[error("{entity} {id} was changed by someone else")]
    StaleRecord { entity: &'static str, id: String },
    #[error("possible duplicates of the child exist")]
    PossibleDuplicates { count: usize },
    #[error("import: {0:?}")]
    Import(Box<crate::io::FileError>),
    #[error("the demo dataset with seed {seed} is already loaded")]
    DemoAlreadyLoaded { seed: u64 },
    #[error("not enough free space for a backup in {dir}")]
    BackupNoSpace {
        dir: PathBuf,
        needed: u64,
        available: Option<u64>,
    },
    #[error("the backup could not be written to {dir}: {detail}")]
    BackupWrite { dir: PathBuf, detail: String },
    #[error("the backup {path} failed verification: {detail}")]
    BackupVerifyFailed { path: PathBuf, detail: String },
    #[error("the backup {path} cannot be used: {detail}")]
    BackupUnusable { path: PathBuf, detail: String },
    #[error("the restore failed: {detail}")]
    RestoreFailed { detail: String },
    #[error("the settings file {path} is unreadable: {detail}")]
    SettingsUnreadable { path: PathBuf, detail: String },
    #[error("i/o error on {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("no Japanese font is installed")]
    NoJapaneseFont,
    #[error("internal error: {0}")]
    Internal(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A validation error on the form field `field` (a name, or a path such as
    /// `care_items[2].supervision`).
    pub fn invalid(field: impl Into<String>, problem: Invalid) -> Error {
        Error::Validation {
            field: field.into(),
            problem,
        }
    }

    /// The field a validation error is about.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Validation { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The one mapping from internal errors to what a person is shown.
    pub fn to_api(&self, lang: Lang) -> ApiError {
        let (kind, field, message) = match self {
            Error::Validation { field, problem } => (
                ErrorKind::Validation,
                Some(field.clone()),
                invalid_message(problem, lang),
            ),
            Error::Locked => (
                ErrorKind::Locked,
                None,
                lang.pick(
                    "ロックされています。パスフレーズを入力して解除してください。".into(),
                    "Kakehashi is locked. Enter your passphrase to unlock it.".into(),
                ),
            ),
            Error::Forbidden { needed } => (
                ErrorKind::Forbidden,
                None,
                match needed {
                    crate::users::Permission::Admin => lang.pick(
                        "この操作には管理者の権限が必要です。管理者に依頼してください。".into(),
                        "This needs an administrator. Ask one to do it.".into(),
                    ),
                    _ => lang.pick(
                        "閲覧のみの利用者は記録を変更できません。変更が必要なら管理者に権限の変更を依頼してください。".into(),
                        "A viewer cannot change records. Ask an administrator for another role if you need to.".into(),
                    ),
                },
            ),
            Error::NotFound { entity, id } => (
                ErrorKind::NotFound,
                None,
                lang.pick(
                    format!("{entity} {id} が見つかりません。削除された可能性があります。"),
                    format!("{entity} {id} was not found. It may have been deleted."),
                ),
            ),
            Error::InUse { dir } => (
                ErrorKind::Conflict,
                None,
                lang.pick(
                    format!(
                        "かけはしは既に起動しています（データフォルダ {}）。先に起動しているウィンドウを使うか、閉じてから開き直してください。",
                        dir.display()
                    ),
                    format!(
                        "Kakehashi is already running with the data folder {}. Use that window, or close it and start again.",
                        dir.display()
                    ),
                ),
            ),
            Error::DataDirUnusable { dir, source } => (
                ErrorKind::Io,
                None,
                lang.pick(
                    format!(
                        "データフォルダ {} に書き込めません（{}）。フォルダの権限や空き容量を確認してください。",
                        dir.display(),
                        io_reason(source, Lang::Ja)
                    ),
                    format!(
                        "Cannot write to the data folder {} ({}). Check its permissions and free space.",
                        dir.display(),
                        io_reason(source, Lang::En)
                    ),
                ),
            ),
            Error::AlreadySetUp { dir } => (
                ErrorKind::Conflict,
                None,
                lang.pick(
                    format!(
                        "{} には既にデータベースがあります。上書きはしません。",
                        dir.display()
                    ),
                    format!(
                        "{} already holds a database. It will not be overwritten.",
                        dir.display()
                    ),
                ),
            ),
            Error::NotSetUp { dir } => (
                ErrorKind::NotFound,
                None,
                lang.pick(
                    format!(
                        "{} にはまだデータベースがありません。先に初期設定（kakehashi init）をしてください。",
                        dir.display()
                    ),
                    format!(
                        "{} holds no database yet. Set one up first (kakehashi init).",
                        dir.display()
                    ),
                ),
            ),
            Error::KeyFileUnusable { path, detail } => (
                ErrorKind::Io,
                None,
                lang.pick(
                    format!(
                        "鍵ファイル {} を読めません（{detail}）。データベースを開くにはこのファイルが必要です。バックアップから戻してください。",
                        path.display()
                    ),
                    format!(
                        "The key file {} cannot be read ({detail}). It is needed to open the database; restore it from a backup.",
                        path.display()
                    ),
                ),
            ),
            Error::DatabaseDamaged { path, detail } => (
                ErrorKind::Io,
                None,
                lang.pick(
                    format!(
                        "データベース {} が壊れているか、途中で切れています（{detail}）。ファイルはそのまま残してあります。バックアップから復元してください。",
                        path.display()
                    ),
                    format!(
                        "The database {} is damaged or truncated ({detail}). The file was left as it is; restore it from a backup.",
                        path.display()
                    ),
                ),
            ),
            Error::NewerSchema { found, supported } => (
                ErrorKind::Conflict,
                None,
                lang.pick(
                    format!(
                        "このデータベースは新しいバージョンのかけはしで作られています（スキーマ {found}、このバージョンは {supported} まで）。かけはしを更新してください。データは変更していません。"
                    ),
                    format!(
                        "This database was written by a newer Kakehashi (schema {found}; this build knows up to {supported}). Update Kakehashi; nothing was changed."
                    ),
                ),
            ),
            Error::StaleRecord { .. } => (
                ErrorKind::Conflict,
                None,
                lang.pick(
                    "この記録は開いている間に他の人が変更しました。開き直して最新の内容を確認してから、もう一度保存してください。入力した内容はこの画面に残っています。".into(),
                    "Someone else changed this record while you had it open. Reopen it to see the latest version, then save again; your input is still on screen.".into(),
                ),
            ),
            Error::PossibleDuplicates { count } => (
                ErrorKind::Conflict,
                Some("duplicates".to_string()),
                lang.pick(
                    format!("同じ人かもしれないケースが{count}件あります。確認してから登録してください。"),
                    format!("{count} existing case(s) may be the same child. Check them before registering."),
                ),
            ),
            Error::Import(e) => {
                let api = e.to_api(lang);
                (api.kind, api.field, api.message)
            }
            Error::DemoAlreadyLoaded { seed } => (
                ErrorKind::Conflict,
                None,
                lang.pick(
                    format!("シード {seed} のデモデータは既に入っています。別のシードを指定してください。"),
                    format!("The demo data with seed {seed} is already loaded. Choose another seed."),
                ),
            ),
            Error::BackupNoSpace {
                dir,
                needed,
                available,
            } => (
                ErrorKind::Io,
                None,
                lang.pick(
                    format!(
                        "バックアップ先 {} の空き容量が足りません（必要 約{}、空き {}）。不要なファイルを削除するか、別の保存先を選んでください。作りかけのファイルは削除しました。これまでのバックアップはそのまま残っています。",
                        dir.display(),
                        megabytes(*needed),
                        available.map_or_else(|| "不明".to_string(), megabytes)
                    ),
                    format!(
                        "Not enough free space in the backup folder {} (about {} needed, {} free). Free some space or choose another folder. The unfinished file was removed; earlier backups are untouched.",
                        dir.display(),
                        megabytes(*needed),
                        available.map_or_else(|| "unknown".to_string(), megabytes)
                    ),
                ),
            ),
            Error::BackupWrite { dir, detail } => (
                ErrorKind::Io,
                None,
                lang.pick(
                    format!(
                        "バックアップを {} に書き込めませんでした（{detail}）。保存先の権限や接続を確認してください。作りかけのファイルは削除しました。これまでのバックアップはそのまま残っています。",
                        dir.display()
                    ),
                    format!(
                        "The backup could not be written to {} ({detail}). Check the folder's permissions and connection. The unfinished file was removed; earlier backups are untouched.",
                        dir.display()
                    ),
                ),
            ),
            Error::BackupVerifyFailed { path, detail } => (
                ErrorKind::Io,
                None,
                lang.pick(
                    format!(
                        "バックアップの検証に失敗しました（{}: {detail}）。書き込んだファイルは信頼できないため削除しました。これまでのバックアップはそのまま残っています。もう一度バックアップしてください。",
                        path.display()
                    ),
                    format!(
                        "The backup failed verification ({}: {detail}). The written file cannot be trusted and was removed; earlier backups are untouched. Back up again.",
                        path.display()
                    ),
                ),
            ),
            Error::BackupUnusable { path, detail } => (
                ErrorKind::Io,
                None,
                lang.pick(
                    format!(
                        "{} は復元に使えません（{detail}）。かけはしのバックアップでないか、壊れているか、別の台帳のものです。現在のデータは変更していません。",
                        path.display()
                    ),
                    format!(
                        "{} cannot be restored ({detail}). It is not a Kakehashi backup, it is damaged, or it belongs to another registry. The current data was not changed.",
                        path.display()
                    ),
                ),
            ),
            Error::RestoreFailed { detail } => (
                ErrorKind::Io,
                None,
                lang.pick(
                    format!(
                        "復元できませんでした（{detail}）。データは復元前のままです。必要ならロックを解除し直してください。"
                    ),
                    format!(
                        "The restore failed ({detail}). The data is as it was before the restore; unlock again if asked."
                    ),
                ),
            ),
            Error::SettingsUnreadable { path, detail } => (
                ErrorKind::Io,
                None,
                lang.pick(
                    format!(
                        "設定ファイル {} を読めません（{detail}）。バックアップの設定を保存し直すと作り直されます。",
                        path.display()
                    ),
                    format!(
                        "The settings file {} cannot be read ({detail}). Saving the backup settings again rewrites it.",
                        path.display()
                    ),
                ),
            ),
            Error::Io { path, source } => (
                ErrorKind::Io,
                None,
                lang.pick(
                    format!(
                        "{} を読み書きできません（{}）。",
                        path.display(),
                        io_reason(source, Lang::Ja)
                    ),
                    format!(
                        "Cannot read or write {} ({}).",
                        path.display(),
                        io_reason(source, Lang::En)
                    ),
                ),
            ),
            Error::Sqlite(e) => (
                ErrorKind::Internal,
                None,
                lang.pick(
                    format!("データベースの処理に失敗しました（{e}）。変更は保存されていません。"),
                    format!("A database operation failed ({e}). Nothing was saved."),
                ),
            ),
            Error::NoJapaneseFont => (
                ErrorKind::Io,
                None,
                lang.pick(
                    "日本語フォントが見つかりません。BIZ UDPゴシック、Noto Sans CJK JP または IPAexゴシックをインストールしてください（Debian/Ubuntu: sudo apt install fonts-noto-cjk）。".into(),
                    "No Japanese font was found. Install BIZ UDPGothic, Noto Sans CJK JP or IPAexGothic (Debian/Ubuntu: sudo apt install fonts-noto-cjk).".into(),
                ),
            ),
            Error::Internal(detail) => (
                ErrorKind::Internal,
                None,
                lang.pick(
                    format!("内部エラーが発生しました（{detail}）。"),
                    format!("Internal error ({detail})."),
                ),
            ),
        };
        ApiError {
            kind,
            message,
            field,
        }
    }
}

fn invalid_message(problem: &Invalid, lang: Lang) -> String {
    match problem {
        Invalid::PassphraseTooShort { min_chars } => lang.pick(
            format!("パスフレーズは{min_chars}文字以上にしてください。"),
            format!("Use at least {min_chars} characters."),
        ),
        Invalid::PassphraseTooWeak => lang.pick(
            "推測されやすいパスフレーズです。関係のない単語をいくつか組み合わせてください。".into(),
            "This passphrase is easy to guess. Combine several unrelated words.".into(),
        ),
        Invalid::PassphraseMismatch => lang.pick(
            "確認用のパスフレーズが一致しません。".into(),
            "The two passphrases do not match.".into(),
        ),
        Invalid::WrongPassphrase => lang.pick(
            "パスフレーズが違います。大文字・小文字や入力モード（全角/半角）を確認してもう一度入力してください。".into(),
            "Wrong passphrase. Check upper/lower case and the input mode, then try again.".into(),
        ),
        Invalid::UnknownLogin => lang.pick(
            "このユーザー名は登録されていません。一覧から選ぶか、管理者に確認してください。".into(),
            "No user has this name. Pick one from the list or ask an administrator.".into(),
        ),
        Invalid::MalformedLogin => lang.pick(
            "ユーザー名は半角の英小文字・数字・「.」「_」「-」で2〜32文字にしてください（例: tanaka）。".into(),
            "Use 2–32 lower-case letters, digits, '.', '_' or '-' (e.g. tanaka).".into(),
        ),
        Invalid::LoginTaken => lang.pick(
            "このユーザー名は既に使われています。".into(),
            "This user name is already taken.".into(),
        ),
        Invalid::WrongRecoveryKey => lang.pick(
            "回復キーが違います。印刷した控えの英数字をもう一度確認してください（ハイフンや空白、大文字・小文字は区別しません）。".into(),
            "Wrong recovery key. Check the printed copy again (dashes, spaces and case do not matter).".into(),
        ),
        Invalid::TryAgainIn { seconds } => lang.pick(
            format!("入力の誤りが続いたため、あと{seconds}秒待ってからもう一度入力してください。"),
            format!("Too many wrong tries. Wait {seconds} seconds, then try again."),
        ),
        Invalid::LastAdmin => lang.pick(
            "管理者が一人もいなくなるため、この変更はできません。先に別の利用者を管理者にしてください。".into(),
            "This would leave no administrator. Make someone else an administrator first.".into(),
        ),
        Invalid::CannotRemoveSelf => lang.pick(
            "ログイン中の自分自身は削除できません。別の管理者で操作してください。".into(),
            "You cannot remove the user you are signed in as. Ask another administrator.".into(),
        ),
        Invalid::TooLong { max_chars } => lang.pick(
            format!("{max_chars}文字以内で入力してください。"),
            format!("Use at most {max_chars} characters."),
        ),
        Invalid::OutOfRange { min, max } => lang.pick(
            format!("{min}から{max}の範囲で入力してください。"),
            format!("Enter a value from {min} to {max}."),
        ),
        Invalid::Required => lang.pick("入力してください。".into(), "Required.".into()),
        Invalid::BadDate => lang.pick(
            "日付は 2026-04-01 のように西暦で入力してください。".into(),
            "Enter a date such as 2026-04-01.".into(),
        ),
        Invalid::DateInFuture => lang.pick(
            "未来の日付は入力できません。".into(),
            "The date cannot be in the future.".into(),
        ),
        Invalid::DateBefore { earliest } => lang.pick(
            format!("{earliest} 以降の日付を入力してください。"),
            format!("Enter a date on or after {earliest}."),
        ),
        Invalid::EndBeforeStart => lang.pick(
            "終了日は開始日以降にしてください。".into(),
            "The end date must not be before the start date.".into(),
        ),
        Invalid::NumberOutOfRange { min, max, unit } => lang.pick(
            format!("{min}{unit}以上{max}{unit}以下で入力してください。"),
            format!("Enter a value from {min} to {max}{}.", unit_en(unit)),
        ),
        Invalid::PositiveUpTo { max, unit } => lang.pick(
            format!("0{unit}より大きく{max}{unit}以下で入力してください。"),
            format!("Enter more than 0 and at most {max}{}.", unit_en(unit)),
        ),
        Invalid::UnknownMunicipality => lang.pick(
            "市区町村コードが見つかりません。一覧から選んでください。".into(),
            "Unknown municipality code. Choose one from the list.".into(),
        ),
        Invalid::MalformedPhone => lang.pick(
            "電話番号は 048-123-4567 や 090-1234-5678 のように入力してください。".into(),
            "Enter a phone number such as 048-123-4567 or 090-1234-5678.".into(),
        ),
        Invalid::MalformedPostalCode => lang.pick(
            "郵便番号は 330-0063 のように7桁で入力してください。".into(),
            "Enter a 7-digit postal code such as 330-0063.".into(),
        ),
        Invalid::MalformedIcd10 => lang.pick(
            "ICD-10コードは G80.0 のように入力してください。".into(),
            "Enter an ICD-10 code such as G80.0.".into(),
        ),
        Invalid::MalformedEmail => lang.pick(
            "メールアドレスの形式が正しくありません。".into(),
            "This is not a valid email address.".into(),
        ),
        Invalid::CaseNumberTaken => lang.pick(
            "このケース番号は既に使われています。".into(),
            "This case number is already in use.".into(),
        ),
        Invalid::SupervisionNotAllowed { allowed } => lang.pick(
            format!("この医療的ケアの見守りは {} から選んでください。", allowed.join("・")),
            format!("For this care item choose supervision from: {}.", allowed.join(", ")),
        ),
        Invalid::RequiresCareItem { requires } => lang.pick(
            format!("この項目は「{requires}」と一緒に登録してください。"),
            format!("This item can only be recorded together with 「{requires}」."),
        ),
        Invalid::DuplicateCareItem => lang.pick(
            "同じ医療的ケアが2回登録されています。".into(),
            "The same care item is listed twice.".into(),
        ),
        Invalid::MalformedBusinessNumber => lang.pick(
            "事業所番号は10桁の数字で入力してください。".into(),
            "A business number (事業所番号) has 10 digits.".into(),
        ),
        Invalid::BusinessNumberTaken => lang.pick(
            "この事業所番号の事業所は既に登録されています。".into(),
            "A provider with this business number is already in the directory.".into(),
        ),
        Invalid::MaxBelowMin => lang.pick(
            "上限が下限より小さくなっています。".into(),
            "The upper limit is below the lower limit.".into(),
        ),
        Invalid::UnknownCode { code } => lang.pick(
            format!("「{code}」は使えないコードです。docs/cases-json.md のコード一覧から選んでください。"),
            format!("「{code}」 is not a known code. See the codes in docs/cases-json.md."),
        ),
        Invalid::MalformedJson { line, detail } => lang.pick(
            format!("JSONの{line}行目が読めません（{detail}）。docs/cases-json.md の形式を確認してください。"),
            format!("Cannot read the JSON at line {line} ({detail}). See docs/cases-json.md for the format."),
        ),
        Invalid::StatusTransition { from, to } => lang.pick(
            format!("「{from}」から「{to}」には変更できません。"),
            format!("A case cannot move from 「{from}」 to 「{to}」."),
        ),
        Invalid::NoTargets => lang.pick(
            "調査の対象にする事業所を1つ以上選んでください。".into(),
            "Choose at least one provider to survey.".into(),
        ),
        Invalid::UnknownProvider { id } => lang.pick(
            format!("事業所 {id} が見つかりません。削除された可能性があります。一覧から選び直してください。"),
            format!("Provider {id} was not found; it may have been deleted. Choose again from the list."),
        ),
        Invalid::SurveyStateChange { from, to } => lang.pick(
            format!("調査の状況を「{from}」から「{to}」には変更できません。"),
            format!("A survey target cannot move from 「{from}」 to 「{to}」."),
        ),
        Invalid::AnsweredOnlyByAnswer => lang.pick(
            "「回答済み」にするには、回答の入力から回答内容を記録してください。".into(),
            "A target becomes answered only by entering its answer.".into(),
        ),
        Invalid::AlreadyAnswered => lang.pick(
            "この事業所は既に回答済みです。回答の訂正は事業所のページで受け入れ条件を記録してください。".into(),
            "This provider has already answered. Correct the answer by recording its conditions on the provider's page.".into(),
        ),
        Invalid::ExportFormatNotOffered { format, public: true } => lang.pick(
            format!("{format}は内部用の書き出しだけで選べます。公開用はCSV・GeoJSON・KML・HTMLから選んでください。"),
            format!("{format} is only for the internal export. For the public directory choose CSV, GeoJSON, KML or HTML."),
        ),
        Invalid::ExportFormatNotOffered { format, public: false } => lang.pick(
            format!("{format}は公開用の書き出しだけで選べます。内部用はCSVかXLSXを選んでください。"),
            format!("{format} is only for the public directory. For the internal export choose CSV or XLSX."),
        ),
        Invalid::DetailNotApplicable => lang.pick(
            "この医療的ケアには入力できない項目です。".into(),
            "This detail does not apply to this care item.".into(),
        ),
        Invalid::DuplicateEntry => lang.pick(
            "同じ項目が2回指定されています。".into(),
            "The same entry is listed twice.".into(),
        ),
        Invalid::ActivePlanExists => lang.pick(
            "このお子さんには進行中の退院支援計画が既にあります。その計画を開いて続けるか、完了または中止にしてから作成してください。".into(),
            "This child already has an active discharge plan. Continue that plan, or complete or cancel it first.".into(),
        ),
        Invalid::PlanNotActive { status } => lang.pick(
            format!("この計画は「{status}」のため変更できません。続けるには計画を再開してください。"),
            format!("This plan is 「{status}」 and can no longer be changed. Reopen it to continue."),
        ),
        Invalid::PlanStatusChange { from, to } => lang.pick(
            format!("計画を「{from}」から「{to}」には変更できません。"),
            format!("A plan cannot move from 「{from}」 to 「{to}」."),
        ),
        Invalid::NotTeamMember => lang.pick(
            "この計画のチームのメンバーから選んでください（終了したメンバーは選べません）。先にチームに追加してください。".into(),
            "Choose a current member of this plan's team; add the person or provider to the team first.".into(),
        ),
        Invalid::KindNotForRole { kind, role, allowed } if allowed.is_empty() => lang.pick(
            format!("「{role}」は事業所ではなく担当者の名前でチームに登録してください（「{kind}」は選べません）。"),
            format!("「{role}」 is held by a person: add them to the team by name (「{kind}」 cannot fill it)."),
        ),
        Invalid::KindNotForRole { kind, role, allowed } => lang.pick(
            format!("「{kind}」は「{role}」になれません。{role}には {} から選んでください。", allowed.join("・")),
            format!("A 「{kind}」 cannot be the 「{role}」. Choose from: {}.", allowed.join(", ")),
        ),
        Invalid::AlreadyInTeam => lang.pick(
            "この事業所は既にこの役割でチームに入っています。".into(),
            "This provider is already in the team in this role.".into(),
        ),
        Invalid::AlreadyReferred => lang.pick(
            "この事業所にはこの役割の紹介が既に進行中です。その紹介を続けてください。".into(),
            "This provider already has a referral for this role under way; continue that one.".into(),
        ),
        Invalid::ReferralStatusChange { from, to } => lang.pick(
            format!("紹介の状況を「{from}」から「{to}」には変更できません。"),
            format!("A referral cannot move from 「{from}」 to 「{to}」."),
        ),
        Invalid::DefaultTemplateNeeded => lang.pick(
            "既定のテンプレートは外せません。別のテンプレートを既定にすると切り替わります。".into(),
            "The default template stays the default until another template is made the default.".into(),
        ),
        Invalid::NotRespiteFacility { kind } => lang.pick(
            format!("「{kind}」はレスパイト（短期入所）の受け入れ先ではありません。短期入所・医療型障害児入所施設・病院から選んでください。"),
            format!("A 「{kind}」 offers no respite beds. Choose a short-stay facility, a facility for disabled children or a hospital."),
        ),
        Invalid::NoNights => lang.pick(
            "終了日（退所日）は開始日より後にしてください（1泊以上）。".into(),
            "The end date must be after the start date (at least one night).".into(),
        ),
        Invalid::TooManyNights { max_nights } => lang.pick(
            format!("一度に指定できるのは{max_nights}泊までです。"),
            format!("At most {max_nights} nights at once."),
        ),
        Invalid::StayTooLong { nights, max_nights } => lang.pick(
            format!("この施設の連続利用は{max_nights}泊までです（申込みは{nights}泊）。日程を分けてください。"),
            format!("This facility takes stays of at most {max_nights} nights ({nights} asked). Split the stay."),
        ),
        Invalid::NoBedsOfType { bed_type } => lang.pick(
            format!("この施設には「{}」の床が登録されていません。", bed_type.label_ja()),
            format!("This facility has no {} beds registered.", bed_type.label_en().to_lowercase()),
        ),
        Invalid::NightFull { night, bed_type } => lang.pick(
            format!("{night} は満床です（{}）。日程を変えるか、申込みのまま空きを待ってください。", bed_type.label_ja()),
            format!("{night} is full ({} beds). Choose other dates, or keep the request on the waitlist.", bed_type.label_en().to_lowercase()),
        ),
        Invalid::ConditionsUnmet { reasons } => lang.pick(
            format!(
                "この施設の受け入れ条件に合いません：{}。",
                reasons.iter().map(|r| r.words(Lang::Ja)).collect::<Vec<_>>().join("、")
            ),
            format!(
                "The child does not meet this facility's conditions: {}.",
                reasons.iter().map(|r| r.words(Lang::En)).collect::<Vec<_>>().join("; ")
            ),
        ),
        Invalid::ChildAlreadyBooked { night, facility } => lang.pick(
            format!("このお子さんは {night} に{facility}の予約または申込みが既にあります。"),
            format!("This child already has a booking at {facility} on {night}."),
        ),
        Invalid::BookingStatusChange { from, to } => lang.pick(
            format!("予約を「{}」から「{}」には変更できません。", from.label_ja(), to.label_ja()),
            format!("A booking cannot move from {} to {}.", from.label_en().to_lowercase(), to.label_en().to_lowercase()),
        ),
        Invalid::StayNotStarted { from } => lang.pick(
            format!("{from} からの利用はまだ始まっていません。"),
            format!("The stay from {from} has not begun yet."),
        ),
        Invalid::CapacityBelowBookings { night, booked } => lang.pick(
            format!("{night} には確定した利用が{booked}件あります。先に予約を取り消すか日程を変えてから、床を減らしてください。"),
            format!("{booked} confirmed stay(s) hold beds on {night}. Cancel or move them before taking beds away."),
        ),
        Invalid::BadMonth => lang.pick(
            "月は 2026-12 のように入力してください。".into(),
            "Enter a month such as 2026-12.".into(),
        ),
        Invalid::BadDateTime => lang.pick(
            "日時は 2026-11-24 21:30 のように入力してください。".into(),
            "Enter a date and time such as 2026-11-24 21:30.".into(),
        ),
        Invalid::EquipmentTypeTaken => lang.pick(
            "同じ名前の機器の種類が既にあります。".into(),
            "A kind of equipment with this name already exists.".into(),
        ),
        Invalid::AssetTagTaken => lang.pick(
            "この管理番号は既に別の機器に使われています。".into(),
            "Another unit already carries this asset tag.".into(),
        ),
        Invalid::UnitOnLoan { since, due_on } => lang.pick(
            format!("この機器は {since} から貸出中です（返却予定 {due_on}）。返却を記録してから貸し出してください。"),
            format!("This unit is out on loan since {since} (due back {due_on}). Record its return first."),
        ),
        Invalid::UnitNotLent => lang.pick(
            "この機器は貸出中ではありません。".into(),
            "This unit is not out on loan.".into(),
        ),
        Invalid::UnitRetired { on } => lang.pick(
            format!("この機器は {on} に使用を終了しています。"),
            format!("This unit was retired on {on}."),
        ),
        Invalid::UnitNotLendable { condition } => lang.pick(
            format!("この機器は「{}」のため貸し出せません。", condition.label_ja()),
            format!("This unit cannot go out: {}.", condition.label_en().to_lowercase()),
        ),
        Invalid::ConsentDoesNotCover { recipient } => lang.pick(
            format!(
                "本人・家族の同意の範囲に{}が含まれていません。同意を確認してから作成してください。",
                recipient.label(Lang::Ja)
            ),
            format!(
                "The family's consent does not cover {}. Check the consent before making this document.",
                recipient.label(Lang::En)
            ),
        ),
        Invalid::DueBeforeStart => lang.pick(
            "返却予定日は貸出日以降にしてください。".into(),
            "The due date must not be before the loan starts.".into(),
        ),
        Invalid::TooManyEntries { max } => lang.pick(
            format!("登録できるのは{max}件までです。"),
            format!("At most {max} entries."),
        ),
    }
}

/// The English form of a unit written in Japanese.
fn unit_en(unit: &str) -> String {
    let en = match unit {
        "" => "",
        "週" => "weeks",
        "回/日" => "times a day",
        "回" => "times",
        "か月" => "months",
        "人" => "",
        "級" => "",
        "h" => "hours",
        "時間" => "hours",
        "日" => "days",
        other => other,
    };
    if en.is_empty() {
        String::new()
    } else {
        format!(" {en}")
    }
}

/// A short reason for an I/O failure, in words an office worker can act on.
/// A size in MB with one decimal (backup messages).
fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let (ja, en) = match e.kind() {
        K::PermissionDenied => ("書き込み権限がありません", "permission denied"),
        K::ReadOnlyFilesystem => ("読み取り専用です", "read-only file system"),
        K::StorageFull => ("ディスクの空きがありません", "disk full"),
        K::NotFound => ("見つかりません", "not found"),
        _ => return e.to_string(),
    };
    lang.pick(ja.into(), en.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_errors_name_their_field_and_speak_both_languages() {
        let e = Error::invalid("passphrase", Invalid::WrongPassphrase);
        let ja = e.to_api(Lang::Ja);
        let en = e.to_api(Lang::En);
        assert_eq!(ja.kind, ErrorKind::Validation);
        assert_eq!(
            ja.field.as_deref(),
            Some("passphrase"),
            "the form shows it at this field"
        );
        assert!(ja.message.contains("パスフレーズ"), "{}", ja.message);
        assert!(en.message.contains("passphrase"), "{}", en.message);
    }

    #[test]
    fn a_read_only_folder_is_explained_not_dumped() {
        let e = Error::DataDirUnusable {
            dir: "/data".into(),
            source: std::io::Error::from(std::io::ErrorKind::ReadOnlyFilesystem),
        };
        let api = e.to_api(Lang::Ja);
        assert_eq!(api.kind, ErrorKind::Io);
        assert!(api.message.contains("読み取り専用"), "{}", api.message);
    }

    #[test]
    fn locale_strings_pick_english_only_when_asked() {
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("ja_JP.UTF-8"), Lang::Ja);
        assert_eq!(
            Lang::from_locale("C"),
            Lang::Ja,
            "Japanese is the default language"
        );
    }
}
