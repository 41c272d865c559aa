package io.medsyn.style;

import io.medsyn.text.Stemmer;
import io.medsyn.text.Words;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pieces of a note the style model counts: sentences, the tokens of a sentence (words, numbers, placeholders
 * such as *ДАТА*, shorthand such as н/в), its 2- to 4-word phrases, and which tokens are shorthand.
 *
 * <p>Not {@link Words}' cut, because style lives in what that one drops: a number keeps its point or slash (38.5,
 * 120/80), a placeholder its stars, shorthand its case and slash (АД, н/в), and digits part from letters (5мг is 5
 * and мг). A word is folded as {@link Words} folds it.
 */
public final class Tokens {
  static final int MIN_PHRASE = 2;
  static final int MAX_PHRASE = 4;
  static final int MAX_FILLER_WORDS = 6;
  /** A code clause needs a word this long: "5 мм" or "м эхо 4" say nothing without the sentence they came from. */
  static final int MIN_CLAUSE_WORD = 4;
  private static final Set<String> CONJUNCTIONS = Set.of("и", "а", "но", "или");
  /**
   * Words that deny what they stand beside ("ознобов нет", "одышка не беспокоит", "температура в норме"). "без"
   * is not one: it denies another thing ("головная боль без тошноты").
   */
  static final Set<String> NEGATIONS = Set.of("нет", "не", "ни", "отрицает", "норме", "норма", "нормальная",
      "нормальный", "нормальное");
  /**
   * Endings no word that opens a clause of its own has: plural instrumental, adjectives' genitive, dative and
   * instrumental, their plural genitive and prepositional ("коленных суставах" of "в плечевых, коленных суставах")
   * and -ном ("поясничном отделе"), and -ью. Not -ой, -ом or -ем alone, which nominatives also have (сухой, симптом,
   * подъем): see {@link #OBLIQUE_PAIR}.
   */
  private static final List<String> CLAUSE_OBLIQUE_ENDINGS = List.of("ами", "ями", "ого", "его", "ому", "ему", "ыми",
      "ими", "ых", "их", "ном", "ью");
  /**
   * An adjective in -ой or -ей before a noun in -и or -е: the feminine's genitive, dative or prepositional
   * ("затылочной области", "физической нагрузке", "разной локализации"), which no nominative pair has ("сухой
   * кашель").
   */
  private static final Pattern OBLIQUE_PAIR = Pattern.compile("\\p{L}{3,}(?:ой|ей) \\p{L}+[ие]");
  /** After a participle, a noun in the instrumental or prepositional ("сопровождающиеся тошнотой", "рвотой"). */
  private static final Pattern AFTER_PARTICIPLE = Pattern.compile("\\p{L}{3,}(?:ой|ей|ом|ем|ии)");
  /** An active participle: отдающая, сопровождающиеся, усиливающийся, проходящие, появившаяся. */
  private static final Pattern PARTICIPLE = Pattern.compile(
      "\\p{L}+(?:ющ|ящ|ащ|вш)(?:ая|ее|ие|ий|ую|аяся|ееся|иеся|ийся)");

