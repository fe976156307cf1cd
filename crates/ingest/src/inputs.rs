//! Finding the listing files under the paths a user names: text
//! listings (`.txt`) and saved pages (`.html`, `.htm`).
//!
//! Only regular files are read. Fuzzing an input folder found two ways a
//! walk that trusts what it finds goes wrong: a named pipe called `x.txt`
//! blocked the run forever in `open`, waiting for a writer that never
//! came, and a link `sub/up -> ..` was followed until the system gave up
//! on the path (40 links deep), so every listing was read 41 times. So a
//! `.txt` entry that is not a regular file (a named pipe, a socket, a
//! device, a link to nothing) is named in a warning and never opened, a
//! folder is walked once however many links lead to it, and a file
//! reached by several paths (a link to it, a linked folder) is read once.
//! A link that cannot be followed for another reason than a missing
//! target (a loop of links, a folder it may not enter) is an error, as any
//! input that cannot be read.

use crate::diagnostics::Diagnostic;
use std::collections::HashSet;
use std::fmt;
use std::fs::FileType;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{0}: no such file or directory")]
    Missing(PathBuf),
    #[error("{0}: cannot read: {1}")]
    Unreadable(PathBuf, std::io::Error),
    #[error("{0}: no `.txt` listing or `.html` page in this directory")]
    NoListings(PathBuf),
    /// Named on the command line, yet nothing a listing can be read from.
    #[error("{0}: {1}, not a regular file: not read")]
    NotRegular(PathBuf, NotRegular),
}

/// What a path that is neither a regular file nor a folder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRegular {
    NamedPipe,
    Socket,
    BlockDevice,
    CharacterDevice,
    /// A symbolic link whose target does not exist.
    BrokenLink,
    Other,
}

impl NotRegular {
    fn of(file_type: FileType) -> NotRegular {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return NotRegular::NamedPipe;
            }
            if file_type.is_socket() {
                return NotRegular::Socket;
            }
            if file_type.is_block_device() {
                return NotRegular::BlockDevice;
            }
            if file_type.is_char_device() {
                return NotRegular::CharacterDevice;
            }
        }
        let _ = file_type;
        NotRegular::Other
    }
}

impl fmt::Display for NotRegular {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NotRegular::NamedPipe => "a named pipe (FIFO)",
            NotRegular::Socket => "a socket",
            NotRegular::BlockDevice => "a block device",
            NotRegular::CharacterDevice => "a character device",
            NotRegular::BrokenLink => "a symbolic link to nothing",
            NotRegular::Other => "neither a file nor a folder",
        })
    }
}

/// A `.txt` entry of an input folder that is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub what: NotRegular,
}

impl Skipped {
    /// The warning telling that the entry was not read, naming it as
    /// `file` (the path as the user's run shows paths). No line of it was
    /// read: line and column are 0.
    pub fn to_diagnostic(&self, file: &str) -> Diagnostic {
        Diagnostic::warning(
            file,
            0,
            0,
            format!("{}, not a regular file: not read", self.what),
        )
    }
}

/// The listing files of a run, and the entries that looked like listings
/// but are not regular files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inputs {
    /// Sorted by path, each file once.
    pub files: Vec<PathBuf>,
    /// Sorted by path.
    pub skipped: Vec<Skipped>,
}

