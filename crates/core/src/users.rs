//! Users, roles and what each role may do (issue 8).
//!
//! Users live in the key file (see [`crate::keys`]): a slot per user with their login, their
//! passphrase's wrap of the data key, and their profile (display name, role) sealed with the
//! data key. The signed-in user is the registry's [`Session`]; every use case starts with
//! [`Registry::require`] for the [`Permission`] it needs, so the rules hold whichever shell
//! calls it (the app, the CLI).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Invalid, Result};
use crate::keys::{KeyFile, NewSlotUser, Profile, SlotUser};
use crate::passphrase;
use crate::record::{Stamp, new_id};
use crate::store::audit::{self, Action, FieldChange};
use crate::vault::{KEY_FILE, Registry};

/// What a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UserRole {
    /// Everything, including users, the recovery key, backups, restore and whole-registry exports.
    Admin,
    /// Reads and changes records, makes documents and exports of one child.
    Coordinator,
    /// Reads only.
    Viewer,
}

/// What a use case needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    Read,
    Write,
    Admin,
}

impl Permission {
    pub const ALL: [Permission; 3] = [Permission::Read, Permission::Write, Permission::Admin];
}

impl UserRole {
    pub const ALL: [UserRole; 3] = [UserRole::Admin, UserRole::Coordinator, UserRole::Viewer];

    pub fn allows(self, p: Permission) -> bool {
        match p {
            Permission::Read => true,
            Permission::Write => self != UserRole::Viewer,
            Permission::Admin => self == UserRole::Admin,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            UserRole::Admin => "admin",
            UserRole::Coordinator => "coordinator",
            UserRole::Viewer => "viewer",
        }
    }

    pub fn from_code(code: &str) -> Option<UserRole> {
        UserRole::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// The signed-in user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Session {
    pub user_id: String,
    pub login: String,
    pub display_name: String,
    pub role: UserRole,
    /// What the role allows, from [`UserRole::allows`]: the screens offer only these (the core
    /// still checks every call).
    pub permissions: Vec<Permission>,
}

impl Session {
    pub fn new(user_id: String, login: String, display_name: String, role: UserRole) -> Session {
        Session {
            user_id,
            login,
            display_name,
            role,
            permissions: Permission::ALL
                .into_iter()
                .filter(|p| role.allows(*p))
                .collect(),
        }
    }
}

impl From<SlotUser> for Session {
    fn from(u: SlotUser) -> Session {
        Session::new(u.user_id, u.login, u.profile.display_name, u.profile.role)
    }
}

/// A user in the user list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UserSummary {
    pub user_id: String,
    pub login: String,
    pub display_name: String,
    pub role: UserRole,
    /// The signed-in user.
    pub is_me: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct NewUserRequest {
    pub login: String,
    pub display_name: String,
    pub role: UserRole,
    pub passphrase: String,
    pub confirmation: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct UpdateUserRequest {
    pub user_id: String,
    pub display_name: String,
    pub role: UserRole,
}

/// An admin sets another user's passphrase (they forgot it; no recovery key needed).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ResetPassphraseRequest {
    pub user_id: String,
    pub passphrase: String,
    pub confirmation: String,
}

/// A user changes their own passphrase.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ChangePassphraseRequest {
    pub current: String,
    pub passphrase: String,
    pub confirmation: String,
}

/// The organisation recovery key, shown once (8 groups of 4 letters and digits).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RecoveryKey {
    pub key: String,
}

const MAX_DISPLAY_NAME: usize = 50;

/// The login as stored: trimmed and lower-cased; refused unless 2–32 of a–z 0–9 . _ -
pub fn normalize_login(login: &str) -> Result<String> {
    let l = login.trim().to_lowercase();
    let ok = (2..=32).contains(&l.len())
        && l.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    if ok {
        Ok(l)
    } else {
        Err(Error::invalid("login", Invalid::MalformedLogin))
    }
}

/// A display name: required, at most 50 characters.
pub fn normalize_display_name(name: &str) -> Result<String> {
    let n = name.trim();
    if n.is_empty() {
        return Err(Error::invalid("display_name", Invalid::Required));
    }
    if n.chars().count() > MAX_DISPLAY_NAME {
        return Err(Error::invalid(
            "display_name",
            Invalid::TooLong {
                max_chars: MAX_DISPLAY_NAME,
            },
        ));
    }
    Ok(n.to_string())
}

impl Registry {
    /// The signed-in user.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// A stamp for a change made now by the signed-in user: the audit's "who".
    pub fn stamp(&self, at: DateTime<Utc>) -> Stamp {
        Stamp::new(self.session.login.clone(), at)
    }

    /// Refuses (`Error::Forbidden`) when the signed-in user's role does not allow `p`.
    pub fn require(&self, p: Permission) -> Result<()> {
        if self.session.role.allows(p) {
            Ok(())
        } else {
            Err(Error::Forbidden { needed: p })
        }
    }