  /**
   * A placeholder, a word (a compound with its hyphens, "пояснично-крестцовом", so that no phrase keeps its first
   * part alone, and shorthand with a slash, "н/в") or a number (a range with its hyphen, "4-5": as two tokens a
   * phrase would write it "4 5").
   */
  private static final Pattern TOKEN = Pattern.compile(
      "\\*[^*\\s]{1,20}\\*|\\p{L}+(?:-\\p{L}+)*(?:/\\p{L}+)?|\\d+(?:[.,/:-]\\d+)*");
  /**
   * A sentence's end that states a result for every item before it: "Стул, диурез в норме", "Мазок, цитология -
   * без патологии".
   */
  private static final Pattern SHARED_RESULT = Pattern.compile("(?iu)(?:норм[аеыу]|без патологии|без особенностей"
      + "|не нарушен[аоы]?|не изменен[аоы]?|отрицательн\\p{L}*|положительн\\p{L}*)\\W*$");
  /** A comma with no digit on one side or the other: not the decimal comma of 38,5. */
  private static final Pattern CLAUSE_COMMA = Pattern.compile("(?<!\\d),|,(?!\\d)");
  /**
   * A full stop, a line end, a semicolon, or a dash between spaces (dashed items: "- кашель - насморк"), except a
   * dash before a test's result ("Тест на ХГЧ - отрицательный", "ОАК - норма"), which would leave the result as a
   * sentence of its own: "Отрицательный." read as a filler sentence.
   */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?\\n]+(?:\\s+|$)|\\s+[-–—•]\\s+(?!(?iu:"
      + "отрицательн|положительн|норм[аеыу]|нет\\s*(?:[.,;!?\\n]|$)|без патологии|без особенностей|не выявлен"
      + "|не обнаружен))|;");
  /**
   * A point after a lower-case consonant with a lower-case word after it on the same line ends an abbreviation
   * ("иррад. в ногу", "поясн. отд. позвон."), not a sentence: 13 % of RuMedTop3's notes write one. A sentence that
   * ends on a vowel, ь or й and goes on in lower case ("при ходьбе. слева") still ends there.
   */
  private static final Pattern ABBREVIATION_POINT = Pattern.compile("(?<=[бвгджзклмнпрстфхцчшщ])\\.(?=[ \\t]+\\p{Ll})");
  /** A de-identification placeholder: *ДАТА*, *ГОРОД*. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\*[^*\\s]+\\*");
  /** A placeholder (*ДАТА*), an upper-case abbreviation of 2-5 letters (АД, ОАК, ВАШ), or a slashed one (н/в). */
  private static final Pattern SHORTHAND = Pattern.compile(PLACEHOLDER.pattern()
      + "|\\p{Lu}{2,5}|\\p{L}{1,3}/\\p{L}{1,3}");

  /** A token as {@link #of} gives it, and where it stands in the text (start inclusive, end exclusive). */
  record Token(String text, int start, int end) {}

  private Tokens() {}

  /** The text's tokens; words lower-cased except shorthand, which keeps its case. */
  public static List<String> of(String text) {
    List<String> tokens = new ArrayList<>();
    for (Token t : located(text)) {
      tokens.add(t.text());
    }
    return tokens;
  }

  /** The text's tokens as {@link #of} gives them, each with its place in the text, for writing into it. */
  static List<Token> located(String text) {
    List<Token> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String t = m.group();
      tokens.add(new Token(isShorthand(t) ? t : Words.fold(t), m.start(), m.end()));
    }
    return tokens;
  }

  /** Whether a token is a de-identification placeholder (*ДАТА*). */
  public static boolean isPlaceholder(String token) {
    return PLACEHOLDER.matcher(token).matches();
  }

  public static boolean isShorthand(String token) {
    return SHORTHAND.matcher(token).matches();
  }

  /** The note's sentences (and dashed items), stripped, without their closing marks. */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String s : SENTENCE_END.split(ABBREVIATION_POINT.matcher(text.strip()).replaceAll(""))) {
      String t = s.strip();
      if (t.startsWith("-") || t.startsWith("–")) {
        t = t.substring(1).strip();
      }
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /** The distinct 2- to 4-token phrases of a note, none crossing a sentence or a comma; a phrase needs a word. */
  static Set<String> phrases(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String clause : clauseTexts(text)) {
      List<String> tokens = of(clause);
      for (int n = MIN_PHRASE; n <= MAX_PHRASE; n++) {
        for (int i = 0; i + n <= tokens.size(); i++) {
          List<String> gram = tokens.subList(i, i + n);
          if (gram.stream().anyMatch(t -> Character.isLetter(t.charAt(0)))) {
            out.add(String.join(" ", gram));
          }
        }
      }
    }
    return out;
  }

  /**
   * The last two tokens of each of the note's clauses of two tokens or more, as a phrase of {@link #phrases}: where a
   * clause ends shows which phrases a note may end a list item on ("боли в покое") and which it never ends on, as
   * "с обильным" of "насморк с обильным отделяемым" (see {@link Dangling}).
   */
  static Set<String> clauseEnds(String text) {
    return bigrams(clauseTexts(text), false);
  }

  /**
   * The first two tokens of each of the note's clauses of two tokens or more: which phrases open a clause
   * ("повышение АД") and which never do, as "цифр АД" of "на фоне повышения цифр АД" (see {@link Lexicon#carrier}).
   */
  static Set<String> clauseStarts(String text) {
    return bigrams(clauseTexts(text), true);
  }

  /**
   * The first two tokens of each of the note's sentences whose first clause has two tokens or more: beside
   * {@link #clauseStarts}, which openings stand alone ("боли в") and which go on from the clause before them, as "с
   * иррадиацией" of "боль в пояснице, с иррадиацией в ногу" does (see {@link Lexicon#codeClause}).
   */
  static Set<String> sentenceStarts(String text) {
    List<String> firsts = new ArrayList<>();
    for (List<String> clauses : clausesBySentence(text)) {
      // A sentence of commas alone has no clause.
      if (!clauses.isEmpty()) {
        firsts.add(clauses.get(0));
      }
    }
    return bigrams(firsts, true);
  }

  /** The first (or last) two tokens of each clause of two tokens or more. */
  private static Set<String> bigrams(List<String> clauses, boolean first) {
    Set<String> out = new LinkedHashSet<>();
    for (String clause : clauses) {
      List<String> tokens = of(clause);
      if (tokens.size() >= 2) {
        out.add(pairAt(tokens, first ? 0 : tokens.size() - 2));
      }
    }
    return out;
  }

  /**
   * The two tokens from {@code at} as one phrase, the key under which the style model counts where a 2-word phrase
   * starts or ends a clause or a sentence.
   */
  static String pairAt(List<String> tokens, int at) {
    return tokens.get(at) + " " + tokens.get(at + 1);
  }

  /**
   * The note's clauses: its sentences cut at each comma that is not a decimal one (38,5). A comma parts two items of
   * a list, so a phrase across it ("мочеиспускание, боли") is no wording of anything.
   */
  static List<String> clauseTexts(String text) {
    List<String> out = new ArrayList<>();
    for (List<String> clauses : clausesBySentence(text)) {
      out.addAll(clauses);
    }
    return out;
  }

  /** The clauses of {@link #clauseTexts}, sentence by sentence, for what depends on a clause's place in it. */
  private static List<List<String>> clausesBySentence(String text) {
    List<List<String>> out = new ArrayList<>();
    for (String sentence : sentences(text)) {
      out.add(List.of(CLAUSE_COMMA.split(sentence)));
    }
    return out;
  }

  /** The note's short sentences (1 to 6 tokens) in normal form, candidates for filler sentences. */
  static Set<String> shortSentences(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String sentence : sentences(text)) {
      addShort(out, of(sentence));
    }
    return out;
  }

  /** Adds the tokens in normal form when they are 1 to {@link #MAX_FILLER_WORDS} of them and {@link #whole}. */
  private static void addShort(Set<String> out, List<String> tokens) {
    if (tokens.size() <= MAX_FILLER_WORDS && whole(tokens)) {
      out.add(String.join(" ", tokens));
    }
  }

  /**
   * Whether the tokens can stand alone: not cut from a longer passage, which shows as a preposition or conjunction
   * at the end ("ОАК от", "РДВ цервикального канала и") or a conjunction at the start ("и палочка"), and not a
   * placeholder with only prepositions beside it ("В *ДАТА*", cut from "В *ДАТА*. головокружение"): learned from
   * 20 real notes, such a sentence stood alone in 10 % of a run's notes.
   */
  static boolean whole(List<String> tokens) {
    return !tokens.isEmpty() && !Stemmer.isStopword(tokens.get(tokens.size() - 1))
        && !CONJUNCTIONS.contains(tokens.get(0)) && tokens.stream().anyMatch(Tokens::saysSomething);
  }

  private static boolean saysSomething(String token) {
    return !Stemmer.isStopword(token) && !isPlaceholder(token);
  }

  /**
   * The note's clauses (1 to 6 tokens between commas or sentence ends) in normal form, each once. Not a lab grade
   * ("палочка+++"), nor one word of a list whose result comes at its end ("стул" of "Стул, диурез в норме"): alone,
   * each reads as a fragment.
   */
  static Set<String> clauses(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (List<String> clauses : clausesBySentence(text)) {
      int last = clauses.size() - 1;
      boolean sharedResult = last > 0 && SHARED_RESULT.matcher(clauses.get(last)).find();
      for (int i = 0; i <= last; i++) {
        List<String> tokens = of(clauses.get(i));
        // A clause of numbers and units alone ("38.5", "5 мм") says nothing a code owns.
        if (tokens.stream().anyMatch(t -> t.length() >= MIN_CLAUSE_WORD && Character.isLetter(t.charAt(0))
            && !isShorthand(t)) && !hangsOff(tokens) && clauses.get(i).indexOf('+') < 0
            && !(sharedResult && i < last && tokens.size() == 1)) {
          addShort(out, tokens);
        }
      }
    }
    return out;
  }

  /**
   * Whether a clause hangs off the one before it and reads as a fragment alone: it starts on a word in an oblique
   * case ("поворотах головы" of "при наклонах, поворотах головы"; "сковывающего характера"), or on such a pair
   * ({@link #OBLIQUE_PAIR}) without a negation, whose genitive is its own ("утренней скованности нет"), or on a
   * participle followed by a function word or such a word ("отдающая в ногу", "сопровождающиеся тошнотой").
   */
  static boolean hangsOff(List<String> tokens) {
    String first = tokens.isEmpty() ? "" : tokens.get(0);
    if (oblique(first) || tokens.size() > 1 && OBLIQUE_PAIR.matcher(first + " " + tokens.get(1)).matches()
        && tokens.stream().noneMatch(NEGATIONS::contains)) {
      return true;
    }
    return tokens.size() > 1 && PARTICIPLE.matcher(first).matches()
        && (Stemmer.isStopword(tokens.get(1)) || oblique(tokens.get(1)) || AFTER_PARTICIPLE.matcher(tokens.get(1))
        .matches());
  }

  private static boolean oblique(String word) {
    // Short words are words of their own ("ими", "ему", "страх").
    return word.length() > 5 && (word.endsWith("ах") || word.endsWith("ях"))
        || word.length() >= 5 && endsWithAny(word, CLAUSE_OBLIQUE_ENDINGS);
  }

  /** Whether the word ends with one of the endings. */
  static boolean endsWithAny(String word, List<String> endings) {
    for (String ending : endings) {
      if (word.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }

  /** The shorthand tokens a note uses, each once. */
  public static Set<String> shorthand(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : of(text)) {
      if (isShorthand(t)) {
        out.add(t);
      }
    }
    return out;
  }
}
