package io.medsyn.llm.offline;

/** The bits of Russian grammar the composer needs: numeral agreement and the accusative after "на". */
final class Russian {
  private Russian() {}

  /** The noun form that agrees with {@code n}: 1 год, 2 года, 5 лет, 11 лет, 21 год. */
  static String plural(int n, String one, String few, String many) {
    int tens = n % 100;
    int units = n % 10;
    if (tens >= 11 && tens <= 14) {
      return many;
    }
    if (units == 1) {
      return one;
    }
    return units >= 2 && units <= 4 ? few : many;
  }

  static String years(int n) {
    return plural(n, "год", "года", "лет");
  }

  /**
   * A symptom phrase in the accusative, as after "жалобы на": the leading adjectives and the first noun of each
   * coordinated part change (головная боль -> головную боль, одышка при нагрузке -> одышку при нагрузке); the rest
   * of the phrase, which hangs off that noun, keeps its case. Only feminine forms change: masculine inanimate,
   * neuter and plural nouns have accusative = nominative. Stems stay, so a matcher still finds the symptom.
   */
  static String accusative(String phrase) {
    String[] words = phrase.split(" ", -1);
    boolean head = true;
    boolean afterHead = false;
    StringBuilder out = new StringBuilder(phrase.length() + 4);
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      int end = w.length();
      while (end > 0 && (w.charAt(end - 1) == ',' || w.charAt(end - 1) == ';')) {
        end--;
      }
      String core = w.substring(0, end);
      if (i > 0) {
        out.append(' ');
      }
      if (core.equals("и") || core.equals("или")) {
        // "тошнота и рвота": a second head; but not in "отсутствие аппетита и сна", where "и" joins modifiers.
        head = afterHead;
        afterHead = false;
        out.append(w);
        continue;
      }
      afterHead = false;
      if (!head || core.length() < 3 || !isLowerCyrillic(core) || core.endsWith("ся") || core.endsWith("сь")
          || neuterInIya(core)) {
        // Prepositions, abbreviations (АД, ЭКГ), numbers, verbs and participles (усиливаются, сопровождающиеся), a
        // neuter noun's genitive or plural (выделения, чихания, вздутия) and anything after the head noun keep their
        // case: the real notes' clauses bring such words to the head of an item.
        head = false;
      } else if (core.endsWith("ая") || core.endsWith("яя")) {
        core = core.substring(0, core.length() - 2) + (core.endsWith("ая") ? "ую" : "юю");
      } else {
        head = false;
        afterHead = true;
        if (core.endsWith("а")) {
          core = core.substring(0, core.length() - 1) + "у";
        } else if (core.endsWith("я") && !core.endsWith("мя")) {
          core = core.substring(0, core.length() - 1) + "ю";
        }
      }
      out.append(core).append(w, end, w.length());
      if (end < w.length()) {
        // A comma inside a symptom separates items: the next word heads its own phrase.
        head = true;
        afterHead = false;
      }
    }
    return out.toString();
  }

  /**
   * A neuter noun in -ние or -тие in the genitive or plural (выделения, головокружения, состояния, вздутия), not a
   * feminine noun in -ия (астения, гипотония, апатия): its accusative is not in -ию.
   */
  private static boolean neuterInIya(String w) {
    return w.endsWith("ания") || w.endsWith("яния") || w.endsWith("ения") && !w.endsWith("стения")
        || w.endsWith("ития") || w.endsWith("ытия") || w.endsWith("утия");
  }

  private static boolean isLowerCyrillic(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (!(c >= 'а' && c <= 'я' || c == 'ё' || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
