package io.medsyn.llm.offline;

import io.medsyn.sample.Fact;
import java.util.EnumMap;
import java.util.SplittableRandom;

/** English wordings, in the register of outpatient notes. */
final class EnglishPhrases extends Phrases {
  static final EnglishPhrases INSTANCE = new EnglishPhrases();

  private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
      "Sunday"};
  private static final String[] NUMBERS = {"zero", "one", "two", "three", "four", "five", "six"};

  private EnglishPhrases() {
    super(bank());
  }

  private static EnumMap<Slot, String[]> bank() {
    EnumMap<Slot, String[]> b = new EnumMap<>(Slot.class);
    b.put(Slot.COMPLAINTS, new String[] {"Complains of ", "Presents with ", "The patient complains of ",
        "Reports ", "Complaints: ", "Main complaints: "});
    b.put(Slot.ELLIPTIC, new String[] {"c/o "});
    b.put(Slot.FIRST_PERSON, new String[] {"I have ", "I've been having ", "I'm bothered by ", "I've got ",
        "Lately I've had "});
    b.put(Slot.FIRST_PERSON_ONE, new String[] {"I have ", "I've been having ", "Lately I've had "});
    b.put(Slot.ALSO_DOCTOR, new String[] {"Also reports ", "Also notes ", "In addition, ", "Additionally: ",
        "At times "});
    b.put(Slot.ALSO_LIST, new String[] {"Also ", "At times ", "Sometimes ", "Plus "});
    b.put(Slot.ALSO_FIRST, new String[] {"I also have ", "Sometimes I get ", "Also ", "And "});
    b.put(Slot.DURATION_DOCTOR, new String[] {"Symptoms present {dur}", "Ill {dur}", "Has had these complaints"
        + " {dur}", "Complaints persist {dur}", "Onset {ago}", "Became ill {ago}", "Symptoms began {ago}"});
    b.put(Slot.DURATION_FIRST, new String[] {"It's been going on {dur}", "This has lasted {dur}",
        "I've felt like this {dur}", "It started {ago}", "I got ill {ago}", "It all began {ago}"});
    b.put(Slot.DURATION_DASH, new String[] {"ongoing {dur}", "onset {ago}", "present {dur}"});
    b.put(Slot.COURSE, new String[] {"Acute onset", "Gradual onset", "Getting gradually worse",
        "Symptoms are increasing", "Waxing and waning course", "No improvement so far"});
    b.put(Slot.COURSE_FIRST, new String[] {"It's getting worse", "It was bearable at first, then got worse",
        "Some days are better than others", "It doesn't go away on its own"});
    b.put(Slot.ANAMNESIS, new String[] {"History: ", "PMH: ", "Past history: ", "From the history: ",
        "Per patient: "});
    b.put(Slot.ANAMNESIS_FIRST, new String[] {"Also relevant: ", "Other things: ", "Background: "});
    b.put(Slot.FINDINGS, new String[] {"On examination: ", "Exam: ", "Findings: ", "Tests: ", "Objectively: "});
    b.put(Slot.FINDINGS_FIRST, new String[] {"Tests showed: ", "The doctor found: ", "My results: "});
    b.put(Slot.DEMOGRAPHICS, new String[] {"{age}-year-old {woman|man}", "{Female|Male}, {age}",
        "Patient: {woman|man}, {age} years"});
    b.put(Slot.DEMOGRAPHICS_FIRST, new String[] {"I'm {age}", "I am {age} years old"});
    b.put(Slot.EXTRAS, new String[] {"No self-treatment", "First visit with these complaints",
        "No known allergies", "Has not seen a doctor about this before"});
    b.put(Slot.EXTRAS_FIRST, new String[] {"I haven't taken anything for it", "This is my first visit about it",
        "Never had this before"});
    return b;
  }

  @Override
  String and() {
    return " and ";
  }

  @Override
  String text(Fact fact) {
    return fact.en();
  }

  @Override
  String accusative(String symptom) {
    return symptom;
  }

  @Override
  String duration(SplittableRandom rng) {
    return switch (rng.nextInt(9)) {
      case 0 -> "for " + (2 + rng.nextInt(13)) + " days";
      case 1 -> new String[] {"for about a week", "for about two weeks", "for about a month",
          "for about half a year"}[rng.nextInt(4)];
      case 2 -> "for the past " + (2 + rng.nextInt(9)) + " days";
      case 3 -> "since " + DAYS[rng.nextInt(DAYS.length)];
      case 4 -> new String[] {"for several days", "for a few weeks", "for 2-3 weeks", "for 2-3 days"}
          [rng.nextInt(4)];
      case 5 -> "since yesterday";
      case 6 -> "for " + NUMBERS[2 + rng.nextInt(4)] + " weeks";
      case 7 -> new String[] {"for over a month", "for over a year", "for several years", "for a year"}
          [rng.nextInt(4)];
      default -> "for " + new String[] {"a week", "a month", "the last week"}[rng.nextInt(3)];
    };
  }

  @Override
  String ago(SplittableRandom rng) {
    return switch (rng.nextInt(6)) {
      case 0 -> (2 + rng.nextInt(9)) + " days ago";
      case 1 -> "a week ago";
      case 2 -> "yesterday";
      case 3 -> "about a month ago";
      case 4 -> NUMBERS[2 + rng.nextInt(3)] + " weeks ago";
      default -> new String[] {"the day before yesterday", "last week", "after the weekend"}[rng.nextInt(3)];
    };
  }

  @Override
  String age(int years) {
    return String.valueOf(years);
  }
}
