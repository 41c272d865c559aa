package io.medsyn.generate;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code medsyn generate --dry-run} prints: what a run would send after resume, its tokens and cost, and
 * whether the budget would stop it. Nothing is sent to make it.
 *
 * @param waiting requests in batches an earlier run has out: waited for, not sent again
 * @param completionPerNote the completion tokens assumed per note
 * @param completionSource where that figure comes from (earlier notes of the model, or the offline composer)
 * @param costsUsd the estimate with each registered backend at its prices, by name (list and batch prices)
 * @param spentUsd what the notes under this output have cost so far
 * @param budgetStopsAfter the request after which the budget would stop the run, or -1 when it would not
 */
public record GenerateEstimate(String backend, String model, long tasks, long alreadyDone, long waiting,
    long toSend, long promptTokens, long completionTokens, double completionPerNote, String completionSource,
    Map<String, Double> costsUsd, double budgetUsd, double spentUsd, long budgetStopsAfter) {

  /** The estimate for the configured backend. */
  public double costUsd() {
    return costsUsd.getOrDefault(backend, 0.0);
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "generate dry run (nothing sent): %,d tasks, %,d already done, %,d"
        + " waiting in open batches, %,d requests to send with the %s backend (%s)%n", tasks, alreadyDone, waiting,
        toSend, backend, model));
    out.append(String.format(Locale.ROOT, "estimated tokens: %,d prompt + %,d completion (%.1f per note, %s)%n",
        promptTokens, completionTokens, completionPerNote, completionSource));
    out.append(String.format(Locale.ROOT, "estimated cost: $%.4f with the %s backend (", costUsd(), backend));
    out.append(costsUsd.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> String.format(Locale.ROOT, "%s $%.4f", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "))).append(")\n");
    if (budgetUsd <= 0) {
      out.append("budget: none (generate.budget_usd = 0)");
    } else if (budgetStopsAfter < 0) {
      out.append(String.format(Locale.ROOT, "budget: $%.4f with $%.4f spent: the run would not stop (it would"
          + " end at about $%.4f)", budgetUsd, spentUsd, spentUsd + costUsd()));
    } else {
      out.append(String.format(Locale.ROOT, "budget: $%.4f with $%.4f spent: the run would stop after about"
          + " %,d of %,d requests (%.0f %%); the rest would be BUDGET failures", budgetUsd, spentUsd,
          budgetStopsAfter, toSend, toSend == 0 ? 0.0 : 100.0 * budgetStopsAfter / toSend));
    }
    return out.toString();
  }
}
