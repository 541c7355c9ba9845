"""Store, XLIFF exchange and queue work without the web framework (for the CLI and workers)."""

from __future__ import annotations

import subprocess
import sys


def test_store_xliff_and_queue_do_not_import_litestar() -> None:
    code = (
        "import sys\n"
        "import a11y_service.review.store, a11y_service.review.xliff_exchange\n"
        "import a11y_service.task_queue\n"
        "import translators.xliff, translators.review\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('litestar', 'click')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
