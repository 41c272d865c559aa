"""Prints, as JSON, what an Airflow DAG file asks of the jobs/ wrappers: its stages, tasks, options and edges.

Airflow need not be installed: the file is parsed with `ast`, then executed against a minimal stand-in for the
few Airflow names it imports (DAG, BashOperator), which records each task. The Java test AirflowDagTest compares
the result with the `medsyn` command's own model, so the DAG and the CLI cannot drift apart.

Usage: python3 dag_contract.py jobs/airflow/medsyn_dag.py
"""

import ast
import json
import re
import shlex
import sys
import types

ALLOWED_IMPORTS = {"airflow", "datetime"}
JINJA = re.compile(r"\{\{.*?\}\}")
PLACEHOLDER = re.compile(r"__jinja\d+__")


class Task:
    def __init__(self, task_id, bash_command, **kwargs):
        self.task_id = task_id
        self.bash_command = bash_command
        self.kwargs = kwargs
        self.downstream = []
        Dag.current.tasks.append(self)

    def __rshift__(self, other):
        for target in other if isinstance(other, list) else [other]:
            self.downstream.append(target)
        return other

    def __lshift__(self, other):
        for source in other if isinstance(other, list) else [other]:
            source.downstream.append(self)
        return other


class Dag:
    current = None

    def __init__(self, dag_id=None, **kwargs):
        self.dag_id = dag_id
        self.kwargs = kwargs
        self.tasks = []

    def __enter__(self):
        Dag.current = self
        return self

    def __exit__(self, *exc):
        return False


def stand_in_airflow():
    """Registers the Airflow 2 module names the DAG imports; the Airflow 3 name stays missing, as it would."""
    modules = {name: types.ModuleType(name) for name in ("airflow", "airflow.operators", "airflow.operators.bash")}
    modules["airflow"].DAG = Dag
    modules["airflow.operators.bash"].BashOperator = Task
    sys.modules.update(modules)


def imports(tree):
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module.split(".")[0])
    return sorted(names)


def literal_stages(tree):
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "STAGES" for t in node.targets):
            return ast.literal_eval(node.value)
    raise SystemExit("no literal STAGES = [...] at the top level of the DAG file")


def split_command(command):
    """Wrapper, wrapper options and medsyn options of one bash_command; Jinja expressions stay whole."""
    templates = {}

    def hide(match):
        key = f"__jinja{len(templates)}__"
        templates[key] = match.group(0)
        return key

    words = [PLACEHOLDER.sub(lambda m: templates[m.group(0)], w) for w in shlex.split(JINJA.sub(hide, command))]
    wrapper, rest = words[0], words[1:]
    split = rest.index("--") if "--" in rest else len(rest)
    return wrapper, options(rest[:split]), options(rest[split + 1:])


def options(words):
    """{"--name": value or None} in order; a word after an option is its value unless it is an option itself."""
    found = {}
    i = 0
    while i < len(words):
        name = words[i]
        if not name.startswith("-"):
            raise SystemExit(f"unexpected argument {name!r}: every argument must follow an option")
        value = words[i + 1] if i + 1 < len(words) and not words[i + 1].startswith("-") else None
        found[name] = value
        i += 1 if value is None else 2
    return found


def main(path):
    source = open(path, encoding="utf-8").read()
    tree = ast.parse(source, filename=path)
    stand_in_airflow()
    namespace = {"__name__": "medsyn_dag", "__file__": path}
    exec(compile(tree, path, "exec"), namespace)
    dag = Dag.current
    tasks = []
    for task in dag.tasks:
        wrapper, wrapper_options, medsyn_options = split_command(task.bash_command)
        tasks.append({
            "task_id": task.task_id,
            "wrapper": wrapper,
            "wrapper_options": wrapper_options,
            "medsyn_options": medsyn_options,
            "retries": task.kwargs.get("retries", dag.kwargs.get("default_args", {}).get("retries", 0)),
        })
    print(json.dumps({
        "imports": imports(tree),
        "disallowed_imports": [name for name in imports(tree) if name not in ALLOWED_IMPORTS],
        "stages": literal_stages(tree),
        "dag_id": dag.dag_id,
        "max_active_runs": dag.kwargs.get("max_active_runs"),
        "tasks": tasks,
        "edges": [[t.task_id, d.task_id] for t in dag.tasks for d in t.downstream],
    }, indent=2))


if __name__ == "__main__":
    main(sys.argv[1])
