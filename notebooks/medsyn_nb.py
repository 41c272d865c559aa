"""A run's tables for a notebook: DuckDB SQL over the Parquet files, answers as pandas DataFrames.

    import medsyn_nb
    db = medsyn_nb.connect()            # MEDSYN_OUTPUT, or ../out (what `make run` writes)
    db.query("SELECT code, count(*) AS tasks FROM tasks GROUP BY code")

Every table of the run is a view named as in data-schema/README.md. DuckDB comes from its Python package when
installed (`pip install duckdb pandas matplotlib`); otherwise from its JDBC driver through JPype, which is what
CI has (Debian packages python3-jpype, and the driver from the Maven build).
"""

import glob
import json
import os
from pathlib import Path

import pandas as pd

PROJECT = Path(__file__).resolve().parent.parent

# Every table a run writes, by name, with its path under the run's root (as io.medsyn.pipeline.Layout has them;
# the evaluate stage's are io.medsyn.evaluate.EvaluationWriter.TABLES under evaluation/, named evaluation_*).
# A new stage's table is one more line here.
TABLES = {
    "vertices": "mkg/vertices",
    "edges": "mkg/edges",
    "tasks": "tasks",
    "notes": "notes",
    "quality_notes": "quality/notes",
    "quality_summary": "quality/summary",
    "evaluation_cells": "evaluation/cells",
    "evaluation_groups": "evaluation/groups",
    "evaluation_changes": "evaluation/changes",
    "evaluation_per_code": "evaluation/per_code",
    "evaluation_unseen": "evaluation/unseen",
    "evaluation_runs": "evaluation/runs",
    "evaluation_selection": "evaluation/selection",
    "evaluation_predictions": "evaluation/predictions",
}
EVALUATION_JSON = "evaluation/metrics.json"
DEBIAN_JPYPE_JAR = "/usr/share/java/org.jpype.jar"


def connect(root=None):
    """Opens the run under `root` (default: $MEDSYN_OUTPUT, else out/); a relative path is the project's."""
    root = PROJECT / (root or os.environ.get("MEDSYN_OUTPUT") or "out")
    if not root.is_dir():
        raise FileNotFoundError(f"no run at {root}: run `make run`, or set MEDSYN_OUTPUT to a run's output root")
    return Run(root, _duckdb())


class Run:
    """One run's tables as DuckDB views."""

    def __init__(self, root, engine):
        self.root = root
        self.engine = engine
        self.tables = {}
        for name, path in TABLES.items():
            files = root / path
            if any(files.rglob("*.parquet")):
                self.engine.execute(
                    f"CREATE OR REPLACE VIEW {name} AS "
                    f"SELECT * FROM read_parquet('{files}/**/*.parquet', hive_partitioning = true)")
                self.tables[name] = files

    def has(self, table):
        """Whether the run wrote `table` (a stage that has not run leaves its tables out)."""
        return table in self.tables

    def experiment(self):
        """The evaluate stage's header (corpus sizes and sources, baseline cell) from metrics.json, or None."""
        path = self.root / EVALUATION_JSON
        if not path.is_file():
            return None
        return {key: value for key, value in json.loads(path.read_text()).items() if not isinstance(value, list)}

    def how_to_evaluate(self):
        """What to run for this run's evaluation, for a notebook to print when it has none."""
        return f"""\
This run has no evaluation: {self.root / EVALUATION_JSON} is missing.
The evaluate stage trains and scores the ICD-10 classifier against a real corpus, which the defaults do not
name, so without one it does nothing. To evaluate this run's notes (the job jar comes from `make build`):

    jobs/evaluate.sh -- --output {self.root} \\
        --set evaluate.train.path=PATH/train.jsonl --set evaluate.eval.path=PATH/dev.jsonl

or a new run with its evaluation: make run ARGS="--set evaluate.train.path=... --set evaluate.eval.path=...".
The corpus is JSON Lines {{"idx", "symptoms", "code"}}, as RuMedTop3's (csv or parquet: evaluate.train.format and
the *_column keys in conf/medsyn.yaml); without evaluate.eval.path, evaluate.eval_fraction of train is held out.
Then run this notebook again."""

    def query(self, sql):
        """The answer to one SQL statement, as a DataFrame."""
        return self.engine.query(sql)

    def summary(self):
        """Each table of the run with its row count and location; tables a run has not written are left out."""
        rows = [(name, int(self.query(f"SELECT count(*) AS n FROM {name}")["n"][0]), str(path))
                for name, path in self.tables.items()]
        return pd.DataFrame(rows, columns=["table", "rows", "path"]).set_index("table")


