package io.medsyn.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medsyn.config.ConfigLoader;
import io.medsyn.config.QualityConfig;
import io.medsyn.text.Stemmer;
import io.medsyn.text.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The per-note checks on their own, without Spark. */
class NoteChecksTest {
  private final Stemmer stemmer = new Stemmer();

  private StemIndex index(String text) {
    List<String> stems = new ArrayList<>();
    Words.of(text).forEach(w -> stems.add(stemmer.stem(w)));
    return new StemIndex(stems, StemIndex.Tolerance.DERIVED);
  }

  private StemIndex nouns(String text) {
    List<String> stems = new ArrayList<>();
    Words.of(text).forEach(w -> stems.add(stemmer.stemNoun(w)));
    return new StemIndex(stems, StemIndex.Tolerance.EXTENDED);
  }

  @Test
  void inflectedRussianSymptomsAreCovered() {
    SymptomCoverage coverage = new SymptomCoverage(stemmer, 0.6, 0.6);
    SymptomCoverage.Result result = coverage.measure(
        List.of("головная боль", "тяжесть в затылке", "мелькание мушек перед глазами", "кашель"),
        index("Жалуется на головную боль, ощущение тяжести в затылочной области, мушки перед глазами."), null);
    assertThat(result.share()).isEqualTo(0.75);
    assertThat(result.missing()).containsExactly("кашель");
    assertThat(coverage.found("кашель", index("Беспокоит сухой кашель по ночам"))).isTrue();
    assertThat(coverage.found("кашель", index("Беспокоят приступы кашля по ночам"))).isTrue();
    assertThat(coverage.found("головная боль", index("Беспокоит боль в колене."))).as("one of two words is not 0.6")
        .isFalse();
    assertThat(coverage.measure(List.of(), index("что угодно"), null).share()).isNull();
  }

  @Test
  void aStructuredAnswersListDecidesCoverageExactly() {
    SymptomCoverage coverage = new SymptomCoverage(stemmer, 0.6, 0.6);
    // "голова раскалывается" paraphrases "головная боль": the stems miss it, the model's list names it.
    StemIndex note = index("Голова раскалывается, тяжесть в затылке, сухой кашель по ночам.");
    List<String> sampled = List.of("головная боль", "тяжесть в затылке", "кашель", "тошнота");
    assertThat(coverage.measure(sampled, note, null).missing()).containsExactly("головная боль", "тошнота");
    SymptomCoverage.Result listed = coverage.measure(sampled, note,
        List.of("Головная  боль", "тяжесть в затылке", "кашель", "слабость"));
    assertThat(listed.share()).isEqualTo(0.75);
    assertThat(listed.missing()).containsExactly("тошнота");
    assertThat(coverage.measure(sampled, note, List.of()).share()).isZero();
  }

  @Test
  void englishSymptomsAreCoveredAcrossInflection() {
    SymptomCoverage coverage = new SymptomCoverage(stemmer, 0.6, 0.6);
    SymptomCoverage.Result result = coverage.measure(List.of("headache", "swollen legs", "palpitations", "nausea"),
        index("She reports daily headaches, her legs are swollen by evening, and she has felt palpitation twice."),
        null);
    assertThat(result.share()).isEqualTo(0.75);
    assertThat(result.missing()).containsExactly("nausea");
  }

