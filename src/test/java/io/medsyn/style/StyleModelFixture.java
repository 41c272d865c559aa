package io.medsyn.style;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A style model for tests, set field by field, so that each test names only what it is about. Unset fields are
 * empty (no register, shorthand, phrase, clause or side; no typos), learned from 50 notes at k = 5.
 */
public final class StyleModelFixture {
  private long notes = 50;
  private List<Integer> lengthQuantiles = Collections.nCopies(21, 80);
  private Map<String, Double> registers = Map.of();
  private Map<String, Double> shorthand = Map.of();
  private Map<String, Long> phrases = Map.of();
  private Map<String, Long> clauseStarts = Map.of();
  private Map<String, Long> sentenceStarts = Map.of();
  private Map<String, Long> clauseEnds = Map.of();
  private Map<String, Long> shorthandSentences = Map.of();
  private Map<String, Long> fillers = Map.of();
  private double fillerShare;
  private Map<String, Map<String, Long>> codeClauses = Map.of();
  private StyleModel.Sides sides = new StyleModel.Sides(Map.of(), 0.0);
  private Map<String, StyleModel.CodeShorthand> codeShorthand = Map.of();

  private StyleModelFixture() {}

  /** Note counts as a model holds them, in the order given: {@code counts("шум в ушах", 6L, "изжога", 9L)}. */
  public static Map<String, Long> counts(Object... keysAndCounts) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int i = 0; i < keysAndCounts.length; i += 2) {
      counts.put((String) keysAndCounts[i], (Long) keysAndCounts[i + 1]);
    }
    return counts;
  }

  /** A model of notes that are all {@code chars} characters long. */
  public static StyleModelFixture notesOf(int chars) {
    return new StyleModelFixture().lengths(Collections.nCopies(21, chars));
  }

  public StyleModelFixture learnedFrom(long notes) {
    this.notes = notes;
    return this;
  }

  public StyleModelFixture lengths(List<Integer> lengthQuantiles) {
    this.lengthQuantiles = lengthQuantiles;
    return this;
  }

  public StyleModelFixture registers(Map<String, Double> registers) {
    this.registers = registers;
    return this;
  }

  public StyleModelFixture shorthand(Map<String, Double> shorthand) {
    this.shorthand = shorthand;
    return this;
  }

  public StyleModelFixture phrases(Map<String, Long> phrases) {
    this.phrases = phrases;
    return this;
  }

  public StyleModelFixture clauseStarts(Map<String, Long> clauseStarts) {
    this.clauseStarts = clauseStarts;
    return this;
  }

  public StyleModelFixture sentenceStarts(Map<String, Long> sentenceStarts) {
    this.sentenceStarts = sentenceStarts;
    return this;
  }

  public StyleModelFixture clauseEnds(Map<String, Long> clauseEnds) {
    this.clauseEnds = clauseEnds;
    return this;
  }

  public StyleModelFixture shorthandSentences(Map<String, Long> shorthandSentences) {
    this.shorthandSentences = shorthandSentences;
    return this;
  }

  public StyleModelFixture fillers(Map<String, Long> fillers) {
    this.fillers = fillers;
    return this;
  }

  public StyleModelFixture fillerShare(double fillerShare) {
    this.fillerShare = fillerShare;
    return this;
  }

  public StyleModelFixture codeClauses(Map<String, Map<String, Long>> codeClauses) {
    this.codeClauses = codeClauses;
    return this;
  }

  public StyleModelFixture sides(StyleModel.Sides sides) {
    this.sides = sides;
    return this;
  }

  public StyleModelFixture codeShorthand(Map<String, StyleModel.CodeShorthand> codeShorthand) {
    this.codeShorthand = codeShorthand;
    return this;
  }

  public StyleModel build() {
    return new StyleModel(StyleModel.VERSION, new StyleModel.Provenance("test", "0".repeat(64), notes, 5, 5, "now"),
        lengthQuantiles, registers, shorthand, 0.0, phrases, clauseStarts, sentenceStarts, clauseEnds,
        shorthandSentences, fillers, fillerShare, codeClauses, sides, codeShorthand);
  }
}
