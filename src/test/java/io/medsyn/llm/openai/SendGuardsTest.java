package io.medsyn.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The send-time guards of {@link RateLimits}: {@link SendSpacing} and {@link SendWindow}. */
class SendGuardsTest {
  private static final long MS = 1_000_000;

  @Test
  void spacingHoldsOnAverageAndNoSendComesMoreThanHalfAnIntervalEarly() throws Exception {
    SendSpacing spacing = new SendSpacing(40 * MS);
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      spacing.admit(1);
      times.add(System.nanoTime());
    }
    for (int i = 1; i < times.size(); i++) {
      assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(20 * MS);
    }
    // The first send starts the schedule; each later one may be up to half an interval early.
    assertThat(times.get(10) - times.get(0)).isGreaterThanOrEqualTo(380 * MS);
  }

  @Test
  void scheduleBooksEvenlySpacedMomentsAndSavesNoCreditWhileIdle() {
    SendSchedule schedule = new SendSchedule(200 * MS);

    assertThat(schedule.reserve(0)).isZero();
    assertThat(schedule.reserve(0)).isEqualTo(200 * MS);
    assertThat(schedule.reserve(50 * MS)).isEqualTo(350 * MS);
    // Idle long past the last booking: the next goes at once, the one after it a whole interval later.
    assertThat(schedule.reserve(5_000 * MS)).isZero();
    assertThat(schedule.reserve(5_000 * MS)).isEqualTo(200 * MS);
  }

  @Test
  void windowAdmitsItsCapacityThenWaitsForTheOldestToLeave() throws Exception {
    SendWindow window = new SendWindow(300, 200 * MS);
    long start = System.nanoTime();
    window.admit(100);
    window.admit(100);
    window.admit(100);
    long fullAfter = System.nanoTime() - start;
    window.admit(50);
    long fourthAfter = System.nanoTime() - start;

    assertThat(fullAfter).isLessThan(100 * MS);
    assertThat(fourthAfter).isGreaterThanOrEqualTo(200 * MS);
  }

  @Test
  void amountLargerThanTheCapacityGoesAloneIntoAnEmptyWindow() throws Exception {
    SendWindow window = new SendWindow(100, 150 * MS);
    long start = System.nanoTime();
    window.admit(250);
    window.admit(1);

    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(150 * MS);
  }

  @Test
  void closeReleasesWaitingSendersWithAnError() throws Exception {
    SendWindow window = new SendWindow(1, 60_000 * MS);
    SendSpacing spacing = new SendSpacing(60_000 * MS);
    window.admit(1);
    spacing.admit(1);
    CompletableFuture<Void> inWindow = CompletableFuture.runAsync(() -> admitQuietly(() -> window.admit(1)));
    CompletableFuture<Void> spaced = CompletableFuture.runAsync(() -> admitQuietly(() -> spacing.admit(1)));
    Thread.sleep(100);
    assertThat(inWindow).isNotDone();
    assertThat(spaced).isNotDone();

    window.close();
    spacing.close();

    assertThatThrownBy(() -> inWindow.get(5, TimeUnit.SECONDS)).hasRootCauseInstanceOf(InterruptedIOException.class)
        .hasRootCauseMessage("the backend was closed");
    assertThatThrownBy(() -> spaced.get(5, TimeUnit.SECONDS)).hasRootCauseInstanceOf(InterruptedIOException.class);
  }

  private interface Admission {
    void run() throws InterruptedIOException;
  }

  private static void admitQuietly(Admission admission) {
    try {
      admission.run();
    } catch (InterruptedIOException e) {
      throw new IllegalStateException(e);
    }
  }
}
