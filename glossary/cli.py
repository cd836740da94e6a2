"""The command line: options in, one library call, rendering out. No SQL here, and no jieba.

Library modules are imported inside the commands that need them, so `glossary lookup` pays only for what a
lookup uses.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import functools
import gc
import json
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from .errors import AmbiguousError, BadOptionError, GlossaryError

DB_HELP = "Glossary database (default: $GLOSSARY_DB, else db/glossary.db)."

# A command can end with millions of objects alive (dictionaries, documents): the interpreter's last garbage
# collection walked them all (0.2 s after extracting 8 MB) before reference counting freed them anyway.
atexit.register(gc.freeze)


class GlossaryGroup(click.Group):
    """Turns the library's typed errors into one-line messages with exit status 1."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # --help and --version write before any command runs (see invoke for what commands write)
        try:
            try:
                return super().main(*args, **kwargs)
            finally:
                sys.stdout.flush()
        except OSError as exc:
            if exc.errno not in _OUTPUT_ERRORS:
                raise
            _discard_stdout()
            click.echo(f"Error: {_os_error(exc)}", err=True)
            sys.exit(1)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()  # output still buffered fails here, where it is handled, not as Python exits
        except BadOptionError as exc:
            raise click.UsageError(str(exc)) from exc
        except AmbiguousError as exc:
            raise click.ClickException(f"{exc}: {_naming_one(ctx, exc.zh)}") from exc
        except GlossaryError as exc:
            raise click.ClickException(str(exc)) from exc
        except sqlite3.DatabaseError as exc:
            raise click.ClickException(f"database error: {exc}") from exc
        except KeyboardInterrupt:
            # Ctrl-C: the shell's status for it (128 + SIGINT), and what was kept. Every write is a transaction.
            kept = _KEPT_ON_INTERRUPT.get(ctx.invoked_subcommand or "", "nothing was half-written")
            click.echo(f"\nInterrupted: {kept}.", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.stderr.close()  # output piped into head: stop quietly
            _discard_stdout()
            sys.exit(0)
        except OSError as exc:
            if exc.filename is None and exc.errno in _OUTPUT_ERRORS:
                _discard_stdout()  # a full disk, a device error: writing stdout failed
            raise click.ClickException(_os_error(exc)) from exc


_KEPT_ON_INTERRUPT = {
    "extract": "the documents stored so far are whole, the others untouched; run it again for the rest",
    "import": "nothing was imported",
}


def _naming_one(ctx: click.Context, zh: str) -> str:
    """How to run the command again for one pair: glossary approve 预训练 ENGLISH, or --all where it takes that."""
    name = ctx.invoked_subcommand or ""
    command = ctx.command.get_command(ctx, name) if isinstance(ctx.command, click.Group) else None
    every = command is not None and any(param.name == "every" for param in command.params)
    return f"glossary {name} {zh} ENGLISH" + (", or --all for all of them" if every else "")


# What a failed write reports (a full disk, a quota, a device error); other errors that name no file (a fork
# that failed) are not about the output
_OUTPUT_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG})


def _os_error(exc: OSError) -> str:
    """One line for an error of the system's: about a file it names (a path too long, a folder nobody may enter), or
    about writing the output."""
    if exc.filename is not None:
        return f"{exc.filename}: {exc.strerror}"
    return f"cannot write output: {exc.strerror}" if exc.errno in _OUTPUT_ERRORS else str(exc.strerror or exc)


def _discard_stdout() -> None:
    """Point stdout at /dev/null once writing it failed: what is still buffered would fail again as Python flushes
    stdout on exit, which prints "Exception ignored ..." and makes the exit status 120."""
    with contextlib.suppress(OSError, ValueError):  # (a test runner's stdout has no file descriptor)
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        finally:
            os.close(devnull)


