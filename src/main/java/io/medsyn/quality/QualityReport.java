package io.medsyn.quality;

import static io.medsyn.report.Charts.LOSS;
import static io.medsyn.report.Charts.png;
import static io.medsyn.report.Charts.style;
import static io.medsyn.report.Html.count;
import static io.medsyn.report.Html.esc;
import static io.medsyn.report.Html.fact;
import static io.medsyn.report.Html.img;
import static io.medsyn.report.Html.pct;

import io.medsyn.quality.QualitySummary.CodeCounts;
import io.medsyn.report.Html;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * What the quality stage kept and why it rejected the rest, as an HTML section: on a page of its own (written by the
 * quality stage) and in the evaluation report, next to the figures the kept notes produced.
 */
public final class QualityReport {
  /** Codes listed before the rest are folded away: enough to spot a code the generator handles badly. */
  private static final int WORST_CODES = 12;

  private QualityReport() {}

  /** A self-contained page with the summary of the notes read from {@code source}. */
  public static String page(QualitySummary summary, String source) {
    return Html.page("MedSyn quality", "<h1>Quality of the synthetic notes</h1><p class=\"sub\">MedSyn quality stage:"
        + " every generated note is checked and kept; the corpus is the notes that pass. Notes: " + esc(source)
        + ".</p>" + body(summary));
  }

  /** The summary as a section of another page. */
  public static String section(QualitySummary summary) {
    return "<h2>Quality of the synthetic notes</h2><p class=\"note\">Only notes that pass every check of the quality"
        + " stage were used above.</p>" + body(summary);
  }

  private static String body(QualitySummary s) {
    StringBuilder html = new StringBuilder("<div class=\"facts\">");
    fact(html, count(s.notes()), "notes checked");
    fact(html, count(s.passed()) + " (" + pct(share(s.passed(), s.notes())) + ")", "pass: the corpus");
    fact(html, count(s.rejected()), "rejected, kept with their reasons");
    html.append("</div>");
    if (s.rejected() > 0) {
      html.append(img(rejections(s), "Notes rejected per reason"));
    }
    html.append("<table><tr><th>reason</th><th>notes</th><th>share of notes</th>")
        .append("<th class=\"text\">what it means</th></tr>");
    for (RejectReason reason : QualityChecks.REASONS) {
      long n = s.byReason().get(reason.label());
      html.append("<tr><td>").append(reason.label()).append("</td><td>").append(n).append("</td><td>")
          .append(pct(share(n, s.notes()))).append("</td><td class=\"text\">").append(esc(reason.meaning()))
          .append("</td></tr>");
    }
    html.append("</table><p class=\"note\">A note that fails several checks counts under each of them.</p>");
    realism(html, s);
    List<CodeCounts> worst = s.byCode().stream().filter(c -> c.rejected() > 0)
        .sorted(Comparator.comparingDouble((CodeCounts c) -> -share(c.rejected(), c.notes()))
            .thenComparing(CodeCounts::code))
        .toList();
    if (!worst.isEmpty()) {
      html.append("<h3>Codes with the highest share of rejected notes</h3>");
      codeTable(html, worst.subList(0, Math.min(WORST_CODES, worst.size())));
    }
    html.append("<details><summary>Every code (").append(s.byCode().size()).append(")</summary>");
    codeTable(html, s.byCode());
    return html.append("</details>").toString();
  }