  @Test
  void stemsMeetAcrossFleetingVowelsAndDerivationsButNotAcrossWords() {
    StemIndex.Tolerance derived = StemIndex.Tolerance.DERIVED;
    assertThat(StemIndex.similar("кашел", "кашл", derived)).isTrue();
    assertThat(StemIndex.similar("мушек", "мушк", derived)).isTrue();
    assertThat(StemIndex.similar("затылк", "затылочн", derived)).isTrue();
    assertThat(StemIndex.similar("гипертенз", "гипертензивн", derived)).isTrue();
    assertThat(StemIndex.similar("бол", "болезн", derived)).as("боль is not болезнь").isFalse();
    assertThat(StemIndex.similar("голов", "головокружен", derived)).as("compounds are other words").isFalse();
    assertThat(StemIndex.similar("сердц", "сердцебиен", derived)).isFalse();
    assertThat(StemIndex.similar("гипертенз", "гипертоническ", derived)).isFalse();
    assertThat(StemIndex.similar("пол", "бол", derived)).as("short stems must be equal").isFalse();
    // Disease names take only whole-stem extensions: бронхит is not бронхиальн, but гипертенз is гипертензивн.
    StemIndex.Tolerance extended = StemIndex.Tolerance.EXTENDED;
    assertThat(StemIndex.similar("бронхит", "бронхиальн", derived)).isTrue();
    assertThat(StemIndex.similar("бронхит", "бронхиальн", extended)).isFalse();
    assertThat(StemIndex.similar("гипертенз", "гипертензивн", extended)).isTrue();
    assertThat(StemIndex.similar("затылк", "затылочн", extended)).isFalse();
    assertThat(StemIndex.similar("кашел", "кашл", extended)).isTrue();
    assertThat(StemIndex.similar("беспокойн", "беспоко", extended)).as("the note's word must extend the name's")
        .isFalse();
    assertThat(StemIndex.similar("гипертензивн", "гипертенз", extended)).isFalse();
    assertThat(StemIndex.similar("крон", "кров", extended)).as("a changed letter needs 6+ letters").isFalse();
    assertThat(StemIndex.similar("температур", "темперетур", derived)).isTrue();
  }

  @Test
  void theIcdCodeLeaksAlsoInCyrillicLettersButNotInsideOtherTokens() {
    DiagnosisLeak leak = new DiagnosisLeak(stemmer, 0.5);
    List<String> k29 = List.of("Гастрит и дуоденит", "Gastritis and duodenitis");
    DiagnosisLeak.Result cyrillic = leak.find("Диагноз по МКБ: К29.7, обострение.", "K29", List.of("x"), List.of(),
        nouns("Диагноз по МКБ: К29.7, обострение."));
    assertThat(cyrillic.leak()).isTrue();
    assertThat(cyrillic.terms()).containsExactly("К29.7");
    for (String clean : List.of("Номер карты AK290, палата K291.", "Боль в эпигастрии после еды.")) {
      DiagnosisLeak.Result result = leak.find(clean, "K29", k29, List.of(), nouns(clean));
      assertThat(result.leak()).as(clean).isFalse();
      assertThat(result.terms()).isEmpty();
    }
  }

  @Test
  void inflectedDiseaseNamesLeakButQualifiersAndAskedForFactsDoNot() {
    DiagnosisLeak leak = new DiagnosisLeak(stemmer, 0.6);
    List<String> i10 = List.of("Эссенциальная гипертензия", "первичная", "Essential hypertension");
    String leaking = "Длительно страдает гипертензией, принимает амлодипин.";
    DiagnosisLeak.Result result = leak.find(leaking, "I10", i10, List.of(), nouns(leaking));
    assertThat(result.leak()).isTrue();
    assertThat(result.score()).isEqualTo(1.0);
    assertThat(result.terms()).containsExactly("гипертенз");
    String english = "Known essential hypertension for ten years.";
    assertThat(leak.find(english, "I10", i10, List.of(), nouns(english)).terms()).containsExactly("hypertens");
    String qualifier = "Первичный осмотр, эссенциальные масла не переносит. Головная боль в затылке.";
    DiagnosisLeak.Result clean = leak.find(qualifier, "I10", i10, List.of(), nouns(qualifier));
    assertThat(clean.leak()).isFalse();
    assertThat(clean.score()).isZero();
    // J06 is named by two words: the one in stock text ("контакт с инфекционными больными") is not enough.
    List<String> j06 = List.of("Острые инфекции верхних дыхательных путей множественной и неуточнённой"
        + " локализации");
    String stock = "Контакт с инфекционными больными отрицает. Насморк, боль в горле.";
    assertThat(leak.find(stock, "J06", j06, List.of(), nouns(stock)).score()).isEqualTo(0.5);
    assertThat(leak.find(stock, "J06", j06, List.of(), nouns(stock)).leak()).isFalse();
    String named = "Острая инфекция дыхательных путей.";
    assertThat(leak.find(named, "J06", j06, List.of(), nouns(named)).terms()).containsExactly("инфекц", "дыхательн");
    // I11's note was asked to say "артериальная гипертензия более 10 лет": saying it is not a leak.
    List<String> i11 = List.of("Гипертензивная болезнь сердца", "гипертоническая болезнь с преимущественным"
        + " поражением сердца");
    String asked = "Артериальная гипертензия более 10 лет, одышка при ходьбе.";
    List<String> facts = List.of("артериальная гипертензия более 10 лет", "одышка при физической нагрузке",
        "боль в области сердца");
    assertThat(leak.find(asked, "I11", i11, facts, nouns(asked)).leak()).isFalse();
    String named11 = "Гипертензивная болезнь сердца, одышка при ходьбе.";
    assertThat(leak.find(named11, "I11", i11, List.of("одышка при физической нагрузке"), nouns(named11)).terms())
        .containsExactly("гипертензивн");
    // A word of the facts is no evidence, and what is left of the name is a body part: no leak.
    List<String> i11en = List.of("Hypertensive heart disease");
    String heart = "Arterial hypertension for over 10 years. Heart sounds muffled.";
    DiagnosisLeak.Result organ = leak.find(heart, "I11", i11en, List.of("arterial hypertension for over 10 years"),
        nouns(heart));
    assertThat(organ.score()).isZero();
    assertThat(organ.leak()).isFalse();
    List<String> n18 = List.of("Хроническая болезнь почки", "Chronic kidney disease");
    String kidneys = "УЗИ почек: уменьшение размеров обеих почек, креатинин 180 мкмоль/л.";
    assertThat(leak.find(kidneys, "N18", n18, List.of(), nouns(kidneys)).leak()).isFalse();
  }