def _codec(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An --encoding Python knows, else a usage error (not one skipped file per path)."""
    import codecs

    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r} (e.g. utf-8, gbk, big5)") from None
    return value


def _something_to_read(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """PATHS of which one at least exists, else an error before any glossary is created (a mistyped name)."""
    from .ingest import STDIN

    if not any(raw == STDIN or os.path.exists(raw) for raw in value):
        raise click.ClickException(f"no such file or directory: {', '.join(raw or repr(raw) for raw in value)}")
    return value


def counted(n: int, noun: str) -> str:
    """A count with its noun: "1 pair", "2 pairs"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def db_option(f: Callable) -> Callable:
    return click.option("--db", "db", type=click.Path(dir_okay=False), envvar=None, help=DB_HELP)(f)


def open_db(db: str | None, *, create: bool = True, readonly: bool = False):
    from .store import open_glossary

    return open_glossary(db, create=create, readonly=readonly)


def with_glossary(*, create: bool = True, readonly: bool = False) -> Callable:
    """Decorator: adds --db and passes an open Glossary as the first argument."""

    def decorate(f: Callable) -> Callable:
        @db_option
        @functools.wraps(f)
        def wrapper(db: str | None, **kwargs: Any) -> Any:
            with open_db(db, create=create, readonly=readonly) as glossary:
                return f(glossary, **kwargs)

        return wrapper

    return decorate


@click.group(cls=GlossaryGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="glossary")
def cli() -> None:
    """Chinese-English terminology: mine term pairs from Chinese technical writing, curate, look up, export.

    \b
    Example:
        glossary extract seeds/
        glossary lookup 后训练
        glossary export --format csv -o pairs.csv
    """


@cli.command()
@db_option
def path(db: str | None) -> None:
    """Print the path of the glossary database in use.

    \b
    Example:
        GLOSSARY_DB=/tmp/g.db glossary path
    """
    from .store import resolve_db_path

    click.echo(str(resolve_db_path(db)))


# --- extraction -------------------------------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, callback=_something_to_read)
@click.option(
    "--encoding", callback=_codec, help="Decode input with this encoding instead of detecting it (e.g. gbk, big5)."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes for reading and extraction.",
)
@click.option(
    "--max-size",
    type=click.FloatRange(min=0.001),
    default=20.0,
    show_default=True,
    help="Skip files larger than this many MB.",
)
@click.option("--force", is_flag=True, help="Re-extract documents even when they are unchanged.")
@with_glossary()
def extract(glossary, paths: tuple[str, ...], encoding: str | None, jobs: int, max_size: float, force: bool) -> None:
    """Extract Chinese-English term pairs from documents into the glossary.

    PATHS are files, directories (read recursively: .txt, .md, .html, and subtitles .srt, .vtt) or - for
    stdin. Encodings are detected (UTF-8, UTF-16, GB18030/GBK, Big5), and hard-wrapped paragraphs are read
    as one line; a subtitle file is read a cue a line.
    Running it again on unchanged files changes nothing; a changed file's evidence is replaced.
    Unreadable files, and directories with nothing to read, are skipped with a warning and exit status 1;
    a directory's files of other kinds are counted in a note. When none of PATHS exists, it stops with an
    error before any glossary is created.

    \b
    Example:
        glossary extract seeds/
        glossary extract --encoding gbk notes.txt
        cat article.md | glossary extract -
    """
    from .ingest import SUFFIXES_READ, iter_inputs
    from .pipeline import extract_files

    passed_over: list[Path] = []
    inputs = list(iter_inputs(paths, passed_over))
    show_bar = sys.stderr.isatty() and len(inputs) > 1
    with (
        click.progressbar(length=len(inputs), file=sys.stderr, label="extracting", show_pos=True)
        if show_bar
        else _NoBar() as bar
    ):
        report = extract_files(
            glossary,
            inputs,
            encoding=encoding,
            jobs=jobs,
            max_bytes=round(max_size * 1024 * 1024),
            force=force,
            progress=lambda _path: bar.update(1),
        )
    for reason in report.skipped:
        click.echo(f"skipped: {reason}", err=True)
    # (the glossary itself, in a folder of documents, is no document left unread)
    own = {Path(f"{glossary.path}{suffix}").resolve() for suffix in ("", "-wal", "-shm", "-journal")}
    passed_over = [p for p in passed_over if p.resolve() not in own]
    if passed_over:
        suffixes = ", ".join(sorted({p.suffix.lower() or "no suffix" for p in passed_over}))
        click.echo(
            f"{counted(len(passed_over), 'file')} not read ({suffixes}): only {SUFFIXES_READ} files are read", err=True
        )
    click.echo(
        f"{counted(report.documents, 'document')} extracted, {report.unchanged} unchanged, {len(report.skipped)} "
        f"skipped; {counted(report.occurrences, 'occurrence')} of {counted(report.pairs, 'pair')} "
        f"({report.new_pairs} new) in {glossary.path}",
        err=True,
    )
    if report.skipped:
        sys.exit(1)


class _NoBar:
    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def update(self, n: int) -> None:
        pass


# --- curation ---------------------------------------------------------------------------------------------


def _say(entries, verb: str) -> None:
    for e in entries:
        click.echo(f"{verb}: {e.zh} = {e.en}" + (f" ({e.abbr})" if e.abbr else "") + f" [{e.status}]")


@cli.command()
@click.argument("zh")
@click.argument("en")
@click.option("--abbr", help="Abbreviation, e.g. LLM.")
@click.option("--note", help="A note for translators.")
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@click.option("--status", type=click.Choice(["approved", "candidate"]), default="approved", show_default=True)
@with_glossary()
def add(glossary, zh: str, en: str, abbr: str | None, note: str | None, tags: tuple[str, ...], status: str) -> None:
    """Add a pair by hand (approved unless --status candidate).

    \b
    Example:
        glossary add 大语言模型 "large language model" --abbr LLM --tag llm
    """
    outcome, entry = glossary.add(zh, en, abbr=abbr, note=note, tags=tags, status=status)
    _say([entry], {"unchanged": "already in the glossary"}.get(outcome, outcome))


def _status_command(status: str, verb: str) -> Callable:
    @click.argument("zh")
    @click.argument("en", required=False)
    @click.option("--all", "every", is_flag=True, help="Every English form of the term, or every one EN abbreviates.")
    @with_glossary(create=False)
    def command(glossary, zh: str, en: str | None, every: bool) -> None:
        _say(glossary.set_status(zh, en, status, every=every), verb)

    return command


cli.command(
    "approve",
    help="""Approve a pair: a decision no later extraction changes.

\b
Example:
    glossary approve 后训练 post-training
    glossary approve 智能体 --all
""",
)(_status_command("approved", "approved"))

cli.command(
    "reject",
    help="""Reject a pair: kept as rejected, hidden from exports and lookups by default.

\b
Example:
    glossary reject 标准的架构 "MoE transformer"
""",
)(_status_command("rejected", "rejected"))


@cli.command()
@click.argument("zh")
@click.argument("en", required=False)
@click.option("--zh", "new_zh", help="New Chinese term.")
@click.option("--en", "new_en", help="New English form.")
@click.option("--abbr", help="New abbreviation ('' clears it).")
@click.option("--note", help="New note ('' clears it).")
@click.option("--tag", "tags", multiple=True, help="Replace the tags (repeatable).")
@click.option("--pinyin", help="The term's reading, tone marks or numbers ('' gives back the one computed).")
@with_glossary(create=False)
def edit(
    glossary,
    zh: str,
    en: str | None,
    new_zh: str | None,
    new_en: str | None,
    abbr: str | None,
    note: str | None,
    tags: tuple[str, ...],
    pinyin: str | None,
) -> None:
    """Edit one pair; the old wording will not come back from extraction. --pinyin corrects the term's reading
    (all its pairs).

    \b
    Example:
        glossary edit 预训练 pretraining --en pre-training
        glossary edit 大语言模型 --note "LLM in running text"
        glossary edit 调参 --pinyin "tiáo cān"
    """
    if new_zh is None and new_en is None and abbr is None and note is None and not tags:
        if pinyin is not None:
            click.echo(f"{zh}: {glossary.set_pinyin(zh, pinyin)}")
            return
        # Editing marks a pair curated, out of extraction's reach: not for an edit that changes nothing
        raise click.UsageError("nothing to change: give --zh, --en, --abbr, --note, --tag or --pinyin")
    if pinyin:  # (checked before the pair changes: the edit is all or nothing)
        from .normalize import written_pinyin, zh_key

        try:
            written_pinyin(zh_key(new_zh if new_zh is not None else zh), pinyin)
        except ValueError as exc:
            raise GlossaryError(f"pinyin of {new_zh if new_zh is not None else zh}: {exc}") from exc
    existing: set[int] = set()  # a pair already there under the new wording, which takes this one in
    if new_zh is not None or new_en is not None:
        target = (new_zh if new_zh is not None else zh, new_en if new_en is not None else en)
        existing = _pairs_named(glossary, *target) - _pairs_named(glossary, zh, en)
    entry = glossary.edit(zh, en, new_zh=new_zh, new_en=new_en, abbr=abbr, note=note, tags=tags or None)
    _say([entry], "merged into the pair already there" if entry.pair_id in existing else "edited")
    if pinyin is not None:  # (of the term as edited)
        click.echo(f"{entry.zh}: {glossary.set_pinyin(entry.zh, pinyin)}")
    if new_en is not None and (others := glossary.sharing_english(entry.pair_id)):
        # English forms are shared: a new spelling of one shows wherever it translates a term
        click.echo(f"  the English form is shared; it reads so for {', '.join(others)} too")


def _pairs_named(glossary, zh: str, en: str | None) -> set[int]:
    """The ids of the pairs these words name now (every pair of the term without English), or none where they
    name no term yet."""
    try:
        return set(glossary.find_pairs(zh, en))
    except GlossaryError:
        return set()


@cli.command("rm")
@click.argument("zh")
@click.argument("en", required=False)
@with_glossary(create=False)
def remove(glossary, zh: str, en: str | None) -> None:
    """Remove a pair (or all of a term's pairs); extraction will not bring it back.

    \b
    Example:
        glossary rm 标准的架构
    """
    _say(glossary.remove(zh, en), "removed")


@cli.command()
@click.argument("source")
@click.argument("target")
@with_glossary(create=False)
def merge(glossary, source: str, target: str) -> None:
    """Fold SOURCE into TARGET: two Chinese terms, or two English forms.

    SOURCE's pairs and evidence move to TARGET, and SOURCE is remembered as another name for TARGET. Where
    both have a pair for the same English, a decision you made (approve, reject, edit) wins over extraction's;
    where you decided on both, the later decision stays, and both notes are kept.

    \b
    Example:
        glossary merge 预训练模型 预训练的模型
        glossary merge optimisation optimization
    """
    from .normalize import has_cjk

    if has_cjk(source) != has_cjk(target):
        raise click.UsageError("merge takes two Chinese terms or two English forms, not one of each")
    moved = glossary.merge_terms(source, target) if has_cjk(source) else glossary.merge_english(source, target)
    click.echo(f"merged {source} into {target} ({counted(moved, 'pair')} moved)")


# --- reading ----------------------------------------------------------------------------------------------


def _status_filter(statuses: tuple[str, ...], include_all: bool) -> tuple[str, ...]:
    if statuses and include_all:
        raise click.UsageError("--all is every status: give it or --status, not both")
    if statuses:
        return statuses
    return () if include_all else ("approved", "candidate")


status_option = click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(["approved", "candidate", "rejected"]),
    help="Only pairs with this status (repeatable). Default: approved and candidate.",
)


