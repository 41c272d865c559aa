package io.medsyn.llm.offline;

import io.medsyn.llm.NoteTask;
import io.medsyn.llm.offline.Phrases.Slot;
import io.medsyn.llm.offline.StyleProfile.Length;
import io.medsyn.sample.Draws;
import io.medsyn.sample.Fact;
import io.medsyn.style.Lexicon;
import io.medsyn.style.StyleModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Writes a plausible outpatient note from a task without any model: complaints (every sampled symptom, verbatim or,
 * in Russian, in the accusative), onset and duration, anamnesis and findings, in a style read from the task's
 * example note, learned from the user's real notes (a {@link StyleModel}: their lengths, register mix, shorthand,
 * phrasings and body sides), or drawn at random. It never writes the diagnosis, the disease's names or the code. A
 * pure function of the task: its randomness comes from (run seed, task id) alone.
 */
public final class NoteComposer {
  /** Copying this many consecutive words of the example counts as copying it. */
  static final int COPY_RUN = 6;
  private static final int TRIES = 8;
  /** Keeps the composer's draws apart from the sampler's, which start from the same (seed, task id). */
  private static final long SALT = 0x6f66666c696e6531L;

  private final StyleModel model;
  private final StyledWriter styled;
  private final Lexicon lexicon;

  /** A composer with its built-in habits. */
  public NoteComposer() {
    this(null);
  }

  /** @param style the user's style model (Russian notes), or null for the built-in habits */
  public NoteComposer(StyleModel style) {
    this.lexicon = style == null ? null : new Lexicon(style);
    this.styled = style == null ? null : new StyledWriter(style, lexicon);
    this.model = style;
  }

  public String compose(NoteTask task) {
    SplittableRandom rng = Draws.forTask(task.seed() ^ SALT, task.taskId());
    boolean russian = "ru".equals(task.language());
    Phrases phrases = Phrases.of(task.language());
    String example = "example".equals(task.promptKind()) && task.exampleText() != null
        && !task.exampleText().isBlank() ? task.exampleText() : null;
    StyleProfile exampleStyle = example == null ? null : StyleProfile.of(example, russian);
    Set<String> exampleRuns = example == null ? Set.of() : Overlap.runs(example, COPY_RUN);
    boolean learned = model != null && russian;
    List<String> symptoms = texts(task.symptoms(), phrases, task, false);
    List<String> anamnesis = texts(task.anamnesis(), phrases, task, true);
    List<String> findings = texts(task.findings(), phrases, task, true);
    if (learned) {
      // The user's wording of the symptom, else the graph's with its first word in the user's form.
      symptoms.replaceAll(s -> Objects.requireNonNullElseGet(lexicon.phrasing(s, rng), () -> lexicon.inRealForm(s,
          rng)));
      // Then body sides where the user's notes write them ("в правой руке"), one side for the whole note.
      UnaryOperator<String> sides = lexicon.sides(rng);
      for (List<String> facts : List.of(symptoms, anamnesis, findings)) {
        facts.replaceAll(sides);
      }
    }
    String note = null;
    for (int attempt = 0; attempt < TRIES; attempt++) {
      if (learned) {
        // An example's own length and habits, else the model's; the sections and shorthand always the model's.
        StyleProfile style = exampleStyle != null ? exampleStyle : StyleProfile.drawn(model, rng);
        int target = example != null ? (int) (example.strip().length() * (0.8 + 0.4 * rng.nextDouble()))
            : model.drawLength(rng);
        note = styled.write(task, style, target, phrases, rng, shuffled(symptoms, rng), anamnesis, findings);
      } else {
        StyleProfile style = exampleStyle != null ? exampleStyle : StyleProfile.random(rng);
        note = write(task, style, phrases, rng, symptoms, anamnesis, findings);
      }
      if (exampleRuns.isEmpty() || !Overlap.shares(note, exampleRuns, COPY_RUN)) {
        break;
      }
    }
    return note;
  }

