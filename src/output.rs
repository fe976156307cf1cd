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

/// A directory being filled, to be swapped in for `target` by `commit`.
/// Dropped without `commit` (an error, a panic), it is removed and
/// `target` is untouched.
pub struct StagedOutput {
    target: PathBuf,
    staging: tempfile::TempDir,
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
        let staging = tempfile::Builder::new()
            .prefix(&format!(".{name}.staging-"))
            .tempdir_in(&parent)
            .with_context(|| format!("{}: cannot create a staging directory", parent.display()))?;
        Ok(StagedOutput {
            target: target.to_path_buf(),
            staging,
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
        // Nothing is left beside it.
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
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
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
