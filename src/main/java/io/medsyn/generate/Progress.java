package io.medsyn.generate;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Logs the generate stage's progress on the driver at a steady interval: notes done of total, rate, ETA, tokens,
 * errors. A generate task runs for the whole stage, so the accumulators' driver values (merged only when a task
 * ends) would sit at zero; running tasks' values are taken from the executors' heartbeats as well.
 */
public final class Progress extends SparkListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

  private final SparkContext sc;
  private final GenerateMetrics metrics;
  private final long total;
  private final long startNanos = System.nanoTime();
  private final List<Long> ids;
  /** Running tasks' latest values, by task id, then accumulator id. */
  private final Map<Long, Map<Long, Double>> running = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;

  private Progress(SparkContext sc, GenerateMetrics metrics, long total, int seconds) {
    this.sc = sc;
    this.metrics = metrics;
    this.total = total;
    this.ids = metrics.ids();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "medsyn-generate-progress");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(() -> LOG.info("{}", line()), seconds, seconds, TimeUnit.SECONDS);
  }

  public static Progress start(SparkContext sc, GenerateMetrics metrics, long total, int seconds) {
    Progress progress = new Progress(sc, metrics, total, seconds);
    sc.addSparkListener(progress);
    return progress;
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
        : CollectionConverters.asJava(update.accumUpdates())) {
      Map<Long, Double> values = new HashMap<>();
      for (AccumulableInfo info : CollectionConverters.asJava(task._4())) {
        if (ids.contains(info.id()) && info.update().isDefined()
            && info.update().get() instanceof Number n) {
          values.put(info.id(), n.doubleValue());
        }
      }
      if (!values.isEmpty()) {
        running.put((Long) task._1(), values);
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    running.remove(end.taskInfo().taskId());
  }

  private double value(long id, double merged) {
    return merged + running.values().stream().mapToDouble(v -> v.getOrDefault(id, 0.0)).sum();
  }

  String line() {
    long ok = (long) value(metrics.ok().id(), metrics.ok().value());
    long failed = (long) value(metrics.failed().id(), metrics.failed().value());
    long resumed = (long) value(metrics.resumed().id(), metrics.resumed().value());
    long done = ok + failed + resumed;
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    double rate = (ok + failed) / seconds;
    String eta = rate > 0 && done < total ? format(Duration.ofSeconds((long) ((total - done) / rate))) : "-";
    return String.format("generate: %,d/%,d notes (%.1f%%), %,.1f notes/s, ETA %s, tokens %,d in / %,d out,"
        + " %,d failed, $%.4f", done, total, total == 0 ? 100.0 : 100.0 * done / total, rate, eta,
        (long) value(metrics.promptTokens().id(), metrics.promptTokens().value()),
        (long) value(metrics.completionTokens().id(), metrics.completionTokens().value()), failed,
        value(metrics.costUsd().id(), metrics.costUsd().value()));
  }

  private static String format(Duration d) {
    return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }

  @Override
  public void close() {
    timer.shutdownNow();
    sc.removeSparkListener(this);
    // Every task has ended and its values are merged into the accumulators.
    running.clear();
    LOG.info("{}", line());
  }
}
