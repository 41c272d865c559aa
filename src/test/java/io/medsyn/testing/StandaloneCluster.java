package io.medsyn.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Spark standalone cluster on 127.0.0.1 for tests: a master and N workers, each its own JVM started from the
 * build's classpath, and executors that the workers start in JVMs of their own. Applications are submitted the way
 * a user submits them: through a jobs/ wrapper, i.e. SparkSubmit with the shaded job jar.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final StandaloneCluster CLUSTER = StandaloneCluster.builder().workers(2).build();
 * ...
 * SparkApp app = CLUSTER.submit("run", List.of(), SmallRun.cliArgs(out));
 * List<Executor> executors = CLUSTER.awaitExecutors(2, Duration.ofSeconds(60));
 * CLUSTER.kill(executors.get(0));          // a lost executor, mid-stage
 * app.awaitSuccess(Duration.ofMinutes(2));
 * }</pre>
 *
 * <p>Every process it starts (master, workers, executors, submitted drivers) is killed when the test class ends,
 * pass or fail, and by a shutdown hook if the test JVM exits first. Logs stay under target/standalone-cluster.
 */
public final class StandaloneCluster implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  private static final String EXECUTOR_MAIN = "org.apache.spark.executor.CoarseGrainedExecutorBackend";
  private static final Duration START_LIMIT = Duration.ofSeconds(90);
  /**
   * JVM flags for the daemons and executors: short-lived JVMs on a small machine start and finish sooner with the
   * C1 compiler alone and the serial collector than with compiler and GC threads competing for two cores.
   */
  private static final List<String> SMALL_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private final int workerCount;
  private final int workerCores;
  private final String workerMemory;
  private final String daemonHeap;
  private final Path dir;
  private final List<Process> daemons = new ArrayList<>();
  private final List<SparkApp> apps = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::stop, "standalone-cluster-stop");
  private Path sparkHome;
  private String masterUrl;

  private StandaloneCluster(Builder builder) {
    this.workerCount = builder.workers;
    this.workerCores = builder.workerCores;
    this.workerMemory = builder.workerMemory;
    this.daemonHeap = builder.daemonHeap;
    this.dir = builder.dir;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A running executor JVM: its process, the worker that started it, and Spark's ids for it. */
  public record Executor(ProcessHandle process, int worker, String appId, String executorId) {
    public long pid() {
      return process.pid();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void close() {
    stop();
  }

  /** Starts the master, then the workers, and returns once every worker has registered with the master. */
  public synchronized void start() {
    if (masterUrl != null) {
      return;
    }
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      sparkHome = assembleSparkHome();
      int port = freePort();
      Path masterLog = dir.resolve("master.log");
      daemons.add(launch(List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
          String.valueOf(port), "--webui-port", "0"), masterLog));
      masterUrl = "spark://127.0.0.1:" + port;
      awaitLog(masterLog, "I have been elected leader", "the master");
      for (int i = 0; i < workerCount; i++) {
        Path work = dir.resolve("work-" + i);
        Files.createDirectories(work);
        daemons.add(launch(List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
            String.valueOf(workerCores), "--memory", workerMemory, "--work-dir", work.toString(), "--webui-port", "0",
            masterUrl), dir.resolve("worker-" + i + ".log")));
      }
      for (int i = 0; i < workerCount; i++) {
        awaitLog(dir.resolve("worker-" + i + ".log"), "Successfully registered with master", "worker " + i);
      }
    } catch (IOException e) {
      stop();
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      stop();
      throw e;
    }
  }

  /** Kills everything this cluster started, executors and drivers first; safe to call more than once. */
  public synchronized void stop() {
    apps.forEach(app -> Processes.destroyTree(app.process.toHandle()));
    apps.clear();
    for (int i = daemons.size() - 1; i >= 0; i--) {
      Processes.destroyTree(daemons.get(i).toHandle());
    }
    daemons.clear();
    masterUrl = null;
    if (Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException | IllegalArgumentException ignored) {
        // the JVM is shutting down, or the hook was never added: nothing to undo
      }
    }
  }

  public String masterUrl() {
    if (masterUrl == null) {
      throw new IllegalStateException("the cluster is not running: start() it or register it as an extension");
    }
    return masterUrl;
  }

  /** The worker JVMs' processes, in worker order. */
  public List<ProcessHandle> workers() {
    return daemons.stream().skip(1).map(Process::toHandle).toList();
  }

  /** The executor JVMs running now, on any worker. */
  public List<Executor> executors() {
    List<Executor> executors = new ArrayList<>();
    List<ProcessHandle> workers = workers();
    for (int i = 0; i < workers.size(); i++) {
      int worker = i;
      workers.get(i).descendants().filter(ProcessHandle::isAlive).forEach(p -> {
        List<String> args = p.info().arguments().map(List::of).orElse(List.of());
        if (args.contains(EXECUTOR_MAIN)) {
          executors.add(new Executor(p, worker, argument(args, "--app-id"), argument(args, "--executor-id")));
        }
      });
    }
    return executors;
  }

  /** Waits until at least {@code count} executors run, and returns them. */
  public List<Executor> awaitExecutors(int count, Duration limit) {
    await(() -> executors().size() >= count, limit, count + " executors (running: " + executors() + ")");
    return executors();
  }

  /** Kills an executor at once (SIGKILL), as a lost machine would; its worker notices and reports it lost. */
  public void kill(Executor executor) {
    executor.process().destroyForcibly();
    await(() -> !executor.process().isAlive(), Duration.ofSeconds(10), "executor " + executor.pid() + " to die");
  }

  /** Kills the executor with this process id. */
  public void killExecutor(long pid) {
    kill(executors().stream().filter(e -> e.pid() == pid).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no executor with pid " + pid + " in " + executors())));
  }

  /**
   * The stderr log (its Spark log) of each executor an application had, under the workers' work directories:
   * app-id/executor-id/stderr. Executors of the other applications the cluster ran are left out.
   */
  public List<Path> executorLogs(String appId) {
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < workerCount; i++) {
      Path work = dir.resolve("work-" + i).resolve(appId);
      if (Files.isDirectory(work)) {
        try (Stream<Path> files = Files.walk(work, 2)) {
          files.filter(f -> f.getFileName().toString().equals("stderr")).sorted().forEach(logs::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return logs;
  }

  /**
   * Submits {@code medsyn COMMAND} to this cluster through its jobs/ wrapper (client mode: the driver is the
   * wrapper's JVM). {@code wrapperArgs} go before {@code --}, {@code medsynArgs} after it.
   */
  public synchronized SparkApp submit(String command, List<String> wrapperArgs, List<String> medsynArgs) {
    List<String> line = new ArrayList<>(List.of(Jobs.wrapper(command).toString(), "--master", masterUrl(),
        "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", SMALL_JVM)));
    line.addAll(wrapperArgs);
    line.add("--");
    line.addAll(medsynArgs);
    Path log = dir.resolve("app-" + apps.size() + "-" + command + ".log");
    // conf/log4j2.properties keeps Spark's lines off the console, in its log file: one file per application here.
    Path sparkLog = dir.resolve("app-" + apps.size() + "-" + command + ".spark.log");
    try {
      ProcessBuilder builder = new ProcessBuilder(line).directory(Processes.PROJECT.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("JAVA_TOOL_OPTIONS", "-Dmedsyn.log.file=" + sparkLog);
      SparkApp app = new SparkApp(builder.start(), log, sparkLog);
      apps.add(app);
      return app;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A submitted application: its driver process, its console and its log file. */
  public static final class SparkApp {
    private final Process process;
    private final Path log;
    private final Path sparkLog;

    private SparkApp(Process process, Path log, Path sparkLog) {
      this.process = process;
      this.log = log;
      this.sparkLog = sparkLog;
    }

    public boolean isRunning() {
      return process.isAlive();
    }

    /** The driver's console, then its log file (Spark's own lines, stack traces). */
    public String log() {
      return Processes.tail(log, Integer.MAX_VALUE)
          + (Files.exists(sparkLog) ? Processes.tail(sparkLog, Integer.MAX_VALUE) : "");
    }

    /** Waits for the driver to exit with status 0; otherwise fails with the end of its log. */
    public void awaitSuccess(Duration limit) {
      try {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
          Processes.destroyTree(process.toHandle());
          throw new AssertionError("application did not finish within " + limit + ":\n" + Processes.tail(log, 6000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (process.exitValue() != 0) {
        throw new AssertionError("application failed with status " + process.exitValue() + ":\n"
            + Processes.tail(log, 6000));
      }
    }
  }

  /**
   * A Spark home as workers expect one: jars/ links every jar of the build's classpath (Spark and what the job
   * jar carries too, as a Spark distribution with its cloud jars would), conf/ holds the daemons' logging.
   */
  private Path assembleSparkHome() throws IOException {
    Path home = dir.resolve("spark-home");
    Path jars = home.resolve("jars");
    FileUtils.deleteQuietly(dir.toFile());
    Files.createDirectories(jars);
    Files.createDirectories(home.resolve("conf"));
    Path classpath = Processes.PROJECT.resolve("target/classpath.txt");
    if (!Files.exists(classpath)) {
      throw new IllegalStateException(classpath + " is missing: the build writes it (mvn generate-test-resources)");
    }
    for (String entry : Files.readString(classpath).trim().split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      Path link = jars.resolve(jar.getFileName());
      if (entry.endsWith(".jar") && !Files.exists(link)) {
        Files.createSymbolicLink(link, jar);
      }
    }
    Files.writeString(home.resolve("conf/log4j2.properties"), String.join("\n",
        "rootLogger.level = info", "rootLogger.appenderRef.stderr.ref = console", "appender.console.type = Console",
        "appender.console.name = console", "appender.console.target = SYSTEM_ERR",
        "appender.console.layout.type = PatternLayout",
        "appender.console.layout.pattern = %d{HH:mm:ss.SSS} %-5p %c{1}: %m%n", ""));
    return home;
  }

  private Process launch(List<String> mainAndArgs, Path log) throws IOException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> line = new ArrayList<>(List.of(javaBin, "-Xmx" + daemonHeap));
    line.addAll(SMALL_JVM);
    line.addAll(List.of("-cp", sparkHome.resolve("conf") + File.pathSeparator + sparkHome.resolve("jars") + "/*"));
    line.addAll(mainAndArgs);
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
    // Workers build the executors' command with Spark's launcher, which wants the Scala version of a Spark home
    // that is not a source tree.
    Map<String, String> env = new HashMap<>(Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_LOCAL_IP",
        "127.0.0.1", "SPARK_CONF_DIR", sparkHome.resolve("conf").toString(), "SPARK_SCALA_VERSION", "2.13"));
    builder.environment().putAll(env);
    return builder.start();
  }

  private void awaitLog(Path log, String line, String what) {
    await(() -> Processes.tail(log, Integer.MAX_VALUE).contains(line), START_LIMIT,
        what + " to log '" + line + "' in " + log);
  }

  private void await(BooleanSupplier condition, Duration limit, String what) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      Optional<Process> dead = daemons.stream().filter(p -> !p.isAlive()).findFirst();
      if (dead.isPresent()) {
        throw new IllegalStateException("a cluster process exited (status " + dead.get().exitValue()
            + ") while waiting for " + what + "; logs in " + dir);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + limit + " waiting for " + what + "; logs in " + dir);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static String argument(List<String> args, String name) {
    int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Cluster size and where its files go; the defaults keep it small (1 core and 1 GB a worker). */
  public static final class Builder {
    private int workers = 2;
    private int workerCores = 1;
    private String workerMemory = "1g";
    private String daemonHeap = "256m";
    private Path dir = Processes.PROJECT.resolve("target/standalone-cluster");

    public Builder workers(int count) {
      this.workers = count;
      return this;
    }

    public Builder workerCores(int cores) {
      this.workerCores = cores;
      return this;
    }

    /** What each worker offers executors, e.g. 1g. */
    public Builder workerMemory(String memory) {
      this.workerMemory = memory;
      return this;
    }

    /** Heap of the master and worker daemons themselves. */
    public Builder daemonHeap(String heap) {
      this.daemonHeap = heap;
      return this;
    }

    public Builder dir(Path directory) {
      this.dir = directory;
      return this;
    }

    public StandaloneCluster build() {
      if (workers < 1 || workerCores < 1) {
        throw new IllegalArgumentException("a cluster needs at least 1 worker with 1 core, got " + workers
            + " workers with " + workerCores + " cores");
      }
      return new StandaloneCluster(this);
    }
  }
}