/// Every `.txt` regular file named or found (recursively) under `paths`,
/// sorted and each once, so that runs are deterministic. A path named in
/// `paths` is read whatever its name; one that is neither a regular file
/// nor a folder is an error.
///
/// A folder reached again (a link to a folder already walked, or to one
/// of its own ancestors) is skipped without a warning: every file under
/// it is read once through the first path, so nothing is lost, and a
/// folder linked on purpose (`latest -> 2024`) would otherwise warn on
/// every run. Links to folders are followed after the folders themselves
/// are walked, and a file reached by several paths (a link to it, a
/// linked folder) is kept under a path that is not a link where there is
/// one, else the first in sorted order: the manifest names files as they
/// are, not as a shortcut to them.
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Inputs, InputError> {
    let mut walk = Walk::default();
    let mut folders_named = Vec::new();
    for (named, path) in paths.iter().enumerate() {
        let metadata = std::fs::metadata(path).map_err(|err| match err.kind() {
            std::io::ErrorKind::NotFound => InputError::Missing(path.clone()),
            _ => InputError::Unreadable(path.clone(), err),
        })?;
        if metadata.is_dir() {
            // Named twice, or inside a folder named before: walked already.
            if walk.folders.insert(canonical(path)?) {
                walk.folder(path, named)?;
                folders_named.push(named);
            }
        } else if metadata.is_file() {
            walk.found.push(Found {
                linked: is_link(path)?,
                path: path.clone(),
                canonical: canonical(path)?,
                named,
            });
        } else {
            return Err(InputError::NotRegular(
                path.clone(),
                NotRegular::of(metadata.file_type()),
            ));
        }
    }
    // Only now: a folder both linked to and inside the inputs is walked
    // under its own path.
    while !walk.linked_folders.is_empty() {
        for (path, named) in std::mem::take(&mut walk.linked_folders) {
            if walk.folders.insert(canonical(&path)?) {
                walk.folder(&path, named)?;
            }
        }
    }
    for named in folders_named {
        if !walk.found.iter().any(|f| f.named == named) {
            return Err(InputError::NoListings(paths[named].clone()));
        }
    }
    let Walk {
        mut found,
        mut skipped,
        ..
    } = walk;
    found.sort_by(|a, b| (a.linked, &a.path).cmp(&(b.linked, &b.path)));
    let mut seen = HashSet::new();
    let mut files: Vec<PathBuf> = found
        .into_iter()
        .filter(|f| seen.insert(f.canonical.clone()))
        .map(|f| f.path)
        .collect();
    files.sort();
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    skipped.dedup();
    Ok(Inputs { files, skipped })
}

/// A listing file found.
struct Found {
    path: PathBuf,
    canonical: PathBuf,
    /// The path's last part is a symbolic link.
    linked: bool,
    /// The index of the path named that led to it.
    named: usize,
}

#[derive(Default)]
struct Walk {
    /// Canonical paths of the folders walked or being walked.
    folders: HashSet<PathBuf>,
    /// Links to folders, to follow once the folders are walked, with the
    /// index of the path named that led to them.
    linked_folders: Vec<(PathBuf, usize)>,
    found: Vec<Found>,
    skipped: Vec<Skipped>,
}

impl Walk {
    /// The listings under `dir`, whose canonical path is in `folders`
    /// already, reached from the `named`th path named. Entries are walked
    /// in name order, so which of several paths to a folder is walked does
    /// not depend on the file system's order.
    fn folder(&mut self, dir: &Path, named: usize) -> Result<(), InputError> {
        let unreadable = |err| InputError::Unreadable(dir.to_path_buf(), err);
        let mut entries = std::fs::read_dir(dir)
            .map_err(unreadable)?
            .map(|entry| entry.map(|e| (e.path(), e.file_type())))
            .collect::<Result<Vec<_>, _>>()
            .map_err(unreadable)?;
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, file_type) in entries {
            let file_type = file_type.map_err(|err| InputError::Unreadable(path.clone(), err))?;
            let linked = file_type.is_symlink();
            // The entry itself, or what a link leads to; never opened.
            let target = if linked {
                match std::fs::metadata(&path) {
                    Ok(metadata) => Some(metadata.file_type()),
                    Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
                    Err(err) => return Err(InputError::Unreadable(path, err)),
                }
            } else {
                Some(file_type)
            };
            if target.is_some_and(|t| t.is_dir()) {
                if linked {
                    self.linked_folders.push((path, named));
                } else if self.folders.insert(canonical(&path)?) {
                    self.folder(&path, named)?;
                }
                continue;
            }
            let is_listing = path.extension().is_some_and(|e| {
                e.eq_ignore_ascii_case("txt")
                    || e.eq_ignore_ascii_case("html")
                    || e.eq_ignore_ascii_case("htm")
            });
            if !is_listing {
                continue;
            }
            match target {
                Some(t) if t.is_file() => self.found.push(Found {
                    canonical: canonical(&path)?,
                    path,
                    linked,
                    named,
                }),
                Some(t) => self.skipped.push(Skipped {
                    path,
                    what: NotRegular::of(t),
                }),
                None => self.skipped.push(Skipped {
                    path,
                    what: NotRegular::BrokenLink,
                }),
            }
        }
        Ok(())
    }
}

fn is_link(path: &Path) -> Result<bool, InputError> {
    std::fs::symlink_metadata(path)
        .map(|m| m.file_type().is_symlink())
        .map_err(|err| InputError::Unreadable(path.to_path_buf(), err))
}