def _export_formats() -> list[str]:
    from .export import FORMATS

    return list(FORMATS)


@cli.command()
@click.option("-f", "--format", "fmt", type=click.Choice(_export_formats()), default="csv", show_default=True)
@click.option(
    "-o",
    "--output",
    # (whether it can be written is found by writing it: a one-line error, as for a new file)
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write here instead of stdout (- is stdout).",
)
@status_option
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=0.5,
    show_default=True,
    help="Leave out candidates below this confidence (approved pairs always pass).",
)
@click.option("--all", "include_all", is_flag=True, help="Every pair: rejected and low-confidence ones too.")
@click.option("--tag", help="Only pairs with this tag.")
@click.option("--deck", help="Anki deck name (default: Glossary). Export to the same name again to update it.")
@click.option(
    "--direction",
    type=click.Choice(["zh-en", "en-zh", "both"]),
    help="Which way: zh-en, en-zh or both. Anki: recognition (中 -> EN) and/or production cards (default both). "
    "OmegaT: zh-en (default) or en-zh.",
)
@with_glossary(create=False, readonly=True)
def export(
    glossary,
    fmt: str,
    output: str | None,
    statuses: tuple[str, ...],
    min_confidence: float,
    include_all: bool,
    tag: str | None,
    **format_options: Any,
) -> None:
    """Export pairs: one row per Chinese-English pair, to stdout or a file.

    CSV and TSV start with the columns zh,en,abbr, then pinyin, status, confidence, count, documents,
    example, origin, note and tags. tbx is TBX v3 (TBX-Basic) for Trados, memoQ and most CAT tools; tbx2
    is TBX v2 (martif) for OmegaT and translate-toolkit; omegat is OmegaT's tab-separated glossary.

    Anki (.apkg) has one note per Chinese term with all its English forms; import it again after editing
    the glossary and Anki updates the notes in place, keeping their review history.

    \b
    Example:
        glossary export --format csv > pairs.csv
        glossary export --format jsonl --status approved -o approved.jsonl
        glossary export --format anki --deck "AI terms" --tag llm -o ai-terms.apkg
        glossary export --format tbx -o glossary.tbx
        glossary export --format omegat --direction en-zh -o glossary/terms.utf8
    """
    from .export import atomic_output, needs_file, unsupported_options
    from .export import export as run_export

    unsupported = unsupported_options(fmt, format_options)
    if unsupported:
        names = ", ".join("--" + name.replace("_", "-") for name in unsupported)
        raise click.UsageError(f"{names} does not apply to --format {fmt}")
    if output == "-":  # stdout, as - is stdin where glossary reads a file
        output = None
    if output and os.path.exists(output) and os.path.samefile(output, glossary.path):
        raise click.BadParameter(f"{output} is the glossary itself", param_hint="'-o' / '--output'")
    if needs_file(fmt) and not output:
        raise click.UsageError(f"--format {fmt} writes a file, not stdout: pass -o FILE")
    statuses = _status_filter(statuses, include_all)
    given = click.get_current_context().get_parameter_source("min_confidence") != ParameterSource.DEFAULT
    if include_all and given:
        raise click.UsageError("--all is every confidence too: give it or --min-confidence, not both")
    entries = glossary.entries(statuses=statuses, tag=tag)
    threshold = 0.0 if include_all else min_confidence
    # (the threshold is the candidates': approved pairs always pass, and rejected ones are there when asked for)
    chosen = (e for e in entries if e.status != "candidate" or e.confidence >= threshold)
    if output:
        with atomic_output(output) as dest:
            n = run_export(fmt, chosen, dest, **format_options)
        click.echo(f"{counted(n, 'pair')} -> {output}", err=True)
    else:
        run_export(fmt, chosen, sys.stdout.buffer, **format_options)


