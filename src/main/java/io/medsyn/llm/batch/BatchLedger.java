package io.medsyn.llm.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medsyn.table.OutputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Which batches are out, written the moment each is created: a run killed while waiting finds its batches here and
 * waits for them instead of paying for their requests again. One small file per event ({@code <batch>.created.json}
 * with the requests' fingerprints, {@code <batch>.ended} once its answers are journaled), each whole when it
 * appears: written aside and renamed, and object stores publish a file only when it is closed.
 */
final class BatchLedger {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CREATED = ".created.json";
  private static final String ENDED = ".ended";

  /**
   * A batch that was created.
   *
   * @param attempt how many batches its requests have gone out in, this one included
   * @param promptTokens the requests' estimated prompt tokens, what it holds of the enqueued-tokens limit
   */
  record Entry(String batchId, String inputFileId, String runId, int attempt, long createdAtMs, long promptTokens,
      List<String> fingerprints) {}

  private final FileSystem fs;
  private final Path dir;

  BatchLedger(Configuration conf, String dir) {
    this.dir = new Path(dir);
    try {
      this.fs = OutputFiles.raw(this.dir, conf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the batch ledger " + dir + ": " + e.getMessage(), e);
    }
  }

  void created(Entry entry) {
    ObjectNode root = JSON.createObjectNode().put("batch_id", entry.batchId())
        .put("input_file_id", entry.inputFileId()).put("run_id", entry.runId()).put("attempt", entry.attempt())
        .put("created_at_ms", entry.createdAtMs()).put("prompt_tokens", entry.promptTokens());
    ArrayNode fingerprints = root.putArray("fingerprints");
    entry.fingerprints().forEach(fingerprints::add);
    write(entry.batchId() + CREATED, root.toString());
  }

  /** The batch's answers are journaled: it is no longer waited for. */
  void ended(Entry entry, String status) {
    write(entry.batchId() + ENDED, status);
  }

  /** The batches created and not ended, oldest first. */
  List<Entry> open() {
    List<Entry> open = new ArrayList<>();
    try {
      if (!fs.exists(dir)) {
        return open;
      }
      Set<String> ended = new HashSet<>();
      List<FileStatus> created = new ArrayList<>();
      for (FileStatus file : fs.listStatus(dir)) {
        String name = file.getPath().getName();
        if (name.endsWith(ENDED)) {
          ended.add(name.substring(0, name.length() - ENDED.length()));
        } else if (name.endsWith(CREATED)) {
          created.add(file);
        }
      }
      for (FileStatus file : created) {
        String name = file.getPath().getName();
        if (!ended.contains(name.substring(0, name.length() - CREATED.length()))) {
          open.add(read(file.getPath()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the batch ledger " + dir + ": " + e.getMessage(), e);
    }
    open.sort(Comparator.comparingLong(Entry::createdAtMs));
    return open;
  }

  private Entry read(Path file) throws IOException {
    JsonNode root;
    try (InputStream in = fs.open(file)) {
      root = JSON.readTree(in);
    }
    List<String> fingerprints = new ArrayList<>();
    root.path("fingerprints").forEach(f -> fingerprints.add(f.asText()));
    return new Entry(root.path("batch_id").asText(), root.path("input_file_id").asText(),
        root.path("run_id").asText(), root.path("attempt").asInt(1), root.path("created_at_ms").asLong(),
        root.path("prompt_tokens").asLong(), fingerprints);
  }

  private void write(String name, String content) {
    Path target = new Path(dir, name);
    Path aside = new Path(dir, "." + name + ".tmp");
    try {
      fs.mkdirs(dir);
      try (OutputStream out = fs.create(aside, true)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
      if (!fs.rename(aside, target)) {
        throw new IOException("rename " + aside + " -> " + target + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + " (the batch ledger): " + e.getMessage()
          + "; the batch is created at the provider, so keep its id (" + name + ") and cancel it there if"
          + " needed", e);
    }
  }
}
