"""Compiles the extraction modules and the text normalisation they call to C with mypyc, mypy's compiler for
typed Python: the same source, with the boundary scorer's pass 1.6 times as fast (bench/extract_bench.py prints
which kind it timed). Everything else is in pyproject.toml. GLOSSARY_PURE_PYTHON=1 builds without compiling: no
C compiler needed, slower extraction."""

import os
from pathlib import Path

from setuptools import setup


def compiled_modules():
    if os.environ.get("GLOSSARY_PURE_PYTHON"):
        return []
    from mypyc.build import mypycify

    sources = [*sorted(str(p) for p in Path("glossary/extract").glob("*.py")), "glossary/normalize.py"]
    return mypycify(sources, opt_level="3", debug_level="0")


setup(ext_modules=compiled_modules())