@cli.command()
@click.argument("query")
@click.option("-n", "--limit", type=click.IntRange(1), default=10, show_default=True, help="At most this many hits.")
@click.option("--json", "as_json", is_flag=True, help="A JSON list of hits.")
@click.option("-v", "--verbose", is_flag=True, help="Show an example sentence and its document.")
@status_option
@click.option("--all", "include_all", is_flag=True, help="Every status: rejected pairs too.")
@click.option("--exact", is_flag=True, help="Only exact matches: no prefixes, parts or typos.")
@with_glossary(create=False, readonly=True)
def lookup(
    glossary,
    query: str,
    limit: int,
    as_json: bool,
    verbose: bool,
    statuses: tuple[str, ...],
    include_all: bool,
    exact: bool,
) -> None:
    """Look a term up: Chinese, pinyin, English or an abbreviation, however typed.

    Chinese may be simplified or traditional (後訓練, 記憶體), whole or a part (强化学); pinyin with tone marks,
    tone numbers, none, or initials (hòu xùn liàn, hou4xun4lian4, houxunlian, hxl), ü as v or u (lvbo, lubo);
    English in any case,
    hyphenated or not, plural or singular, the start of it, or with a typo (Post Training, sythetic data);
    abbreviations (RL, llm). Exact matches come first, then prefixes, parts and near misses; approved pairs
    before candidates. Nothing found: the nearest terms are offered and the exit status is 1.

    \b
    Example:
        glossary lookup 后训练
        glossary lookup houxunlian
        glossary lookup "reinforcment learning" --json
        glossary lookup RL --exact -v
    """
    if not query.strip():
        raise click.BadParameter("is empty: type a term in Chinese, pinyin or English", param_hint="QUERY")
    wanted = _status_filter(statuses, include_all)
    found = glossary.lookup(query, limit=limit, statuses=wanted, exact=exact)
    hits = found.hits
    if as_json:
        click.echo(json.dumps([_hit_json(h) for h in hits], ensure_ascii=False, indent=1))
    if not hits:
        click.echo(_no_match(query, found, wanted), err=True)
        sys.exit(1)
    if as_json:
        return
    from .render import table

    rows = [
        [
            h.entry.written,  # (as the documents write it: 粒線體 in a Taiwanese text, whose key is 粒线体)
            h.entry.en,
            h.entry.abbr or "",
            h.entry.pinyin,
            h.entry.status,
            f"{h.entry.confidence:.2f}",
            h.entry.count,
            h.match,
        ]
        for h in hits
    ]
    click.echo(table(["zh", "en", "abbr", "pinyin", "status", "conf", "count", "match"], rows))
    if verbose:
        for h in hits:
            if h.entry.example:
                click.echo(f"\n{h.entry.written} / {h.entry.en}: {h.entry.example}\n  -- {h.entry.example_document}")


