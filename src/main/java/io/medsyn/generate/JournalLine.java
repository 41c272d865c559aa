package io.medsyn.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.medsyn.table.NoteSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One journal line: a finished request as a JSON object with the note's columns ({@link NoteSchema#NOTE}), and the
 * task id and code for people reading it. The task's own columns are in the tasks table, joined on by fingerprint
 * when the notes table is built; leaving them out keeps lines short (a third of the size) and the rebuild fast.
 */
final class JournalLine {
  /** How timestamps are written, and how Spark is told to read them back. */
  static final String TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern(TIMESTAMP_FORMAT)
      .withZone(ZoneOffset.UTC);
  private static final JsonFactory JSON = new JsonFactory();

  /** The schema to read the journal with: every line's fields, all nullable. */
  static final StructType SCHEMA = new StructType()
      .add("task_id", DataTypes.LongType)
      .add("code", DataTypes.StringType)
      .merge(NoteSchema.NOTE.asNullable(), false);

  /** The fingerprint a line is about, and whether it holds a note. */
  record Key(String noteId, boolean ok) {}

  private JournalLine() {}

  static String encode(NoteOutcome note, long taskId, String code) {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("task_id", taskId);
      g.writeStringField("code", code);
      g.writeStringField("note_id", note.noteId());
      g.writeStringField("language", note.language());
      g.writeStringField("prompt_kind", note.promptKind());
      g.writeStringField("text", note.text());
      g.writeStringField("status", note.status());
      g.writeStringField("error_class", note.errorClass());
      g.writeStringField("error_message", note.errorMessage());
      g.writeNumberField("attempts", note.attempts());
      g.writeNumberField("latency_ms", note.latencyMs());
      nullableNumber(g, "prompt_tokens", note.promptTokens());
      nullableNumber(g, "completion_tokens", note.completionTokens());
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

  private static void nullableNumber(JsonGenerator g, String field, Integer value) throws IOException {
    if (value == null) {
      g.writeNullField(field);
    } else {
      g.writeNumberField(field, value);
    }
  }
}
