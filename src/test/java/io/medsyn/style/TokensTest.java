package io.medsyn.style;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {
  @Test
  void clausesCutFromALongerPassageOrWithoutAWordAreLeftOut() {
    String note = "Жалобы на боль в животе, 5 мм, м эхо 4, тошноту и. ОАК от.\nи палочка, слабость по утрам";
    // "тошноту и" and "ОАК от" end on a conjunction or preposition, "и палочка" starts on one, and "5 мм" and
    // "м эхо 4" have no word of four letters.
    assertThat(Tokens.clauses(note)).containsExactly("жалобы на боль в животе", "слабость по утрам");
  }

  @Test
  void anAbbreviationsPointEndsNoSentence() {
    assertThat(Tokens.sentences("Боль в пояснице, иррад. в правую ногу. Шейн. отд. позвон. без особенностей. При"
        + " ходьбе. слева тоже")).containsExactly("Боль в пояснице, иррад в правую ногу",
        "Шейн отд позвон без особенностей", "При ходьбе", "слева тоже");
    assertThat(Tokens.clauses("Боль в пояснице, иррад. в правую ногу")).containsExactly("боль в пояснице",
        "иррад в правую ногу");
  }

  @Test
  void aClauseThatHangsOffTheOneBeforeIsLeftOut() {
    assertThat(Tokens.clauses("Боли в пояснице при наклонах, поворотах головы, сковывающего характера, отдающая в"
        + " ногу, сопровождающиеся тошнотой, болью в груди, ноющая боль в спине, страх смерти, симптом Ласега"))
        .containsExactly("боли в пояснице при наклонах", "ноющая боль в спине", "страх смерти", "симптом ласега");
  }

  @Test
  void phrasesAndClausesStopAtACommaButNotAtADecimalOne() {
    String note = "Частое мочеиспускание, боли внизу живота. Т 38,5 по вечерам";
    assertThat(Tokens.phrases(note)).containsExactly("частое мочеиспускание", "боли внизу", "внизу живота",
        "боли внизу живота", "т 38,5", "38,5 по", "по вечерам", "т 38,5 по", "38,5 по вечерам", "т 38,5 по вечерам");
    assertThat(Tokens.clauses(note)).containsExactly("частое мочеиспускание", "боли внизу живота",
        "т 38,5 по вечерам");
  }

  @Test
  void aClauseOrASentenceStartsOnItsFirstTwoTokensAndAClauseEndsOnItsLastTwo() {
    String note = "Насморк с обильным отделяемым, кашель. Т 38,5 по вечерам; боли в покое";
    assertThat(Tokens.clauseStarts(note)).containsExactly("насморк с", "т 38,5", "боли в");
    // A semicolon ends a sentence; a comma does not.
    assertThat(Tokens.sentenceStarts(note)).containsExactly("насморк с", "т 38,5", "боли в");
    assertThat(Tokens.clauseStarts("Боль в пояснице, с иррадиацией в ногу. Кашель")).containsExactly("боль в",
        "с иррадиацией");
    assertThat(Tokens.sentenceStarts("Боль в пояснице, с иррадиацией в ногу. Кашель. ,. Сухой кашель"))
        .containsExactly("боль в", "сухой кашель");
    assertThat(Tokens.clauseEnds(note)).containsExactly("обильным отделяемым", "по вечерам", "в покое");
  }

  @Test
  void aCompoundOrANumberRangeKeepsItsHyphenAndNoPhraseHoldsItsFirstPartAlone() {
    assertThat(Tokens.phrases("Боли в пояснично-крестцовом отделе")).containsExactly("боли в",
        "в пояснично-крестцовом", "пояснично-крестцовом отделе", "боли в пояснично-крестцовом",
        "в пояснично-крестцовом отделе", "боли в пояснично-крестцовом отделе");
    assertThat(Tokens.of("н/в - кашель")).containsExactly("н/в", "кашель");
    assertThat(Tokens.phrases("По ВАШ 4-5 баллов")).contains("ВАШ 4-5 баллов").doesNotContain("ВАШ 4 5");
  }

  @Test
  void aClauseOnAnObliqueAdjectiveHangsOffTheOneBeforeIt() {
    assertThat(Tokens.clauses("Боли в плечевых, коленных суставах, затылочной области. Одышка при физической"
        + " нагрузке, физической нагрузке. Утренней скованности нет, поясничном отделе позвоночника, сухой кашель"))
        .containsExactly("боли в плечевых", "одышка при физической нагрузке", "утренней скованности нет",
            "сухой кашель");
  }

  @Test
  void aLabGradeAndOneWordOfAListWithOneResultAreNoClauses() {
    assertThat(Tokens.clauses("Мазок на флору: палочка+++, кокки единично. Стул, диурез в норме. Кашель, насморк"))
        .containsExactly("кокки единично", "диурез в норме", "кашель", "насморк");
    assertThat(Tokens.clauses("Мазок, цитология - без патологии")).containsExactly("цитология без патологии");
  }

  @Test
  void aDashBeforeATestsResultEndsNoSentence() {
    assertThat(Tokens.sentences("Тест на ХГЧ - отрицательный. ОАК - норма - кашель - насморк - нет аппетита"
        + " – нет")).containsExactly("Тест на ХГЧ - отрицательный", "ОАК - норма", "кашель", "насморк",
        "нет аппетита – нет");
    assertThat(Tokens.shortSentences("Мазок - без патологии. Тест - Отрицательный")).containsExactly(
        "мазок без патологии", "тест отрицательный");
  }

  @Test
  void shortSentencesMustStandAlone() {
    assertThat(Tokens.shortSentences("Тошнота. ОАК от. АД 120/80. и палочка. Без *ДАТА*"))
        .containsExactly("тошнота", "АД 120/80");
  }

  @Test
  void aPlaceholderWithOnlyPrepositionsIsNoSentence() {
    assertThat(Tokens.shortSentences("В *ДАТА*. головокружение. Брак второй - с *ДАТА*. *ДАТА*. УЗИ от *ДАТА*"))
        .containsExactly("головокружение", "брак второй", "УЗИ от *ДАТА*");
  }

  @Test
  void wholeLooksAtBothEnds() {
    assertThat(Tokens.whole(List.of("боли", "в", "горле"))).isTrue();
    assertThat(Tokens.whole(List.of("на", "фоне", "ОРВИ"))).isTrue();
    assertThat(Tokens.whole(List.of("боли", "в"))).isFalse();
    assertThat(Tokens.whole(List.of("а", "также", "кашель"))).isFalse();
    assertThat(Tokens.whole(List.of())).isFalse();
    assertThat(Tokens.whole(List.of("в", "*ДАТА*"))).isFalse();
    assertThat(Tokens.whole(List.of("*ДАТА*"))).isFalse();
  }
}
