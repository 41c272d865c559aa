package io.medsyn.generate;

import java.util.Locale;

/**
 * What {@code medsyn generate --dry-run} prints: what a run would send after resume, its tokens and cost, and
 * whether the budget would stop it. Nothing is sent to make it.
 *
 * @param waiting requests in batches an earlier run has out: waited for, not sent again
 * @param completionPerNote the completion tokens assumed per note
 * @param completionSource where that figure comes from (earlier notes of the model, or the offline composer)
 * @param listCostUsd the estimate at the list prices of {@code generate.openai}
 * @param batchCostUsd the estimate at batch prices ({@code generate.openai_batch.price_factor})
 * @param costUsd the estimate for the configured backend: one of the two, or 0 for the offline backend
 * @param spentUsd what the notes under this output have cost so far
 * @param budgetStopsAfter the request after which the budget would stop the run, or -1 when it would not
 */
public record GenerateEstimate(String backend, String model, long tasks, long alreadyDone, long waiting,
    long toSend, long promptTokens, long completionTokens, double completionPerNote, String completionSource,
    double listCostUsd, double batchCostUsd, double costUsd, double budgetUsd, double spentUsd,
    long budgetStopsAfter) {

  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "generate dry run (nothing sent): %,d tasks, %,d already done, %,d"
        + " waiting in open batches, %,d requests to send with the %s backend (%s)%n", tasks, alreadyDone, waiting,
        toSend, backend, model));
    out.append(String.format(Locale.ROOT, "estimated tokens: %,d prompt + %,d completion (%.1f per note, %s)%n",
        promptTokens, completionTokens, completionPerNote, completionSource));
    out.append(String.format(Locale.ROOT, "estimated cost: $%.4f for the %s backend; $%.4f at list price,"
        + " $%.4f with batch pricing%n", costUsd, backend, listCostUsd, batchCostUsd));
    if (budgetUsd <= 0) {
      out.append("budget: none (generate.budget_usd = 0)");
    } else if (budgetStopsAfter < 0) {
      out.append(String.format(Locale.ROOT, "budget: $%.4f with $%.4f spent: the run would not stop (it would"
          + " end at about $%.4f)", budgetUsd, spentUsd, spentUsd + costUsd));
    } else {
      out.append(String.format(Locale.ROOT, "budget: $%.4f with $%.4f spent: the run would stop after about"
          + " %,d of %,d requests (%.0f %%); the rest would be BUDGET failures", budgetUsd, spentUsd,
          budgetStopsAfter, toSend, toSend == 0 ? 0.0 : 100.0 * budgetStopsAfter / toSend));
    }
    return out.toString();
  }
}
