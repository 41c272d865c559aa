package io.medsyn.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code README.md}: the card in Hugging Face's dataset-card form, a YAML header of metadata and then sections a
 * person reads. Every figure comes from the {@link Card}; none is written here.
 */
public final class CardMarkdown {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private CardMarkdown() {}

  public static String render(Card card) {
    StringBuilder md = new StringBuilder();
    md.append("---\n").append(yaml(header(card.header()))).append("---\n\n");
    md.append("# ").append(card.header().prettyName()).append("\n\n");
    md.append(String.format(Locale.ROOT, "%,d synthetic clinical notes (%s) over %,d ICD-10 codes: the %s. Made by"
        + " MedSyn on Spark from a medical knowledge graph; no note is about a real patient.%n%n",
        card.corpusNotes(), String.join(", ", card.header().language()), card.byCode().size(), card.corpusName()));
    made(md, card);
    contents(md, card);
    quality(md, card.quality());
    usage(md, card.usage());
    md.append("""
        ## Intended use and limits

        - For training and testing ICD-10 classifiers and other clinical NLP models, alone or mixed with real notes,
          and for studying synthetic data. Measure on real notes: a score on synthetic notes says little about a
          model's use on real ones.
        - Synthetic: the notes are written by a program or a language model from facts drawn from a knowledge graph.
          They are not medical records, they have not been reviewed by clinicians, and they may be medically wrong.
        - **Not for clinical decisions**: do not use the notes, or a model trained only on them, to diagnose or treat
          anyone.
        - A note's code is the code it was written for; the graph's symptoms and priors are simplifications, so
          codes that share symptoms are harder to tell apart here than in a clinic, or easier.
        - License: `other` means MedSyn on Spark sets none; whoever publishes a corpus chooses its license (and
          respects the terms of the model that wrote it).

        ## Files

        | path | what |
        |---|---|
        | `notes/` | every note, partitioned by code (Parquet); `status` `ok` or `failed` |
        | `quality/notes/` | every note with its quality scores, `quality_pass` and `reject_reasons`; the corpus is the rows with `quality_pass` |
        | `quality/summary/`, `quality/summary.json` | the quality stage's counts by reason and code |
        | `report/quality.html` | the quality stage's report |
        | `card.json` | this card's facts for machines |
        """);
    return md.toString();
  }

