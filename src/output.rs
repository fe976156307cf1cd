//! Writing a run's results so that `output/` is always complete: everything
//! goes to a staging directory beside it, which replaces it only when every
//! file was written.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// Refuses an output directory that holds (or is) anything the run reads:
/// replacing it would delete the inputs, the reference data or the
/// analyses (`--out data`, `--out .`).
pub fn check_output_is_separate(output: &Path, read: &[&Path]) -> Result<()> {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let output = absolute(output);
    for path in read {
        let path = absolute(path);
        if path.starts_with(&output) {
            anyhow::bail!(
                "the output directory {} contains {}, which the run reads: choose another output directory",
                output.display(),
                path.display()
            );
        }
    }
    Ok(())
}

/// Tidies what a killed run left beside the output: staging directories
/// are removed; a previous output that was moved aside for the swap (the
/// run died between the two renames) is put back if the output is missing.
fn recover_interrupted_run(parent: &Path, name: &str, target: &Path) -> Result<()> {
    let prefix = format!(".{name}.staging-");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Ok(());
    };
    let mut leftovers: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
        })
        .collect();
    leftovers.sort();
    for path in leftovers {
        let moved_aside = path.extension().is_some_and(|e| e == "previous");
        if moved_aside && !target.exists() {
            std::fs::rename(&path, target).with_context(|| {
                format!("{}: cannot restore the previous output", path.display())
            })?;
            eprintln!(
                "devcoop: restored {} from an interrupted run",
                target.display()
            );
        } else {
            std::fs::remove_dir_all(&path).with_context(|| {
                format!(
                    "{}: cannot remove what an interrupted run left",
                    path.display()
                )
            })?;
        }
    }
    Ok(())
}

/// A directory being filled, to be swapped in for `target` by `commit`.
/// Dropped without `commit` (an error, a panic), it is removed and
/// `target` is untouched.
pub struct StagedOutput {
    target: PathBuf,
    staging: tempfile::TempDir,
    /// Held while the run writes: a second run into the same output waits
    /// for none and stops instead (and so never tidies away our staging).
    _lock: std::fs::File,
}

impl StagedOutput {
    pub fn new(target: &Path) -> Result<StagedOutput> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent)
            .with_context(|| format!("{}: cannot create the directory", parent.display()))?;
        let name = target
            .file_name()
            .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
        let lock_path = parent.join(format!(".{name}.devcoop-lock"));
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .with_context(|| format!("{}: cannot create the lock file", lock_path.display()))?;
        if lock.try_lock().is_err() {
            anyhow::bail!(
                "another devcoop run is writing {}; wait for it to finish",
                target.display()
            );
        }
        recover_interrupted_run(&parent, &name, target)?;
        let staging = tempfile::Builder::new()
            .prefix(&format!(".{name}.staging-"))
            .tempdir_in(&parent)
            .with_context(|| format!("{}: cannot create a staging directory", parent.display()))?;
        Ok(StagedOutput {
            target: target.to_path_buf(),
            staging,
            _lock: lock,
        })
    }

    /// Where to write; the path of a file in the finished output is the
    /// same relative to `target`.
    pub fn dir(&self) -> &Path {
        self.staging.path()
    }

    /// A subdirectory of the staging directory, created.
    pub fn subdir(&self, name: &str) -> Result<PathBuf> {
        let dir = self.dir().join(name);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("{}: cannot create the directory", dir.display()))?;
        Ok(dir)
    }

    /// Replaces `target` by the staged directory. The old output is first
    /// renamed aside, so at every moment one complete output exists under
    /// `target` or its backup name; a failed swap puts the old one back.
    pub fn commit(self) -> Result<()> {
        let staged = self.staging.keep();
        let target = &self.target;
        let backup = staged.with_extension("previous");
        let had_previous = target.exists();
        if had_previous {
            if let Err(err) = std::fs::rename(target, &backup) {
                let _ = std::fs::remove_dir_all(&staged);
                return Err(err).with_context(|| {
                    format!(
                        "{}: cannot move the previous output aside",
                        target.display()
                    )
                });
            }
        }
        if let Err(err) = std::fs::rename(&staged, target) {
            if had_previous {
                let _ = std::fs::rename(&backup, target);
            }
            let _ = std::fs::remove_dir_all(&staged);
            return Err(err).with_context(|| {
                format!("{}: cannot put the new output in place", target.display())
            });
        }
        if had_previous {
            std::fs::remove_dir_all(&backup).with_context(|| {
                format!("{}: cannot remove the previous output", backup.display())
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("output");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("old.csv"), "old").unwrap();
        let staged = StagedOutput::new(&target).unwrap();
        std::fs::write(staged.dir().join("new.csv"), "new").unwrap();
        staged.commit().unwrap();
        assert!(!target.join("old.csv").exists());
        assert_eq!(
            std::fs::read_to_string(target.join("new.csv")).unwrap(),
            "new"
        );
        assert_eq!(staging_dirs(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn output_holding_an_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("data/raw/a.txt");
        let err = check_output_is_separate(&dir.path().join("data"), &[&input]).unwrap_err();
        assert!(err.to_string().contains("which the run reads"), "{err}");
        assert!(check_output_is_separate(&dir.path().join("output"), &[&input]).is_ok());
        assert!(check_output_is_separate(dir.path(), &[&input]).is_err());
    }

    #[test]
    fn a_run_killed_between_the_renames_is_recovered_by_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("output");
        // What a kill between the two renames of `commit` leaves behind.
        let aside = dir.path().join(".output.staging-abc.previous");
        std::fs::create_dir(&aside).unwrap();
        std::fs::write(aside.join("old.csv"), "old").unwrap();
        let half_written = dir.path().join(".output.staging-abc");
        std::fs::create_dir(&half_written).unwrap();
        let staged = StagedOutput::new(&target).unwrap();
        assert_eq!(
            std::fs::read_to_string(target.join("old.csv")).unwrap(),
            "old"
        );
        assert!(!aside.exists() && !half_written.exists());
        drop(staged);
        assert_eq!(staging_dirs(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn a_second_run_into_the_same_output_stops() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("output");
        let first = StagedOutput::new(&target).unwrap();
        let err = StagedOutput::new(&target).err().unwrap();
        assert!(err.to_string().contains("another devcoop run"), "{err}");
        assert!(first.dir().is_dir(), "the first run's staging survives");
    }

    #[test]
    fn dropping_without_commit_keeps_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("output");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("old.csv"), "old").unwrap();
        {
            let staged = StagedOutput::new(&target).unwrap();
            std::fs::write(staged.dir().join("half.csv"), "half").unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(target.join("old.csv")).unwrap(),
            "old"
        );
        assert_eq!(staging_dirs(dir.path()), Vec::<String>::new());
    }

    /// Staging directories left in `dir`.
    fn staging_dirs(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".staging-"))
            .collect()
    }
}