fn canonical(path: &Path) -> Result<PathBuf, InputError> {
    std::fs::canonicalize(path).map_err(|err| InputError::Unreadable(path.to_path_buf(), err))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    fn mkfifo(path: &Path) {
        let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
        assert!(status.success());
    }

    fn link(target: &Path, link: &Path) {
        std::os::unix::fs::symlink(target, link).unwrap();
    }

    #[test]
    fn named_pipe_in_a_folder_is_skipped_with_its_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "A\n").unwrap();
        mkfifo(&dir.path().join("pipe.txt"));
        let inputs = collect_inputs(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(inputs.files, vec![dir.path().join("a.txt")]);
        assert_eq!(
            inputs.skipped,
            vec![Skipped {
                path: dir.path().join("pipe.txt"),
                what: NotRegular::NamedPipe,
            }]
        );
        let warning = inputs.skipped[0].to_diagnostic("in/pipe.txt");
        assert_eq!(
            warning.to_string(),
            "in/pipe.txt:0:0: warning: a named pipe (FIFO), not a regular file: not read"
        );
    }

    #[test]
    fn named_pipe_without_the_listing_extension_is_ignored_like_other_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "A\n").unwrap();
        mkfifo(&dir.path().join("pipe"));
        let inputs = collect_inputs(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(inputs.files, vec![dir.path().join("a.txt")]);
        assert!(inputs.skipped.is_empty());
    }

    #[test]
    fn named_pipe_named_on_the_command_line_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("pipe.txt");
        mkfifo(&pipe);
        let err = collect_inputs(std::slice::from_ref(&pipe)).unwrap_err();
        assert!(matches!(err, InputError::NotRegular(ref p, NotRegular::NamedPipe) if *p == pipe));
        assert!(err.to_string().contains("pipe.txt: a named pipe (FIFO)"));
    }

    #[test]
    fn link_to_nothing_is_skipped_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "A\n").unwrap();
        link(&dir.path().join("gone.txt"), &dir.path().join("broken.txt"));
        let inputs = collect_inputs(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(inputs.files, vec![dir.path().join("a.txt")]);
        assert_eq!(inputs.skipped[0].what, NotRegular::BrokenLink);
        assert_eq!(inputs.skipped[0].path, dir.path().join("broken.txt"));
    }

    #[test]
    fn link_to_a_parent_folder_reads_each_file_once() {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path().join("in");
        std::fs::create_dir_all(top.join("sub")).unwrap();
        std::fs::write(top.join("a.txt"), "A\n").unwrap();
        std::fs::write(top.join("sub/b.txt"), "B\n").unwrap();
        link(Path::new(".."), &top.join("sub/up"));
        link(Path::new("."), &top.join("self"));
        let inputs = collect_inputs(std::slice::from_ref(&top)).unwrap();
        assert_eq!(inputs.files, vec![top.join("a.txt"), top.join("sub/b.txt")]);
        assert!(inputs.skipped.is_empty());
    }

    #[test]
    fn link_to_a_file_is_read_once_under_the_path_that_is_not_a_link() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.txt"), "B\n").unwrap();
        link(&dir.path().join("b.txt"), &dir.path().join("a.txt"));
        let inputs = collect_inputs(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(inputs.files, vec![dir.path().join("b.txt")]);
        // Named again on its own, and the folder twice: still once.
        let inputs = collect_inputs(&[
            dir.path().join("a.txt"),
            dir.path().to_path_buf(),
            dir.path().join("."),
        ])
        .unwrap();
        assert_eq!(inputs.files, vec![dir.path().join("b.txt")]);
    }

    #[test]
    fn linked_folder_outside_is_walked_once() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        std::fs::write(elsewhere.join("c.txt"), "C\n").unwrap();
        let top = dir.path().join("in");
        std::fs::create_dir(&top).unwrap();
        link(&elsewhere, &top.join("one"));
        link(&elsewhere, &top.join("two"));
        let inputs = collect_inputs(std::slice::from_ref(&top)).unwrap();
        assert_eq!(inputs.files, vec![top.join("one/c.txt")]);
    }

    #[test]
    fn folder_inside_the_inputs_is_walked_under_its_own_path_not_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path().join("in");
        std::fs::create_dir_all(top.join("z/real")).unwrap();
        std::fs::write(top.join("z/real/d.txt"), "D\n").unwrap();
        link(&top.join("z/real"), &top.join("a-link"));
        let inputs = collect_inputs(std::slice::from_ref(&top)).unwrap();
        assert_eq!(inputs.files, vec![top.join("z/real/d.txt")]);
    }

    #[test]
    fn folder_of_only_skipped_entries_has_no_listings() {
        let dir = tempfile::tempdir().unwrap();
        mkfifo(&dir.path().join("pipe.txt"));
        let err = collect_inputs(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(matches!(err, InputError::NoListings(_)));
    }
}
