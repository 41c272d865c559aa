package io.medsyn.llm.offline;

import io.medsyn.style.Registers;
import io.medsyn.style.StyleModel;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * The surface habits of a note that the composer imitates: register, length class, case, punctuation and how
 * sloppy the typing is. Read from an example note, or drawn at random when there is none.
 *
 * @param words the length class: about how many words the example has
 * @param separator how list items are separated: ',' or ';', or '.' for one item per sentence
 * @param spaced whether a full stop inside the note is followed by a space
 * @param unspacedSeparators how often a list's comma or semicolon has no space after it
 * @param sloppiness 0 (clean) to 1: how often sentence starts are lowercase, spaces go missing, and letters swap
 * @param andJoin how often a list's last item is joined with "and" rather than the separator
 * @param spaceBeforeComma whether a comma follows a space ("слабость , кашель")
 * @param yo whether ё is written as such, not as е
 */
record StyleProfile(Register register, Length length, boolean lowercaseStart, char separator, boolean spaced,
    double unspacedSeparators, boolean finalPeriod, double sloppiness, double andJoin, boolean spaceBeforeComma,
    boolean yo) {
  /** "and" before a list's last item half the time, where nothing says how often a writer does it. */
  private static final double AND_JOIN_UNKNOWN = 0.5;

  /** Length classes by word count; the thresholds are RuMedTop3's lower and upper quartiles (10 and 28 words). */
  enum Length { SHORT, MEDIUM, LONG }

  private static final Pattern EN_COMPLAINTS = Pattern.compile("(?iu)^[^\\p{L}]*(the patient )?(complain|presents|"
      + "reports)");
  private static final Pattern EN_ELLIPTIC = Pattern.compile("(?iu)^[^\\p{L}]*c/o\\s");
  private static final Pattern EN_FIRST_PERSON = Pattern.compile("(^|[^\\p{L}])(I|I'm|I've|my|me)([^\\p{L}]|$)");
  private static final Pattern DASHES = Pattern.compile("^\\s*[-–—•]");

  /** The profile of a real note. */
  static StyleProfile of(String example, boolean russian) {
    String text = example.strip();
    Register register;
    if (DASHES.matcher(text).find()) {
      register = Register.DASHES;
    } else if ((russian ? Registers.RU_COMPLAINTS : EN_COMPLAINTS).matcher(text).find()) {
      register = Register.COMPLAINTS;
    } else if ((russian ? Registers.RU_ELLIPTIC : EN_ELLIPTIC).matcher(text).find()) {
      register = Register.ELLIPTIC;
    } else if ((russian ? Registers.RU_FIRST_PERSON : EN_FIRST_PERSON).matcher(text).find()) {
      register = Register.FIRST_PERSON;
    } else {
      register = Register.LIST;
    }
    int words = text.isEmpty() ? 0 : text.split("\\s+").length;
    Length length = words <= 10 ? Length.SHORT : words <= 28 ? Length.MEDIUM : Length.LONG;
    int firstLetter = firstLetter(text);
    boolean lowercase = firstLetter >= 0 && Character.isLowerCase(text.charAt(firstLetter));
    int commas = 0;
    int semicolons = 0;
    int innerPeriods = 0;
    int marks = 0;
    int unspaced = 0;
    int unspacedLists = 0;
    int glitches = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean last = i == text.length() - 1;
      if (c == ',' || c == ';' || c == '.' || c == ':') {
        boolean digits = i > 0 && !last && Character.isDigit(text.charAt(i - 1))
            && Character.isDigit(text.charAt(i + 1));
        if (digits || last) {
          continue;
        }
        marks++;
        char next = text.charAt(i + 1);
        if (Character.isLetter(next)) {
          unspaced++;
          unspacedLists += c == ',' || c == ';' ? 1 : 0;
        }
        if (c == ',') {
          commas++;
        } else if (c == ';') {
          semicolons++;
        } else if (c == '.') {
          innerPeriods++;
          // A sentence that starts lowercase after a full stop (not an abbreviation: a space must follow).
          int start = i + 1;
          while (start < text.length() && text.charAt(start) == ' ') {
            start++;
          }
          if (start > i + 1 && start < text.length() && Character.isLowerCase(text.charAt(start))) {
            glitches++;
          }
        }
      } else if (c == ' ' && !last && (text.charAt(i + 1) == ',' || text.charAt(i + 1) == '.')) {
        glitches++;
      } else if (c == ' ' && !last && text.charAt(i + 1) == ' ') {
        glitches++;
      }
    }
    char separator = semicolons > commas ? ';' : innerPeriods > commas + 1 ? '.' : ',';
    boolean spaced = marks == 0 || unspaced * 2 < marks;
    // A writer's commas go as the example's do; with none to go by, as its other marks.
    int lists = commas + semicolons;
    double unspacedSeparators = lists > 0 ? (double) unspacedLists / lists : spaced ? 0.0 : 1.0;
    double sloppiness = marks == 0 ? (lowercase ? 0.2 : 0.0)
        : Math.min(1.0, (unspaced + glitches + (lowercase ? 1.0 : 0.0)) / (marks + 1.0));
    boolean finalPeriod = text.endsWith(".") || text.endsWith("!");
    return new StyleProfile(register, length, lowercase, separator, spaced, unspacedSeparators, finalPeriod,
        sloppiness, Registers.has(Registers.AND_JOIN, text) ? 1.0 : 0.0,
        Registers.has(Registers.SPACE_BEFORE_COMMA, text), Registers.has(Registers.YO, text));
  }

  /**
   * A profile for a note without an example: mostly the doctor's tidy register, now and then something else, with
   * ё as the built-in graph writes it.
   */
  static StyleProfile random(SplittableRandom rng) {
    double r = rng.nextDouble();
    Register register = r < 0.5 ? Register.COMPLAINTS : r < 0.65 ? Register.LIST : r < 0.78 ? Register.ELLIPTIC
        : r < 0.9 ? Register.FIRST_PERSON : Register.DASHES;
    Length length = rng.nextDouble() < 0.65 ? Length.LONG : Length.MEDIUM;
    boolean lowercase = register == Register.ELLIPTIC || rng.nextDouble() < 0.1;
    char separator = rng.nextDouble() < 0.85 ? ',' : ';';
    double sloppiness = rng.nextDouble() < 0.15 ? 0.15 : 0.0;
    return new StyleProfile(register, length, lowercase, separator, true, sloppiness * 0.5, rng.nextDouble() < 0.9,
        sloppiness, AND_JOIN_UNKNOWN, false, true);
  }

  /** A profile drawn from a style model: each register as often as the user's real notes have it. */
  static StyleProfile drawn(StyleModel model, SplittableRandom rng) {
    double bullets = model.share(Registers.BULLETS);
    double complaints = model.share(Registers.COMPLAINTS);
    double elliptic = model.share(Registers.ELLIPTIC);
    double firstPerson = model.share(Registers.FIRST_PERSON);
    double r = rng.nextDouble();
    Register register = r < bullets ? Register.DASHES : r < bullets + complaints ? Register.COMPLAINTS
        : r < bullets + complaints + elliptic ? Register.ELLIPTIC
        : r < bullets + complaints + elliptic + firstPerson ? Register.FIRST_PERSON : Register.LIST;
    boolean lowercase = rng.nextDouble() < model.share(Registers.LOWERCASE);
    boolean oneSentence = rng.nextDouble() < model.share(Registers.ONE_SENTENCE);
    char separator = oneSentence || rng.nextDouble() < 0.85 ? ',' : rng.nextBoolean() ? ';' : '.';
    // Draft swaps letters in about 12 % of long words at sloppiness 1.
    double sloppiness = Math.min(1.0, model.typoRate() / 0.12);
    // A writer who leaves the space out after a comma does it at every comma.
    return new StyleProfile(register, Length.MEDIUM, lowercase, separator, rng.nextDouble() >= sloppiness * 0.3,
        rng.nextDouble() < model.share(Registers.UNSPACED_COMMA) ? 1.0 : 0.0,
        rng.nextDouble() < model.share(Registers.FINAL_PERIOD), sloppiness, model.share(Registers.AND_JOIN),
        rng.nextDouble() < model.share(Registers.SPACE_BEFORE_COMMA), rng.nextDouble() < model.share(Registers.YO));
  }

  private static int firstLetter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetter(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
