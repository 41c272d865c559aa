package io.medsyn.mkg;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/** A weighted edge of the MKG, from a disease vertex to a fact vertex. */
public record Edge(String src, String dst, String relation, double weight, Map<String, String> attrs)
    implements Serializable {
  public Edge {
    attrs = attrs == null ? Map.of() : Map.copyOf(new TreeMap<>(attrs));
  }
}
