package io.medsyn.quality;

import io.medsyn.Checks;
import io.medsyn.Hashes;
import io.medsyn.config.QualityConfig;
import io.medsyn.table.NoteSchema;
import io.medsyn.table.QualitySchema;
import io.medsyn.text.Stemmer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Runs the {@link NoteChecks} on each note and adds what the corpus-wide checks need: the reasons found so far,
 * a key of the note's words for exact duplicates, and its boilerplate segments.
 */
final class NoteChecker implements MapPartitionsFunction<Row, Row> {
  static final RejectReason GENERATION_FAILED = new RejectReason("generation_failed",
      "the generation stage gave no text (status failed)");
  static final String REASONS = "_reasons";
  static final String TEXT_KEY = "_text_key";
  static final String SEGMENTS = "_segments";
  /** Columns every notes table must have; anamnesis and findings are used when present. */
  static final List<String> REQUIRED = List.of("note_id", "code", "disease_ru", "disease_en", "subcode_ru",
      "subcode_en", "symptoms", "example_text", "language", "text", "status");

  private final QualityConfig config;
  private final StructType input;
  private final StructType output;

  NoteChecker(QualityConfig config, StructType input) {
    List<String> missing = REQUIRED.stream().filter(c -> !List.of(input.fieldNames()).contains(c)).toList();
    Checks.checkArgument(missing.isEmpty(), "the notes table lacks columns %s (it has %s); quality needs %s",
        missing, List.of(input.fieldNames()), REQUIRED);
    this.config = config;
    this.input = input;
    this.output = QualitySchema.concat(QualitySchema.concat(input, NoteChecks.columns(config)), new StructType()
        .add(REASONS, DataTypes.createArrayType(DataTypes.StringType, false), false)
        .add(TEXT_KEY, DataTypes.StringType, true)
        .add(SEGMENTS, DataTypes.createArrayType(DataTypes.StringType, false), false));
  }

  /** The input columns, the checks' columns, then the transient columns for the corpus-wide checks. */
  StructType outputSchema() {
    return output;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> notes) {
    Checking checking = new Checking();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return notes.hasNext();
      }

      @Override
      public Row next() {
        return checking.check(notes.next());
      }
    };
  }

  /** The per-partition state: stemmers and compiled patterns are not serializable and not thread-safe. */
  private final class Checking {
    private final Stemmer stemmer = new Stemmer();
    private final List<NoteCheck> checks = NoteChecks.create(config, stemmer);
    private final List<Set<String>> columns = checks.stream().map(c -> Set.of(c.columns().fieldNames())).toList();
    private final List<List<RejectReason>> declared = NoteChecks.KINDS.stream().map(NoteCheck.Kind::reasons).toList();
    private final MessageDigest sha256 = Hashes.sha256();
    private final int width = input.fields().length;

    Row check(Row note) {
      Object[] values = new Object[output.size()];
      for (int i = 0; i < width; i++) {
        values[i] = note.get(i);
      }
      String text = note.getAs("text");
      if (text == null || !NoteSchema.OK.equals(note.getAs("status"))) {
        values[output.fieldIndex(REASONS)] = seq(List.of(GENERATION_FAILED.label()));
        values[output.fieldIndex(SEGMENTS)] = seq(List.of());
        return RowFactory.create(values);
      }
      CheckedNote checked = new CheckedNote(note, stemmer);
      Set<RejectReason> reasons = new HashSet<>();
      for (int i = 0; i < checks.size(); i++) {
        checks.get(i).check(checked, new Verdict(checks.get(i), columns.get(i), declared.get(i), output, values,
            reasons));
      }
      values[output.fieldIndex(REASONS)] = labels(reasons);
      values[output.fieldIndex(TEXT_KEY)] = HexFormat.of().formatHex(sha256.digest(String.join(" ",
          checked.words()).getBytes(StandardCharsets.UTF_8)));
      values[output.fieldIndex(SEGMENTS)] = seq(Boilerplate.segments(text));
      return RowFactory.create(values);
    }
  }

  /** The reasons in the registry's order, whatever order the checks gave them in, as labels. */
  private static scala.collection.Seq<String> labels(Set<RejectReason> reasons) {
    return seq(NoteChecks.REASONS.stream().filter(reasons::contains).map(RejectReason::label).toList());
  }

  /** Row encoders take arrays as Scala sequences. */
  private static scala.collection.Seq<String> seq(List<String> values) {
    return CollectionConverters.asScala(values);
  }
}
