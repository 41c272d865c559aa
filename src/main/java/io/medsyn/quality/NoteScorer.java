package io.medsyn.quality;

import io.medsyn.Checks;
import io.medsyn.Hashes;
import io.medsyn.config.QualityConfig;
import io.medsyn.table.NoteSchema;
import io.medsyn.table.QualitySchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Scores each note on its own ({@link QualitySchema#NOTE_SCORES}) and adds what the corpus-wide checks need:
 * the reasons found so far, a key of the note's words for exact duplicates, and its boilerplate segments.
 */
final class NoteScorer implements MapPartitionsFunction<Row, Row> {
  static final String REASONS = "_reasons";
  static final String TEXT_KEY = "_text_key";
  static final String SEGMENTS = "_segments";
  /** Columns every notes table must have; anamnesis and findings are used when present. */
  static final List<String> REQUIRED = List.of("note_id", "code", "disease_ru", "disease_en", "subcode_ru",
      "subcode_en", "symptoms", "example_text", "language", "text", "status");
  private static final List<String> NAME_COLUMNS = List.of("disease_ru", "subcode_ru", "disease_en", "subcode_en");
  private static final List<String> FACT_COLUMNS = List.of("symptoms", "anamnesis", "findings");
  private static final Pattern BRACKETED = Pattern.compile("[\\[(]([^\\])]*)[\\])]");

  private final QualityConfig config;
  private final StructType input;

  NoteScorer(QualityConfig config, StructType input) {
    List<String> missing = REQUIRED.stream().filter(c -> !List.of(input.fieldNames()).contains(c)).toList();
    Checks.checkArgument(missing.isEmpty(), "the notes table lacks columns %s (it has %s); quality needs %s",
        missing, List.of(input.fieldNames()), REQUIRED);
    this.config = config;
    this.input = input;
  }

  /** The input columns, the note's scores, then the transient columns for the corpus-wide checks. */
  StructType outputSchema() {
    return QualitySchema.concat(QualitySchema.concat(input, QualitySchema.NOTE_SCORES), new StructType()
        .add(REASONS, DataTypes.createArrayType(DataTypes.StringType, false), false)
        .add(TEXT_KEY, DataTypes.StringType, true)
        .add(SEGMENTS, DataTypes.createArrayType(DataTypes.StringType, false), false));
  }

  @Override
  public Iterator<Row> call(Iterator<Row> notes) {
    Scoring scoring = new Scoring();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return notes.hasNext();
      }

      @Override
      public Row next() {
        return scoring.score(notes.next());
      }
    };
  }

  /** The per-partition state: stemmers and compiled patterns are not serializable and not thread-safe. */
  private final class Scoring {
    private final Stemmer stemmer = new Stemmer();
    private final SymptomCoverage coverage = new SymptomCoverage(stemmer, config.symptomWordShare());
    private final DiagnosisLeak leak = new DiagnosisLeak(stemmer, config.leakNameShare());
    private final ExampleCopy copy = new ExampleCopy(config.copyNgram());
    private final Refusals refusals = new Refusals(config.refusalPatterns());
    private final MessageDigest sha256 = Hashes.sha256();
    private final int width = input.fields().length;
    private final StructType output = outputSchema();

    Row score(Row note) {
      Object[] values = new Object[output.size()];
      for (int i = 0; i < width; i++) {
        values[i] = note.get(i);
      }
      String text = note.getAs("text");
      List<String> reasons = new ArrayList<>();
      if (text == null || !NoteSchema.OK.equals(note.getAs("status"))) {
        reasons.add(RejectReason.GENERATION_FAILED.label());
        put(values, REASONS, seq(reasons));
        put(values, SEGMENTS, seq(List.of()));
        return RowFactory.create(values);
      }
      String language = note.getAs("language");
      List<String> words = Words.of(text);
      List<String> stems = new ArrayList<>(words.size());
      List<String> nounStems = new ArrayList<>(words.size());
      for (String word : words) {
        stems.add(stemmer.stem(word));
        nounStems.add(stemmer.stemNoun(word));
      }

      int chars = text.strip().codePointCount(0, text.strip().length());
      Double script = Script.share(text, language);
      SymptomCoverage.Result covered = coverage.measure(symptoms(note, language), new StemIndex(stems, StemIndex.Tolerance.DERIVED));
      DiagnosisLeak.Result leaked = leak.find(text, note.getAs("code"), names(note), facts(note),
          new StemIndex(nounStems, StemIndex.Tolerance.EXTENDED));
      Double copied = copy.share(words, note.getAs("example_text"));
      String refusal = refusals.firstMatch(text);

      add(reasons, chars < config.minChars(), RejectReason.TOO_SHORT);
      add(reasons, chars > config.maxChars(), RejectReason.TOO_LONG);
      add(reasons, script == null || script < config.minScriptShare(), RejectReason.WRONG_LANGUAGE);
      add(reasons, refusal != null, RejectReason.REFUSAL);
      add(reasons, leaked.leak(), RejectReason.DIAGNOSIS_LEAK);
      add(reasons, copied != null && copied > config.maxCopyShare(), RejectReason.EXAMPLE_COPY);
      add(reasons, covered.share() != null && covered.share() < config.minSymptomCoverage() - 1e-9,
          RejectReason.LOW_SYMPTOM_COVERAGE);

      // By name, not position: a column added to the schema cannot shift the others' values.
      put(values, "char_count", chars);
      put(values, "script_share", script);
      put(values, "symptom_coverage", covered.share());
      put(values, "symptoms_missing", seq(covered.missing()));
      put(values, "leak_score", leaked.score());
      put(values, "leak_terms", seq(leaked.terms()));
      put(values, "copy_share", copied);
      put(values, "refusal_match", refusal);
      put(values, REASONS, seq(reasons));
      put(values, TEXT_KEY, HexFormat.of().formatHex(sha256.digest(String.join(" ", words)
          .getBytes(StandardCharsets.UTF_8))));
      put(values, SEGMENTS, seq(Boilerplate.segments(text)));
      return RowFactory.create(values);
    }

    private void put(Object[] values, String column, Object value) {
      values[output.fieldIndex(column)] = value;
    }

    /** The sampled symptoms in the note's language (the other one when that text is missing). */
    private List<String> symptoms(Row note, String language) {
      List<String> texts = new ArrayList<>();
      for (Row symptom : facts(note, "symptoms")) {
        String ru = symptom.getAs("ru");
        String en = symptom.getAs("en");
        String text = "en".equals(language) ? (en != null ? en : ru) : (ru != null ? ru : en);
        if (text != null && !text.isBlank()) {
          texts.add(text);
        }
      }
      return texts;
    }

    /** Every fact text the note was asked to mention, in both languages. */
    private List<String> facts(Row note) {
      List<String> texts = new ArrayList<>();
      for (String column : FACT_COLUMNS) {
        for (Row fact : facts(note, column)) {
          for (String language : List.of("ru", "en")) {
            String text = fact.getAs(language);
            if (text != null) {
              texts.add(text);
            }
          }
        }
      }
      return texts;
    }

    private List<Row> facts(Row note, String column) {
      if (!List.of(input.fieldNames()).contains(column) || note.isNullAt(note.fieldIndex(column))) {
        return List.of();
      }
      return note.getList(note.fieldIndex(column));
    }

    /** The disease's names, each also split into its bracketed alternatives: "A [B] C" gives "A C" and "B". */
    private List<String> names(Row note) {
      List<String> names = new ArrayList<>();
      for (String column : NAME_COLUMNS) {
        String name = note.getAs(column);
        if (name == null) {
          continue;
        }
        names.add(BRACKETED.matcher(name).replaceAll(" "));
        BRACKETED.matcher(name).results().forEach(m -> names.add(m.group(1)));
      }
      return names;
    }
  }

  /** Row encoders take arrays as Scala sequences. */
  private static scala.collection.Seq<String> seq(List<String> values) {
    return CollectionConverters.asScala(values);
  }

  private static void add(List<String> reasons, boolean failed, RejectReason reason) {
    if (failed) {
      reasons.add(reason.label());
    }
  }
}
