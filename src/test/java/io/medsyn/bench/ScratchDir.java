package io.medsyn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;

/** A benchmark's temporary output directory, deleted with everything in it when closed. */
final class ScratchDir implements AutoCloseable {
  private final Path path;

  ScratchDir(String prefix) {
    try {
      this.path = Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path path() {
    return path;
  }

  @Override
  public void close() {
    FileUtils.deleteQuietly(path.toFile());
  }
}
