//! Hostile files and folders: pipes, devices, folders too deep or
//! unreadable, paths too long, links to nothing, editor lock files, and
//! output that cannot be written. Nothing hangs, nothing is skipped
//! silently, every readable file is still evaluated.

use common::*;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

mod common;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_peacecoop"));
    c.current_dir(manifest_dir())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("RUST_BACKTRACE");
    c
}

/// Runs the binary with its standard output going to `stdout`.
fn run_to(args: &[&str], stdout: Stdio) -> Out {
    let out = bin()
        .args(args)
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs");
    Out {
        code: out.status.code().expect("exited normally, not by a signal"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

// ------------------------------------------------------------------ output

/// Standard output on a full disk (`/dev/full`).
#[cfg(target_os = "linux")]
fn full() -> Stdio {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full")
        .into()
}

#[cfg(target_os = "linux")]
#[test]
fn every_command_reports_a_failed_write_and_exits_2() {
    let commands: &[&[&str]] = &[
        &["evaluate", ELIGIBLE],
        &["evaluate", "scenarios/", "--format", "json"],
        &["evaluate", ELIGIBLE, "--format", "summary"],
        &["evaluate", ELIGIBLE, "--format", "csv"],
        &["evaluate", ELIGIBLE, "--format", "html"],
        &["evaluate", ELIGIBLE, "--format", "markdown"],
        &["evaluate", ELIGIBLE, "--format", "mermaid"],
        &["test", "scenarios/"],
        &["whatif", NOT_ELIGIBLE],
        &["history", ELIGIBLE],
        &["matrix", ELIGIBLE, "--vary", "impartial"],
        &["readings"],
        &["readings", ELIGIBLE],
        &["rules"],
        &["rules", "--format", "mermaid"],
        &["explain", "ceasefire-agreement"],
        &["sources"],
        &["check"],
        &["schema"],
        &["completions", "bash"],
        &["man"],
        &["man", "evaluate"],
        &["bench", ELIGIBLE],
        &["--help"],
        &["--version"],
        &["evaluate", "--help"],
    ];
    for args in commands {
        let out = run_to(args, full());
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.contains("cannot write the output"),
            "{args:?}: {}",
            out.stderr
        );
        assert!(!out.stderr.contains("panicked"), "{args:?}: {}", out.stderr);
    }
    // In Japanese, the reason too.
    let out = run_to(&["evaluate", ELIGIBLE, "--lang", "ja"], full());
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "エラー: 出力を書き込めない：ディスクに空きがない\n"
    );
}

#[test]
fn a_closed_pipe_stops_the_output_quietly() {
    for args in [
        &["evaluate", "scenarios/"][..],
        &["evaluate", "scenarios/", "--format", "json"],
        &["rules"],
        &["man"],
    ] {
        let (first, out) = first_line_then_close(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!first.is_empty(), "{args:?}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        assert_ne!(out.status.code(), Some(2), "{args:?}");
    }
}

/// Runs the binary, reads the first line of its output, then closes the
/// pipe as `| head -1` does; returns that line and how the run ended.
fn first_line_then_close(args: &[&str]) -> (String, std::process::Output) {
    let mut child = bin()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut first = String::new();
    {
        let mut reader = BufReader::new(child.stdout.take().expect("stdout"));
        reader.read_line(&mut first).expect("a first line");
    }
    (first, child.wait_with_output().expect("it ends"))
}

#[test]
fn a_batch_stops_reading_files_when_its_reader_goes_away() {
    // Many good files, then a bad one: a batch held whole would read them
    // all (and report the bad one) before writing; a streamed batch stops
    // at the closed pipe, chunks before the bad file.
    let tmp = TempDir::new();
    let text = read(ELIGIBLE);
    for i in 0..800 {
        tmp.write(&format!("s{i:04}.yaml"), &text);
    }
    tmp.write("zzz-bad.yaml", "name: [\n");
    for format in ["json", "text"] {
        let (first, out) = first_line_then_close(&["evaluate", s(tmp.path()), "--format", format]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!first.is_empty(), "{format}");
        assert!(!stderr.contains("zzz-bad.yaml"), "{format}: {stderr}");
        assert_ne!(out.status.code(), Some(2), "{format}: {stderr}");
    }
}

// ------------------------------------------------------------------- pipes

#[cfg(unix)]
fn mkfifo(p: &Path) {
    let ok = Command::new("mkfifo")
        .arg(p)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "mkfifo {}", p.display());
}

/// Runs `args` while another thread writes `text` into the FIFO `fifo`
/// once the binary opens it. Never hangs: if the binary does not open the
/// FIFO, the writer is released by opening it here.
#[cfg(unix)]
fn run_feeding(args: &[&str], fifo: &Path, text: &str) -> Out {
    let (path, text) = (fifo.to_path_buf(), text.to_owned());
    let writer = std::thread::spawn(move || {
        if let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(&path) {
            let _ = f.write_all(text.as_bytes());
        }
    });
    let out = run(args);
    // If the binary did not read it all, the writer may still be waiting to
    // open the pipe (or not have tried yet): hold a reader open, without
    // blocking, until it is done (its text fits in the pipe's buffer).
    for _ in 0..1_000 {
        if writer.is_finished() {
            break;
        }
        let reader = nonblocking_reader(fifo);
        std::thread::sleep(std::time::Duration::from_millis(10));
        drop(reader);
    }
    writer.join().expect("the writer ends");
    out
}

/// Opens a named pipe for reading without waiting for a writer.
#[cfg(unix)]
fn nonblocking_reader(fifo: &Path) -> Option<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK on Linux.
    const O_NONBLOCK: i32 = 0o4000;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(O_NONBLOCK)
        .open(fifo)
        .ok()
}

