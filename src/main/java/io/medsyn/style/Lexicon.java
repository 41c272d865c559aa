package io.medsyn.style;

import io.medsyn.text.Stemmer;
import io.medsyn.text.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The style model's phrases indexed for writing: the user's wordings of a symptom (phrases with the same content
 * stems, in any order: "боль в горле" finds "горло болит"), phrases that carry a shorthand token, filler
 * sentences, and the forms of a body side between two words. Every pick is weighted by how many real notes use the
 * phrase. Not thread-safe (its stemmer): one per composer.
 */
public final class Lexicon {
  /**
   * Endings of the genitive, dative, instrumental and prepositional that no nominative in a list of complaints has:
   * nouns' ("тошнотой", "колебаниями", "мочеиспускании", "заложенности" of "чувство заложенности в груди",
   * "перебоев") and adjectives' ("учащенного", "сухим", "болезненных").
   */
  private static final List<String> OBLIQUE_ENDINGS = List.of("ами", "ями", "ой", "ей", "ом", "ем", "ью", "ии", "ию",
      "ости", "ов", "ев", "ого", "его", "ому", "ему", "ыми", "ими", "ым", "ых", "их");

  /** The share of their notes in which a phrase's first two words open a clause for it to carry a token alone. */
  private static final double OPENS = 0.25;
  /**
   * Under this share of their notes, words seldom open a clause: a wording that does not start on the symptom's word
   * and a clause of one word are windows of longer clauses there.
   */
  private static final double SELDOM_OPENS = 0.05;
  /**
   * For a clause that opens on a preposition to stand anywhere in a list, the least share of the notes where its
   * first two words open a clause in which they open a sentence, and in which they open a clause after another.
   */
  private static final double ALONE = 0.2;
  /**
   * A verb, reflexive or not, present or past: "появляются", "усилилась", "переносит", "тянет"; not a participle,
   * "усиливающийся", which ends in -йся.
   */
  private static final Pattern VERB = Pattern.compile("\\p{L}{2,}(?:тся|ться|лся|лась|лось|лись|ит|ет|ют|ят)");
  /**
   * A word whose clause leans on the one before it unless the notes often open a sentence with it: a verb or a
   * comparative ("больше слева"). Not an adverb: "периодически головокружение" has its noun.
   */
  private static final Pattern LEANS = Pattern.compile(VERB.pattern()
      + "|больше|меньше|более|менее|чаще|реже|хуже|лучше");
  /** A matching phrase may add this many content words to the symptom's ("боль в горле при глотании"). */
  static final int MAX_EXTRA_STEMS = 2;

  private final Stemmer stemmer = new Stemmer();
  private final Map<String, Weighted> byStems = new HashMap<>();
  /** For each stem, the keys of byStems that contain it. */
  private final Map<String, List<String>> keysByStem = new HashMap<>();
  /** The stems of keysByStem by their first letters, where the rest of a stem's family is ({@link #family}). */
  private final Map<String, Set<String>> stemsByStart = new HashMap<>();
  private final Map<String, Weighted> byShorthand = new HashMap<>();
  private final Weighted fillers = new Weighted();
  private final Map<String, Weighted> byCode = new HashMap<>();
  /** The model's phrases and their note counts, to weigh the composer's own wordings. */
  private final Map<String, Long> phraseNotes;
  /** How many notes open a clause with each 2-word phrase. */
  private final Map<String, Long> clauseStarts;
  /** For each word, the notes of the 2-word phrases it opens, and how many of them open a clause with one. */
  private final Map<String, long[]> opensPairs = new HashMap<>();
  /**
   * A word's forms before a function word, by (stem, function word), counted in the notes that open a clause with
   * them, if at least {@link #OPENS} of their notes do: "бол в" holds боли 763, боль 186; not "жжения в" (of "чувство
   * жжения в"), which opens none of its 24 notes, nor "давления в", 2 of 12.
   */
  private final Map<String, Weighted> formsBefore = new HashMap<>();
  /** The side adjective's forms between two words: "в руке" holds правой 51, левой 35. */
  private final Map<String, Weighted> sideForms = new HashMap<>();
  private final double sideRate;
  /** Phrases cut off before their noun, which a note must not write as a wording or a clause of its own. */
  private final Dangling dangling;

