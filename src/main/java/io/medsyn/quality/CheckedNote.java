package io.medsyn.quality;

import io.medsyn.text.Stemmer;
import io.medsyn.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;

/**
 * A note with text as the checks see it: its row, its words, and their stems, worked out once for all checks
 * (stems only when a check asks).
 */
final class CheckedNote {
  private static final List<String> NAME_COLUMNS = List.of("disease_ru", "subcode_ru", "disease_en", "subcode_en");
  private static final List<String> FACT_COLUMNS = List.of("symptoms", "anamnesis", "findings");
  private static final Pattern BRACKETED = Pattern.compile("[\\[(]([^\\])]*)[\\])]");

  private final Row row;
  private final String text;
  private final List<String> words;
  private final Stemmer stemmer;
  private StemIndex stems;
  private StemIndex nounStems;

  CheckedNote(Row row, Stemmer stemmer) {
    this.row = row;
    this.text = row.getAs("text");
    this.words = Words.of(text);
    this.stemmer = stemmer;
  }

  String text() {
    return text;
  }

  String language() {
    return row.getAs("language");
  }

  /** The value of one of the note's columns. */
  <T> T get(String column) {
    return row.getAs(column);
  }

  List<String> words() {
    return words;
  }

  /**
   * The symptoms a structured answer listed as used ({@code symptoms_used}); null for a plain-text answer, or for a
   * notes table written before the column.
   */
  List<String> symptomsUsed() {
    int column = List.of(row.schema().fieldNames()).indexOf("symptoms_used");
    return column < 0 || row.isNullAt(column) ? null : row.getList(column);
  }

  /** The note's words by {@link Stemmer#stem}, for symptoms. */
  StemIndex stems() {
    if (stems == null) {
      stems = new StemIndex(words.stream().map(stemmer::stem).toList(), StemIndex.Tolerance.DERIVED);
    }
    return stems;
  }

  /** The note's words by {@link Stemmer#stemNoun}, for disease names. */
  StemIndex nounStems() {
    if (nounStems == null) {
      nounStems = new StemIndex(words.stream().map(stemmer::stemNoun).toList(), StemIndex.Tolerance.EXTENDED);
    }
    return nounStems;
  }

  /** The sampled symptoms in the note's language (the other one when that text is missing). */
  List<String> symptoms() {
    List<String> texts = new ArrayList<>();
    boolean english = "en".equals(language());
    for (Row symptom : facts("symptoms")) {
      String ru = symptom.getAs("ru");
      String en = symptom.getAs("en");
      String fact = english ? (en != null ? en : ru) : (ru != null ? ru : en);
      if (fact != null && !fact.isBlank()) {
        texts.add(fact);
      }
    }
    return texts;
  }

  /** Every fact text the note was asked to mention, in both languages. */
  List<String> facts() {
    List<String> texts = new ArrayList<>();
    for (String column : FACT_COLUMNS) {
      for (Row fact : facts(column)) {
        for (String language : List.of("ru", "en")) {
          String said = fact.getAs(language);
          if (said != null) {
            texts.add(said);
          }
        }
      }
    }
    return texts;
  }

  /** The disease's names, each also split into its bracketed alternatives: "A [B] C" gives "A C" and "B". */
  List<String> names() {
    List<String> names = new ArrayList<>();
    for (String column : NAME_COLUMNS) {
      String name = row.getAs(column);
      if (name == null) {
        continue;
      }
      names.add(BRACKETED.matcher(name).replaceAll(" "));
      BRACKETED.matcher(name).results().forEach(m -> names.add(m.group(1)));
    }
    return names;
  }

  /** The facts in an optional array column (anamnesis and findings are used when present). */
  private List<Row> facts(String column) {
    if (row.schema().getFieldIndex(column).isEmpty() || row.isNullAt(row.fieldIndex(column))) {
      return List.of();
    }
    return row.getList(row.fieldIndex(column));
  }
}
