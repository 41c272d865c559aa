package io.medsyn.style;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How a user's real notes are written, learned from the training split: the length distribution, the register mix,
 * the shorthand and placeholders, the typo rate, a lexicon of phrases and whole sentences, and the body sides they
 * write, each phrase one that at least {@code minRealNotes} distinct real notes contain (so nothing in it can point
 * at one patient). A versioned artifact of a run, written as JSON beside it and reusable by later runs.
 *
 * @param version the artifact's format; bump it when a field changes meaning
 * @param provenance where the model was learned from
 * @param lengthQuantiles the notes' length in characters at 0, 5, 10, ..., 100 %
 * @param registers the share of notes with each {@link Registers} feature
 * @param shorthand the share of notes that use each abbreviation or placeholder (АД, ОАК, н/в, *ДАТА*)
 * @param typoRate the share of words (of 4+ letters) that only one note writes: mostly organic typos
 * @param phrases 2- to 4-word phrases within a clause (between commas or sentence ends) and the number of distinct
 *     notes that contain each
 * @param clauseStarts for each 2-word phrase of {@code phrases}, the number of those notes in which it starts a
 *     clause
 * @param sentenceStarts ... in which it starts a sentence
 * @param clauseEnds ... and in which it ends a clause
 * @param shorthandSentences whole short sentences with shorthand ("АД 120/80") and their note counts
 * @param fillers whole short sentences found in notes of many codes ("активных жалоб нет") and their note counts
 * @param fillerShare the share of notes with at least one filler sentence
 * @param codeClauses per ICD-10 code, the clauses (1 to 6 tokens between commas or sentence ends) that at least
 *     {@code minRealNotes} of that code's real notes contain, with those counts; empty when not learned
 * @param sides the body sides the notes write ("в правой руке")
 * @param codeShorthand per ICD-10 code, its real notes' count and, for each token of {@code shorthand}, how many of
 *     them use it; empty when not learned
 */
public record StyleModel(int version, Provenance provenance, List<Integer> lengthQuantiles,
    Map<String, Double> registers, Map<String, Double> shorthand, double typoRate, Map<String, Long> phrases,
    Map<String, Long> clauseStarts, Map<String, Long> sentenceStarts, Map<String, Long> clauseEnds,
    Map<String, Long> shorthandSentences, Map<String, Long> fillers, double fillerShare,
    Map<String, Map<String, Long>> codeClauses, Sides sides, Map<String, CodeShorthand> codeShorthand)
    implements Serializable {
  /**
   * 3: the {@link Registers#AND_JOIN} register; 4: {@link Registers#SPACE_BEFORE_COMMA}; 5: {@link #sides} and the
   * {@link Registers#SIDES} register; 6: {@link #codeShorthand}; 7: the {@link Registers#UNSPACED_COMMA} and
   * {@link Registers#YO} registers; 8: {@link #phrases} no longer cross a comma, a decimal comma (38,5) no longer
   * cuts a clause, and a dash before a test's result no longer ends a sentence; 9: a hyphenated compound is one
   * token ("пояснично-крестцовом"), and a symptom's wording may use its stems' families ({@link Lexicon#phrasing}); 10:
   * no code clause is a lab grade or one word of a list whose result comes at its end ({@link Tokens#clauses}); 11:
   * {@link #clauseEnds}; 12: {@link #clauseStarts}; 13: a number range is one token ("4-5", {@link Tokens#of}); 14:
   * {@link #sentenceStarts}; 15: no short sentence is a placeholder with only prepositions ({@link Tokens#whole}); 16:
   * no code clause opens on an oblique adjective ({@link Tokens#hangsOff}), and {@link Provenance#codeClauseNotes}.
   */
  public static final int VERSION = 16;
  /**
   * A code's share of notes with a token is drawn towards the share of all notes as if this many notes of that share
   * were added: a code with two notes, one with АД, would otherwise write АД in half its notes.
   */
  static final double PRIOR_NOTES = 5;

  /**
   * @param source the corpus's path
   * @param sha256 the hash of the notes' ids and texts in id order: the same corpus gives the same hash wherever it
   *     is stored
   * @param codeClauseNotes how many of a code's notes a clause of {@link #codeClauses} needs
   *     ({@code style.code_clause_notes}), beside {@code minRealNotes} in all
   */
  public record Provenance(String source, String sha256, long notes, int minRealNotes, int codeClauseNotes,
      String learnedAt) implements Serializable {}

  /**
   * Body sides: where the notes put a side adjective, and in which forms.
   *
   * @param forms for the two words a side adjective stands between ("в руке" of "в правой руке"), each form that at
   *     least {@code minRealNotes} notes write there, with their count. Keyed by both words, because the word after
   *     the side does not always show its case: "онемение правой руки", but "нагрузка на руки"
   * @param named the share of notes that name one of those places, with a side between its two words or without
   */
  public record Sides(Map<String, Map<String, Long>> forms, double named) implements Serializable {}

  /**
   * @param notes the code's real notes
   * @param tokens for each shorthand token its notes use, how many of them do
   */
  public record CodeShorthand(long notes, Map<String, Long> tokens) implements Serializable {}

  /**
   * The share of a code's notes to write {@code token} in: its notes' share drawn towards all notes' share by
   * {@link #PRIOR_NOTES}, and 0 when none of them uses it ({@link #codeUses}); all notes' share for a code the model
   * has no notes of, or when it learned none per code.
   */
  public double shorthandShare(String code, String token) {
    double all = shorthand.getOrDefault(token, 0.0);
    CodeShorthand own = codeShorthand.get(code);
    if (own == null) {
      return all;
    }
    long uses = own.tokens().getOrDefault(token, 0L);
    return uses == 0 ? 0 : (uses + PRIOR_NOTES * all) / (own.notes() + PRIOR_NOTES);
  }

  /** Whether a note of the code may write the token: the code's notes use it, or the model has no notes of it. */
  public boolean codeUses(String code, String token) {
    CodeShorthand own = codeShorthand.get(code);
    return own == null || own.tokens().containsKey(token);
  }

  /** A note length in characters drawn from the learned distribution (linear between the quantiles). */
  public int drawLength(SplittableRandom rng) {
    double at = rng.nextDouble() * (lengthQuantiles.size() - 1);
    int lo = (int) Math.floor(at);
    int hi = Math.min(lo + 1, lengthQuantiles.size() - 1);
    return (int) Math.round(lengthQuantiles.get(lo) + (at - lo) * (lengthQuantiles.get(hi) - lengthQuantiles.get(lo)));
  }

  public int medianLength() {
    return lengthQuantiles.get(lengthQuantiles.size() / 2);
  }

  /**
   * How often a note that names a place of {@link Sides#forms} gives it a side: the share of notes with a side
   * adjective ({@link Registers#SIDES}) over the share that name such a place, at most 1; 0 without places. Notes
   * that name those places as often as the real ones then have a side as often as they do, and notes that name them
   * less often have one less often.
   */
  public double sideRate() {
    return sides.named() == 0 ? 0 : Math.min(1, share(Registers.SIDES) / sides.named());
  }

  /** The share of notes with a register feature; 0 for one the model has not seen. */
  public double share(String feature) {
    return registers.getOrDefault(feature, 0.0);
  }
}
