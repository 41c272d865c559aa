package io.medsyn.card;

import io.medsyn.quality.QualitySummary;
import java.util.List;
import java.util.Map;

/**
 * The dataset card of a corpus: what it is, how it was made and what it holds, as facts read from the run's tables.
 * {@link CardMarkdown} renders it as Hugging Face's README.md, {@link CardJson} as JSON; both carry the same facts.
 *
 * @param header the card's YAML metadata, in Hugging Face's keys
 * @param made how the notes were made: graph, backends, prompt templates, seed, configuration
 * @param notes rows of the notes table: all, {@code ok}, failed, passing the quality stage (null before it ran)
 * @param byCode the same counts for each code, in code order
 * @param byLanguage the same counts for each note language
 * @param lengths quantiles of the corpus notes' length in characters and in words
 * @param quality the quality stage's figures; null when it has not scored these notes yet
 * @param usage what the notes cost: tokens and US dollars over every row of the notes table
 */
public record Card(Header header, Made made, Counts notes, List<Counts> byCode, List<Counts> byLanguage,
    Lengths lengths, Quality quality, Usage usage) {
  public Card {
    byCode = List.copyOf(byCode);
    byLanguage = List.copyOf(byLanguage);
  }

  /** The corpus a user trains on: the notes that pass the quality stage, or every ok note before it ran. */
  public long corpusNotes() {
    return notes.passed() == null ? notes.ok() : notes.passed();
  }

  /** Which notes {@link #corpusNotes()} counts, in words. */
  public String corpusName() {
    return notes.passed() == null ? "generated notes (not yet scored by the quality stage)"
        : "notes that pass the quality stage";
  }

  /** Hugging Face's dataset-card metadata. */
  public record Header(String prettyName, String license, List<String> language, List<String> sizeCategories,
      List<String> taskCategories, List<String> taskIds, List<String> tags) {
    public Header {
      language = List.copyOf(language);
      sizeCategories = List.copyOf(sizeCategories);
      taskCategories = List.copyOf(taskCategories);
      taskIds = List.copyOf(taskIds);
      tags = List.copyOf(tags);
    }
  }

  /**
   * @param graphSource {@code mkg.source} and the files it read
   * @param graphCodes the graph's ICD-10 categories after {@code mkg.codes}
   * @param graphSha256 SHA-256 of the graph's vertices and edges: the graph's version, whatever its source
   * @param config the configuration that made the notes, secrets left out ({@link PublicConfig})
   */
  public record Made(String graphSource, long graphCodes, String graphSha256, List<Backend> backends,
      List<Template> templates, List<String> runIds, long seed, Map<String, Object> config) {
    public Made {
      backends = List.copyOf(backends);
      templates = List.copyOf(templates);
      runIds = List.copyOf(runIds);
    }
  }

  /** Notes written by one backend and model. */
  public record Backend(String backend, String model, long notes) {}

  /** Notes written from one prompt template, named by the SHA-256 every note carries. */
  public record Template(String promptKind, String language, String templateHash, long notes) {}

  /**
   * @param key a code or a language; null for the whole table
   * @param passed null when the quality stage has not scored the notes
   */
  public record Counts(String key, long notes, long ok, long failed, Long passed) {}

  /** Quantiles by name ({@code min}, {@code p10}, ..., {@code max}), linear between ranks as Spark's percentile. */
  public record Lengths(Map<String, Double> chars, Map<String, Double> words) {}

  /**
   * @param rejectedByReason notes per reject reason; a note with several reasons counts under each
   * @param figures every other figure of the quality summary's total row, by column name (e.g. realism, privacy)
   */
  public record Quality(long notes, long passed, Map<String, Long> rejectedByReason, Map<String, Object> figures) {
    /** The share of notes that pass, in percent rounded down, as the quality stage prints it. */
    public double passPercent() {
      return QualitySummary.passPercent(notes, passed);
    }
  }

  public record Usage(long promptTokens, long completionTokens, double costUsd) {}
}
