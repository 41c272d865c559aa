package io.medsyn.quality;

import io.medsyn.table.TaskSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Notes as the generation stage writes them, each written to show one thing the quality stage must catch (or
 * pass). Names and symptoms are the built-in graph's.
 */
final class NoteFixtures {
  /** The columns of the generation stage's {@code notes} table that the quality stage reads. */
  static final StructType NOTES = new StructType()
      .add("note_id", DataTypes.StringType)
      .add("task_id", DataTypes.LongType)
      .add("code", DataTypes.StringType)
      .add("subcode", DataTypes.StringType)
      .add("disease_ru", DataTypes.StringType)
      .add("disease_en", DataTypes.StringType)
      .add("subcode_ru", DataTypes.StringType)
      .add("subcode_en", DataTypes.StringType)
      .add("symptoms", DataTypes.createArrayType(TaskSchema.FACT, false))
      .add("example_id", DataTypes.StringType)
      .add("example_text", DataTypes.StringType)
      .add("language", DataTypes.StringType)
      .add("text", DataTypes.StringType)
      .add("status", DataTypes.StringType);

  /** A disease as the tasks carry it. */
  record Disease(String code, String subcode, String ru, String en, String subRu, String subEn) {}

  static final Disease I10 = new Disease("I10", "I10.9", "Эссенциальная [первичная] гипертензия",
      "Essential (primary) hypertension", "Эссенциальная гипертензия неуточнённая",
      "Essential hypertension, unspecified");
  static final Disease J06 = new Disease("J06", "J06.9", "Острые инфекции верхних дыхательных путей множественной"
      + " и неуточнённой локализации", "Acute upper respiratory infections of multiple and unspecified sites",
      "Острая инфекция верхних дыхательных путей неуточнённая", "Acute upper respiratory infection, unspecified");
  static final Disease K29 = new Disease("K29", "K29.7", "Гастрит и дуоденит", "Gastritis and duodenitis",
      "Гастрит неуточнённый", "Gastritis, unspecified");
  static final Disease M54 = new Disease("M54", "M54.5", "Дорсалгия", "Dorsalgia", "Боль внизу спины",
      "Low back pain");
  static final Disease J20 = new Disease("J20", "J20.9", "Острый бронхит", "Acute bronchitis",
      "Острый бронхит неуточнённый", "Acute bronchitis, unspecified");

  /** The example note of n07, which the training corpus also holds (as train-6). */
  static final String K29_EXAMPLE = "Жалобы на ноющие боли в эпигастрии натощак и через 1-2 часа после еды,"
      + " изжогу, отрыжку кислым, тошноту по утрам. Болеет около двух недель, ухудшение связывает с нарушением"
      + " режима питания и стрессом на работе. Язык обложен белым налётом, живот мягкий, болезненный в"
      + " эпигастральной области.";

  /** The template most notes follow: four headings, as an LLM asked for a structured note writes them. */
  private static String structured(String complaints, String history, String exam, String plan) {
    return "Жалобы: " + complaints + "\nАнамнез заболевания: " + history + "\nОбъективно: " + exam
        + "\nРекомендовано: " + plan;
  }

  /** A long template with many stock sentences: notes following it share most of their text. */
  static String clinicVisit(String complaints, String history, String findings) {
    return "Первичный осмотр терапевта в поликлинике по месту жительства.\n"
        + "Жалобы: " + complaints + "\n"
        + "Анамнез заболевания: " + history + "\n"
        + "Эпидемиологический анамнез: контакт с инфекционными больными отрицает, за пределы региона в течение"
        + " последнего месяца не выезжал. Прививки по календарю.\n"
        + "Аллергологический анамнез: не отягощён. Непереносимости лекарственных препаратов не отмечает.\n"
        + "Объективно: общее состояние удовлетворительное, сознание ясное, положение активное. Кожные покровы и"
        + " видимые слизистые обычной окраски, чистые. Периферические лимфоузлы не увеличены. Дыхание"
        + " везикулярное, проводится во все отделы, хрипов нет. Тоны сердца ясные, ритмичные. Живот мягкий,"
        + " безболезненный при пальпации во всех отделах. Печень по краю рёберной дуги. Симптом поколачивания"
        + " отрицательный с обеих сторон. Стул и диурез в норме, со слов пациента.\n"
        + findings + "\n"
        + "Рекомендовано: соблюдение режима труда и отдыха, контроль состояния, повторный осмотр через 7 дней"
        + " или раньше при ухудшении самочувствия. Пациент с рекомендациями ознакомлен, согласен.";
  }

