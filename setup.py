"""Compiles the extraction modules and the text normalisation they call to C with mypyc, mypy's compiler for
typed Python: the same source, with the boundary scorer's pass 1.6 times as fast (bench/extract_bench.py prints
which kind it timed). Everything else is in pyproject.toml.

Without a C compiler and Python's headers, or with GLOSSARY_PURE_PYTHON=1, it builds plain Python (slower
extraction) and removes compiled modules an earlier build left in the checkout, which would shadow the sources.
"""

import os
import shutil
import sys
import sysconfig
from pathlib import Path

from setuptools import setup

SOURCES = [*sorted(str(p) for p in Path("glossary/extract").glob("*.py")), "glossary/normalize.py"]


def can_compile() -> bool:
    compiler = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    return shutil.which(compiler) is not None and headers.exists()


def compiled_modules():
    if os.environ.get("GLOSSARY_PURE_PYTHON", "") not in ("", "0"):
        return pure()
    if not can_compile():
        print("glossary: no C compiler or Python headers, building plain Python", file=sys.stderr)
        return pure()
    from mypyc.build import mypycify

    return mypycify(SOURCES, opt_level="3", debug_level="0")


def pure():
    for source in SOURCES:
        for compiled in Path(source).parent.glob(Path(source).stem + ".*.so"):
            compiled.unlink()
    for shared in Path().glob("*__mypyc.*.so"):
        shared.unlink()
    return []


setup(ext_modules=compiled_modules())
