package io.medsyn.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.sample.SampleStage;
import io.medsyn.stage.RunContext;
import io.medsyn.testing.DataFrameAssert;
import io.medsyn.testing.S3Server;
import io.medsyn.testing.SmallRun;
import io.medsyn.testing.TestSpark;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Every table of a run goes to s3a:// through Hadoop's S3A and the AWS SDK v2, against a real S3 server. */
class S3OutputTest {
  @Test
  void runWritesEveryTableToS3AndReadsItBackUnchanged() throws Exception {
    SparkSession spark = TestSpark.session();
    try (S3Server s3 = S3Server.start()) {
      s3.configure(spark.sparkContext().hadoopConfiguration());
      String root = s3.uri("runs/2026-11-24");

      Layout onS3 = SmallRun.run(spark, root).layout();
      Layout onDisk = SmallRun.shared();

      assertThat(s3.keys("runs/2026-11-24/")).contains("runs/2026-11-24/mkg/vertices/_SUCCESS",
          "runs/2026-11-24/mkg/edges/_SUCCESS", "runs/2026-11-24/tasks/_SUCCESS");
      for (Map.Entry<String, String> table : onS3.tables().entrySet()) {
        assertThat(table.getValue()).startsWith("s3a://" + s3.bucket() + "/runs/2026-11-24/");
        DataFrameAssert.assertSameData(SmallRun.withoutRunClock(spark.read().parquet(table.getValue())),
            SmallRun.withoutRunClock(spark.read().parquet(onDisk.tables().get(table.getKey()))), 0.0);
      }
      assertThat(spark.read().parquet(onS3.tasks()).count()).isEqualTo(60);

      // A re-run of a stage for the same date (an Airflow retry) replaces its table rather than adding to it.
      long objects = s3.keys("runs/2026-11-24/tasks/").size();
      new SampleStage().run(new RunContext(SmallRun.config(root), spark));
      assertThat(spark.read().parquet(onS3.tasks()).count()).isEqualTo(60);
      assertThat(s3.keys("runs/2026-11-24/tasks/")).hasSize((int) objects);
    }
  }
}