  private static Map<String, Object> header(Card.Header h) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("pretty_name", h.prettyName());
    header.put("license", h.license());
    header.put("language", h.language());
    header.put("size_categories", h.sizeCategories());
    header.put("task_categories", h.taskCategories());
    header.put("task_ids", h.taskIds());
    header.put("tags", h.tags());
    return header;
  }

  private static void made(StringBuilder md, Card card) {
    Card.Made m = card.made();
    md.append("## What it is and how it was made\n\n");
    md.append(String.format(Locale.ROOT, "- Graph: %s; %,d ICD-10 categories; SHA-256 of its vertices and edges"
        + " `%s`%n", m.graphSource(), m.graphCodes(), m.graphSha256()));
    md.append("- Seed: ").append(m.seed()).append('\n');
    md.append("- Generation runs: ").append(String.join(", ", m.runIds())).append("\n\n");
    md.append("| backend | model | notes |\n|---|---|---:|\n");
    m.backends().forEach(b -> md.append(String.format(Locale.ROOT, "| %s | %s | %,d |%n", b.backend(), b.model(),
        b.notes())));
    md.append("\nPrompt templates, by the SHA-256 of the template file each note records in `template_hash`:\n\n");
    md.append("| prompt kind | language | template SHA-256 | notes |\n|---|---|---|---:|\n");
    m.templates().forEach(t -> md.append(String.format(Locale.ROOT, "| %s | %s | `%s` | %,d |%n", t.promptKind(),
        t.language(), t.templateHash(), t.notes())));
    md.append("\nThe configuration that made the notes (values that may be credentials are left out):\n\n```yaml\n")
        .append(yaml(m.config())).append("```\n\n");
  }

  private static void contents(StringBuilder md, Card card) {
    boolean scored = card.notes().passed() != null;
    md.append("## Notes per code and per language\n\n");
    md.append(String.format(Locale.ROOT, "%,d notes were generated: %,d ok, %,d failed%s.%n%n", card.notes().notes(),
        card.notes().ok(), card.notes().failed(), scored
            ? String.format(Locale.ROOT, "; %,d pass the quality stage", card.notes().passed()) : ""));
    counts(md, "language", card.byLanguage(), scored);
    md.append(String.format(Locale.ROOT, "Length of the %s:%n%n", card.corpusName()));
    md.append("| unit |");
    CardFacts.QUANTILES.keySet().forEach(q -> md.append(' ').append(q).append(" |"));
    md.append("\n|---|").append("---:|".repeat(CardFacts.QUANTILES.size())).append('\n');
    quantiles(md, "characters", card.lengths().chars());
    quantiles(md, "words", card.lengths().words());
    md.append('\n');
    counts(md, "code", card.byCode(), scored);
  }

  private static void counts(StringBuilder md, String key, List<Card.Counts> rows, boolean scored) {
    md.append("| ").append(key).append(" | notes | ok | failed |").append(scored ? " pass |" : "")
        .append("\n|---|---:|---:|---:|").append(scored ? "---:|" : "").append('\n');
    rows.forEach(c -> md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d |%s%n", c.key(), c.notes(),
        c.ok(), c.failed(), scored ? String.format(Locale.ROOT, " %,d |", c.passed()) : "")));
    md.append('\n');
  }

  private static void quantiles(StringBuilder md, String unit, Map<String, Double> values) {
    md.append("| ").append(unit).append(" |");
    CardFacts.QUANTILES.keySet().forEach(q -> md.append(values.containsKey(q)
        ? String.format(Locale.ROOT, " %,.1f |", values.get(q)) : " – |"));
    md.append('\n');
  }

  private static void quality(StringBuilder md, Card.Quality q) {
    md.append("## Quality\n\n");
    if (q == null) {
      md.append("The quality stage has not scored these notes yet: `medsyn filter` scores them and rewrites this"
          + " card.\n\n");
      return;
    }
    md.append(String.format(Locale.ROOT, "%,d of %,d notes pass (%.1f %%, rounded down). Rejected notes by reason"
        + " (a note with several reasons counts under each):%n%n", q.passed(), q.notes(), q.passPercent()));
    md.append("| reason | notes |\n|---|---:|\n");
    q.rejectedByReason().forEach((reason, n) -> md.append(String.format(Locale.ROOT, "| %s | %,d |%n", reason, n)));
    md.append('\n');
    if (!q.figures().isEmpty()) {
      md.append("Other figures of the quality summary:\n\n| figure | value |\n|---|---|\n");
      q.figures().forEach((name, value) -> md.append("| ").append(name).append(" | ").append(figure(value))
          .append(" |\n"));
      md.append('\n');
    }
  }

  /** A figure for a table cell; a list (the realism tells) item by item, each with its numbers formatted. */
  static String figure(Object value) {
    return value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d)
        : value instanceof Float f ? String.format(Locale.ROOT, "%.4f", f)
        : value instanceof Number n ? String.format(Locale.ROOT, "%,d", n.longValue())
        : value instanceof List<?> list ? list.stream().map(CardMarkdown::figure).collect(Collectors.joining("; "))
        : value instanceof Map<?, ?> map ? map.entrySet().stream().map(e -> e.getKey() + " " + figure(e.getValue()))
            .collect(Collectors.joining(", "))
        : String.valueOf(value).replace("|", "\\|");
  }

  private static void usage(StringBuilder md, Card.Usage u) {
    md.append("## Tokens and cost\n\n");
    md.append(String.format(Locale.ROOT, "| prompt tokens | completion tokens | cost (USD) |%n|---:|---:|---:|%n"
        + "| %,d | %,d | %.4f |%n%n", u.promptTokens(), u.completionTokens(), u.costUsd()));
    md.append("Over every row of the notes table, failed requests included; the offline backend costs nothing.\n\n");
  }

  private static String yaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain maps and lists always serialize: " + e.getMessage(), e);
    }
  }
}
