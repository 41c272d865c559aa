package io.medsyn.table;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where each table of a run lives under the output root (a local directory or an s3a:// URI). */
public record Layout(String root) {
  /**
   * The stages' tables, by name, in pipeline order (the evaluate stage's are {@code EvaluationWriter.TABLES}, the
   * journal is generate's own): data-schema/NAME.schema.json describes each, and operations (schema checks, S3 and
   * cluster tests, notebooks) go over this list rather than their own.
   */
  public Map<String, String> tables() {
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("vertices", vertices());
    tables.put("edges", edges());
    tables.put("tasks", tasks());
    tables.put("notes", notes());
    tables.put("quality_notes", qualityNotes());
    tables.put("quality_summary", qualitySummary());
    return tables;
  }

  public String vertices() {
    return join("mkg/vertices");
  }

  public String edges() {
    return join("mkg/edges");
  }

  public String tasks() {
    return join("tasks");
  }

  /** The style model the run's notes are written in, with its provenance (JSON). */
  public String styleModel() {
    return join("style/model.json");
  }

  /** The generate stage's journal: one JSON line per finished request, what a re-run resumes from. */
  public String journal() {
    return join("generate/journal");
  }

  /** The batches a deferred backend has out, so that a killed run waits for them rather than send again. */
  public String batches() {
    return join("generate/batches");
  }

  /** The generate stage's pending requests, split into its slots, while it sends them; deleted after. */
  public String generateCheckpoint() {
    return join("generate/checkpoint");
  }

  /** The generate stage's notes: what the quality stage checks (and evaluate reads when quality has not run). */
  public String notes() {
    return join("notes");
  }

  /** Every note with its quality checks' columns, {@code quality_pass} and {@code reject_reasons}. */
  public String qualityNotes() {
    return join("quality/notes");
  }

  /** Notes passed and rejected, per reason, overall and by code. */
  public String qualitySummary() {
    return join("quality/summary");
  }

  /** The same summary as one JSON document. */
  public String qualitySummaryJson() {
    return join("quality/summary.json");
  }

  /** The quality stage's self-contained HTML page: rejections by reason and by code. */
  public String qualityReport() {
    return join("report/quality.html");
  }

  /** The dataset card (Hugging Face's README.md form) beside the corpus, rewritten whenever the corpus changes. */
  public String card() {
    return join("README.md");
  }

  /** The dataset card's facts as one JSON document, for machines. */
  public String cardJson() {
    return join("card.json");
  }

  /** The evaluate stage's Parquet tables, one per kind of figure: evaluation/runs, evaluation/cells, ... */
  public String evaluation(String table) {
    return join("evaluation/" + table);
  }

  /** All figures of the evaluate stage in one JSON document. */
  public String evaluationJson() {
    return join("evaluation/metrics.json");
  }

  /** The self-contained HTML report of the evaluate stage. */
  public String report() {
    return join("report/evaluation.html");
  }

  private String join(String child) {
    return root.endsWith("/") ? root + child : root + "/" + child;
  }
}
