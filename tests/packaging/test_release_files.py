"""The release workflow and the Windows installer script (issue 13 §4), checked on Linux.

Neither has run on Windows or macOS here (there is none). What can be checked here is: the
workflow is valid for GitHub Actions (its published schema, vendored in check-jsonschema: no
network), it builds with plain ``pyinstaller build.spec`` and runs the frozen doctor on each
runner, and the installer script installs per machine, makes Start-menu and autostart
shortcuts, and deletes no user data on uninstall.
"""

from __future__ import annotations

import configparser
import re
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
ISS = ROOT / "packaging" / "windows" / "pos-app.iss"


def test_the_release_workflow_is_valid_for_github_actions() -> None:
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                           "vendor.github-workflows", str(WORKFLOW)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_each_runner_builds_with_the_spec_and_runs_the_frozen_doctor() -> None:
    workflow = YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))
    job = workflow["jobs"]["bundle"]
    runners = [entry["os"] for entry in job["strategy"]["matrix"]["include"]]
    assert any(r.startswith("windows") for r in runners)
    assert sum(r.startswith("macos") for r in runners) == 2  # Apple silicon and Intel
    steps = job["steps"]
    runs = [step.get("run", "") for step in steps]
    assert any(s.get("uses", "").startswith("actions/setup-python") for s in steps)
    assert any(re.search(r"^pyinstaller .*build\.spec$", r, re.M) for r in runs)
    doctors = [s for s in steps if "doctor --training" in s.get("run", "")]
    assert {s["if"] for s in doctors} == {"runner.os == 'Windows'", "runner.os == 'macOS'"}
    assert any("pos-app-cli.exe doctor --training" in s["run"] for s in doctors)
    iscc = next(r for r in runs if "ISCC" in r)
    assert "packaging\\windows\\pos-app.iss" in iscc


def _iss() -> tuple[configparser.ConfigParser, dict[str, list[str]]]:
    text = ISS.read_text(encoding="utf-8")
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith((";", "#")):
            continue
        if match := re.fullmatch(r"\[(\w+)\]", line):
            current = match.group(1)
            sections.setdefault(current, [])
        elif current:
            sections[current].append(line)
    setup = configparser.ConfigParser(interpolation=None)
    setup.optionxform = str  # type: ignore[assignment,method-assign]
    setup.read_string("[Setup]\n" + "\n".join(sections["Setup"]))
    return setup, sections


def test_the_installer_installs_per_machine_with_start_menu_and_autostart_shortcuts() -> None:
    setup, sections = _iss()
    options = setup["Setup"]
    assert options["PrivilegesRequired"] == "admin"
    assert options["DefaultDirName"].startswith("{autopf}\\")
    assert options["ArchitecturesInstallIn64BitMode"] == "x64compatible"
    icon = (ISS.parent / options["SetupIconFile"].replace("\\", "/")).resolve()
    assert icon == ROOT / "resources" / "icons" / "pos-app.ico" and icon.is_file()
    files = " ".join(sections["Files"])
    assert 'Source: "{#Bundle}\\*"' in files and "recursesubdirs" in files
    assert '#define Bundle "..\\..\\dist\\pos-app"' in ISS.read_text(encoding="utf-8")
    icons = sections["Icons"]
    start_menu = [i for i in icons if i.startswith('Name: "{autoprograms}\\')]
    autostart = [i for i in icons if i.startswith('Name: "{commonstartup}\\')]
    assert start_menu and all("{app}\\" in i for i in start_menu)
    assert len(autostart) == 1 and 'Filename: "{app}\\{#AppExe}"' in autostart[0]
    assert '#define AppExe "pos-app.exe"' in ISS.read_text(encoding="utf-8")


def test_uninstalling_keeps_the_users_data() -> None:
    _setup, sections = _iss()
    assert not {"UninstallDelete", "UninstallRun", "Code"} & set(sections)
    body = "\n".join(line for lines in sections.values() for line in lines)
    for folder in ("{localappdata}", "{userappdata}", "{commonappdata}", "{userdocs}"):
        assert folder not in body, folder
