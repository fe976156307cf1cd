//! Reading listings into normalised projects, batch by batch: the one
//! path `run`, `check` and `eval` all take.
//!
//! A thread of its own reads the listings and cuts batches of raw
//! projects, a batch ahead of the calling thread, which identifies and
//! normalises them (on all cores) and hands them on. Reading (cutting
//! windows into projects, learning the layout) is work no other core can
//! share; read ahead, the other cores do not wait for it.

use super::inputs::{source_name, InputFile};
use crate::config::Config;
use anyhow::{anyhow, Context, Result};
use ingest::LayoutLearning;
use normalise::Project;
use sha2::{Digest, Sha256};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::mpsc::SyncSender;

/// How listings are read.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Bytes of a listing read at a time.
    pub piece_bytes: usize,
    /// Projects normalised and handed on at a time.
    pub batch_projects: usize,
    /// Whether the user's corrections (`overrides` of the config) are
    /// applied: a run applies them, scoring extraction does not.
    pub corrections: bool,
}

/// Projects are normalised and handed on this many at a time: enough to
/// keep both cores busy and row groups large, few enough that memory holds
/// two batches (the one being written and the one read ahead), not the
/// listing.
pub const DEFAULT_BATCH_PROJECTS: usize = 4_096;

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            piece_bytes: ingest::DEFAULT_PIECE_BYTES,
            batch_projects: DEFAULT_BATCH_PROJECTS,
            corrections: true,
        }
    }
}

/// A batch of normalised projects: those first read in it, and every
/// reading in it in reading order (id and `file#ordinal`), a later reading
/// of a project handed on in an earlier batch too.
pub struct Batch {
    pub projects: Vec<Project>,
    pub readings: Vec<analysis::Reading>,
}

/// Reads every listing of `paths` (checked first: see
/// [`super::check_inputs`]) in turn and hands on its normalised projects in
/// batches, in reading order; sets each file's project count; the warnings
/// of reading, normalising and correcting, in that order. `on_batch` may
/// take what it keeps out of a batch (`std::mem::take`) instead of copying
/// it; what it leaves is freed on the pool.
///
/// With [`LayoutLearning::WhileReading`], a listing whose layout changes
/// after its first pieces fails with [`LayoutChanged`]: the batches handed
/// on so far are to be thrown away, and the listings read again with
/// [`LayoutLearning::Ahead`] ([`read_with_layout_retry`] does both).
pub fn read_projects(
    config: &Config,
    paths: &[PathBuf],
    files: &mut [InputFile],
    options: ReadOptions,
    learning: LayoutLearning,
    mut on_batch: impl FnMut(&mut Batch) -> Result<()>,
) -> Result<Vec<ingest::Diagnostic>> {
    let mut corrections = if options.corrections {
        Some(super::inputs::corrections(config)?)
    } else {
        None
    };
    let mut identities = normalise::Identities::default();
    let mut found = Vec::new();
    let (hand_on, batches_read) = std::sync::mpsc::sync_channel(0);
    let read = std::thread::scope(|threads| -> Result<Vec<ingest::Diagnostic>> {
        let reader = threads.spawn(move || read_batches(paths, files, options, learning, hand_on));
        // Every batch is freed on the pool before the scope ends: freeing
        // strings allocated on the pool's threads is work this thread would
        // do while the other cores wait for the next batch.
        let handed_on = rayon::in_place_scope(|scope| -> Result<()> {
            // Built while the first batch is read.
            let reference = match &config.reference {
                Some(dir) => normalise::Reference::load_over_builtin(dir, true)?
                    .shown_as(&config.display_path(dir)),
                None => normalise::Reference::builtin()?,
            };
            for raw in &batches_read {
                let identified = identities.identify_batch(raw);
                let readings = identities.take_readings();
                let mut projects = normalise::extract_facts(
                    &reference,
                    identified,
                    config.reference_date,
                    &mut found,
                );
                if let Some(corrections) = &mut corrections {
                    corrections.apply(&mut projects, &reference, &mut found);
                }
                let mut batch = Batch { projects, readings };
                on_batch(&mut batch)?;
                scope.spawn(move |_| drop(batch));
            }
            Ok(())
        });
        // Ends the reading if handing on stopped.
        drop(batches_read);
        let read = reader
            .join()
            .map_err(|_| anyhow!("the thread reading the listings panicked"))?;
        // A batch that could not be handed on stopped the reading: its
        // error is the one to tell.
        handed_on?;
        read
    })?;
    let mut diagnostics = read;
    diagnostics.append(&mut found);
    if let Some(corrections) = corrections {
        corrections.finish(&mut diagnostics);
    }
    Ok(diagnostics)
}

