//! `kakehashi`: the command line over Kakehashi's core — set up a registry, list
//! municipalities, verify a database, and fill one with demo data.
//!
//! The passphrase comes from `KAKEHASHI_PASSPHRASE` or a prompt; the data directory from
//! `--data-dir`, `KAKEHASHI_DATA_DIR`, or the same OS folder the desktop app uses.
//! Errors are printed in Japanese (or English with `--lang en`) with a non-zero exit code
//! per kind: 2 validation, 3 not found, 4 conflict, 5 locked, 6 i/o, 8 not allowed for the
//! user's role, 1 internal. `--user` (or `KAKEHASHI_USER`) names who signs in: `admin`
//! unless given.

mod audit;
mod backup;
mod campaigns;
mod cases;
mod disaster;
mod equipment;
mod export;
mod matching;
mod plans;
mod providers;
mod respite;
mod users;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kakehashi::demo::DemoSpec;
use kakehashi::keys::KdfParams;
use kakehashi::municipalities::MunicipalityQuery;
use kakehashi::record::Stamp;
use kakehashi::vault::{SetupRequest, UnlockRequest};
use kakehashi::{ApiError, Error, ErrorKind, Lang, Registry, Vault};

/// The app's identifier; the desktop app keeps its data in the OS data folder under it.
const APP_ID: &str = "jp.kakehashi.app";

