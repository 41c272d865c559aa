package io.medsyn.generate;

import io.medsyn.config.GenerateConfig;
import io.medsyn.llm.NoteTask;
import io.medsyn.llm.batch.OpenAiBatchBackend;
import io.medsyn.llm.offline.NoteComposer;
import io.medsyn.llm.offline.OfflineBackend;
import io.medsyn.llm.openai.ChatCompletions;
import io.medsyn.prompt.PromptBook;
import java.util.Iterator;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Estimates a generate run without sending anything. Prompt tokens are counted as the chat backend estimates
 * them (characters / 4), on the prompts the run would send. Completion tokens come from the notes this output
 * already holds of the same model when there are any (their mean), else from the length of the note the offline
 * composer writes for each task, the same way. Cost is the price table's; the budget is walked request by request.
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
    boolean offline = config.backend().equals(OfflineBackend.NAME);
    double factor = config.backend().equals(OpenAiBatchBackend.NAME) ? config.openaiBatch().priceFactor() : 1.0;
    long pendingCount = 0;
    long toSend = 0;
    long promptTokens = 0;
    long completionTokens = 0;
    double list = 0;
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
      list += config.openai().cost(prompt, completion);
      double cost = offline ? 0 : list * factor;
      if (stopsAfter < 0 && config.hasBudget() && spentUsd + cost > config.budgetUsd()) {
        stopsAfter = toSend - 1;
      }
    }
    double cost = offline ? 0 : list * factor;
    String source = history != null
        ? String.format("the mean of %,d earlier notes of %s under this output", (long) history[1], model)
        : "no earlier notes of " + model + " here: the length of the offline composer's note for each task";
    return new GenerateEstimate(config.backend(), model, tasks, tasks - pendingCount, pendingCount - toSend,
        toSend, promptTokens, completionTokens, toSend == 0 ? 0 : completionTokens / (double) toSend, source,
        list, list * config.openaiBatch().priceFactor(), cost, config.budgetUsd(), spentUsd, stopsAfter);
  }
}
