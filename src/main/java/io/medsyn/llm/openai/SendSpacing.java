package io.medsyn.llm.openai;

/**
 * One request per {@code interval} on average, measured at the moment each goes on the wire. Requests that left
 * late and would bunch are spread out again instead of reaching the endpoint together.
 *
 * <p>This is the virtual-scheduling form of the generic cell rate algorithm (GCRA): each send moves a theoretical
 * time on by one interval, and a send may come at most half an interval before that time. The tolerance keeps a
 * thread that overslept from pushing every later send back, and no window of {@code n} intervals ever holds more
 * than {@code n + 1} sends. Amounts are ignored: each admission is one request.
 */
final class SendSpacing extends SendGuard {
  private final long intervalNanos;
  private final long toleranceNanos;
  private long theoreticalNanos;
  private boolean first = true;

  SendSpacing(long intervalNanos) {
    this.intervalNanos = intervalNanos;
    this.toleranceNanos = intervalNanos / 2;
  }

  @Override
  long tryAdmit(long amount, long now) {
    long wait = first ? 0 : theoreticalNanos - toleranceNanos - now;
    if (wait <= 0) {
      theoreticalNanos = (first ? now : Math.max(theoreticalNanos, now)) + intervalNanos;
      first = false;
    }
    return wait;
  }
}
