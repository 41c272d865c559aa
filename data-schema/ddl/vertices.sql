-- The MKG's vertices, written by `medsyn mkg` to OUTPUT/mkg/vertices. Columns: data-schema/README.md.
-- Set the run's root and a database, then run this file (spark-sql -f, or spark.sql in a notebook):
--   SET medsyn.output=s3a://medsyn-corpus/runs/2026-11-24;
--   SET medsyn.database=medsyn_20261124;
--   CREATE DATABASE IF NOT EXISTS ${medsyn.database};
CREATE TABLE IF NOT EXISTS ${medsyn.database}.vertices (
  id STRING COMMENT 'unique vertex id, e.g. icd:I11, icd:I11.9, symptom:dyspnea',
  type STRING COMMENT 'disease, symptom, anamnesis, finding, drug, sex or age',
  code STRING COMMENT 'ICD-10 code of a disease vertex (I11 or I11.9); null for other types',
  name_ru STRING COMMENT 'Russian name',
  name_en STRING COMMENT 'English name',
  frequency DOUBLE COMMENT 'prior frequency of a disease category; null otherwise',
  attrs MAP<STRING, STRING> COMMENT 'extra attributes, e.g. age_min and age_max of an age band'
)
USING parquet
LOCATION '${medsyn.output}/mkg/vertices'
COMMENT 'MedSyn MKG vertices (GraphFrames layout)'
