"""Files around the chain: finding inputs, reading them safely, writing outputs atomically.

Front-ends (CLI, pre-commit hook, batch runners) use these; steps never touch files.

>>> safe_relative(Path("../data/a.txt"), Path("../data/a.txt")).as_posix()
'a.txt'
>>> safe_relative(Path("corpus"), Path("corpus/x/b.txt")).as_posix()
'corpus/x/b.txt'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator, NamedTuple

#: Inputs larger than this are refused (a text file this big is almost surely not one).
DEFAULT_MAX_BYTES = 256 * 1024 * 1024


class BadInput(Exception):
    """A file that cannot be cleaned; the message is one line and names the reason."""


class InputFile(NamedTuple):
    path: Path
    #: Where its outputs go, relative to the output folder; never climbs out of it.
    relative: Path


def safe_relative(argument: Path, file: Path) -> Path:
    """The output path for ``file`` found under the command-line ``argument``.

    Relative arguments without ``..`` are mirrored as given; others (absolute, ``..``) are
    re-rooted at their last component, so outputs always stay inside the output folder.
    """
    if argument.is_absolute() or ".." in argument.parts:
        base = argument if argument != file else argument.parent
        root = Path(argument.name) if argument != file else Path()
        return root / file.relative_to(base)
    return Path(*[p for p in file.parts if p not in ("", ".")])


def iter_inputs(arguments: list[Path], skip: Path | None = None) -> Iterator[InputFile | tuple[Path, str]]:
    """Expand files and folders (recursively, skipping hidden entries and ``skip``).

    Yields :class:`InputFile` for each file, or ``(path, error)`` for an argument that does
    not exist.
    """
    skip_resolved = skip.resolve() if skip else None
    for argument in arguments:
        if argument.is_dir():
            for folder, dirs, files in os.walk(argument):
                here = Path(folder)
                dirs[:] = sorted(
                    d for d in dirs
                    if not d.startswith(".") and (skip_resolved is None or (here / d).resolve() != skip_resolved)
                )
                for name in sorted(files):
                    if not name.startswith("."):
                        file = here / name
                        yield InputFile(file, safe_relative(argument, file))
        elif argument.exists():
            yield InputFile(argument, safe_relative(argument, argument))
        else:
            yield argument, "no such file or folder"


def read_input(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a whole input file, or raise :class:`BadInput` with a one-line reason."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise BadInput(f"file too large ({size} bytes > limit {max_bytes}), skipped")
        data = path.read_bytes()
    except BadInput:
        raise
    except IsADirectoryError:
        raise BadInput("is a folder") from None
    except PermissionError:
        raise BadInput("permission denied, skipped") from None
    except OSError as exc:
        raise BadInput(f"cannot read ({exc.strerror or exc}), skipped") from None
    if not data:
        raise BadInput("empty file, skipped")
    return data


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "w"):
    """A file object whose content replaces ``path`` only when the block ends without error."""
    tmp = temporary_sibling(path)
    try:
        with open(tmp, mode, **({"encoding": "utf-8", "newline": ""} if "b" not in mode else {})) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def temporary_sibling(path: Path) -> Path:
    """A fresh temporary path next to ``path`` (for writers that want a file name)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    return Path(tmp)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never half."""
    with atomic_writer(path, "wb") as f:
        f.write(data)
