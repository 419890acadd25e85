//! From the paths on the command line to the list of inputs to read, with their ids.
//!
//! * `-` is standard input (once at most).
//! * A file named on the command line is read whatever its extension.
//! * A directory is searched recursively, in byte order of the names, for `.txt`, `.md`,
//!   `.markdown`, `.html`, `.htm`, `.xhtml`, `.jsonl` and `.ndjson` files. Hidden files and
//!   directories (names starting with `.`) are skipped, and symbolic links to directories
//!   are not followed (so a link cycle cannot trap the search); broken links are skipped
//!   with a warning. Other files are skipped with one warning per directory named; a
//!   directory with no article at all is an error.
//!
//! Ids: a file named on the command line is known by its name without extension
//! (`news/2025-05-16.txt` → `2025-05-16`); a file found in a directory by its path relative
//! to that directory, without extension and with `/` between components
//! (`2025/05/talks`). When two inputs would share an id, those inputs use their whole path
//! as given (without extension, then with it); the same file named twice is read once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Result};

use super::InputFormat;

/// Extensions of the files read from directories, and how each is read.
const EXTENSIONS: &[(&str, InputFormat)] = &[
    ("txt", InputFormat::Text),
    ("md", InputFormat::Markdown),
    ("markdown", InputFormat::Markdown),
    ("html", InputFormat::Html),
    ("htm", InputFormat::Html),
    ("xhtml", InputFormat::Html),
    ("jsonl", InputFormat::Jsonl),
    ("ndjson", InputFormat::Jsonl),
];

/// One thing to read: standard input or a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    /// How to read it; `Auto` means: look at its first bytes.
    pub format: InputFormat,
    /// Its document id (the base of the ids of its lines, for JSON Lines).
    pub id: String,
}

impl Entry {
    /// How messages name it.
    pub fn name(&self) -> String {
        self.path.as_ref().map_or_else(|| "standard input".to_string(), |p| p.display().to_string())
    }
}

/// An entry with its candidate ids, shortest first.
struct Planned {
    entry: Entry,
    ids: Vec<String>,
}

/// The inputs `paths` name, in order, each directory expanded; `format` overrides the
/// extensions unless it is `Auto`.
pub fn plan(paths: &[PathBuf], format: InputFormat) -> Result<Vec<Entry>> {
    let mut planned = Vec::new();
    let mut stdin = false;
    let stdin_only = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin_only[..] } else { paths };
    for path in paths {
        if path == Path::new("-") {
            if stdin {
                return Err(anyhow!("standard input (-) is named twice"));
            }
            stdin = true;
            let entry = Entry { path: None, format, id: "stdin".into() };
            planned.push(Planned { entry, ids: vec!["stdin".into()] });
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| io_error(path, &e))?;
        if meta.is_dir() {
            let before = planned.len();
            let mut others = Vec::new();
            walk(path, path, format, &mut planned, &mut others)?;
            let kinds = EXTENSIONS.iter().map(|(e, _)| format!(".{e}")).collect::<Vec<_>>().join(", ");
            if planned.len() == before {
                return Err(anyhow!(
                    "{}: no articles in this directory ({} other file(s); kg reads {kinds})",
                    path.display(),
                    others.len(),
                ));
            }
            if !others.is_empty() {
                let mut names: Vec<String> = others.iter().take(3).map(|p| slashed(p)).collect();
                if others.len() > 3 {
                    names.push("...".into());
                }
                super::warn(format_args!(
                    "{}: {} file(s) skipped, not articles ({}); kg reads {kinds}",
                    path.display(),
                    others.len(),
                    names.join(", ")
                ));
            }
        } else {
            if meta.is_file() {
                // Fail now rather than after extracting everything before it.
                std::fs::File::open(path).map_err(|e| io_error(path, &e))?;
            }
            let fmt =
                if format == InputFormat::Auto { by_extension(path).unwrap_or(InputFormat::Auto) } else { format };
            if fmt == InputFormat::Auto && has_extension(path, "json") {
                return Err(anyhow!(
                    "{}: a .json file is a graph, not an article (use --input-format jsonl if it is JSON Lines)",
                    path.display()
                ));
            }
            let ids = candidate_ids(path, file_stem(path));
            planned.push(Planned { entry: Entry { path: Some(path.clone()), format: fmt, id: String::new() }, ids });
        }
    }
    Ok(assign_ids(planned))
}

/// Adds the article files under `dir` (sorted by name, recursively) to `planned`, and
/// the files skipped for their extension, relative to `root`, to `others`.
fn walk(
    root: &Path,
    dir: &Path,
    format: InputFormat,
    planned: &mut Vec<Planned>,
    others: &mut Vec<PathBuf>,
) -> Result<()> {
    let mut children: Vec<(std::ffi::OsString, PathBuf)> = std::fs::read_dir(dir)
        .map_err(|e| io_error(dir, &e))?
        .map(|entry| entry.map(|e| (e.file_name(), e.path())))
        .collect::<std::io::Result<_>>()
        .map_err(|e| io_error(dir, &e))?;
    children.sort();
    for (name, path) in children {
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let link = std::fs::symlink_metadata(&path).map_err(|e| io_error(&path, &e))?;
        if link.is_dir() {
            walk(root, &path, format, planned, others)?;
            continue;
        }
        if link.file_type().is_symlink() {
            match std::fs::metadata(&path) {
                Ok(target) if target.is_dir() => continue,
                Ok(_) => {}
                Err(_) => {
                    super::warn(format_args!("{}: a broken symbolic link, skipped", path.display()));
                    continue;
                }
            }
        }
        let Some(by_ext) = by_extension(&path) else {
            others.push(path.strip_prefix(root).unwrap_or(&path).to_path_buf());
            continue;
        };
        let fmt = if format == InputFormat::Auto { by_ext } else { format };
        let relative = path.strip_prefix(root).unwrap_or(&path);
        let ids = candidate_ids(&path, without_extension(relative));
        planned.push(Planned { entry: Entry { path: Some(path), format: fmt, id: String::new() }, ids });
    }
    Ok(())
}

