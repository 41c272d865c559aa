"""A run's tables for a notebook: DuckDB SQL over the Parquet files, answers as pandas DataFrames.

    import medsyn_nb
    db = medsyn_nb.connect()            # MEDSYN_OUTPUT, or ../out (what `make run` writes)
    db.query("SELECT code, count(*) AS tasks FROM tasks GROUP BY code")

Every table of the run is a view named as in data-schema/README.md. DuckDB comes from its Python package when
installed (`pip install duckdb pandas matplotlib`); otherwise from its JDBC driver through JPype, which is what
CI has (Debian packages python3-jpype, and the driver from the Maven build).
"""

import glob
import os
from pathlib import Path

import pandas as pd

PROJECT = Path(__file__).resolve().parent.parent

# Every table a run writes, by name, with its path under the run's root (as io.medsyn.pipeline.Layout has them).
# A new stage's table is one more line here.
TABLES = {
    "vertices": "mkg/vertices",
    "edges": "mkg/edges",
    "tasks": "tasks",
    "notes": "notes",
    "quality_notes": "quality/notes",
    "quality_summary": "quality/summary",
}
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

    def query(self, sql):
        """The answer to one SQL statement, as a DataFrame."""
        return self.engine.query(sql)

    def summary(self):
        """Each table of the run with its row count and location; tables a run has not written are left out."""
        rows = [(name, int(self.query(f"SELECT count(*) AS n FROM {name}")["n"][0]), str(path))
                for name, path in self.tables.items()]
        return pd.DataFrame(rows, columns=["table", "rows", "path"]).set_index("table")


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
