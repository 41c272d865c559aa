-- MedSyn generated notes, one per task, written to OUTPUT/notes. Columns: data-schema/README.md.
-- Set the run's root and a database, then run this file (spark-sql -f, or spark.sql in a notebook):
--   SET medsyn.output=s3a://medsyn-corpus/runs/2026-11-24;
--   SET medsyn.database=medsyn_20261124;
--   CREATE DATABASE IF NOT EXISTS ${medsyn.database};
CREATE TABLE IF NOT EXISTS ${medsyn.database}.notes (
  task_id BIGINT COMMENT 'task number, 0 to `sample.n` − 1; unique within a run',
  run_seed BIGINT COMMENT 'the run''s seed (`seed`, `--seed`)',
  subcode STRING COMMENT 'the leader subcode drawn for the task; the category itself when the graph has no subcodes for it',
  disease_ru STRING COMMENT 'Russian name of the category',
  disease_en STRING COMMENT 'English name of the category',
  subcode_ru STRING COMMENT 'Russian name of the subcode',
  subcode_en STRING COMMENT 'English name of the subcode',
  sex STRING COMMENT '`male` or `female`, drawn from the category''s sex prior',
  age INT COMMENT 'age in years, drawn from the category''s age prior',
  symptoms ARRAY<STRUCT<id: STRING, ru: STRING, en: STRING, weight: DOUBLE>> COMMENT 'complaints, drawn without replacement by edge weight (`sample.symptoms`)',
  anamnesis ARRAY<STRUCT<id: STRING, ru: STRING, en: STRING, weight: DOUBLE>> COMMENT 'history facts (`sample.anamnesis`)',
  findings ARRAY<STRUCT<id: STRING, ru: STRING, en: STRING, weight: DOUBLE>> COMMENT 'examination findings (`sample.findings`)',
  example_id STRING COMMENT 'id of the real training note of the same code given as a style example; null when none (`sample.examples`)',
  example_text STRING COMMENT 'that note''s text; null when none',
  note_id STRING COMMENT 'the request''s fingerprint: SHA-256 of the task''s columns, language, prompt kind, template hash, backend, model and parameters; a re-run never sends a fingerprint that already has',
  language STRING COMMENT '`ru` or `en` (`generate.language`)',
  prompt_kind STRING COMMENT '`code`, `symptoms` or `example`: which of MedSyn''s three prompts asked for the note',
  text STRING COMMENT 'the note; null when status is `failed`',
  symptoms_used ARRAY<STRING> COMMENT 'the sampled complaints the note mentions, as a structured answer listed them (`generate.openai.response_format: json_schema`); null for a plain-text answer',
  status STRING COMMENT '`ok` or `failed`',
  error_class STRING COMMENT 'why it failed (`io.medsyn.llm.ErrorClass`: RATE_LIMITED, SERVER, TIMEOUT, CONNECTION, BAD_REQUEST, TRUNCATED, EMPTY, MALFORMED, SCHEMA, CIRCUIT_OPEN, BUDGET, EXPIRED, CANCELLED, INTERNAL); null when ok',
  error_message STRING COMMENT 'the failure in words (never an API key); null when ok',
  attempts INT COMMENT 'requests it took, retries included; 0 for BUDGET (never sent)',
  latency_ms BIGINT COMMENT 'time from sending to the answer, retries included',
  prompt_tokens INT COMMENT 'prompt tokens as the endpoint counted them, or estimated where usage_estimated is true; null when failed',
  completion_tokens INT COMMENT 'completion tokens, likewise',
  cost_usd DOUBLE COMMENT 'what the request cost by the configured price table; 0 where unknown or not charged',
  usage_estimated BOOLEAN COMMENT 'true when the tokens, and so cost_usd, are estimates (characters / 4): the endpoint sent no `usage`, or the backend has none (offline); false when counted by the endpoint, and for failed rows',
  backend STRING COMMENT '`offline` or `openai`',
  model STRING COMMENT 'the model that wrote the note (offline: `medsyn-composer-<version>`, the version a hash of what the composer writes for fixed probe tasks, then `+style-<hash>-k<k>` when it wrote in a style model)',
  template_hash STRING COMMENT 'SHA-256 of the prompt template file (`conf/prompts/<kind>.<language>.txt`)',
  finish_reason STRING COMMENT 'as the endpoint reported it (`stop`); null when failed',
  started_at TIMESTAMP COMMENT 'when the request was handed to the backend',
  finished_at TIMESTAMP COMMENT 'when its answer (or failure) arrived',
  run_id STRING COMMENT 'the `generate` run that produced the row, e.g. `20261123T012345Z-3fa9c1`',
  code STRING COMMENT '3-character ICD-10 category; the partition column'
)
USING parquet
PARTITIONED BY (code)
LOCATION '${medsyn.output}/notes'
COMMENT 'MedSyn generated notes, one per task';
-- The partitions (one directory per code) are found by:
MSCK REPAIR TABLE ${medsyn.database}.notes;
