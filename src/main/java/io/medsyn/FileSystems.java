package io.medsyn;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/** File systems for the small files a run writes as it goes (journal, batch ledger). */
public final class FileSystems {
  private FileSystems() {}

  /**
   * The file system of {@code path}; for a local path the raw one, since the local file system's checksum files
   * would go stale when a run is killed mid-write.
   */
  public static FileSystem raw(Path path, Configuration conf) throws IOException {
    FileSystem fileSystem = path.getFileSystem(conf);
    return fileSystem instanceof LocalFileSystem local ? local.getRawFileSystem() : fileSystem;
  }
}
