package io.medsyn.llm.offline;

import io.medsyn.llm.NoteTask;
import io.medsyn.llm.offline.Phrases.Slot;
import io.medsyn.style.Lexicon;
import io.medsyn.style.Registers;
import io.medsyn.style.StyleModel;
import io.medsyn.style.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Writes a note in a learned style: every part (demographics, duration, course, history, examination, shorthand,
 * filler sentences) as often as the user's real notes have it, the optional parts only while the note is shorter
 * than its target length, and shorthand and fillers in the real notes' own phrases.
 */
final class StyledWriter {
  /** At most this many shorthand phrases in one note. */
  private static final int MAX_SHORTHAND = 2;
  /** A complaint list holds at most this many items, the graph's symptoms and the code's clauses together. */
  private static final int MAX_COMPLAINTS = 8;
  /** A code clause may overrun the note's length target by this many characters. */
  private static final int MAX_OVERSHOOT = 15;

  private final StyleModel model;
  private final Lexicon lexicon;

  StyledWriter(StyleModel model, Lexicon lexicon) {
    this.model = model;
    this.lexicon = lexicon;
  }

  String write(NoteTask task, StyleProfile style, int target, Phrases phrases, SplittableRandom rng,
      List<String> symptoms, List<String> anamnesis, List<String> findings) {
    boolean female = "female".equals(task.sex());
    boolean patient = style.register() == Register.FIRST_PERSON;
    Predicate<String> clean = text -> !NoteComposer.namesDiagnosis(text, task);
    Draft draft = new Draft(style, rng, phrases);
    if (chance(rng, Registers.DEMOGRAPHICS)) {
      draft.sentence(pick(phrases, patient ? Slot.DEMOGRAPHICS_FIRST : Slot.DEMOGRAPHICS, rng, female)
          .replace("{age}", phrases.age(task.age())));
    }
    boolean fillerFirst = rng.nextBoolean();
    boolean filler = rng.nextDouble() < model.fillerShare();
    // A filler the user's notes write alone ("Жалоб нет", "температура в норме") must not gainsay the complaints.
    Predicate<String> fits = clean.and(f -> !Draft.COMPLAINT_WORD.matcher(f).find() && !lexicon.repeats(f, symptoms));
    if (filler && fillerFirst) {
      add(draft, lexicon.filler(rng, fits));
    }
    String lead = switch (style.register()) {
      case COMPLAINTS -> pick(phrases, Slot.COMPLAINTS, rng, female);
      case ELLIPTIC -> pick(phrases, Slot.ELLIPTIC, rng, female);
      case FIRST_PERSON -> pick(phrases, symptoms.size() == 1 ? Slot.FIRST_PERSON_ONE : Slot.FIRST_PERSON, rng,
          female);
      case LIST, DASHES -> "";
    };
    // Real notes often name their diagnosis; a code's clause that shares a word with its names would give it away.
    List<String> names = Arrays.asList(task.diseaseRu(), task.subcodeRu(), task.diseaseEn(),
        task.subcodeEn());
    List<String> complaints = withCodeClauses(task.code(), symptoms, target - draft.chars() - lead.length(),
        !lead.isEmpty(), rng, clean.and(c -> !lexicon.sharesContentWord(c, names)));
    draft.list(lead, complaints, true);
    if (chance(rng, Registers.DURATION)) {
      if (style.register() != Register.DASHES && style.separator() != '.' && rng.nextBoolean()) {
        draft.append(phrases.duration(rng));
      } else {
        Slot slot = patient ? Slot.DURATION_FIRST : style.register() == Register.DASHES ? Slot.DURATION_DASH
            : Slot.DURATION_DOCTOR;
        String sentence = pick(phrases, slot, rng, female);
        draft.sentence(sentence.contains("{ago}") ? sentence.replace("{ago}", phrases.ago(rng))
            : sentence.replace("{dur}", phrases.duration(rng)));
      }
    }
    int written = 0;
    // A note gives its pain score (ВАШ) or a date once: a token the complaints wrote is not written again.
    StringBuilder used = new StringBuilder(String.join(" ", complaints)).append(' ');
    for (String token : model.shorthand().keySet()) {
      // A token another sentence already brought ("МРТ от *ДАТА*") is not written twice.
      if (written < MAX_SHORTHAND && used.indexOf(token) < 0
          && rng.nextDouble() < model.shorthandShare(task.code(), token)) {
        String sentence = lexicon.carrier(token, rng, clean.and(c -> carries(c, token, task.code())));
        if (add(draft, sentence)) {
          written++;
          used.append(sentence).append(' ');
        }
      }
    }
    if (draft.chars() < target && chance(rng, Registers.COURSE)) {
      draft.sentence(pick(phrases, patient ? Slot.COURSE_FIRST : Slot.COURSE, rng, female));
    }
    if (draft.chars() < target && !anamnesis.isEmpty() && chance(rng, Registers.ANAMNESIS)) {
      draft.list(pick(phrases, patient ? Slot.ANAMNESIS_FIRST : Slot.ANAMNESIS, rng, female), upTo(anamnesis,
          draft, target), false);
    }
    if (draft.chars() < target && !findings.isEmpty() && chance(rng, Registers.EXAMINATION)) {
      draft.list(pick(phrases, patient ? Slot.FINDINGS_FIRST : Slot.FINDINGS, rng, female), upTo(findings, draft,
          target), false);
    }
    if (filler && !fillerFirst) {
      add(draft, lexicon.filler(rng, fits));
    }
    return draft.render();
  }

