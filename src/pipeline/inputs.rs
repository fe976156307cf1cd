//! The input files of a run: found under the paths given, each checked to
//! be a UTF-8 text listing before anything is written.

use crate::config::Config;
use anyhow::{Context, Result};
use ingest::Diagnostic;
use std::path::{Path, PathBuf};

/// One input file as the manifest records it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InputFile {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
    pub projects: usize,
}

/// The listing files of a run, and a warning for each `.txt` entry of an
/// input folder that is not a regular file (a named pipe, a socket, a
/// device, a link to nothing), which is never opened: a named pipe would
/// block the run until something wrote to it.
pub struct InputPaths {
    pub files: Vec<PathBuf>,
    pub warnings: Vec<Diagnostic>,
}

/// The listing files under the inputs of the config, or under
/// `override_inputs` if any. A path named that is not a regular file or a
/// folder is an error naming it.
pub fn input_files(config: &Config, override_inputs: &[PathBuf]) -> Result<InputPaths> {
    let inputs = if override_inputs.is_empty() {
        config.inputs.clone()
    } else {
        override_inputs.to_vec()
    };
    let found = ingest::collect_inputs(&inputs).map_err(|err| match err {
        // The settings' inputs, not the user's: say how to name others.
        ingest::InputError::Missing(_) if override_inputs.is_empty() => anyhow::anyhow!(
            "{err}: no listings to read; name them with `devcoop run --input PATH` \
             (or `inputs` in devcoop.toml)"
        ),
        other => other.into(),
    })?;
    Ok(InputPaths {
        files: found.files,
        warnings: found
            .skipped
            .iter()
            .map(|skipped| skipped.to_diagnostic(&config.display_path(&skipped.path)))
            .collect(),
    })
}

/// The inputs of a run, checked before anything is written: each file's
/// manifest row (its project count and SHA-256 filled in as it is read),
/// and the errors of files that are not listings.
pub struct Checked {
    pub files: Vec<InputFile>,
    pub errors: Vec<Diagnostic>,
}

/// Checks that every file is a UTF-8 text listing, telling `read` how many
/// bytes went by. Reads each file once, in blocks.
pub fn check_inputs(
    config: &Config,
    files: &[PathBuf],
    mut read: impl FnMut(u64),
) -> Result<Checked> {
    let mut checked = Checked {
        files: Vec::new(),
        errors: Vec::new(),
    };
    for path in files {
        let mut file = std::fs::File::open(path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        let verdict = ingest::validate_listing::<_, std::convert::Infallible>(
            &source_name(path),
            &mut file,
            |block| read(block.len() as u64),
        );
        let bytes = match verdict {
            Ok(bytes) => bytes,
            Err(ingest::ReadError::Source(err)) => {
                let mut diagnostic = err.to_diagnostic();
                diagnostic.file = config.display_path(path);
                checked.errors.push(diagnostic);
                std::fs::metadata(path).map(|m| m.len()).unwrap_or_default()
            }
            Err(err) => {
                return Err(anyhow::anyhow!("{}: {err}", path.display()));
            }
        };
        checked.files.push(InputFile {
            path: config.display_path(path),
            bytes,
            // Hashed as the run reads it (`stream_listing`).
            sha256: String::new(),
            projects: 0,
        });
    }
    Ok(checked)
}

/// The name projects record as their source: the file name, as the gold
/// annotations name it.
pub(crate) fn source_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy())
        .into_owned()
}

/// The user's corrections (`overrides` of the config); none when the file
/// does not exist.
pub fn corrections(config: &Config) -> Result<normalise::Corrections> {
    let file = config.display_path(&config.overrides);
    if !config.overrides.is_file() {
        return Ok(normalise::Corrections::new(file, Vec::new()));
    }
    let text = std::fs::read_to_string(&config.overrides)
        .with_context(|| format!("{file}: cannot read"))?;
    let overrides = normalise::parse_overrides(&file, &text)?;
    Ok(normalise::Corrections::new(file, overrides))
}
