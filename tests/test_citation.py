"""CITATION.cff: present, and citing the version the package declares."""

from __future__ import annotations

import re
import tomllib

from analysis.config import project_root


def test_citation_file_cites_the_packages_name_and_version():
    root = project_root()
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    cff = (root / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(r"^cff-version: 1\.2\.0$", cff, re.M)
    assert re.search(rf'^version: "{re.escape(project["version"])}"$', cff, re.M)
    assert re.search(rf'^title: "{re.escape(project["name"])}"$', cff, re.M)
    assert re.search(r"^authors:\n  - ", cff, re.M)