  /**
   * The symptoms with, at random places among them (never first after a lead), clauses the code's real notes write,
   * while they fit in {@code room} characters: the user's own wording of what such notes say beyond the graph.
   */
  private List<String> withCodeClauses(String code, List<String> symptoms, int room, boolean lead,
      SplittableRandom rng, Predicate<String> clean) {
    List<String> out = new ArrayList<>(symptoms);
    // After a lead the first item is a graph symptom, which the lead declines: a clause there keeps the case
    // of its own note ("На подёргиванию руки") or repeats the lead ("на на заложенность носа").
    int first = lead && !symptoms.isEmpty() ? 1 : 0;
    int left = room;
    for (String s : symptoms) {
      left -= s.length() + 2;
    }
    while (left > 0 && out.size() < MAX_COMPLAINTS) {
      String clause = lexicon.codeClause(code, rng, clean.and(c -> !out.contains(c)
          && !lexicon.repeats(c, out) && !sharesShorthand(c, out) && !Draft.COMPLAINT_WORD.matcher(c).find()));
      if (clause == null || clause.length() > left + MAX_OVERSHOOT) {
        break;
      }
      out.add(first + rng.nextInt(out.size() + 1 - first), clause);
      left -= clause.length() + 2;
    }
    return out;
  }

  /** Whether the clause has a shorthand token that one of {@code clauses} has: "по ВАШ 7 баллов" after "ВАШ 5". */
  private static boolean sharesShorthand(String clause, List<String> clauses) {
    Set<String> tokens = Tokens.shorthand(clause);
    return !tokens.isEmpty() && clauses.stream().anyMatch(c -> Tokens.shorthand(c).stream().anyMatch(tokens::contains));
  }

  /**
   * Whether a note of the code may write the sentence for {@code token}, its tokens read once: a placeholder comes
   * only as itself (sentences that bring *ДАТА* along would write it too often), and every token is one the code's
   * notes use ("УЗИ ОМТ" stays in gynaecology).
   */
  private boolean carries(String sentence, String token, String code) {
    for (String t : Tokens.shorthand(sentence)) {
      if (Tokens.isPlaceholder(t) && !t.equals(token) || !model.codeUses(code, t)) {
        return false;
      }
    }
    return true;
  }

  /** A wording of the slot, as often as the real notes use it (the lexicon's count of its first words). */
  private String pick(Phrases phrases, Slot slot, SplittableRandom rng, boolean female) {
    return phrases.pick(slot, rng, female, lexicon::notesUsing);
  }

  private boolean chance(SplittableRandom rng, String feature) {
    return rng.nextDouble() < model.share(feature);
  }

  private static boolean add(Draft draft, String sentence) {
    if (sentence == null) {
      return false;
    }
    draft.sentence(sentence);
    return true;
  }

  /** The first facts, as many as fit before the target length (at least one). */
  private static List<String> upTo(List<String> facts, Draft draft, int target) {
    List<String> out = new ArrayList<>();
    int chars = draft.chars();
    for (String f : facts) {
      if (!out.isEmpty() && chars + f.length() > target) {
        break;
      }
      out.add(f);
      chars += f.length() + 2;
    }
    return out;
  }
}
