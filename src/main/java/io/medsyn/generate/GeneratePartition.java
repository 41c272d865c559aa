package io.medsyn.generate;

import io.medsyn.config.GenerateConfig;
import io.medsyn.llm.Backend;
import io.medsyn.llm.BackendFactory;
import io.medsyn.llm.GenerationParams;
import io.medsyn.prompt.PromptBook;
import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.util.TaskCompletionListener;

/**
 * What one Spark task of the generate stage runs: a backend with its 1/slots share of the limits, the journal
 * files of this attempt, and the pump that sends the partition's requests.
 *
 * @param budgetUsd this task's share of the budget left; infinite without a budget
 */
record GeneratePartition(GenerateConfig config, BackendFactory backends, PromptBook prompts, GenerationParams params,
    String journalDir, String runId, SerializableConfiguration hadoop, GenerateMetrics metrics, double budgetUsd)
    implements MapPartitionsFunction<Row, Row> {

  @Override
  public Iterator<Row> call(Iterator<Row> tasks) {
    TaskContext context = TaskContext.get();
    JournalWriter journal = new JournalWriter(hadoop.value(), journalDir, runId, context.partitionId(),
        context.stageAttemptNumber(), context.attemptNumber());
    Backend backend = backends.create(config, 1.0 / config.slots());
    context.addTaskCompletionListener((TaskCompletionListener) done -> {
      try {
        journal.close();
      } finally {
        backend.close();
      }
    });
    return new RequestPump(tasks, journal.earlierOk(), backend, journal, prompts, params, runId, metrics,
        budgetUsd, new HealthGate(config));
  }
}
