package io.medsyn.evaluate;

import static io.medsyn.report.Html.esc;
import static io.medsyn.report.Html.fact;
import static io.medsyn.report.Html.img;
import static io.medsyn.report.Html.pct;

import io.medsyn.config.ClassifierConfig;
import io.medsyn.config.EvaluateConfig;
import io.medsyn.evaluate.EvaluationResult.CellRow;
import io.medsyn.evaluate.EvaluationResult.ChangeRow;
import io.medsyn.evaluate.EvaluationResult.CodeRow;
import io.medsyn.evaluate.EvaluationResult.GroupRow;
import io.medsyn.evaluate.EvaluationResult.UnseenRow;
import io.medsyn.quality.QualityReport;
import io.medsyn.quality.QualitySummary;
import io.medsyn.report.Html;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The evaluate stage's report: one self-contained HTML page (charts inlined as PNG, no script, no link out) that an
 * analyst can open offline: does adding synthetic notes help, on which codes, and how sure are we.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * The page for {@code result}; with the quality stage's summary of the synthetic notes when they are the run's
   * own.
   */
  public static String render(EvaluationResult result, EvaluateConfig config, Optional<QualitySummary> quality) {
    StringBuilder html = new StringBuilder();
    html.append("<h1>Does synthetic data help an ICD-10 classifier?</h1>")
        .append("<p class=\"sub\">MedSyn evaluation: the same classifier trained on real notes, real plus ")
        .append("synthetic notes, and synthetic notes only, scored on held-out real notes.</p>");
    facts(html, result, config);
    headline(html, result);
    gridSection(html, result);
    rareSection(html, result);
    perCodeSection(html, result);
    unseenSection(html, result);
    quality.ifPresent(summary -> html.append(QualityReport.section(summary)));
    methodSection(html, config);
    return Html.page("MedSyn evaluation", html);
  }

  private static void facts(StringBuilder html, EvaluationResult r, EvaluateConfig config) {
    html.append("<div class=\"facts\">");
    fact(html, String.valueOf(r.trainNotes()), "real training notes");
    fact(html, String.valueOf(r.evalNotes()), "evaluation notes (real)");
    fact(html, String.valueOf(r.syntheticNotes()), "usable synthetic notes");
    fact(html, String.valueOf(r.cells().size()), "training mixtures");
    seedsFact(html, r);
    fact(html, r.depth() == 3 ? "3-character" : r.depth() + "-character", "ICD-10 code depth");
    html.append("</div><p class=\"note\">Evaluation notes: ").append(esc(r.evalSource())).append(". Synthetic notes: ")
        .append(esc(r.syntheticSource())).append(".</p>");
  }

  /** Subsampled mixtures run under every seed; whole-corpus mixtures do not depend on it and are fitted once. */
  private static void seedsFact(StringBuilder html, EvaluationResult r) {
    int most = r.cells().stream().mapToInt(CellRow::runs).max().orElse(1);
    long once = r.cells().stream().filter(c -> c.runs() == 1).count();
    if (most == 1) {
      fact(html, "1", "fit per mixture (none is subsampled)");
    } else {
      fact(html, String.valueOf(most), "seeds per subsampled mixture; " + once + " whole-corpus mixture"
          + (once == 1 ? "" : "s") + " fitted once");
    }
  }

  private static void headline(StringBuilder html, EvaluationResult r) {
    CellRow base = cell(r, r.baseline());
    Optional<CellRow> best = r.cells().stream().filter(c -> !r.controls().contains(c.cell()) && c.realShare() == 1)
        .max(Comparator.comparingDouble(CellRow::hit1Mean));
    html.append("<h2>In one sentence</h2>");
    if (best.isEmpty()) {
      html.append("<div class=\"headline\">Real-only model: Hit@1 ").append(pct(base.hit1Mean()))
          .append(", Hit@3 ").append(pct(base.hit3Mean())).append(". No synthetic corpus was evaluated, so there ")
          .append("is no mixture to compare.</div>");
      return;
    }
    ChangeRow change = change(r, best.get().cell(), "all", "hit1");
    CellRow control = cell(r, change.control());
    boolean sure = change.ciLow() > 0 || change.ciHigh() < 0;
    html.append("<div class=\"headline").append(change.change() < 0 ? " bad" : "").append("\">")
        .append("Best mixture with all real notes: <b>").append(esc(best.get().cell())).append("</b>, Hit@1 ")
        .append(pct(best.get().hit1Mean())).append(" against ").append(pct(control.hit1Mean()))
        .append(" for the stronger real-only control (").append(esc(control.cell())).append("): ")
        .append(pp(change.change())).append(" (95 % interval ")
        .append(pp(change.ciLow())).append(" to ").append(pp(change.ciHigh())).append("), ")
        .append(sure ? "a change the evaluation set is large enough to show."
            : "within what chance in the choice of evaluation notes could give.");
    rareSentence(html, r, best.get().cell());
    html.append("</div>");
  }

  /** The same comparison on the rarest third of codes, where MedSyn expects synthetic notes to help most. */
  private static void rareSentence(StringBuilder html, EvaluationResult r, String cell) {
    Optional<ChangeRow> change = r.changes().stream().filter(c -> c.cell().equals(cell) && c.scope().equals("rare")
        && c.metric().equals("hit1")).findFirst();
    if (change.isEmpty()) {
      return;
    }
    Optional<GroupRow> base = group(r, change.get().control(), "rare");
    Optional<GroupRow> mixed = group(r, cell, "rare");
    if (base.isEmpty() || mixed.isEmpty()) {
      return;
    }
    html.append(" On the rarest third of codes (").append(mixed.get().codes())
        .append(mixed.get().codes() == 1 ? " code, " : " codes, ")
        .append(mixed.get().notes()).append(" evaluation notes): Hit@1 ").append(pct(mixed.get().hit1Mean()))
        .append(" against ").append(pct(base.get().hit1Mean())).append(" for the stronger control there, ")
        .append(pp(change.get().change()))
        .append(" (95 % interval ").append(pp(change.get().ciLow())).append(" to ")
        .append(pp(change.get().ciHigh())).append(").");
  }

  private static Optional<GroupRow> group(EvaluationResult r, String cell, String group) {
    return r.groups().stream().filter(g -> g.cell().equals(cell) && g.group().equals(group)).findFirst();
  }

  private static void gridSection(StringBuilder html, EvaluationResult r) {
    html.append("<h2>The mixture grid</h2><p class=\"note\">Each line is a share of the real training notes; ")
        .append("along it, a growing share of the synthetic corpus is added. Bars: ± one standard deviation ")
        .append("over seeds.</p><div class=\"charts\">")
        .append(img(EvaluationCharts.grid(r, "Hit@1", CellRow::hit1Mean, CellRow::hit1Sd), "Hit@1 by mixture"))
        .append(img(EvaluationCharts.grid(r, "Hit@3", CellRow::hit3Mean, CellRow::hit3Sd), "Hit@3 by mixture"))
        .append(img(EvaluationCharts.grid(r, "Macro-F1", CellRow::macroF1Mean, CellRow::macroF1Sd), "Macro-F1 by mixture"))
        .append("</div>");
    html.append("<table><tr><th>mixture</th><th>real notes</th><th>synthetic notes</th><th>seeds</th>")
        .append("<th>Hit@1</th><th>Hit@3</th><th>macro-F1</th><th>ΔHit@1 vs the stronger real-only control [95 % CI]</th>")
        .append("<th>ΔHit@3</th><th>Δmacro-F1</th></tr>");
    for (CellRow c : r.cells()) {
      html.append("<tr><td>").append(esc(c.cell())).append("</td><td>").append(c.trainReal()).append("</td><td>")
          .append(c.trainSynthetic()).append("</td><td>").append(c.runs()).append("</td><td>")
          .append(meanSd(c.hit1Mean(), c.hit1Sd())).append("</td><td>").append(meanSd(c.hit3Mean(), c.hit3Sd()))
          .append("</td><td>").append(meanSd(c.macroF1Mean(), c.macroF1Sd())).append("</td>");
      for (String metric : List.of("hit1", "hit3", "macro_f1")) {
        html.append("<td>").append(interval(change(r, c.cell(), "all", metric))).append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</table>");
  }

  private static void rareSection(StringBuilder html, EvaluationResult r) {
    html.append("<h2>Rare and frequent codes</h2><p class=\"note\">Codes are ranked by how many real training ")
        .append("notes they have; the rarest third and the most frequent third are scored separately. Synthetic ")
        .append("data is expected to help most where real notes are scarce.</p>");
    if (r.cells().size() > 1) {
      html.append(img(EvaluationCharts.rareVersusFrequent(r, "hit1", "Hit@1"), "Change of Hit@1, rare vs frequent codes"));
    }
    html.append("<table><tr><th>mixture</th><th>codes</th><th>notes</th><th>Hit@1</th><th>Hit@3</th>")
        .append("<th>macro-F1</th><th>ΔHit@1 [95 % CI]</th><th>Δmacro-F1 [95 % CI]</th></tr>");
    for (GroupRow g : r.groups()) {
      html.append("<tr><td>").append(esc(g.cell())).append(" — ").append(g.group()).append("</td><td>")
          .append(g.codes()).append("</td><td>").append(g.notes()).append("</td><td>")
          .append(meanSd(g.hit1Mean(), g.hit1Sd())).append("</td><td>").append(meanSd(g.hit3Mean(), g.hit3Sd()))
          .append("</td><td>").append(meanSd(g.macroF1Mean(), g.macroF1Sd())).append("</td><td>")
          .append(interval(change(r, g.cell(), g.group(), "hit1"))).append("</td><td>")
          .append(interval(change(r, g.cell(), g.group(), "macro_f1"))).append("</td></tr>");
    }
    html.append("</table>");
  }

  private static void perCodeSection(StringBuilder html, EvaluationResult r) {
    Optional<CellRow> focus = r.cells().stream().filter(c -> c.realShare() == 1 && c.syntheticShare() > 0)
        .max(Comparator.comparingDouble(CellRow::syntheticShare));
    if (focus.isEmpty()) {
      return;
    }
    String cell = focus.get().cell();
    html.append("<h2>Per code: ").append(esc(cell)).append(" against real-only</h2>")
        .append(img(EvaluationCharts.perCodeChange(r, cell), "Per-code change of F1"))
        .append("<details><summary>Per-code figures (").append(esc(cell)).append(")</summary><table><tr>")
        .append("<th>code</th><th>real training notes</th><th>group</th><th>evaluation notes</th>")
        .append("<th>precision</th><th>recall</th><th>F1</th><th>Hit@3</th><th>ΔF1</th><th>ΔHit@1</th></tr>");
    r.perCode().stream().filter(c -> c.cell().equals(cell))
        .sorted(Comparator.comparingLong(CodeRow::trainFrequency).thenComparing(CodeRow::code)).forEach(c ->
            html.append("<tr><td>").append(esc(c.code())).append("</td><td>").append(c.trainFrequency())
                .append("</td><td>").append(c.frequencyGroup()).append("</td><td>").append(c.support())
                .append("</td><td>").append(pct(c.precision())).append("</td><td>").append(pct(c.recall()))
                .append("</td><td>").append(pct(c.f1())).append("</td><td>").append(pct(c.hit3()))
                .append("</td><td>").append(signed(c.f1Change())).append("</td><td>").append(signed(c.hit1Change()))
                .append("</td></tr>"));
    html.append("</table></details>");
  }

  private static void unseenSection(StringBuilder html, EvaluationResult r) {
    html.append("<h2>Codes the training data never saw</h2>");
    if (r.unseen().isEmpty()) {
      html.append("<p>Every evaluation code occurs in the training data of every mixture.</p>");
      return;
    }
    html.append("<p class=\"note\">Evaluation notes with these codes are kept and count as misses: no model can ")
        .append("name a code it was not trained on.</p><table><tr><th>mixture</th><th>code</th>")
        .append("<th>evaluation notes</th></tr>");
    for (UnseenRow u : r.unseen()) {
      html.append("<tr><td>").append(esc(u.cell())).append("</td><td>").append(esc(u.code())).append("</td><td>")
          .append(u.evalNotes()).append("</td></tr>");
    }
    html.append("</table>");
  }

  private static void methodSection(StringBuilder html, EvaluateConfig config) {
    ClassifierConfig c = config.classifier();
    html.append("<h2>How to read this</h2><ul class=\"note\">")
        .append("<li><b>Hit@1</b>: share of evaluation notes whose code is the model's first guess; <b>Hit@3</b>: ")
        .append("among its three most probable codes. <b>Macro-F1</b>: F1 averaged over codes, so rare codes weigh ")
        .append("as much as frequent ones.</li>")
        .append("<li>Subsamples are stratified by code and seeded; a mixture's figures are the mean ± standard ")
        .append("deviation over ").append(config.repeats()).append(config.repeats() == 1 ? " seed" : " seeds")
        .append(" (one fit when the mixture uses whole ")
        .append("corpora).</li>")
        .append("<li>Two real-only controls use every real note and no synthetic one: plain, and class-weighted ")
        .append("(a note of code c weighs n/(k·n<sub>c</sub>)). Δ is a mixture's change against the control that ")
        .append("is stronger on that metric, so a mixture is not credited with what class weighting alone gives ")
        .append("(the class-weighted control's Δ is against the plain one), in percentage points, with a 95 % ")
        .append("paired bootstrap interval over ").append(config.bootstrap())
        .append(" resamples of the evaluation notes.</li>")
        .append("<li>Classifier: character ").append(c.charNgrams().min()).append("–").append(c.charNgrams().max())
        .append("-grams within words and word ").append(c.wordNgrams().min()).append("–")
        .append(c.wordNgrams().max()).append("-grams, TF-IDF (").append(esc(c.features())).append(", ")
        .append(c.numFeatures()).append(" features at most, fitted on ").append(c.featuresFrom().equals("real")
            ? "the real training notes" : "all training notes").append("), logistic regression (")
        .append(esc(c.model())).append("), L2 ").append(c.regParams()).append(", mixtures' class weighting ")
        .append(esc(c.classWeights().toString())).append(", synthetic weight ").append(c.syntheticWeights())
        .append(", prior shift ").append(c.priorShifts())
        .append(" (codes ranked by p(c|note)·π_c^τ, π_c their share of the real training notes)")
        .append("; where several candidates are listed, ").append(c.cvFolds())
        .append("-fold cross-validation on the real training notes chose one, ranked by ")
        .append(esc(c.selectBy()))
        .append(" (see evaluation/selection and each run's class_weight and prior_shift).</li>")
        .append("<li>Synthetic notes are used only when generated successfully and, when the quality stage ran, ")
        .append("passed it; a synthetic note written in the style of an evaluation note stops the experiment.</li>")
        .append("</ul>");
  }

  private static CellRow cell(EvaluationResult r, String name) {
    return r.cells().stream().filter(c -> c.cell().equals(name)).findFirst().orElseThrow();
  }

  private static ChangeRow change(EvaluationResult r, String cell, String scope, String metric) {
    return r.changes().stream().filter(c -> c.cell().equals(cell) && c.scope().equals(scope)
        && c.metric().equals(metric)).findFirst().orElseThrow();
  }

  private static String interval(ChangeRow c) {
    // The baseline against itself.
    if (c.change() == 0 && c.ciLow() == 0 && c.ciHigh() == 0) {
      return "—";
    }
    String css = c.ciLow() > 0 ? "up" : c.ciHigh() < 0 ? "down" : "";
    return "<span class=\"" + css + "\">" + pp(c.change()) + " [" + pp(c.ciLow()) + ", " + pp(c.ciHigh())
        + "]</span>";
  }

  private static String meanSd(double mean, double sd) {
    return String.format(Locale.ROOT, "%.1f ± %.1f", 100 * mean, 100 * sd);
  }

  private static String pp(double value) {
    return String.format(Locale.ROOT, "%+.1f pp", 100 * value);
  }

  private static String signed(double value) {
    return String.format(Locale.ROOT, "%+.1f", 100 * value);
  }
}
