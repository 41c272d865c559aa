package io.medsyn.evaluate;

import static io.medsyn.report.Charts.GAIN;
import static io.medsyn.report.Charts.LOSS;
import static io.medsyn.report.Charts.PALETTE;
import static io.medsyn.report.Charts.png;
import static io.medsyn.report.Charts.style;

import io.medsyn.evaluate.EvaluationResult.CellRow;
import io.medsyn.evaluate.EvaluationResult.ChangeRow;
import io.medsyn.evaluate.EvaluationResult.CodeRow;
import java.awt.Color;
import java.awt.Font;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The evaluation report's charts, drawn by XChart as PNG data URIs. */
final class EvaluationCharts {
  private EvaluationCharts() {}

  /** One line per real share: a metric (mean ± sd over seeds) against the share of synthetic notes added. */
  static String grid(EvaluationResult result, String title, ToDoubleFunction<CellRow> mean,
      ToDoubleFunction<CellRow> sd) {
    XYChart chart = new XYChartBuilder().width(350).height(360).title(title).xAxisTitle("synthetic notes added (%)")
        .yAxisTitle("%").build();
    style(chart.getStyler());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    chart.getStyler().setLegendPadding(4);
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setYAxisDecimalPattern("0.0");
    List<Double> realShares = result.cells().stream().map(CellRow::realShare).filter(r -> r > 0).distinct().sorted()
        .toList();
    int color = 0;
    for (double real : realShares) {
      List<CellRow> line = result.cells().stream().filter(c -> c.realShare() == real)
          .sorted(Comparator.comparingDouble(CellRow::syntheticShare)).toList();
      XYSeries series = chart.addSeries(String.format(Locale.ROOT, "real %.0f%%", 100 * real),
          line.stream().mapToDouble(c -> 100 * c.syntheticShare()).toArray(),
          line.stream().mapToDouble(c -> 100 * mean.applyAsDouble(c)).toArray(),
          line.stream().mapToDouble(c -> 100 * sd.applyAsDouble(c)).toArray());
      series.setLineColor(PALETTE[color % PALETTE.length]);
      series.setMarkerColor(PALETTE[color % PALETTE.length]);
      series.setMarker(SeriesMarkers.CIRCLE);
      color++;
    }
    // Synthetic only, as a dashed level across the chart: the reference that mixtures should stay above.
    result.cells().stream().filter(c -> c.realShare() == 0).findFirst().ifPresent(only -> {
      double level = 100 * mean.applyAsDouble(only);
      XYSeries series = chart.addSeries("synthetic only", new double[] {0, 100}, new double[] {level, level});
      series.setMarker(SeriesMarkers.NONE);
      series.setLineColor(Color.DARK_GRAY);
      series.setLineStyle(SeriesLines.DASH_DASH);
    });
    // XChart's automatic range can clip a lone point at the edge: give every point and its bar room.
    double low = result.cells().stream().mapToDouble(c -> 100 * (mean.applyAsDouble(c) - sd.applyAsDouble(c)))
        .min().orElse(0);
    double high = result.cells().stream().mapToDouble(c -> 100 * (mean.applyAsDouble(c) + sd.applyAsDouble(c)))
        .max().orElse(100);
    double pad = Math.max(1, (high - low) * 0.08);
    chart.getStyler().setYAxisMin(Math.max(0, low - pad));
    chart.getStyler().setYAxisMax(Math.min(100, high + pad));
    chart.getStyler().setXAxisMin(-5.0);
    chart.getStyler().setXAxisMax(105.0);
    return png(chart);
  }

  /** Change of Hit@1 against real-only, for the rarest and the most frequent third of codes, with 95 % intervals. */
  static String rareVersusFrequent(EvaluationResult result, String metric, String label) {
    List<String> cells = result.cells().stream().filter(c -> !c.cell().equals(result.baseline()))
        .map(CellRow::cell).toList();
    CategoryChart chart = new CategoryChartBuilder().width(1040).height(400)
        .title("Change of " + label + " against real-only: rare vs frequent codes").yAxisTitle("percentage points")
        .build();
    style(chart.getStyler());
    chart.getStyler().setXAxisLabelRotation(20);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setYAxisDecimalPattern("0.0");
    chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
    int color = 0;
    for (String scope : List.of("rare", "frequent", "all")) {
      List<ChangeRow> rows = cells.stream().map(cell -> result.changes().stream()
          .filter(c -> c.cell().equals(cell) && c.scope().equals(scope) && c.metric().equals(metric)).findFirst()
          .orElseThrow()).toList();
      String name = switch (scope) {
        case "rare" -> "rarest third of codes";
        case "frequent" -> "most frequent third";
        default -> "all codes";
      };
      CategorySeries series = chart.addSeries(name, cells,
          rows.stream().map(r -> 100 * r.change()).toList(),
          rows.stream().map(r -> 100 * (r.ciHigh() - r.ciLow()) / 2).toList());
      series.setFillColor(PALETTE[color++]);
    }
    return png(chart);
  }

  /** Change of each code's F1 in {@code cell} against real-only; codes ordered from rare to frequent. */
  static String perCodeChange(EvaluationResult result, String cell) {
    List<CodeRow> codes = result.perCode().stream().filter(c -> c.cell().equals(cell) && c.support() > 0)
        .sorted(Comparator.comparingLong(CodeRow::trainFrequency).thenComparing(CodeRow::code)).toList();
    CategoryChart chart = new CategoryChartBuilder().width(1040).height(420)
        .title("Change of per-code F1, " + cell + " against real-only (codes from rare to frequent)")
        .yAxisTitle("percentage points").build();
    style(chart.getStyler());
    chart.getStyler().setLegendVisible(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setXAxisLabelRotation(90);
    chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, codes.size() > 60 ? 8 : 10));
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setYAxisDecimalPattern("0");
    List<String> names = codes.stream().map(CodeRow::code).toList();
    // Two series (gains, losses) drawn over each other, so the colour tells the sign at a glance.
    chart.addSeries("F1 up", names, codes.stream().map(c -> Math.max(0, 100 * c.f1Change())).toList())
        .setFillColor(GAIN);
    chart.addSeries("F1 down", names, codes.stream().map(c -> Math.min(0, 100 * c.f1Change())).toList())
        .setFillColor(LOSS);
    return png(chart);
  }
}
