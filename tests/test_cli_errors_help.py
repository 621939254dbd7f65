"""Help texts: every option of `code-sample` says what it does and its default; examples and
descriptions say what the commands do."""

from __future__ import annotations

import argparse

import pytest

from analysis.cli import main


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as raised:
        main([*argv, "--help"])
    assert raised.value.code == 0
    return " ".join(capsys.readouterr().out.split())  # argparse's wrapping undone


def _options(add_arguments) -> dict[str, argparse.Action]:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return {a.option_strings[-1]: a for a in parser._actions if a.option_strings}


def test_every_code_sample_option_has_help_with_its_default() -> None:
    from analysis.commands.code_sample import add_arguments

    for name, action in _options(add_arguments).items():
        if name in {"--help", "--force", "--map"}:  # --map: shared, analysis.commands.options
            continue
        assert action.help, name
        if not action.required:
            assert "default" in action.help, name


def test_code_sample_help_says_where_the_frames_come_from(capsys) -> None:
    text = _help(capsys, "code-sample")
    assert "analysis.toml" in text and "--out must" not in text
    assert "a file path (.csv), not a folder" in text


def test_run_help_example_gives_a_parameter_file(capsys) -> None:
    text = _help(capsys, "run")
    assert "-f yaml " not in text
    assert "run -f params.yaml --method vader-news" in text


def test_bench_tone_seed_and_throughput_jobs_say_their_default(capsys) -> None:
    from analysis.bench import throughput, tone

    seed = _options(tone.add_arguments)["--seed"]
    assert seed.help and "default" in seed.help
    jobs = _options(throughput.add_arguments)["--jobs"]
    assert "default: 0, every core" in jobs.help


def test_corpus_help_tells_the_codebook_and_the_article_formats(capsys) -> None:
    text = _help(capsys, "corpus")
    assert "TOML (default: bundled)" not in text
    assert "analysis.toml" in text and ".yaml" in text
    for kind in (".docx", ".rtf", ".webarchive", "Factiva", "Nexis Uni"):
        assert kind in text, kind


def test_bench_pipeline_help_counts_the_three_commands(capsys) -> None:
    text = _help(capsys, "bench", "pipeline")
    assert "Three commands are timed" in text and "Two commands" not in text