  private static String write(NoteTask task, StyleProfile style, Phrases phrases, SplittableRandom rng,
      List<String> allSymptoms, List<String> anamnesis, List<String> findings) {
    boolean female = "female".equals(task.sex());
    Register register = style.register();
    boolean patient = register == Register.FIRST_PERSON;
    Length length = style.length();
    Draft draft = new Draft(style, rng, phrases);
    List<String> symptoms = shuffled(allSymptoms, rng);

    if (length == Length.LONG && rng.nextDouble() < 0.4 && register != Register.DASHES
        && register != Register.ELLIPTIC) {
      draft.sentence(phrases.pick(patient ? Slot.DEMOGRAPHICS_FIRST : Slot.DEMOGRAPHICS, rng, female)
          .replace("{age}", phrases.age(task.age())));
    }

    int split = symptoms.size();
    if (symptoms.size() >= 3 && length != Length.SHORT && rng.nextDouble() < 0.45) {
      split = (symptoms.size() + 1) / 2;
    }
    List<String> main = symptoms.subList(0, split);
    List<String> also = symptoms.subList(split, symptoms.size());
    String lead = switch (register) {
      case COMPLAINTS -> phrases.pick(Slot.COMPLAINTS, rng, female);
      case ELLIPTIC -> phrases.pick(Slot.ELLIPTIC, rng, female);
      case FIRST_PERSON -> phrases.pick(main.size() == 1 ? Slot.FIRST_PERSON_ONE : Slot.FIRST_PERSON, rng, female);
      case LIST, DASHES -> "";
    };
    if (!main.isEmpty()) {
      draft.list(lead, main, true);
    }
    boolean duration = length != Length.SHORT || rng.nextDouble() < 0.4;
    boolean attached = duration && !main.isEmpty() && register != Register.DASHES && style.separator() != '.'
        && rng.nextDouble() < 0.35;
    if (attached) {
      draft.append(phrases.duration(rng));
    }
    if (!also.isEmpty()) {
      Slot slot = patient ? Slot.ALSO_FIRST : register == Register.LIST || register == Register.DASHES
          ? Slot.ALSO_LIST : Slot.ALSO_DOCTOR;
      draft.list(phrases.pick(slot, rng, female), also, true);
    }
    if (duration && !attached) {
      Slot slot = patient ? Slot.DURATION_FIRST : register == Register.DASHES ? Slot.DURATION_DASH
          : Slot.DURATION_DOCTOR;
      String sentence = phrases.pick(slot, rng, female);
      sentence = sentence.contains("{ago}") ? sentence.replace("{ago}", phrases.ago(rng))
          : sentence.replace("{dur}", phrases.duration(rng));
      draft.sentence(sentence);
    }
    if (length == Length.LONG && rng.nextDouble() < 0.45) {
      draft.sentence(phrases.pick(patient ? Slot.COURSE_FIRST : Slot.COURSE, rng, female));
    }
    List<String> history = length == Length.LONG ? anamnesis
        : length == Length.MEDIUM && rng.nextDouble() < 0.6 ? first(anamnesis) : List.of();
    if (!history.isEmpty()) {
      draft.list(phrases.pick(patient ? Slot.ANAMNESIS_FIRST : Slot.ANAMNESIS, rng, female), history, false);
    }
    List<String> exam = length == Length.LONG ? findings
        : length == Length.MEDIUM && rng.nextDouble() < 0.3 ? first(findings) : List.of();
    if (!exam.isEmpty()) {
      draft.list(phrases.pick(patient ? Slot.FINDINGS_FIRST : Slot.FINDINGS, rng, female), exam, false);
    }
    if (length == Length.LONG && rng.nextDouble() < 0.35) {
      draft.sentence(phrases.pick(patient ? Slot.EXTRAS_FIRST : Slot.EXTRAS, rng, female));
    }
    return draft.render();
  }

  /**
   * The facts' texts in the note's language. Anamnesis and findings that would give the diagnosis away (they name
   * the disease, a subcode or the code) are left out; symptoms are always kept.
   */
  private static List<String> texts(List<Fact> facts, Phrases phrases, NoteTask task, boolean screen) {
    List<String> texts = new ArrayList<>(facts.size());
    for (Fact f : facts) {
      String text = phrases.text(f);
      if (text != null && !text.isBlank() && !(screen && namesDiagnosis(text, task))) {
        texts.add(text.strip());
      }
    }
    return texts;
  }

  static boolean namesDiagnosis(String text, NoteTask task) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String name : new String[] {task.diseaseRu(), task.diseaseEn(), task.subcodeRu(), task.subcodeEn()}) {
      if (name != null && name.length() >= 4 && lower.contains(name.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return text.contains(task.code()) || task.subcode() != null && text.contains(task.subcode());
  }

  private static List<String> first(List<String> facts) {
    return facts.isEmpty() ? facts : facts.subList(0, 1);
  }

  /** The symptoms in the sampled order or, half of the time, in a shuffled one. */
  private static List<String> shuffled(List<String> items, SplittableRandom rng) {
    List<String> copy = new ArrayList<>(items);
    if (rng.nextBoolean()) {
      for (int i = copy.size() - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        String t = copy.get(i);
        copy.set(i, copy.get(j));
        copy.set(j, t);
      }
    }
    return copy;
  }
}
