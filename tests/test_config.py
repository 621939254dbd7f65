"""Where inputs and outputs live (``analysis/config.py``)."""

from __future__ import annotations

from pathlib import Path

from analysis.config import DATA_DIR, default_corpus_dir, output_dirs, project_root


def test_the_project_root_holds_the_package_and_the_seeds() -> None:
    root = project_root()
    assert (root / "pyproject.toml").is_file()
    assert default_corpus_dir() == root / "seeds"
    assert (DATA_DIR / "boilerplate_patterns.toml").is_file()


def test_output_dirs_sit_under_the_given_root(tmp_path: Path) -> None:
    dirs = output_dirs(tmp_path / "out")
    root = (tmp_path / "out").resolve()
    assert dirs == {
        "root": root,
        "figures": root / "figures",
        "reports": root / "reports",
        "tables": root / "reports" / "tables",
        "notebooks": root / "reports" / "notebooks",
        "cache": root / "reports" / "cache",
    }
    assert not root.exists()  # naming the folders creates nothing
    assert output_dirs()["root"] == project_root().resolve()


def test_notebook_defaults_are_the_config_defaults() -> None:
    """The parameters cells hold literals (papermill needs them); they must equal the config."""
    import ast

    import papermill

    from analysis import config

    expected = {"n_boot": config.N_BOOT, "n_perm": config.N_PERM, "seed": config.SEED}
    seen = 0
    for notebook in sorted((config.project_root() / "notebooks").glob("*.ipynb")):
        for name, spec in papermill.inspect_notebook(str(notebook)).items():
            if name in expected:
                assert ast.literal_eval(spec["default"]) == expected[name], (notebook.name, name)
                seen += 1
            if name == "group_by":
                assert ast.literal_eval(spec["default"]) == config.GROUP_COLUMNS[0]
    assert seen >= 3