#[derive(Parser)]
#[command(
    name = "kakehashi",
    version,
    about = "かけはし — 小児在宅医療連携の台帳 (command line)"
)]
struct Cli {
    /// Data directory [default: $KAKEHASHI_DATA_DIR, else the OS data folder]
    #[arg(long, global = true, env = "KAKEHASHI_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// Language of messages: ja or en [default: from LANG, Japanese unless English]
    #[arg(long, global = true)]
    lang: Option<String>,
    /// User name (login) to sign in as [default: $KAKEHASHI_USER, else admin]
    #[arg(long, global = true, env = "KAKEHASHI_USER", default_value = "admin")]
    user: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the encrypted database and its first user, an admin (asks for a new passphrase
    /// twice); prints the recovery key once
    Init {
        /// The admin's name as shown in the app and the audit log
        #[arg(long, default_value = "管理者")]
        name: String,
    },
    /// List municipalities, optionally filtered by name, reading or code
    Municipalities {
        #[arg(long, default_value = "")]
        query: String,
        #[arg(long)]
        json: bool,
    },
    /// Check the database's integrity and print what it holds
    Verify {
        #[arg(long)]
        json: bool,
    },
    /// The case registry: add, show and list children
    #[command(subcommand)]
    Cases(cases::CasesCommand),
    /// The resource directory: import and list providers
    #[command(subcommand)]
    Providers(providers::ProvidersCommand),
    /// Survey campaigns: start one, follow its progress, list whom to chase
    #[command(subcommand)]
    Campaigns(campaigns::CampaignsCommand),
    /// Which providers of a kind could take a child, condition by condition
    Match(matching::MatchArgs),
    /// Discharge plans: show a child's active plan, or start one
    #[command(subcommand)]
    Plans(plans::PlansCommand),
    /// Respite beds: book a stay, a facility's month of nights, its waitlist
    #[command(subcommand)]
    Respite(respite::RespiteCommand),
    /// Lent emergency equipment: the overdue list, adding and lending units
    #[command(subcommand)]
    Equipment(equipment::EquipmentCommand),
    /// Disaster preparedness: a child's profile, the emergency roster
    #[command(subcommand)]
    Disaster(disaster::DisasterCommand),
    /// The tamper-evident audit log: `audit verify` (exit 7 when tampered), `audit list`
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Make an encrypted, verified backup (or `backup list`, `backup schedule`)
    Backup(backup::BackupArgs),
    /// Restore a backup: checked first, the current data kept as kakehashi.db.before-restore
    Restore(backup::RestoreArgs),
    /// Printable documents: case-summary, plan, emergency-sheet (PDF) and the roster
    /// (PDF, CSV or XLSX)
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// The office's users (admin only): list, add, set, remove, reset-passphrase
    #[command(subcommand)]
    Users(users::UsersCommand),
    /// Change your own passphrase (current from $KAKEHASHI_PASSPHRASE, new from
    /// $KAKEHASHI_NEW_PASSPHRASE, else asked)
    Passwd,
    /// The organisation recovery key (admin only): `recovery-key new` prints a new one once
    #[command(subcommand)]
    RecoveryKey(users::RecoveryKeyCommand),
    /// Set a forgotten passphrase with the recovery key ($KAKEHASHI_RECOVERY_KEY, else asked)
    Recover {
        /// Whose passphrase
        login: String,
    },
    /// Fill the database with a deterministic synthetic dataset
    Demo {
        #[arg(long)]
        seed: u64,
        #[arg(long, default_value_t = 50)]
        children: u32,
        #[arg(long, default_value_t = 200)]
        providers: u32,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang.as_deref() {
        Some(l) => Lang::from_locale(l),
        None => Lang::from_locale(&std::env::var("LANG").unwrap_or_default()),
    };
    match run(cli, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let api = e.to_api(lang);
            let label = lang.pick("エラー".into(), "error".into());
            match &api.field {
                Some(field) => eprintln!("{label} ({field}): {}", api.message),
                None => eprintln!("{label}: {}", api.message),
            }
            ExitCode::from(exit_code(&api))
        }
    }
}

fn exit_code(e: &ApiError) -> u8 {
    match e.kind {
        ErrorKind::Validation => 2,
        ErrorKind::NotFound => 3,
        ErrorKind::Conflict => 4,
        ErrorKind::Locked => 5,
        ErrorKind::Io => 6,
        ErrorKind::Internal => 1,
        ErrorKind::Forbidden => 8,
    }
}

/// Who the CLI records as the author of changes, and when.
pub(crate) fn stamp(registry: &Registry) -> Stamp {
    registry.stamp(chrono::Utc::now())
}

fn run(cli: Cli, lang: Lang) -> Result<(), Error> {
    let dir = match cli.data_dir {
        Some(d) => d,
        None => dirs::data_dir()
            .ok_or_else(|| Error::Internal("no OS data folder; pass --data-dir".into()))?
            .join(APP_ID),
    };
    let vault = Vault::open(&dir)?;
    let user = cli.user.clone();
    match cli.command {
        Command::Init { name } => {
            let passphrase = read_passphrase("新しいパスフレーズ / New passphrase: ")?;
            let confirmation = match std::env::var("KAKEHASHI_PASSPHRASE") {
                Ok(p) => p,
                Err(_) => prompt("もう一度 / Again: ")?,
            };
            let request = SetupRequest {
                login: cli.user.clone(),
                display_name: name,
                passphrase,
                confirmation,
            };
            let (_registry, recovery) = vault.set_up(&request, KdfParams::default())?;
            println!("{}", dir.display());
            eprintln!(
                "{}\n{}",
                lang.pick(
                    "回復キー（一度だけ表示します。印刷するか書き写して金庫など安全な場所に保管してください）:".into(),
                    "Recovery key (shown once only: print or copy it and keep it somewhere safe):".into(),
                ),
                recovery.key
            );
        }
        Command::Municipalities { query, json } => {
            let registry = unlock(&vault, &user)?;
            let list = registry.list_municipalities(&MunicipalityQuery { query })?;
            if json {
                print_json(&list);
            } else {
                for m in list {
                    println!("{}\t{}\t{}", m.code6, m.name, m.kana);
                }
            }
        }
        Command::Verify { json } => {
            let registry = unlock(&vault, &user)?;
            let problems = registry.verify()?;
            let counts = registry.record_counts()?;
            if json {
                print_json(&serde_json::json!({
                    "ok": problems.is_empty(),
                    "problems": problems,
                    "schema_version": registry.schema_version()?,
                    "counts": counts,
                }));
            } else {
                for p in &problems {
                    println!("{p}");
                }
                println!(
                    "{}: schema {} · children {} · care items {} · providers {} · municipalities {} · audit rows {}",
                    if problems.is_empty() {
                        "ok"
                    } else {
                        "PROBLEMS"
                    },
                    registry.schema_version()?,
                    counts.children,
                    counts.care_items,
                    counts.providers,
                    counts.municipalities,
                    counts.audit_rows
                );
            }
            if !problems.is_empty() {
                return Err(Error::DatabaseDamaged {
                    path: vault.db_path(),
                    detail: problems.join("; "),
                });
            }
        }
        Command::Cases(command) => {
            let mut registry = unlock(&vault, &user)?;
            cases::run(&mut registry, command)?;
        }
        Command::Providers(command) => {
            let mut registry = unlock(&vault, &user)?;
            providers::run(&mut registry, command, lang)?;
        }
        Command::Campaigns(command) => {
            let mut registry = unlock(&vault, &user)?;
            campaigns::run(&mut registry, command)?;
        }
        Command::Match(args) => {
            let registry = unlock(&vault, &user)?;
            matching::run(&registry, args, lang)?;
        }
        Command::Plans(command) => {
            let mut registry = unlock(&vault, &user)?;
            plans::run(&mut registry, command, lang)?;
        }
        Command::Respite(command) => {
            let mut registry = unlock(&vault, &user)?;
            respite::run(&mut registry, command, lang)?;
        }
        Command::Equipment(command) => {
            let mut registry = unlock(&vault, &user)?;
            equipment::run(&mut registry, command, lang)?;
        }
        Command::Disaster(command) => {
            let mut registry = unlock(&vault, &user)?;
            disaster::run(&mut registry, command, lang)?;
        }
        Command::Audit(command) => {
            let registry = unlock(&vault, &user)?;
            if !audit::run(&registry, command, lang)? {
                drop(registry);
                std::process::exit(audit::TAMPERED_EXIT);
            }
        }
        Command::Backup(args) => {
            let registry = unlock(&vault, &user)?;
            backup::run_backup(&registry, args, lang)?;
        }
        Command::Restore(args) => backup::run_restore(&vault, &user, args, lang)?,
        Command::Export(command) => {
            let registry = unlock(&vault, &user)?;
            export::run(&registry, command, lang)?;
        }
        Command::Users(command) => {
            let mut registry = unlock(&vault, &user)?;
            users::run(&mut registry, command, lang)?;
        }
        Command::Passwd => {
            let current = read_passphrase("現在のパスフレーズ / Current passphrase: ")?;
            let mut registry = unlock_with(&vault, &user, current.clone())?;
            users::passwd(&mut registry, current, lang)?;
        }
        Command::RecoveryKey(users::RecoveryKeyCommand::New) => {
            let mut registry = unlock(&vault, &user)?;
            users::new_recovery_key(&mut registry, lang)?;
        }
        Command::Recover { login } => users::recover(&vault, login, lang)?,
        Command::Demo {
            seed,
            children,
            providers,
        } => {
            let mut registry = unlock(&vault, &user)?;
            let stamp = stamp(&registry);
            let s = registry.generate_demo(
                DemoSpec {
                    seed,
                    children,
                    providers,
                },
                &stamp,
            )?;
            println!(
                "demo seed {seed}: {} children, {} care items, {} weights, {} providers",
                s.children, s.care_items, s.weights, s.providers
            );
        }
    }
    Ok(())
}

fn unlock(vault: &Vault, login: &str) -> Result<Registry, Error> {
    unlock_with(
        vault,
        login,
        read_passphrase("パスフレーズ / Passphrase: ")?,
    )
}

/// Unlocks as `--user` with `passphrase`.
fn unlock_with(vault: &Vault, login: &str, passphrase: String) -> Result<Registry, Error> {
    vault.unlock(
        &UnlockRequest {
            login: login.to_string(),
            passphrase,
        },
        chrono::Utc::now(),
    )
}

fn read_passphrase(label: &str) -> Result<String, Error> {
    match std::env::var("KAKEHASHI_PASSPHRASE") {
        Ok(p) => Ok(p),
        Err(_) => prompt(label),
    }
}

fn prompt(label: &str) -> Result<String, Error> {
    rpassword::prompt_password(label).map_err(|source| Error::Io {
        path: "/dev/tty".into(),
        source,
    })
}

pub(crate) fn print_json<T: serde::Serialize>(value: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("plain data serialises")
    );
}
