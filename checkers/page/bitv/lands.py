"""The per-Land table (``lands.yaml``): which §4 duties apply and where Schlichtung links may go.

The table is configuration, not settled law (see the YAML header). It is validated when it loads,
so a typo in a Land code, a duty value or a hostname fails loudly instead of silently turning a
check off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

Duty = Literal["required", "not_required", "needs_review"]
DUTIES: tuple[str, ...] = ("required", "not_required", "needs_review")
LAND_CODES: tuple[str, ...] = (
    "bund",
    "BW",
    "BY",
    "BE",
    "BB",
    "HB",
    "HH",
    "HE",
    "MV",
    "NI",
    "NW",
    "RP",
    "SL",
    "SN",
    "ST",
    "SH",
    "TH",
)
PUBLIC_BODIES: tuple[str, ...] = ("federal", "state", "municipal")
LANDS_FILE = Path(__file__).resolve().with_name("lands.yaml")
_HOSTNAME = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\Z")


@dataclass(frozen=True, slots=True)
class Land:
    code: str
    name: str
    easy_language: dict[str, Duty]  # body kind ("federal", "state", "municipal") -> duty
    enforcement_body: str | None
    enforcement_hosts: tuple[str, ...]


def is_hostname(value: str) -> bool:
    """A bare hostname: lower case, no scheme, port, path or wildcard."""
    return bool(_HOSTNAME.match(value))


def _land(code: str, raw: Any) -> Land:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise ValueError(f"lands.yaml: {code}: needs a mapping with a 'name'")
    duties = raw.get("easy_language")
    if not isinstance(duties, dict) or set(duties) != set(PUBLIC_BODIES):
        raise ValueError(f"lands.yaml: {code}: easy_language needs {', '.join(PUBLIC_BODIES)}")
    for body, duty in duties.items():
        if duty not in DUTIES:
            raise ValueError(f"lands.yaml: {code}.{body}: {duty!r} is not one of {DUTIES}")
    enforcement = raw.get("enforcement") or {}
    hosts = tuple(enforcement.get("hosts") or ())
    for host in hosts:
        if not isinstance(host, str) or not is_hostname(host):
            raise ValueError(f"lands.yaml: {code}: {host!r} is not a bare hostname")
    body = enforcement.get("body")
    return Land(code, raw["name"], dict(duties), body if isinstance(body, str) else None, hosts)


@lru_cache(maxsize=4)
def load_lands(path: Path = LANDS_FILE) -> dict[str, Land]:
    import yaml

    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw = document.get("lands") if isinstance(document, dict) else None
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: no 'lands' mapping")
    missing = set(LAND_CODES) - set(raw)
    unknown = set(raw) - set(LAND_CODES)
    if missing or unknown:
        raise ValueError(f"{path}: missing {sorted(missing)}, unknown {sorted(unknown)}")
    return {code: _land(code, raw[code]) for code in LAND_CODES}


def get_land(code: str | None) -> Land:
    """The Land for a code ("by" -> BY, "Bund" -> bund); an unknown code raises ValueError."""
    lands = load_lands()
    key = (code or "bund").strip()
    key = "bund" if key.lower() == "bund" else key.upper()
    if key not in lands:
        raise ValueError(f"unknown Land {code!r}; use one of {', '.join(LAND_CODES)}")
    return lands[key]