/// The format a file's extension implies.
fn by_extension(path: &Path) -> Option<InputFormat> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    EXTENSIONS.iter().find(|(e, _)| *e == ext).map(|&(_, f)| f)
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// A path with `/` between its components, whatever the platform, without `./`.
fn slashed(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/").replace("//", "/")
}

fn without_extension(path: &Path) -> String {
    slashed(&path.with_extension(""))
}

fn file_stem(path: &Path) -> String {
    path.file_stem().map_or_else(|| slashed(path), |s| s.to_string_lossy().into_owned())
}

/// The ids a file may take, from the preferred to the most specific.
fn candidate_ids(path: &Path, short: String) -> Vec<String> {
    let mut ids = vec![short, without_extension(path), slashed(path)];
    ids.dedup();
    ids
}

/// Drops repeated paths, then gives every entry its shortest id that no other entry shares.
fn assign_ids(planned: Vec<Planned>) -> Vec<Entry> {
    let mut paths = std::collections::HashSet::new();
    let planned: Vec<Planned> = planned
        .into_iter()
        .filter(|p| {
            let Some(path) = &p.entry.path else { return true };
            let key = std::fs::canonicalize(path).map_or_else(|_| slashed(path), |c| slashed(&c));
            let first = paths.insert(key);
            if !first {
                super::warn(format_args!("{}: named twice, read once", p.entry.name()));
            }
            first
        })
        .collect();
    let mut level = vec![0usize; planned.len()];
    loop {
        let mut count: HashMap<&str, usize> = HashMap::new();
        for (p, &l) in planned.iter().zip(&level) {
            *count.entry(p.ids[l].as_str()).or_default() += 1;
        }
        let mut changed = false;
        for (p, l) in planned.iter().zip(level.iter_mut()) {
            if count[p.ids[*l].as_str()] > 1 && *l + 1 < p.ids.len() {
                *l += 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // Ids still shared now are whole paths that differ only on disk (a link, say): kept.
    planned
        .into_iter()
        .zip(level)
        .map(|(mut p, l)| {
            p.entry.id = std::mem::take(&mut p.ids[l]);
            p.entry
        })
        .collect()
}

/// A one-line message for an I/O error on `path`.
pub fn io_error(path: &Path, err: &std::io::Error) -> anyhow::Error {
    let reason = match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    };
    anyhow!("cannot read {}: {reason}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn planned(path: &str, short: &str) -> Planned {
        let entry = Entry { path: Some(PathBuf::from(path)), format: InputFormat::Text, id: String::new() };
        Planned { entry, ids: candidate_ids(Path::new(path), short.to_string()) }
    }

    #[test]
    fn ids_are_short_unless_they_collide() {
        let ids = |ps: Vec<Planned>| assign_ids(ps).into_iter().map(|e| e.id).collect::<Vec<_>>();
        assert_eq!(ids(vec![planned("a/x.txt", "x"), planned("b/y.txt", "y")]), ["x", "y"]);
        assert_eq!(ids(vec![planned("a/x.txt", "x"), planned("./b/x.txt", "x")]), ["a/x", "b/x"]);
        assert_eq!(ids(vec![planned("a/x.txt", "x"), planned("a/x.html", "x")]), ["a/x.txt", "a/x.html"]);
        assert_eq!(ids(vec![planned("a/x.txt", "x"), planned("./a/x.txt", "x")]), ["x"]);
        assert_eq!(ids(vec![planned("x.txt", "x"), planned("d/y.txt", "x")]), ["x.txt", "d/y"]);
    }

    #[test]
    fn directories_are_listed_in_name_order() {
        let root = std::env::temp_dir().join(format!("kg-files-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for name in ["b.txt", "a/z.md", "a/page.html", "c.jsonl", ".hidden/x.txt", "photo.jpg", "B.txt"] {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, "x").expect("write");
        }
        let entries = plan(std::slice::from_ref(&root), InputFormat::Auto);
        let _ = std::fs::remove_dir_all(&root);
        let entries = entries.expect("plans");
        let got: Vec<(&str, InputFormat)> = entries.iter().map(|e| (e.id.as_str(), e.format)).collect();
        assert_eq!(
            got,
            [
                ("B", InputFormat::Text),
                ("a/page", InputFormat::Html),
                ("a/z", InputFormat::Markdown),
                ("b", InputFormat::Text),
                ("c", InputFormat::Jsonl)
            ]
        );
    }

    #[test]
    fn paths_use_slashes() {
        assert_eq!(without_extension(Path::new("./2025/05/talks.txt")), "2025/05/talks");
        assert_eq!(slashed(Path::new("/tmp/a.txt")), "/tmp/a.txt");
    }
}
