//! `kakehashi users …`, `passwd`, `recovery-key new` and `recover`: the office's users from
//! the command line (issue 8).
//!
//! Users are named by their login here; the core's user ids stay inside. Managing users and
//! the recovery key is an admin's (the core refuses others: exit 8); anyone changes their own
//! passphrase with `passwd`, and `recover` needs no passphrase at all, only the recovery key.
//! New passphrases come from `KAKEHASHI_NEW_PASSPHRASE` or are asked twice; the recovery key
//! from `KAKEHASHI_RECOVERY_KEY` or is asked.

use clap::Subcommand;
use kakehashi::users::{
    self, ChangePassphraseRequest, NewUserRequest, ResetPassphraseRequest, UpdateUserRequest,
    UserRole, UserSummary,
};
use kakehashi::vault::RecoverRequest;
use kakehashi::{Error, Lang, Registry, Vault};

use crate::{print_json, prompt, stamp};

#[derive(Subcommand)]
pub enum UsersCommand {
    /// Every user: login, name, role (admins first)
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a user with their own passphrase ($KAKEHASHI_NEW_PASSPHRASE, else asked twice)
    Add {
        /// Their login: 2–32 of a–z 0–9 . _ -
        login: String,
        /// Their name as shown in the app and the audit log
        #[arg(long)]
        name: String,
        #[arg(long, value_parser = parse_role)]
        role: UserRole,
    },
    /// Change a user's name or role (the last admin stays an admin)
    Set {
        login: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long, value_parser = parse_role)]
        role: Option<UserRole>,
    },
    /// Remove a user: their passphrase opens nothing any more
    Remove { login: String },
    /// Set another user's passphrase when they forgot it ($KAKEHASHI_NEW_PASSPHRASE, else asked)
    ResetPassphrase { login: String },
}

#[derive(Subcommand)]
pub enum RecoveryKeyCommand {
    /// Make a new recovery key (the old one stops working); printed once
    New,
}

fn parse_role(code: &str) -> Result<UserRole, String> {
    UserRole::from_code(code).ok_or_else(|| "admin, coordinator or viewer".to_string())
}

pub fn run(registry: &mut Registry, command: UsersCommand, lang: Lang) -> Result<(), Error> {
    match command {
        UsersCommand::List { json } => {
            let users = registry.list_users()?;
            if json {
                print_json(&users);
            } else {
                for u in users {
                    let me = if u.is_me { " *" } else { "" };
                    println!("{}\t{}\t{}{me}", u.login, u.display_name, u.role.code());
                }
            }
        }
        UsersCommand::Add { login, name, role } => {
            let (passphrase, confirmation) = new_passphrase()?;
            let request = NewUserRequest {
                login,
                display_name: name,
                role,
                passphrase,
                confirmation,
            };
            let added = registry.add_user(&request, &stamp(registry))?;
            println!(
                "{}\t{}\t{}",
                added.login,
                added.display_name,
                added.role.code()
            );
        }
        UsersCommand::Set { login, name, role } => {
            let user = find(registry, &login)?;
            let request = UpdateUserRequest {
                user_id: user.user_id,
                display_name: name.unwrap_or(user.display_name),
                role: role.unwrap_or(user.role),
            };
            let saved = registry.update_user(&request, &stamp(registry))?;
            println!(
                "{}\t{}\t{}",
                saved.login,
                saved.display_name,
                saved.role.code()
            );
        }
        UsersCommand::Remove { login } => {
            let user = find(registry, &login)?;
            registry.remove_user(&user.user_id, &stamp(registry))?;
            println!(
                "{}",
                lang.pick(
                    format!("{} を削除しました。", user.login),
                    format!("Removed {}.", user.login)
                )
            );
        }
        UsersCommand::ResetPassphrase { login } => {
            let user = find(registry, &login)?;
            let (passphrase, confirmation) = new_passphrase()?;
            let request = ResetPassphraseRequest {
                user_id: user.user_id,
                passphrase,
                confirmation,
            };
            registry.reset_passphrase(&request, &stamp(registry))?;
            println!(
                "{}",
                lang.pick(
                    format!("{} のパスフレーズを設定しました。", user.login),
                    format!("Set the passphrase of {}.", user.login)
                )
            );
        }
    }
    Ok(())
}

/// `passwd`: the signed-in user's own passphrase; `current` is the one they unlocked with.
pub fn passwd(registry: &mut Registry, current: String, lang: Lang) -> Result<(), Error> {
    let (passphrase, confirmation) = new_passphrase()?;
    let request = ChangePassphraseRequest {
        current,
        passphrase,
        confirmation,
    };
    registry.change_own_passphrase(&request, &stamp(registry))?;
    println!(
        "{}",
        lang.pick(
            "パスフレーズを変更しました。".into(),
            "Passphrase changed.".into()
        )
    );
    Ok(())
}

/// `recovery-key new`: the key on stdout (and nowhere else), what to do with it on stderr.
pub fn new_recovery_key(registry: &mut Registry, lang: Lang) -> Result<(), Error> {
    let key = registry.new_recovery_key(&stamp(registry))?;
    eprintln!(
        "{}",
        lang.pick(
            "新しい回復キー（一度だけ表示します。前の回復キーはもう使えません。印刷するか書き写して安全な場所に保管してください）:".into(),
            "New recovery key (shown once only; the previous one no longer works. Print or copy it and keep it somewhere safe):".into(),
        )
    );
    println!("{}", key.key);
    Ok(())
}

/// `recover <login>`: a new passphrase for `login` with the organisation's recovery key.
pub fn recover(vault: &Vault, login: String, lang: Lang) -> Result<(), Error> {
    let recovery_key = match std::env::var("KAKEHASHI_RECOVERY_KEY") {
        Ok(k) => k,
        Err(_) => prompt("回復キー / Recovery key: ")?,
    };
    let (passphrase, confirmation) = new_passphrase()?;
    let request = RecoverRequest {
        login,
        recovery_key,
        passphrase,
        confirmation,
    };
    let registry = vault.recover(&request, chrono::Utc::now())?;
    println!(
        "{}",
        lang.pick(
            format!(
                "{} の新しいパスフレーズを設定しました。",
                registry.session().login
            ),
            format!("Set a new passphrase for {}.", registry.session().login)
        )
    );
    Ok(())
}

/// A new passphrase and its confirmation: `KAKEHASHI_NEW_PASSPHRASE` (both), else asked twice.
fn new_passphrase() -> Result<(String, String), Error> {
    if let Ok(p) = std::env::var("KAKEHASHI_NEW_PASSPHRASE") {
        return Ok((p.clone(), p));
    }
    let passphrase = prompt("新しいパスフレーズ / New passphrase: ")?;
    let confirmation = prompt("もう一度 / Again: ")?;
    Ok((passphrase, confirmation))
}

/// The user with `login` (as the core stores logins: trimmed, lower case).
fn find(registry: &Registry, login: &str) -> Result<UserSummary, Error> {
    let wanted = users::normalize_login(login)?;
    registry
        .list_users()?
        .into_iter()
        .find(|u| u.login == wanted)
        .ok_or_else(|| Error::NotFound {
            entity: "user",
            id: wanted,
        })
}