    fn key_file(&self) -> Result<(KeyFile, std::path::PathBuf)> {
        let path = self.data_dir()?.join(KEY_FILE);
        Ok((KeyFile::read(&path)?, path))
    }

    /// Every user, admins first, then by login.
    pub fn list_users(&self) -> Result<Vec<UserSummary>> {
        self.require(Permission::Admin)?;
        let (file, _) = self.key_file()?;
        let mut users: Vec<UserSummary> = file
            .users(&self.key)?
            .into_iter()
            .map(|u| UserSummary {
                is_me: u.user_id == self.session.user_id,
                user_id: u.user_id,
                login: u.login,
                display_name: u.profile.display_name,
                role: u.profile.role,
            })
            .collect();
        users.sort_by(|a, b| (a.role, &a.login).cmp(&(b.role, &b.login)));
        Ok(users)
    }

    /// Adds a user with their own passphrase (a slot wrapping the data key).
    pub fn add_user(&mut self, r: &NewUserRequest, stamp: &Stamp) -> Result<UserSummary> {
        self.require(Permission::Admin)?;
        let login = normalize_login(&r.login)?;
        let display_name = normalize_display_name(&r.display_name)?;
        passphrase::validate_new(&r.passphrase, &r.confirmation)?;
        let (mut file, path) = self.key_file()?;
        if file.logins().contains(&login) {
            return Err(Error::invalid("login", Invalid::LoginTaken));
        }
        let user_id = new_id(stamp);
        file.add_user(
            &self.key,
            &NewSlotUser {
                user_id: &user_id,
                login: &login,
                passphrase: &r.passphrase,
                profile: Profile {
                    display_name: display_name.clone(),
                    role: r.role,
                },
            },
            self.kdf,
        )?;
        let changes = [
            change("login", None, Some(&login)),
            change("display_name", None, Some(&display_name)),
            change("role", None, Some(r.role.code())),
        ];
        self.write_users(&file, &path, stamp, &user_id, Action::Create, &changes)?;
        Ok(UserSummary {
            user_id,
            login,
            display_name,
            role: r.role,
            is_me: false,
        })
    }

    /// Changes a user's display name and role; never leaves the registry without an admin.
    pub fn update_user(&mut self, r: &UpdateUserRequest, stamp: &Stamp) -> Result<UserSummary> {
        self.require(Permission::Admin)?;
        let display_name = normalize_display_name(&r.display_name)?;
        let (mut file, path) = self.key_file()?;
        let users = file.users(&self.key)?;
        let before = users
            .iter()
            .find(|u| u.user_id == r.user_id)
            .ok_or_else(|| not_found(&r.user_id))?
            .clone();
        let admins_after = users
            .iter()
            .filter(|u| {
                let role = if u.user_id == r.user_id {
                    r.role
                } else {
                    u.profile.role
                };
                role == UserRole::Admin
            })
            .count();
        if admins_after == 0 {
            return Err(Error::invalid("role", Invalid::LastAdmin));
        }
        let profile = Profile {
            display_name: display_name.clone(),
            role: r.role,
        };
        file.set_profile(&self.key, &r.user_id, &profile)?;
        let mut changes = Vec::new();
        if before.profile.display_name != display_name {
            changes.push(change(
                "display_name",
                Some(&before.profile.display_name),
                Some(&display_name),
            ));
        }
        if before.profile.role != r.role {
            changes.push(change(
                "role",
                Some(before.profile.role.code()),
                Some(r.role.code()),
            ));
        }
        self.write_users(&file, &path, stamp, &r.user_id, Action::Update, &changes)?;
        if r.user_id == self.session.user_id {
            self.session = Session::new(
                r.user_id.clone(),
                self.session.login.clone(),
                display_name.clone(),
                r.role,
            );
        }
        Ok(UserSummary {
            user_id: r.user_id.clone(),
            login: before.login,
            display_name,
            role: r.role,
            is_me: r.user_id == self.session.user_id,
        })
    }

    /// Removes a user: their slot goes, so their passphrase opens nothing any more.
    pub fn remove_user(&mut self, user_id: &str, stamp: &Stamp) -> Result<()> {
        self.require(Permission::Admin)?;
        if user_id == self.session.user_id {
            return Err(Error::invalid("user_id", Invalid::CannotRemoveSelf));
        }
        let (mut file, path) = self.key_file()?;
        let users = file.users(&self.key)?;
        let gone = users
            .iter()
            .find(|u| u.user_id == user_id)
            .ok_or_else(|| not_found(user_id))?
            .clone();
        if gone.profile.role == UserRole::Admin
            && users
                .iter()
                .filter(|u| u.profile.role == UserRole::Admin)
                .count()
                == 1
        {
            return Err(Error::invalid("user_id", Invalid::LastAdmin));
        }
        file.remove_user(user_id);
        let changes = [
            change("login", Some(&gone.login), None),
            change("role", Some(gone.profile.role.code()), None),
        ];
        self.write_users(&file, &path, stamp, user_id, Action::Delete, &changes)
    }

