"""Importing NLTK without the optional libraries it loads for parts the package never uses.

``import nltk`` imports the whole library, and with it, when they are installed, SciPy (for
Fisher's exact test among the collocation measures) and scikit-learn (for the transition
parser's SVM and classifier wrappers): about two thirds of NLTK's import time. The package uses
only Punkt, the Treebank word tokenizer, the Snowball stemmer and VADER's constants, none of
which touch them. One function, used wherever NLTK is imported ahead of the work (the run
command, the notebooks' warm kernels, the engine's fork server).
"""

from __future__ import annotations

import importlib
import sys

# Optional dependencies of NLTK's package import that the package never uses.
NLTK_SKIPPED_EXTRAS = ("sklearn", "scipy")


def import_nltk_lean() -> None:
    """Import NLTK with :data:`NLTK_SKIPPED_EXTRAS` hidden; they stay importable afterwards.

    A ``None`` in ``sys.modules`` makes an import raise ``ImportError``, which NLTK catches for
    its optional dependencies (its parts that need them fall back as when they are not
    installed); the entries are removed afterwards. A library already imported is not hidden,
    and nothing happens when NLTK is already imported.
    """
    if "nltk" in sys.modules:
        return
    skipped = [name for name in NLTK_SKIPPED_EXTRAS if name not in sys.modules]
    sys.modules.update(dict.fromkeys(skipped))
    try:
        importlib.import_module("nltk")
    finally:
        for name in skipped:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
