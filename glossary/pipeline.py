"""Extraction runs: inputs -> documents -> candidate pairs -> the store, a transaction per batch of documents.

With ``jobs > 1`` every pass runs in worker processes, forked so that they inherit what the main process holds:

1. reading, decoding and finding glosses and candidate spans (with jieba), a document at a time;
2. counting the candidate spans over the whole corpus (this run's documents and those already in the
   glossary), a share of the texts each; the main process adds up the counts;
3. choosing each document's pairs, while the main process writes the documents, in order; the writer keeps
   a core to itself.

While the workers do pass 1 the main process, otherwise idle, loads what writing needs (pypinyin, OpenCC).

Only the main process writes, so a killed run leaves every document either fully stored or untouched.
"""

from __future__ import annotations

import contextlib
import gc
import signal
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import DocumentError
from .extract import (
    EXTRACTOR_VERSION,
    Abbreviations,
    CorpusStats,
    Prepared,
    abbreviations,
    prepare,
    resolve,
    spans_to_count,
    warm_up,
)
from .extract.corpus import Neighbours, count_neighbours, distinct_texts
from .ingest import DEFAULT_MAX_BYTES, read_document
from .model import STDIN, STDIN_NAME, Candidate, Document, Untranslated
from .store import DocumentSummary, Glossary, prepare_to_write

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


@dataclass
class Report:
    documents: int = 0
    unchanged: int = 0
    occurrences: int = 0
    skipped: list[str] = field(default_factory=list)  # one-line reasons, each naming its file
    # Ids rather than counts: documents share pairs, and the run's pairs are each counted once.
    pair_ids: set[int] = field(default_factory=set)
    new_pair_ids: set[int] = field(default_factory=set)

    @property
    def pairs(self) -> int:
        return len(self.pair_ids)

    @property
    def new_pairs(self) -> int:
        return len(self.new_pair_ids)


@dataclass(frozen=True)
class _Job:
    path: str
    encoding: str | None
    max_bytes: int
    known_sha: str | None  # skip extraction when the text still has this hash


@dataclass(frozen=True)
class _Done:
    path: str
    document: Document | None = None
    prepared: Prepared | None = None
    error: str | None = None
    unchanged: bool = False


def _process(job: _Job) -> _Done:
    try:
        doc = read_document(job.path, encoding=job.encoding, max_bytes=job.max_bytes)
    except DocumentError as exc:
        return _Done(job.path, error=str(exc))
    if job.known_sha == doc.sha256:
        return _Done(doc.path, unchanged=True)
    return _Done(doc.path, doc, prepare(doc.text))