def mean_sd(mean, sd):
    """A metric's mean ± sd over the seeds of a cell (fractions), in percent: '70.0 ± 4.1'."""
    return f"{100 * mean:.1f} ± {100 * sd:.1f}"


def change_ci(change, low, high):
    """A change against the baseline with its 95 % interval (fractions), in percentage points: '+5.0 [-1.2, +9.8]'."""
    return f"{100 * change:+.1f} [{100 * low:+.1f}, {100 * high:+.1f}]"


def nothing_to_draw(ax, message):
    """Says `message` where a chart would go: a section without rows (no failures, say) still shows its place."""
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)


def _duckdb():
    try:
        import duckdb
    except ImportError:
        return _JdbcDuckDb(_duckdb_jar())
    return _PythonDuckDb(duckdb.connect())


class _PythonDuckDb:
    def __init__(self, connection):
        self.connection = connection

    def execute(self, sql):
        self.connection.execute(sql)

    def query(self, sql):
        return self.connection.sql(sql).df()


class _JdbcDuckDb:
    """DuckDB's JDBC driver in a JVM that JPype starts inside this Python process."""

    # JDBC type names (DuckDB's) read as numbers; anything else is read as text.
    INTEGERS = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
                "UBIGINT"}
    FLOATS = {"FLOAT", "DOUBLE", "REAL"}

    def __init__(self, jar):
        import jpype

        if not jpype.isJVMStarted():
            classpath = [jar]
            # Debian's python3-jpype keeps its support jar in /usr/share/java, where JPype itself does not look.
            if Path(DEBIAN_JPYPE_JAR).exists():
                classpath.append(DEBIAN_JPYPE_JAR)
            jpype.startJVM(classpath=classpath, convertStrings=True)
        self.connection = jpype.JClass("java.sql.DriverManager").getConnection("jdbc:duckdb:")

    def execute(self, sql):
        statement = self.connection.createStatement()
        try:
            statement.execute(sql)
        finally:
            statement.close()

    def query(self, sql):
        statement = self.connection.createStatement()
        try:
            result = statement.executeQuery(sql)
            meta = result.getMetaData()
            names = [meta.getColumnLabel(i) for i in range(1, meta.getColumnCount() + 1)]
            kinds = [self._kind(meta.getColumnTypeName(i)) for i in range(1, len(names) + 1)]
            rows = []
            while result.next():
                rows.append([self._value(result, i + 1, kind) for i, kind in enumerate(kinds)])
            return pd.DataFrame(rows, columns=names).infer_objects()
        finally:
            statement.close()

    def _kind(self, type_name):
        base = type_name.split("(")[0].upper()
        if base in self.INTEGERS:
            return "int"
        if base in self.FLOATS or base == "DECIMAL":
            return "float"
        if base == "BOOLEAN":
            return "bool"
        return "text"

    @staticmethod
    def _value(result, index, kind):
        value = result.getObject(index)
        if value is None:
            return None
        if kind == "int":
            return int(str(value))
        if kind == "float":
            return float(str(value))
        if kind == "bool":
            return bool(value)
        return str(value)


def _duckdb_jar():
    """DuckDB's JDBC driver: $MEDSYN_DUCKDB_JAR, else the one the Maven build resolved."""
    if os.environ.get("MEDSYN_DUCKDB_JAR"):
        return os.environ["MEDSYN_DUCKDB_JAR"]
    classpath = PROJECT / "target" / "classpath.txt"
    if classpath.exists():
        for entry in classpath.read_text().strip().split(os.pathsep):
            if "duckdb_jdbc" in entry:
                return entry
    found = sorted(glob.glob(os.path.expanduser("~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar")))
    if found:
        return found[-1]
    raise ImportError("DuckDB is missing: `pip install duckdb`, or build the project (mvn package writes "
                      "target/classpath.txt, which names DuckDB's JDBC driver), or set MEDSYN_DUCKDB_JAR")
