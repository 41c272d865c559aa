package io.medsyn.report;

import java.util.Locale;

/**
 * The pieces every report page shares: one stylesheet, escaping, fact tiles, inlined charts and number formats.
 * Pages are self-contained (no script, no link out) so that an analyst can open them offline.
 */
public final class Html {
  private static final String STYLE = """
      body{font-family:'DejaVu Sans',Arial,sans-serif;margin:24px auto;max-width:1080px;color:#222;line-height:1.45}
      h1{font-size:24px;margin-bottom:4px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd}
      .sub{color:#666;margin-top:0}.facts{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
      .fact{background:#f4f6f8;border-radius:6px;padding:10px 14px;min-width:150px}
      .fact b{display:block;font-size:20px}.fact span{color:#555;font-size:13px}
      .headline{background:#eef6f4;border-left:4px solid #2a9d8f;padding:10px 14px;margin:16px 0}
      .headline.bad{background:#fbeff0;border-left-color:#d1495b}
      table{border-collapse:collapse;font-size:13px;margin:8px 0}
      th,td{padding:4px 8px;border-bottom:1px solid #eee;text-align:right}th{background:#f4f6f8}
      td:first-child,th:first-child{text-align:left}td.text,th.text{text-align:left}.up{color:#1f7a6f}.down{color:#b3364a}
      .charts{display:flex;flex-wrap:wrap;gap:8px}img{max-width:100%}.note{color:#555;font-size:13px}
      details summary{cursor:pointer;color:#1b6ca8}
      """;

  private Html() {}

  /** A whole page around {@code body}. */
  public static String page(String title, CharSequence body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>"
        + STYLE + "</style></head><body>" + body + "</body></html>";
  }

  public static void fact(StringBuilder html, String value, String label) {
    html.append("<div class=\"fact\"><b>").append(esc(value)).append("</b><span>").append(esc(label))
        .append("</span></div>");
  }

  public static String img(String dataUri, String alt) {
    return "<img src=\"" + dataUri + "\" alt=\"" + esc(alt) + "\">";
  }

  /** A share in [0, 1] as a percentage; a share that rounds to 0 or 100 % without being so is not shown as such. */
  public static String pct(double value) {
    if (value > 0 && value < 0.0005) {
      return "under 0.1 %";
    }
    if (value < 1 && value >= 0.9995) {
      return "over 99.9 %";
    }
    return String.format(Locale.ROOT, "%.1f %%", 100 * value);
  }

  /** A count with thousands separators. */
  public static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  public static String esc(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
