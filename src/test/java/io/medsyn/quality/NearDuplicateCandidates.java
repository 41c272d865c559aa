package io.medsyn.quality;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** For the benchmark, which times the MinHash LSH self-join alone: the input the stage gives it. */
public final class NearDuplicateCandidates {
  private NearDuplicateCandidates() {}

  /**
   * What {@link NearDuplicates#find} compares: {@code note_id}, {@code bad} (fails a per-note check) and the text
   * with boilerplate stripped, for the notes with text that are not exact duplicates.
   */
  public static Dataset<Row> of(QualityChecks checks, Dataset<Row> notes) {
    return checks.candidates(QualityChecks.exactDuplicates(checks.checkEach(notes)).localCheckpoint());
  }
}
