package io.medsyn.llm;

import io.medsyn.sample.Fact;
import java.io.Serializable;
import java.util.List;

/**
 * What one note is to be about, as sampled: the facts an HTTP backend sees rendered into the prompt, and that an
 * in-process backend (the offline composer) writes from directly.
 *
 * @param language {@code ru} or {@code en}
 * @param promptKind {@code code}, {@code symptoms} or {@code example} (MedSyn's three prompt kinds)
 * @param exampleText a real note of the same code to follow in style, or null
 */
public record NoteTask(long taskId, long seed, String code, String subcode, String diseaseRu, String diseaseEn,
    String subcodeRu, String subcodeEn, String sex, int age, List<Fact> symptoms, List<Fact> anamnesis,
    List<Fact> findings, String exampleText, String language, String promptKind) implements Serializable {}
