//! Reading the input files: each becomes a listing, or an error naming it.

use crate::config::Config;
use anyhow::{Context, Result};
use ingest::{parse_listing, Diagnostic, Listing};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// One input file as the manifest records it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InputFile {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
    pub projects: usize,
}

/// What reading all inputs gave: the listings that could be read, the
/// errors of those that could not, and a manifest row per file.
pub struct Loaded {
    pub listings: Vec<Listing>,
    pub errors: Vec<Diagnostic>,
    pub files: Vec<InputFile>,
}

impl Loaded {
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.errors
            .iter()
            .chain(self.listings.iter().flat_map(|l| l.diagnostics.iter()))
    }
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
    let found = ingest::collect_inputs(&inputs)?;
    Ok(InputPaths {
        files: found.files,
        warnings: found
            .skipped
            .iter()
            .map(|skipped| skipped.to_diagnostic(&config.display_path(&skipped.path)))
            .collect(),
    })
}

/// Reads and parses every file, telling `read` the size of each. A file
/// that is not a listing (empty, binary, not UTF-8) gives an error
/// diagnostic; an unreadable one is an error of the whole run.
pub fn load(config: &Config, files: &[PathBuf], mut read: impl FnMut(u64)) -> Result<Loaded> {
    let mut loaded = Loaded {
        listings: Vec::new(),
        errors: Vec::new(),
        files: Vec::new(),
    };
    for path in files {
        let bytes =
            std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
        let name = source_name(path);
        let projects = match parse_listing(&name, &bytes) {
            Ok(listing) => {
                let count = listing.projects.len();
                loaded.listings.push(listing);
                count
            }
            Err(err) => {
                let mut diagnostic = err.to_diagnostic();
                diagnostic.file = config.display_path(path);
                loaded.errors.push(diagnostic);
                0
            }
        };
        read(bytes.len() as u64);
        loaded.files.push(InputFile {
            path: config.display_path(path),
            bytes: bytes.len() as u64,
            sha256: Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
            projects,
        });
    }
    Ok(loaded)
}

/// The inputs of a run, checked before anything is written: each file's
/// manifest row (its project count filled in as it is read), and the
/// errors of files that are not listings.
pub struct Checked {
    pub files: Vec<InputFile>,
    pub errors: Vec<Diagnostic>,
}

/// Checks that every file is a UTF-8 text listing, hashing it on the way,
/// telling `read` how many bytes went by. Reads each file once, in blocks.
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
        let mut hasher = Sha256::new();
        let verdict = ingest::validate_listing::<_, std::convert::Infallible>(
            &source_name(path),
            &mut file,
            |block| {
                hasher.update(block);
                read(block.len() as u64);
            },
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
            sha256: hasher
                .finalize()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
            projects: 0,
        });
    }
    Ok(checked)
}

/// Reads one checked listing in pieces, giving its projects to
/// `on_projects` a few thousand at a time; its warnings and project count.
/// With [`ingest::LayoutLearning::WhileReading`], a listing whose layout
/// changes after its first pieces fails with [`LayoutChanged`]: the
/// projects given so far are to be thrown away.
pub fn stream_listing(
    path: &Path,
    piece_bytes: usize,
    learning: ingest::LayoutLearning,
    on_projects: impl FnMut(Vec<ingest::RawProject>) -> Result<()>,
) -> Result<ingest::ListingEnd> {
    let file =
        std::fs::File::open(path).with_context(|| format!("{}: cannot read", path.display()))?;
    // Checked by `check_inputs` already: not checked twice.
    ingest::read_checked_listing(&source_name(path), file, piece_bytes, learning, on_projects)
        .map_err(|err| match err {
            ingest::ReadError::Sink(err) => err,
            ingest::ReadError::LayoutChanged => anyhow::Error::new(LayoutChanged {
                path: path.to_path_buf(),
            }),
            // Checked before, yet not a listing now: it changed during the run.
            ingest::ReadError::Source(err) => anyhow::anyhow!(
                "{}: {err} (the file changed during the run)",
                path.display()
            ),
            // Not UTF-8 now, though it was when checked.
            ingest::ReadError::Io(err) if err.kind() == std::io::ErrorKind::InvalidData => {
                anyhow::anyhow!(
                    "{}: {err} (the file changed during the run)",
                    path.display()
                )
            }
            ingest::ReadError::Io(err) => anyhow::anyhow!("{}: cannot read: {err}", path.display()),
        })
}

/// A listing's layout changed after its first pieces, while it was learnt
/// as it was read: the run starts again with the layout learnt first.
#[derive(Debug, thiserror::Error)]
#[error("{}: the layout learnt from its first pieces changed further on", path.display())]
pub struct LayoutChanged {
    pub path: PathBuf,
}

/// The name projects record as their source: the file name, as the gold
/// annotations name it.
fn source_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy())
        .into_owned()
}

/// The raw projects of the loaded listings, taken out of them: they move on
/// to normalisation, no second copy of the text.
fn take_raw_projects(loaded: &mut Loaded) -> Vec<ingest::RawProject> {
    loaded
        .listings
        .iter_mut()
        .flat_map(|l| std::mem::take(&mut l.projects))
        .collect()
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

/// The normalised projects of the loaded listings, all at once (for
/// scoring extraction: no user corrections).
pub fn normalised_projects(
    config: &Config,
    loaded: &mut Loaded,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<normalise::Project>> {
    let reference = normalise::Reference::load(&config.reference)?;
    let raw = take_raw_projects(loaded);
    Ok(normalise::normalise(
        &reference,
        raw,
        config.reference_date,
        diagnostics,
    ))
}
