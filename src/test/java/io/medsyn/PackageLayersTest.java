package io.medsyn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house's floors: each package imports only packages below it in the stage order (a package's sub-packages,
 * such as llm's backends, count as the package). Read from the sources' import lines, so it needs no library.
 */
class PackageLayersTest {
  private static final Path SOURCES = Path.of("src/main/java/io/medsyn");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?io\\.medsyn\\.([a-z]+)\\.");

  /** Bottom to top; packages on one floor may not import each other. */
  private static final Map<String, Integer> FLOOR = Map.ofEntries(Map.entry("config", 0), Map.entry("text", 0),
      Map.entry("table", 1), Map.entry("style", 1), Map.entry("report", 1), Map.entry("corpus", 1), Map.entry("stage", 2),
      Map.entry("mkg", 3), Map.entry("sample", 4), Map.entry("llm", 5), Map.entry("prompt", 6),
      Map.entry("generate", 7), Map.entry("classify", 8), Map.entry("quality", 9), Map.entry("card", 10),
      Map.entry("evaluate", 10), Map.entry("run", 11), Map.entry("cli", 12));

  @Test
  void noPackageImportsOneAboveIt() throws IOException {
    List<String> upward = new ArrayList<>();
    List<String> unplaced = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = SOURCES.relativize(file);
        if (relative.getNameCount() == 1) {
          continue; // io.medsyn itself: Checks below everything, MedSyn (main) above everything
        }
        String from = relative.getName(0).toString();
        if (!FLOOR.containsKey(from)) {
          unplaced.add(from);
          continue;
        }
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          String to = m.group(1);
          if (!to.equals(from) && FLOOR.getOrDefault(to, Integer.MAX_VALUE) >= FLOOR.get(from)) {
            upward.add(relative + " imports io.medsyn." + to);
          }
        }
      }
    }
    assertThat(unplaced).as("packages without a floor in " + FLOOR.keySet()).isEmpty();
    assertThat(upward).as("imports of a package on the same floor or above").isEmpty();
  }
}