  @Test
  void diseaseNounsInItKeepItSoBronchitisIsNotBronchial() {
    assertThat(stemmer.stem("бронхит")).as("Snowball alone").isEqualTo("бронх");
    assertThat(stemmer.stemNoun("бронхит")).isEqualTo("бронхит");
    assertThat(stemmer.stemNoun("бронхите")).isEqualTo("бронхит");
    assertThat(stemmer.stemNoun("бронхитом")).isEqualTo("бронхит");
    assertThat(stemmer.stemNoun("гастрита")).isEqualTo("гастрит");
    assertThat(stemmer.stemNoun("бронхиальная")).isEqualTo("бронхиальн");
    DiagnosisLeak leak = new DiagnosisLeak(stemmer, 0.6);
    List<String> j20 = List.of("Острый бронхит", "Acute bronchitis");
    String asthma = "Бронхиальная астма в анамнезе, бронхоскопия год назад. Bronchial tree clear.";
    assertThat(leak.find(asthma, "J20", j20, List.of(), nouns(asthma)).leak()).isFalse();
    String bronchitis = "Повторный эпизод, лечился от бронхита в прошлом году.";
    assertThat(leak.find(bronchitis, "J20", j20, List.of(), nouns(bronchitis)).terms()).containsExactly("бронхит");
  }

  @Test
  void copyShareIsTheShareOfTheNotesWordFiveGramsInTheExample() {
    ExampleCopy copy = new ExampleCopy(5, 0.3);
    String example = "Боли в эпигастрии натощак и через час после еды, изжога, отрыжка кислым. Стул оформленный.";
    assertThat(copy.share(Words.of(example + " Аппетит сохранён."), example)).isEqualTo(10 / 12.0);
    assertThat(copy.share(Words.of("Ноющие боли в верхних отделах живота после приёма острой пищи."), example))
        .isEqualTo(0.0);
    assertThat(copy.share(Words.of("Коротко."), example)).isEqualTo(0.0);
    assertThat(copy.share(Words.of("Без примера."), null)).isNull();
  }

  @Test
  void scriptShareCountsLettersOfTheNotesLanguage() {
    assertThat(Script.share("Головная боль, АД 160/100, ЭКГ без патологии.", "ru")).isEqualTo(1.0);
    assertThat(Script.share("Headache, BP 160/100.", "ru")).isEqualTo(0.0);
    assertThat(Script.share("Headache (головная боль)", "en")).isEqualTo(8 / 20.0);
    assertThat(Script.share("160/100 120", "en")).isNull();
  }

