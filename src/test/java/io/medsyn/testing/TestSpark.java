package io.medsyn.testing;

import org.apache.spark.sql.SparkSession;

/** One local[2] Spark session for every test in the JVM: UI off, few shuffle partitions. */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("medsyn-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.default.parallelism", "2")
          .config("spark.driver.host", "127.0.0.1")
          // Catalog tests (data-schema DDL) create databases; keep the warehouse out of the project root.
          .config("spark.sql.warehouse.dir", "target/spark-warehouse")
          .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
