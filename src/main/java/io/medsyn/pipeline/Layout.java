package io.medsyn.pipeline;

/** Where each table of a run lives under the output root (a local directory or an s3a:// URI). */
public record Layout(String root) {
  public String vertices() {
    return join("mkg/vertices");
  }

  public String edges() {
    return join("mkg/edges");
  }

  public String tasks() {
    return join("tasks");
  }

  /** The generation stage's notes: the synthetic corpus the evaluate stage reads by default. */
  public String notes() {
    return join("notes");
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
