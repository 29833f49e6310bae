"""Tables: format detection, and one reader and writer per format (CSV/TSV with the splicer, JSON Lines, XLSX, Parquet)."""
