package io.medsyn.generate;

import io.medsyn.config.GenerateConfig;
import io.medsyn.llm.NoteTask;
import io.medsyn.llm.Backends;
import io.medsyn.llm.offline.NoteComposer;
import io.medsyn.llm.openai.ChatCompletions;
import io.medsyn.prompt.PromptBook;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Estimates a generate run without sending anything. Prompt tokens are counted as the chat backend estimates
 * them (characters / 4), on the prompts the run would send. Completion tokens come from the notes this output
 * already holds of the same model when there are any (their mean), else from the length of the note the offline
 * composer writes for each task, the same way. Cost is each registered backend's at its prices (so list and batch
 * prices side by side); the budget is walked request by request at the configured backend's.
 */
final class DryRun {
  private DryRun() {}

  /**
   * @param pending the planned requests without a note yet
   * @param waiting fingerprints in batches an earlier run has out
   * @param history mean completion tokens and count of the earlier notes of the model; null when there are none
   * @param spentUsd what the notes under this output have cost so far
   */
  static GenerateEstimate estimate(GenerateConfig config, PromptBook prompts, String model, long tasks,
      Dataset<Row> pending, Set<String> waiting, double[] history, double spentUsd) {
    NoteComposer composer = history == null ? new NoteComposer() : null;
    long pendingCount = 0;
    long toSend = 0;
    long promptTokens = 0;
    long completionTokens = 0;
    Map<String, Double> costs = new LinkedHashMap<>();
    long stopsAfter = -1;
    for (Iterator<Row> rows = pending.toLocalIterator(); rows.hasNext(); ) {
      Row row = rows.next();
      pendingCount++;
      if (waiting.contains(row.<String>getAs("note_id"))) {
        continue;
      }
      NoteTask task = TaskRows.noteTask(row);
      int prompt = ChatCompletions.estimatePromptTokens(prompts.messages(task));
      int completion = history != null ? (int) Math.round(history[0]) : composer.compose(task).length() / 4 + 1;
      toSend++;
      promptTokens += prompt;
      completionTokens += completion;
      Backends.costs(config, prompt, completion).forEach((backend, usd) -> costs.merge(backend, usd, Double::sum));
      if (stopsAfter < 0 && config.hasBudget()
          && spentUsd + costs.get(config.backend()) > config.budgetUsd()) {
        stopsAfter = toSend - 1;
      }
    }
    String source = history != null
        ? String.format("the mean of %,d earlier notes of %s under this output", (long) history[1], model)
        : "no earlier notes of " + model + " here: the length of the offline composer's note for each task";
    return new GenerateEstimate(config.backend(), model, tasks, tasks - pendingCount, pendingCount - toSend,
        toSend, promptTokens, completionTokens, toSend == 0 ? 0 : completionTokens / (double) toSend, source,
        Map.copyOf(costs), config.budgetUsd(), spentUsd, stopsAfter);
  }
}
