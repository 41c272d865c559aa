package io.medsyn.prompt;

import io.medsyn.llm.NoteTask;
import io.medsyn.sample.Fact;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The values of a template's placeholders for one task, in the task's language. */
public final class PromptVariables {
  private PromptVariables() {}

  /** @param style the run's style hint, empty when there is none */
  public static Map<String, String> of(NoteTask task, String style) {
    boolean ru = "ru".equals(task.language());
    Map<String, String> values = new HashMap<>();
    values.put("code", task.code());
    values.put("subcode", task.subcode());
    values.put("disease", orEmpty(ru ? task.diseaseRu() : task.diseaseEn()));
    values.put("subcode_name", orEmpty(ru ? task.subcodeRu() : task.subcodeEn()));
    values.put("sex", sex(task.sex(), ru));
    values.put("age", String.valueOf(task.age()));
    values.put("symptoms", facts(task.symptoms(), ru));
    values.put("anamnesis", facts(task.anamnesis(), ru));
    values.put("findings", facts(task.findings(), ru));
    values.put("example", orEmpty(task.exampleText()).strip());
    values.put("style", style);
    return values;
  }

  static String sex(String sex, boolean ru) {
    boolean female = "female".equals(sex);
    if (ru) {
      return female ? "женщина" : "мужчина";
    }
    return female ? "woman" : "man";
  }

  /** The facts' texts in the language, comma-separated; "none" when there are none. */
  static String facts(List<Fact> facts, boolean ru) {
    if (facts.isEmpty()) {
      return ru ? "нет данных" : "none";
    }
    return facts.stream().map(f -> ru ? f.ru() : f.en()).collect(Collectors.joining(", "));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
