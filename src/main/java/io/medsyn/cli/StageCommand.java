package io.medsyn.cli;

import io.medsyn.stage.RunContext;
import io.medsyn.stage.Stage;
import io.medsyn.table.Layout;
import java.io.PrintWriter;

/** The sub-command of one stage, named as the stage is: runs it and reports its summary. */
abstract class StageCommand<R> extends SessionCommand {
  private final Stage<R> stage;

  StageCommand(Stage<R> stage) {
    this.stage = stage;
  }

  @Override
  void run(RunContext context, PrintWriter out) {
    report(stage.run(context), context.layout(), out);
  }

  /** Tells the user what the stage wrote, from its summary. */
  abstract void report(R summary, Layout layout, PrintWriter out);

  /** {@link #report} for the summary that the stage of this command's name returned within a whole run. */
  @SuppressWarnings("unchecked")
  void reportAny(Object summary, Layout layout, PrintWriter out) {
    report((R) summary, layout, out);
  }
}
