package io.medsyn.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run per output: {@code OUTPUT/_medsyn.lease} names the run that writes there (host, pid, run id, command,
 * start) and a heartbeat the holder rewrites every {@link #HEARTBEAT}. Two runs on one output would pay for the same
 * prompts twice, go over the endpoint's limits together and collide writing the tables.
 *
 * <p>The lease is created atomically: with {@code O_EXCL} on a local disk, with HDFS's create-if-absent, and on S3A
 * with a conditional PUT (If-None-Match) when {@code fs.s3a.create.conditional.enabled} is true and the store
 * supports it (AWS S3 does). Elsewhere (an S3-compatible store without conditional writes) the check and the write
 * are two steps: keep to one run per output in the scheduler (the Airflow DAG has {@code max_active_runs=1}).
 *
 * <p>A second run stops with one line naming the holder. A lease whose heartbeat is older than {@link #STALE}, or
 * whose holder's pid is gone on this host, is stale: {@code --take-over-lease} replaces it.
 */
public final class OutputLease implements AutoCloseable {
  static final String FILE = "_medsyn.lease";
  static final Duration HEARTBEAT = Duration.ofSeconds(10);
  static final Duration STALE = Duration.ofSeconds(60);
  private static final Logger LOG = LoggerFactory.getLogger(OutputLease.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileSystem fs;
  private final Path lease;
  private final ObjectNode holder;
  private final ScheduledExecutorService heartbeat;

  private OutputLease(FileSystem fs, Path lease, ObjectNode holder) {
    this.fs = fs;
    this.lease = lease;
    this.holder = holder;
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "medsyn-lease-heartbeat");
      thread.setDaemon(true);
      return thread;
    });
    heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Checks that {@code output} is a directory (creating it when missing) and takes its lease, before any work.
   *
   * @param takeOver replace a stale lease ({@code --take-over-lease})
   * @throws IllegalArgumentException one line: the output is a file, or another run holds it (named)
   */
  public static OutputLease acquire(Configuration hadoop, String output, String command, boolean takeOver) {
    Path root = new Path(output);
    try {
      FileSystem fs = root.getFileSystem(hadoop);
      if (fs.exists(root) && !fs.getFileStatus(root).isDirectory()) {
        throw new IllegalArgumentException("output: " + output + " is a file, not a directory; pass --output DIR "
            + "(or set output) to a directory, which is created when missing");
      }
      fs.mkdirs(root);
      Path lease = new Path(root, FILE);
      ObjectNode holder = JSON.createObjectNode().put("host", host()).put("pid", ProcessHandle.current().pid())
          .put("run_id", UUID.randomUUID().toString()).put("command", "medsyn " + command)
          .put("started", Instant.now().toString()).put("heartbeat", Instant.now().toString());
      if (!create(fs, lease, holder)) {
        JsonNode other = read(fs, lease);
        boolean stale = other == null || stale(other);
        if (!takeOver || !stale) {
          throw new IllegalArgumentException("output: " + output + " is in use by " + describe(other)
              + (stale ? "; that run looks dead: pass --take-over-lease to replace its lease"
                  : "; wait for it to end (a lease with no heartbeat for " + STALE.toSeconds() + " s, or whose pid"
                      + " is gone on its host, can be taken over with --take-over-lease)"));
        }
        LOG.warn("taking over the stale lease on {} from {}", output, describe(other));
        fs.delete(lease, false);
        if (!create(fs, lease, holder)) {
          throw new IllegalArgumentException("output: " + output + " was taken over by another run at the same "
              + "time: " + describe(read(fs, lease)));
        }
      }
      return new OutputLease(fs, lease, holder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the lease on " + output + ": " + e.getMessage(), e);
    }
  }

  /** Gives the lease back: deleted if it is still this run's. */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      JsonNode current = read(fs, lease);
      if (current != null && holder.path("run_id").equals(current.path("run_id"))) {
        fs.delete(lease, false);
      }
    } catch (IOException e) {
      LOG.warn("cannot release the lease {}: {}", lease, e.getMessage());
    }
  }

  private void beat() {
    try {
      holder.put("heartbeat", Instant.now().toString());
      byte[] content = JSON.writeValueAsBytes(holder);
      if (local(fs)) {
        Files.write(java.nio.file.Path.of(lease.toUri().getPath()), content);
      } else {
        try (OutputStream out = fs.create(lease, true)) {
          out.write(content);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot renew the lease {}: {}", lease, e.getMessage());
    }
  }

  /** Creates the lease if there is none, atomically; false when another one is there. */
  private static boolean create(FileSystem fs, Path lease, ObjectNode holder) throws IOException {
    byte[] content = JSON.writeValueAsBytes(holder);
    if (local(fs)) {
      try {
        Files.write(java.nio.file.Path.of(lease.toUri().getPath()), content, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream out = fs.create(lease, false)) {
      out.write(content);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    }
  }

  /** A local disk: written with java.nio, for O_EXCL (Hadoop's local create checks, then creates). */
  private static boolean local(FileSystem fs) {
    return "file".equals(fs.getUri().getScheme());
  }

  private static JsonNode read(FileSystem fs, Path lease) throws IOException {
    try (InputStream in = fs.open(lease)) {
      return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (java.io.FileNotFoundException e) {
      return null;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // Half-written by a holder killed mid-write: nobody is renewing it.
      return null;
    }
  }

  private static boolean stale(JsonNode other) {
    Instant beat;
    try {
      beat = Instant.parse(other.path("heartbeat").asText());
    } catch (RuntimeException e) {
      return true;
    }
    if (Duration.between(beat, Instant.now()).compareTo(STALE) > 0) {
      return true;
    }
    return host().equals(other.path("host").asText())
        && ProcessHandle.of(other.path("pid").asLong()).map(p -> !p.isAlive()).orElse(true);
  }

  private static String describe(JsonNode other) {
    if (other == null) {
      return "a run whose lease is unreadable";
    }
    long seconds = -1;
    try {
      seconds = Duration.between(Instant.parse(other.path("heartbeat").asText()), Instant.now()).toSeconds();
    } catch (RuntimeException e) {
      // described without the age
    }
    return String.format("'%s' (run %s, host %s, pid %d, started %s, last heartbeat %s)",
        other.path("command").asText(), other.path("run_id").asText(), other.path("host").asText(),
        other.path("pid").asLong(), other.path("started").asText(), seconds < 0 ? "unknown" : seconds + " s ago");
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }
}