  public Lexicon(StyleModel model) {
    this.phraseNotes = model.phrases();
    this.clauseStarts = model.clauseStarts();
    this.dangling = new Dangling(model.phrases(), model.clauseEnds());
    for (Map.Entry<String, Long> e : model.phrases().entrySet()) {
      String phrase = e.getKey();
      String[] tokens = phrase.split(" ");
      if (tokens.length == 2) {
        long[] counts = opensPairs.computeIfAbsent(tokens[0], x -> new long[2]);
        counts[0] += e.getValue();
        counts[1] += clauseStarts.getOrDefault(phrase, 0L);
      }
      if (tokens.length == 2 && isWord(tokens[0]) && !Stemmer.isStopword(tokens[0]) && Stemmer.isStopword(tokens[1])
          && opensClause(phrase, OPENS)) {
        formsBefore.computeIfAbsent(stemmer.stem(tokens[0]) + " " + tokens[1], x -> new Weighted())
            .add(tokens[0], clauseStarts.get(phrase));
      }
      boolean words = true;
      for (String t : tokens) {
        words &= isWord(t);
      }
      // A wording of a symptom is words only, and neither starts nor ends with a preposition or conjunction.
      if (words && !Stemmer.isStopword(tokens[0]) && !Stemmer.isStopword(tokens[tokens.length - 1])) {
        String key = key(phrase);
        Weighted w = byStems.get(key);
        if (w == null) {
          byStems.put(key, w = new Weighted());
          for (String stem : new HashSet<>(List.of(key.split(" ")))) {
            keysByStem.computeIfAbsent(stem, x -> new ArrayList<>()).add(key);
            if (stem.length() >= Stemmer.MIN_FAMILY_STEM) {
              stemsByStart.computeIfAbsent(start(stem), x -> new TreeSet<>()).add(stem);
            }
          }
        }
        w.add(phrase, e.getValue());
      }
    }
    model.shorthandSentences().forEach((sentence, notes) -> {
      for (String t : Tokens.shorthand(sentence)) {
        byShorthand.computeIfAbsent(t, x -> new Weighted()).add(sentence, notes);
      }
    });
    // A token no whole sentence carries is written as a phrase that carries it, opens where the notes open a clause
    // and ends where they end one: "повышение АД до 150", not "цифр АД" of "на фоне повышения цифр АД", nor "АД до
    // 150", which follows "повышение" in them, nor "повышение АД мах", which goes on "до 160".
    Set<String> inSentences = new HashSet<>();
    model.shorthandSentences().keySet().forEach(sentence -> inSentences.addAll(Tokens.shorthand(sentence)));
    model.phrases().forEach((phrase, notes) -> {
      List<String> tokens = List.of(phrase.split(" "));
      // Most phrases carry no such token: ask that first, the clause counts only of those that do.
      Set<String> carried = new LinkedHashSet<>();
      for (String t : tokens) {
        if (Tokens.isShorthand(t) && !inSentences.contains(t)) {
          carried.add(t);
        }
      }
      long alone = carried.isEmpty() || !Tokens.whole(tokens) || !opensClause(Tokens.pairAt(tokens, 0), OPENS) ? 0
          : endingClauses(tokens, notes, model);
      if (alone > 0) {
        carried.forEach(t -> byShorthand.computeIfAbsent(t, x -> new Weighted()).add(phrase, alone));
      }
    });
    model.fillers().forEach((sentence, notes) -> {
      if (!fragment(sentence)) {
        fillers.add(sentence, notes);
      }
    });
    // The forms the notes write, in phrases or in a code's clauses: where one is the nominative, a clause that opens
    // on its accusative ("изжогу" beside "изжога") was an item after "жалобы на".
    Set<String> written = new HashSet<>();
    model.phrases().keySet().forEach(p -> written.addAll(Words.of(p)));
    model.codeClauses().values().forEach(clauses -> clauses.keySet().forEach(c -> written.addAll(Words.of(c))));
    model.codeClauses().forEach((code, clauses) -> clauses.forEach((clause, notes) -> {
      if (standsInAList(clause, model) && !opensOnAccusative(clause, written)) {
        byCode.computeIfAbsent(code, x -> new Weighted()).add(clause, notes);
      }
    }));
    model.sides().forms().forEach((place, forms) -> forms.forEach((form, notes) ->
        sideForms.computeIfAbsent(place, x -> new Weighted()).add(form, notes)));
    this.sideRate = model.sideRate();
  }

