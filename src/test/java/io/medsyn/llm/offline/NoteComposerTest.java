package io.medsyn.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.medsyn.llm.NoteTask;
import io.medsyn.sample.Fact;
import io.medsyn.style.Registers;
import io.medsyn.style.StyleModel;
import io.medsyn.style.StyleModelFixture;
import io.medsyn.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NoteComposerTest {
  private static final NoteComposer COMPOSER = new NoteComposer();
  private static final StyleModel.Sides NO_SIDES = new StyleModel.Sides(Map.of(), 0.0);
  /** Symptoms as the built-in graph writes them: adjective + noun, plural, coordinated, with abbreviations. */
  private static final List<Fact> SYMPTOMS = List.of(
      new Fact("s01", "головная боль", "headache", 0.7),
      new Fact("s02", "тяжесть в затылке", "heaviness in the back of the head", 0.6),
      new Fact("s03", "мелькание мушек перед глазами", "spots before the eyes", 0.4),
      new Fact("s04", "тошнота и рвота", "nausea and vomiting", 0.3),
      new Fact("s05", "одышка при физической нагрузке", "shortness of breath on exertion", 0.6),
      new Fact("s06", "повышенная утомляемость", "fatigue", 0.4),
      new Fact("s07", "учащённое сердцебиение", "palpitations", 0.3),
      new Fact("s08", "боли в коленных суставах", "knee pain", 0.5),
      new Fact("s09", "утренняя скованность", "morning stiffness", 0.4),
      new Fact("s10", "кашель с мокротой", "cough with sputum", 0.6),
      new Fact("s11", "повышение температуры тела до 38 °C", "fever up to 38 °C", 0.5),
      new Fact("s12", "изжога", "heartburn", 0.5),
      new Fact("s13", "отсутствие аппетита и сна", "no appetite or sleep", 0.2),
      new Fact("s14", "ноющая боль в области сердца", "aching pain in the heart area", 0.3),
      new Fact("s15", "частые позывы к мочеиспусканию", "frequent urge to urinate", 0.4),
      new Fact("s16", "шум в ушах", "tinnitus", 0.3),
      new Fact("s17", "общая слабость", "general weakness", 0.5),
      new Fact("s18", "зуд кожи", "itchy skin", 0.3),
      new Fact("s19", "отёки на ногах", "swollen legs", 0.3),
      new Fact("s20", "сухость во рту", "dry mouth", 0.3));
  private static final List<Fact> ANAMNESIS = List.of(
      new Fact("a1", "повышенные цифры АД отмечает в течение нескольких лет",
          "has noticed raised blood pressure readings for several years", 0.7),
      new Fact("a2", "курит", "current smoker", 0.3),
      new Fact("a3", "эссенциальная гипертензия у матери", "mother has essential hypertension", 0.4));
  private static final List<Fact> FINDINGS = List.of(
      new Fact("f1", "АД 162/98 мм рт. ст.", "BP 162/98 mmHg", 0.8),
      new Fact("f2", "ЭКГ: признаки гипертрофии левого желудочка", "ECG: signs of left ventricular hypertrophy",
          0.4));

  private static NoteTask task(long id, String language, List<Fact> symptoms, String example) {
    return new NoteTask(id, 20240802, "I10", "I10.9", "Эссенциальная гипертензия", "Essential hypertension",
        "Эссенциальная гипертензия неуточнённая", "Essential hypertension, unspecified", id % 2 == 0 ? "female"
        : "male", 40 + (int) (id % 41), symptoms, ANAMNESIS, FINDINGS, example, language,
        example == null ? "symptoms" : "example");
  }

  /** The length of the longest run of words both texts contain. */
  private static int longestSharedRun(String a, String b) {
    List<String> x = io.medsyn.text.Words.of(a);
    List<String> y = io.medsyn.text.Words.of(b);
    int best = 0;
    int[] previous = new int[y.size() + 1];
    for (int i = 1; i <= x.size(); i++) {
      int[] current = new int[y.size() + 1];
      for (int j = 1; j <= y.size(); j++) {
        if (x.get(i - 1).equals(y.get(j - 1))) {
          current[j] = previous[j - 1] + 1;
          best = Math.max(best, current[j]);
        }
      }
      previous = current;
    }
    return best;
  }

  @Test
  void pinnedNotes() {
    List<Fact> three = SYMPTOMS.subList(0, 3);
    assertThat(List.of(
        COMPOSER.compose(task(1, "ru", three, null)),
        COMPOSER.compose(task(2, "ru", three, null)),
        COMPOSER.compose(task(3, "en", three, null)),
        COMPOSER.compose(task(4, "ru", three, "на повышение АД")),
        COMPOSER.compose(task(5, "ru", three,
            "- тремор пальцев рук - учащенное сердцебиение, одышка при нагрузке - снижение веса")),
        COMPOSER.compose(task(6, "en", three, "c/o cough and sore throat, worse at night")))).containsExactly(
        "Беспокоят головная боль и тяжесть в затылке. также мелькание мушек перед глазами. Беспокоит меня в течение"
            + " месяца. дополнительно: повышенные цифры АД отмечает в течение нескольких лет. По обследованию: АД"
            + " 162/98 мм рт. ст.",
        "При обращении жалобы на мелькание мушек перед глазами,тяжесть в затылке, головную боль. Жалобы беспокоят"
            + " со вчерашнего дня. Динамика без улучшения. В анамнезе: повышенные цифры АД отмечает в течение"
            + " нескольких лет; курит. Объективно: АД 162/98 мм рт. ст. и ЭКГ: признаки гипертрофии левого"
            + " желудочка",
        "- Headache - Heaviness in the back of the head - At times spots before the eyes - Onset the day before"
            + " yesterday - From the history: has noticed raised blood pressure readings for several years; current"
            + " smoker - Tests: BP 162/98 mmHg, ECG: signs of left ventricular hypertrophy - Has not seen a doctor"
            + " about this before.",
        // The anamnesis fact "эссенциальная гипертензия у матери" names the disease: never written.
        // Neither example ends a list with "and", so neither note does.
        "на головную боль, тяжесть в затылке, мелькание мушек перед глазами. Ухудшение состояния 2 недели назад",
        "- мелькание мушек перед глазами - головная боль - тяжесть в затылке - болен 10 дней - в анамнезе:"
            + " повышенные цифры АД отмечает в течение нескольких лет - объективно: АД 162/98 мм рт. ст",
        "c/o spots before the eyes, heaviness in the back of the head, headache. Complaints persist for 11 days");
  }

  @Test
  void sameTaskSameNoteAndOtherTasksOtherNotes() {
    Set<String> notes = new HashSet<>();
    for (long id = 0; id < 200; id++) {
      NoteTask t = task(id, "ru", SYMPTOMS.subList(0, 4), null);
      String note = COMPOSER.compose(t);
      assertThat(new NoteComposer().compose(t)).isEqualTo(note);
      notes.add(note);
    }
    assertThat(notes).hasSizeGreaterThan(195);
  }

  @Test
  void everySymptomIsThereAndNothingNamesTheDiagnosis() throws IOException {
    List<String> examples = realNotes(400);
    SplittableRandom rng = new SplittableRandom(11);
    int checked = 0;
    for (long id = 0; id < 4000; id++) {
      String language = id % 2 == 0 ? "ru" : "en";
      List<Fact> symptoms = draw(rng, 1 + rng.nextInt(6));
      String example = id % 3 == 0 ? null : examples.get(rng.nextInt(examples.size()));
      NoteTask t = task(id, language, symptoms, example);
      String note = COMPOSER.compose(t);
      for (Fact s : symptoms) {
        String symptom = language.equals("ru") ? s.ru() : s.en();
        assertThat(mentions(note, symptom)).as("'%s' in %s", symptom, note).isTrue();
      }
      String lower = note.toLowerCase(Locale.ROOT);
      assertThat(lower).as(note).doesNotContain("гипертензи").doesNotContain("hypertension");
      assertThat(note).as(note).doesNotContain("I10");
      checked++;
    }
    assertThat(checked).isEqualTo(4000);
  }

  @Test
  void followsTheExampleWithoutCopyingSixWords() throws IOException {
    List<String> examples = realNotes(1500);
    int longest = 0;
    for (int i = 0; i < examples.size(); i++) {
      String note = COMPOSER.compose(task(i, "ru", SYMPTOMS.subList(i % 15, i % 15 + 3), examples.get(i)));
      longest = Math.max(longest, longestSharedRun(note, examples.get(i)));
      assertThat(longestSharedRun(note, examples.get(i))).as("%s%nfrom%n%s", note, examples.get(i))
          .isLessThan(NoteComposer.COPY_RUN);
    }
    assertThat(longest).as("the check above can fail: notes do share shorter runs").isGreaterThanOrEqualTo(3);
  }

  @Test
  void styleComesFromTheExample() {
    List<Fact> two = List.of(SYMPTOMS.get(0), SYMPTOMS.get(15));
    for (long id = 0; id < 40; id++) {
      String elliptic = COMPOSER.compose(task(id, "ru", two, "на повышение АД, головокружение"));
      assertThat(elliptic).as(elliptic).startsWith("на ").doesNotEndWith(".").contains("головную боль");
      String dashes = COMPOSER.compose(task(id, "ru", two, "- тремор пальцев рук - снижение веса - потливость"));
      assertThat(dashes).as(dashes).startsWith("- ").contains(" - ");
      String doctor = COMPOSER.compose(task(id, "ru", two, "Жалобы на боли в горле в течение нескольких дней, "
          + "слабость, недомогание, потливость."));
      assertThat(doctor).as(doctor).matches("(Жалобы|Предъявляет|Обратил|При обращении|Беспокоят).*\\.");
      String english = COMPOSER.compose(task(id, "en", two, "c/o cough, sore throat"));
      assertThat(english).as(english).startsWith("c/o ");
    }
    // Without an example most notes are tidy; after an example without spaces after punctuation, none is.
    Pattern unspaced = Pattern.compile("[,.]\\p{L}");
    int tidy = 0;
    int sloppy = 0;
    for (long id = 0; id < 200; id++) {
      tidy += unspaced.matcher(COMPOSER.compose(task(id, "ru", SYMPTOMS.subList(0, 5), null))).find() ? 0 : 1;
      sloppy += unspaced.matcher(COMPOSER.compose(task(id, "ru", SYMPTOMS.subList(0, 5), "Заложенность носа,"
          + "чихание.Чувство песка в глазах,отделяемое из носа.Эпизод отека Квинке."))).find() ? 1 : 0;
    }
    assertThat(tidy).isGreaterThan(150);
    assertThat(sloppy).isEqualTo(200);
  }

  @Test
  void aFactAboutComplaintsIsASentenceOfItsOwnNotAnItemAfterALead() {
    // The built-in graph gives Z00 "жалоб активно не предъявляет" as a symptom; after "Жалобы на" it read "Жалобы на
    // жалоб активно не предъявляет".
    List<Fact> none = List.of(new Fact("s1", "жалоб активно не предъявляет", "no active complaints", 0.8),
        SYMPTOMS.get(16));
    for (long id = 0; id < 40; id++) {
      for (String example : new String[] {"Жалобы на боли в горле, слабость, недомогание.", "на повышение АД",
          null}) {
        String note = COMPOSER.compose(task(id, "ru", none, example));
        assertThat(note).as(note).containsIgnoringCase("жалоб активно не предъявляет")
            .doesNotContainPattern("(?iu)(на|жалобами|беспокоят:?|беспокоит)\\s+жалоб");
      }
      String english = COMPOSER.compose(task(id, "en", none, "Complains of cough and sore throat."));
      assertThat(english).as(english).doesNotContainPattern("(?i)(of|with)\\s+no active complaints");
    }
  }

  @Test
  void notesWithoutAnExampleVaryInTheirOpenings() {
    Set<String> openings = new HashSet<>();
    for (long id = 0; id < 300; id++) {
      String note = COMPOSER.compose(task(id, "ru", SYMPTOMS.subList(4, 8), null));
      openings.add(note.split(" ")[0].toLowerCase(Locale.ROOT));
    }
    assertThat(openings).hasSizeGreaterThanOrEqualTo(10);
  }

  @Test
  void russianAccusativeAfterZhalobyNa() {
    assertThat(Russian.accusative("головная боль")).isEqualTo("головную боль");
    assertThat(Russian.accusative("одышка при физической нагрузке")).isEqualTo("одышку при физической нагрузке");
    assertThat(Russian.accusative("тошнота и рвота")).isEqualTo("тошноту и рвоту");
    assertThat(Russian.accusative("отсутствие аппетита и сна")).isEqualTo("отсутствие аппетита и сна");
    assertThat(Russian.accusative("ноющая боль в области сердца")).isEqualTo("ноющую боль в области сердца");
    assertThat(Russian.accusative("АД до 160/100")).isEqualTo("АД до 160/100");
    assertThat(Russian.accusative("боли в суставах")).isEqualTo("боли в суставах");
    assertThat(Russian.accusative("тяжесть в затылке")).isEqualTo("тяжесть в затылке");
    assertThat(Russian.accusative("аллергия")).isEqualTo("аллергию");
    // Clauses of the real notes put other words at an item's head: verbs, participles, neuter nouns in -ния/-тия.
    for (String kept : new String[] {"выделения из влагалища", "чихания", "улучшения не отмечает",
        "усиливаются при движениях", "сопровождающиеся тошнотой", "вздутия живота", "состояния нет"}) {
      assertThat(Russian.accusative(kept)).isEqualTo(kept);
    }
    assertThat(Russian.accusative("астения")).isEqualTo("астению");
    assertThat(Russian.accusative("гипотония")).isEqualTo("гипотонию");
    assertThat(Russian.accusative("апатия")).isEqualTo("апатию");
    assertThat(Russian.years(1) + Russian.years(3) + Russian.years(11) + Russian.years(22) + Russian.years(45))
        .isEqualTo("годгодалетгодалет");
  }

  /**
   * Whether a note mentions a symptom the way a matcher with stemming would find it: the symptom's words in order,
   * each allowed a changed ending of up to three letters, ё read as е (a note writes ё as its writer does).
   */
  static boolean mentions(String note, String symptom) {
    StringBuilder regex = new StringBuilder("(?iu)");
    String[] words = yoAsYe(symptom).split(" ");
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      boolean word = w.chars().allMatch(Character::isLetter);
      regex.append(i == 0 ? "" : "\\s+");
      if (word && w.length() > 4) {
        regex.append(Pattern.quote(w.substring(0, w.length() - 2))).append("\\p{L}{0,3}");
      } else {
        regex.append(Pattern.quote(w));
      }
    }
    return Pattern.compile(regex.toString()).matcher(yoAsYe(note)).find();
  }

  private static String yoAsYe(String text) {
    return text.replace('ё', 'е').replace('Ё', 'Е');
  }

  private static List<Fact> draw(SplittableRandom rng, int k) {
    List<Fact> pool = new ArrayList<>(SYMPTOMS);
    List<Fact> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      out.add(pool.remove(rng.nextInt(pool.size())));
    }
    return out;
  }

  /** The first {@code n} notes of RuMedTop3's training split. */
  private static List<String> realNotes(int n) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> notes = new ArrayList<>();
    for (String line : Files.readAllLines(SharedData.rumedTrain())) {
      if (notes.size() == n) {
        break;
      }
      notes.add(json.readTree(line).get("symptoms").asText());
    }
    return notes;
  }

  @Test
  void aStyleModelPutsTheUsersWordingOfASymptomIntoEveryNote() {
    StyleModel style = StyleModelFixture.notesOf(80).phrases(Map.of("сухость во рту по утрам", 6L)).build();
    NoteComposer styled = new NoteComposer(style);
    for (long id = 0; id < 20; id++) {
      String note = styled.compose(task(id, "ru", List.of(SYMPTOMS.get(19), SYMPTOMS.get(11)), null));
      assertThat(note.toLowerCase(Locale.ROOT)).contains("сухость во рту по утрам").contains("изжог")
          .doesNotContain("Анамнез").doesNotContain("Объективно");
    }
  }

  @Test
  void aCodesOwnClausesFillTheNoteToItsLengthButNeverNameTheDiagnosis() {
    Map<String, Long> i10 = StyleModelFixture.counts("давление до 160", 9L, "шум в ушах", 6L, "гипертензия", 12L);
    StyleModel style = StyleModelFixture.notesOf(200).codeClauses(Map.of("I10", i10, "J06",
        Map.of("боль в горле", 7L))).build();
    NoteComposer styled = new NoteComposer(style);
    int withClause = 0;
    for (long id = 0; id < 20; id++) {
      String note = styled.compose(task(id, "ru", List.of(SYMPTOMS.get(19)), null)).toLowerCase(Locale.ROOT);
      // "гипертензия" names the diagnosis; J06's clause belongs to another code.
      assertThat(note).doesNotContain("гипертензи").doesNotContain("боль в горле");
      withClause += note.contains("давление до 160") && note.contains("шум в ушах") ? 1 : 0;
    }
    // A 200-character target leaves room for both of I10's clauses beside one symptom in every note.
    assertThat(withClause).isEqualTo(20);
  }

  @Test
  void aCodesClauseNeverSaysAgainWhatTheNoteSaysNorSpeaksOfComplaints() {
    Map<String, Long> i10 = StyleModelFixture.counts("сухость во рту по ночам", 9L, "жалобы на момент осмотра нет", 20L,
        "давление до 160", 6L);
    NoteComposer styled = new NoteComposer(StyleModelFixture.notesOf(200).codeClauses(Map.of("I10", i10)).build());
    for (long id = 0; id < 20; id++) {
      String note = styled.compose(task(id, "ru", List.of(SYMPTOMS.get(19)), null)).toLowerCase(Locale.ROOT);
      assertThat(note).contains("сухость во рту").contains("давление до 160").doesNotContain("по ночам")
          .doesNotContain("жалоб");
    }
  }

  @Test
  void aFillerNeverGainsaysTheComplaints() {
    // Every real note of the model has a filler; the first two are written alone in real notes, never beside a fever.
    Map<String, Long> fillers = StyleModelFixture.counts("Жалоб нет", 9L, "Температура в норме", 8L,
        "Пришла на прием", 5L);
    StyleModel style = StyleModelFixture.notesOf(200).fillers(fillers).fillerShare(1.0).build();
    NoteComposer styled = new NoteComposer(style);
    for (long id = 0; id < 20; id++) {
      String note = styled.compose(task(id, "ru", List.of(SYMPTOMS.get(10)), null)).toLowerCase(Locale.ROOT);
      assertThat(note).contains("пришла на прием").doesNotContain("жалоб нет").doesNotContain("в норме");
    }
  }

  @Test
  void aNoteWritesOnlyShorthandItsCodesNotesUse() {
    // Every note of the model has ОМТ and АД; I10's ten notes all have АД and none ОМТ (pelvic ultrasound).
    StyleModelFixture style = StyleModelFixture.notesOf(80).shorthand(Map.of("ОМТ", 1.0, "АД", 1.0))
        .shorthandSentences(Map.of("УЗИ ОМТ без патологии", 9L, "АД 130/80", 8L));
    NoteComposer everywhere = new NoteComposer(style.build());
    NoteComposer byCode = new NoteComposer(style.codeShorthand(Map.of("I10",
        new StyleModel.CodeShorthand(10, Map.of("АД", 10L)))).build());
    for (long id = 0; id < 20; id++) {
      NoteTask task = task(id, "ru", List.of(SYMPTOMS.get(19)), null);
      assertThat(everywhere.compose(task)).contains("УЗИ ОМТ без патологии").contains("АД 130/80");
      assertThat(byCode.compose(task)).doesNotContain("ОМТ").contains("АД 130/80");
    }
  }

  @Test
  void aNoteGivesItsPainScoreOnce() {
    // I10's notes write two pain scores as clauses, and every note of the model has a ВАШ sentence.
    Map<String, Long> i10 = StyleModelFixture.counts("по ВАШ 7 баллов", 9L, "по ВАШ 5 баллов", 8L);
    StyleModel style = StyleModelFixture.notesOf(200).shorthand(Map.of("ВАШ", 1.0))
        .shorthandSentences(Map.of("ВАШ 6 баллов", 9L)).codeClauses(Map.of("I10", i10)).build();
    NoteComposer styled = new NoteComposer(style);
    for (long id = 0; id < 20; id++) {
      String note = styled.compose(task(id, "ru", List.of(SYMPTOMS.get(19)), null));
      assertThat(note.split("ВАШ", -1)).as(note).hasSize(2);
    }
  }

  @Test
  void aCodesClauseNeverFollowsTheLeadDirectly() {
    // Every note opens "на ...", and the code's clause is written after its own note's "на": right after the lead it
    // would read "на на заложенность носа".
    StyleModel style = StyleModelFixture.notesOf(200).registers(Map.of(Registers.ELLIPTIC, 1.0))
        .codeClauses(Map.of("I10", Map.of("на заложенность носа", 9L))).build();
    NoteComposer styled = new NoteComposer(style);
    int withClause = 0;
    for (long id = 0; id < 20; id++) {
      String note = styled.compose(task(id, "ru", List.of(SYMPTOMS.get(19)), null)).toLowerCase(Locale.ROOT);
      assertThat(note).startsWith("на ").doesNotContain("на на ");
      withClause += note.indexOf("на заложенность носа") > 0 ? 1 : 0;
    }
    assertThat(withClause).isEqualTo(20);
  }

  @Test
  void theLastItemIsJoinedWithAndAsOftenAsTheUsersNotesDoIt() {
    // The model's notes are one comma-separated list; none of the three symptoms has "и" of its own.
    List<Fact> symptoms = List.of(SYMPTOMS.get(18), SYMPTOMS.get(11), SYMPTOMS.get(16));
    for (double share : new double[] {0.0, 1.0}) {
      assertThat(notesWith(Registers.AND_JOIN, share, symptoms))
          .as("notes ending their list with \"и\" at a share of %s", share).isEqualTo((int) (20 * share));
    }
  }

  @Test
  void aSpaceComesBeforeCommasAsOftenAsTheUsersNotesPutOne() {
    List<Fact> symptoms = List.of(SYMPTOMS.get(18), SYMPTOMS.get(11), SYMPTOMS.get(16));
    for (double share : new double[] {0.0, 1.0}) {
      assertThat(notesWith(Registers.SPACE_BEFORE_COMMA, share, symptoms))
          .as("notes with \" ,\" at a share of %s", share).isEqualTo((int) (20 * share));
    }
  }

  @Test
  void yoAndUnspacedCommasComeAsOftenAsTheUsersNotesWriteThem() {
    // "отёки на ногах" has ё; the model's notes are one comma-separated list.
    List<Fact> symptoms = List.of(SYMPTOMS.get(18), SYMPTOMS.get(11), SYMPTOMS.get(16));
    for (String feature : List.of(Registers.YO, Registers.UNSPACED_COMMA)) {
      for (double share : new double[] {0.0, 1.0}) {
        assertThat(notesWith(feature, share, symptoms)).as("notes with %s at a share of %s", feature, share)
            .isEqualTo((int) (20 * share));
      }
    }
  }

  @Test
  void anExampleGivesItsCommaSpacingAndItsYo() {
    StyleProfile tidy = StyleProfile.of("Отёки ног, одышка, слабость.Кашель", true);
    assertThat(tidy.unspacedSeparators()).isZero();
    assertThat(tidy.yo()).isTrue();
    StyleProfile mixed = StyleProfile.of("отеки ног,одышка, слабость,кашель; жар", true);
    assertThat(mixed.unspacedSeparators()).isEqualTo(0.5);
    assertThat(mixed.yo()).isFalse();
    // No comma to go by: the full stops say how the writer spaces.
    assertThat(StyleProfile.of("Отеки ног.Одышка.Слабость", true).unspacedSeparators()).isEqualTo(1.0);
  }

  @Test
  void aPlaceTakesASideInTheUsersFormAndNeverWithoutTheirSides() {
    // RuMedTop3's counts of "в правой руке" and "в левой руке" (in a fixed order, as a model has them); a side in
    // half of the notes, the place in half.
    StyleModel.Sides arm = new StyleModel.Sides(Map.of("в руке",
        new TreeMap<>(Map.of("правой", 51L, "левой", 35L))), 0.5);
    NoteComposer sided = new NoteComposer(sidedStyle(arm, 0.5));
    NoteComposer plain = new NoteComposer(sidedStyle(NO_SIDES, 0.0));
    List<Fact> symptoms = List.of(new Fact("s21", "слабость в руке", "weakness in the arm", 0.5), SYMPTOMS.get(11));
    int right = 0;
    for (long id = 0; id < 40; id++) {
      String note = sided.compose(task(id, "ru", symptoms, null)).toLowerCase(Locale.ROOT);
      assertThat(note).containsAnyOf("слабость в правой руке", "слабость в левой руке");
      right += note.contains("правой") ? 1 : 0;
      assertThat(plain.compose(task(id, "ru", symptoms, null)).toLowerCase(Locale.ROOT)).contains("слабость в руке")
          .doesNotContain("правой").doesNotContain("левой");
      // A note that names no such place is the note the model without sides writes.
      NoteTask none = task(id, "ru", SYMPTOMS.subList(16, 19), null);
      assertThat(sided.compose(none)).isEqualTo(plain.compose(none));
    }
    assertThat(right).isEqualTo(23);
  }

  /** A model of 80-character notes with these body sides, a side adjective in {@code share} of them. */
  private static StyleModel sidedStyle(StyleModel.Sides sides, double share) {
    return StyleModelFixture.notesOf(80).registers(Map.of(Registers.SIDES, share)).sides(sides).build();
  }

  /**
   * Of 20 notes written in a model whose notes are one comma-separated list and have the register {@code feature}
   * at {@code share}, how many have it; every note keeps its three symptoms.
   */
  private static int notesWith(String feature, double share, List<Fact> symptoms) {
    StyleModel style = StyleModelFixture.notesOf(80).registers(Map.of(Registers.ONE_SENTENCE, 1.0, feature, share))
        .build();
    NoteComposer styled = new NoteComposer(style);
    int with = 0;
    for (long id = 0; id < 20; id++) {
      String note = styled.compose(task(id, "ru", symptoms, null)).toLowerCase(Locale.ROOT);
      assertThat(yoAsYe(note)).contains("отеки на ногах").contains("изжога").contains("общая слабость");
      with += Registers.has(feature, note) ? 1 : 0;
    }
    return with;
  }
}
