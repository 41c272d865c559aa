package io.medsyn.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.testing.TestSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The privacy audit on hand-written real and synthetic complaints, each pair built to show one rule. */
class PassageAuditTest {
  private static final SparkSession SPARK = TestSpark.session();
  /** In all five of r02–r06: common phrasing at k = 5. */
  private static final String COUGH = "сухой кашель по ночам и першение в горле третий день";

  private static final List<String[]> REAL = List.of(
      new String[] {"r01", "Беспокоит ноющая боль в левом подреберье после приёма жирной пищи и алкоголя, горечь"
          + " во рту."},
      new String[] {"r02", "Жалобы: " + COUGH + "."},
      new String[] {"r03", COUGH + ", температура 37,2."},
      new String[] {"r04", "У ребёнка " + COUGH + "."},
      new String[] {"r05", COUGH + " после переохлаждения."},
      new String[] {"r06", "Мама отмечает: " + COUGH + "; аппетит снижен."},
      new String[] {"r07", "Изжога, боль за грудиной после еды в положении лёжа ночью."},
      new String[] {"r08", "Жгучая боль за грудиной после еды в положении лёжа ночью, кислый привкус."},
      new String[] {"r09", "Слабость и головокружение при резком вставании с кровати утром."},
      new String[] {"r11", "Вчера острая боль в правой половине живота отдающая в пах и поясницу."},
      new String[] {"r10", "Внезапно острая боль в правой половине живота отдающая в пах, рвота."});

  private static final List<String[]> SYNTHETIC = List.of(
      // 9 words of r01 and of no other real note.
      new String[] {"s1", "Пациент отмечает ноющая боль в левом подреберье после приема жирной пищи уже неделю."},
      // The 10 words in five real notes, with words around them that no real note has.
      new String[] {"s2", "Второй день " + COUGH + ", насморк."},
      // 9 words shared with r07, and 12 with r08 around them.
      new String[] {"s3", "Жгучая боль за грудиной после еды в положении лежа ночью, кислый привкус во рту."},
      // 7 words of r09: shorter than the 8 of a passage.
      new String[] {"s4", "Жалобы: слабость и головокружение при резком вставании с постели."},
      // 9 words of r10 and of r11: the smaller id is named.
      new String[] {"s5", "Сегодня острая боль в правой половине живота отдающая в пах; температуры нет."},
      new String[] {"s6", null});

  private static Map<String, String> audit(int minRealNotes) {
    Map<String, String> found = new TreeMap<>();
    new PassageAudit(8, minRealNotes).find(notes(SYNTHETIC, "note_id"), notes(REAL, "id")).collectAsList()
        .forEach(r -> found.put(r.getString(0), r.getInt(1) + " words of " + r.getString(2)));
    return found;
  }

  @Test
  void aRarePassageIsReportedWithItsLengthAndTheRealNoteItComesFrom() {
    assertThat(audit(5)).containsExactly(
        Map.entry("s1", "9 words of r01"),
        Map.entry("s3", "12 words of r08"),
        Map.entry("s5", "9 words of r10"));
  }

  @Test
  void aPassageInMinRealNotesRealNotesIsCommonPhrasingButInOneFewerItIsNot() {
    assertThat(audit(5)).doesNotContainKey("s2");
    // COUGH is in 5 real notes: rare once 6 are needed to call it common; of five equal runs, r02 is named.
    assertThat(audit(6)).containsEntry("s2", "10 words of r02");
    // At k = 2 the 9 words r10 and r11 share are common; r07 and r08 share 9 words too, but the 12 words s3 shares
    // with r08 around them are in r08 alone.
    assertThat(audit(2)).containsExactly(Map.entry("s1", "9 words of r01"), Map.entry("s3", "12 words of r08"));
  }

  @Test
  void aMatchIsExtendedBothWaysAndAHashCollisionIsNoMatch() {
    List<String> note = List.of("a", "b", "c", "d", "e", "f");
    List<String> real = List.of("x", "b", "c", "d", "e", "y");
    assertThat(PassageAudit.longestRun(note, real, List.of(RowFactory.create(2, 2)), 2)).isEqualTo(4);
    assertThat(PassageAudit.longestRun(note, real, List.of(RowFactory.create(0, 0)), 2)).isZero();
    assertThat(PassageAudit.longestRun(note, real, List.of(RowFactory.create(0, 0), RowFactory.create(1, 1)), 2))
        .isEqualTo(4);
  }

  private static Dataset<Row> notes(List<String[]> texts, String id) {
    List<Row> rows = new ArrayList<>();
    texts.forEach(t -> rows.add(RowFactory.create(t[0], t[1])));
    return SPARK.createDataFrame(rows, new StructType().add(id, DataTypes.StringType)
        .add("text", DataTypes.StringType));
  }
}
