package io.medsyn.mkg;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads users' own graphs: CSV vertices and edges tables, and the JSON code-to-symptoms map in which the MedSyn
 * authors released theirs ({@code {"I11.9": ["одышка", ...]}}, or with weights {@code {"I11.9": {"одышка": 0.8}}}).
 * Paths go through Hadoop's file systems, so {@code s3a://} works as well as local files.
 */
public final class GraphFiles {
  private static final Set<String> VERTEX_COLUMNS = Set.of("id", "type", "code", "name_ru", "name_en", "frequency");
  private static final Set<String> EDGE_COLUMNS = Set.of("src", "dst", "relation", "weight");

  private GraphFiles() {}

  public static KnowledgeGraph readCsv(String verticesPath, String edgesPath, Configuration hadoop) {
    List<Sourced<Vertex>> vertices = new ArrayList<>();
    readCsvRecords(verticesPath, hadoop, List.of("id", "type"), (record, origin) -> vertices.add(new Sourced<>(
        new Vertex(get(record, "id"), get(record, "type"), get(record, "code"), get(record, "name_ru"),
            get(record, "name_en"), number(record, "frequency", origin, true), extras(record, VERTEX_COLUMNS)),
        origin)));
    List<Sourced<Edge>> edges = new ArrayList<>();
    readCsvRecords(edgesPath, hadoop, List.of("src", "dst", "relation", "weight"), (record, origin) -> edges.add(
        new Sourced<>(new Edge(get(record, "src"), get(record, "dst"), get(record, "relation"),
            number(record, "weight", origin, false), extras(record, EDGE_COLUMNS)), origin)));
    return GraphValidator.validate(vertices, edges);
  }

  /**
   * Reads a code-to-symptoms map. Disease names come from {@code names} (the built-in graph) where it knows the
   * code, otherwise the code itself stands as the name. A subcode key also creates its category.
   */
  public static KnowledgeGraph readSymptomMap(String path, Configuration hadoop, KnowledgeGraph names) {
    Map<String, Vertex> known = new HashMap<>();
    names.vertexList().stream().filter(v -> v.code() != null).forEach(v -> known.put(v.code(), v));
    GraphBuilder builder = new GraphBuilder();
    try (InputStream in = open(path, hadoop); JsonParser p = new JsonFactory().createParser(in)) {
      expect(p.nextToken() == JsonToken.START_OBJECT, path, p, "expected a JSON object of code -> symptoms");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String code = p.currentName();
        String origin = path + ":" + p.currentLocation().getLineNr();
        expect(Icd10.isValid(code), path, p, "malformed ICD-10 code '" + code + "'; expected e.g. I11 or I11.9");
        String category = Icd10.category(code);
        String categoryId = Ids.disease(category);
        if (!builder.hasVertex(categoryId)) {
          Vertex v = known.get(category);
          builder.addDisease(category, v == null ? category : v.nameRu(), v == null ? category : v.nameEn(),
              v == null ? null : v.frequency(), v == null ? null : v.attrs(), origin);
        }
        String diseaseId = categoryId;
        if (!Icd10.isCategory(code)) {
          Vertex v = known.get(code);
          diseaseId = builder.addSubcode(categoryId, code, v == null ? code : v.nameRu(),
              v == null ? code : v.nameEn(), 1.0, origin);
        }
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            expect(p.currentToken() == JsonToken.VALUE_STRING, path, p, "symptoms of " + code + " must be strings");
            addSymptom(builder, diseaseId, p.getText(), 1.0, path + ":" + p.currentLocation().getLineNr());
          }
        } else if (t == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String symptom = p.currentName();
            p.nextToken();
            expect(p.currentToken().isNumeric(), path, p, "weight of '" + symptom + "' under " + code
                + " must be a number in (0, 1]");
            addSymptom(builder, diseaseId, symptom, p.getDoubleValue(), path + ":" + p.currentLocation().getLineNr());
          }
        } else {
          expect(false, path, p, "value of " + code + " must be a list of symptoms or a {symptom: weight} object");
        }
      }
    } catch (IOException e) {
      throw new GraphValidationException(path + ": not readable as JSON: " + e.getMessage());
    }
    return builder.build();
  }

  private static void addSymptom(GraphBuilder builder, String diseaseId, String text, double weight, String origin) {
    builder.addFact(diseaseId, Relation.HAS_SYMPTOM, text, text, null, null, weight, origin);
  }

  private static void expect(boolean ok, String path, JsonParser p, String message) {
    if (!ok) {
      throw new GraphValidationException(path + ":" + p.currentLocation().getLineNr() + ": " + message);
    }
  }

  interface RecordSink {
    void accept(CSVRecord record, String origin);
  }

  private static void readCsvRecords(String path, Configuration hadoop, List<String> required, RecordSink sink) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (Reader reader = new InputStreamReader(open(path, hadoop), StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      for (String column : required) {
        if (!parser.getHeaderMap().containsKey(column)) {
          throw new GraphValidationException(path + ":1: missing column '" + column + "'; the header must have "
              + required + " (found " + parser.getHeaderNames() + ")");
        }
      }
      for (CSVRecord record : parser) {
        sink.accept(record, path + ":" + parser.getCurrentLineNumber());
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new GraphValidationException(path + ": not readable as CSV: " + e.getMessage());
    }
  }

  private static InputStream open(String path, Configuration hadoop) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(hadoop);
    if (!fs.exists(p)) {
      throw new GraphValidationException(path + ": no such file; check mkg.vertices / mkg.edges");
    }
    return fs.open(p);
  }

  private static String get(CSVRecord record, String column) {
    if (!record.isMapped(column) || !record.isSet(column)) {
      return null;
    }
    String value = record.get(column);
    return value.isEmpty() ? null : value;
  }

  private static Double number(CSVRecord record, String column, String origin, boolean optional) {
    String raw = get(record, column);
    if (raw == null) {
      if (optional) {
        return null;
      }
      throw new GraphValidationException(origin + ": empty " + column);
    }
    try {
      return Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw new GraphValidationException(origin + ": " + column + " '" + raw + "' is not a number");
    }
  }

  private static Map<String, String> extras(CSVRecord record, Set<String> standard) {
    Map<String, String> attrs = new HashMap<>();
    record.toMap().forEach((k, v) -> {
      if (!standard.contains(k) && v != null && !v.isEmpty()) {
        attrs.put(k, v);
      }
    });
    return attrs;
  }
}
