"""``pip install`` gives a till that starts and speaks Russian and Kazakh (issue 13 §3).

From a clean clone of the committed HEAD (nothing built, no .venv): ``python -m build`` makes
the sdist and the wheel (the build backend compiles the catalogues and renders the icons:
``setup.py``), the wheel is installed into a fresh venv outside the repository, and from there
``pos-app doctor --training`` runs and the main window is rendered in Russian and Kazakh by
``render_installed.py`` with that venv's Python (``-I``: the checkout is not on its path).

Needs PyPI for the build environments and the venv (~600 MB of Qt wheels): 100 s here
(build 33 s, install + doctor + rendering 69 s), up to 170 s on a busy machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.pypi
ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BIN = "Scripts" if sys.platform == "win32" else "bin"
EXPECTED = {  # what the window shows, from resources/translations/pos_app_<lang>.ts
    "ru": ("Касса ePay", "ОБУЧЕНИЕ — без реальных денег", "Оплата картой"),
    "kk": ("ePay кассасы", "ОҚУ — нақты ақшасыз", "Картамен төлеу"),
}


def _run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, capture_output=True, text=True, check=False,  # type: ignore[call-overload]
                          **kwargs)
    assert done.returncode == 0, f"{command}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A clean clone of HEAD and what ``python -m build`` made of it."""
    tmp = tmp_path_factory.mktemp("wheel")
    clone, dist = tmp / "clone", tmp / "dist"
    head = _run(["git", "-C", str(ROOT), "rev-parse", "HEAD"]).stdout.strip()
    _run(["git", "clone", "-q", "--no-checkout", str(ROOT), str(clone)])
    _run(["git", "-C", str(clone), "checkout", "-q", head])
    assert not list((clone / "resources" / "translations").glob("*.qm"))  # nothing prebuilt
    _run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(dist),
          str(clone)], cwd=tmp)
    return {"tmp": tmp, "wheel": next(dist.glob("pos_app-*.whl")),
            "sdist": next(dist.glob("pos_app-*.tar.gz"))}


def test_the_wheel_carries_compiled_catalogues_and_rendered_icons(
        built: dict[str, Path]) -> None:
    names = set(zipfile.ZipFile(built["wheel"]).namelist())
    res = "pos_app/_resources/"
    for name in ("checkout.html", "style.qss", "icons/card.svg", "icons/png/card-48.png",
                 "icons/png/card-96.png", "translations/pos_app_ru.qm",
                 "translations/pos_app_kk.qm", "translations/pos_app_en.qm"):
        assert res + name in names, name
    assert "pos_app/training/static/payment-api.js" in names
    assert not [n for n in names if n.endswith(".ts")], "translation sources in the wheel"
    assert not [n for n in names if n.startswith("resources/")], "a top-level resources package"


def test_the_sdist_carries_sources_and_build_products(built: dict[str, Path]) -> None:
    with tarfile.open(built["sdist"]) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    for name in ("setup.py", "pyproject.toml", "MANIFEST.in", "packaging/build_resources.py",
                 "scripts/render_icons.py", "resources/checkout.html",
                 "resources/translations/pos_app_ru.ts", "resources/translations/pos_app_ru.qm",
                 "resources/translations/pos_app_ru.qm.source",
                 "resources/translations/pos_app_kk.qm", "resources/icons/png/card-48.png",
                 "pos_app/training/static/payment-api.js"):
        assert name in names, name


def test_installed_wheel_passes_the_doctor_and_shows_russian_and_kazakh(
        built: dict[str, Path]) -> None:
    tmp = built["tmp"]
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp)
    python = venv / BIN / "python"
    _run([str(python), "-m", "pip", "install", "-q", str(built["wheel"])], cwd=tmp)

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(POS_APP_HOME=str(tmp / "home"), QT_QPA_PLATFORM="offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = (
            env.get("QTWEBENGINE_CHROMIUM_FLAGS", "") + " --no-sandbox").strip()
    doctor = _run([str(venv / BIN / "pos-app"), "doctor", "--training"], cwd=tmp, env=env,
                  timeout=240)
    print(doctor.stdout)
    assert "All checks passed." in doctor.stdout

    shots = tmp / "shots"
    shots.mkdir()
    done = _run([str(python), "-I", str(HERE / "render_installed.py"), str(shots), "ru", "kk"],
                cwd=tmp, env=env, timeout=120)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    site = venv.resolve()
    assert Path(report["pos_app"]).resolve().is_relative_to(site), report["pos_app"]
    assert Path(report["resources"]).resolve() == Path(report["pos_app"]).parent / "_resources"
    for language, (title, badge, pay) in EXPECTED.items():
        shown = report["languages"][language]
        assert shown["title"] == title
        assert title in shown["texts"] and badge in shown["texts"], shown["texts"]
        assert any(text.startswith(pay) for text in shown["texts"]), shown["texts"]
        assert shown["saved"] and shown["size"] == [1180, 780]
        assert shown["card_png"] and shown["card_icon_sizes"] == [48, 96]
