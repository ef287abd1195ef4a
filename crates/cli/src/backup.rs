//! `kakehashi backup` (make one, list them, the schedule) and `kakehashi restore FILE`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Subcommand};
use kakehashi::backup::{
    self, BEFORE_RESTORE_FILE, BackupInfo, BackupOptions, BackupSchedule, RestoreReport,
};
use kakehashi::vault::VaultState;
use kakehashi::{Error, Lang, Registry, Vault};

use crate::print_json;

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BackupArgs {
    #[command(subcommand)]
    command: Option<BackupCommand>,
    /// Backup folder [default: backups/ in the data directory]
    #[arg(long)]
    dir: Option<PathBuf>,
    /// Generations to keep in that folder [default: the schedule's, 7]
    #[arg(long)]
    keep: Option<u32>,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum BackupCommand {
    /// List the backups, newest first, with size, time and whether they were verified
    List {
        /// Backup folder [default: backups/ in the data directory]
        #[arg(long)]
        dir: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Show the automatic backup schedule, or change it
    Schedule {
        /// Hours between automatic backups (0 = off)
        #[arg(long)]
        every_hours: Option<u32>,
        /// Generations to keep
        #[arg(long)]
        keep: Option<u32>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct RestoreArgs {
    /// The backup file (kakehashi-YYYYMMDD-HHMMSS.kbak)
    file: PathBuf,
    /// Do not ask before replacing the current data
    #[arg(long)]
    yes: bool,
    #[arg(long)]
    json: bool,
}

pub fn run_backup(registry: &Registry, args: BackupArgs, lang: Lang) -> Result<(), Error> {
    match args.command {
        Some(BackupCommand::List { dir, json }) => {
            let (dir, backups) = match dir {
                Some(dir) => {
                    let list = backup::list_backups(&dir)?;
                    (dir.display().to_string(), list)
                }
                None => {
                    let list = registry.list_backups()?;
                    (list.dir, list.backups)
                }
            };
            if json {
                print_json(&serde_json::json!({ "dir": dir, "backups": backups }));
            } else {
                println!("{dir}");
                for b in &backups {
                    print_info(b, lang);
                }
                if backups.is_empty() {
                    println!(
                        "{}",
                        lang.pick(
                            "バックアップはまだありません。".into(),
                            "No backups yet.".into()
                        )
                    );
                }
            }
        }
        Some(BackupCommand::Schedule {
            every_hours,
            keep,
            json,
        }) => {
            let mut schedule = registry.backup_schedule()?;
            if every_hours.is_some() || keep.is_some() {
                schedule = BackupSchedule {
                    every_hours: every_hours.unwrap_or(schedule.every_hours),
                    keep: keep.unwrap_or(schedule.keep),
                };
                registry.set_backup_schedule(&schedule)?;
            }
            if json {
                print_json(&schedule);
            } else if schedule.every_hours == 0 {
                println!(
                    "{}",
                    lang.pick(
                        format!("自動バックアップ: しない · 保存世代数 {}", schedule.keep),
                        format!("automatic backups: off · keep {}", schedule.keep)
                    )
                );
            } else {
                println!(
                    "{}",
                    lang.pick(
                        format!(
                            "自動バックアップ: {}時間ごと · 保存世代数 {}",
                            schedule.every_hours, schedule.keep
                        ),
                        format!(
                            "automatic backups: every {} hours · keep {}",
                            schedule.every_hours, schedule.keep
                        )
                    )
                );
            }
        }
        None => {
            let options = BackupOptions {
                dir: args.dir,
                keep: args.keep,
            };
            let show = std::io::stderr().is_terminal() && !args.json;
            let mut progress = |p: backup::BackupProgress| {
                if show && p.total > 0 {
                    eprint!("\r{}%", p.done * 100 / p.total);
                }
                true
            };
            let done = registry
                .backup(&options, chrono::Utc::now(), &mut progress)?
                .expect("the CLI never cancels");
            if show {
                eprintln!();
            }
            if args.json {
                print_json(&done);
            } else {
                println!(
                    "{}",
                    std::path::Path::new(&done.dir)
                        .join(&done.backup.name)
                        .display()
                );
                println!(
                    "{}",
                    lang.pick(
                        format!(
                            "検証済み · {} · {} ms",
                            size(done.backup.size_bytes),
                            done.millis
                        ),
                        format!(
                            "verified · {} · {} ms",
                            size(done.backup.size_bytes),
                            done.millis
                        )
                    )
                );
                for name in &done.removed {
                    println!(
                        "{}",
                        lang.pick(
                            format!("古い世代を削除: {name}"),
                            format!("removed old generation: {name}")
                        )
                    );
                }
            }
        }
    }
    Ok(())
}

pub fn run_restore(vault: &Vault, login: &str, args: RestoreArgs, lang: Lang) -> Result<(), Error> {
    if vault.state() == VaultState::NeedsSetup {
        // A new computer: the key file comes with the backup; its passphrase opens it.
        let passphrase =
            crate::read_passphrase("バックアップ時のパスフレーズ / Passphrase at backup time: ")?;
        let (_registry, report) = backup::restore_into_new(vault, &args.file, login, &passphrase)?;
        print_report(&report, args.json, lang);
        return Ok(());
    }
    let registry = crate::unlock(vault, login)?;
    let prepared = registry.prepare_restore(&args.file)?;
    if !args.yes && !confirm(prepared.report(), lang) {
        eprintln!(
            "{}",
            lang.pick(
                "復元を取りやめました。データは変更していません。".into(),
                "Restore cancelled; nothing was changed.".into()
            )
        );
        std::process::exit(2);
    }
    let (_registry, report) = prepared.switch(registry)?;
    print_report(&report, args.json, lang);
    Ok(())
}

/// Asks on the terminal; without one (a script) only `--yes` restores.
fn confirm(report: &RestoreReport, lang: Lang) -> bool {
    eprintln!(
        "{}",
        lang.pick(
            format!(
                "{}（{}、{} 行）から復元します。現在のデータは復元前の状態として {BEFORE_RESTORE_FILE} に保存されます。",
                report.backup,
                report.created_at.as_deref().unwrap_or("日時不明"),
                report.rows
            ),
            format!(
                "Restoring {} ({}, {} rows). The current data is kept as {BEFORE_RESTORE_FILE}.",
                report.backup,
                report.created_at.as_deref().unwrap_or("time unknown"),
                report.rows
            )
        )
    );
    if !std::io::stdin().is_terminal() {
        eprintln!(
            "{}",
            lang.pick(
                "確認できないため中止します。実行するには --yes を付けてください。".into(),
                "Cannot ask without a terminal; add --yes to restore.".into()
            )
        );
        return false;
    }
    eprint!(
        "{}",
        lang.pick("復元しますか？ [y/N] ".into(), "Restore? [y/N] ".into())
    );
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    if std::io::stdin().lock().read_line(&mut line).is_err() {
        return false;
    }
    matches!(line.trim().to_lowercase().as_str(), "y" | "yes" | "はい")
}

fn print_report(report: &RestoreReport, json: bool, lang: Lang) {
    if json {
        print_json(report);
        return;
    }
    println!(
        "{}",
        lang.pick(
            format!(
                "復元しました: {} · スキーマ {} · {} 行",
                report.backup, report.schema_version, report.rows
            ),
            format!(
                "restored {} · schema {} · {} rows",
                report.backup, report.schema_version, report.rows
            )
        )
    );
    if let Some(kept) = &report.previous_kept_as {
        println!(
            "{}",
            lang.pick(
                format!("復元前のデータ: {kept}"),
                format!("previous data kept as {kept}")
            )
        );
    }
}

fn print_info(b: &BackupInfo, lang: Lang) {
    let verified = if b.verified {
        lang.pick("検証済み".into(), "verified".into())
    } else {
        lang.pick("未検証".into(), "NOT verified".into())
    };
    println!(
        "{}\t{}\t{}\t{verified}",
        b.name,
        b.created_at.as_deref().unwrap_or("-"),
        size(b.size_bytes)
    );
}

fn size(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}
