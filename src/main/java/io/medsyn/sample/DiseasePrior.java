package io.medsyn.sample;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Everything the sampler needs about one ICD-10 category, gathered from the graph's motifs once on the driver and
 * broadcast: subcodes, facts of the category and of each subcode, and the sex and age priors.
 *
 * @param subcodes the subcodes with their weights; the category itself when the graph has none
 * @param subcodeFacts facts attached to a subcode rather than the category, by subcode code and relation
 * @param exampleCount how many example notes of this code the training corpus has
 */
public record DiseasePrior(String code, String nameRu, String nameEn, List<Fact> subcodes,
    Map<String, List<Fact>> facts, Map<String, Map<String, List<Fact>>> subcodeFacts, List<Fact> sexes,
    List<AgeBand> ages, int ageMin, int ageMax, int exampleCount) implements Serializable {

  /** An age band vertex: {@code [min, max]} years and its weight. */
  public record AgeBand(int min, int max, double weight) implements Serializable {}

  public DiseasePrior withExampleCount(int count) {
    return new DiseasePrior(code, nameRu, nameEn, subcodes, facts, subcodeFacts, sexes, ages, ageMin, ageMax, count);
  }
}