  /**
   * Whether a filler sentence of words only is a fragment that needs the sentence before it: two words at most,
   * the first a function word ("не предъявляет" after "Жалоб активно", "в анамнезе", "без эффекта").
   */
  private static boolean fragment(String sentence) {
    List<String> tokens = Tokens.of(sentence);
    return !tokens.isEmpty() && tokens.size() <= 2 && Stemmer.isStopword(tokens.get(0))
        && tokens.stream().allMatch(Lexicon::isWord);
  }

  /** Whether the token is a word of letters, not shorthand ("АД") nor a number or punctuation. */
  private static boolean isWord(String token) {
    return Character.isLetter(token.charAt(0)) && !Tokens.isShorthand(token);
  }

  /** Whether the notes open a clause with the 2-word phrase in at least {@code share} of the notes that have it. */
  private boolean opensClause(String pair, double share) {
    Long notes = phraseNotes.get(pair);
    return notes != null && clauseStarts.getOrDefault(pair, 0L) >= share * notes;
  }

  /**
   * Whether the clause can be any item of a list. One that opens on a preposition can when the notes put its first
   * two words both first in a sentence and after another clause, each in at least {@link #ALONE} of the notes where
   * they open a clause. Seldom first, it goes on from the clause before it ("с иррадиацией в ногу", "в височной
   * области", "по ВАШ 7 баллов" after a pain); nearly always first, it is a lead with its first item ("на учащенное
   * мочеиспускание"). Either reads wrong after another item; "на фоне стресса", first in about half, reads well. One
   * that opens on a verb or a comparative ({@link #LEANS}) needs only to be first often enough: seldom first, its
   * subject or head is the clause before it ("усиливаются при движениях", "переносит хорошо", "больше слева"); often
   * first, it has its own ("отмечается слабость"). A clause of one word can when the phrases it opens open a clause
   * in at least {@link #SELDOM_OPENS} of their notes ("ходьбе", of "при ходьбе", opens none of its 11), or, where it
   * opens none, when it is not the genitive of a verbal noun ("напряжения", "чихания"; "тревожность" can).
   */
  private boolean standsInAList(String clause, StyleModel model) {
    List<String> tokens = Tokens.of(clause);
    if (tokens.size() == 1) {
      long[] pairs = opensPairs.get(tokens.get(0));
      return pairs == null ? !Tokens.endsWithAny(tokens.get(0), Dangling.VERBAL_GENITIVE_ENDINGS)
          : pairs[1] >= SELDOM_OPENS * pairs[0];
    }
    boolean leans = tokens.size() >= 2 && LEANS.matcher(tokens.get(0)).matches();
    if (tokens.size() < 2 || !leans && !Stemmer.isStopword(tokens.get(0))) {
      return true;
    }
    String firstTwo = Tokens.pairAt(tokens, 0);
    long opens = model.clauseStarts().getOrDefault(firstTwo, 0L);
    long first = model.sentenceStarts().getOrDefault(firstTwo, 0L);
    return opens == 0 || first >= ALONE * opens && (leans || opens - first >= ALONE * opens);
  }

  /**
   * Whether the clause opens on the accusative of a nominative in -а, -я, -ая or -яя that the notes write ("одышку при
   * ФН", "ноктурию до 2 раз", "общую слабость"): it reads well only after "жалобы на", and the composer declines a
   * list after such a lead itself. A word in -у or -ю whose nominative the notes never write ("ночью") is kept.
   */
  private static boolean opensOnAccusative(String clause, Set<String> written) {
    List<String> words = Words.of(clause);
    if (words.isEmpty() || words.get(0).length() <= 3) {
      return false;
    }
    String first = words.get(0);
    String stem = first.substring(0, first.length() - 1);
    String nominative = first.endsWith("ую") ? first.substring(0, first.length() - 2) + "ая"
        : first.endsWith("юю") ? first.substring(0, first.length() - 2) + "яя"
        : first.endsWith("у") ? stem + "а" : first.endsWith("ю") ? stem + "я" : null;
    return nominative != null && written.contains(nominative);
  }

  /**
   * About how many of the phrase's notes end a clause on it: its notes times the share of its last two words' notes
   * in which they end one, so that "повышение АД", which goes on "до 150" and the like in most of its notes, is
   * not written alone as often as all of them; 0 when that share is under {@link Dangling#FEW_ENDS}, all its notes
   * when the model has no count.
   */
  private static long endingClauses(List<String> tokens, long notes, StyleModel model) {
    String lastTwo = Tokens.pairAt(tokens, tokens.size() - 2);
    Long pairNotes = model.phrases().get(lastTwo);
    Long ends = model.clauseEnds().get(lastTwo);
    if (pairNotes == null || ends == null) {
      return notes;
    }
    double share = ends / (double) pairNotes;
    return share < Dangling.FEW_ENDS ? 0 : Math.max(1, Math.round(notes * share));
  }

