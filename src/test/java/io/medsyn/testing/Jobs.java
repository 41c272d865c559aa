package io.medsyn.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The jobs/ wrappers as a test sees them: where each lives, how to call it, which options it takes. */
public final class Jobs {
  public static final Path DIR = Processes.PROJECT.resolve("jobs");
  /** The wrapper of {@code medsyn run}, the whole pipeline in one application. */
  public static final String PIPELINE = "pipeline";
  private static final Pattern OPTION = Pattern.compile("(?m)^\\s{2}(-h, )?(--[a-z-]+)");

  private Jobs() {}

  /** jobs/STAGE.sh, or jobs/pipeline.sh for {@code run}. */
  public static Path wrapper(String command) {
    return DIR.resolve((command.equals(CliModel.RUN_ALL) ? PIPELINE : command) + ".sh");
  }

  public static Processes.Result run(String command, Map<String, String> env, Duration timeout, List<String> args) {
    List<String> line = new ArrayList<>();
    line.add(wrapper(command).toString());
    line.addAll(args);
    return Processes.run(line, env, timeout);
  }

  /** The wrapper options, as the wrappers' --help lists them. */
  public static Set<String> options() {
    Processes.Result help = run(CliModel.RUN_ALL, Map.of(), Duration.ofSeconds(30), List.of("--help"));
    if (help.exit() != 0) {
      throw new AssertionError("--help failed: " + help.output());
    }
    Set<String> options = new TreeSet<>();
    Matcher m = OPTION.matcher(help.stdout());
    while (m.find()) {
      options.add(m.group(2));
    }
    return options;
  }
}