  static final String GOOD_I10 = structured(
      "на давящую головную боль, преимущественно по утрам, ощущение тяжести в затылке, периодическое"
          + " головокружение при резком вставании.",
      "повышенные цифры АД отмечает в течение нескольких лет, лекарства принимает нерегулярно. Ухудшение связывает"
          + " со стрессом на работе.",
      "АД 165/100 мм рт. ст., ЧСС 82 в минуту. Акцент II тона над аортой. Отёков нет.",
      "контроль АД дважды в день с ведением дневника, ограничение соли, консультация кардиолога.");
  static final String GOOD_J06 = structured(
      "на заложенность носа и обильный насморк, боль в горле при глотании, повышение температуры тела до 38,2 °C,"
          + " ломоту в теле.",
      "заболел остро три дня назад после переохлаждения, дома контактировал с болеющим ребёнком.",
      "зев гиперемирован, миндалины не увеличены, налётов нет. Носовое дыхание затруднено. Дыхание везикулярное.",
      "обильное тёплое питьё, промывание носа солевым раствором, парацетамол при температуре выше 38,5 °C.");
  static final String GOOD_M54 = structured(
      "на ноющую боль в пояснице и спине, усиливающуюся при наклонах и длительном сидении, утреннюю"
          + " скованность.",
      "боль появилась неделю назад после подъёма тяжёлой коробки на даче, ранее подобные эпизоды проходили"
          + " самостоятельно.",
      "напряжение паравертебральных мышц поясничного отдела, ограничение наклона вперёд. Симптом Ласега"
          + " отрицательный с обеих сторон.",
      "щадящий двигательный режим, НПВП коротким курсом, лечебная физкультура после стихания боли.");
  static final String GOOD_K29_EN = "Complaints: dull epigastric pain an hour after meals, nausea in the mornings"
      + " and a sour taste in the mouth.\nHistory: symptoms for three weeks, worse after spicy food and coffee;"
      + " takes ibuprofen for knee pain.\nExamination: tongue coated, abdomen soft, tender in the epigastrium,"
      + " no guarding.\nPlan: small frequent meals, stop ibuprofen, upper endoscopy.";
  static final String LEAK_I10 = structured(
      "на головную боль в затылочной области, тяжесть в затылке и головокружение.",
      "повышение АД отмечает около пяти лет. Диагноз: эссенциальная гипертензия (I10).",
      "АД 160/95 мм рт. ст., ЧСС 78 в минуту.",
      "амлодипин 5 мг утром, контроль АД.");
  static final String LEAK_J20_STEM = structured(
      "на кашель с трудноотделяемой мокротой, саднение за грудиной при кашле, субфебрильную температуру.",
      "болеет пятый день, начало с насморка. Клиническая картина соответствует острому бронхиту.",
      "дыхание жёсткое, рассеянные сухие хрипы, SpO2 97 %.",
      "обильное питьё, амброксол, повторный осмотр через три дня.");
  static final String COPY_K29 = K29_EXAMPLE + " Рекомендовано дробное питание и гастроскопия.";
  static final String REFUSAL = "Извините, но как языковая модель я не могу ставить диагнозы и составлять"
      + " медицинские документы. Если вас беспокоит головная боль и головокружение, обратитесь к врачу.";
  static final String NEAR_J06 = GOOD_J06.replace("три дня назад", "четыре дня назад")
      .replace("ломоту в теле", "ломоту в мышцах");
  static final String ENGLISH_FOR_RU = "Complaints: pressing headache in the mornings, heaviness at the back of"
      + " the head, dizziness on standing up.\nHistory: raised blood pressure for several years.\nExamination:"
      + " BP 165/100 mmHg.\nPlan: home BP diary, less salt.";
  static final String TOO_SHORT = "Болит голова, кружится.";
  static final String LOW_COVERAGE_J06 = structured(
      "на общую слабость и быструю утомляемость.",
      "болеет два дня, связывает с переохлаждением.",
      "состояние удовлетворительное, зев спокоен.",
      "обильное питьё, покой.");
  static final String NEAR_K29_LEAK = GOOD_K29_EN + "\nDiagnosis: gastritis.";

  static final String TEMPLATE_I10 = clinicVisit(
      "головная боль, тяжесть в затылке, головокружение.",
      "давление повышается около года.",
      "АД 158/96 мм рт. ст.");
  static final String TEMPLATE_M54 = clinicVisit(
      "боль в пояснице при наклонах, утренняя скованность.",
      "после подъёма тяжести неделю назад.",
      "Ласег отрицательный, мышцы напряжены.");
  static final String TEMPLATE_J06 = clinicVisit(
      "насморк, боль в горле, температура 37,8.",
      "заболел два дня назад.",
      "Зев гиперемирован.");
  static final String TEMPLATE_K29 = clinicVisit(
      "боль в эпигастрии, тошнота, изжога.",
      "после погрешности в диете.",
      "Язык обложен.");

  private NoteFixtures() {}

