"""Whether the machine was steady while a benchmark ran, read from the spread of its floor
and of every other run it repeats.

Each benchmark with rounds times a *floor* that does the same work every round (``bench
throughput``: a bare VADER loop; ``bench pipeline``: import-only notebooks). On a quiet machine
its times agree within a few per cent; on a shared virtual machine other load has made the same
loop run 1.3–1.8× slower within minutes, which moves a ratio target by more than the distance
to it, and a two-core run more than a one-core one. A verdict taken then says more about the
machine than about the work, so the benchmarks say so, as pyperf warns that a result "may be
unstable" when its runs spread too far (https://pyperf.readthedocs.io, "Analyze benchmark
results"). The work measured is the same every round too, so its runs are read the same way
(:func:`widest_spread`): load that arrives during one of them does not show in the floor. The
verdicts themselves are unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# The floor's slowest round over its fastest, minus one, above which a run is called unsteady.
UNSTEADY_SPREAD = 0.10


def floor_spread(seconds: Sequence[float]) -> float:
    """The floor's slowest time over its fastest, minus one (0.25: the slowest round took 25%
    longer); 0 for fewer than two rounds."""
    if len(seconds) < 2:
        return 0.0
    if min(seconds) <= 0:
        raise ValueError(f"floor times must be positive, got {list(seconds)}")
    return round(max(seconds) / min(seconds) - 1, 3)


def unsteady_warning(
    spread: float, limit: float = UNSTEADY_SPREAD, what: str = "the floor"
) -> str | None:
    """A line warning that the verdicts are unreliable when the ``spread`` (as
    :func:`floor_spread` gives it) of ``what``, a run repeated every round, is over ``limit``;
    ``None`` when it is within."""
    if spread <= limit:
        return None
    return (
        f"warning: the machine was not steady: {what}, the same work every round, took up "
        f"to {spread:.0%} longer in one round than in another (more than {limit:.0%}). Other "
        "load moved the clock, so the verdicts above may say more about the machine than about "
        "the work; rerun with more rounds when it is quiet."
    )


def widest_spread(seconds: Mapping[str, Sequence[float]]) -> tuple[str, float]:
    """Of several runs each repeated every round (name -> its times over the rounds), the one
    whose times spread most (:func:`floor_spread`), and that spread.

    Other load can hit any run of a round, not only the floor: on the shared two-core machine
    a run called steady by its floor alone had its one-core work take 33% longer in one round
    than in another (``bench throughput``, 2026-12-03). So a run is steady only when every
    timing it repeats is."""
    if not seconds:
        raise ValueError("no runs to compare")
    spreads = {name: floor_spread(times) for name, times in seconds.items()}
    name = max(spreads, key=lambda key: spreads[key])
    return name, spreads[name]
