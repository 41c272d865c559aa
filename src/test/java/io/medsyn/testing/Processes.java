package io.medsyn.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion for a test: output captured, a time limit, and the whole process tree killed. */
public final class Processes {
  /** The project directory: tests run there (Maven's basedir), and commands start there. */
  public static final Path PROJECT = Path.of("").toAbsolutePath();

  private Processes() {}

  public record Result(List<String> command, int exit, String stdout, String stderr) {
    /** Both streams, for assertion messages. */
    public String output() {
      return "$ " + String.join(" ", command) + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }

  public static Result run(List<String> command, Map<String, String> env, Duration timeout) {
    try {
      Path out = Files.createTempFile("medsyn-proc", ".out");
      Path err = Files.createTempFile("medsyn-proc", ".err");
      try {
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
          if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", command) + "\n"
                + tail(err, 4000));
          }
        } finally {
          destroyTree(process.toHandle());
        }
        return new Result(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
    }
  }

  /**
   * Starts {@code medsyn ARGS} in a JVM of its own ({@link ChildJvm}) on a local[2] master, its output in
   * {@code log}; the caller kills it or waits for it.
   */
  public static Process startMedSyn(List<String> args, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(ChildJvm.medsyn(args)).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }

  /** Kills a process and every descendant: children first, so none is left behind re-parented to init. */
  public static void destroyTree(ProcessHandle root) {
    List<ProcessHandle> tree = root.descendants().toList();
    tree.forEach(ProcessHandle::destroy);
    root.destroy();
    awaitExit(root, tree, Duration.ofSeconds(10));
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    if (root.isAlive()) {
      root.destroyForcibly();
    }
    awaitExit(root, tree, Duration.ofSeconds(10));
  }

  private static void awaitExit(ProcessHandle root, List<ProcessHandle> tree, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while ((root.isAlive() || tree.stream().anyMatch(ProcessHandle::isAlive)) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The last {@code chars} characters of a log file, for failure messages. */
  public static String tail(Path file, int chars) {
    try {
      String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      return text.length() <= chars ? text : "..." + text.substring(text.length() - chars);
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }
}