@contextlib.contextmanager
def _pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """Worker processes, forked so that they share what this process has loaded (jieba's dictionary, the corpus
    statistics) instead of loading or unpickling it each. Imported here: a run of one process spares their import
    (7 ms).

    Ctrl-C is this process's to handle: the terminal sends it to the workers too, where it would print their
    tracebacks and could leave one writing a result nobody reads. They ignore it, and on an interrupt the work
    not started is cancelled; the workers finish what they hold, and exit.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_ignore_interrupts)
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _chunk(items: int, workers: int) -> int:
    return max(1, items // (workers * 8))


def _run(jobs: list[_Job], workers: int) -> Iterator[_Done]:
    """Pass 1 over every input, in worker processes when asked."""
    if workers <= 1 or len(jobs) <= 1:
        yield from map(_process, jobs)
        return
    warm_up()  # load jieba once here, then fork
    with _pool(workers) as pool:
        results = pool.map(_process, jobs, chunksize=_chunk(len(jobs), workers))
        prepare_to_write()  # while the workers read (0.06 s that the writer would otherwise spend later)
        yield from results


# Each pass's input, set before forking its workers so that they inherit it rather than receive it pickled.
_COUNTING: tuple[list[str], list[str], int] | None = None


def _count_share(share: int) -> Neighbours:
    assert _COUNTING is not None
    spans, texts, shares = _COUNTING
    return count_neighbours(spans, texts[share::shares])


def _counted(spans: list[str], texts: list[str], workers: int) -> CorpusStats:
    """Pass 2: the spans counted over the texts, a share of the texts per worker."""
    global _COUNTING
    if workers <= 1 or len(texts) <= 1:
        return CorpusStats.build(spans, texts)
    _COUNTING = (spans, texts, workers)
    try:
        with _pool(workers) as pool:
            return CorpusStats.merged(pool.map(_count_share, range(workers)))
    finally:
        _COUNTING = None


_RESOLVING: tuple[list[_Done], CorpusStats, Abbreviations] | None = None


def _resolve_one(index: int) -> list[Candidate]:
    assert _RESOLVING is not None
    ready, stats, abbreviated = _RESOLVING
    done = ready[index]
    assert done.document is not None and done.prepared is not None
    return resolve(done.document.text, done.prepared, stats, abbreviated)


def _resolved(ready: list[_Done], stats: CorpusStats, known: Abbreviations, workers: int) -> Iterator[list[Candidate]]:
    """Pass 3 for every document, in order; with workers, the main process writes while they resolve.

    Resolving is quicker than writing, so the writer keeps a core of its own: one worker fewer than asked.
    """
    global _RESOLVING
    _RESOLVING = (ready, stats, known)
    try:
        if workers <= 1 or len(ready) <= 1:
            yield from map(_resolve_one, range(len(ready)))
            return
        resolvers = max(1, workers - 1)
        with _pool(resolvers) as pool:
            yield from pool.map(_resolve_one, range(len(ready)), chunksize=_chunk(len(ready), resolvers))
    finally:
        _RESOLVING = None


def extract_files(
    glossary: Glossary,
    inputs: Iterable[str],
    *,
    encoding: str | None = None,
    jobs: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    force: bool = False,
    progress: Callable[[str], None] = lambda path: None,
) -> Report:
    """Extract pairs from files (or "-" for stdin) into the glossary.

    A document whose text and extractor version are unchanged is skipped (unless ``force``): the same files
    twice change nothing. A changed document's evidence is replaced.
    """
    report = Report()
    work: list[_Job] = []
    done_first: list[_Done] = []
    for path in inputs:
        if path == STDIN:
            # stdin belongs to this process; read it here and extract it like any other document.
            try:
                doc = read_document(STDIN, encoding=encoding, max_bytes=max_bytes)
            except DocumentError as exc:
                done_first.append(_Done(STDIN_NAME, error=str(exc)))
                continue
            state = glossary.document_state(doc.path)
            unchanged = not force and state == (doc.sha256, EXTRACTOR_VERSION)
            done_first.append(_Done(doc.path, unchanged=True) if unchanged else _Done(doc.path, doc, prepare(doc.text)))
            continue
        state = glossary.document_state(path)
        known = state[0] if state and state[1] == EXTRACTOR_VERSION and not force else None
        work.append(_Job(path, encoding, max_bytes, known))
    ready: list[_Done] = []
    for done in [*done_first, *_run(work, jobs)]:
        if done.error:
            report.skipped.append(done.error)
        elif done.unchanged:
            report.unchanged += 1
        elif done.document is not None:
            ready.append(done)
        progress(done.path)
    if not ready:
        return report
    with _long_lived():
        stats = corpus_stats(glossary, ready, jobs)
        # what this run's documents define of their abbreviations, and what the glossary's pairs do (as the counts
        # are over the glossary's documents too)
        defined = abbreviations((d.prepared for d in ready if d.prepared is not None), pairs=glossary.abbreviated())
        gc.freeze()
        documents = [d.document for d in ready if d.document is not None]  # every one of them (see above)
        for summary in write_documents(glossary, zip(documents, _resolved(ready, stats, defined, jobs), strict=True)):
            report.documents += 1
            report.pair_ids |= summary.pair_ids
            report.new_pair_ids |= summary.new_pair_ids
            report.occurrences += summary.occurrences
    return report


@contextlib.contextmanager
def _long_lived() -> Iterator[None]:
    """Exempt what exists now (the dictionaries, every document's text and candidate spans) from the garbage
    collector's scans until the run ends; ``gc.freeze()`` inside adds what was made since (the corpus counts).

    These objects live for the whole run, yet each full collection walked all of them again: with pypinyin's
    dictionaries loaded, choosing spans took 40% longer. Frozen objects are still freed when nothing refers to
    them; only cycles among them wait for the end of the run.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def write_documents(
    glossary: Glossary, resolved: Iterable[tuple[Document, list[Candidate]]]
) -> Iterator[DocumentSummary]:
    """Store resolved documents (each with its candidates), a batch per transaction."""
    for batch in _batches(resolved):
        yield from glossary.replace_documents(batch, EXTRACTOR_VERSION)


# Documents written per transaction: a commit (and the recount of the pairs the documents touch) per batch rather
# than per document makes writing ~30% faster; a killed run still leaves every document whole or absent.
BATCH_DOCUMENTS = 32
BATCH_CHARS = 2_000_000


def _batches(items: Iterable[tuple]) -> Iterator[list[tuple]]:
    """Consecutive (document, ...) items, BATCH_DOCUMENTS or about BATCH_CHARS of text at a time."""
    batch: list[tuple] = []
    chars = 0
    for item in items:
        batch.append(item)
        chars += len(item[0].text)
        if len(batch) >= BATCH_DOCUMENTS or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def corpus_stats(glossary: Glossary, ready: list[_Done], jobs: int = 1) -> CorpusStats:
    """Counts of every candidate span over the corpus: this run's documents and the glossary's others."""
    paths = {d.path for d in ready}
    texts = [d.document.text for d in ready if d.document is not None]
    texts += [text for path, text in glossary.document_texts() if path not in paths]
    return _counted(spans_to_count(d.prepared for d in ready if d.prepared is not None), distinct_texts(texts), jobs)


def rank_untranslated(glossary: Glossary, *, limit: int = 500) -> list[Untranslated]:
    """Rank the corpus's domain terms that have no English in the glossary (reading it only)."""
    from .extract.termhood import untranslated_terms

    english = glossary.term_english()
    # (a name merged into a term is that term: 大型语言模型 merged into 大语言模型 awaits nothing)
    known = {*english, *(alias for alias, zh in glossary.term_aliases().items() if zh in english)}
    return untranslated_terms(glossary.document_texts(), known, limit=limit, propose=english)
