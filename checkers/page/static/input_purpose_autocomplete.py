"""static.input-purpose-autocomplete: a field for personal data without an autocomplete token.

WCAG 1.3.5 (Identify Input Purpose), technique H98: fields that ask for the user's own name,
e-mail address, phone number, address, birth date, user name or password should say their
purpose with autocomplete (given-name, email, tel, postal-code, ...), so browsers can fill
them in and assistive tools can show familiar icons. The purpose is guessed from type
(email, tel) and from the name or id (vorname, nachname, plz, strasse, ...); the field's label
(accessible name, else placeholder or title) must suggest the same purpose: a field
name="name" labelled "Passport number" is not reported, nor one whose label suggests
another purpose than its name. A field without any label goes by its name. axe-core checks
only that a present value is valid; this rule reports fields without any value (or "on" /
"off") for review and as info: the criterion applies only to data about the user.
Fields in search or filter forms (role=search, an action with "suche"/"search", a field
named q) are skipped.
Known false positives: fields about another person (the child's first name, a recipient's
e-mail address) and search fields named like personal data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.dom import collapse, tag_of
from checkers.page.rule import PageContext, PageHit, page_rule
from checkers.page.rule_data import page_meta
from checkers.page.static._common import disabled, facts

META = page_meta(__file__)

# (name or id tokens, autocomplete token); the first match wins, so specific names come first.
_PURPOSES = (
    ({"firma", "company", "organisation", "organization", "unternehmen"}, "organization"),
    ({"vorname", "firstname", "fname", "givenname", "given-name", "first"}, "given-name"),
    ({"nachname", "lastname", "lname", "surname", "familienname", "familyname", "family-name",
      "last"}, "family-name"),
    ({"email", "e-mail", "mail", "emailadresse", "e-mail-adresse"}, "email"),
    ({"telefon", "telefonnummer", "phone", "tel", "mobil", "handy", "mobile", "telephone"},
     "tel"),
    ({"plz", "postleitzahl", "zip", "zipcode", "postcode", "postalcode", "postal-code"},
     "postal-code"),
    ({"strasse", "straße", "street", "adresse", "address", "anschrift", "hausnummer"},
     "street-address"),
    ({"wohnort", "ort", "stadt", "city", "town"}, "address-level2"),
    ({"geburtsdatum", "birthday", "birthdate", "dob", "bday", "geburtstag"}, "bday"),
    ({"benutzername", "username", "login", "benutzer", "user"}, "username"),
    ({"name", "fullname", "vollername"}, "name"),
)
# The same purposes, as words in a label (first match wins; specific phrases first).
_LABEL_PURPOSES = tuple(
    (re.compile(pattern, re.I), token)
    for pattern, token in (
        (r"\b(?:firma|firmenname|unternehmen|organisation|organization|company)\b",
         "organization"),
        (r"\b(?:vorname|vornamen|first name|given name|forename)\b", "given-name"),
        (r"\b(?:nachname|familienname|last name|surname|family name)\b", "family-name"),
        (r"\b(?:e-?mail|e-mail-adresse|emailadresse)\b", "email"),
        (r"\b(?:telefon\w*|handy\w*|mobil\w*|phone|telephone|mobile)\b", "tel"),
        (r"\b(?:plz|postleitzahl|postcode|post code|postal code|zip(?: code)?)\b",
         "postal-code"),
        (r"\b(?:stra(?:ss|ß)e\w*|hausnummer|anschrift|adresse|address|street)\b",
         "street-address"),
        (r"\b(?:wohnort|ort|stadt|city|town)\b", "address-level2"),
        (r"\b(?:geburtsdatum|geburtstag|date of birth|birthday|birth date)\b", "bday"),
        (r"\b(?:benutzername|benutzerkennung|username|user name|login)\b", "username"),
        (r"\b(?:name|full name|vollständiger name)\b", "name"),
    )
)
# Token pairs that describe the same datum (a name field labelled "Vorname", ...).
_COMPATIBLE = {("name", "given-name"), ("name", "family-name"), ("given-name", "name"),
               ("family-name", "name"), ("street-address", "address-level2")}
_TYPES = {"email": "email", "tel": "tel", "password": "current-password"}
_SPLIT = re.compile(r"[\s_\[\].]+")
_TEXT_TYPES = frozenset({"text", "email", "tel", "password", "date", "number", ""})


def label_purpose(text: str) -> str | None:
    for pattern, token in _LABEL_PURPOSES:
        if pattern.search(text):
            return token
    return None


def purpose(el) -> str | None:
    kind = (el.get("type") or "text").strip().lower()
    if kind in _TYPES:
        return _TYPES[kind]
    tokens: set[str] = set()
    for attr in ("name", "id"):
        value = (el.get(attr) or "").strip().lower()
        if value:
            tokens.update(t for t in _SPLIT.split(value) if t)
            tokens.update(t for t in re.split(r"[-]", value) if t)
            tokens.add(value)
    for names, token in _PURPOSES:
        if tokens & names:
            return token
    return None


_SEARCH_ACTION = re.compile(r"such|search|find|filter", re.I)
_SEARCH_NAMES = frozenset({"q", "s", "query", "suche", "search", "suchbegriff", "keyword"})


def in_search_form(el) -> bool:
    """Inside a search or filter form: the fields describe what to find, not the user."""
    for ancestor in el.iterancestors():
        if ancestor.get("role") == "search" or tag_of(ancestor) == "search":
            return True
        if tag_of(ancestor) == "form":
            if _SEARCH_ACTION.search(ancestor.get("action") or ""):
                return True
            return any(
                (field.get("type") or "").lower() == "search"
                or (field.get("name") or "").lower() in _SEARCH_NAMES
                for field in ancestor.iter("input")
            )
    return False


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.page
    known = facts(page)
    for el in known.tags("input"):
        kind = (el.get("type") or "text").strip().lower()
        if kind not in _TEXT_TYPES or el in known.excluded:
            continue
        current = (el.get("autocomplete") or "").strip().lower()
        if current not in ("", "on", "off"):
            continue
        if el.get("readonly") is not None or disabled(el):
            continue
        if el.get("role") in ("search", "searchbox", "combobox"):
            continue
        if in_search_form(el):
            continue
        token = purpose(el)
        if token is None:
            continue
        if kind not in _TYPES:
            label = page.accessible_name(el) or collapse(el.get("placeholder"))
            if label:
                said = label_purpose(label)
                if said is None:
                    continue  # the label names something else ("Passport number")
                if said != token and (token, said) not in _COMPATIBLE:
                    continue  # label and name disagree: no guess
                token = said
        field = el.get("name") or el.get("id") or kind
        yield PageHit(el, {"field": field, "token": token})
