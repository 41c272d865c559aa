package io.medsyn.config;

import java.io.Serializable;

/**
 * What is learned from the user's real training notes.
 *
 * @param minRealNotes a passage (a phrase, a run of words) counts as shared phrasing only when at least this many
 *     distinct real notes contain it; rarer passages could identify a patient and never reach a synthetic note
 */
public record StyleConfig(int minRealNotes) implements Serializable {
  public StyleConfig {
    ConfigException.require(minRealNotes >= 2, "min_real_notes", "an integer >= 2", minRealNotes);
  }
}
