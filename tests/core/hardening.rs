//! The desktop shell's attack surface, read from its sources (issue 8, "Hardening"): the
//! content security policy loads nothing remote, the window may call only our own commands,
//! and no command takes a file path from the web view — files are reached only through
//! paths a native dialog returned (or, for backups, a bare file name inside the backup folder).
//! The shell is not built by these tests; they read its configuration and code as text.

use std::fs;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(rel: &str) -> String {
    fs::read_to_string(repo().join(rel)).unwrap_or_else(|e| panic!("reading {rel}: {e}"))
}

fn csp() -> Vec<(String, Vec<String>)> {
    let conf: serde_json::Value = serde_json::from_str(&read("src-tauri/tauri.conf.json")).unwrap();
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("tauri.conf.json sets a CSP string");
    csp.split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut parts = d.split_whitespace().map(str::to_string);
            let name = parts.next().unwrap();
            (name, parts.collect())
        })
        .collect()
}

#[test]
fn the_content_security_policy_loads_nothing_from_the_network_and_runs_no_eval() {
    let csp = csp();
    let directive = |name: &str| csp.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
    assert_eq!(
        directive("default-src"),
        Some(vec!["'self'".to_string()]),
        "everything not named falls back to the app's own files"
    );
    assert!(
        directive("script-src").is_none(),
        "scripts fall back to 'self' (no inline or remote scripts)"
    );
    for (name, sources) in &csp {
        for source in sources {
            assert_ne!(source, "'unsafe-eval'", "{name} allows eval");
            assert_ne!(source, "*", "{name} allows any origin");
            let remote = source.starts_with("http:") || source.starts_with("https:");
            let ipc = name == "connect-src" && source == "http://ipc.localhost";
            assert!(
                !remote || ipc,
                "{name} allows a remote origin: {source} (only Tauri's IPC is allowed)"
            );
            assert!(
                !source.contains("://") || ipc || source == "ipc:",
                "{name} names a remote source: {source}"
            );
        }
    }
}

#[test]
fn the_page_loads_no_remote_content() {
    let html = read("ui/index.html");
    for attr in ["src=\"http", "href=\"http", "src=\"//", "href=\"//"] {
        assert!(
            !html.contains(attr),
            "ui/index.html loads remote content ({attr})"
        );
    }
    // The UI's sources fetch nothing: the only way out of the web view is our IPC.
    let mut stack = vec![repo().join("ui/src")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = path.to_string_lossy().to_string();
            if !(name.ends_with(".ts") || name.ends_with(".tsx")) || name.contains(".test.") {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            for call in [
                "XMLHttpRequest",
                "new WebSocket",
                "navigator.sendBeacon",
                "EventSource",
            ] {
                assert!(!text.contains(call), "{name} uses {call}");
            }
            // `fetch(` on its own, not a method such as TanStack Query's `refetch(`.
            let bare_fetch = text.match_indices("fetch(").any(|(at, _)| {
                !text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '_')
            });
            assert!(!bare_fetch, "{name} uses fetch(");
        }
    }
}

/// The string literals of a Rust list such as `const COMMANDS: &[&str] = &[ "a", "b" ];`.
fn quoted(list: &str) -> Vec<String> {
    list.split('"')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_string())
        .collect()
}

fn declared_commands() -> Vec<String> {
    let build = read("src-tauri/build.rs");
    let start = build
        .find("const COMMANDS")
        .expect("build.rs declares COMMANDS");
    let end = start + build[start..].find("];").unwrap();
    quoted(&build[start..end])
}

#[test]
fn the_window_may_call_our_own_commands_and_nothing_else() {
    let commands = declared_commands();
    assert!(commands.len() > 50, "build.rs lists the commands");
    let caps: serde_json::Value =
        serde_json::from_str(&read("src-tauri/capabilities/main-window.json")).unwrap();
    let granted: Vec<String> = caps["permissions"]
        .as_array()
        .expect("permissions listed")
        .iter()
        .map(|p| p.as_str().expect("permissions are plain names").to_string())
        .collect();
    for permission in &granted {
        let command = permission
            .strip_prefix("allow-")
            .unwrap_or_else(|| panic!("{permission} is not one of our allow-<command> permissions"))
            .replace('-', "_");
        assert!(
            commands.contains(&command),
            "{permission} grants a command build.rs does not declare"
        );
    }
    let lib = read("src-tauri/src/lib.rs");
    let start = lib
        .find("generate_handler![")
        .expect("lib.rs registers handlers");
    let end = start + lib[start..].find(']').unwrap();
    let handlers: Vec<String> = lib[start + "generate_handler![".len()..end]
        .split(',')
        .map(|h| h.trim().rsplit("::").next().unwrap().to_string())
        .filter(|h| !h.is_empty())
        .collect();
    for command in &commands {
        let kebab = format!("allow-{}", command.replace('_', "-"));
        assert!(
            granted.contains(&kebab),
            "{command} is declared but not granted"
        );
        assert!(handlers.contains(command), "{command} has no handler");
    }
    let cargo = read("src-tauri/Cargo.toml");
    for plugin in ["tauri-plugin-fs", "tauri-plugin-shell", "tauri-plugin-http"] {
        assert!(!cargo.contains(plugin), "the shell uses {plugin}");
    }
}

/// The parameter lists of every `#[tauri::command]` function in the shell's sources.
fn command_signatures() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in fs::read_dir(repo().join("src-tauri/src")).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let mut rest = text.as_str();
        while let Some(at) = rest.find("#[tauri::command") {
            rest = &rest[at..];
            let fn_at = rest.find("fn ").unwrap();
            let open = fn_at + rest[fn_at..].find('(').unwrap();
            // The parenthesis that closes the parameter list (types may hold parentheses too).
            let mut depth = 0;
            let close = open
                + rest[open..]
                    .char_indices()
                    .find(|&(_, c)| {
                        depth += match c {
                            '(' => 1,
                            ')' => -1,
                            _ => 0,
                        };
                        depth == 0
                    })
                    .unwrap()
                    .0;
            let name = rest[fn_at + 3..open].trim().to_string();
            out.push((name, rest[open + 1..close].to_string()));
            rest = &rest[close..];
        }
    }
    out
}

#[test]
fn no_command_takes_a_file_path_from_the_web_view() {
    let signatures = command_signatures();
    assert_eq!(
        signatures.len(),
        declared_commands().len(),
        "every declared command was found in the sources"
    );
    for (name, params) in &signatures {
        for bad in ["PathBuf", "&Path", "path:", "file:", "out:", "dir:"] {
            assert!(
                !params.contains(bad),
                "command {name} takes `{bad}` from the web view: ({params})"
            );
        }
    }
}
