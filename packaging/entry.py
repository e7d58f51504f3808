"""The frozen ``pos-app`` executable's entry point (PyInstaller ``build.spec``).

A frozen app has no interpreter to run ``python -m MODULE``, but the till starts helpers that
way (``pos-app doctor`` runs ``[sys.executable, "-m", "pos_app.ui.doctor_web", ...]``). In the
bundle ``sys.executable`` is this program, so ``pos-app -m pos_app.<module> ARGS`` runs that
module as ``__main__`` -- only modules of this application, nothing else.
"""

from __future__ import annotations

import runpy
import sys


def main() -> int:
    argv = sys.argv
    if len(argv) >= 3 and argv[1] == "-m":
        module = argv[2]
        if module != "pos_app" and not module.startswith("pos_app."):
            print(f"pos-app: -m runs only this application's modules, not {module!r}",
                  file=sys.stderr)
            return 2
        sys.argv = [argv[0], *argv[3:]]
        try:
            runpy.run_module(module, run_name="__main__", alter_sys=True)
        except SystemExit as exc:
            code = exc.code
            return code if isinstance(code, int) else (0 if code is None else 1)
        return 0
    from pos_app.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
