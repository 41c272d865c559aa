package io.medsyn.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;

/** What every report chart shares: XChart styling and PNG data URIs, so that the HTML needs no other file. */
public final class Charts {
  public static final Color[] PALETTE = {new Color(0x1b6ca8), new Color(0xd1495b), new Color(0x2a9d8f),
      new Color(0xe9a03b), new Color(0x6c5b7b)};
  public static final Color GAIN = new Color(0x2a9d8f);
  public static final Color LOSS = new Color(0xd1495b);

  private Charts() {}

  public static void style(AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setPlotGridLinesColor(new Color(0xe5e5e5));
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    styler.setChartTitleBoxVisible(false);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setSeriesColors(PALETTE);
    styler.setAntiAlias(true);
  }

  public static String png(Chart<?, ?> chart) {
    try {
      byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the chart '" + chart.getTitle() + "'", e);
    }
  }
}
