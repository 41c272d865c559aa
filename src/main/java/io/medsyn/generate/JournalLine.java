package io.medsyn.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.medsyn.sampling.TaskSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One journal line: a finished request as a JSON object with every column of its notes-table row, so the table
 * can be rebuilt from the journal alone.
 */
final class JournalLine {
  /** How timestamps are written, and how Spark is told to read them back. */
  static final String TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern(TIMESTAMP_FORMAT)
      .withZone(ZoneOffset.UTC);
  private static final JsonFactory JSON = new JsonFactory();

  /** The fingerprint a line is about, and whether it holds a note. */
  record Key(String noteId, boolean ok) {}

  private JournalLine() {}

  static String encode(Row task, NoteOutcome note) {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      for (StructField f : TaskSchema.TASKS.fields()) {
        g.writeFieldName(f.name());
        value(g, task.get(task.fieldIndex(f.name())), f.dataType());
      }
      g.writeStringField("note_id", note.noteId());
      g.writeStringField("language", note.language());
      g.writeStringField("prompt_kind", note.promptKind());
      g.writeStringField("text", note.text());
      g.writeStringField("status", note.status());
      g.writeStringField("error_class", note.errorClass());
      g.writeStringField("error_message", note.errorMessage());
      g.writeNumberField("attempts", note.attempts());
      g.writeNumberField("latency_ms", note.latencyMs());
      g.writeFieldName("prompt_tokens");
      value(g, note.promptTokens(), null);
      g.writeFieldName("completion_tokens");
      value(g, note.completionTokens(), null);
      g.writeNumberField("cost_usd", note.costUsd());
      g.writeStringField("backend", note.backend());
      g.writeStringField("model", note.model());
      g.writeStringField("template_hash", note.templateHash());
      g.writeStringField("finish_reason", note.finishReason());
      g.writeStringField("started_at", TIMESTAMP.format(Instant.ofEpochMilli(note.startedAtMs())));
      g.writeStringField("finished_at", TIMESTAMP.format(Instant.ofEpochMilli(note.finishedAtMs())));
      g.writeStringField("run_id", note.runId());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the journal line of " + note.noteId(), e);
    }
    return out.toString();
  }

  /** The key of a line, or null for a line that is not a whole JSON object (cut off when a run was killed). */
  static Key key(String line) {
    String noteId = null;
    String status = null;
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if ("note_id".equals(name) && v == JsonToken.VALUE_STRING) {
          noteId = p.getText();
        } else if ("status".equals(name) && v == JsonToken.VALUE_STRING) {
          status = p.getText();
        } else {
          p.skipChildren();
        }
      }
      if (t != JsonToken.END_OBJECT || noteId == null) {
        return null;
      }
    } catch (IOException e) {
      return null;
    }
    return new Key(noteId, NoteSchema.OK.equals(status));
  }

  private static void value(JsonGenerator g, Object v, DataType type) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Row row && type instanceof StructType struct) {
      g.writeStartObject();
      for (int i = 0; i < struct.fields().length; i++) {
        g.writeFieldName(struct.fields()[i].name());
        value(g, row.get(i), struct.fields()[i].dataType());
      }
      g.writeEndObject();
    } else if (type instanceof ArrayType array) {
      Iterable<?> items = v instanceof scala.collection.Iterable<?> seq ? CollectionConverters.asJava(seq)
          : (Iterable<?>) v;
      g.writeStartArray();
      for (Object item : items) {
        value(g, item, array.elementType());
      }
      g.writeEndArray();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      throw new IllegalArgumentException("the journal cannot encode a " + v.getClass().getName() + " (" + type
          + ")");
    }
  }
}
