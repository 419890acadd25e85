//! Running the scored system as a shell command (`--cmd`), as score.py's
//! `run_system()` does: `{text}` and `{date}` filled in shell-quoted, `sh -c`, a
//! 120-second limit, standard output read as JSON.

use std::io::Read;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::gold::GoldDoc;
use super::pyjson;

/// score.py's default `--timeout`.
const TIMEOUT: Duration = Duration::from_secs(120);

/// Python's `shlex.quote`.
pub fn shell_quote(s: &str) -> String {
    if s.is_empty() {
        return "''".into();
    }
    let safe = s.chars().all(|c| c.is_ascii_alphanumeric() || "_@%+=:,./-".contains(c));
    if safe {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\"'\"'"))
    }
}

/// The command line for one document.
pub fn fill(template: &str, doc: &GoldDoc) -> String {
    template.replace("{text}", &shell_quote(&doc.text)).replace("{date}", &shell_quote(&doc.date))
}

/// Runs the command for `doc` and parses what it prints; the error text is what
/// score.py reports for a failing document.
pub fn run(template: &str, doc: &GoldDoc) -> Result<Value, String> {
    let cmd = fill(template, doc);
    let mut child = Command::new("/bin/sh")
        .arg("-c")
        .arg(&cmd)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run /bin/sh: {e}"))?;
    let stdout = read_in_background(child.stdout.take());
    let stderr = read_in_background(child.stderr.take());

    let start = Instant::now();
    let mut pause = Duration::from_millis(1);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() >= TIMEOUT => {
                // the command's own children may live on, as under score.py
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("Command '{cmd}' timed out after {} seconds", TIMEOUT.as_secs()));
            }
            Ok(None) => {
                thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            Err(e) => return Err(format!("waiting for {cmd}: {e}")),
        }
    };
    let out = text(stdout.join().unwrap_or_default());
    let err = text(stderr.join().unwrap_or_default());
    if !status.success() {
        let tail: String = {
            let chars: Vec<char> = err.chars().collect();
            chars[chars.len().saturating_sub(2000)..].iter().collect()
        };
        return Err(format!("command failed ({}): {cmd}\n{tail}", exit_code(&status)));
    }
    parse_json(&out)
}

fn read_in_background<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut buf);
        }
        buf
    })
}

/// Output decoded as Python's `text=True` does: UTF-8, universal newlines.
fn text(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes).replace("\r\n", "\n").replace('\r', "\n")
}

/// Python's `returncode`: the exit status, or minus the signal that ended the process.
fn exit_code(status: &std::process::ExitStatus) -> i32 {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return -signal;
        }
    }
    status.code().unwrap_or(-1)
}

/// `json.loads`, failing with Python's message.
fn parse_json(out: &str) -> Result<Value, String> {
    serde_json::from_str(out)
        .map_err(|e| pyjson::loads_error(out).unwrap_or_else(|| format!("invalid JSON from the command: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_like_shlex() {
        assert_eq!(shell_quote(""), "''");
        assert_eq!(shell_quote("a/b-c_d.txt"), "a/b-c_d.txt");
        assert_eq!(shell_quote("it's here"), "'it'\"'\"'s here'");
        assert_eq!(shell_quote("é"), "'é'");
    }

    #[test]
    fn blank_output_reads_as_python_says() {
        assert_eq!(parse_json(""), Err("Expecting value: line 1 column 1 (char 0)".into()));
        assert_eq!(parse_json("  \n "), Err("Expecting value: line 2 column 2 (char 4)".into()));
    }
}
