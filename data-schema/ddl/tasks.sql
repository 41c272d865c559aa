-- The generation tasks, written by `medsyn sample` to OUTPUT/tasks: one row per note to write.
-- Columns: data-schema/README.md.
-- Set the run's root and a database, then run this file (spark-sql -f, or spark.sql in a notebook):
--   SET medsyn.output=s3a://medsyn-corpus/runs/2026-11-24;
--   SET medsyn.database=medsyn_20261124;
--   CREATE DATABASE IF NOT EXISTS ${medsyn.database};
CREATE TABLE IF NOT EXISTS ${medsyn.database}.tasks (
  task_id BIGINT COMMENT 'task number, 0 to sample.n - 1; with run_seed it fixes all the task''s draws',
  run_seed BIGINT COMMENT 'the run''s seed',
  code STRING COMMENT 'ICD-10 category (3 characters) the note is about',
  subcode STRING COMMENT 'leader subcode drawn for the task (the category itself when it has none)',
  disease_ru STRING COMMENT 'Russian name of the category',
  disease_en STRING COMMENT 'English name of the category',
  subcode_ru STRING COMMENT 'Russian name of the subcode',
  subcode_en STRING COMMENT 'English name of the subcode',
  sex STRING COMMENT 'male or female',
  age INT COMMENT 'patient age in years',
  symptoms ARRAY<STRUCT<id: STRING, ru: STRING, en: STRING, weight: DOUBLE>> COMMENT 'complaints drawn for the note',
  anamnesis ARRAY<STRUCT<id: STRING, ru: STRING, en: STRING, weight: DOUBLE>> COMMENT 'history facts drawn',
  findings ARRAY<STRUCT<id: STRING, ru: STRING, en: STRING, weight: DOUBLE>> COMMENT 'examination findings drawn',
  example_id STRING COMMENT 'id of the real training note given as a style example; null for none',
  example_text STRING COMMENT 'text of that example note; null for none'
)
USING parquet
LOCATION '${medsyn.output}/tasks'
COMMENT 'MedSyn generation tasks, one per note'
