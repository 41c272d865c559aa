package io.medsyn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The DataFrame comparison spark-testing-base would give (it has no Spark 4 build): equal schemas, then equal rows
 * in any order, doubles equal within a tolerance.
 */
public final class DataFrameAssert {
  private DataFrameAssert() {}

  public static void assertSameData(Dataset<Row> actual, Dataset<Row> expected, double tolerance) {
    assertThat(actual.schema().treeString()).as("schema").isEqualTo(expected.schema().treeString());
    List<Row> a = sorted(actual.collectAsList());
    List<Row> e = sorted(expected.collectAsList());
    assertThat(a).as("row count").hasSize(e.size());
    for (int i = 0; i < a.size(); i++) {
      if (!same(a.get(i), e.get(i), tolerance)) {
        fail("row %d differs:%n  actual   %s%n  expected %s", i, a.get(i), e.get(i));
      }
    }
  }

  private static List<Row> sorted(List<Row> rows) {
    List<Row> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Row::toString));
    return copy;
  }

  private static boolean same(Object a, Object e, double tolerance) {
    if (a instanceof Double da && e instanceof Double de) {
      return Math.abs(da - de) <= tolerance || da.equals(de);
    }
    if (a instanceof Row ra && e instanceof Row re) {
      if (ra.size() != re.size()) {
        return false;
      }
      for (int i = 0; i < ra.size(); i++) {
        if (!same(ra.get(i), re.get(i), tolerance)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof scala.collection.Seq<?> sa && e instanceof scala.collection.Seq<?> se) {
      if (sa.size() != se.size()) {
        return false;
      }
      for (int i = 0; i < sa.size(); i++) {
        if (!same(sa.apply(i), se.apply(i), tolerance)) {
          return false;
        }
      }
      return true;
    }
    return java.util.Objects.equals(a, e);
  }
}
