package io.medsyn.sample;

import io.medsyn.config.Range;
import io.medsyn.config.SamplingConfig;
import io.medsyn.mkg.Relation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Draws one task from a disease's priors. A pure function of (priors, run seed, task id): the draws happen in a
 * fixed order from the task's own generator, so any executor and any partitioning produce the same task.
 */
public final class TaskSampler implements Serializable {
  private final SamplingConfig config;
  private final long seed;

  public TaskSampler(SamplingConfig config, long seed) {
    this.config = config;
    this.seed = seed;
  }

  public Row sample(DiseasePrior prior, long taskId) {
    SplittableRandom rng = Draws.forTask(seed, taskId);
    Fact subcode = prior.subcodes().get(Draws.pickIndex(rng, weights(prior.subcodes())));
    String sex = prior.sexes().isEmpty() ? (rng.nextBoolean() ? "female" : "male")
        : prior.sexes().get(Draws.pickIndex(rng, weights(prior.sexes()))).en();
    int age = age(rng, prior);
    Map<String, List<Fact>> own = prior.subcodeFacts().getOrDefault(subcode.id(), Map.of());
    List<Object> drawn = new ArrayList<>(3);
    for (Relation relation : List.of(Relation.HAS_SYMPTOM, Relation.HAS_ANAMNESIS, Relation.HAS_FINDING)) {
      List<Fact> pool = union(prior.facts().getOrDefault(relation.label(), List.of()),
          own.getOrDefault(relation.label(), List.of()));
      Range range = switch (relation) {
        case HAS_SYMPTOM -> config.symptoms();
        case HAS_ANAMNESIS -> config.anamnesis();
        default -> config.findings();
      };
      int k = Draws.between(rng, range.min(), range.max());
      drawn.add(rows(Draws.withoutReplacement(rng, pool, k, config.temperature())));
    }
    Integer slot = null;
    if (prior.exampleCount() > 0 && rng.nextDouble() < config.examples().share()) {
      slot = rng.nextInt(prior.exampleCount());
    }
    return RowFactory.create(taskId, seed, prior.code(), subcode.id(), prior.nameRu(), prior.nameEn(), subcode.ru(),
        subcode.en(), sex, age, drawn.get(0), drawn.get(1), drawn.get(2), slot);
  }

  private static int age(SplittableRandom rng, DiseasePrior prior) {
    if (prior.ages().isEmpty()) {
      return Draws.between(rng, prior.ageMin(), prior.ageMax());
    }
    double[] w = prior.ages().stream().mapToDouble(DiseasePrior.AgeBand::weight).toArray();
    DiseasePrior.AgeBand band = prior.ages().get(Draws.pickIndex(rng, w));
    int lo = Math.max(band.min(), prior.ageMin());
    int hi = Math.min(band.max(), prior.ageMax());
    return lo <= hi ? Draws.between(rng, lo, hi) : Draws.between(rng, band.min(), band.max());
  }

  /** The category's facts and the subcode's own, one per vertex, keeping the larger weight. */
  private static List<Fact> union(List<Fact> category, List<Fact> subcode) {
    if (subcode.isEmpty()) {
      return category;
    }
    Map<String, Fact> byId = new LinkedHashMap<>();
    for (Fact f : category) {
      byId.put(f.id(), f);
    }
    for (Fact f : subcode) {
      byId.merge(f.id(), f, (a, b) -> a.weight() >= b.weight() ? a : b);
    }
    return new ArrayList<>(byId.values());
  }

  private static double[] weights(List<Fact> facts) {
    return facts.stream().mapToDouble(Fact::weight).toArray();
  }

  /** Facts as an array column's value: Spark's row encoder takes Scala sequences. */
  private static scala.collection.immutable.Seq<Row> rows(List<Fact> facts) {
    List<Row> rows = new ArrayList<>(facts.size());
    for (Fact f : facts) {
      rows.add(RowFactory.create(f.id(), f.ru(), f.en(), f.weight()));
    }
    return CollectionConverters.asScala(rows).toList();
  }
}
