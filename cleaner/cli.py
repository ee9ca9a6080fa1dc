"""The ``cleaner`` command: clean, check, detect, steps.

Exit codes: 0 ok; 1 changes found (``check``, ``clean --in-place``); 2 bad usage, or an input
that could not be read or decoded cleanly (the batch goes on; each problem is one line on
stderr naming the file).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable, Iterator

import click

from . import reports
from .api import Cleaner, InputError
from .core import CleanResult
from .corpus import CORPUS_SUFFIXES, clean_jsonl, clean_parquet, iter_parquet_texts
from .files import (DEFAULT_MAX_BYTES, BadInput, InputFile, atomic_writer, iter_inputs, read_input,
                    temporary_sibling, write_atomic)
from .steps.boilerplate import repeated_lines
from .options import PUNCTUATION, SCRIPTS, Options, OptionsError, load_options
from .parallel import available_jobs, clean_files, clean_texts
from .steps import STEP_NAMES, describe

EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2


class Outcome:
    """Tracks the batch's exit code while files are processed."""

    def __init__(self) -> None:
        self.errors = 0
        self.changed = 0

    def error(self, path: Any, message: str) -> None:
        self.errors += 1
        click.echo(f"cleaner: {path}: {message}", err=True)

    def warn(self, path: Any, message: str) -> None:
        # Lossy decoding still produces output, but the exit code must say something was lost.
        self.errors += 1
        click.echo(f"cleaner: {path}: warning: {message}", err=True)

    def code(self, changes_fail: bool) -> int:
        if self.errors:
            return EXIT_ERROR
        if changes_fail and self.changed:
            return EXIT_CHANGED
        return EXIT_OK


def _options(ctx: click.Context, config: Path | None, **cli: Any) -> Options:
    try:
        base = load_options(config)
        disable = tuple(cli.pop("disable") or ()) or None
        return base.merged(disable=disable, **cli)
    except OptionsError as exc:
        raise click.UsageError(str(exc), ctx) from None


jobs_option = click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
                           help="Processes to clean on (0: every core); the output is the same as with one.")


def chain_options(func: Any) -> Any:
    """The options every command that runs the chain shares."""
    decorators = [
        click.option("--script", type=click.Choice(SCRIPTS), help="Script unification (default from config, else auto)."),
        click.option("--punctuation", type=click.Choice(PUNCTUATION), help="CJK punctuation (default from config, else cjk)."),
        click.option("--disable", multiple=True, metavar="STEP", help=f"Skip a step (repeatable): {', '.join(STEP_NAMES[1:])}."),
        click.option("--encoding", metavar="NAME", help="Input encoding; skips detection (e.g. gbk, big5)."),
        click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="Config file (.cleaner.toml or pyproject.toml); default: nearest one."),
        click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
                     help="Refuse inputs larger than this."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _make_cleaner(ctx: click.Context, config: Path | None, script: str | None, punctuation: str | None,
                  disable: tuple[str, ...], encoding: str | None) -> Cleaner:
    options = _options(ctx, config, script=script, punctuation=punctuation, disable=disable, encoding=encoding)
    try:
        return Cleaner(options=options)
    except OptionsError as exc:
        raise click.UsageError(str(exc), ctx) from None


def _cleaned(cleaner: Cleaner, items: list[InputFile], max_bytes: int, jobs: int,
             outcome: Outcome) -> Iterator[tuple[InputFile, CleanResult]]:
    """Each file that could be cleaned, with its result, in order (on ``jobs`` processes); the
    others are reported, and a lossy decode is reported as a warning."""
    # The results first: zip then runs them to their end, which lets the workers go.
    for result, item in zip(clean_files(cleaner, [item.path for item in items], max_bytes, jobs), items):
        if isinstance(result, (BadInput, InputError)):
            outcome.error(item.path, str(result))
            continue
        if result.decode and result.decode.get("lossy_bytes"):
            offsets = ", ".join(map(str, result.decode["lossy_offsets"][:5]))
            outcome.warn(item.path, f"{result.decode['lossy_bytes']} undecodable byte(s) replaced with U+FFFD "
                                    f"(first at offset {offsets}); decoded as {result.encoding}")
        yield item, result


