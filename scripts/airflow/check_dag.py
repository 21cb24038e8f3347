#!/usr/bin/env python3
"""Reads an Airflow DAG file without Airflow (only `ast`) and prints its tasks as JSON.

    python3 check_dag.py pulse_dag.py

Prints {"dag_id", "schedule", "catchup", "default_args": [keys], "tasks": [{"task_id",
"variable", "application_args", "upstream": [task ids, sorted]}]} with tasks in declaration
order. Understands tasks assigned as `name = SparkSubmitOperator(task_id="...",
application_args=[...])` with literal strings, and dependencies written as `a >> b`, `a << b`,
chains, lists on one side (`a >> [b, c]`, `[a, b] >> c`), `a.set_upstream(b)` and
`a.set_downstream(b)`. Anything else that could add tasks or edges (loops, conditions,
comprehensions, functions, chain(), non-literal arguments) is reported as an error: the DAG must
stay declarative so that this check sees all of it. Exits 1 with one line per problem on stderr.
"""

import ast
import json
import sys

OPERATOR = "SparkSubmitOperator"
FORBIDDEN = (
    ast.For, ast.AsyncFor, ast.While, ast.If, ast.IfExp, ast.Try, ast.FunctionDef,
    ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp,
    ast.GeneratorExp,
)


class DagReader:
    def __init__(self):
        self.tasks = {}  # variable name -> task dict
        self.edges = set()  # (upstream variable, downstream variable)
        self.dag = {}
        self.problems = []

    def problem(self, node, text):
        self.problems.append(f"line {getattr(node, 'lineno', '?')}: {text}")

    def read(self, tree):
        for node in ast.walk(tree):
            if isinstance(node, FORBIDDEN):
                self.problem(node, f"{type(node).__name__} is not allowed: keep the DAG declarative")
        self.statements(tree.body)

    def statements(self, body):
        for stmt in body:
            if isinstance(stmt, ast.With):
                for item in stmt.items:
                    if is_call_to(item.context_expr, "DAG"):
                        self.read_dag(item.context_expr)
                self.statements(stmt.body)
            elif isinstance(stmt, ast.Assign):
                self.assignment(stmt)
            elif isinstance(stmt, ast.Expr):
                self.expression(stmt.value)

    def assignment(self, stmt):
        if is_call_to(stmt.value, OPERATOR):
            if len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Name):
                self.problem(stmt, "assign each task to one plain variable")
                return
            self.task(stmt.targets[0].id, stmt.value)
        elif is_call_to(stmt.value, "DAG"):
            self.read_dag(stmt.value)
        elif isinstance(stmt.targets[0], ast.Name) and stmt.targets[0].id == "default_args":
            if isinstance(stmt.value, ast.Dict):
                self.dag["default_args"] = [literal(k) for k in stmt.value.keys]

    def task(self, variable, call):
        args = keywords(call)
        task_id = literal(args.get("task_id"))
        app_args = args.get("application_args")
        if not isinstance(task_id, str):
            self.problem(call, f"{variable}: task_id must be a literal string")
            return
        if not isinstance(app_args, ast.List) or not all(
            isinstance(literal(e), str) for e in app_args.elts
        ):
            self.problem(call, f"{task_id}: application_args must be a list of literal strings")
            return
        if variable in self.tasks:
            self.problem(call, f"variable {variable} holds two tasks")
        self.tasks[variable] = {
            "task_id": task_id,
            "variable": variable,
            "application_args": [literal(e) for e in app_args.elts],
        }

    def read_dag(self, call):
        args = keywords(call)
        for key in ("dag_id", "schedule", "catchup"):
            if key in args:
                self.dag[key] = literal(args[key])

    def expression(self, node):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return  # a docstring
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.RShift, ast.LShift)):
            self.shift(node)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("set_upstream", "set_downstream")
            and len(node.args) == 1
            and not node.keywords
        ):
            this = self.operand(node.func.value)
            other = self.operand(node.args[0])
            if node.func.attr == "set_upstream":
                self.connect(other, this, node)
            else:
                self.connect(this, other, node)
        else:
            self.problem(node, "statement not understood: only >>, <<, set_upstream, set_downstream")

    def shift(self, node):
        """Adds the edges of a >>/<< chain and returns its value: the right-hand tasks."""
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.RShift, ast.LShift)):
            left = self.shift(node.left)
            right = self.operand(node.right)
            if len(left) > 1 and len(right) > 1:
                self.problem(node, "a list cannot be shifted into a list")
            if isinstance(node.op, ast.RShift):
                self.connect(left, right, node)
            else:
                self.connect(right, left, node)
            return right
        return self.operand(node)

    def operand(self, node):
        if isinstance(node, ast.Name):
            if node.id not in self.tasks:
                self.problem(node, f"{node.id} is not a task defined above")
                return []
            return [node.id]
        if isinstance(node, (ast.List, ast.Tuple)):
            return [name for element in node.elts for name in self.operand(element)]
        self.problem(node, "only task variables and lists of them can be connected")
        return []

    def connect(self, upstream, downstream, node):
        for u in upstream:
            for d in downstream:
                if u == d:
                    self.problem(node, f"{u} cannot depend on itself")
                self.edges.add((u, d))

    def result(self):
        ids = [t["task_id"] for t in self.tasks.values()]
        for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
            self.problems.append(f"task_id {duplicate} is used twice")
        tasks = []
        for variable, task in self.tasks.items():
            upstream = sorted(self.tasks[u]["task_id"] for u, d in self.edges if d == variable)
            tasks.append(dict(task, upstream=upstream))
        return dict(self.dag, tasks=tasks)


def is_call_to(node, name):
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id == name) or (
        isinstance(func, ast.Attribute) and func.attr == name
    )


def keywords(call):
    return {k.arg: k.value for k in call.keywords if k.arg is not None}


def literal(node):
    """The value of a literal node (string, number, bool, None), else None."""
    if isinstance(node, ast.Constant):
        return node.value
    return None


def main(argv):
    if len(argv) != 2:
        print("usage: check_dag.py DAG_FILE", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as source:
        tree = ast.parse(source.read(), filename=argv[1])
    reader = DagReader()
    reader.read(tree)
    result = reader.result()
    if reader.problems:
        for line in reader.problems:
            print(f"{argv[1]}: {line}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