  /**
   * Body sides for one note, to apply to each of its phrases in turn: a phrase that names a place of the model ("в
   * руке", where the real notes write "в правой руке") gets a side adjective before its first such place, in a form
   * the notes write there, unless it names a side already ("справа"). The note draws once, at its first place,
   * whether it gives sides ({@link StyleModel#sideRate}) and which one, by the notes' counts of the forms there;
   * later places take the same side, or none where the notes never write that side. At most one side per phrase; a
   * note that names no place draws nothing.
   */
  public UnaryOperator<String> sides(SplittableRandom rng) {
    return new NoteSides(rng);
  }

  /**
   * A clause the code's real notes write, weighted by how many of them do, not one cut off before its noun
   * ({@link Dangling}) nor one that cannot be any item of a list ({@link #standsInAList}); null when none is allowed.
   */
  public String codeClause(String code, SplittableRandom rng, Predicate<String> allowed) {
    Weighted w = byCode.get(code);
    return w == null ? null : w.pick(rng, allowed.and(dangling.negate()));
  }

  /**
   * A real notes' wording of the symptom: a phrase with all of its content stems, or stems of their families
   * ({@link Stemmer#sameFamily}: "боли в поясничном отделе" for "боль в пояснице"), in any order, and at most
   * {@link #MAX_EXTRA_STEMS} more, not cut off before its noun ({@link Dangling}: "головные боли в лобной") nor out
   * of a longer clause ({@link #opensSeldom}); null when the lexicon has none.
   */
  public String phrasing(String symptom, SplittableRandom rng) {
    List<String> stems = sortedStems(symptom);
    if (stems.isEmpty()) {
      return null;
    }
    Set<String> rarest = null;
    for (String stem : stems) {
      Set<String> keys = new LinkedHashSet<>();
      for (String member : family(stem)) {
        keys.addAll(keysByStem.getOrDefault(member, List.of()));
      }
      rarest = rarest == null || keys.size() < rarest.size() ? keys : rarest;
    }
    Weighted matches = new Weighted();
    for (String key : rarest) {
      List<String> other = new ArrayList<>(List.of(key.split(" ")));
      boolean all = true;
      for (String stem : stems) {
        // The stem itself where the phrase has it, else one of its family.
        all &= other.remove(stem) || removeOfFamily(other, stem);
      }
      // The wording starts on the symptom (a phrase cut from a longer sentence would start elsewhere).
      if (all && other.size() <= MAX_EXTRA_STEMS && startsOn(byStems.get(key).first(), stems)) {
        matches.addAll(byStems.get(key));
      }
    }
    return matches.pick(rng, p -> !inOtherCase(p, symptom) && !startsAfterFunctionWord(p, symptom)
        && !dangling.test(p) && !denies(p, symptom) && !opensSeldom(p, symptom));
  }

  /**
   * Whether the wording starts on a word the symptom has not, and the notes seldom open a clause with its first two
   * words ({@link #SELDOM_OPENS}): a window of a longer clause, its words in the case that clause gave them
   * ("тошноты и рвоты" of "без тошноты и рвоты", "крови в моче" of "следы крови в моче").
   */
  private boolean opensSeldom(String wording, String symptom) {
    List<String> tokens = Tokens.of(wording);
    if (tokens.size() < 2 || Words.of(symptom).contains(tokens.get(0))) {
      return false;
    }
    String firstTwo = Tokens.pairAt(tokens, 0);
    return phraseNotes.containsKey(firstTwo) && !opensClause(firstTwo, SELDOM_OPENS);
  }

  /** Whether the wording has a negation the symptom has not: "ознобов нет" says the opposite of "озноб". */
  private static boolean denies(String wording, String symptom) {
    List<String> own = Words.of(symptom);
    return Words.of(wording).stream().anyMatch(w -> Tokens.NEGATIONS.contains(w) && !own.contains(w));
  }