def _inputs(paths: Iterable[Path], outcome: Outcome, skip: Path | None = None) -> Iterable[InputFile]:
    for item in iter_inputs(list(paths), skip=skip):
        if isinstance(item, InputFile):
            yield item
        else:
            outcome.error(item[0], item[1])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cleaner", prog_name="cleaner")
def main() -> None:
    """Clean scraped, damaged (mostly Chinese) text into UTF-8, with a report of every change."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True))
@click.option("-o", "--output", "output_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("cleaned"), show_default=True, help="Folder for clean files and reports.")
@click.option("--in-place", is_flag=True, help="Rewrite the inputs themselves (no reports); exit 1 if any changed.")
@click.option("--report", "report_formats", multiple=True, type=click.Choice(reports.REPORT_FORMATS),
              help="Reports to write next to each clean file (repeatable; default: diff and json).")
@click.option("--text-field", default="text", show_default=True,
              help="The text field of .jsonl records / column of .parquet files.")
@click.option("--site-chrome/--no-site-chrome", default=True, show_default=True,
              help="In a batch of 3+ files, remove short lines repeated across many of them (a site's chrome).")
@jobs_option
@chain_options
@click.pass_context
def clean(ctx: click.Context, paths: tuple[Path, ...], output_dir: Path, in_place: bool,
          report_formats: tuple[str, ...], text_field: str, site_chrome: bool, jobs: int, script: str | None,
          punctuation: str | None, disable: tuple[str, ...], encoding: str | None, config: Path | None,
          max_bytes: int) -> None:
    """Clean files and folders; write UTF-8 copies plus reports under -o (or in place).

    PATH may be '-' to read stdin and write the clean text to stdout.
    """
    cleaner = _make_cleaner(ctx, config, script, punctuation, disable, encoding)
    outcome = Outcome()
    formats = report_formats or ("diff", "json")
    jobs = jobs or available_jobs()
    if Path("-") in paths:
        if len(paths) > 1:
            raise click.UsageError("'-' (stdin) cannot be combined with other paths", ctx)
        try:
            result = cleaner.clean_bytes(sys.stdin.buffer.read())
        except InputError as exc:
            outcome.error("<stdin>", str(exc))
            ctx.exit(outcome.code(False))
        sys.stdout.buffer.write(result.output())
        ctx.exit(EXIT_OK)
    items = list(_inputs(paths, outcome, skip=None if in_place else output_dir))
    plain = [item for item in items if item.path.suffix.lower() not in CORPUS_SUFFIXES]
    if site_chrome and len(plain) >= 3:
        cleaner = _with_site_chrome(cleaner, plain, max_bytes)
    with _reporting_dead_workers(outcome):
        for item, result in _cleaned(cleaner, plain, max_bytes, jobs, outcome):
            _write_clean_file(item, result, output_dir, in_place, formats, outcome)
        for item in items:
            if item.path.suffix.lower() in CORPUS_SUFFIXES:
                _clean_corpus(cleaner, item, output_dir, in_place, formats, text_field, outcome, jobs)
    if not in_place:
        click.echo(f"cleaned {outcome.changed} changed file(s) into {output_dir}/"
                   + (f"; {outcome.errors} problem(s)" if outcome.errors else ""), err=True)
    ctx.exit(outcome.code(changes_fail=in_place))


@contextlib.contextmanager
def _reporting_dead_workers(outcome: Outcome) -> Iterator[None]:
    """A worker process that died (killed for memory, say) is one line of error, not a crash;
    the files it left are not cleaned."""
    try:
        yield
    except BrokenProcessPool:
        outcome.error("--jobs", "a worker process died (out of memory?); the files after it were not cleaned: "
                                "rerun them with --jobs 1 to find the one that kills it")


def _write_clean_file(item: InputFile, result: CleanResult, output_dir: Path, in_place: bool,
                      formats: tuple[str, ...], outcome: Outcome) -> None:
    try:
        if in_place:
            if result.changed:
                write_atomic(item.path, result.output())
                outcome.changed += 1
                click.echo(f"fixed {item.path} ({_summary(result)})")
            return
        target = output_dir / item.relative
        write_atomic(target, result.output())
        name = item.relative.as_posix()
        for fmt in formats:
            write_atomic(target.with_name(target.name + reports.REPORT_SUFFIX[fmt]),
                         reports.render(result, name, fmt).encode("utf-8"))
        if result.changed:
            outcome.changed += 1
    except OSError as exc:
        outcome.error(item.path, f"cannot write output ({exc.strerror or exc})")


def _with_site_chrome(cleaner: Cleaner, items: list[InputFile], max_bytes: int) -> Cleaner:
    """A cleaner whose boilerplate step also knows the lines repeated across this batch."""
    if "boilerplate" in cleaner.options.disable:
        return cleaner
    texts = []
    for item in items:
        try:
            decoded = cleaner.decode(read_input(item.path, max_bytes))
        except BadInput:
            continue  # reported when the file itself is cleaned
        if not decoded.binary:
            texts.append(decoded.text)
    chrome = repeated_lines(texts)
    if not chrome:
        return cleaner
    steps = {k: dict(v) for k, v in cleaner.options.steps.items()}
    steps.setdefault("boilerplate", {})["repeated_lines"] = sorted(chrome)
    return Cleaner(options=replace(cleaner.options, steps=steps))


def _clean_corpus(cleaner: Cleaner, item: InputFile, output_dir: Path, in_place: bool, formats: tuple[str, ...],
                  text_field: str, outcome: Outcome, jobs: int = 1) -> None:
    """A .jsonl or .parquet corpus: every record cleaned, one report entry per changed record."""
    target = item.path if in_place else output_dir / item.relative
    name = item.relative.as_posix()
    report_entries: list[str] = []
    diffs: list[str] = []

    def on_result(number: int, result: CleanResult) -> None:
        if result.changed and not in_place:
            if "json" in formats or "html" in formats:
                report_entries.append(json.dumps({"record": number, **result.to_dict()}, ensure_ascii=False))
            if "diff" in formats:
                diffs.append(reports.unified_diff(result, f"{name}#{number}"))

    try:
        if item.path.suffix.lower() == ".jsonl":
            with item.path.open(encoding="utf-8", errors="replace") as source, atomic_writer(target) as sink:
                stats = clean_jsonl(source, sink, cleaner, text_field, on_result, jobs)
        else:
            tmp = temporary_sibling(target)
            try:
                stats = clean_parquet(str(item.path), str(tmp), cleaner, text_field, on_result, jobs)
                os.replace(tmp, target)
            finally:
                if tmp.exists():
                    tmp.unlink()
    except (OSError, ValueError, RuntimeError) as exc:
        outcome.error(item.path, f"cannot clean corpus ({exc})")
        return
    except Exception as exc:  # pyarrow raises its own errors for damaged files
        outcome.error(item.path, f"cannot read corpus ({type(exc).__name__}: {exc})")
        return
    for error in stats.errors[:20]:
        outcome.error(item.path, f"{error}; passed through unchanged")
    if stats.changed:
        outcome.changed += 1
    if in_place:
        if stats.changed:
            click.echo(f"fixed {item.path} ({stats.changed} of {stats.records} records)")
        return
    if "json" in formats or "html" in formats:
        write_atomic(target.with_name(target.name + ".report.jsonl"), "".join(e + "\n" for e in report_entries).encode())
    if "diff" in formats:
        write_atomic(target.with_name(target.name + ".diff"), "".join(diffs).encode("utf-8"))


def _summary(result: CleanResult) -> str:
    steps: dict[str, int] = {}
    for change in result.changes:
        steps[change.step] = steps.get(change.step, 0) + 1
    return ", ".join(f"{step}: {n}" for step, n in steps.items())


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--text-field", default="text", show_default=True,
              help="The text field of .jsonl records / column of .parquet files.")
@jobs_option
@chain_options
@click.pass_context
def check(ctx: click.Context, paths: tuple[Path, ...], text_field: str, jobs: int, script: str | None,
          punctuation: str | None, disable: tuple[str, ...], encoding: str | None, config: Path | None,
          max_bytes: int) -> None:
    """Write nothing; list files that cleaning would change. Exit 1 if any would."""
    cleaner = _make_cleaner(ctx, config, script, punctuation, disable, encoding)
    outcome = Outcome()
    jobs = jobs or available_jobs()
    items = list(_inputs(paths, outcome))
    plain = [item for item in items if item.path.suffix.lower() not in CORPUS_SUFFIXES]
    with _reporting_dead_workers(outcome):
        for item, result in _cleaned(cleaner, plain, max_bytes, jobs, outcome):
            if result.changed:
                outcome.changed += 1
                click.echo(f"would change {item.path} ({_summary(result)})")
        for item in items:
            if item.path.suffix.lower() in CORPUS_SUFFIXES:
                changed = _check_corpus(cleaner, item, text_field, outcome, jobs)
                if changed:
                    outcome.changed += 1
                    click.echo(f"would change {item.path} ({changed} record(s))")
    ctx.exit(outcome.code(changes_fail=True))


def _check_corpus(cleaner: Cleaner, item: InputFile, text_field: str, outcome: Outcome, jobs: int = 1) -> int:
    """How many records of a corpus file cleaning would change (nothing is written)."""
    try:
        if item.path.suffix.lower() == ".jsonl":
            with item.path.open(encoding="utf-8", errors="replace") as source:
                stats = clean_jsonl(source, io.StringIO(), cleaner, text_field, jobs=jobs)
            for error in stats.errors[:20]:
                outcome.error(item.path, error)
            return stats.changed
        return sum(result.changed for result in clean_texts(cleaner, iter_parquet_texts(str(item.path), text_field), jobs))
    except Exception as exc:  # a damaged corpus file is one line of error, never a crash
        outcome.error(item.path, f"cannot read corpus ({type(exc).__name__}: {exc})")
        return 0


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file (JSON Lines).")
@chain_options
@click.pass_context
def detect(ctx: click.Context, paths: tuple[Path, ...], as_json: bool, script: str | None, punctuation: str | None,
           disable: tuple[str, ...], encoding: str | None, config: Path | None, max_bytes: int) -> None:
    """Show each file's encoding (with confidence and runner-up), script and findings."""
    cleaner = _make_cleaner(ctx, config, script, punctuation, disable, encoding)
    outcome = Outcome()
    for item in _inputs(paths, outcome):
        try:
            data = read_input(item.path, max_bytes)
        except BadInput as exc:
            outcome.error(item.path, str(exc))
            continue
        decoded = cleaner.decode(data)
        if decoded.binary:
            outcome.error(item.path, f"binary file ({decoded.binary}), skipped")
            continue
        result = cleaner.clean_text(decoded.text)
        info = {"file": str(item.path), **decoded.to_dict(),
                "findings": [f.to_dict() for f in result.findings],
                "would_change": [c.to_dict() for c in result.changes]}
        if as_json:
            click.echo(json.dumps(info, ensure_ascii=False))
            continue
        runner = f", runner-up {decoded.runner_up}" if decoded.runner_up else ""
        lossy = f", {len(decoded.lossy_offsets)} undecodable byte(s)" if decoded.lossy_offsets else ""
        click.echo(f"{item.path}: {decoded.encoding} (confidence {decoded.confidence:.2f}{runner}{lossy}; {decoded.method})")
        if decoded.mixed:
            for first, last, enc in decoded.segments:
                click.echo(f"  lines {first}-{last}: {enc}")
        for finding in result.findings:
            click.echo(f"  {finding.step}: {finding.kind} line {finding.line}: {finding.text[:60]}"
                       + (f" {dict(finding.detail)}" if finding.detail else ""))
        steps: dict[str, int] = {}
        for change in result.changes:
            steps[change.step] = steps.get(change.step, 0) + 1
        if steps:
            click.echo("  would change: " + ", ".join(f"{k} {v}" for k, v in steps.items()))
    ctx.exit(outcome.code(changes_fail=False))


@main.command()
def steps() -> None:
    """List the chain's steps in order."""
    width = max(len(name) for name, _, _ in describe())
    for name, description, style in describe():
        click.echo(f"{name:<{width}}  {'[style] ' if style else ''}{description}")


if __name__ == "__main__":  # pragma: no cover
    main()
