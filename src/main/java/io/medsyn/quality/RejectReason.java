package io.medsyn.quality;

import java.util.Arrays;
import java.util.List;

/**
 * Why a note is kept out of the corpus, as spelled in {@code reject_reasons}; a note lists them in this order. Each
 * per-note reason belongs to one registered {@link NoteCheck}; the others are the corpus-wide checks'.
 */
public enum RejectReason {
  GENERATION_FAILED("the generation stage gave no text (status failed)"),
  TOO_SHORT("shorter than quality.min_chars"),
  TOO_LONG("longer than quality.max_chars"),
  WRONG_LANGUAGE("too few letters in the script of the note's language"),
  REFUSAL("a refusal or talk about the task (\"как языковая модель\", \"I cannot\", apologies, \"Here is a note\")"),
  DIAGNOSIS_LEAK("the ICD code or the disease's name is in the note: a classifier trained on it would learn to"
      + " cheat"),
  EXAMPLE_COPY("too much of the note is copied from its example note"),
  LOW_SYMPTOM_COVERAGE("too few of the sampled symptoms are mentioned"),
  COPIES_REAL_PASSAGE("shares a passage of at least quality.real_passage_words words with a real training note, a"
      + " passage fewer than style.min_real_notes real notes contain: it could identify that patient"),
  EXACT_DUPLICATE("the same words (case, spacing and punctuation aside) as a note that is kept"),
  NEAR_DUPLICATE("nearly the same text, boilerplate aside, as a note that is kept");

  private final String meaning;

  RejectReason(String meaning) {
    this.meaning = meaning;
  }

  public String label() {
    return name().toLowerCase();
  }

  /** What the reason means, in a sentence for reports. */
  public String meaning() {
    return meaning;
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(RejectReason::label).toList();
  }
}
