package io.medsyn.quality;

import io.medsyn.config.QualityConfig;
import io.medsyn.text.Stemmer;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * The registry of per-note checks: one line per check, in the order of their columns in {@code quality/notes}.
 * To add a check, write its class and add its line here.
 */
final class NoteChecks {
  private static final List<NoteCheck.Factory> REGISTRY = List.of(
      (config, stemmer) -> new Length(config.minChars(), config.maxChars()),
      (config, stemmer) -> new Script(config.minScriptShare()),
      (config, stemmer) -> new SymptomCoverage(stemmer, config.symptomWordShare(), config.minSymptomCoverage()),
      (config, stemmer) -> new DiagnosisLeak(stemmer, config.leakNameShare()),
      (config, stemmer) -> new ExampleCopy(config.copyNgram(), config.maxCopyShare()),
      (config, stemmer) -> new Refusals(config.refusalPatterns()));

  private NoteChecks() {}

  /** The checks for one partition, sharing its stemmer. */
  static List<NoteCheck> create(QualityConfig config, Stemmer stemmer) {
    return REGISTRY.stream().map(factory -> factory.create(config, stemmer)).toList();
  }

  /** The columns the checks add to each note, in order: the per-note part of {@code quality/notes}' schema. */
  static StructType columns(QualityConfig config) {
    StructType columns = new StructType();
    for (NoteCheck check : create(config, new Stemmer())) {
      for (var field : check.columns().fields()) {
        columns = columns.add(field);
      }
    }
    return columns;
  }
}
