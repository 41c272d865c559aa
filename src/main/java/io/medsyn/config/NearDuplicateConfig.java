package io.medsyn.config;

import java.io.Serializable;

/**
 * Near-duplicate detection by MinHash LSH over character shingles of each note with the corpus's boilerplate
 * removed. Spark's MinHashLSH join puts one hash in a bucket, so unrelated notes of one language collide often; the
 * hashes are grouped into {@code bands} of {@code rowsPerBand} instead, and only pairs sharing a whole band are
 * compared (collision probability {@code 1 - (1 - s^rows)^bands} at Jaccard similarity s).
 *
 * @param shingleChars characters per shingle
 * @param minSimilarity Jaccard similarity of the shingle sets at or above which two notes are near-duplicates
 * @param boilerplateShare a sentence, line or heading found in at least this share of the notes is boilerplate
 * @param boilerplateMinNotes ... and in at least this many notes (keeps small corpora from losing real content)
 */
public record NearDuplicateConfig(int shingleChars, double minSimilarity, int bands, int rowsPerBand,
    double boilerplateShare, int boilerplateMinNotes) implements Serializable {
  public NearDuplicateConfig {
    ConfigException.require(shingleChars >= 2 && shingleChars <= 20, "shingle_chars",
        "an integer in [2, 20]", shingleChars);
    ConfigException.require(minSimilarity > 0 && minSimilarity <= 1, "min_similarity",
        "a number in (0, 1]", minSimilarity);
    ConfigException.require(bands >= 1, "bands", "an integer >= 1", bands);
    ConfigException.require(rowsPerBand >= 1, "rows_per_band", "an integer >= 1",
        rowsPerBand);
    ConfigException.require(boilerplateShare > 0 && boilerplateShare <= 1,
        "boilerplate_share", "a number in (0, 1]", boilerplateShare);
    ConfigException.require(boilerplateMinNotes >= 2, "boilerplate_min_notes",
        "an integer >= 2", boilerplateMinNotes);
  }

  /** How many MinHash functions the LSH model draws. */
  public int hashes() {
    return bands * rowsPerBand;
  }
}
