package io.medsyn.config;

import java.io.Serializable;
import java.util.List;
import java.util.ServiceLoader;

/**
 * What the configuration knows of a backend: its name (a value of {@code generate.backend}) and the defaults of its
 * own section {@code generate.NAME}, a record whose constructor validates it. Each backend's provider implements
 * this (through {@code io.medsyn.llm.BackendProvider}) and is listed, one line, in
 * {@code META-INF/services/io.medsyn.config.BackendSection}: the registry, so that config names no backend.
 */
public interface BackendSection {
  /** The value of {@code generate.backend} that picks this backend, and the name of its section. */
  String name();

  /**
   * The section {@code generate.NAME} when nothing overrides it: the one copy of these defaults, which the loader
   * puts under the embedded defaults, and whose class is the record the section binds to. Null: no settings.
   */
  Serializable defaults();

  /** Every registered backend, in the registry's order. */
  static List<BackendSection> all() {
    return Registry.ALL;
  }

  /** Loaded once per JVM (drivers and executors alike). */
  final class Registry {
    private static final List<BackendSection> ALL = ServiceLoader.load(BackendSection.class).stream()
        .map(ServiceLoader.Provider::get).toList();

    private Registry() {}
  }
}
