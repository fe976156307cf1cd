//! `devcoop.toml`: the defaults a run uses when the command line is silent.

use anyhow::{Context, Result};
use serde::Deserialize;
use std::path::{Path, PathBuf};

pub const DEFAULT_CONFIG: &str = "devcoop.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default = "default_inputs")]
    inputs: Vec<PathBuf>,
    #[serde(default = "default_output")]
    output: PathBuf,
    reference: Option<PathBuf>,
    #[serde(default = "default_reference_date")]
    reference_date: String,
    #[serde(default = "default_overrides")]
    overrides: PathBuf,
    analyses: Option<PathBuf>,
    #[serde(default)]
    table_formats: analysis::TableFormats,
}

const DEFAULT_ANALYSES: &str = "analyses";

fn default_overrides() -> PathBuf {
    PathBuf::from("data/overrides.csv")
}

const DEFAULT_REFERENCE: &str = normalise::DEFAULT_REFERENCE_FOLDER;

fn default_reference_date() -> String {
    "2026-01-01".into()
}

fn default_inputs() -> Vec<PathBuf> {
    vec![PathBuf::from("data/raw")]
}

fn default_output() -> PathBuf {
    PathBuf::from("output")
}

/// Settings with every path resolved against the config file's directory.
#[derive(Debug, Clone)]
pub struct Config {
    /// The directory paths are relative to; manifest paths are shown
    /// relative to it so that they do not depend on where the clone is.
    pub base: PathBuf,
    pub inputs: Vec<PathBuf>,
    pub output: PathBuf,
    /// A directory whose files take the place of the built-in reference
    /// tables of the same name; `None` when the default one
    /// (`data/reference`) does not exist.
    pub reference: Option<PathBuf>,
    /// The day project status is judged against (not today: outputs must
    /// not change with the calendar).
    pub reference_date: chrono::NaiveDate,
    /// User corrections; a missing file means none.
    pub overrides: PathBuf,
    /// Directory of `*.sql` analyses; `None` (the built-in analyses) when
    /// the default one (`analyses`) does not exist.
    pub analyses: Option<PathBuf>,
    /// The files each table is written as.
    pub table_formats: analysis::TableFormats,
}

impl Config {
    /// Reads `path`, or `devcoop.toml` in the current directory when it
    /// exists, or falls back to the defaults.
    pub fn load(path: Option<&Path>) -> Result<Config> {
        let (file, base) = match path {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("{}: cannot read the config file", path.display()))?;
                let file = parse(&text)
                    .with_context(|| format!("{}: not a valid devcoop config", path.display()))?;
                let base = path
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
                (file, base)
            }
            None if Path::new(DEFAULT_CONFIG).is_file() => {
                return Config::load(Some(Path::new(DEFAULT_CONFIG)));
            }
            None => (parse("")?, PathBuf::from(".")),
        };
        let reference_date = file.reference_date.parse().with_context(|| {
            format!(
                "reference_date `{}` is not a date: expected YYYY-MM-DD",
                file.reference_date
            )
        })?;
        let reference = directory(
            &base,
            file.reference.as_deref(),
            DEFAULT_REFERENCE,
            "reference",
        )?;
        let analyses = directory(
            &base,
            file.analyses.as_deref(),
            DEFAULT_ANALYSES,
            "analyses",
        )?;
        Ok(Config {
            inputs: file.inputs.iter().map(|p| join(&base, p)).collect(),
            output: join(&base, &file.output),
            reference,
            overrides: join(&base, &file.overrides),
            analyses,
            reference_date,
            table_formats: file.table_formats,
            base,
        })
    }

    /// `path` as it should appear in outputs: relative to the config's
    /// directory when it lies below it.
    pub fn display_path(&self, path: &Path) -> String {
        let shown = path
            .strip_prefix(&self.base)
            .ok()
            .filter(|_| self.base != Path::new("."))
            .unwrap_or(path);
        let shown = shown.strip_prefix(".").unwrap_or(shown);
        shown.to_string_lossy().replace('\\', "/")
    }
}

/// The directory the config names for `key` (it must exist), else the
/// default one when it exists, else none: the built-in tables or analyses.
fn directory(
    base: &Path,
    named: Option<&Path>,
    default: &str,
    key: &str,
) -> Result<Option<PathBuf>> {
    match named {
        Some(path) => {
            let path = join(base, path);
            anyhow::ensure!(
                path.is_dir(),
                "{key} = \"{}\": not a directory",
                path.display()
            );
            Ok(Some(path))
        }
        None => Ok(Some(join(base, Path::new(default))).filter(|p| p.is_dir())),
    }
}

fn join(base: &Path, path: &Path) -> PathBuf {
    if path.is_absolute() || base == Path::new(".") {
        path.to_path_buf()
    } else {
        base.join(path)
    }
}

fn parse(text: &str) -> Result<ConfigFile> {
    Ok(toml::from_str(text)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_when_keys_are_missing() {
        let file = parse("").unwrap();
        assert_eq!(file.inputs, vec![PathBuf::from("data/raw")]);
        assert_eq!(file.output, PathBuf::from("output"));
    }

    #[test]
    fn table_formats_are_read_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("devcoop.toml");
        std::fs::write(&path, "table_formats = [\"parquet\"]\n").unwrap();
        let formats = Config::load(Some(&path)).unwrap().table_formats;
        assert!(!formats.csv && !formats.jsonl);
        std::fs::write(&path, "table_formats = [\"csv\"]\n").unwrap();
        let err = format!("{:#}", Config::load(Some(&path)).unwrap_err());
        assert!(err.contains("must include parquet"), "{err}");
        std::fs::write(&path, "table_formats = [\"xlsx\", \"parquet\"]\n").unwrap();
        let err = format!("{:#}", Config::load(Some(&path)).unwrap_err());
        assert!(
            err.contains("devcoop.toml") && err.contains("`xlsx`"),
            "{err}"
        );
    }

    #[test]
    fn reference_and_analyses_folders_are_optional_unless_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("devcoop.toml");
        std::fs::write(&path, "").unwrap();
        let config = Config::load(Some(&path)).unwrap();
        assert_eq!(config.reference, None);
        assert_eq!(config.analyses, None);
        std::fs::create_dir_all(dir.path().join("data/reference")).unwrap();
        let config = Config::load(Some(&path)).unwrap();
        assert_eq!(config.reference, Some(dir.path().join("data/reference")));
        std::fs::write(&path, "analyses = \"mine\"\n").unwrap();
        let err = format!("{:#}", Config::load(Some(&path)).unwrap_err());
        assert!(err.contains("analyses = ") && err.contains("mine"), "{err}");
    }

    #[test]
    fn unknown_keys_are_refused() {
        let err = parse("outptu = \"x\"").unwrap_err();
        assert!(err.to_string().contains("unknown field"), "{err}");
    }

    #[test]
    fn paths_resolve_against_the_config_directory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("devcoop.toml");
        std::fs::write(&path, "inputs = [\"listings\"]\noutput = \"out\"\n").unwrap();
        let config = Config::load(Some(&path)).unwrap();
        assert_eq!(config.inputs, vec![dir.path().join("listings")]);
        assert_eq!(config.output, dir.path().join("out"));
        assert_eq!(
            config.display_path(&dir.path().join("listings/a.txt")),
            "listings/a.txt"
        );
    }
}
