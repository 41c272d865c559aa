package io.medsyn.style;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an LLM is told of the user's style: the target length and the register, in the prompt's language. The
 * same model the offline composer writes in, so both backends aim at the same notes.
 */
public final class StyleHints {
  /** Shorthand named in the hint: the most used ones. */
  private static final int SHORTHAND_NAMED = 6;

  private StyleHints() {}

  /** The hint for Russian prompts; empty for other languages or without a model (the template's own words hold). */
  public static String of(StyleModel model, String language) {
    if (model == null || !"ru".equals(language)) {
      return "";
    }
    List<Integer> q = model.lengthQuantiles();
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Длина записи: около %d знаков (обычно от %d"
        + " до %d). ", model.medianLength(), q.get(5), q.get(15)));
    out.append(String.format(Locale.ROOT, "Как пишут в этой клинике: начинают с «Жалобы на …» в %s записей,"
        + " с «на …» без первого слова в %s, списком через «- » в %s, одним предложением в %s; с маленькой буквы"
        + " в %s; разделы «Анамнез» и «Объективно» в %s и %s записей.",
        percent(model.share(Registers.COMPLAINTS)), percent(model.share(Registers.ELLIPTIC)),
        percent(model.share(Registers.BULLETS)), percent(model.share(Registers.ONE_SENTENCE)),
        percent(model.share(Registers.LOWERCASE)), percent(model.share(Registers.ANAMNESIS)),
        percent(model.share(Registers.EXAMINATION))));
    List<String> shorthand = new ArrayList<>();
    model.shorthand().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(SHORTHAND_NAMED).forEach(e -> shorthand.add(e.getKey()));
    if (!shorthand.isEmpty()) {
      out.append(" Принятые сокращения и метки: ").append(String.join(", ", shorthand)).append('.');
    }
    return out.toString();
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f %%", 100 * share);
  }
}