def _no_match(query: str, found, statuses: tuple[str, ...]) -> str:
    message = f'No term matches "{query}"'
    if found.hidden:
        other = "pair with another status does" if found.hidden == 1 else "pairs with another status do"
        message += f" with status {' or '.join(statuses)}; {found.hidden} {other} (--all shows every status)"
    if found.nearest:
        offers = ", ".join(f"{s.row.zh} ({s.row.en})" for s in found.nearest)
        return f"{message} -- did you mean {offers}?"
    return message + "."


def _hit_json(hit) -> dict:
    e = hit.entry
    return {
        "zh": e.zh,
        "written": e.written,
        "en": e.en,
        "abbr": e.abbr,
        "pinyin": e.pinyin,
        "status": e.status,
        "confidence": e.confidence,
        "count": e.count,
        "match": hit.match,
        "field": hit.field,
        "score": hit.score,
        "forms": list(e.forms),
        "example": e.example,
        "document": e.example_document,
    }


@cli.command()
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("-n", "--limit", type=click.IntRange(1), default=50, show_default=True)
@with_glossary(create=False, readonly=True)
def todo(glossary, fmt: str, limit: int) -> None:
    """Terms awaiting translation: domain terms the documents use with no English, best first.

    Ranked by termhood (recurring units that are not general vocabulary); a word CC-CEDICT translates keeps a
    quarter of its score, so a compound no dictionary gives ranks above it unless the word is far more frequent.
    Where the glossary knows every part of a term, an English is proposed. The list is also stored for
    Datasette's "awaiting translation" query; a glossary that cannot be written (read-only, or locked past the
    busy timeout) still gets its list printed, with a warning.

    \b
    Example:
        glossary todo
        glossary todo --format csv -n 200 > todo.csv
    """
    from .pipeline import rank_untranslated

    ranked = rank_untranslated(glossary)
    found = ranked[:limit]
    if fmt == "json":
        click.echo(json.dumps([u.__dict__ for u in found], ensure_ascii=False, indent=1))
    elif fmt == "csv":
        import csv

        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(["zh", "count", "example", "documents", "score", "proposed_en", "document"])
        for u in found:
            out.writerow([u.zh, u.count, u.example or "", u.documents, u.score, u.proposed_en or "", u.document or ""])
    else:
        from .render import table

        rows = [[u.zh, u.count, u.documents, f"{u.score:.1f}", u.proposed_en or "", u.example or ""] for u in found]
        click.echo(table(["zh", "count", "docs", "score", "proposed", "example"], rows))
    sys.stdout.flush()  # the list is the answer: out before storing it, which may wait for a lock
    try:
        with open_db(str(glossary.path), create=False) as writable:
            writable.replace_untranslated(ranked)
    except (GlossaryError, sqlite3.Error) as exc:  # (a full disk as much as a lock)
        click.echo(f"warning: the list was not stored for Datasette: {exc}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option(
    "-n",
    "--limit",
    type=click.IntRange(0),
    default=30,
    show_default=True,
    help="At most this many new terms (0: none, and faster).",
)
@click.option(
    "--encoding", callback=_codec, help="Decode input with this encoding instead of detecting it (e.g. gbk, big5)."
)
@with_glossary(create=False, readonly=True)
def scan(glossary, paths: tuple[str, ...], fmt: str, limit: int, encoding: str | None) -> None:
    """The terms a document uses: the glossary's, with their English, and new ones it does not know yet.

    Glossary terms are matched longest first, in simplified and traditional text alike, and counted. New
    terms are the documents' domain terms the glossary lacks, ranked by termhood, with an English proposed
    where the glossary knows every part. PATHS are files, directories or - for stdin; unreadable files are
    skipped with a warning and exit status 1. CSV has one row a term: kind (known or new), zh, en, abbr,
    pinyin, status, count, documents, forms, example.

    \b
    Example:
        glossary scan chapter3.md
        glossary scan --format csv drafts/ > terms.csv
    """
    from .scan import read_documents, scan_documents

    documents, skipped = read_documents(paths, encoding=encoding)
    for reason in skipped:
        click.echo(f"skipped: {reason}", err=True)
    if documents:
        report = scan_documents(glossary.preferred_pairs(), glossary.term_aliases(), documents, new_limit=limit)
        _render_scan(report, fmt)
    if skipped:
        sys.exit(1)


