package io.medsyn.generate;

import io.medsyn.table.OutputFiles;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The journal files of one Spark task attempt. Every finished request is appended as one line and flushed at once
 * (hflush), so a crash loses at most the requests in flight. Files roll every {@link #ROLL_LINES} lines or
 * {@link #ROLL_MILLIS} ms, because object stores (s3a) persist a file only when it is closed.
 *
 * <p>Files are named {@code <run>-part-<partition>-stage<n>-attempt<n>-<roll>.jsonl}, so a retried task finds what
 * its earlier attempts finished ({@link #earlierOk()}) and never pays for it twice.
 */
final class JournalWriter implements Closeable {
  static final int ROLL_LINES = 500;
  static final long ROLL_MILLIS = 30_000;

  private final FileSystem fs;
  private final Path dir;
  private final String partitionPrefix;
  private final String prefix;
  private FSDataOutputStream out;
  private int roll;
  private int lines;
  private long openedAt;

  JournalWriter(Configuration conf, String dir, String runId, int partition, int stageAttempt, int attempt) {
    this.dir = new Path(dir);
    try {
      this.fs = OutputFiles.raw(this.dir, conf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the journal directory " + dir + ": " + e.getMessage(), e);
    }
    this.partitionPrefix = String.format("%s-part-%05d-", runId, partition);
    this.prefix = String.format("%sstage%d-attempt%d-", partitionPrefix, stageAttempt, attempt);
  }

  /** Fingerprints that earlier attempts of this task finished with a note. */
  Set<String> earlierOk() {
    Set<String> ok = new HashSet<>();
    try {
      FileStatus[] files = fs.globStatus(new Path(dir, partitionPrefix + "*.jsonl"));
      if (files == null) {
        return ok;
      }
      for (FileStatus file : files) {
        if (file.getPath().getName().startsWith(prefix)) {
          continue;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(file.getPath()),
            StandardCharsets.UTF_8))) {
          String line;
          while ((line = in.readLine()) != null) {
            JournalLine.Key key = JournalLine.key(line);
            if (key != null && key.ok()) {
              ok.add(key.noteId());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal under " + dir + ": " + e.getMessage(), e);
    }
    return ok;
  }

  void append(String line, long now) {
    try {
      if (out == null) {
        out = fs.create(new Path(dir, String.format("%s%04d.jsonl", prefix, roll++)), false);
        openedAt = now;
        lines = 0;
      }
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.hflush();
      if (++lines >= ROLL_LINES) {
        closeFile();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the journal under " + dir + ": " + e.getMessage(), e);
    }
  }

  /** How long the caller may wait for the next line before the open file is due to roll. */
  long millisUntilRoll(long now) {
    return out == null ? ROLL_MILLIS : Math.max(1, openedAt + ROLL_MILLIS - now);
  }

  void rollIfDue(long now) {
    if (out != null && now - openedAt >= ROLL_MILLIS) {
      try {
        closeFile();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close a journal file under " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  private void closeFile() throws IOException {
    FSDataOutputStream file = out;
    out = null;
    file.close();
  }

  @Override
  public void close() {
    if (out != null) {
      try {
        closeFile();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close a journal file under " + dir + ": " + e.getMessage(), e);
      }
    }
  }
}
