//! Tables written while projects arrive: each batch of projects becomes rows
//! appended to `NAME.csv` and `NAME.jsonl` and a row group of
//! `NAME.parquet`, so a run holds one batch in memory, never the whole
//! listing.
//!
//! ```no_run
//! # fn demo(batches: Vec<Vec<normalise::Project>>) -> Result<(), devcoop_analysis::TableError> {
//! let dir = std::path::Path::new("output/tables");
//! let formats = devcoop_analysis::TableFormats::default(); // CSV, JSONL, Parquet
//! let mut sink = devcoop_analysis::TableSink::create(dir, None, formats)?;
//! for batch in &batches {
//!     sink.write_batch(batch)?;
//! }
//! // No project was found again after its batch: no sources to add.
//! let summaries = sink.finish(&Default::default())?; // rows per table
//! # Ok(()) }
//! ```

use crate::formats::TableFormats;
use crate::partition::partition_value;
use crate::tables::{build_table, TableSummary, TABLES};
use crate::write::{flatten_lists, parquet_writer, TableError};
use normalise::Project;
use polars::prelude::*;
use polars_io::csv::write::{BatchedWriter as CsvBatch, CsvWriter};
use polars_io::json::BatchedWriter as JsonLinesBatch;
use polars_io::parquet::write::BatchedWriter as ParquetBatch;
use polars_io::prelude::{ParquetReader, SerReader};
use rayon::prelude::*;
use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};

// The writers get the bare file: each batch reaches them as a few large
// writes (polars serialises rows into its own buffer), and a `BufWriter`
// inside a polars writer could not be flushed with its error seen.