def _render_scan(report, fmt: str) -> None:
    known = [
        {"kind": "known", **{k: v for k, v in t.__dict__.items() if k != "forms"}, "forms": list(t.forms)}
        for t in report.known
    ]
    new = [
        {
            "kind": "new",
            "zh": u.zh,
            "en": u.proposed_en,
            "count": u.count,
            "documents": u.documents,
            "example": u.example,
        }
        for u in report.new
    ]
    if fmt == "json":
        click.echo(json.dumps({"known": known, "new": new}, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        import csv

        columns = ["kind", "zh", "en", "abbr", "pinyin", "status", "count", "documents", "forms", "example"]
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(columns)
        for row in [*known, *new]:
            values = {**row, "forms": " ".join(row.get("forms", []))}
            out.writerow(["" if values.get(c) is None else values.get(c) for c in columns])
    else:
        from .render import table

        click.echo(f"Glossary terms ({len(known)}):")
        rows = [[t["zh"], t["en"], t["abbr"] or "", t["status"], t["count"], " ".join(t["forms"])] for t in known]
        click.echo(table(["zh", "en", "abbr", "status", "count", "as written"], rows))
        click.echo(f"\nNew terms, not in the glossary ({len(new)}):")
        rows = [[u["zh"], u["en"] or "", u["count"], u["example"] or ""] for u in new]
        click.echo(table(["zh", "proposed en", "count", "example"], rows))


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@with_glossary(create=False, readonly=True)
def stats(glossary, as_json: bool) -> None:
    """Counts of documents, terms, pairs by status and origin.

    \b
    Example:
        glossary stats
    """
    figures = glossary.stats()
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=1))
        return
    for key, value in figures.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        click.echo(f"{key.replace('_', ' ')}: {value}")


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@with_glossary(create=False, readonly=True)
def sources(glossary, as_json: bool) -> None:
    """Documents ingested, with their encoding and how many pairs each gave.

    \b
    Example:
        glossary sources
    """
    found = glossary.sources()
    if as_json:
        click.echo(json.dumps([s.__dict__ for s in found], ensure_ascii=False, indent=1))
        return
    from .render import table

    rows = [[s.path, s.title or "", s.encoding, s.chars, s.pairs, s.occurrences, s.last_ingested] for s in found]
    click.echo(table(["document", "title", "encoding", "chars", "pairs", "occurrences", "ingested"], rows, paths=[0]))


