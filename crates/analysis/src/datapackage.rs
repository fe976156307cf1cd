//! `datapackage.json`: a Frictionless Data Package describing every table
//! (field types, primary keys, foreign keys), so that other tools can load
//! the tables with the right types: the CSV files, or the Parquet files of
//! a run that wrote no CSV.

use crate::formats::TableFormats;
use crate::tables::NamedTable;
use crate::AnalysisResult;
use polars::prelude::{DataFrame, DataType};
use serde_json::{json, Value};

fn field_type(dtype: &DataType) -> &'static str {
    match dtype {
        DataType::Boolean => "boolean",
        DataType::Date => "date",
        DataType::Float32 | DataType::Float64 => "number",
        dtype if dtype.is_integer() => "integer",
        // Lists are written to CSV as items joined by "; ".
        _ => "string",
    }
}

fn schema(frame: &DataFrame) -> Value {
    let fields: Vec<Value> = frame
        .columns()
        .iter()
        .map(|c| {
            let mut field = json!({"name": c.name().as_str(), "type": field_type(c.dtype())});
            if let DataType::List(_) = c.dtype() {
                field["description"] = json!(
                    "a list: items joined by \"; \" in the CSV, an array in JSONL and Parquet"
                );
            }
            field
        })
        .collect();
    json!({ "fields": fields })
}

/// The file of a table in a package: CSV when the run wrote it, else
/// Parquet.
/// An analysis's result is always written as CSV and Parquet.
const ANALYSIS_FORMATS: TableFormats = TableFormats {
    csv: true,
    jsonl: false,
};

fn table_file(path_stem: &str, formats: TableFormats) -> Value {
    if formats.csv {
        json!({
            "path": format!("{path_stem}.csv"),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
        })
    } else {
        json!({
            "path": format!("{path_stem}.parquet"),
            "format": "parquet",
            "mediatype": "application/vnd.apache.parquet",
        })
    }
}

/// Adds the keys of `more` to the object `into`, after its own.
fn merge(into: &mut Value, more: Value) {
    if let (Value::Object(into), Value::Object(more)) = (into, more) {
        into.extend(more);
    }
}

/// The package for the tables of a run, written in `formats`, and its
/// analyses (always CSV).
pub fn datapackage(
    tables: &[NamedTable],
    formats: TableFormats,
    analyses: &[AnalysisResult],
) -> Value {
    let mut resources = Vec::new();
    for (name, frame) in tables {
        let mut schema = schema(frame);
        if *name == "projects" {
            schema["primaryKey"] = json!(["id"]);
        } else if *name == "evidence" {
            schema["primaryKey"] = json!(["evidence_id"]);
        }
        let mut foreign_keys = Vec::new();
        if frame.column("project_id").is_ok() {
            foreign_keys.push(json!({
                "fields": ["project_id"],
                "reference": {"resource": "projects", "fields": ["id"]}
            }));
        }
        if *name != "evidence" && frame.column("evidence_id").is_ok() {
            foreign_keys.push(json!({
                "fields": ["evidence_id"],
                "reference": {"resource": "evidence", "fields": ["evidence_id"]}
            }));
        }
        if !foreign_keys.is_empty() {
            schema["foreignKeys"] = json!(foreign_keys);
        }
        let mut resource = json!({ "name": name });
        merge(
            &mut resource,
            table_file(&format!("tables/{name}"), formats),
        );
        resource["schema"] = schema;
        resources.push(resource);
    }
    for result in analyses {
        let name = &result.analysis.name;
        let mut resource = json!({
            "name": format!("analysis-{}", name.replace('_', "-")),
            "title": result.analysis.header.title,
        });
        merge(
            &mut resource,
            table_file(&format!("tables/analysis/{name}"), ANALYSIS_FORMATS),
        );
        resource["schema"] = schema(&result.frame);
        resources.push(resource);
    }
    json!({
        "profile": "tabular-data-package",
        "name": "devcoop-output",
        "title": "Development cooperation projects",
        "resources": resources,
    })
}