fn create(path: &Path) -> Result<File, TableError> {
    File::create(path).map_err(|source| TableError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn polars_error(path: &Path) -> impl Fn(PolarsError) -> TableError + '_ {
    move |cause| TableError::Polars {
        path: path.to_path_buf(),
        cause,
    }
}

/// One Parquet file being written, a row group per batch.
struct ParquetFile {
    path: PathBuf,
    writer: ParquetBatch<File>,
}

impl ParquetFile {
    fn create(path: PathBuf, schema: &Schema) -> Result<Self, TableError> {
        let writer = parquet_writer(create(&path)?)
            .batched(schema)
            .map_err(polars_error(&path))?;
        Ok(ParquetFile { path, writer })
    }

    fn write(&mut self, frame: &DataFrame) -> Result<(), TableError> {
        self.writer
            .write_batch(frame)
            .map_err(polars_error(&self.path))
    }

    fn finish(self) -> Result<(), TableError> {
        self.writer
            .finish()
            .map(|_| ())
            .map_err(polars_error(&self.path))
    }
}

/// A CSV file being written, batch by batch.
struct CsvFile {
    path: PathBuf,
    writer: CsvBatch<File>,
}

/// A JSON Lines file being written, batch by batch.
struct JsonLinesFile {
    path: PathBuf,
    writer: JsonLinesBatch<File>,
}

/// Rows serialised at a time into JSON Lines. polars' JSON writer turns
/// all it is given into one buffer before writing it (its CSV writer goes
/// 1,024 rows at a time); a batch's place rows, each with its sentence,
/// are tens of megabytes of JSON. Written this many rows at a time, the
/// streaming part of a million projects in every format peaked at 279
/// MiB, against 342 with a batch at once (BENCHMARKS.md).
const JSON_LINES_ROWS: usize = 1_024;

impl JsonLinesFile {
    fn write(&mut self, frame: &DataFrame) -> Result<(), TableError> {
        for offset in (0..frame.height()).step_by(JSON_LINES_ROWS) {
            // A slice shares the frame's buffers: nothing is copied.
            let rows = frame.slice(offset as i64, JSON_LINES_ROWS);
            self.writer
                .write_batch(&rows)
                .map_err(polars_error(&self.path))?;
        }
        Ok(())
    }
}

/// The files of one table: Parquet, and CSV and JSON Lines when chosen.
struct TableFiles {
    name: &'static str,
    rows: usize,
    csv: Option<CsvFile>,
    jsonl: Option<JsonLinesFile>,
    parquet: ParquetFile,
}

impl TableFiles {
    fn create(
        dir: &Path,
        name: &'static str,
        schema: &Schema,
        formats: TableFormats,
    ) -> Result<Self, TableError> {
        let csv = if formats.csv {
            let path = dir.join(format!("{name}.csv"));
            // The CSV has no list columns: its schema is the flattened one.
            let writer = CsvWriter::new(create(&path)?)
                .include_header(true)
                .batched(&flat_schema(schema))
                .map_err(polars_error(&path))?;
            Some(CsvFile { path, writer })
        } else {
            None
        };
        let jsonl = if formats.jsonl {
            let path = dir.join(format!("{name}.jsonl"));
            let writer = JsonLinesBatch::new(create(&path)?);
            Some(JsonLinesFile { path, writer })
        } else {
            None
        };
        let parquet = ParquetFile::create(dir.join(format!("{name}.parquet")), schema)?;
        Ok(TableFiles {
            name,
            rows: 0,
            csv,
            jsonl,
            parquet,
        })
    }

    fn append(&mut self, frame: &DataFrame) -> Result<(), TableError> {
        if frame.height() == 0 {
            return Ok(());
        }
        // The files are independent: write them on all cores.
        let (csv, (jsonl, parquet)) = rayon::join(
            || match &mut self.csv {
                Some(csv) => {
                    let flat = flatten_lists(frame).map_err(polars_error(&csv.path))?;
                    csv.writer
                        .write_batch(&flat)
                        .map_err(polars_error(&csv.path))
                }
                None => Ok(()),
            },
            || {
                rayon::join(
                    || match &mut self.jsonl {
                        Some(jsonl) => jsonl.write(frame),
                        None => Ok(()),
                    },
                    || self.parquet.write(frame),
                )
            },
        );
        csv.and(jsonl).and(parquet)?;
        self.rows += frame.height();
        Ok(())
    }

    /// The formats this table is written in.
    fn formats(&self) -> TableFormats {
        TableFormats {
            csv: self.csv.is_some(),
            jsonl: self.jsonl.is_some(),
        }
    }

    fn finish(self) -> Result<TableSummary, TableError> {
        // A table with no rows still gets its CSV header.
        if let Some(mut csv) = self.csv {
            csv.writer.finish().map_err(polars_error(&csv.path))?;
        }
        self.parquet.finish()?;
        Ok(TableSummary {
            name: self.name,
            rows: self.rows,
        })
    }
}

/// A list column is a string column in the CSV.
fn flat_schema(schema: &Schema) -> Schema {
    schema
        .iter()
        .map(|(name, dtype)| match dtype {
            DataType::List(_) => (name.clone(), DataType::String),
            dtype => (name.clone(), dtype.clone()),
        })
        .collect()
}

/// `NAME/source=FILE/part-0.parquet` for every table, the layout
/// distributed SQL engines read as one table and prune by source.
/// Projects arrive grouped by source (listings are read one after the
/// other), so only the current source's files are open.
struct Partitions {
    dir: PathBuf,
    source: Option<String>,
    files: Vec<Option<ParquetFile>>,
}

impl Partitions {
    fn write_batch(&mut self, projects: &[Project]) -> Result<(), TableError> {
        for run in projects.chunk_by(|a, b| a.raw.source == b.raw.source) {
            let source = &run[0].raw.source;
            if self.source.as_ref() != Some(source) {
                self.finish_source()?;
                self.source = Some(source.clone());
            }
            for (slot, (name, build)) in self.files.iter_mut().zip(TABLES) {
                let frame = build_table(name, build, run)?;
                if frame.height() == 0 {
                    continue;
                }
                let file = match slot {
                    Some(file) => file,
                    None => {
                        let folder = self
                            .dir
                            .join(name)
                            .join(format!("source={}", partition_value(source)));
                        std::fs::create_dir_all(&folder).map_err(|source| TableError::Io {
                            path: folder.clone(),
                            source,
                        })?;
                        slot.insert(ParquetFile::create(
                            folder.join("part-0.parquet"),
                            frame.schema(),
                        )?)
                    }
                };
                file.write(&frame)?;
            }
        }
        Ok(())
    }

    fn finish_source(&mut self) -> Result<(), TableError> {
        for file in self.files.iter_mut().filter_map(Option::take) {
            file.finish()?;
        }
        Ok(())
    }
}

/// Every table of a run, written batch by batch.
pub struct TableSink {
    dir: PathBuf,
    formats: TableFormats,
    tables: Vec<TableFiles>,
    partitions: Option<Partitions>,
}

impl TableSink {
    /// Creates the files of every table in `dir`, and when `partitioned` is
    /// given, Parquet partitioned by source listing under it.
    pub fn create(
        dir: &Path,
        partitioned: Option<&Path>,
        formats: TableFormats,
    ) -> Result<Self, TableError> {
        let tables = TABLES
            .iter()
            .map(|&(name, build)| {
                let empty = build_table(name, build, &[])?;
                TableFiles::create(dir, name, empty.schema(), formats)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let partitions = partitioned.map(|dir| Partitions {
            dir: dir.to_path_buf(),
            source: None,
            files: TABLES.iter().map(|_| None).collect(),
        });
        Ok(TableSink {
            dir: dir.to_path_buf(),
            formats,
            tables,
            partitions,
        })
    }

    /// Appends the rows of a batch of projects to every table.
    pub fn write_batch(&mut self, projects: &[Project]) -> Result<(), TableError> {
        // Tables are independent: build and write them on all cores.
        self.tables
            .par_iter_mut()
            .zip(TABLES.par_iter())
            .try_for_each(|(files, &(name, build))| {
                files.append(&build_table(name, build, projects)?)
            })?;
        if let Some(partitions) = &mut self.partitions {
            partitions.write_batch(projects)?;
        }
        Ok(())
    }

    /// Completes every file; the rows of each table, in table order.
    /// `late_sources` are sources of projects found again after their row
    /// was written (by project id): they are added to the `sources` of
    /// those rows, which rewrites the projects files.
    pub fn finish(
        self,
        late_sources: &HashMap<String, Vec<String>>,
    ) -> Result<Vec<TableSummary>, TableError> {
        let partitioned = self.partitions.as_ref().map(|p| p.dir.clone());
        if let Some(mut partitions) = self.partitions {
            partitions.finish_source()?;
        }
        // Each Parquet footer holds the statistics of every row group:
        // finishing the seven files one after the other kept a core idle.
        let summaries = self
            .tables
            .into_par_iter()
            .map(TableFiles::finish)
            .collect::<Result<Vec<_>, _>>()?;
        if !late_sources.is_empty() {
            add_late_sources(
                &self.dir,
                self.formats,
                partitioned.as_deref(),
                late_sources,
            )?;
        }
        Ok(summaries)
    }
}

/// Rows of the projects table read back at a time when sources are added.
const REWRITE_ROWS: usize = 65_536;

/// The `sources` list of `frame` with the late sources of each id added.
fn with_late_sources(
    frame: &DataFrame,
    late: &HashMap<String, Vec<String>>,
) -> PolarsResult<DataFrame> {
    let ids = frame.column("id")?.str()?.clone();
    let lists = frame.column("sources")?.list()?.clone();
    let mut builder =
        ListStringChunkedBuilder::new("sources".into(), frame.height(), frame.height());
    for (id, list) in ids.iter().zip(lists.amortized_iter()) {
        let mut sources: Vec<String> = match list {
            Some(series) => series
                .as_ref()
                .str()?
                .iter()
                .flatten()
                .map(str::to_string)
                .collect(),
            None => Vec::new(),
        };
        if let Some(more) = id.and_then(|id| late.get(id)) {
            sources.extend(more.iter().cloned());
        }
        builder.append_values_iter(sources.iter().map(String::as_str));
    }
    let mut frame = frame.clone();
    frame.replace("sources", builder.finish().into_column())?;
    // The writers need every column cut into the same chunks.
    frame.rechunk_mut_par();
    Ok(frame)
}

/// Rewrites `path` (Parquet) with late sources added, slice by slice; with
/// `table_formats`, `path` is the projects table and its files in those
/// formats beside it are rewritten too, else it is one partition.
fn rewrite_with_late_sources(
    path: &Path,
    table_formats: Option<TableFormats>,
    late: &HashMap<String, Vec<String>>,
) -> Result<(), TableError> {
    let open = || {
        File::open(path).map_err(|source| TableError::Io {
            path: path.to_path_buf(),
            source,
        })
    };
    let rows = ParquetReader::new(open()?)
        .num_rows()
        .map_err(polars_error(path))?;
    let folder = path.parent().unwrap_or(Path::new("."));
    let scratch = folder.join(".late-sources");
    std::fs::create_dir_all(&scratch).map_err(|source| TableError::Io {
        path: scratch.clone(),
        source,
    })?;
    let empty = crate::tables::projects_table(&[]).map_err(|source| TableError::Build {
        table: "projects".into(),
        source,
    })?;
    /// What is rewritten: the files of the table in its formats, or one
    /// partition.
    enum Rewritten {
        Table(TableFiles),
        Part(ParquetFile),
    }
    let mut rewritten = if let Some(formats) = table_formats {
        Rewritten::Table(TableFiles::create(
            &scratch,
            "projects",
            empty.schema(),
            formats,
        )?)
    } else {
        Rewritten::Part(ParquetFile::create(
            scratch.join("part-0.parquet"),
            empty.schema(),
        )?)
    };
    for offset in (0..rows).step_by(REWRITE_ROWS) {
        let slice = ParquetReader::new(open()?)
            .with_slice(Some((offset, REWRITE_ROWS)))
            .finish()
            .map_err(polars_error(path))?;
        let frame = with_late_sources(&slice, late).map_err(polars_error(path))?;
        match &mut rewritten {
            Rewritten::Table(files) => files.append(&frame)?,
            Rewritten::Part(file) => file.write(&frame)?,
        }
    }
    let moves: Vec<(PathBuf, PathBuf)> = match rewritten {
        Rewritten::Table(files) => {
            let formats = files.formats();
            files.finish()?;
            formats
                .written()
                .map(|format| {
                    let name = format!("projects.{}", format.extension());
                    (scratch.join(&name), folder.join(name))
                })
                .collect()
        }
        Rewritten::Part(file) => {
            file.finish()?;
            vec![(scratch.join("part-0.parquet"), path.to_path_buf())]
        }
    };
    for (from, to) in moves {
        std::fs::rename(&from, &to).map_err(|source| TableError::Io { path: to, source })?;
    }
    std::fs::remove_dir(&scratch).map_err(|source| TableError::Io {
        path: scratch,
        source,
    })
}

/// Adds late sources to the projects table and its partitions.
fn add_late_sources(
    dir: &Path,
    formats: TableFormats,
    partitioned: Option<&Path>,
    late: &HashMap<String, Vec<String>>,
) -> Result<(), TableError> {
    rewrite_with_late_sources(&dir.join("projects.parquet"), Some(formats), late)?;
    let Some(partitioned) = partitioned else {
        return Ok(());
    };
    let folder = partitioned.join("projects");
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Ok(());
    };
    let mut parts: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path().join("part-0.parquet")))
        .filter(|p| p.is_file())
        .collect();
    parts.sort();
    for part in parts {
        rewrite_with_late_sources(&part, None, late)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn projects() -> Vec<Project> {
        let reference = normalise::Reference::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/reference"),
        )
        .unwrap();
        let text = "Projects\n\n1. Decent work in Nepal\n\n2007 - 2009\n\nFunded by Japan.\n\n\
                    2. Skills in Kenya\n\n2012 - 2015\n\nSupported by the European Union.\n";
        let listing = ingest::parse_listing("a.txt", text.as_bytes()).unwrap();
        normalise::normalise(
            &reference,
            listing.projects,
            "2026-01-01".parse().unwrap(),
            &mut Vec::new(),
        )
    }

    #[test]
    fn json_lines_written_in_slices_are_the_lines_of_the_whole_frame() {
        let dir = tempfile::tempdir().unwrap();
        // Rows past two slices, and a last slice that is not full.
        let height = 2 * JSON_LINES_ROWS + 7;
        let ids: Vec<String> = (0..height).map(|i| format!("p{i}")).collect();
        let lists: Vec<Series> = (0..height)
            .map(|i| Series::new("".into(), vec![format!("s{i}"); i % 3]))
            .collect();
        let frame = DataFrame::new_infer_height(vec![
            Column::new("project_id".into(), ids),
            Column::new("sources".into(), lists),
        ])
        .unwrap();

        let sliced = dir.path().join("sliced.jsonl");
        let mut file = JsonLinesFile {
            writer: JsonLinesBatch::new(create(&sliced).unwrap()),
            path: sliced.clone(),
        };
        file.write(&frame).unwrap();
        drop(file);
        let whole = dir.path().join("whole.jsonl");
        JsonLinesBatch::new(create(&whole).unwrap())
            .write_batch(&frame)
            .unwrap();

        let sliced = std::fs::read_to_string(sliced).unwrap();
        assert_eq!(sliced.lines().count(), height);
        assert!(sliced.ends_with("{\"project_id\":\"p2054\",\"sources\":[\"s2054\",\"s2054\"]}\n"));
        assert_eq!(sliced, std::fs::read_to_string(whole).unwrap());
    }

    #[test]
    fn sources_found_late_reach_every_copy_of_the_projects_table() {
        let dir = tempfile::tempdir().unwrap();
        let tables = dir.path().join("tables");
        let partitioned = dir.path().join("partitioned");
        std::fs::create_dir_all(&tables).unwrap();
        let projects = projects();
        let mut sink =
            TableSink::create(&tables, Some(&partitioned), TableFormats::default()).unwrap();
        // Two batches, as a run with batches of one project writes them.
        for batch in projects.chunks(1) {
            sink.write_batch(batch).unwrap();
        }
        let late = HashMap::from([(projects[0].id.clone(), vec!["b.txt#4".to_string()])]);
        let summaries = sink.finish(&late).unwrap();
        assert_eq!(summaries[0].rows, 2);

        let csv = std::fs::read_to_string(tables.join("projects.csv")).unwrap();
        let rows: Vec<&str> = csv.lines().collect();
        assert!(rows[1].contains(",a.txt#1; b.txt#4,"), "{}", rows[1]);
        assert!(rows[2].contains(",a.txt#2,"), "{}", rows[2]);
        let jsonl = std::fs::read_to_string(tables.join("projects.jsonl")).unwrap();
        assert!(jsonl
            .lines()
            .next()
            .unwrap()
            .contains(r#""sources":["a.txt#1","b.txt#4"]"#));
        for parquet in [
            tables.join("projects.parquet"),
            partitioned.join("projects/source=a.txt/part-0.parquet"),
        ] {
            let frame = ParquetReader::new(File::open(&parquet).unwrap())
                .finish()
                .unwrap();
            assert_eq!(frame.height(), 2);
            let first = frame
                .column("sources")
                .unwrap()
                .list()
                .unwrap()
                .get_as_series(0)
                .unwrap();
            let first: Vec<&str> = first.str().unwrap().iter().flatten().collect();
            assert_eq!(first, ["a.txt#1", "b.txt#4"], "{}", parquet.display());
        }
        // No scratch folder is left behind.
        assert!(!tables.join(".late-sources").exists());
    }
}
