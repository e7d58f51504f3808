"""No POSIX-only call on a path Windows takes (issue 13 §4).

Ruff has no rule for these (its ``S108`` covers only hard-coded temporary paths), so the code
that ships (``pos_app``, the bundle's entry point and hooks, the build files a Windows build
machine runs) is scanned as an AST for: POSIX-only modules (``fcntl``, ``pwd``, ``grp``,
``termios``, ``resource``), POSIX-only ``os`` functions (``getuid``, ``fork``, ``killpg``, …),
signals Windows lacks (``SIGKILL``, ``SIGHUP``, …), ``chmod`` (which does not protect a file
on Windows), absolute POSIX paths (``/tmp``, ``/var``, …) and paths joined with ``"/"``.

A use is allowed when it is guarded for the platform: inside an ``if``/``elif``/conditional
whose test names ``sys.platform``, ``os.name``, ``platform.system()`` or ``hasattr(...)``
(either branch: an ``else`` of a Windows check is the POSIX side), after an early
``if <platform test>: return``, or inside ``try`` that catches ``ImportError``/
``AttributeError``. A line may also say why it is fine with a ``# portable: <reason>`` comment.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = [*sorted((ROOT / "pos_app").rglob("*.py")),
           *(ROOT / "packaging" / name for name in
             ("entry.py", "rthook_keyring.py", "version_info.py", "build_resources.py",
              "check_wheels.py")),
           ROOT / "build.spec", ROOT / "setup.py", ROOT / "scripts" / "render_icons.py"]

POSIX_MODULES = {"fcntl", "pwd", "grp", "termios", "tty", "pty", "resource", "posix", "crypt",
                 "syslog", "readline"}
POSIX_OS = {"getuid", "geteuid", "getgid", "getegid", "getgroups", "setuid", "setgid", "fork",
            "forkpty", "setsid", "getsid", "killpg", "getpgid", "setpgid", "getpgrp", "chown",
            "lchown", "fchown", "mkfifo", "mknod", "uname", "sync", "nice", "getloadavg",
            "sched_setaffinity", "sched_getaffinity", "wait3", "wait4", "WNOHANG", "pipe2",
            "O_NOFOLLOW", "O_CLOEXEC", "statvfs", "fchmod", "lchmod", "getpwuid"}
POSIX_SIGNALS = {"SIGKILL", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD",
                 "SIGPIPE", "SIGSTOP", "SIGCONT", "SIGTSTP", "SIGWINCH", "alarm", "pause",
                 "setitimer", "getitimer", "siginterrupt", "pthread_kill", "pthread_sigmask"}
POSIX_PATH = re.compile(r"^/(?:tmp|var|etc|dev|proc|run|usr|home|root|opt)(?:/|$)")
PLATFORM_TEST = re.compile(r"sys\.platform|os\.name|platform\.system|hasattr\(")
PORTABLE = "# portable:"
# A "/" join is a path join when what it joins is named like a file-system location (URLs,
# dates and labels are joined with "/" too, and are fine).
PATHISH = re.compile(r"dir|folder|path|home|root|file|exe|_MEIPASS|cwd", re.IGNORECASE)
NOT_PATH = re.compile(r"url|uri|host|origin|link|route|endpoint", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.what}"


def _is_platform_test(node: ast.AST) -> bool:
    return PLATFORM_TEST.search(ast.unparse(node)) is not None


def _pathish(*nodes: ast.AST) -> bool:
    text = " ".join(ast.unparse(n) for n in nodes)
    return PATHISH.search(text) is not None and NOT_PATH.search(text) is None


def _leaves(body: list[ast.stmt]) -> bool:
    return bool(body) and isinstance(body[-1], ast.Return | ast.Raise | ast.Continue)


class Scanner(ast.NodeVisitor):
    def __init__(self, file: str, lines: list[str]) -> None:
        self.file, self.lines = file, lines
        self.guarded = 0
        self.findings: list[Finding] = []

    # -- guards ------------------------------------------------------------------------------
    def _visit_guarded(self, nodes: list[ast.stmt] | list[ast.AST]) -> None:
        self.guarded += 1
        for node in nodes:
            self.visit(node)
        self.guarded -= 1

    def _body(self, body: list[ast.stmt]) -> None:
        """A block; after ``if <platform test>: return`` the rest of it is guarded."""
        for index, stmt in enumerate(body):
            self.visit(stmt)
            if isinstance(stmt, ast.If) and _is_platform_test(stmt.test) and _leaves(stmt.body):
                self._visit_guarded(body[index + 1:])
                return

    def visit_Module(self, node: ast.Module) -> None:
        self._body(node.body)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        for decorator in node.decorator_list:
            self.visit(decorator)
        self._body(node.body)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_If(self, node: ast.If) -> None:
        self.visit(node.test)
        if _is_platform_test(node.test):
            self._visit_guarded([*node.body, *node.orelse])
        else:
            self._body(node.body)
            self._body(node.orelse)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        """``hasattr(os, "geteuid") and os.geteuid() == 0``: guarded after the test."""
        for index, value in enumerate(node.values):
            if isinstance(node.op, ast.And) and _is_platform_test(value):
                self.visit(value)
                self._visit_guarded(node.values[index + 1:])
                return
            self.visit(value)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        if _is_platform_test(node.test):
            self._visit_guarded([node.body, node.orelse])
        else:
            self.generic_visit(node)

    def visit_Try(self, node: ast.Try) -> None:
        caught = " ".join(ast.unparse(h.type) for h in node.handlers if h.type is not None)
        if re.search(r"ImportError|ModuleNotFoundError|AttributeError", caught):
            self._visit_guarded(list(node.body))
            for part in (*node.handlers, *node.orelse, *node.finalbody):
                self.visit(part)
        else:
            self.generic_visit(node)

    # -- findings ----------------------------------------------------------------------------
    def _report(self, node: ast.AST, what: str) -> None:
        line = getattr(node, "lineno", 0)
        if self.guarded or PORTABLE in self.lines[line - 1]:
            return
        self.findings.append(Finding(self.file, line, what))

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] in POSIX_MODULES:
                self._report(node, f"import {alias.name} (POSIX only)")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.module and node.module.split(".")[0] in POSIX_MODULES:
            self._report(node, f"from {node.module} import (POSIX only)")
        if node.module in ("os", "signal"):
            for alias in node.names:
                if alias.name in POSIX_OS | POSIX_SIGNALS:
                    self._report(node, f"from {node.module} import {alias.name} (POSIX only)")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        base = ast.unparse(node.value)
        if base == "os" and node.attr in POSIX_OS:
            self._report(node, f"os.{node.attr} (POSIX only)")
        elif base == "signal" and node.attr in POSIX_SIGNALS:
            self._report(node, f"signal.{node.attr} (not on Windows)")
        elif node.attr == "chmod":
            self._report(node, f"{base}.chmod: does not protect a file on Windows")
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and POSIX_PATH.match(node.value):
            self._report(node, f"POSIX path {node.value!r}")

    def visit_BinOp(self, node: ast.BinOp) -> None:
        if isinstance(node.op, ast.Add) and _pathish(node) and any(
                isinstance(side, ast.Constant) and isinstance(side.value, str)
                and (side.value.startswith(("/", "\\")) or side.value.endswith(("/", "\\")))
                for side in (node.left, node.right)):
            self._report(node, f"path joined with a separator string: {ast.unparse(node)}")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if (isinstance(func, ast.Attribute) and func.attr == "join"
                and isinstance(func.value, ast.Constant) and func.value.value in ("/", "\\")
                and _pathish(*node.args)):
            self._report(node, f"path joined with a separator string: {ast.unparse(node)}")
        if ast.unparse(func) == "os.path.join":
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and (
                        "/" in arg.value.strip("/") or "\\" in arg.value):
                    self._report(node, f"os.path.join with a separator inside {arg.value!r}")
        self.generic_visit(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        """``f"{folder}/{name}"``: a path built with "/" (URLs, with "://", are not paths)."""
        text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        if "://" not in text and _pathish(node) and re.fullmatch(
                r"\{\}(?:/[\w.\-]*\{\}[\w.\-]*)+/?|\{\}/[\w.\-]+", text):
            self._report(node, f"path joined with '/' in an f-string: {ast.unparse(node)}")
        self.generic_visit(node)


def scan(path: Path) -> list[Finding]:
    source = path.read_text(encoding="utf-8")
    scanner = Scanner(str(path.relative_to(ROOT)), source.splitlines())
    scanner.visit(ast.parse(source, str(path)))
    return scanner.findings


def test_shipped_code_has_no_unguarded_posix_only_call() -> None:
    findings = [f for path in SHIPPED for f in scan(path)]
    assert not findings, "\n".join(map(str, findings))


BAD = '''
import fcntl
import os, signal, sys
os.getuid()
os.kill(pid, signal.SIGKILL)
path.chmod(0o600)
folder = "/tmp/pos-app"
name = folder + "/" + "x.json"
other = f"{folder}/{name}"
'''
GOOD = '''
import os, signal, sys
try:
    import fcntl
except ImportError:
    fcntl = None
if sys.platform != "win32":
    os.kill(pid, signal.SIGKILL)
uid = os.getuid() if hasattr(os, "getuid") else None
def f():
    if os.name == "nt":
        return
    path.chmod(0o600)
url = f"{base}://{host}/{path}"
page = f"{url}?q={x}"
done = "/tmp/x"  # portable: only in a Linux test helper
'''


@pytest.mark.parametrize(("source", "count"), [(BAD, 7), (GOOD, 0)])
def test_the_scanner_finds_what_it_should(tmp_path: Path, source: str, count: int) -> None:
    path = ROOT / "build" / "portability-sample.py"
    path.parent.mkdir(exist_ok=True)
    path.write_text(source, encoding="utf-8")
    try:
        findings = scan(path)
    finally:
        path.unlink()
    assert len(findings) == count, "\n".join(map(str, findings))