  /**
   * The symptom with its first word in the form the real notes write before the same function word ("боль в горле"
   * becomes "боли в горле" about four times in five in RuMedTop3), weighted by the notes that open a clause with it;
   * the symptom as it is when it does not start with a word and a function word, or has a verb that agrees with its
   * first word ("боль в стопах усиливается ночью"), or the lexicon has no such form.
   */
  public String inRealForm(String symptom, SplittableRandom rng) {
    String[] words = symptom.split(" ", 3);
    // A clause after a comma and a verb agree with the first word ("боль в шее, отдающая в руку", "боль в стопах
    // усиливается ночью"): another number breaks them.
    if (words.length < 2 || !Stemmer.isStopword(Words.fold(words[1])) || symptom.contains(",")
        || Words.of(symptom).stream().skip(1).anyMatch(w -> VERB.matcher(w).matches())) {
      return symptom;
    }
    String first = Words.fold(words[0]);
    Weighted forms = formsBefore.get(stemmer.stem(first) + " " + Words.fold(words[1]));
    String form = forms == null ? null : forms.pick(rng, f -> !inOtherCase(f, first));
    if (form == null || form.equals(first)) {
      return symptom;
    }
    boolean upper = Character.isUpperCase(words[0].charAt(0));
    return (upper ? Character.toUpperCase(form.charAt(0)) + form.substring(1) : form)
        + symptom.substring(words[0].length());
  }

  /**
   * How many real notes use the wording: its first two to four words (up to a slot to fill, "{dur}") as a phrase of
   * the model; 0 for a wording of one word, which the phrases cannot tell.
   */
  public long notesUsing(String wording) {
    int slot = wording.indexOf('{');
    List<String> tokens = Tokens.of(slot < 0 ? wording : wording.substring(0, slot));
    if (tokens.size() < Tokens.MIN_PHRASE) {
      return 0;
    }
    return phraseNotes.getOrDefault(String.join(" ", tokens.subList(0, Math.min(tokens.size(),
        Tokens.MAX_PHRASE))), 0L);
  }

