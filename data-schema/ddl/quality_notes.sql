-- MedSyn notes with quality scores and verdicts, written to OUTPUT/quality/notes. Columns: data-schema/README.md.
-- Set the run's root and a database, then run this file (spark-sql -f, or spark.sql in a notebook):
--   SET medsyn.output=s3a://medsyn-corpus/runs/2026-11-24;
--   SET medsyn.database=medsyn_20261124;
--   CREATE DATABASE IF NOT EXISTS ${medsyn.database};
CREATE TABLE IF NOT EXISTS ${medsyn.database}.quality_notes (
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
  status STRING COMMENT '`ok` or `failed`',
  error_class STRING COMMENT 'why it failed (`io.medsyn.llm.ErrorClass`: RATE_LIMITED, SERVER, TIMEOUT, CONNECTION, BAD_REQUEST, TRUNCATED, EMPTY, MALFORMED, CIRCUIT_OPEN, BUDGET, INTERNAL); null when ok',
  error_message STRING COMMENT 'the failure in words (never an API key); null when ok',
  attempts INT COMMENT 'requests it took, retries included; 0 for BUDGET (never sent)',
  latency_ms BIGINT COMMENT 'time from sending to the answer, retries included',
  prompt_tokens INT COMMENT 'prompt tokens as the endpoint counted them (offline backend: estimated); null when failed',
  completion_tokens INT COMMENT 'completion tokens, likewise',
  cost_usd DOUBLE COMMENT 'what the request cost by the configured price table; 0 where unknown or not charged',
  backend STRING COMMENT '`offline` or `openai`',
  model STRING COMMENT 'the model that wrote the note (offline: `medsyn-composer-1`)',
  template_hash STRING COMMENT 'SHA-256 of the prompt template file (`conf/prompts/<kind>.<language>.txt`)',
  finish_reason STRING COMMENT 'as the endpoint reported it (`stop`); null when failed',
  started_at TIMESTAMP COMMENT 'when the request was handed to the backend',
  finished_at TIMESTAMP COMMENT 'when its answer (or failure) arrived',
  run_id STRING COMMENT 'the `generate` run that produced the row, e.g. `20261123T012345Z-3fa9c1`',
  code STRING COMMENT '3-character ICD-10 category; the partition column',
  char_count INT COMMENT 'characters (code points) of the trimmed text; `quality.min_chars`/`max_chars` bound it',
  script_share DOUBLE COMMENT 'share of the letters in the script of `language` (Cyrillic for `ru`, Latin for `en`); null without letters',
  symptom_coverage DOUBLE COMMENT 'share of the sampled `symptoms` found in the note (null if there were none). A symptom is found when `quality.symptom_word_share` of its content words occur, compared by Snowball s',
  symptoms_missing ARRAY<STRING> COMMENT 'the texts (in the note''s language) of the symptoms not found',
  leak_score DOUBLE COMMENT 'the largest share, over the disease''s and subcode''s names (ru and en, bracketed alternatives apart), of the name''s distinctive words found in the note. Qualifiers (unspecified, ',
  leak_terms ARRAY<STRING> COMMENT 'what leaked: the ICD code as written (also with Cyrillic look-alike letters, К29) and the name stems found; empty when nothing leaks',
  copy_share DOUBLE COMMENT 'share of the note''s word `quality.copy_ngram`-grams also in `example_text`; null without an example',
  refusal_match STRING COMMENT 'the earliest text in the note that a `quality.refusal_patterns` entry matches, or null',
  duplicate_of STRING COMMENT '`note_id` of the note with the same words (case, spacing, punctuation aside) that is kept; null otherwise',
  near_duplicate_of STRING COMMENT '`note_id` of the most similar note ranked before this one, when their boilerplate-free character shingles have Jaccard similarity ≥ `quality.near_duplicate.min_similarity`',
  near_duplicate_similarity DOUBLE COMMENT 'that similarity (1.0 when the boilerplate-free texts are identical)',
  real_passage_words INT COMMENT 'longest run of at least `quality.real_passage_words` words the note shares with one real training note, counting only runs that fewer than `style.min_real_notes` real notes contain; 0 when none; null ',
  real_passage_id STRING COMMENT '`id` of that real note (of two equally long runs, the smaller id); null when `real_passage_words` is 0 or null',
  quality_pass BOOLEAN COMMENT 'true when `reject_reasons` is empty',
  reject_reasons ARRAY<STRING> COMMENT 'every reason the note fails, in this order: `generation_failed`, `too_short`, `too_long`, `wrong_language`, `refusal`, `diagnosis_leak`, `example_copy`, `low_symptom_coverage`, `ex'
)
USING parquet
LOCATION '${medsyn.output}/quality/notes'
COMMENT 'MedSyn notes with quality scores and verdicts'
