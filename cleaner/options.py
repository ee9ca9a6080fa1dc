"""Options for a cleaning run, from keyword arguments and from config files.

Config files: ``.cleaner.toml`` (top-level keys) or ``[tool.cleaner]`` in ``pyproject.toml``,
found in the current directory or its parents. Per-step options live in sub-tables named
after the step, e.g. ``[tool.cleaner.spam]`` with ``threshold = 0.8``.

>>> Options(script="zh-hans").script
'zh-hans'
>>> Options(punctuation="ascii")
Traceback (most recent call last):
...
cleaner.options.OptionsError: punctuation must be one of keep, cjk (got 'ascii')
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SCRIPTS = ("keep", "auto", "zh-hans", "zh-hant", "zh-tw", "zh-hk")
PUNCTUATION = ("keep", "cjk")


class OptionsError(ValueError):
    """An option has a value the chain does not understand."""


@dataclass(frozen=True)
class Options:
    script: str = "auto"
    punctuation: str = "cjk"
    disable: tuple[str, ...] = ()
    encoding: str | None = None
    #: step name -> that step's own options (thresholds, extra lexicon terms...)
    steps: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.script not in SCRIPTS:
            raise OptionsError(f"script must be one of {', '.join(SCRIPTS)} (got {self.script!r})")
        if self.punctuation not in PUNCTUATION:
            raise OptionsError(f"punctuation must be one of {', '.join(PUNCTUATION)} (got {self.punctuation!r})")
        if isinstance(self.disable, str):
            object.__setattr__(self, "disable", (self.disable,))
        else:
            object.__setattr__(self, "disable", tuple(self.disable))

    def for_step(self, name: str) -> Mapping[str, Any]:
        return self.steps.get(name, {})

    def merged(self, **overrides: Any) -> "Options":
        """These options with ``overrides`` applied (``None`` values are ignored)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


_TOP_LEVEL = {"script", "punctuation", "disable", "encoding"}


def options_from_mapping(table: Mapping[str, Any], source: str = "config") -> Options:
    """Build :class:`Options` from a parsed TOML table."""
    kwargs: dict[str, Any] = {}
    steps: dict[str, Mapping[str, Any]] = {}
    for key, value in table.items():
        if key in _TOP_LEVEL:
            kwargs[key] = tuple(value) if key == "disable" else value
        elif isinstance(value, Mapping):
            steps[key] = dict(value)
        else:
            raise OptionsError(f"{source}: unknown option {key!r}")
    return Options(steps=steps, **kwargs)


def find_config(start: Path | None = None) -> tuple[Path, Mapping[str, Any]] | None:
    """The nearest ``.cleaner.toml`` or ``pyproject.toml`` with a ``[tool.cleaner]`` table."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        dedicated = folder / ".cleaner.toml"
        if dedicated.is_file():
            return dedicated, _read_toml(dedicated)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("cleaner")
            if table is not None:
                return pyproject, table
    return None


def load_options(config: Path | None = None) -> Options:
    """Options from ``config`` if given, else from the nearest config file, else defaults."""
    if config is not None:
        table = _read_toml(config)
        if config.name == "pyproject.toml":
            table = table.get("tool", {}).get("cleaner", {})
        return options_from_mapping(table, str(config))
    found = find_config()
    return options_from_mapping(found[1], str(found[0])) if found else Options()


def _read_toml(path: Path) -> Mapping[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise OptionsError(f"{path}: cannot read config: {exc}") from exc
