//! Tables written while projects arrive: each batch of projects becomes a
//! row group of `NAME.parquet` (and rows appended to `NAME.csv` and
//! `NAME.jsonl` when those formats are chosen), so a run holds one batch in
//! memory, never the whole listing.
//!
//! ```no_run
//! # fn demo(batches: Vec<Vec<normalise::Project>>) -> Result<(), devcoop_analysis::TableError> {
//! let dir = std::path::Path::new("output/tables");
//! let formats = devcoop_analysis::TableFormats::default(); // Parquet alone
//! let mut sink = devcoop_analysis::TableSink::create(dir, None, formats)?;
//! for batch in &batches {
//!     // No project of an earlier batch was read again in this one.
//!     sink.write_batch(batch, &[])?;
//! }
//! let summaries = sink.finish()?; // rows per table
//! # Ok(()) }
//! ```

use crate::formats::TableFormats;
use crate::partition::partition_value;
use crate::tables::{build_table, reading_source, Batch, Reading, TableSummary, TABLES};
use crate::write::{flatten_lists, parquet_writer, TableError};
use normalise::Project;
use polars::prelude::*;
use polars_io::csv::write::{BatchedWriter as CsvBatch, CsvWriter};
use polars_io::json::BatchedWriter as JsonLinesBatch;
use polars_io::parquet::write::BatchedWriter as ParquetBatch;
use rayon::prelude::*;
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
/// buffer stays small whatever the batch size.
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
    /// Writes a batch's rows into the partitions of their listings, the
    /// readings in reading order (a listing is read after the other, so
    /// each source's files are opened once); sentence ids run on from
    /// `first_evidence_id` as in the tables.
    fn write_batch(
        &mut self,
        projects: &[Project],
        readings: &[Reading],
        first_evidence_id: i64,
    ) -> Result<(), TableError> {
        let mut evidence_id = first_evidence_id;
        let mut rest = projects;
        for group in readings.chunk_by(|a, b| reading_source(a) == reading_source(b)) {
            let source = reading_source(&group[0]);
            // The projects first read in this listing, in this batch.
            let taken = rest.iter().take_while(|p| p.raw.source == source).count();
            let (run, after) = rest.split_at(taken);
            rest = after;
            let batch = Batch::new(run, group, evidence_id);
            evidence_id += batch.evidence_rows() as i64;
            if self.source.as_deref() != Some(source) {
                self.finish_source()?;
                self.source = Some(source.to_string());
            }
            for (slot, (name, build)) in self.files.iter_mut().zip(TABLES) {
                let frame = build_table(name, build, &batch)?;
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
    tables: Vec<TableFiles>,
    partitions: Option<Partitions>,
    /// The id of the next sentence of the `evidence` table.
    next_evidence_id: i64,
}

impl TableSink {
    /// Creates the files of every table in `dir`, and when `partitioned` is
    /// given, Parquet partitioned by source listing under it.
    pub fn create(
        dir: &Path,
        partitioned: Option<&Path>,
        formats: TableFormats,
    ) -> Result<Self, TableError> {
        let none = Batch::new(&[], &[], 1);
        let tables = TABLES
            .iter()
            .map(|&(name, build)| {
                let empty = build_table(name, build, &none)?;
                TableFiles::create(dir, name, empty.schema(), formats)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let partitions = partitioned.map(|dir| Partitions {
            dir: dir.to_path_buf(),
            source: None,
            files: TABLES.iter().map(|_| None).collect(),
        });
        Ok(TableSink {
            tables,
            partitions,
            next_evidence_id: 1,
        })
    }

    /// Appends the rows of a batch to every table: the projects first
    /// read in it, and every reading in it (`project_sources`), a later
    /// reading of a project written in an earlier batch too. Nothing
    /// written is rewritten.
    pub fn write_batch(
        &mut self,
        projects: &[Project],
        readings: &[Reading],
    ) -> Result<(), TableError> {
        let first_evidence_id = self.next_evidence_id;
        let batch = Batch::new(projects, readings, first_evidence_id);
        self.next_evidence_id += batch.evidence_rows() as i64;
        // Tables are independent: build and write them on all cores.
        self.tables
            .par_iter_mut()
            .zip(TABLES.par_iter())
            .try_for_each(|(files, &(name, build))| {
                files.append(&build_table(name, build, &batch)?)
            })?;
        if let Some(partitions) = &mut self.partitions {
            partitions.write_batch(projects, readings, first_evidence_id)?;
        }
        Ok(())
    }

    /// Completes every file; the rows of each table, in table order.
    pub fn finish(self) -> Result<Vec<TableSummary>, TableError> {
        if let Some(mut partitions) = self.partitions {
            partitions.finish_source()?;
        }
        // Each Parquet footer holds the statistics of every row group:
        // finishing the files one after the other kept a core idle.
        self.tables
            .into_par_iter()
            .map(TableFiles::finish)
            .collect::<Result<Vec<_>, _>>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_format() -> TableFormats {
        TableFormats::new(&crate::formats::TableFormat::ALL).unwrap()
    }

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
    fn later_readings_are_appended_and_every_fact_points_at_its_sentence() {
        use polars_io::prelude::{ParquetReader, SerReader};
        let dir = tempfile::tempdir().unwrap();
        let tables = dir.path().join("tables");
        let partitioned = dir.path().join("partitioned");
        std::fs::create_dir_all(&tables).unwrap();
        let projects = projects();
        let mut sink = TableSink::create(&tables, Some(&partitioned), every_format()).unwrap();
        // Two batches, as a run with batches of one project writes them;
        // the first project read again in another listing with the second.
        let reading = |p: &Project, at: &str| (p.id.clone(), at.to_string());
        sink.write_batch(&projects[..1], &[reading(&projects[0], "a.txt#1")])
            .unwrap();
        let readings = [
            reading(&projects[1], "a.txt#2"),
            reading(&projects[0], "b.txt#4"),
        ];
        sink.write_batch(&projects[1..], &readings).unwrap();
        let summaries = sink.finish().unwrap();
        let rows = |name: &str| summaries.iter().find(|s| s.name == name).unwrap().rows;
        assert_eq!(rows("projects"), 2);
        assert_eq!(rows("project_sources"), 3);
        let sources = std::fs::read_to_string(tables.join("project_sources.csv")).unwrap();
        let first = &projects[0].id;
        assert_eq!(
            sources.lines().collect::<Vec<_>>(),
            [
                "project_id,source,ordinal".to_string(),
                format!("{first},a.txt,1"),
                format!("{},a.txt,2", projects[1].id),
                format!("{first},b.txt,4"),
            ]
        );
        // The later reading goes to the partition of the listing it was
        // read in.
        let part = partitioned.join("project_sources/source=b.txt/part-0.parquet");
        let frame = ParquetReader::new(File::open(&part).unwrap())
            .finish()
            .unwrap();
        assert_eq!(frame.height(), 1);
        // Sentence ids run on across batches, each sentence once, and
        // every fact's id is a sentence of the evidence table.
        let evidence = ParquetReader::new(File::open(tables.join("evidence.parquet")).unwrap())
            .finish()
            .unwrap();
        let ids: Vec<i64> = evidence
            .column("evidence_id")
            .unwrap()
            .i64()
            .unwrap()
            .into_no_null_iter()
            .collect();
        assert_eq!(ids, (1..=ids.len() as i64).collect::<Vec<_>>());
        let organisations =
            ParquetReader::new(File::open(tables.join("project_organisations.parquet")).unwrap())
                .finish()
                .unwrap();
        for id in organisations
            .column("evidence_id")
            .unwrap()
            .i64()
            .unwrap()
            .iter()
        {
            assert!(id.is_some_and(|id| ids.contains(&id)), "{id:?}");
        }
        let texts: Vec<&str> = evidence
            .column("text")
            .unwrap()
            .str()
            .unwrap()
            .iter()
            .flatten()
            .collect();
        assert!(texts.contains(&"Funded by Japan."), "{texts:?}");
    }
}
