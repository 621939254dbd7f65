"""resolve_jobs: how many processes a run uses, never more than the cores it may run on."""

from __future__ import annotations

import pytest

from analysis.measure import engine


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "usable_cores", lambda: 2)


@pytest.mark.parametrize(("jobs", "count"), [(None, 2), (0, 2), (1, 1), (2, 2), (-1, 1), (-9, 1)])
def test_jobs_count_from_the_cores(two_cores: None, jobs: int | None, count: int) -> None:
    assert engine.resolve_jobs(jobs) == count


def test_more_jobs_than_cores_run_as_many_as_cores_and_say_so(two_cores: None) -> None:
    # --jobs 1000 started a thousand workers of ~200 MiB each on a two-core machine
    with pytest.warns(UserWarning, match="1000 jobs asked for.*running 2"):
        assert engine.resolve_jobs(1000) == 2


def test_usable_cores_is_a_positive_count() -> None:
    assert engine.usable_cores() >= 1
