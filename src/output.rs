//! Writing results: to standard output, or to a file atomically (a temporary file in
//! the same directory, then a rename), so an interrupted run never leaves a
//! half-written graph in place of a good one.
//!
//! Only regular files are replaced that way. A rename over `/dev/null`, a FIFO or a
//! terminal would swap the device for a plain file (every later `> /dev/null` on the
//! machine then fills it, and `rustc -` reads it back as source), so those are written
//! in place; a symbolic link is followed, so the link stays and its target changes.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

/// Writes `bytes` to `path`, or to standard output when `path` is `None`.
pub fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match path {
        Some(path) => write_atomic(path, bytes),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes).and_then(|()| out.flush()).context("writing standard output")
        }
    }
}

/// Replaces `path` with `bytes` in one step.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let path = &match destination(path) {
        Destination::InPlace => {
            return std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()));
        }
        Destination::Replace(path) => path,
    };
    let tmp = temp_path(path);
    let result = (|| -> Result<()> {
        let mut file = std::fs::File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
        file.write_all(bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
        file.sync_all().with_context(|| format!("cannot write {}", tmp.display()))?;
        std::fs::rename(&tmp, path).with_context(|| format!("cannot replace {}", path.display()))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A streaming destination: standard output, or a temporary file renamed over the
/// target by [`Sink::commit`] (dropped without commit, it leaves the target alone).
pub struct Sink {
    target: Option<(std::path::PathBuf, std::path::PathBuf)>,
    writer: Box<dyn Write>,
}

impl Sink {
    pub fn open(path: Option<&Path>) -> Result<Sink> {
        let Some(path) = path else {
            return Ok(Sink { target: None, writer: Box::new(std::io::BufWriter::new(std::io::stdout())) });
        };
        let path = match destination(path) {
            Destination::InPlace => {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                return Ok(Sink { target: None, writer: Box::new(std::io::BufWriter::new(file)) });
            }
            Destination::Replace(path) => path,
        };
        let tmp = temp_path(&path);
        let file = std::fs::File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
        Ok(Sink { target: Some((tmp, path)), writer: Box::new(std::io::BufWriter::new(file)) })
    }

    pub fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.writer.write_all(bytes).context("writing output")
    }

    /// Flushes, and moves the temporary file into place.
    pub fn commit(mut self) -> Result<()> {
        self.writer.flush().context("writing output")?;
        if let Some((tmp, path)) = self.target.take() {
            std::fs::rename(&tmp, &path).with_context(|| format!("cannot replace {}", path.display()))?;
        }
        Ok(())
    }
}

impl std::fmt::Debug for Sink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sink").field("target", &self.target).finish()
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        if let Some((tmp, _)) = &self.target {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// How an output path is written.
enum Destination {
    /// Not a regular file (a device, a FIFO): written as it is.
    InPlace,
    /// A regular file, or nothing yet: replaced by a rename onto this path (links
    /// resolved).
    Replace(std::path::PathBuf),
}

fn destination(path: &Path) -> Destination {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => Destination::InPlace,
        Ok(_) => Destination::Replace(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())),
        Err(_) => Destination::Replace(path.to_path_buf()),
    }
}

fn temp_path(path: &Path) -> std::path::PathBuf {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "output".into());
    dir.join(format!(".{name}.kg-tmp-{}", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("kg-output-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("g.json");
        write_atomic(&path, b"old").expect("first write");
        write_atomic(&path, b"new").expect("second write");
        assert_eq!(std::fs::read(&path).expect("read back"), b"new");
        let leftovers = std::fs::read_dir(&dir).expect("list").count();
        assert_eq!(leftovers, 1);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_written_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        write_atomic(Path::new("/dev/null"), b"discarded").expect("write to /dev/null");
        let mut sink = Sink::open(Some(Path::new("/dev/null"))).expect("open /dev/null");
        sink.write(b"discarded").expect("write");
        sink.commit().expect("commit");
        let meta = std::fs::metadata("/dev/null").expect("stat /dev/null");
        assert!(meta.file_type().is_char_device(), "/dev/null was replaced by a {:?}", meta.file_type());
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed() {
        let dir = std::env::temp_dir().join(format!("kg-output-link-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let (real, link) = (dir.join("real.json"), dir.join("link.json"));
        std::fs::write(&real, b"old").expect("write real");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        write_atomic(&link, b"new").expect("write through the link");
        assert!(std::fs::symlink_metadata(&link).expect("stat link").file_type().is_symlink());
        assert_eq!(std::fs::read(&real).expect("read real"), b"new");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
