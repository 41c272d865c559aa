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

  /** The generate stage's journal: one JSON line per finished request, what a re-run resumes from. */
  public String journal() {
    return join("generate/journal");
  }

  public String notes() {
    return join("notes");
  }

  private String join(String child) {
    return root.endsWith("/") ? root + child : root + "/" + child;
  }
}
