package io.medsyn.testing;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code medsyn ...} in a JVM of its own, with the flags and classpath of the test JVM (for kills, env, logs). */
public final class ChildJvm {
  private ChildJvm() {}

  /** The command line of {@code medsyn args...} on a local[2] master. */
  public static List<String> medsyn(List<String> args) {
    return medsyn(List.of(), args);
  }

  /** The same, with more JVM flags (system properties such as a logging configuration). */
  public static List<String> medsyn(List<String> jvmFlags, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")).forEach(command::add);
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.medsyn.MedSyn");
    command.addAll(args);
    command.add("--master");
    command.add("local[2]");
    return command;
  }

  /** {@code --set KEY=VALUE} for each override. */
  public static List<String> sets(List<String> overrides) {
    List<String> args = new ArrayList<>();
    for (String override : overrides) {
      args.add("--set");
      args.add(override);
    }
    return args;
  }
}
