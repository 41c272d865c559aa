package io.medsyn.config;

import java.io.Serializable;

/**
 * The style model: learned from the example corpus of the training split ({@code sample.examples.path}), or loaded
 * from a model an earlier run wrote.
 *
 * @param path a saved style model (JSON, as a run writes to style/model.json) to reuse; null to learn one
 * @param learn whether to learn a model from {@code sample.examples.path} when no {@code path} is given
 * @param minRealNotes k: a phrase or sentence enters the model only when at least k distinct real notes contain it
 *     (the privacy audit reads the same key)
 * @param maxPhrases how many of the most widespread phrases the lexicon keeps
 * @param codeClauses whether the model keeps, per code, clauses of its real notes, which the offline composer writes
 *     beside the graph's symptoms
 * @param codeClauseNotes how many of a code's real notes must contain a clause for it to be that code's; the clause
 *     must still be in at least k real notes in all, so that a code with few notes gets clauses without any of them
 *     coming from one patient
 * @param codeShorthand whether the model keeps, per code, how many of its real notes use each shorthand token, so
 *     that the offline composer writes a token as often as that code's notes do, and only tokens they use
 */
public record StyleConfig(String path, boolean learn, int minRealNotes, int maxPhrases, boolean codeClauses,
    int codeClauseNotes, boolean codeShorthand) implements Serializable {
  public StyleConfig {
    ConfigException.require(minRealNotes >= 2, "min_real_notes",
        "an integer >= 2 (a phrase from fewer notes could identify a patient)", minRealNotes);
    ConfigException.require(maxPhrases >= 0, "max_phrases", "an integer >= 0", maxPhrases);
    ConfigException.require(codeClauseNotes >= 1, "code_clause_notes", "an integer >= 1", codeClauseNotes);
  }

  public boolean saved() {
    return path != null && !path.isBlank();
  }
}
