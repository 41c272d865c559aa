package io.medsyn.generate;

import java.util.Map;

/**
 * What {@code medsyn generate} prints at the end.
 *
 * @param tasks planned tasks, each one row of the notes table
 * @param alreadyDone tasks whose note an earlier run had finished: not sent again
 * @param sent requests this run finished (ok or failed), budget refusals included
 * @param failuresByClass the notes table's failed rows by error class
 * @param estimated notes of this run whose tokens and cost are estimates (the backend reported no usage)
 * @param estimatedCostUsd the part of {@code costUsd} that is estimated
 */
public record GenerateSummary(String runId, long tasks, long alreadyDone, long sent, long ok, long failed,
    Map<String, Long> failuresByClass, long promptTokens, long completionTokens, double costUsd, long estimated,
    double estimatedCostUsd, double seconds, String notes) {

  public String render() {
    return String.format("generate run %s: %,d tasks, %,d already done, %,d sent in %.1f s (%,.0f notes/s)%n"
        + "notes table %s: %,d ok, %,d failed%s%n"
        + "this run: %,d prompt tokens, %,d completion tokens, $%.4f", runId, tasks, alreadyDone, sent, seconds,
        seconds > 0 ? sent / seconds : 0.0, notes, ok, failed, failuresByClass.isEmpty() ? "" : " " + failuresByClass,
        promptTokens, completionTokens, costUsd) + (estimated == 0 ? "" : String.format(
            "; estimated, not counted: the tokens of %,d notes (the backend reported no usage), $%.4f of the cost",
            estimated, estimatedCostUsd));
  }
}