# --- browsing ---------------------------------------------------------------------------------------------


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every one).")
@click.option(
    "-p", "--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Port (0: any free one)."
)
@click.option("--open", "open_browser", is_flag=True, help="Open it in a web browser.")
@click.option(
    "--immutable",
    is_flag=True,
    help="Open the file as immutable: nothing is created beside it, but changes made while serving are not seen.",
)
@db_option
def serve(db: str | None, host: str, port: int, open_browser: bool, immutable: bool) -> None:
    """Browse and search the glossary in Datasette, read-only (needs the datasette extra).

    Serves the database as /glossary with its table and column descriptions, facets, full-text search that
    works for Chinese, and canned queries (search a term, terms awaiting translation, conflicting
    translations, recently added, terms of one document). Serving never writes the database.

    \b
    Example:
        glossary serve --open
        glossary serve --port 8080 --db team.db
    """
    from .serve import serve as run_server

    run_server(
        db,
        host=host,
        port=port,
        immutable=immutable,
        open_browser=open_browser,
        announce=lambda message: click.echo(message, err=True),
    )


# --- exchange with other term lists -----------------------------------------------------------------------


def _import_formats() -> list[str]:
    from .exchange import READERS

    return list(READERS)


def _columns(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    from .exchange.delimited import COLUMNS, SKIP

    names = tuple(name.strip() for name in value.split(","))
    unknown = [name for name in names if name not in (*COLUMNS, SKIP)]
    if unknown:
        raise click.BadParameter(f"unknown column {unknown[0]!r}; columns are {', '.join(COLUMNS)}, or - to skip one")
    if "zh" not in names or "en" not in names:
        raise click.BadParameter("name at least the zh and the en column")
    return names


def reading_options(*format_flags: str) -> Callable:
    """The options that say how to read a term list: its format (flags vary by command), columns, encoding."""

    def decorate(f: Callable) -> Callable:
        f = click.option(
            "--encoding",
            callback=_codec,
            help="Decode the file with this encoding instead of detecting it (e.g. gbk, big5).",
        )(f)
        f = click.option(
            "--columns",
            callback=_columns,
            help="The columns of a CSV or TSV file, e.g. en,zh,note (- skips one); overrides a header row.",
        )(f)
        return click.option(
            *format_flags,
            "input_format",
            type=click.Choice(_import_formats()),
            help="The file's format. Default: detected from its content and name.",
        )(f)

    return decorate


def _term_list(path: str, fmt: str | None, columns: tuple[str, ...] | None, encoding: str | None):
    """The format of a term list and its pairs (read lazily), after checking the options suit the format."""
    from .exchange import detect_format, display_name, read_head, read_pairs, reader_options
    from .model import STDIN

    # stdin is read once, here: its head tells the format, then the reader reads all of it
    content = None
    if path == STDIN:
        from .ingest import read_stdin

        content = read_stdin()
    chosen = fmt or detect_format(path, read_head(path, content=content))
    options = {"columns": columns, "encoding": encoding}
    for name, value in options.items():
        if value is not None and name not in reader_options(chosen):
            detected = "" if fmt else f" ({display_name(path)} reads as {chosen}; pass the format if it is another)"
            raise click.UsageError(f"--{name} does not apply to {chosen} files{detected}")
    return chosen, read_pairs(path, chosen, content=content, **options)


@cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@reading_options("-f", "--format")
@click.option(
    "--status",
    type=click.Choice(["approved", "candidate"]),
    help="Status of the imported pairs (default: what the file says, else candidate). approved means you "
    "vouch for the list: its pairs count as approved by hand.",
)
@with_glossary()
def import_(
    glossary,
    file: str,
    input_format: str | None,
    columns: tuple[str, ...] | None,
    encoding: str | None,
    status: str | None,
) -> None:
    """Import pairs from a term list: CSV, TSV, JSON Lines, TBX (v2 or v3), OmegaT, or a Markdown/plain list.

    FILE may be - for stdin. All or nothing: a malformed file is reported with its line and imports nothing.
    Imported pairs keep origin=imported and the file as their source. Nothing a person curated is changed,
    rejected pairs stay rejected, removed ones are not brought back; a pair for a term the glossary translates
    otherwise is reported as a conflict and added as a candidate.

    \b
    Example:
        glossary import client-terms.tbx
        glossary import TERMINOLOGY.md --status approved
        glossary import terms.csv --columns en,zh,note
        unzip -p project-export.zip terms.tbx | glossary import -
    """
    from .exchange import display_name
    from .model import STDIN

    fmt, pairs = _term_list(file, input_format, columns, encoding)
    source = display_name(file) if file == STDIN else str(Path(file).resolve())
    report = glossary.import_pairs(pairs, source=source, status=status)
    for conflict in report.conflicts:
        click.echo(
            f"conflict: {conflict.zh} = {conflict.en} ({conflict.where}); "
            f"the glossary has {', '.join(conflict.glossary)}"
        )
    others = {
        "repeated": report.repeated,
        "left as curated or rejected": report.kept,
        "removed by hand, not restored": report.suppressed,
    }
    click.echo(
        f"{display_name(file)}: {counted(report.read, 'pair')} read as {fmt}: {report.added} added, "
        f"{report.updated} updated, {report.unchanged} unchanged"
        + "".join(f"; {n} {what}" for what, n in others.items() if n)
        + (f"; {counted(len(report.conflicts), 'conflict')} (added as candidates)" if report.conflicts else ""),
        err=True,
    )


@cli.command()
@click.argument("reference", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option(
    "-f", "--format", "output_format", type=click.Choice(["table", "csv"]), default="table", show_default=True
)
@reading_options("--reference-format")
@with_glossary(create=False, readonly=True)
def diff(
    glossary,
    reference: str,
    output_format: str,
    input_format: str | None,
    columns: tuple[str, ...] | None,
    encoding: str | None,
) -> None:
    """Where the glossary disagrees with a reference term list (read like glossary import reads it).

    A glossary pair disagrees when the reference gives its Chinese term other English (kind english), its
    English other Chinese (kind chinese), or when the glossary rejected a pair the reference has (kind
    rejected). Counts of agreeing and missing pairs go to stderr. REFERENCE may be - for stdin.

    \b
    Example:
        glossary diff TERMINOLOGY.md
        glossary diff client-terms.tbx --format csv > review.csv
    """
    import csv

    from .exchange import display_name
    from .exchange.diff import compare

    _, pairs = _term_list(reference, input_format, columns, encoding)
    result = compare(glossary.entries(), pairs)
    rows = [
        [d.kind, d.zh, d.en, d.status, d.reference_zh, d.reference_en, d.reference_where] for d in result.differences
    ]
    if output_format == "csv":
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(["kind", "zh", "en", "status", "reference_zh", "reference_en", "reference_where"])
        out.writerows(rows)
    elif rows:
        from .render import table

        headers = ["kind", "zh", "en", "status", "reference", "where"]
        click.echo(table(headers, [[*row[:4], f"{row[4]} = {row[5]}", row[6]] for row in rows]))
    held = [f"{result.agreed} in the glossary"]
    held += [f"{result.rejected} rejected there"] if result.rejected else []
    held += [f"{result.missing} missing"]
    disagree = "disagrees" if len(rows) == 1 else "disagree"
    click.echo(
        f"{display_name(reference)}: {counted(result.reference_pairs, 'reference pair')}, {', '.join(held)}; "
        f"{counted(len(rows), 'glossary pair')} {disagree}",
        err=True,
    )
