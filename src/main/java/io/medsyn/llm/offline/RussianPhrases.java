package io.medsyn.llm.offline;

import io.medsyn.sample.Fact;
import java.util.EnumMap;
import java.util.SplittableRandom;

/** Russian wordings, in the register of outpatient notes. */
final class RussianPhrases extends Phrases {
  static final RussianPhrases INSTANCE = new RussianPhrases();

  private static final String[] SINCE_DAY = {"понедельника", "вторника", "среды", "четверга", "пятницы", "субботы",
      "воскресенья"};

  private RussianPhrases() {
    super(bank());
  }

  private static EnumMap<Slot, String[]> bank() {
    EnumMap<Slot, String[]> b = new EnumMap<>(Slot.class);
    b.put(Slot.COMPLAINTS, new String[] {"Жалобы на ~", "Предъявляет жалобы на ~", "{Обратилась|Обратился} с"
        + " жалобами на ~", "Жалобы при обращении на ~", "При обращении жалобы на ~", "Жалобы: ", "Беспокоят: "});
    b.put(Slot.ELLIPTIC, new String[] {"на ~"});
    b.put(Slot.FIRST_PERSON, new String[] {"Беспокоят ", "Меня беспокоят ", "У меня ", "Последнее время у меня ",
        "Мучают "});
    b.put(Slot.FIRST_PERSON_ONE, new String[] {"У меня ", "Последнее время у меня ", "Беспокоит: "});
    b.put(Slot.ALSO_DOCTOR, new String[] {"Также беспокоят: ", "Кроме того, отмечает ~", "Также отмечает ~",
        "Дополнительно: ", "Периодически "});
    b.put(Slot.ALSO_LIST, new String[] {"Также ", "Периодически ", "Иногда ", "Кроме того "});
    b.put(Slot.ALSO_FIRST, new String[] {"А ещё ", "Также ", "Иногда бывает ", "И ещё "});
    b.put(Slot.DURATION_DOCTOR, new String[] {"Считает себя {больной|больным} {dur}", "Болеет {dur}",
        "Жалобы беспокоят {dur}", "Симптомы отмечает {dur}", "{Заболела|Заболел} {ago}",
        "Ухудшение состояния {ago}", "Первые симптомы появились {ago}", "Со слов, беспокоит {dur}"});
    b.put(Slot.DURATION_FIRST, new String[] {"Всё это продолжается {dur}", "Беспокоит меня {dur}",
        "Так уже {dur}", "{Заболела|Заболел} {ago}", "Началось {ago}", "Всё началось {ago}"});
    b.put(Slot.DURATION_DASH, new String[] {"беспокоит {dur}", "{больна|болен} {dur}", "начало {ago}"});
    b.put(Slot.COURSE, new String[] {"Началось остро", "Начало постепенное", "Состояние постепенно ухудшается",
        "Симптомы нарастают", "Течение волнообразное", "Динамика без улучшения"});
    b.put(Slot.COURSE_FIRST, new String[] {"Становится хуже", "Сначала было терпимо, потом усилилось",
        "То лучше, то хуже", "Само не проходит"});
    b.put(Slot.ANAMNESIS, new String[] {"Из анамнеза: ", "Анамнез: ", "В анамнезе: ", "Со слов {пациентки|пациента}"
        + ": ", "Анамнестически: "});
    b.put(Slot.ANAMNESIS_FIRST, new String[] {"Из важного: ", "Что ещё: ", "Дополнительно: "});
    b.put(Slot.FINDINGS, new String[] {"Объективно: ", "При осмотре: ", "По данным обследования: ",
        "Обследование: ", "При обследовании: "});
    b.put(Slot.FINDINGS_FIRST, new String[] {"По обследованию: ", "В анализах и на осмотре: ",
        "Врач на осмотре отметил: "});
    b.put(Slot.DEMOGRAPHICS, new String[] {"{Пациентка|Пациент}, {age}", "{Женщина|Мужчина}, {age}",
        "{Пациентка|Пациент} {age}"});
    b.put(Slot.DEMOGRAPHICS_FIRST, new String[] {"Мне {age}"});
    b.put(Slot.EXTRAS, new String[] {"Самостоятельно не {лечилась|лечился}", "Ранее с этим к врачу не"
        + " {обращалась|обращался}", "Аллергологический анамнез не отягощён", "{Обратилась|Обратился} впервые"});
    b.put(Slot.EXTRAS_FIRST, new String[] {"К врачу раньше не {ходила|ходил}", "{Сама|Сам} ничего не"
        + " {принимала|принимал}", "Раньше такого не было"});
    return b;
  }

  @Override
  String and() {
    return " и ";
  }

  @Override
  String text(Fact fact) {
    return fact.ru();
  }

  @Override
  String accusative(String symptom) {
    return Russian.accusative(symptom);
  }

  @Override
  String duration(SplittableRandom rng) {
    return switch (rng.nextInt(10)) {
      case 0 -> {
        int n = 2 + rng.nextInt(13);
        yield "в течение " + n + " " + Russian.plural(n, "дня", "дней", "дней");
      }
      case 1 -> new String[] {"около недели", "около двух недель", "около месяца", "около полугода"}[rng.nextInt(4)];
      case 2 -> {
        int n = 2 + rng.nextInt(9);
        yield "последние " + n + " " + Russian.plural(n, "день", "дня", "дней");
      }
      case 3 -> {
        String day = SINCE_DAY[rng.nextInt(SINCE_DAY.length)];
        yield (day.startsWith("вт") ? "со " : "с ") + day;
      }
      case 4 -> new String[] {"несколько дней", "несколько недель", "2-3 недели", "2-3 дня"}[rng.nextInt(4)];
      case 5 -> "со вчерашнего дня";
      case 6 -> {
        int n = 2 + rng.nextInt(4);
        yield "в течение " + n + " недель";
      }
      case 7 -> new String[] {"более месяца", "более года", "в течение нескольких лет", "в течение года"}
          [rng.nextInt(4)];
      case 8 -> "в течение " + new String[] {"недели", "месяца", "последней недели"}[rng.nextInt(3)];
      default -> {
        int n = 3 + rng.nextInt(8);
        yield n + " " + Russian.plural(n, "день", "дня", "дней");
      }
    };
  }

  @Override
  String ago(SplittableRandom rng) {
    return switch (rng.nextInt(6)) {
      case 0 -> {
        int n = 2 + rng.nextInt(9);
        yield n + " " + Russian.plural(n, "день", "дня", "дней") + " назад";
      }
      case 1 -> "неделю назад";
      case 2 -> "вчера";
      case 3 -> "около месяца назад";
      case 4 -> {
        int n = 2 + rng.nextInt(3);
        yield n + " недели назад";
      }
      default -> new String[] {"позавчера", "на прошлой неделе", "после выходных"}[rng.nextInt(3)];
    };
  }

  @Override
  String age(int years) {
    return years + " " + Russian.years(years);
  }
}
