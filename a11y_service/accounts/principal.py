"""Who is asking: the organisation, the role and how they signed in (API key or session).

Roles, from least to most: viewer (read), translator (may review translations), editor (may
create: translations, audits, saved texts), admin (manages people and keys). A higher role may do
everything a lower one may.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES: tuple[str, ...] = ("viewer", "translator", "editor", "admin")
# Kinds of body an organisation can be; the BITV engine knows fewer (see ``bitv_body``).
BODY_KINDS = ("municipal", "state", "federal", "school", "university", "association", "other")
ROLE_RANK = {role: rank for rank, role in enumerate(ROLES)}
ROLE_NAMES = {
    "viewer": ("Lesen", "Viewer"),
    "translator": ("Übersetzen prüfen", "Translator"),
    "editor": ("Bearbeiten", "Editor"),
    "admin": ("Verwalten", "Admin"),
}


@dataclass(frozen=True, slots=True)
class Principal:
    org_id: str
    org_slug: str
    org_name: str
    role: str
    user_id: str | None
    email: str | None
    via: str  # "key" or "session"
    # The organisation's BITV scope (defaults for page audits) and, for a key, its id and name.
    org_land: str = "bund"
    org_body_kind: str = "municipal"
    key_id: str | None = None
    key_name: str | None = None

    def can(self, role: str) -> bool:
        """True when this principal's role is ``role`` or a higher one."""
        return ROLE_RANK.get(self.role, -1) >= ROLE_RANK[role]

    @property
    def actor(self) -> str:
        """A name for "who did it" records: the e-mail address, or the key's name."""
        if self.email:
            return self.email
        return f"API-Schlüssel {self.key_name or self.key_id or ''}".strip()
