package io.medsyn.sample;

/** What {@code medsyn sample} prints: the tasks written and where. */
public record SampleSummary(long tasks, String table) {
  public String render() {
    return String.format("sampled %d tasks into %s", tasks, table);
  }
}
