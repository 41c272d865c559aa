package io.medsyn.sample;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;

import io.medsyn.Checks;
import io.medsyn.config.SamplingConfig;
import io.medsyn.table.TaskSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code sample} stage: allocates N tasks over the graph's codes and draws each task's facts from the priors,
 * spread over Spark partitions. Task ids are 0..N-1 in code order; a task depends only on (seed, task id).
 */
public final class PriorSampler {
  private static final Logger LOG = LoggerFactory.getLogger(PriorSampler.class);

  private final SamplingConfig config;
  private final long seed;

  public PriorSampler(SamplingConfig config, long seed) {
    this.config = config;
    this.seed = seed;
  }

  /**
   * The tasks table ({@link TaskSchema#TASKS}).
   *
   * @param examples real example notes ({@code id, text, code}) of the training split, or null for none
   */
  public Dataset<Row> sample(Dataset<Row> vertices, Dataset<Row> edges, Dataset<Row> examples) {
    SparkSession spark = vertices.sparkSession();
    Map<String, DiseasePrior> book = PriorBook.fromGraph(vertices, edges);
    Checks.checkArgument(!book.isEmpty(), "the graph has no ICD-10 categories to sample from");
    Dataset<Row> numbered = null;
    if (examples != null) {
      numbered = numberExamples(examples, book);
      Map<String, Integer> counts = new HashMap<>();
      numbered.groupBy("code").count().collectAsList()
          .forEach(r -> counts.put(r.getString(0), (int) r.getLong(1)));
      book.replaceAll((code, prior) -> prior.withExampleCount(counts.getOrDefault(code, 0)));
      LOG.info("example notes available for {} of {} codes", counts.size(), book.size());
    }
    List<String> codes = new ArrayList<>(book.keySet());
    Map<String, Long> allocation = Allocation.allocate(codes, counts(book, vertices), config.allocation(),
        config.n());
    long[] starts = new long[codes.size()];
    long next = 0;
    DiseasePrior[] priors = new DiseasePrior[codes.size()];
    for (int i = 0; i < codes.size(); i++) {
      starts[i] = next;
      next += allocation.get(codes.get(i));
      priors[i] = book.get(codes.get(i));
    }
    LOG.info("sampling {} tasks over {} codes in {} partitions (policy {}, seed {})", config.n(), codes.size(),
        config.partitions(), config.allocation().policy(), seed);
    Broadcast<DiseasePrior[]> shared = spark.sparkContext().broadcast(priors,
        scala.reflect.ClassTag$.MODULE$.apply(DiseasePrior[].class));
    Draw draw = new Draw(starts, shared, new TaskSampler(config, seed));
    Dataset<Row> sampled = spark.range(0, config.n(), 1, config.partitions()).as(Encoders.LONG())
        .mapPartitions(draw, Encoders.row(TaskSchema.SAMPLED));
    Dataset<Row> withExamples = numbered == null
        ? sampled.withColumn("example_id", org.apache.spark.sql.functions.lit(null).cast("string"))
            .withColumn("example_text", org.apache.spark.sql.functions.lit(null).cast("string"))
        : sampled.join(numbered.withColumnRenamed("code", "example_code"),
            col("code").equalTo(col("example_code")).and(col("example_slot").equalTo(col("slot"))), "left")
            .withColumnRenamed("id", "example_id").withColumnRenamed("text", "example_text");
    return withExamples.select(Arrays.stream(TaskSchema.TASKS.fieldNames()).map(org.apache.spark.sql.functions::col)
        .toArray(Column[]::new));
  }

  /** Draws the tasks of one partition of task ids; static so that it ships without the stage object. */
  private record Draw(long[] starts, Broadcast<DiseasePrior[]> priors, TaskSampler sampler)
      implements MapPartitionsFunction<Long, Row> {
    @Override
    public Iterator<Row> call(Iterator<Long> ids) {
      DiseasePrior[] byIndex = priors.value();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return ids.hasNext();
        }

        @Override
        public Row next() {
          long id = ids.next();
          return sampler.sample(byIndex[owner(id)], id);
        }
      };
    }

    /** The code whose range of task ids holds {@code id}; with min_per_code 0 empty ranges share a start. */
    private int owner(long id) {
      int at = Arrays.binarySearch(starts, id);
      if (at < 0) {
        return -at - 2;
      }
      while (at + 1 < starts.length && starts[at + 1] == starts[at]) {
        at++;
      }
      return at;
    }
  }

  /** Examples of known codes (cut to the category), numbered 0.. within each code in id order. */
  private static Dataset<Row> numberExamples(Dataset<Row> examples, Map<String, DiseasePrior> book) {
    return examples.filter(col("text").isNotNull().and(col("id").isNotNull()))
        .withColumn("code", substring(col("code"), 1, 3))
        .filter(col("code").isin(book.keySet().toArray()))
        .withColumn("slot", row_number().over(Window.partitionBy("code").orderBy("id")).minus(1))
        .select("id", "text", "code", "slot");
  }

  /** The counts the allocation policy weighs: the graph's frequency prior per 1000 visits, or corpus counts. */
  private Map<String, Double> counts(Map<String, DiseasePrior> book, Dataset<Row> vertices) {
    Map<String, Double> counts = new HashMap<>();
    if ("corpus".equals(config.allocation().counts())) {
      book.forEach((code, prior) -> counts.put(code, (double) prior.exampleCount()));
      return counts;
    }
    for (Row r : vertices.filter(col("frequency").isNotNull()).select("code", "frequency").collectAsList()) {
      counts.put(r.getString(0), r.getDouble(1) * 1000);
    }
    if (!"uniform".equals(config.allocation().policy())) {
      List<String> missing = book.keySet().stream().filter(c -> !counts.containsKey(c)).limit(10).toList();
      Checks.checkArgument(missing.isEmpty(), "sample.allocation.policy=%s weighs codes by the graph's frequency, "
          + "but these codes have none: %s; add a frequency column to the vertices or use policy uniform",
          config.allocation().policy(), missing);
    }
    return counts;
  }
}
