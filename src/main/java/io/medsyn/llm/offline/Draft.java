package io.medsyn.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * A note being written: sentences of the composer's wording and the facts' own words, put together in a style.
 * The style's sloppiness touches only the composer's wording (typos, missing spaces), never a fact, so every
 * symptom stays findable.
 */
final class Draft {
  /** A fact about complaints ("жалоб активно не предъявляет") says nothing beside a list of them, or gainsays it. */
  static final Pattern COMPLAINT_WORD = Pattern.compile("(?iu)(^|[^\\p{L}])(жалоб|complain)");

  private final StyleProfile style;
  private final SplittableRandom rng;
  private final Phrases phrases;
  private final List<String> sentences = new ArrayList<>();

  Draft(StyleProfile style, SplittableRandom rng, Phrases phrases) {
    this.style = style;
    this.rng = rng;
    this.phrases = phrases;
  }

  /** A sentence of the composer's own wording. */
  void sentence(String wording) {
    sentences.add(sloppy(wording));
  }

  /**
   * A lead and a list of facts: one sentence, or with '.' as the separator and no lead, one sentence per fact.
   * A lead ending in {@code ~} puts the facts in the accusative. A fact about complaints comes before a lead as a
   * sentence of its own, not after it ("Жалобы на жалоб активно не предъявляет"), and without other facts the lead
   * is left out.
   */
  void list(String lead, List<String> facts, boolean symptoms) {
    boolean accusative = lead.endsWith("~");
    String words = accusative ? lead.substring(0, lead.length() - 1) : lead;
    List<String> items = new ArrayList<>(facts.size());
    for (String f : facts) {
      if (!words.isEmpty() && COMPLAINT_WORD.matcher(f).find()) {
        sentences.add(f);
      } else {
        items.add(accusative ? phrases.accusative(f) : f);
      }
    }
    if (items.isEmpty()) {
      return;
    }
    if (style.register() == Register.DASHES && symptoms && words.isEmpty()) {
      sentences.addAll(items);
      return;
    }
    if (style.separator() == '.' && words.isEmpty()) {
      sentences.addAll(items);
      return;
    }
    sentences.add(sloppy(words) + join(items, symptoms));
  }

  /** About how long the rendered note is so far. */
  int chars() {
    int n = 0;
    for (String s : sentences) {
      n += s.length() + 2;
    }
    return n;
  }

  /** Appends to the last sentence, e.g. a duration after the complaints. */
  void append(String wording) {
    int last = sentences.size() - 1;
    sentences.set(last, sentences.get(last) + " " + sloppy(wording));
  }

  private String join(List<String> items, boolean symptoms) {
    StringBuilder out = new StringBuilder();
    boolean semicolons = style.separator() == ';' || !symptoms && rng.nextDouble() < 0.3;
    // "headache and nausea and vomiting" reads badly: no "and" before an item that has one.
    int n = items.size();
    boolean useAnd = !semicolons && n > 1 && !items.get(n - 1).contains(phrases.and())
        && !items.get(n - 2).contains(phrases.and()) && rng.nextDouble() < style.andJoin();
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        if (useAnd && i == items.size() - 1) {
          out.append(phrases.and());
        } else {
          out.append(semicolons ? ";" : style.spaceBeforeComma() ? " ," : ",").append(space());
        }
      }
      out.append(items.get(i));
    }
    return out.toString();
  }

  private String space() {
    return rng.nextDouble() < style.unspacedSeparators() ? "" : " ";
  }

  /** The composer's wording with the style's typos: now and then two letters of a long word swapped. */
  private String sloppy(String wording) {
    if (style.sloppiness() <= 0) {
      return wording;
    }
    char[] chars = wording.toCharArray();
    int start = 0;
    for (int i = 0; i <= chars.length; i++) {
      if (i == chars.length || !Character.isLetter(chars[i])) {
        int length = i - start;
        if (length >= 5 && rng.nextDouble() < style.sloppiness() * 0.12) {
          int at = start + 1 + rng.nextInt(length - 3);
          char c = chars[at];
          chars[at] = chars[at + 1];
          chars[at + 1] = c;
        }
        start = i + 1;
      }
    }
    return new String(chars);
  }

  /** The note: sentences capitalised, separated and ended as the style has it. */
  String render() {
    StringBuilder out = new StringBuilder(256);
    boolean dashes = style.register() == Register.DASHES;
    for (int i = 0; i < sentences.size(); i++) {
      String s = sentences.get(i).strip();
      while (s.endsWith(".")) {
        // A fact that ends in an abbreviation ("мм рт. ст.") takes the sentence's own full stop.
        s = s.substring(0, s.length() - 1);
      }
      if (s.isEmpty()) {
        continue;
      }
      // Dashed items share the first one's case; sentences are capitalised unless the typing is sloppy.
      boolean lower = i == 0 || dashes ? style.lowercaseStart() : rng.nextDouble() < style.sloppiness() * 0.6;
      s = lower ? withFirst(s, false) : withFirst(s, true);
      if (!out.isEmpty()) {
        out.append(dashes ? " " : "." + (style.spaced() || rng.nextDouble() < 0.2 ? " " : ""));
      }
      if (dashes) {
        out.append("- ");
      }
      out.append(s);
    }
    if (style.finalPeriod() && !out.isEmpty()) {
      out.append('.');
    }
    return style.yo() ? out.toString() : out.toString().replace('ё', 'е').replace('Ё', 'Е');
  }

  /** Upper- or lowercases the first letter, leaving abbreviations (АД, ECG) as they are. */
  private static String withFirst(String s, boolean upper) {
    char first = s.charAt(0);
    if (!Character.isLetter(first) || s.length() > 1 && Character.isUpperCase(s.charAt(1))) {
      return s;
    }
    char changed = upper ? Character.toUpperCase(first) : Character.toLowerCase(first);
    return changed == first ? s : changed + s.substring(1);
  }
}