  /**
   * Whether {@code phrase} has a word in another case than {@code symptom}'s word of the same stem, where that case
   * does not read as a list item of its own. The accusative of a nominative in -а or -я ("общую слабость" for "общая
   * слабость") reads well only after "жалобы на"; an oblique ending ("тошнотой рвотой" for "тошнота и рвота",
   * "колебанию давления", "головной боли") shows a window cut after its preposition or its verb.
   */
  private boolean inOtherCase(String phrase, String symptom) {
    List<String> owns = Words.of(symptom);
    for (String word : Words.of(phrase)) {
      String stem = null;
      for (String own : owns) {
        if (own.equals(word)) {
          continue;
        }
        stem = stem == null ? stemmer.stem(word) : stem;
        if (stemmer.stem(own).equals(stem) && (accusative(word, own) || oblique(word) && !oblique(own))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean accusative(String word, String nominative) {
    return (word.endsWith("у") || word.endsWith("ю")) && (nominative.endsWith("а") || nominative.endsWith("я"));
  }

  private static boolean oblique(String word) {
    return Tokens.endsWithAny(word, OBLIQUE_ENDINGS);
  }

  /**
   * Whether the phrase starts on a word that the symptom has after a function word: "мочеиспускании боли" for "боль
   * при мочеиспускании" is a window cut after "при".
   */
  private static boolean startsAfterFunctionWord(String phrase, String symptom) {
    List<String> words = Words.of(phrase);
    List<String> own = Words.of(symptom);
    for (int i = 1; i < own.size() && !words.isEmpty(); i++) {
      if (own.get(i).equals(words.get(0)) && Stemmer.isStopword(own.get(i - 1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A sentence that uses the shorthand token, or a phrase where none does, not cut before its noun ("НА ФОНЕ"), or
   * null.
   */
  public String carrier(String token, SplittableRandom rng, Predicate<String> allowed) {
    Weighted w = byShorthand.get(token);
    return w == null ? null : w.pick(rng, allowed.and(dangling.negate()));
  }

  /** Whether {@code text} has a content word of one of {@code names} ("гипертензия" of "Эссенциальная гипертензия"). */
  public boolean sharesContentWord(String text, List<String> names) {
    Set<String> stems = new HashSet<>(stemmer.contentStems(text));
    for (String name : names) {
      if (name != null && stemmer.contentStems(name).stream().anyMatch(stems::contains)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code clause} says again, or denies, what one of {@code items} says: every content word of the one,
   * negations aside, is in the other ("боли в горле" after "боль в горле", "слабость" after "общая слабость",
   * "отрыжка воздухом" after "отрыжка", "утренней скованности нет" after "утренняя скованность до 1 часа").
   */
  public boolean repeats(String clause, List<String> items) {
    Set<String> own = affirmedStems(clause);
    for (String item : items) {
      Set<String> other = affirmedStems(item);
      if (!own.isEmpty() && !other.isEmpty() && (own.containsAll(other) || other.containsAll(own))) {
        return true;
      }
    }
    return false;
  }

  /** The content stems ({@link Stemmer#contentStems}) of the text's words that are not negations. */
  private Set<String> affirmedStems(String text) {
    List<String> affirmed = Words.of(text).stream().filter(w -> !Tokens.NEGATIONS.contains(w)).toList();
    return new HashSet<>(stemmer.contentStems(String.join(" ", affirmed)));
  }

  /** A filler sentence, or null when the model has none. */
  public String filler(SplittableRandom rng, Predicate<String> allowed) {
    return fillers.pick(rng, allowed);
  }

  /** One note's {@link #sides}: the side it drew, if any, at its first place. */
  private final class NoteSides implements UnaryOperator<String> {
    private final SplittableRandom rng;
    private boolean drawn;
    /** The note's side ({@link SideWords#side}), or null for none. */
    private String side;

    NoteSides(SplittableRandom rng) {
      this.rng = rng;
    }

    @Override
    public String apply(String phrase) {
      List<Tokens.Token> tokens = Tokens.located(phrase);
      if (tokens.stream().anyMatch(t -> SideWords.isSide(t.text(), stemmer))) {
        return phrase;
      }
      for (int i = 0; i + 1 < tokens.size(); i++) {
        Tokens.Token place = tokens.get(i + 1);
        Weighted forms = sideForms.get(SideWords.place(tokens.get(i).text(), place.text()));
        // The side goes into the space between the two words, as the notes write it: not across a comma.
        if (forms != null && phrase.substring(tokens.get(i).end(), place.start()).isBlank()) {
          String form;
          if (!drawn) {
            drawn = true;
            form = rng.nextDouble() < sideRate ? forms.pick(rng) : null;
            side = form == null ? null : SideWords.side(form, stemmer);
          } else {
            form = side == null ? null : forms.pick(rng, f -> SideWords.side(f, stemmer).equals(side));
          }
          return form == null ? phrase
              : phrase.substring(0, place.start()) + form + " " + phrase.substring(place.start());
        }
      }
      return phrase;
    }
  }

  private boolean startsOn(String phrase, List<String> stems) {
    List<String> first = stemmer.contentStems(phrase.substring(0, Math.max(phrase.indexOf(' '), 0) > 0
        ? phrase.indexOf(' ') : phrase.length()));
    return first.isEmpty() || stems.stream().anyMatch(stem -> Stemmer.sameFamily(stem, first.get(0)));
  }

  /**
   * The lexicon's stems of the stem's family ({@link Stemmer#sameFamily}), the stem first; a shorter stem has only
   * itself, since both stems of a family have {@link Stemmer#MIN_FAMILY_STEM} letters or more.
   */
  private List<String> family(String stem) {
    List<String> members = new ArrayList<>(List.of(stem));
    if (stem.length() < Stemmer.MIN_FAMILY_STEM) {
      return members;
    }
    for (String other : stemsByStart.getOrDefault(start(stem), Set.of())) {
      if (!other.equals(stem) && Stemmer.sameFamily(stem, other)) {
        members.add(other);
      }
    }
    return members;
  }

  /** The letters that every stem of a family shares ({@link Stemmer#sameFamily}). */
  private static String start(String stem) {
    return stem.substring(0, Math.min(stem.length(), Stemmer.MIN_FAMILY_STEM - 1));
  }

  /** Removes the first of the stems that is of {@code stem}'s family, and says whether there was one. */
  private static boolean removeOfFamily(List<String> stems, String stem) {
    for (int i = 0; i < stems.size(); i++) {
      if (Stemmer.sameFamily(stem, stems.get(i))) {
        stems.remove(i);
        return true;
      }
    }
    return false;
  }

  private String key(String text) {
    return String.join(" ", sortedStems(text));
  }

  private List<String> sortedStems(String text) {
    List<String> stems = new ArrayList<>(stemmer.contentStems(text));
    stems.sort(null);
    return stems;
  }
}
