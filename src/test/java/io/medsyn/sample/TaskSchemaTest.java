package io.medsyn.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.config.ConfigLoader;
import io.medsyn.sample.SampleStage;
import io.medsyn.stage.RunContext;
import io.medsyn.table.TaskSchema;
import io.medsyn.testing.ParquetFooter;
import io.medsyn.testing.TestSpark;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskSchemaTest {
  @TempDir
  Path dir;

  @Test
  void writtenTasksHaveExactlyTheDocumentedSchema() {
    assertThat(ParquetFooter.documented("tasks.schema.json")).isEqualTo(TaskSchema.TASKS);
    RunContext pipeline = new RunContext(ConfigLoader.load(null, List.of("mkg.source=csv",
        "mkg.vertices=src/test/resources/mkg/vertices.csv", "mkg.edges=src/test/resources/mkg/edges.csv",
        "sample.n=50", "sample.partitions=2", "output=" + dir)), TestSpark.session());
    assertThat(new SampleStage().run(pipeline).tasks()).isEqualTo(50);
    List<Path> files = ParquetFooter.files(dir.resolve("tasks"));
    assertThat(files).hasSize(2);
    for (Path file : files) {
      assertThat(ParquetFooter.sparkSchema(file)).as(file.toString()).isEqualTo(TaskSchema.TASKS);
    }
  }
}
