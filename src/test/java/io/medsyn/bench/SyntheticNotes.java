package io.medsyn.bench;

import io.medsyn.config.ConfigLoader;
import io.medsyn.mkg.BuiltinGraph;
import io.medsyn.mkg.KnowledgeGraph;
import io.medsyn.sample.PriorSampler;
import io.medsyn.testing.SharedData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A notes table as the generation stage would write it, without an LLM: tasks sampled from the built-in graph by the
 * real prior sampler, rendered through several note templates (Russian and English, structured, narrative, brief)
 * with stock exam and plan sentences, and with the defects the quality stage must catch mixed in at known rates.
 * Example notes are real ones of the same code from RuMedTop3's training split ({@link SharedData#rumedTrain()}).
 */
final class SyntheticNotes {
  /** Share of notes given each defect; the rest are clean (15% English, the others Russian). */
  static final Map<String, Double> DEFECTS = Map.of("exact_duplicate", 0.02, "near_duplicate", 0.03,
      "refusal", 0.01, "diagnosis_leak", 0.015, "too_short", 0.01, "wrong_language", 0.005, "example_copy", 0.01,
      "failed", 0.005);

  private static final List<String> EXAM_RU = List.of(
      "Общее состояние удовлетворительное.", "Сознание ясное.", "Кожные покровы обычной окраски.",
      "Кожные покровы бледные, влажные.", "Периферические лимфоузлы не увеличены.", "Дыхание везикулярное, хрипов нет.",
      "Дыхание жёсткое, единичные сухие хрипы.", "Тоны сердца ясные, ритмичные.", "Тоны сердца приглушены.",
      "Живот мягкий, безболезненный.", "Живот мягкий, чувствителен в эпигастрии.", "Отёков нет.",
      "Стул и диурез в норме.", "Симптом поколачивания отрицательный с обеих сторон.", "Зев не гиперемирован.",
      "Язык влажный, чистый.", "Щитовидная железа не увеличена.", "Менингеальных знаков нет.");
  private static final List<String> PLAN_RU = List.of(
      "Контроль общего анализа крови.", "Повторный осмотр через 7 дней.", "Явка при ухудшении состояния.",
      "Соблюдение режима труда и отдыха.", "Консультация профильного специалиста.", "Диета с ограничением соли.",
      "Контроль АД дважды в день.", "ЭКГ в динамике.", "Обильное тёплое питьё.", "Лечебная физкультура.",
      "Биохимический анализ крови.", "УЗИ органов брюшной полости.");
  private static final List<String> EXAM_EN = List.of(
      "Alert and oriented.", "Skin of normal colour.", "No lymphadenopathy.", "Chest clear on auscultation.",
      "Heart sounds regular, no murmurs.", "Abdomen soft, non-tender.", "No peripheral oedema.",
      "Throat not inflamed.", "Neurologically intact.");
  private static final List<String> PLAN_EN = List.of(
      "Full blood count.", "Review in one week.", "Return if worse.", "Refer to the specialist clinic.",
      "Low-salt diet.", "Repeat ECG.", "Plenty of fluids.", "Physiotherapy.");
  private static final List<String> REFUSALS = List.of(
      "Извините, но как языковая модель я не могу составлять медицинские документы.",
      "I'm sorry, but I cannot provide a clinical note for this request.",
      "Конечно! Вот пример медицинской записи для обучения модели:\n");
  private static final List<String> DURATIONS_RU = List.of("в течение 3 дней", "около недели", "последние 2 недели",
      "с прошлого месяца", "несколько лет", "со вчерашнего дня", "около полугода");
  private static final List<String> DURATIONS_EN = List.of("for 3 days", "for about a week", "for 2 weeks",
      "since last month", "for several years", "since yesterday");

  private SyntheticNotes() {}

