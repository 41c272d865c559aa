package io.medsyn.config;

import java.io.Serializable;

import java.util.List;

/**
 * Which medical knowledge graph to use. {@code builtin} needs no paths; {@code csv} and {@code parquet} read a
 * vertices and an edges table; {@code json} reads a code-to-symptoms map from {@code vertices}.
 */
public record MkgConfig(String source, String vertices, String edges, List<String> codes) implements Serializable {
  public static final List<String> SOURCES = List.of("builtin", "csv", "json", "parquet");

  public MkgConfig {
    ConfigException.require(SOURCES.contains(source), "source", "one of " + SOURCES, source);
    if (!source.equals("builtin")) {
      ConfigException.require(vertices != null && !vertices.isBlank(), "vertices",
          "a path (mkg.source is " + source + ")", vertices);
    }
    if (source.equals("csv") || source.equals("parquet")) {
      ConfigException.require(edges != null && !edges.isBlank(), "edges",
          "a path (mkg.source is " + source + ")", edges);
    }
    codes = codes == null ? List.of() : List.copyOf(codes);
    for (String code : codes) {
      ConfigException.require(code != null && code.matches("[A-Z][0-9]{2}"), "codes",
          "3-character ICD-10 categories such as I11", code);
    }
  }
}