/// [`read_projects`] learning each listing's layout as it is read, and, in
/// the rare listing whose first pieces do not show its layout, again with
/// every layout learnt in a pass of its own: `start` is called before each
/// reading (to throw away what the first one handed on) with how it reads.
/// Also why the listings were read again, if they were.
pub fn read_with_layout_retry<T>(
    mut start: impl FnMut(LayoutLearning) -> Result<T>,
) -> Result<(T, Option<anyhow::Error>)> {
    match start(LayoutLearning::WhileReading) {
        Err(err) if err.downcast_ref::<LayoutChanged>().is_some() => {
            Ok((start(LayoutLearning::Ahead)?, Some(err)))
        }
        other => other.map(|done| (done, None)),
    }
}

/// Every normalised project of the listings `paths`, at once, with the
/// warnings of reading them and the errors of files that are not listings
/// (those are not read): what `check` shows and `eval` scores, read as a
/// run reads (the same batches, the same rules).
pub struct Projects {
    pub projects: Vec<Project>,
    pub diagnostics: Vec<ingest::Diagnostic>,
    pub errors: Vec<ingest::Diagnostic>,
}

/// Reads `paths` into [`Projects`]; `corrections` says whether the user's
/// corrections are applied.
pub fn collect_projects(config: &Config, paths: &[PathBuf], corrections: bool) -> Result<Projects> {
    let checked = super::inputs::check_inputs(config, paths, |_| ())?;
    let listings: Vec<(PathBuf, InputFile)> = paths
        .iter()
        .cloned()
        .zip(checked.files)
        .filter(|(path, _)| {
            let shown = config.display_path(path);
            !checked.errors.iter().any(|e| e.file == shown)
        })
        .collect();
    let (paths, mut files): (Vec<PathBuf>, Vec<InputFile>) = listings.into_iter().unzip();
    let options = ReadOptions {
        corrections,
        ..ReadOptions::default()
    };
    let mut projects = Vec::new();
    let (diagnostics, _) = read_with_layout_retry(|learning| {
        projects.clear();
        read_projects(config, &paths, &mut files, options, learning, |batch| {
            projects.append(&mut batch.projects);
            Ok(())
        })
    })?;
    Ok(Projects {
        projects,
        diagnostics,
        errors: checked.errors,
    })
}

/// Reads every listing in turn and hands its raw projects on in batches
/// of `options.batch_projects`, in reading order; the listings' own
/// warnings.
fn read_batches(
    paths: &[PathBuf],
    files: &mut [InputFile],
    options: ReadOptions,
    learning: LayoutLearning,
    hand_on: SyncSender<Vec<ingest::RawProject>>,
) -> Result<Vec<ingest::Diagnostic>> {
    let batch_projects = options.batch_projects.max(1);
    // The batches are taken until handing one on fails; that error is told.
    let send = |batch| {
        hand_on
            .send(batch)
            .map_err(|_| anyhow!("reading stopped: handing on the projects failed"))
    };
    let mut found = Vec::new();
    let mut pending: Vec<ingest::RawProject> = Vec::new();
    for (path, file) in paths.iter().zip(files.iter_mut()) {
        let read = stream_listing(path, options.piece_bytes, learning, |projects| {
            pending.extend(projects);
            while pending.len() >= batch_projects {
                let rest = pending.split_off(batch_projects);
                send(std::mem::replace(&mut pending, rest))?;
            }
            Ok(())
        })?;
        file.projects = read.end.projects;
        file.sha256 = read.sha256;
        found.extend(read.end.diagnostics);
    }
    if !pending.is_empty() {
        send(pending)?;
    }
    Ok(found)
}

