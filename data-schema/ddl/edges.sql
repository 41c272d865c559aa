-- The MKG's edges, written by `medsyn mkg` to OUTPUT/mkg/edges. Columns: data-schema/README.md.
-- Set the run's root and a database, then run this file (spark-sql -f, or spark.sql in a notebook):
--   SET medsyn.output=s3a://medsyn-corpus/runs/2026-11-24;
--   SET medsyn.database=medsyn_20261124;
--   CREATE DATABASE IF NOT EXISTS ${medsyn.database};
CREATE TABLE IF NOT EXISTS ${medsyn.database}.edges (
  src STRING COMMENT 'id of the disease vertex the edge leaves',
  dst STRING COMMENT 'id of the fact vertex (or subcode) it reaches',
  relation STRING COMMENT 'has_subcode, has_symptom, has_anamnesis, has_finding, treated_with, has_sex or has_age',
  weight DOUBLE COMMENT 'how typical the fact is for the disease, in (0, 1]',
  attrs MAP<STRING, STRING> COMMENT 'extra attributes from the source graph'
)
USING parquet
LOCATION '${medsyn.output}/mkg/edges'
COMMENT 'MedSyn MKG edges (GraphFrames layout)'