#[cfg(unix)]
#[test]
fn a_scenario_given_as_a_pipe_is_read_once() {
    let tmp = TempDir::new();
    let fifo = tmp.path().join("piped.yaml");
    mkfifo(&fifo);
    let out = run_feeding(
        &["evaluate", s(&fifo), "--format", "summary"],
        &fifo,
        &read(ELIGIBLE),
    );
    assert_code(&out, 0);
    assert!(out.stdout.starts_with("ELIGIBLE"), "{}", out.stdout);
    // A mistake in a piped scenario is shown with its line, from the bytes
    // read (the pipe is not opened a second time).
    let out = run_feeding(
        &["evaluate", s(&fifo)],
        &fifo,
        "name: piped\noperation: un_peacekeping\n",
    );
    assert_code(&out, 2);
    assert!(out.stderr.contains("piped.yaml:2:12"), "{}", out.stderr);
    assert!(
        out.stderr.contains("2 | operation: un_peacekeping"),
        "{}",
        out.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_pipe_inside_a_folder_is_reported_and_the_rest_evaluated() {
    let tmp = TempDir::new();
    tmp.write("ok.yaml", &read(ELIGIBLE));
    mkfifo(&tmp.path().join("pipe.yaml"));
    mkfifo(&tmp.path().join("pipe.txt")); // not named like a scenario: ignored
    for command in ["evaluate", "check", "test"] {
        let out = run(&[command, s(tmp.path())]);
        assert_code(&out, 2);
        assert!(
            out.stderr
                .contains("pipe.yaml: skipped: not a regular file (a pipe, socket or device)"),
            "{command}: {}",
            out.stderr
        );
        assert!(!out.stderr.contains("pipe.txt"), "{}", out.stderr);
    }
    let out = run(&["evaluate", s(tmp.path()), "--format", "summary"]);
    assert!(out.stdout.contains("ok.yaml"), "{}", out.stdout);
    assert!(out.stdout.contains("1 eligible"), "{}", out.stdout);
    // In a rules folder, too.
    let (_keep, rules) = rules_copy();
    mkfifo(&rules.join("pipe.yaml"));
    let out = run(&["check", "--rules", s(&rules)]);
    assert_code(&out, 2);
    assert!(
        out.stderr.contains("pipe.yaml: error[not-a-file]"),
        "{}",
        out.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_device_in_a_rules_folder_is_not_read() {
    let (_keep, rules) = rules_copy();
    std::os::unix::fs::symlink("/dev/zero", rules.join("zero.yaml")).expect("link");
    let out = run(&["check", "--rules", s(&rules)]);
    assert_code(&out, 2);
    assert!(
        out.stderr.contains("zero.yaml: error[not-a-file]"),
        "{}",
        out.stderr
    );
    // Named on the command line, a device is read up to the size limit only.
    let out = run(&["evaluate", "/dev/zero", "--max-size", "1000"]);
    assert_code(&out, 2);
    assert!(
        out.stderr
            .contains("the file holds more than the limit of 1000 bytes"),
        "{}",
        out.stderr
    );
}

// ----------------------------------------------------------------- folders

#[test]
fn folders_too_deep_are_reported_and_the_rest_evaluated() {
    let tmp = TempDir::new();
    tmp.write("top.yaml", &read(ELIGIBLE));
    let deep = format!("{}deep.yaml", "d/".repeat(40));
    tmp.write(&deep, &read(NOT_ELIGIBLE));
    let out = run(&["evaluate", s(tmp.path()), "--format", "summary"]);
    assert_code(&out, 2);
    assert!(
        out.stderr
            .contains("skipped: the folder is more than 32 folders deep"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("top.yaml"), "{}", out.stdout);
    assert!(out.stdout.contains("1 eligible"), "{}", out.stdout);
    assert!(out.stdout.contains("1 error"), "{}", out.stdout);
}

#[cfg(unix)]
#[test]
fn a_path_too_long_is_reported_and_the_rest_evaluated() {
    let tmp = TempDir::new();
    tmp.write("top.yaml", &read(ELIGIBLE));
    // 25 folders of 200 characters: more than the 4096 bytes a path may
    // have. They are made through a chain of short links kept outside the
    // folder evaluated (`links/l3` is `l2/nnn…`), so that no path used here
    // is too long.
    let name = "n".repeat(200);
    let links = TempDir::new();
    let mut last = PathBuf::from(s(tmp.path())).join(&name);
    std::fs::create_dir(&last).expect("mkdir");
    for i in 1..25 {
        let link = links.path().join(format!("l{i}"));
        let target = if i == 1 {
            last.clone()
        } else {
            PathBuf::from(format!("l{}", i - 1)).join(&name)
        };
        std::os::unix::fs::symlink(&target, &link).expect("link");
        last = link.join(&name);
        std::fs::create_dir(&last).expect("mkdir through the link");
    }
    std::fs::write(last.join("deep.yaml"), read(ELIGIBLE)).expect("write");
    let out = run(&["evaluate", s(tmp.path()), "--format", "summary"]);
    assert_code(&out, 2);
    assert!(
        out.stderr
            .contains("cannot read: the path, or a name in it, is too long"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("1 eligible"), "{}", out.stdout);
}

/// Whether this process runs as root (who can read any folder).
#[cfg(unix)]
fn running_as_root(tmp: &TempDir) -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = tmp.write("probe", "");
    let root = std::fs::metadata(&probe).is_ok_and(|m| m.uid() == 0);
    let _ = std::fs::remove_file(probe);
    root
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_reported_and_the_rest_evaluated() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = TempDir::new();
    tmp.write("top.yaml", &read(ELIGIBLE));
    tmp.write("locked/inside.yaml", &read(NOT_ELIGIBLE));
    let locked = tmp.path().join("locked");
    let args = [
        "evaluate".to_owned(),
        s(tmp.path()).to_owned(),
        "--format".to_owned(),
        "summary".to_owned(),
    ];
    let mut cmd = bin();
    if running_as_root(&tmp) {
        // Root reads any folder: run as `nobody`, if this system can.
        let can = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
            .status()
            .is_ok_and(|s| s.success());
        if !can {
            eprintln!("skipped: running as root, and cannot run as another user");
            return;
        }
        cmd = Command::new("setpriv");
        cmd.current_dir(manifest_dir()).args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            env!("CARGO_BIN_EXE_peacecoop"),
        ]);
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let out = cmd.args(&args).output().expect("runs");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("locked: cannot read: permission denied"),
        "{stderr}"
    );
    assert!(stdout.contains("top.yaml"), "{stdout}");
    assert!(stdout.contains("1 eligible"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn lock_files_hidden_folders_and_links_to_nothing_are_skipped() {
    use std::os::unix::fs::symlink;
    let tmp = TempDir::new();
    let dir = tmp.path().join("scenarios");
    let elsewhere = tmp.path().join("elsewhere");
    tmp.write("scenarios/a.yaml", &read(ELIGIBLE));
    tmp.write("scenarios/.github/workflow.yaml", "on: push\n");
    tmp.write("scenarios/.hidden.yaml", "name: [\n");
    tmp.write("elsewhere/linked.yaml", &read(NOT_ELIGIBLE));
    // An Emacs lock file is a link to nothing named `.#a.yaml`.
    symlink("user@host.1234:1700000000", dir.join(".#a.yaml")).expect("link");
    symlink(tmp.path().join("gone.yaml"), dir.join("moved.yaml")).expect("link");
    symlink(tmp.path().join("gone.txt"), dir.join("notes.txt")).expect("link");
    // A linked folder is followed; a link back up is not walked twice.
    symlink(&elsewhere, dir.join("linked")).expect("link");
    symlink(&dir, dir.join("loop")).expect("link");
    let out = run(&["evaluate", s(&dir), "--format", "summary"]);
    assert_code(&out, 1);
    assert_eq!(
        out.stderr,
        format!(
            "warning: {}/moved.yaml: skipped: a link to a file that does not exist\n",
            s(&dir)
        )
    );
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", out.stdout);
    assert!(lines[0].contains("scenarios/a.yaml"), "{}", out.stdout);
    assert!(lines[1].contains("linked/linked.yaml"), "{}", out.stdout);
    assert!(
        lines[2].contains("1 eligible, 1 not eligible"),
        "{}",
        out.stdout
    );
    // The same holds for a rules folder.
    let (_keep, rules) = rules_copy();
    std::fs::create_dir_all(rules.join(".github")).expect("mkdir");
    std::fs::write(rules.join(".github/ci.yaml"), "on: push\n").expect("write");
    symlink("user@host.1:1", rules.join(".#facts.yaml")).expect("link");
    symlink(tmp.path().join("gone.yaml"), rules.join("moved.yaml")).expect("link");
    let out = run(&["evaluate", "--rules", s(&rules), ELIGIBLE]);
    assert_code(&out, 0);
    let out = run(&["check", "--rules", s(&rules)]);
    assert!(
        out.stderr.contains("moved.yaml: warning[dangling-link]"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_folder_whose_only_file_is_bad_gives_an_empty_array() {
    let tmp = TempDir::new();
    tmp.write("bad.yaml", "name: [\n");
    let out = run(&["evaluate", s(tmp.path()), "--format", "json"]);
    assert_code(&out, 2);
    assert_eq!(out.json(), serde_json::json!([]));
    assert!(out.stderr.contains("bad.yaml:1:7"), "{}", out.stderr);
    // And an empty folder.
    let empty = TempDir::new();
    let out = run(&["evaluate", s(empty.path()), "--format", "json"]);
    assert_code(&out, 2);
    assert_eq!(out.json(), serde_json::json!([]));
}

#[test]
fn a_large_batch_streams_in_order() {
    let tmp = TempDir::new();
    let text = read(ELIGIBLE);
    // More files than one chunk read at a time.
    for i in 0..600 {
        tmp.write(&format!("s{i:04}.yaml"), &text);
    }
    let out = run(&["evaluate", s(tmp.path()), "--format", "json"]);
    assert_code(&out, 0);
    let all = out.json();
    let items = all.as_array().expect("an array");
    assert_eq!(items.len(), 600);
    let files: Vec<PathBuf> = items
        .iter()
        .map(|r| PathBuf::from(r["scenario"]["file"].as_str().expect("file")))
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
}
