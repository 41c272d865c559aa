package io.medsyn.classify;

import io.medsyn.config.ClassifierConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A model type that fits several registered types on the same rows and averages their probabilities: one-vs-rest and
 * softmax err on different notes (one-vs-rest ranks its top code better, softmax its top three in CV), so their mean
 * can beat both. Every member reads the same rows, which {@link TrainingFeatures} keeps in memory. The members are
 * fitted at once, each on its own thread: softmax's solver runs on the driver's one thread while one-vs-rest's runs
 * as a Spark job, so together they use the cores that one alone leaves idle. Each solver is seeded, so the models do
 * not depend on the order in which they finish.
 */
final class MeanOfModels implements ClassifierModel {
  private final String name;
  private final List<ClassifierModel> members;

  /** Each member's start, in the members' order (an entry may be null). */
  private record Starts(List<Start> members) implements Start {}

  MeanOfModels(String name, ClassifierModel... members) {
    this.name = name;
    this.members = List.of(members);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void check(ClassifierConfig config) {
    members.forEach(member -> member.check(config));
  }

  @Override
  public Fitted fit(Dataset<Row> rows, double regParam, ClassifierConfig config, long seed, Start from) {
    ExecutorService threads = Executors.newFixedThreadPool(members.size());
    try {
      List<Future<Fitted>> running = new ArrayList<>();
      for (int m = 0; m < members.size(); m++) {
        ClassifierModel member = members.get(m);
        Start start = from instanceof Starts starts ? starts.members().get(m) : null;
        running.add(threads.submit(() -> member.fit(rows, regParam, config, seed, start)));
      }
      List<Transformer> fitted = new ArrayList<>();
      List<Start> starts = new ArrayList<>();
      int iterations = 0;
      boolean converged = true;
      for (Future<Fitted> member : running) {
        Fitted one = done(member);
        fitted.add(one.model());
        starts.add(one.start());
        iterations = Math.max(iterations, one.iterations());
        converged &= one.converged();
      }
      return new Fitted(new MeanProbability(fitted), iterations, config.maxIter(), converged,
          new Starts(starts));
    } finally {
      threads.shutdownNow();
    }
  }

  /** The member's model, or its failure as it was thrown. */
  private static Fitted done(Future<Fitted> member) {
    try {
      return member.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fitting the classifier's members", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