  /** {@code n} notes, a function of the seed only. */
  static Dataset<Row> generate(SparkSession spark, int n, long seed) {
    KnowledgeGraph graph = BuiltinGraph.load();
    Dataset<Row> tasks = new PriorSampler(ConfigLoader.load(null, List.of("sample.n=" + n)).sample(), seed)
        .sample(graph.vertices(spark), graph.edges(spark), null);
    List<Row> sampled = new ArrayList<>(tasks.collectAsList());
    sampled.sort((a, b) -> Long.compare(a.getAs("task_id"), b.getAs("task_id")));
    StructType schema = schema(tasks.schema());
    Map<String, List<String>> examples = new HashMap<>();
    spark.read().json(SharedData.rumedTrain().toString()).select("code", "symptoms").collectAsList()
        .forEach(r -> examples.computeIfAbsent(r.getString(0), c -> new ArrayList<>()).add(r.getString(1)));
    Random random = new Random(seed);
    List<Row> notes = new ArrayList<>(sampled.size());
    List<Row> clean = new ArrayList<>();
    for (Row task : sampled) {
      boolean english = random.nextDouble() < 0.15;
      String defect = pick(random);
      if ((defect.equals("exact_duplicate") || defect.equals("near_duplicate")) && !clean.isEmpty()) {
        // The same task answered twice, or two draws alike: the earlier note again under this note's id.
        Row earlier = clean.get(random.nextInt(clean.size()));
        String text = earlier.getString(schema.fieldIndex("text"));
        boolean englishNote = "en".equals(earlier.get(schema.fieldIndex("language")));
        notes.add(withIdAndText(schema, earlier, task.getAs("task_id"), defect.equals("exact_duplicate")
            ? text.toUpperCase() : perturb(text, englishNote, random)));
        continue;
      }
      String text = render(task, english, random);
      // A real note of the same code to follow in style, as the sampler attaches them.
      List<String> sameCode = examples.getOrDefault(task.<String>getAs("code"), List.of());
      String example = !english && !sameCode.isEmpty() && random.nextDouble() < 0.5
          ? sameCode.get(random.nextInt(sameCode.size())) : null;
      String status = "ok";
      switch (defect) {
        case "refusal" -> text = REFUSALS.get(random.nextInt(REFUSALS.size())) + (random.nextBoolean() ? "" : text);
        // Half name the code too; the other half only the disease, in words.
        case "diagnosis_leak" -> text = text + (english ? "\nDiagnosis: " + task.getAs("disease_en")
            : "\nДиагноз: " + task.getAs("disease_ru")) + (random.nextBoolean() ? " (" + task.getAs("code") + ")"
            : "") + ".";
        case "too_short" -> text = capitalize(facts(task, "symptoms", english).get(0)) + ".";
        case "wrong_language" -> text = render(task, !english, random);
        case "example_copy" -> {
          if (example != null) {
            text = example + " Рекомендовано наблюдение.";
          }
        }
        case "failed" -> {
          text = null;
          status = "failed";
        }
        default -> { }
      }
      Row note = row(task, english ? "en" : "ru", text, status, example);
      if (defect.equals("clean")) {
        clean.add(note);
      }
      notes.add(note);
    }
    return spark.createDataFrame(notes, schema);
  }

  private static String pick(Random random) {
    double u = random.nextDouble();
    for (Map.Entry<String, Double> defect : new java.util.TreeMap<>(DEFECTS).entrySet()) {
      if (u < defect.getValue()) {
        return defect.getKey();
      }
      u -= defect.getValue();
    }
    return "clean";
  }

