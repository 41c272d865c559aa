package io.medsyn.style;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an LLM is told of the user's style: the target length, the register, the shorthand and the body sides, in the
 * prompt's language. The same model the offline composer writes in, so both backends aim at the same notes.
 */
public final class StyleHints {
  /** Shorthand named in the hint: the most used ones. */
  private static final int SHORTHAND_NAMED = 6;
  /** Side phrases given as examples: the most written ones. */
  private static final int SIDES_NAMED = 2;

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
    List<String> sides = sidePhrases(model);
    if (!sides.isEmpty()) {
      out.append(String.format(Locale.ROOT, " Сторону тела пишут прилагательным (%s) в %s записей.",
          String.join(", ", sides), percent(model.share(Registers.SIDES))));
    }
    return out.toString();
  }

  /**
   * The side phrases the notes write most ("в правой руке"): each in at least k real notes, as the model keeps only
   * those.
   */
  private static List<String> sidePhrases(StyleModel model) {
    Map<String, Long> counts = new HashMap<>();
    model.sides().forms().forEach((place, forms) -> forms.forEach((form, notes) ->
        counts.put("«" + SideWords.phrase(place, form) + "»", notes)));
    return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey())).limit(SIDES_NAMED).map(Map.Entry::getKey).toList();
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f %%", 100 * share);
  }
}
