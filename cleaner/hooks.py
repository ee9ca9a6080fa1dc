"""pre-commit hooks: ``cleaner-fix`` rewrites staged files in place, ``cleaner-check`` only
reports. Both read options from ``.cleaner.toml`` / ``[tool.cleaner]`` like the CLI.

Exit codes follow pre-commit: 0 nothing to do, 1 a file was (or would be) changed or could
not be read.

>>> main(["--check"])
0
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Sequence

from .api import Cleaner, InputError
from .files import write_atomic
from .options import PUNCTUATION, SCRIPTS, OptionsError, load_options


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cleaner-hook", description=__doc__.split("\n\n")[0])
    parser.add_argument("filenames", nargs="*", type=Path)
    parser.add_argument("--check", action="store_true", help="report files that would change; write nothing")
    parser.add_argument("--script", choices=SCRIPTS)
    parser.add_argument("--punctuation", choices=PUNCTUATION)
    parser.add_argument("--disable", action="append", default=[], metavar="STEP")
    parser.add_argument("--config", type=Path)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        options = load_options(args.config).merged(
            script=args.script, punctuation=args.punctuation, disable=tuple(args.disable) or None
        )
        cleaner = Cleaner(options=options)
    except OptionsError as exc:
        parser.error(str(exc))
    status = 0
    for path in args.filenames:
        try:
            data = path.read_bytes()
        except OSError as exc:
            print(f"{path}: cannot read ({exc.strerror or exc})")
            status = 1
            continue
        if not data:
            continue
        try:
            result = cleaner.clean_bytes(data)
        except InputError:
            continue  # binary: not ours to judge
        if result.output() == data:
            continue
        status = 1
        steps = sorted({c.step for c in result.changes})
        if args.check:
            print(f"{path}: would be cleaned ({', '.join(steps)})")
        else:
            write_atomic(path, result.output())
            print(f"Fixing {path} ({', '.join(steps)})")
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