/// One listing read: its warnings and project count, and the SHA-256 of
/// its bytes as they were read.
pub struct ListingRead {
    pub end: ingest::ListingEnd,
    /// In lower-case hex, as the manifest records it.
    pub sha256: String,
}

/// Reads one checked listing in pieces, giving its projects to
/// `on_projects` a few thousand at a time.
/// With [`ingest::LayoutLearning::WhileReading`], a listing whose layout
/// changes after its first pieces fails with [`LayoutChanged`]: the
/// projects given so far are to be thrown away.
pub fn stream_listing(
    path: &Path,
    piece_bytes: usize,
    learning: ingest::LayoutLearning,
    on_projects: impl FnMut(Vec<ingest::RawProject>) -> Result<()>,
) -> Result<ListingRead> {
    let file =
        std::fs::File::open(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let mut hashed = Hashing::new(file);
    // Checked by `check_inputs` already: not checked twice.
    let end = ingest::read_checked_listing(
        &source_name(path),
        &mut hashed,
        piece_bytes,
        learning,
        on_projects,
    )
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
    })?;
    // The reading goes to the end of the file: every byte is hashed.
    Ok(ListingRead {
        end,
        sha256: hashed.finish(),
    })
}

/// A reader that hashes the bytes read through it since it was last
/// rewound. The manifest's SHA-256 of each listing is taken here, on the
/// thread that reads the listing a batch ahead of the other cores, rather
/// than in the check before the run, which the other core waits for.
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
}

impl<R> Hashing<R> {
    fn new(inner: R) -> Self {
        Hashing {
            inner,
            hasher: Sha256::new(),
        }
    }

    fn finish(self) -> String {
        self.hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let read = buf.get(..n).ok_or_else(|| {
            std::io::Error::other("a read reported more bytes than its buffer holds")
        })?;
        self.hasher.update(read);
        Ok(n)
    }
}

/// Reading a listing rewinds it to learn its layout first and then read
/// it again: the hash starts again with it. A listing is read from its
/// start to its end, so no other seek is needed.
impl<R: Seek> Seek for Hashing<R> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        if to != SeekFrom::Start(0) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::Unsupported,
                "a hashed listing is only rewound to its start",
            ));
        }
        self.hasher = Sha256::new();
        self.inner.seek(to)
    }
}

/// A listing's layout changed after its first pieces, while it was learnt
/// as it was read: the run starts again with the layout learnt first.
#[derive(Debug, thiserror::Error)]
#[error("{}: the layout learnt from its first pieces changed further on", path.display())]
pub struct LayoutChanged {
    pub path: PathBuf,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(dir: &Path, name: &str, projects: usize) -> PathBuf {
        let text: String = std::iter::once("Projects\n\n".to_string())
            .chain((1..=projects).map(|n| {
                format!("{n}. Project {name} {n}\n2010 - 2012\nFunded by the European Union in Ghana.\n\n")
            }))
            .collect();
        let path = dir.join(name);
        std::fs::write(&path, text).expect("a listing can be written");
        path
    }

    fn input_file(path: &Path) -> InputFile {
        InputFile {
            path: path.display().to_string(),
            bytes: 0,
            sha256: String::new(),
            projects: 0,
        }
    }

    #[test]
    fn the_hash_is_of_the_bytes_read_since_the_last_rewind() {
        let text = b"Projects\n\n1. A project\n2010 - 2012\n";
        let once: String = Sha256::digest(text)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let mut hashed = Hashing::new(std::io::Cursor::new(&text[..]));
        let mut read = Vec::new();
        // Part of the listing, as a layout is learnt from its first pieces.
        let mut head = [0u8; 9];
        hashed.read_exact(&mut head).expect("nine bytes");
        hashed.seek(SeekFrom::Start(0)).expect("rewound");
        hashed.read_to_end(&mut read).expect("read");
        assert_eq!(read, text);
        assert_eq!(hashed.finish(), once);
        let mut hashed = Hashing::new(std::io::Cursor::new(&text[..]));
        let err = hashed.seek(SeekFrom::Current(3)).expect_err("not a rewind");
        assert_eq!(err.kind(), std::io::ErrorKind::Unsupported);
    }

