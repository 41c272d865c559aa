package io.medsyn.style;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The register features of a Russian outpatient note, each a yes/no question about one note; the style model keeps
 * the share of real notes that answer yes, and the composer writes each feature at that rate.
 */
public final class Registers {
  /** "- боль в горле - кашель": dashed items. */
  public static final String BULLETS = "bullets";
  /** "Анамнез: ..." / "Анамнестически ...": a history section. */
  public static final String ANAMNESIS = "anamnesis_section";
  /** "Объективно: ..." / "При осмотре ...": an examination section. */
  public static final String EXAMINATION = "examination_section";
  /** "Пациентка 45 лет" / "Мне 45 лет". */
  public static final String DEMOGRAPHICS = "demographics";
  /** Opens with "Жалобы ..." / "Предъявляет ..." / "Обратилась ...". */
  public static final String COMPLAINTS = "complaints_lead";
  /** Opens with "на ..." (the lead word left out). */
  public static final String ELLIPTIC = "elliptic_lead";
  /** The patient's own words: "у меня", "мне", "я". */
  public static final String FIRST_PERSON = "first_person";
  /** The first letter is lowercase. */
  public static final String LOWERCASE = "lowercase_start";
  /** Ends with a full stop. */
  public static final String FINAL_PERIOD = "final_period";
  /** One sentence: no full stop inside. */
  public static final String ONE_SENTENCE = "one_sentence";
  /** How long or since when: "в течение недели", "3 дня", "с *ДАТА*". */
  public static final String DURATION = "duration";
  /** Course and onset wording: "постепенно", "остро", "ухудшение", "динамика". */
  public static final String COURSE = "course";
  /** Treatment tried: "принимал(а)", "лечил(ась)", "без эффекта". */
  public static final String TREATMENT = "treatment";
  /** A list whose last item is joined with "и" instead of a comma: "боль, кашель и насморк". */
  public static final String AND_JOIN = "and_join";
  /** A space before a comma: "слабость , кашель". */
  public static final String SPACE_BEFORE_COMMA = "space_before_comma";
  /** A comma with a letter straight after it: "слабость,кашель". */
  public static final String UNSPACED_COMMA = "unspaced_comma";
  /** A word written with ё ("ещё", "отёк"): most writers type е. */
  public static final String YO = "yo";
  /** A body side as an adjective: "в правой руке", "области левого подреберья" (see {@link SideWords}). */
  public static final String SIDES = "side_adjective";

  public static final Pattern RU_COMPLAINTS = Pattern.compile("(?iu)^[^\\p{L}]*(жалоб|предъявля|обратил)");
  public static final Pattern RU_ELLIPTIC = Pattern.compile("(?iu)^[^\\p{L}]*на\\s");
  public static final Pattern RU_FIRST_PERSON = Pattern.compile("(?iu)(^|[^\\p{L}])(у меня|меня|мне|я|мой|моя)"
      + "([^\\p{L}]|$)");

  private static final Map<String, Predicate<String>> FEATURES = new LinkedHashMap<>();

  static {
    FEATURES.put(BULLETS, find("(^|\\s)[-–—•]\\s*\\p{L}.*\\s[-–—•]\\s*\\p{L}"));
    FEATURES.put(ANAMNESIS, find("(?iu)анамне"));
    FEATURES.put(EXAMINATION, find("(?iu)(объективно|при осмотре|st\\.?\\s*(localis|praesens))"));
    FEATURES.put(DEMOGRAPHICS, find("(?iu)(пациент\\p{L}*|женщина|мужчина|мне)\\s*,?\\s*\\d{1,3}\\s*(лет|год)"));
    FEATURES.put(COMPLAINTS, RU_COMPLAINTS.asPredicate());
    FEATURES.put(ELLIPTIC, RU_ELLIPTIC.asPredicate());
    FEATURES.put(FIRST_PERSON, RU_FIRST_PERSON.asPredicate());
    FEATURES.put(LOWERCASE, text -> {
      for (int i = 0; i < text.length(); i++) {
        if (Character.isLetter(text.charAt(i))) {
          return Character.isLowerCase(text.charAt(i));
        }
      }
      return false;
    });
    FEATURES.put(FINAL_PERIOD, text -> text.strip().endsWith("."));
    FEATURES.put(ONE_SENTENCE, find("^[^.!?]*[.!?]?\\s*$"));
    FEATURES.put(DURATION, find("(?iu)(в течени|\\d+\\s*(дн|дел|мес|год|лет|нед)|недел|месяц|назад|вчера|\\*ДАТА\\*)"));
    FEATURES.put(COURSE, find("(?iu)(постепенн|остро|ухудшени|динамик|нарастан)"));
    FEATURES.put(TREATMENT, find("(?iu)(принимал|лечил|без эффекта|с эффектом|прием|приём)"));
    FEATURES.put(SPACE_BEFORE_COMMA, find("[\\p{L}\\d)]\\s+,"));
    FEATURES.put(UNSPACED_COMMA, find(",\\p{L}"));
    FEATURES.put(YO, find("[ёЁ]"));
    FEATURES.put(AND_JOIN, find("(?iu),[^,.;!?\\n]*\\s(и|and)\\s[^,.;!?\\n]*([.;!?\\n]|$)"));
    FEATURES.put(SIDES, SideWords::has);
  }

  private Registers() {}

  /** Whether {@code text} has the register {@code feature}, one of the constants here. */
  public static boolean has(String feature, String text) {
    return FEATURES.get(feature).test(text);
  }

  /** The features, in a fixed order. */
  public static Map<String, Predicate<String>> features() {
    return FEATURES;
  }

  private static Predicate<String> find(String regex) {
    Pattern p = Pattern.compile(regex, Pattern.DOTALL);
    return text -> p.matcher(text.strip()).find();
  }
}
