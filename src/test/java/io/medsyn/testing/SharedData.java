package io.medsyn.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The read-only test data beside the project ({@code ../shared/data}); never copied into it. */
public final class SharedData {
  private SharedData() {}

  public static Path dir() {
    Path dir = Path.of(System.getProperty("medsyn.shared.dir", "../shared")).resolve("data").toAbsolutePath()
        .normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("test data not found at " + dir + ": clone the project beside ../shared");
    }
    return dir;
  }

  public static Path rumedTrain() {
    return dir().resolve("rumedtop3/train_v1.jsonl");
  }

  public static Path rumedDev() {
    return dir().resolve("rumedtop3/dev_v1.jsonl");
  }

  public static Path icd10Ru() {
    return dir().resolve("icd10-ru/spr_mkb10.csv");
  }
}
