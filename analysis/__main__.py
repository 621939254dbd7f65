"""``python -m analysis``: see :mod:`analysis.cli`."""

import gc

from analysis.cli import line_buffered_output, main

line_buffered_output()
code = main()
# Everything the command imported (pandas, papermill, NLTK, jsonschema...) is torn down at exit,
# and the interpreter's last garbage collection over those objects took 0.2-0.6 s of every
# command, an unchanged rerun's included; frozen, they are left to the system, as at any
# process's end. Open files are flushed as usual (objects without cycles are still freed).
gc.freeze()
raise SystemExit(code)
