"""Pipeline: run the notebooks with papermill, all or nothing.

One concern per module: :mod:`~analysis.pipeline.notebooks` (which notebooks, in which stages),
:mod:`~analysis.pipeline.params` (the notebooks' parameters and checking a run's values),
:mod:`~analysis.pipeline.execute` (the kernel environment, executing one notebook, describing a
failure), :mod:`~analysis.pipeline.kernels` (kernels warmed ahead of their turn),
:mod:`~analysis.pipeline.promote` (staging and atomic promotion of the outputs),
:mod:`~analysis.pipeline.schedule` (threads, turns and warm-up slots) and
:mod:`~analysis.pipeline.run` (:func:`run_pipeline`, which ties them together).
"""

from analysis.pipeline.execute import NotebookFailed
from analysis.pipeline.params import ParameterError
from analysis.pipeline.run import RunResult, run_pipeline

__all__ = ["NotebookFailed", "ParameterError", "RunResult", "run_pipeline"]
