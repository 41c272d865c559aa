package io.medsyn.generate;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * The run's counters, added to by the Spark tasks and read by the driver's progress log.
 *
 * @param estimated notes whose tokens (and cost) are estimates: the backend reported no usage
 * @param estimatedCostUsd the part of {@code costUsd} that is estimated
 * @param stopped why tasks stopped sending early ({@link HealthGate}), one line per task that did
 */
public record GenerateMetrics(LongAccumulator ok, LongAccumulator failed, LongAccumulator resumed,
    LongAccumulator promptTokens, LongAccumulator completionTokens, DoubleAccumulator costUsd,
    LongAccumulator estimated, DoubleAccumulator estimatedCostUsd, CollectionAccumulator<String> stopped)
    implements Serializable {

  public static GenerateMetrics register(SparkContext sc) {
    return new GenerateMetrics(sc.longAccumulator("medsyn.generate.ok"), sc.longAccumulator("medsyn.generate.failed"),
        sc.longAccumulator("medsyn.generate.resumed"), sc.longAccumulator("medsyn.generate.prompt_tokens"),
        sc.longAccumulator("medsyn.generate.completion_tokens"), sc.doubleAccumulator("medsyn.generate.cost_usd"),
        sc.longAccumulator("medsyn.generate.usage_estimated"),
        sc.doubleAccumulator("medsyn.generate.estimated_cost_usd"),
        sc.collectionAccumulator("medsyn.generate.stopped"));
  }

  void record(NoteOutcome outcome) {
    (outcome.ok() ? ok : failed).add(1);
    if (outcome.promptTokens() != null) {
      promptTokens.add(outcome.promptTokens());
    }
    if (outcome.completionTokens() != null) {
      completionTokens.add(outcome.completionTokens());
    }
    costUsd.add(outcome.costUsd());
    if (outcome.usageEstimated()) {
      estimated.add(1);
      estimatedCostUsd.add(outcome.costUsd());
    }
  }

  /** The accumulators' ids, by which running tasks' partial values are recognised in executor heartbeats. */
  List<Long> ids() {
    return List.of(ok.id(), failed.id(), resumed.id(), promptTokens.id(), completionTokens.id(), costUsd.id());
  }
}
