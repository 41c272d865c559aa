package io.medsyn.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.llm.offline.Phrases.Slot;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PhrasesTest {
  @Test
  void aSlotsWordingsComeAsOftenAsTheRealNotesUseThem() {
    Phrases russian = Phrases.of("ru");
    Map<String, Integer> seen = new TreeMap<>();
    for (int seed = 0; seed < 400; seed++) {
      String lead = russian.pick(Slot.COMPLAINTS, new SplittableRandom(seed), true,
          w -> w.startsWith("Жалобы на") ? 3 : w.startsWith("Обратилась с") ? 1 : 0);
      seen.merge(lead, 1, Integer::sum);
    }
    assertThat(seen.keySet()).containsExactly("Жалобы на ~", "Обратилась с жалобами на ~");
    assertThat(seen.get("Жалобы на ~")).isBetween(270, 330);
    // No wording used: every one of the slot's seven as often.
    Map<String, Integer> uniform = new TreeMap<>();
    for (int seed = 0; seed < 700; seed++) {
      uniform.merge(russian.pick(Slot.COMPLAINTS, new SplittableRandom(seed), false, w -> 0), 1, Integer::sum);
    }
    assertThat(uniform).hasSize(7).containsKey("Обратился с жалобами на ~");
    assertThat(uniform.values()).allMatch(n -> n > 60 && n < 140);
  }
}
