-- MedSyn quality summary, written to OUTPUT/quality/summary. Columns: data-schema/README.md.
-- Set the run's root and a database, then run this file (spark-sql -f, or spark.sql in a notebook):
--   SET medsyn.output=s3a://medsyn-corpus/runs/2026-11-24;
--   SET medsyn.database=medsyn_20261124;
--   CREATE DATABASE IF NOT EXISTS ${medsyn.database};
CREATE TABLE IF NOT EXISTS ${medsyn.database}.quality_summary (
  code STRING COMMENT '3-character ICD-10 category; the partition column',
  notes BIGINT COMMENT 'notes of the code',
  passed BIGINT COMMENT 'notes with `quality_pass`',
  rejected BIGINT COMMENT '`notes - passed`',
  reasons MAP<STRING, BIGINT> COMMENT 'notes per reject reason, every reason present (0 when none); a note with several reasons counts under each, so the values may add up to more than `rejected`'
)
USING parquet
LOCATION '${medsyn.output}/quality/summary'
COMMENT 'MedSyn quality summary'
