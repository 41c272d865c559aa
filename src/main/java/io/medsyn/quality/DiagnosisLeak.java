package io.medsyn.quality;

import io.medsyn.text.Stemmer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Whether a note gives its diagnosis away: its ICD code (also typed with Cyrillic look-alike letters, as Russian
 * notes often are: К29 for K29), or a large enough share of the distinctive words of one of the disease's names.
 * Words that only qualify a name (unspecified, acute, disease, kidney, ...) are not distinctive, and words of the
 * facts the note was asked to mention are no evidence: a note about I11 told "артериальная гипертензия в анамнезе"
 * may say so.
 */
final class DiagnosisLeak implements NoteCheck {
  static final RejectReason DIAGNOSIS_LEAK = new RejectReason("diagnosis_leak", "the ICD code or the disease's"
      + " name is in the note: a classifier trained on it would learn to cheat");
  static final NoteCheck.Kind KIND = new NoteCheck.Kind(List.of(DIAGNOSIS_LEAK),
      (config, stemmer) -> new DiagnosisLeak(stemmer, config.leakNameShare()));

  /**
   * @param score the largest share of one name's distinctive words found in the note
   * @param terms the code as written and the name stems found, when they leak
   */
  record Result(double score, boolean leak, List<String> terms) {}

  private static final Map<Character, String> LOOKALIKES = Map.ofEntries(Map.entry('A', "А"), Map.entry('B', "В"),
      Map.entry('C', "С"), Map.entry('E', "Е"), Map.entry('H', "Н"), Map.entry('I', "ІӀ"), Map.entry('K', "К"),
      Map.entry('M', "М"), Map.entry('O', "О"), Map.entry('P', "Р"), Map.entry('T', "Т"), Map.entry('X', "Х"),
      Map.entry('Y', "У"));
  /**
   * Words that qualify a name rather than name the disease: its course, certainty, cause being unknown
   * (essential, primary), classification, and the body part it is in (a kidney note says почки whatever the
   * kidney disease). "Инфекция верхних дыхательных путей" is named by инфекц and дыхательн.
   */
  private static final List<String> QUALIFIERS = List.of(
      "неуточненный", "неуточненная", "уточненный", "другой", "другие", "прочие", "первичный", "вторичный",
      "эссенциальный", "острый", "хронический", "болезнь", "заболевание", "состояние", "расстройство", "форма",
      "тип", "типа", "множественный", "локализации", "поражением", "преимущественным", "синдром", "вызванный",
      "связанный", "сочетании", "классифицированные", "рубриках", "верхних", "нижних", "внизу", "левой",
      "правой", "области", "отдела", "периферических",
      "голова", "шея", "спина", "грудь", "живот", "таз", "промежность", "сердце", "почка", "печень", "легкое",
      "желудок", "кишка", "кишечник", "кожа", "глаз", "ухо", "нос", "горло", "сустав", "позвоночник",
      "мочеточник", "мочевой", "пузырь", "матка", "яичник", "шейка", "железа", "нервной", "системы", "мозг",
      "сосуд", "вена", "артерия", "кость", "мышца", "конечности",
      "unspecified", "specified", "other", "primary", "secondary", "essential", "acute", "chronic", "disease",
      "disorder", "condition", "type", "multiple", "site", "sites", "due", "involvement", "predominantly",
      "syndrome", "classified", "elsewhere", "upper", "lower", "low", "left", "right", "region", "part",
      "peripheral",
      "head", "neck", "back", "chest", "abdomen", "abdominal", "pelvis", "pelvic", "heart", "kidney", "liver",
      "lung", "stomach", "bowel", "intestine", "skin", "eye", "ear", "nose", "throat", "joint", "spine",
      "ureter", "bladder", "uterus", "ovary", "cervix", "breast", "gland", "nervous", "system", "brain",
      "vessel", "vein", "artery", "bone", "muscle", "limb");
  private static final int MIN_STEM = 4;

  private final Stemmer stemmer;
  private final double nameShare;
  private final Set<String> qualifiers = new LinkedHashSet<>();
  private final Map<String, Pattern> codePatterns = new HashMap<>();

  DiagnosisLeak(Stemmer stemmer, double nameShare) {
    this.stemmer = stemmer;
    this.nameShare = nameShare;
    QUALIFIERS.forEach(word -> qualifiers.add(stemmer.stemNoun(word)));
  }

  @Override
  public StructType columns() {
    return new StructType().add("leak_score", DataTypes.DoubleType, true)
        .add("leak_terms", DataTypes.createArrayType(DataTypes.StringType, false), true);
  }

  @Override
  public void check(CheckedNote note, Verdict verdict) {
    Result leaked = find(note.text(), note.get("code"), note.names(), note.facts(), note.nounStems());
    verdict.put("leak_score", leaked.score());
    verdict.put("leak_terms", leaked.terms());
    verdict.rejectIf(leaked.leak(), DIAGNOSIS_LEAK);
  }

  /**
   * @param names the disease's and subcode's names in any language (nulls skipped)
   * @param facts the texts of the facts the note was asked to mention
   * @param note the note's words by {@link Stemmer#stemNoun}
   */
  Result find(String text, String code, List<String> names, List<String> facts, StemIndex note) {
    List<String> terms = new ArrayList<>();
    boolean codeFound = false;
    if (code != null && !code.isBlank()) {
      Matcher m = codePattern(code).matcher(text);
      if (m.find()) {
        codeFound = true;
        terms.add(m.group());
      }
    }
    List<String> factStems = new ArrayList<>();
    facts.forEach(fact -> factStems.addAll(stemmer.contentNounStems(fact)));
    StemIndex factIndex = new StemIndex(factStems, StemIndex.Tolerance.EXTENDED);
    double best = 0;
    List<String> bestTerms = List.of();
    for (String name : names) {
      if (name == null || name.isBlank()) {
        continue;
      }
      Set<String> distinctive = new LinkedHashSet<>();
      for (String stem : stemmer.contentNounStems(name)) {
        if (stem.length() >= MIN_STEM && !qualifiers.contains(stem)) {
          distinctive.add(stem);
        }
      }
      if (distinctive.isEmpty()) {
        continue;
      }
      // A word the note was asked to write is no evidence, but still part of the name: it counts as not found.
      List<String> found = distinctive.stream().filter(stem -> !factIndex.contains(stem) && note.contains(stem))
          .toList();
      double share = found.size() / (double) distinctive.size();
      if (share > best) {
        best = share;
        bestTerms = found;
      }
    }
    boolean nameFound = best >= nameShare - 1e-9;
    if (nameFound) {
      terms.addAll(bestTerms);
    }
    return new Result(best, codeFound || nameFound, terms);
  }

  /** I10 as a code of its own: also I10.9 and І10 (Cyrillic), not I100 or AI10. */
  private Pattern codePattern(String code) {
    return codePatterns.computeIfAbsent(code, c -> {
      StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
      for (char ch : c.toCharArray()) {
        String alike = LOOKALIKES.get(Character.toUpperCase(ch));
        regex.append(alike == null ? Pattern.quote(String.valueOf(ch)) : "[" + ch + alike + "]");
      }
      return Pattern.compile(regex.append("(?:\\.\\d+)?(?!\\d)").toString(),
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    });
  }
}
