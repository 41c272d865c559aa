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
  reasons MAP<STRING, BIGINT> COMMENT 'notes per reject reason, every reason present (0 when none); a note with several reasons counts under each, so the values may add up to more than `rejected`',
  longest_real_passage INT COMMENT 'the largest `real_passage_words` of the notes of the code (of all notes on the total row); null when not audited',
  real_notes BIGINT COMMENT '**total row only** (null elsewhere, and null when no real training corpus is configured): real training notes the passing notes are compared with',
  discriminator_notes INT COMMENT 'notes the real-vs-synthetic discriminator was cross-validated on, half real and half passing synthetic (`quality.realism.discriminator_notes` of each, fewer when a side has fewer); 0 when too few',
  discriminator_auc DOUBLE COMMENT 'mean ROC AUC over `quality.realism.folds` folds of a logistic regression on TF-IDF of character 2–5-grams (between white spaces, punctuation and ё kept) and words telling synthetic from real notes: 0.5 indistinguishable, 1',
  discriminator_auc_sd DOUBLE COMMENT 'its standard deviation over the folds',
  real_median_chars DOUBLE COMMENT 'median length of the real notes in characters (trimmed)',
  synthetic_median_chars DOUBLE COMMENT 'median length of the passing notes',
  median_length_ratio DOUBLE COMMENT '`synthetic_median_chars / real_median_chars`',
  length_ks DOUBLE COMMENT 'two-sample Kolmogorov–Smirnov statistic between the two length distributions (largest gap of the cumulative distributions, 0 to 1)',
  real_word_forms BIGINT COMMENT 'word forms (case and ё folded) found in at least two real notes',
  vocabulary_coverage DOUBLE COMMENT 'share of those word forms found in at least one passing note',
  tells ARRAY<STRUCT<word: STRING, real_share: DOUBLE, synthetic_share: DOUBLE>> COMMENT 'the 10 words the passing notes over-use most (by synthetic_share - real_share), then the 10 they under-use most; shares of notes containing the word; no word of 1 to style.min_real_notes - 1 real notes is named'
)
USING parquet
LOCATION '${medsyn.output}/quality/summary'
COMMENT 'MedSyn quality summary'
