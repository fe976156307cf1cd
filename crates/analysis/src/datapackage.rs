//! `datapackage.json`: a Frictionless Data Package describing every table
//! (field types, primary keys, foreign keys), so that other tools can load
//! the CSV files with the right types.

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

/// The package for the tables of a run and its analyses.
pub fn datapackage(tables: &[NamedTable], analyses: &[AnalysisResult]) -> Value {
    let mut resources = Vec::new();
    for (name, frame) in tables {
        let mut schema = schema(frame);
        if *name == "projects" {
            schema["primaryKey"] = json!(["id"]);
        } else if frame.column("project_id").is_ok() {
            schema["foreignKeys"] = json!([{
                "fields": ["project_id"],
                "reference": {"resource": "projects", "fields": ["id"]}
            }]);
        }
        resources.push(json!({
            "name": name,
            "path": format!("tables/{name}.csv"),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        }));
    }
    for result in analyses {
        let name = &result.analysis.name;
        resources.push(json!({
            "name": format!("analysis-{}", name.replace('_', "-")),
            "title": result.analysis.chart.title,
            "path": format!("tables/analysis/{name}.csv"),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema(&result.frame),
        }));
    }
    json!({
        "profile": "tabular-data-package",
        "name": "devcoop-output",
        "title": "Development cooperation projects",
        "resources": resources,
    })
}
