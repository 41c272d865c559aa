package io.medsyn.testing;

import io.medsyn.cli.Commands;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;

/** What the {@code medsyn} command offers, from picocli's model of it: the truth wrappers and the DAG follow. */
public final class CliModel {
  /** The sub-command that runs every stage in one application. */
  public static final String RUN_ALL = "run";
  /** The sub-command that runs every stage on a user's corpus (a local convenience, not a job wrapper). */
  public static final String EXPERIMENT = "experiment";

  private CliModel() {}

  /** The pipeline's stages in pipeline order: the sub-commands as {@code Commands} declares them, less run and experiment. */
  public static List<String> stages() {
    return Commands.commandLine().getSubcommands().keySet().stream()
        .filter(name -> !name.equals(RUN_ALL) && !name.equals(EXPERIMENT)).toList();
  }

  /** Every option name (with aliases) that {@code medsyn COMMAND} accepts. */
  public static Set<String> options(String command) {
    CommandLine sub = Commands.commandLine().getSubcommands().get(command);
    if (sub == null) {
      throw new IllegalArgumentException("medsyn has no sub-command " + command);
    }
    return new TreeSet<>(sub.getCommandSpec().optionsMap().keySet());
  }
}
