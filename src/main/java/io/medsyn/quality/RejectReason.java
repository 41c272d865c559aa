package io.medsyn.quality;

import java.util.Arrays;
import java.util.List;

/** Why a note is kept out of the corpus, as spelled in {@code reject_reasons}; a note lists them in this order. */
public enum RejectReason {
  /** The generation stage gave no text (status failed). */
  GENERATION_FAILED,
  TOO_SHORT,
  TOO_LONG,
  /** Too few letters in the script of the note's language. */
  WRONG_LANGUAGE,
  /** A refusal or talk about the task ("как языковая модель", "I cannot", apologies, "Here is a note"). */
  REFUSAL,
  /** The ICD code or the disease's name is in the note: a classifier trained on it would learn to cheat. */
  DIAGNOSIS_LEAK,
  /** Too much of the note is copied from its example note. */
  EXAMPLE_COPY,
  /** Too few of the sampled symptoms are mentioned. */
  LOW_SYMPTOM_COVERAGE,
  /** The same words (case, spacing and punctuation aside) as a note that is kept. */
  EXACT_DUPLICATE,
  /** Nearly the same text, boilerplate aside, as a note that is kept. */
  NEAR_DUPLICATE;

  public String label() {
    return name().toLowerCase();
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(RejectReason::label).toList();
  }
}
