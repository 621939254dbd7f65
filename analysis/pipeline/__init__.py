"""Pipeline: notebook parameters, kernels, execution, promotion of outputs and the run."""