  private static String render(Row task, boolean english, Random random) {
    List<String> symptoms = facts(task, "symptoms", english);
    List<String> anamnesis = facts(task, "anamnesis", english);
    List<String> findings = facts(task, "findings", english);
    Collections.shuffle(symptoms, random);
    int age = task.getAs("age");
    boolean female = "female".equals(task.getAs("sex"));
    if (english) {
      String exam = sample(EXAM_EN, 2 + random.nextInt(3), random);
      String plan = sample(PLAN_EN, 1 + random.nextInt(3), random);
      String duration = DURATIONS_EN.get(random.nextInt(DURATIONS_EN.size()));
      return random.nextBoolean()
          ? "Complaints: " + String.join(", ", symptoms) + " " + duration + ".\nHistory: " + sentence(anamnesis)
              + "\nExamination: " + exam + " " + sentence(findings) + "\nPlan: " + plan
          : "A " + age + "-year-old " + (female ? "woman" : "man") + " presents with " + String.join(", ", symptoms)
              + " " + duration + ". " + sentence(anamnesis) + " On examination: " + exam + " "
              + sentence(findings) + " " + plan;
    }
    String exam = sample(EXAM_RU, 2 + random.nextInt(4), random);
    String plan = sample(PLAN_RU, 1 + random.nextInt(3), random);
    String duration = DURATIONS_RU.get(random.nextInt(DURATIONS_RU.size()));
    String pulse = "ЧСС " + (60 + random.nextInt(40)) + " в минуту, АД " + (110 + random.nextInt(60)) + "/"
        + (65 + random.nextInt(35)) + " мм рт. ст.";
    return switch (random.nextInt(4)) {
      case 0 -> "Жалобы: " + String.join(", ", symptoms) + " " + duration + ".\nАнамнез заболевания: "
          + sentence(anamnesis) + "\nОбъективно: " + exam + " " + pulse + " " + sentence(findings)
          + "\nРекомендовано: " + plan;
      case 1 -> (female ? "Пациентка" : "Пациент") + ", " + age + " лет. Беспокоят: " + String.join(", ", symptoms)
          + ", " + duration + ". " + sentence(anamnesis) + " При осмотре: " + exam + " " + pulse + " "
          + sentence(findings) + " " + plan;
      case 2 -> capitalize(String.join(", ", symptoms)) + " " + duration + ". " + sentence(anamnesis);
      default -> "Осмотр от " + (1 + random.nextInt(28)) + "." + (1 + random.nextInt(12)) + ".2024.\nЖалобы: "
          + String.join("; ", symptoms) + ".\nАнамнез: " + sentence(anamnesis) + " Болеет " + duration
          + ".\nСтатус: " + exam + " " + sentence(findings) + "\nПлан: " + plan;
    };
  }

  /** Two pairs of words swapped, perhaps a sentence added: a second sample of the same prompt. */
  private static String perturb(String text, boolean english, Random random) {
    String[] words = text.split(" ");
    for (int k = 0; k < 2 && words.length > 4; k++) {
      int i = random.nextInt(words.length - 1);
      String w = words[i];
      words[i] = words[i + 1];
      words[i + 1] = w;
    }
    String added = english ? " Follow-up visit." : " Повторный осмотр.";
    return String.join(" ", words) + (random.nextBoolean() ? added : "");
  }

  private static List<String> facts(Row task, String column, boolean english) {
    List<String> texts = new ArrayList<>();
    for (Row fact : task.<Row>getList(task.fieldIndex(column))) {
      String text = fact.getAs(english ? "en" : "ru");
      texts.add(text != null ? text : fact.getAs("ru"));
    }
    return texts;
  }

  private static String sample(List<String> pool, int k, Random random) {
    List<String> copy = new ArrayList<>(pool);
    Collections.shuffle(copy, random);
    return String.join(" ", copy.subList(0, Math.min(k, copy.size())));
  }

  private static String sentence(List<String> facts) {
    return facts.isEmpty() ? "" : capitalize(String.join(", ", facts)) + ".";
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Row row(Row task, String language, String text, String status, String example) {
    List<Object> values = new ArrayList<>();
    values.add("note-" + task.getAs("task_id"));
    for (String column : task.schema().fieldNames()) {
      values.add(column.equals("example_text") ? example
          : column.equals("example_id") ? (example == null ? null : "train-" + example.hashCode())
          : task.getAs(column));
    }
    values.add(language);
    values.add(text);
    values.add(status);
    return RowFactory.create(values.toArray());
  }

  private static Row withIdAndText(StructType schema, Row note, long taskId, String text) {
    Object[] values = new Object[note.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = note.get(i);
    }
    values[0] = "note-" + taskId;
    values[schema.fieldIndex("task_id")] = taskId;
    values[schema.fieldIndex("text")] = text;
    return RowFactory.create(values);
  }

  private static StructType schema(StructType tasks) {
    StructType schema = new StructType().add("note_id", DataTypes.StringType, false);
    for (var field : tasks.fields()) {
      schema = schema.add(field.name(), field.dataType(), true);
    }
    return schema.add("language", DataTypes.StringType, false).add("text", DataTypes.StringType, true)
        .add("status", DataTypes.StringType, false);
  }
}