    #[test]
    fn batches_are_handed_on_in_reading_order_across_listings() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let paths = [
            listing(dir.path(), "a.txt", 5),
            listing(dir.path(), "b.txt", 4),
        ];
        let mut files: Vec<InputFile> = paths.iter().map(|p| input_file(p)).collect();
        let options = ReadOptions {
            batch_projects: 4,
            piece_bytes: 64,
            corrections: false,
        };
        let (hand_on, batches_read) = std::sync::mpsc::sync_channel(0);
        let (read, batches) = std::thread::scope(|threads| {
            let files = &mut files;
            let reader = threads.spawn(|| {
                read_batches(
                    &paths,
                    files,
                    options,
                    LayoutLearning::WhileReading,
                    hand_on,
                )
            });
            let batches: Vec<Vec<String>> = batches_read
                .iter()
                .map(|batch| {
                    batch
                        .iter()
                        .map(|p| format!("{}#{}", p.source, p.ordinal))
                        .collect()
                })
                .collect();
            (reader.join().expect("the reader does not panic"), batches)
        });
        assert!(read.expect("both listings are read").is_empty());
        let sizes: Vec<usize> = batches.iter().map(Vec::len).collect();
        assert_eq!(sizes, [4, 4, 1]);
        assert_eq!(batches[1], ["a.txt#5", "b.txt#1", "b.txt#2", "b.txt#3"]);
        assert_eq!(files.iter().map(|f| f.projects).collect::<Vec<_>>(), [5, 4]);
    }

    #[test]
    fn reading_stops_with_an_error_once_the_batches_are_no_longer_taken() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let paths = [listing(dir.path(), "a.txt", 20)];
        let mut files = vec![input_file(&paths[0])];
        let options = ReadOptions {
            batch_projects: 2,
            ..ReadOptions::default()
        };
        let (hand_on, batches_read) = std::sync::mpsc::sync_channel(0);
        let read = std::thread::scope(|threads| {
            let files = &mut files;
            let reader = threads.spawn(|| {
                read_batches(
                    &paths,
                    files,
                    options,
                    LayoutLearning::WhileReading,
                    hand_on,
                )
            });
            // One batch is taken, then no more.
            let first = batches_read.recv().expect("a first batch");
            assert_eq!(first.len(), 2);
            drop(batches_read);
            reader.join().expect("the reader does not panic")
        });
        let err = read.expect_err("the reading stops");
        assert!(err.to_string().contains("reading stopped"), "{err}");
    }

    #[test]
    fn projects_are_normalised_and_every_reading_handed_on() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let paths = [
            listing(dir.path(), "a.txt", 3),
            listing(dir.path(), "b.txt", 3),
        ];
        // The same titles in both: b.txt's projects are a.txt's, read again.
        std::fs::copy(&paths[0], &paths[1]).expect("a copy");
        let mut files: Vec<InputFile> = paths.iter().map(|p| input_file(p)).collect();
        let config = crate::config::Config::load(Some(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("devcoop.toml"),
        ))
        .expect("the repository's config");
        let options = ReadOptions {
            batch_projects: 2,
            corrections: false,
            ..ReadOptions::default()
        };
        let mut projects = Vec::new();
        let mut readings = Vec::new();
        read_projects(
            &config,
            &paths,
            &mut files,
            options,
            LayoutLearning::Ahead,
            |batch| {
                projects.extend(
                    batch
                        .projects
                        .iter()
                        .map(|p| (p.title.clone(), p.funder_codes().join(","))),
                );
                readings.extend(batch.readings.iter().map(|(_, at)| at.clone()));
                Ok(())
            },
        )
        .expect("read");
        assert_eq!(projects.len(), 3);
        assert!(
            projects.iter().all(|(_, funders)| funders == "EU"),
            "{projects:?}"
        );
        assert_eq!(
            readings,
            ["a.txt#1", "a.txt#2", "a.txt#3", "b.txt#1", "b.txt#2", "b.txt#3"]
        );
    }
}