  @Test
  void refusalsAndMetaTalkAreFoundButPatientsWhoCannotSleepAreNot() {
    Refusals refusals = new Refusals(ConfigLoader.defaultConfig().quality().refusalPatterns());
    assertThat(refusals.firstMatch("Как языковая модель, я не могу ставить диагнозы."))
        .isEqualTo("Как языковая модель");
    assertThat(refusals.firstMatch("I'm sorry, but I cannot provide a medical record.")).isEqualTo("I'm sorry");
    assertThat(refusals.firstMatch("The note: I cannot provide a medical record.")).isEqualTo("I cannot provide");
    assertThat(refusals.firstMatch("Конечно! Вот пример медицинской записи:\nЖалобы: кашель."))
        .isEqualTo("Конечно!");
    assertThat(refusals.firstMatch("Жалобы: кашель.\nВот пример медицинской записи.")).isEqualTo("Вот пример");
    assertThat(refusals.firstMatch("Here is a synthetic clinical note for a patient.")).isEqualTo("Here is a");
    assertThat(refusals.firstMatch("Извините, я не врач.")).isEqualTo("Извините");
    assertThat(refusals.firstMatch("Пациентка не может спать из-за боли, извиняться не за что.")).isNull();
    assertThat(refusals.firstMatch("The patient says she cannot sleep and is sorry to bother us.")).isNull();
  }

  @Test
  void notesAreCutIntoHeadingsLinesAndSentences() {
    List<String> segments = Boilerplate.segments("Жалобы: на кашель. Температура 37,5!\n\nОбъективно: состояние"
        + " удовлетворительное.\nАД 120/80 мм рт. ст.\nПациент сообщает: болит с утра, за: 2 дня");
    assertThat(segments).containsExactly("жалобы", "на кашель", "температура 37 5", "объективно",
        "состояние удовлетворительное", "ад 120 80 мм рт", "ст", "пациент сообщает", "болит с утра за 2 дня");
    assertThat(Boilerplate.strip(segments, Set.of("жалобы", "объективно", "ст")))
        .isEqualTo("на кашель температура 37 5 состояние удовлетворительное ад 120 80 мм рт пациент сообщает"
            + " болит с утра за 2 дня");
    assertThat(Boilerplate.shingles("абвгде", 5)).containsExactly("абвгд", "бвгде");
    assertThat(Boilerplate.shingles("абв", 5)).containsExactly("абв");
    assertThat(Boilerplate.shingles("", 5)).isEmpty();
  }

  @Test
  void everyReasonIsDeclaredByOneCheckInTheWrittenOrderAndNoColumnIsDeclaredTwice() {
    QualityConfig config = ConfigLoader.defaultConfig().quality();
    List<RejectReason> declared = new ArrayList<>();
    NoteChecks.KINDS.forEach(kind -> declared.addAll(kind.reasons()));
    assertThat(declared).doesNotHaveDuplicates();
    // The labels and their order are what reject_reasons holds and data-schema/ documents.
    assertThat(QualityChecks.REASONS).extracting(RejectReason::label).containsExactly("generation_failed",
        "too_short", "too_long", "wrong_language", "refusal", "diagnosis_leak", "example_copy",
        "low_symptom_coverage", "copies_real_passage", "exact_duplicate", "near_duplicate");
    // Their order and types are the documented table's: QualityStageTest checks them against data-schema/.
    assertThat(NoteChecks.columns(config).fieldNames()).doesNotHaveDuplicates().isNotEmpty();
  }

  @Test
  void aCheckWritesOnlyTheColumnsAndReasonsItDeclares() {
    Length length = new Length(10, 20);
    StructType row = new StructType().add("note_id", "string").add("char_count", "int").add("copy_share", "double");
    Object[] values = new Object[row.size()];
    Set<RejectReason> reasons = new HashSet<>();
    Verdict verdict = new Verdict(length, Set.of("char_count"), Length.KIND.reasons(), row, values, reasons);

    verdict.put("char_count", 7);
    verdict.rejectIf(true, Length.TOO_SHORT);
    verdict.rejectIf(false, Length.TOO_LONG);

    assertThat(Arrays.asList(values)).containsExactly(null, 7, null);
    assertThat(reasons).containsExactly(Length.TOO_SHORT);
    assertThatThrownBy(() -> verdict.put("copy_share", 0.5)).hasMessage("Length wrote column copy_share but declares"
        + " only [char_count]: add it to its columns()");
    assertThatThrownBy(() -> verdict.rejectIf(true, Refusals.REFUSAL)).hasMessageStartingWith("Length rejected"
        + " a note for refusal but declares only");
    assertThat(reasons).containsExactly(Length.TOO_SHORT);
  }
}
