package io.medsyn.prompt;

import java.util.Locale;

/** MedSyn's three ways to ask for a note. */
public enum PromptKind {
  /** By the ICD-10 code and disease name only: the model supplies the clinical picture. */
  CODE,
  /** By the sampled symptoms, with demographics, anamnesis and findings. */
  SYMPTOMS,
  /** By the symptoms plus a real note of the same code whose style the new note follows. */
  EXAMPLE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind a task gets. {@code auto} picks {@code example} when the task carries an example note, else
   * {@code symptoms}; a configured {@code example} also falls back to {@code symptoms} for a task without one,
   * since there is nothing to imitate.
   */
  public static PromptKind choose(String configured, boolean hasExample) {
    return switch (configured) {
      case "auto", "example" -> hasExample ? EXAMPLE : SYMPTOMS;
      case "code" -> CODE;
      case "symptoms" -> SYMPTOMS;
      default -> throw new IllegalArgumentException("generate.prompt_kind: unknown kind " + configured
          + "; expected auto, code, symptoms or example");
    };
  }

  public static PromptKind of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
