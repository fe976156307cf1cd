//! Names of Hive-style partitions (`NAME/source=FILE/part-0.parquet`, the
//! layout distributed SQL engines such as DataFusion, Spark and Trino read
//! as one table and prune by source; written by [`crate::TableSink`]).

/// A value as a directory name: letters, digits, `.`, `_` and `-` as they
/// are, every other byte as `%XX`, so no value can leave its directory.
pub fn partition_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric()
            || matches!(byte, b'_' | b'-')
            || (byte == b'.' && !out.is_empty())
        {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    if out.is_empty() {
        out.push_str("%00");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition_values_never_leave_their_directory() {
        assert_eq!(
            partition_value("labour-migration.txt"),
            "labour-migration.txt"
        );
        assert_eq!(partition_value("../etc/passwd"), "%2E.%2Fetc%2Fpasswd");
        assert_eq!(partition_value("a b/c"), "a%20b%2Fc");
        assert_eq!(partition_value(""), "%00");
    }
}
