package io.medsyn.llm.offline;

import io.medsyn.sample.Fact;
import io.medsyn.style.Weighted;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * One language's phrase bank for the composer: several wordings for every slot of a note, so that notes do not
 * read as one template. Inside a phrase, {@code {female|male}} picks the form for the patient's sex,
 * {@code {dur}}, {@code {ago}} and {@code {age}} are filled by the composer, and a lead ending in {@code ~} wants
 * the symptoms in the accusative (Russian "жалобы на ...").
 */
abstract class Phrases {
  enum Slot {
    /** Leads of the doctor's complaint sentence. */
    COMPLAINTS,
    ELLIPTIC,
    /** Patient's own leads for two or more symptoms, and for exactly one. */
    FIRST_PERSON,
    FIRST_PERSON_ONE,
    /** Leads of the second group of complaints, per register family. */
    ALSO_DOCTOR,
    ALSO_LIST,
    ALSO_FIRST,
    /** Sentences about duration and onset, with {dur} or {ago}. */
    DURATION_DOCTOR,
    DURATION_FIRST,
    DURATION_DASH,
    COURSE,
    COURSE_FIRST,
    ANAMNESIS,
    ANAMNESIS_FIRST,
    FINDINGS,
    FINDINGS_FIRST,
    DEMOGRAPHICS,
    DEMOGRAPHICS_FIRST,
    EXTRAS,
    EXTRAS_FIRST
  }

  private final Map<Slot, String[]> bank;

  protected Phrases(EnumMap<Slot, String[]> bank) {
    for (Slot slot : Slot.values()) {
      if (!bank.containsKey(slot) || bank.get(slot).length == 0) {
        throw new IllegalStateException(getClass().getSimpleName() + " has no phrases for " + slot);
      }
    }
    this.bank = bank;
  }

  static Phrases of(String language) {
    return "ru".equals(language) ? RussianPhrases.INSTANCE : EnglishPhrases.INSTANCE;
  }

  /** One phrase of the slot, with the patient's sex resolved. */
  String pick(Slot slot, SplittableRandom rng, boolean female) {
    String[] options = bank.get(slot);
    return gender(options[rng.nextInt(options.length)], female);
  }

  /**
   * One phrase of the slot, with the patient's sex resolved, each as often as {@code notes} says real notes use
   * its wording; as {@link #pick(Slot, SplittableRandom, boolean)} when they use none.
   */
  String pick(Slot slot, SplittableRandom rng, boolean female, ToLongFunction<String> notes) {
    Weighted used = new Weighted();
    for (String option : bank.get(slot)) {
      String phrase = gender(option, female);
      used.add(phrase, notes.applyAsLong(phrase));
    }
    String picked = used.pick(rng);
    return picked != null ? picked : pick(slot, rng, female);
  }

  static String gender(String phrase, boolean female) {
    int open = phrase.indexOf('{');
    if (open < 0) {
      return phrase;
    }
    StringBuilder out = new StringBuilder(phrase.length());
    int from = 0;
    while (open >= 0) {
      int close = phrase.indexOf('}', open);
      int bar = phrase.indexOf('|', open);
      out.append(phrase, from, open);
      if (bar > 0 && bar < close) {
        out.append(female ? phrase.substring(open + 1, bar) : phrase.substring(bar + 1, close));
      } else {
        out.append(phrase, open, close + 1);
      }
      from = close + 1;
      open = phrase.indexOf('{', from);
    }
    return out.append(phrase, from, phrase.length()).toString();
  }

  /** The word that joins the last two items of a list. */
  abstract String and();

  /** A fact's text in this language. */
  abstract String text(Fact fact);

  /** A symptom as the object of "complains of" (Russian accusative); English needs no change. */
  abstract String accusative(String symptom);

  /** How long, as an adverbial: "в течение 5 дней", "for about a week". */
  abstract String duration(SplittableRandom rng);

  /** When it began: "3 дня назад", "a week ago". */
  abstract String ago(SplittableRandom rng);

  /** An age with its unit as it follows a name: "54 года", "54". */
  abstract String age(int years);
}
