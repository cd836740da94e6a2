"""glossary: Chinese-English terminology mined from Chinese technical writing.

The public API; the command line (glossary.cli) is a thin layer over it.
"""

from .errors import GlossaryError
from .model import Candidate, Document, Entry
from .store import Glossary, open_glossary, resolve_db_path

__all__ = [
    "Candidate",
    "Document",
    "Entry",
    "Glossary",
    "GlossaryError",
    "extract_pairs",
    "open_glossary",
    "resolve_db_path",
]


def __getattr__(name: str):
    # extract_pairs pulls in the extractor (and, when used, jieba): loaded on first use, not on import.
    if name == "extract_pairs":
        from .extract import extract_pairs

        return extract_pairs
    raise AttributeError(name)
