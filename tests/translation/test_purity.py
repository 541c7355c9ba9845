"""``translators`` is a pure library: it must not pull in the web framework or the CLI."""

from __future__ import annotations

import subprocess
import sys

MODULES = ("engine", "models", "markup", "terminology", "qa", "protect", "memory", "document",
           "tags", "testing", "errors", "xliff", "review", "config")


def test_translators_import_no_front_end() -> None:
    code = (
        "import sys\n"
        + "".join(f"import translators.{m}\n" for m in MODULES)
        + "bad = [m for m in sys.modules if m.split('.')[0] in"
        " ('litestar', 'click', 'a11y_service', 'torch', 'stanza', 'argostranslate')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
