"""Which German duties apply to a site, from :class:`BitvSettings` (Land and kind of body).

* § 4 BITV 2.0 (Leichte Sprache and DGS on the homepage): never for an association or an
  "other" (non-public) body; always for a federal body; for state and municipal bodies as the
  per-Land table says (``lands.yaml``: required / not_required / needs_review).
  ``BitvSettings.require_easy_language`` overrides all of this, in both directions: a Land whose
  rule we do not know can be switched on or off per site, and an association that wants its
  Leichte-Sprache offer checked can opt in.
* The statement duties (§ 12b BGG, § 7 BITV 2.0 and the Landes-BGG equivalents) bind every public
  body (federal, state, municipal). Associations and other bodies are not public bodies under
  these laws. Decision: their statement findings are kept but lowered to ``info`` hints (a
  voluntary statement is still better when it is complete), so they never fail CI.
"""

from __future__ import annotations

from typing import Literal

from checkers.page.bitv.lands import PUBLIC_BODIES, Duty, Land, get_land, load_lands
from checkers.page.options import BODY_KINDS, BitvSettings

StatementDuty = Literal["required", "hint"]

BODY_LABELS: dict[str, tuple[str, str]] = {
    "federal": ("Stelle des Bundes", "federal body"),
    "state": ("Landesbehörde", "state body"),
    "municipal": ("Kommune", "municipality"),
    "association": ("Verein oder Verband", "association"),
    "other": ("sonstige Stelle", "other body"),
}
DEFAULT_SETTINGS = BitvSettings()


def settings_of(settings: BitvSettings | None) -> BitvSettings:
    return settings if settings is not None else DEFAULT_SETTINGS


def validate_settings(settings: BitvSettings) -> None:
    """Raise ValueError for an unknown Land, body kind or a malformed enforcement host.

    The engine should call this once before a run, so a typo is a usage error, not a crash in
    the middle of an audit.
    """
    from checkers.page.bitv.lands import is_hostname

    get_land(settings.land)
    if settings.body not in BODY_KINDS:
        raise ValueError(f"unknown body kind {settings.body!r}; use one of {BODY_KINDS}")
    for host in settings.enforcement_hosts:
        if not is_hostname(host.strip().lower()):
            raise ValueError(f"enforcement host {host!r} is not a bare hostname")


def land_of(settings: BitvSettings | None) -> Land:
    return get_land(settings_of(settings).land)


def is_public_body(settings: BitvSettings | None) -> bool:
    return settings_of(settings).body in PUBLIC_BODIES


def easy_language_duty(settings: BitvSettings | None) -> Duty:
    """Do the § 4 duties (LS and DGS explanations on the homepage) apply to this site?"""
    settings = settings_of(settings)
    if settings.require_easy_language is not None:
        return "required" if settings.require_easy_language else "not_required"
    if settings.body not in PUBLIC_BODIES:
        return "not_required"
    if settings.body == "federal":
        return "required"
    return land_of(settings).easy_language[settings.body]


def statement_duty(settings: BitvSettings | None) -> StatementDuty:
    """Public bodies must publish the statement; for others it is voluntary (hints only)."""
    return "required" if is_public_body(settings) else "hint"


def enforcement_hosts(settings: BitvSettings | None) -> tuple[str, ...]:
    """Hosts a Schlichtung/Durchsetzung link may point to: the federal list for federal bodies
    (and for ``land="bund"``), else the Land's list; plus ``BitvSettings.enforcement_hosts``."""
    settings = settings_of(settings)
    land = load_lands()["bund"] if settings.body == "federal" else land_of(settings)
    hosts: list[str] = list(land.enforcement_hosts)
    hosts.extend(h.strip().lower() for h in settings.enforcement_hosts if h.strip())
    return tuple(dict.fromkeys(hosts))


def enforcement_body(settings: BitvSettings | None) -> str | None:
    settings = settings_of(settings)
    if settings.body == "federal":
        return load_lands()["bund"].enforcement_body
    return land_of(settings).enforcement_body


def describe(settings: BitvSettings | None) -> dict[str, str]:
    """Message parameters naming the configuration a finding depends on.

    ``subject_de``/``subject_en``: "eine Kommune in Bayern", "eine Stelle des Bundes";
    ``law_de``/``law_en``: the law that asks for § 4-style duties.
    """
    settings = settings_of(settings)
    land = land_of(settings)
    de, en = BODY_LABELS.get(settings.body, (settings.body, settings.body))
    article = "einen" if settings.body == "association" else "eine"
    if settings.body == "federal":
        subject_de, subject_en = "eine Stelle des Bundes", "a federal body"
        where_de, where_en = "den Bund", "federal bodies"
    elif land.code == "bund":
        subject_de = f"{article} {de} (kein Land eingestellt)"
        subject_en = f"a {en} (no Land configured)"
        where_de, where_en = "den Bund", "federal bodies"
    else:
        subject_de, subject_en = f"{article} {de} in {land.name}", f"a {en} in {land.name}"
        where_de = where_en = land.name
    federal_law = settings.body == "federal" or land.code == "bund"
    law_de = "§ 4 BITV 2.0" if federal_law else "das Landesrecht (entsprechend § 4 BITV 2.0)"
    law_en = "§ 4 BITV 2.0" if federal_law else "Land law (following § 4 BITV 2.0)"
    if settings.require_easy_language:
        law_de = "Ihre Konfiguration (require_easy_language, nach § 4 BITV 2.0)"
        law_en = "your configuration (require_easy_language, after § 4 BITV 2.0)"
    return {
        "land": land.name,
        "land_code": land.code,
        "body_de": de,
        "body_en": en,
        "subject_de": subject_de,
        "subject_en": subject_en,
        "where_de": where_de,
        "where_en": where_en,
        "law_de": law_de,
        "law_en": law_en,
    }