  /** Every fixture note with the reasons it must get (empty: it must pass). */
  static List<Case> cases() {
    return List.of(
        new Case("n01-good-i10", I10, "ru", symptoms("головная боль", "тяжесть в затылке", "головокружение"),
            GOOD_I10, null),
        new Case("n02-good-j06", J06, "ru", symptoms("насморк", "боль в горле", "повышение температуры тела"),
            GOOD_J06, null),
        new Case("n03-good-m54", M54, "ru", symptoms("боль в пояснице", "усиление боли в спине при наклонах",
            "утренняя скованность"), GOOD_M54, null),
        new Case("n04-good-k29-en", K29, "en", symptoms("epigastric pain", "nausea"), GOOD_K29_EN, null),
        new Case("n05-leak-i10", I10, "ru", symptoms("головная боль", "тяжесть в затылке", "головокружение"),
            LEAK_I10, null, DiagnosisLeak.DIAGNOSIS_LEAK),
        new Case("n06-leak-j20", J20, "ru", symptoms("кашель с трудноотделяемой мокротой",
            "саднение за грудиной при кашле"), LEAK_J20_STEM, null, DiagnosisLeak.DIAGNOSIS_LEAK),
        new Case("n07-copy-k29", K29, "ru", symptoms("боль в эпигастрии", "изжога", "тошнота"), COPY_K29,
            K29_EXAMPLE, ExampleCopy.EXAMPLE_COPY, PassageAudit.COPIES_REAL_PASSAGE),
        new Case("n08-refusal", I10, "ru", symptoms("головная боль", "головокружение", "шум в ушах"), REFUSAL,
            null, Refusals.REFUSAL),
        new Case("n09-duplicate-of-n01", I10, "ru", symptoms("головная боль", "тяжесть в затылке",
            "головокружение"), GOOD_I10.toUpperCase().replace("\n", "\n\n  "), null,
            QualityChecks.EXACT_DUPLICATE),
        new Case("n10-near-n02", J06, "ru", symptoms("насморк", "боль в горле", "повышение температуры тела"),
            NEAR_J06, null, NearDuplicates.NEAR_DUPLICATE),
        new Case("n11-english-for-ru", I10, "ru", symptoms("головная боль", "тяжесть в затылке",
            "головокружение"), ENGLISH_FOR_RU, null, Script.WRONG_LANGUAGE,
            SymptomCoverage.LOW_SYMPTOM_COVERAGE),
        new Case("n12-too-short", I10, "ru", symptoms("головная боль", "головокружение"), TOO_SHORT, null,
            Length.TOO_SHORT, SymptomCoverage.LOW_SYMPTOM_COVERAGE),
        new Case("n13-template-i10", I10, "ru", symptoms("головная боль", "тяжесть в затылке", "головокружение"),
            TEMPLATE_I10, null),
        new Case("n14-template-m54", M54, "ru", symptoms("боль в пояснице", "утренняя скованность"), TEMPLATE_M54,
            null),
        new Case("n15-template-j06", J06, "ru", symptoms("насморк", "боль в горле"), TEMPLATE_J06, null),
        new Case("n16-template-k29", K29, "ru", symptoms("боль в эпигастрии", "тошнота", "изжога"), TEMPLATE_K29,
            null),
        new Case("n17-failed", J06, "ru", symptoms("насморк"), null, null, NoteChecker.GENERATION_FAILED),
        new Case("n18-low-coverage", J06, "ru", symptoms("насморк", "боль в горле", "повышение температуры тела",
            "общая слабость"), LOW_COVERAGE_J06, null, SymptomCoverage.LOW_SYMPTOM_COVERAGE),
        new Case("n00-near-n04-leaking", K29, "en", symptoms("epigastric pain", "nausea"), NEAR_K29_LEAK, null,
            DiagnosisLeak.DIAGNOSIS_LEAK, NearDuplicates.NEAR_DUPLICATE));
  }

  /** One fixture note and the reasons it must be rejected for, in order. */
  record Case(String id, Disease disease, String language, List<String[]> symptoms, String text, String example,
      RejectReason... reasons) {
    List<String> reasonLabels() {
      return Arrays.stream(reasons).map(RejectReason::label).toList();
    }

    Row row(long taskId) {
      List<Row> facts = new ArrayList<>();
      for (String[] s : symptoms) {
        facts.add(RowFactory.create("symptom:" + s[0].replace(' ', '-'), s[0], s[1], 0.5));
      }
      return RowFactory.create(id, taskId, disease.code(), disease.subcode(), disease.ru(), disease.en(),
          disease.subRu(), disease.subEn(), facts, example == null ? null : "train-" + taskId, example, language,
          text, text == null ? "failed" : "ok");
    }
  }

  /** Symptoms as Russian/English pairs; the English side is a gloss for the en notes. */
  private static List<String[]> symptoms(String... ruOrEn) {
    List<String[]> pairs = new ArrayList<>();
    for (String s : ruOrEn) {
      pairs.add(new String[] {s, ENGLISH.getOrDefault(s, s)});
    }
    return pairs;
  }

  private static final java.util.Map<String, String> ENGLISH = java.util.Map.of(
      "головная боль", "headache", "тяжесть в затылке", "heaviness in the back of the head",
      "головокружение", "dizziness");

  static Dataset<Row> notes(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    List<Case> cases = cases();
    for (int i = 0; i < cases.size(); i++) {
      rows.add(cases.get(i).row(i));
    }
    return spark.createDataFrame(rows, NOTES);
  }
}
