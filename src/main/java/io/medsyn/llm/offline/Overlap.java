package io.medsyn.llm.offline;

import io.medsyn.text.Words;
import java.util.Collections;
import java.util.Set;

/**
 * Word runs two texts share: how the composer makes sure it imitates an example note without copying it. Words are
 * the project's one tokeniser's ({@link Words}), so the composer and the quality stage's copy checks agree.
 */
final class Overlap {
  private Overlap() {}

  /** Every run of {@code n} consecutive words of the text. */
  static Set<String> runs(String text, int n) {
    return Words.runs(Words.of(text), n);
  }

  static boolean shares(String text, Set<String> runs, int n) {
    return !Collections.disjoint(runs(text, n), runs);
  }
}