    /// An admin sets another user's passphrase; only that user's slot is rewrapped.
    pub fn reset_passphrase(&mut self, r: &ResetPassphraseRequest, stamp: &Stamp) -> Result<()> {
        self.require(Permission::Admin)?;
        passphrase::validate_new(&r.passphrase, &r.confirmation)?;
        let (mut file, path) = self.key_file()?;
        if !file.set_passphrase(&self.key, &r.user_id, &r.passphrase, self.kdf)? {
            return Err(not_found(&r.user_id));
        }
        let changes = [change("passphrase", None, Some("reset"))];
        self.write_users(&file, &path, stamp, &r.user_id, Action::Update, &changes)
    }

    /// The signed-in user changes their own passphrase (any role); the current one must open
    /// their slot.
    pub fn change_own_passphrase(
        &mut self,
        r: &ChangePassphraseRequest,
        stamp: &Stamp,
    ) -> Result<()> {
        self.require(Permission::Read)?;
        let (mut file, path) = self.key_file()?;
        if !file.passphrase_opens(&self.session.user_id, &r.current)? {
            return Err(Error::invalid("current", Invalid::WrongPassphrase));
        }
        passphrase::validate_new(&r.passphrase, &r.confirmation)?;
        let me = self.session.user_id.clone();
        file.set_passphrase(&self.key, &me, &r.passphrase, self.kdf)?;
        let changes = [change("passphrase", None, Some("changed"))];
        self.write_users(&file, &path, stamp, &me, Action::Update, &changes)
    }

    /// The signed-in user's new passphrase after the recovery key opened the registry
    /// (`Vault::recover`): only their slot is rewrapped, audited as "recovered".
    pub(crate) fn set_recovered_passphrase(
        &mut self,
        passphrase: &str,
        stamp: &Stamp,
    ) -> Result<()> {
        let (mut file, path) = self.key_file()?;
        let me = self.session.user_id.clone();
        file.set_passphrase(&self.key, &me, passphrase, self.kdf)?;
        let changes = [change("passphrase", None, Some("recovered"))];
        self.write_users(&file, &path, stamp, &me, Action::Update, &changes)
    }

    /// Makes a new organisation recovery key (the old one stops working); show it once.
    pub fn new_recovery_key(&mut self, stamp: &Stamp) -> Result<RecoveryKey> {
        self.require(Permission::Admin)?;
        let (mut file, path) = self.key_file()?;
        let key = file.replace_recovery(&self.key, self.kdf)?;
        let changes = [change("recovery_key", None, Some("replaced"))];
        self.write_users(&file, &path, stamp, "recovery", Action::Update, &changes)?;
        Ok(RecoveryKey {
            key: key.to_string(),
        })
    }

    /// Whether the key file has a recovery slot (a registry from before users has none).
    pub fn has_recovery_key(&self) -> Result<bool> {
        self.require(Permission::Read)?;
        Ok(self.key_file()?.0.has_recovery())
    }

    /// Writes the key file and its audit row together: the row is inserted, the file
    /// replaced, then the row committed; a failed file write rolls the row back.
    fn write_users(
        &mut self,
        file: &KeyFile,
        path: &std::path::Path,
        stamp: &Stamp,
        entity_id: &str,
        action: Action,
        changes: &[FieldChange],
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        audit::record(&tx, stamp, "user", entity_id, action, changes)?;
        file.write(path)?;
        tx.commit()?;
        Ok(())
    }
}

fn change(field: &str, before: Option<&str>, after: Option<&str>) -> FieldChange {
    FieldChange {
        field: field.to_string(),
        before: before.map(|s| serde_json::Value::String(s.to_string())),
        after: after.map(|s| serde_json::Value::String(s.to_string())),
    }
}

fn not_found(user_id: &str) -> Error {
    Error::NotFound {
        entity: "user",
        id: user_id.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_allows_exactly_its_permissions() {
        use Permission::*;
        let table = [
            (UserRole::Admin, [true, true, true]),
            (UserRole::Coordinator, [true, true, false]),
            (UserRole::Viewer, [true, false, false]),
        ];
        for (role, expected) in table {
            for (p, want) in [Read, Write, Admin].into_iter().zip(expected) {
                assert_eq!(role.allows(p), want, "{role:?} {p:?}");
            }
            let session = Session::new("u".into(), "l".into(), "n".into(), role);
            let listed: Vec<bool> = [Read, Write, Admin]
                .iter()
                .map(|p| session.permissions.contains(p))
                .collect();
            assert_eq!(listed, expected, "what the screens are told for {role:?}");
        }
    }

    #[test]
    fn logins_are_lower_cased_and_checked() {
        assert_eq!(normalize_login("  Tanaka.K ").unwrap(), "tanaka.k");
        for bad in ["a", "田中", "has space", &"x".repeat(33), ""] {
            assert!(normalize_login(bad).is_err(), "{bad}");
        }
    }
}