  /** The realism figures and the privacy audit, or why they are missing. */
  private static void realism(StringBuilder html, QualitySummary s) {
    Realism r = s.realism();
    if (r == null && s.longestRealPassage() == null) {
      html.append("<p class=\"note\">Realism and privacy were not measured: no real training corpus is configured"
          + " (evaluate.train with evaluate.eval, or sample.examples).</p>");
      return;
    }
    html.append("<h3>Realism and privacy against the real training notes</h3><div class=\"facts\">");
    if (r != null) {
      fact(html, r.discriminatorAuc() == null ? "n/a" : String.format(Locale.ROOT, "%.3f ± %.3f",
          r.discriminatorAuc(), r.discriminatorAucSd()), "discriminator ROC AUC, real vs passing synthetic");
      fact(html, String.format(Locale.ROOT, "%.2f", r.medianLengthRatio()), String.format(Locale.ROOT,
          "median length, synthetic / real (%.0f / %.0f characters)", r.syntheticMedianChars(),
          r.realMedianChars()));
      fact(html, String.format(Locale.ROOT, "%.3f", r.lengthKs()), "length distance (Kolmogorov–Smirnov)");
      fact(html, pct(r.vocabularyCoverage()), "of the " + count(r.realWordForms()) + " word forms of at least "
          + "two real notes are used");
    }
    if (s.longestRealPassage() != null) {
      long copies = s.byReason().get(PassageAudit.COPIES_REAL_PASSAGE.label());
      fact(html, count(copies) + " (" + pct(share(copies, s.notes())) + ")", "notes sharing a rare passage with a"
          + " real note");
      fact(html, s.longestRealPassage() + " words", "longest rare passage shared");
    }
    html.append("</div><p class=\"note\">");
    if (r != null) {
      html.append("Compared with ").append(count(r.realNotes())).append(" real training notes. The discriminator"
          + " is a logistic regression on character and word TF-IDF, cross-validated on ")
          .append(count(r.discriminatorNotes())).append(" notes, half real: 0.5 means it cannot tell the notes"
              + " apart, 1.0 that every note gives itself away. ");
    }
    html.append("A passage is rare when fewer than style.min_real_notes real notes contain it; a note sharing one of"
        + " at least quality.real_passage_words words is rejected (copies_real_passage).</p>");
    if (r != null && !r.tells().isEmpty()) {
      tells(html, r.tells());
    }
  }

  /** The words whose share of notes differs most between the two sides: what to change in the generator. */
  private static void tells(StringBuilder html, List<WordTell> tells) {
    html.append("<h3>Words that give the notes away</h3><table><tr><th class=\"text\">word</th>")
        .append("<th>share of synthetic notes</th><th>share of real notes</th><th class=\"text\">synthetic notes"
            + "</th></tr>");
    for (WordTell t : tells) {
      html.append("<tr><td class=\"text\">").append(esc(t.word())).append("</td><td>").append(pct(t.syntheticShare()))
          .append("</td><td>").append(pct(t.realShare())).append("</td><td class=\"text\">")
          .append(t.overUsed() ? "over-use it" : "under-use it").append("</td></tr>");
    }
    html.append("</table><p class=\"note\">The words the passing notes over-use most by the gap in share of notes,"
        + " then those they under-use most. A word fewer than style.min_real_notes real notes contain is never"
        + " named.</p>");
  }

  private static void codeTable(StringBuilder html, List<CodeCounts> codes) {
    html.append("<table><tr><th>code</th><th>notes</th><th>pass</th><th>rejected</th><th>share rejected</th>")
        .append("<th class=\"text\">reasons</th></tr>");
    for (CodeCounts c : codes) {
      html.append("<tr><td>").append(esc(c.code())).append("</td><td>").append(c.notes()).append("</td><td>")
          .append(c.passed()).append("</td><td>").append(c.rejected()).append("</td><td>")
          .append(pct(share(c.rejected(), c.notes()))).append("</td><td class=\"text\">")
          .append(esc(reasons(c.byReason()))).append("</td></tr>");
    }
    html.append("</table>");
  }

  /** The reasons a code's notes were rejected for, most frequent first: "too_short 3, refusal 1". */
  private static String reasons(Map<String, Long> byReason) {
    return byReason.entrySet().stream().filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  /** Notes rejected per reason, in the order the quality stage checks them. */
  private static String rejections(QualitySummary summary) {
    CategoryChart chart = new CategoryChartBuilder().width(1040).height(360).title("Notes rejected per reason")
        .yAxisTitle("notes").build();
    style(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisLabelRotation(20);
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    chart.addSeries("notes", List.copyOf(summary.byReason().keySet()), List.copyOf(summary.byReason().values()))
        .setFillColor(LOSS);
    return png(chart);
  }
}
