"""analysis.pipeline.notebooks.skip_optional_slow_imports: papermill works without the URI grammar.

Run in a fresh interpreter, since the check is about what a process imports first.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from analysis.pipeline.notebooks import default_notebooks_dir, list_notebooks


def test_papermill_reads_parameters_and_nbformat_validates_without_rfc3987_syntax() -> None:
    notebook = list_notebooks(default_notebooks_dir())[0]
    code = textwrap.dedent(
        f"""
        import sys
        from analysis.pipeline.notebooks import skip_optional_slow_imports
        skip_optional_slow_imports()
        import nbformat, papermill
        params = papermill.inspect_notebook({str(notebook)!r})
        nbformat.validate(nbformat.read({str(notebook)!r}, as_version=4))
        assert params, "no parameters read"
        assert sys.modules.get("rfc3987_syntax") is None
        print("ok", len(params))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=Path.cwd(), check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok ")


def test_an_already_imported_module_is_left_alone() -> None:
    code = textwrap.dedent(
        """
        import sys
        import jsonschema
        from analysis.pipeline.notebooks import skip_optional_slow_imports
        before = sys.modules.get("rfc3987_syntax")
        skip_optional_slow_imports()
        assert sys.modules.get("rfc3987_syntax") is before
        print("ok")
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
