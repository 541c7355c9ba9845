"""bitv.sign-language-video: the DGS page offers videos, also as downloads with size and duration.

Reads the page the homepage's "Gebärdensprache" link leads to (``context.linked
["sign_language"]``) and flags it when it has no video (<video>, or an <iframe>/<embed> from a
known video host) and when there is no download link to a video file (.mp4, .webm, .mov, .m4v,
.ogv) with the file size ("48 MB") and the duration ("4:12", "4 Minuten") in the link or the
element around it. Anlage 2 Teil 1 BITV 2.0 asks for the film to be downloadable with file
size and duration stated. Not checked (needs a person or ffprobe): the DGS logo, resolution,
frame rate, background and the signer's clothing.
A ``<video>`` without any source (a slot for a video still to come, or a player filled by
script) is flagged for review, not failed: markup alone cannot tell.
Known false positives: players that load videos by script (no <video> in the delivered HTML)
and downloads served through a generic "download.php?id=" link without a file extension.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checkers.page.bitv.applicability import easy_language_duty
from checkers.page.bitv.common import hit_at, host_allowed, link_elements
from checkers.page.dom import HtmlElement, Page, collapse, tag_of
from checkers.page.rule import PageContext, PageHit, de_en, page_rule
from checkers.page.rule_data import page_meta

VIDEO_HOSTS = (
    "youtube.com",
    "youtube-nocookie.com",
    "youtu.be",
    "vimeo.com",
    "dailymotion.com",
    "ardmediathek.de",
    "zdf.de",
    "jwplayer.com",
    "kaltura.com",
    "vimeocdn.com",
)
VIDEO_FILE = re.compile(r"\.(?:mp4|m4v|webm|mov|ogv|avi|mkv)(?:$|[?#])", re.I)
SIZE = re.compile(r"\d+(?:[,.]\d+)?\s*(?:[KMG]i?B|Kilobyte|Megabyte|Gigabyte)\b", re.I)
DURATION = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?\b|\d+(?:[,.]\d+)?\s*(?:Minuten?|Min\.?|Sekunden|Sek\.?)(?!\w)",
    re.I,
)
_AROUND = ("li", "p", "tr", "dd", "figure", "figcaption", "td")

NO_DOWNLOAD = de_en(
    "Die Videos in Gebärdensprache lassen sich nicht herunterladen: Es fehlt ein Download-Link "
    "zu einer Videodatei (z. B. MP4).",
    "The sign-language videos cannot be downloaded: a download link to a video file (e.g. MP4) "
    "is missing.",
)
VIDEO_SLOT = de_en(
    "Die Seite in Gebärdensprache ({url}) hat einen Platz für ein Video, aber das Video selbst "
    "ist im HTML nicht zu sehen. Prüfen Sie, ob ein Video geladen wird und ob es sich "
    "herunterladen lässt.",
    "The sign-language page ({url}) has a place for a video, but the video itself is not in the "
    "HTML. Check that a video is loaded and that it can be downloaded.",
)
NO_DETAILS = de_en(
    "Am Download-Link zum Gebärdensprach-Video fehlen Angaben: {missing_de}.",
    "The download link of the sign-language video lacks details: {missing_en}.",
)

META = page_meta(__file__)


def _videos(page: Page) -> list[HtmlElement]:
    found: list[HtmlElement] = []
    for el in page.iter("video", "iframe", "embed", "object"):
        if page.hidden(el):
            continue
        source = page.absolute(el.get("src") or el.get("data") or el.get("data-src"))
        kind = (el.get("type") or "").lower()
        if (
            tag_of(el) == "video"
            or host_allowed(source, VIDEO_HOSTS)
            or kind.startswith("video/")
            or bool(source and VIDEO_FILE.search(source))
        ):
            found.append(el)
    return found


def _has_source(el: HtmlElement) -> bool:
    if el.get("src") or el.get("data") or el.get("data-src"):
        return True
    return any(child.get("src") for child in el.iter("source"))


def _downloads(page: Page) -> list[HtmlElement]:
    found = []
    for el in link_elements(page):
        href = el.get("href") or ""
        kind = (el.get("type") or "").lower()
        if VIDEO_FILE.search(href) or (
            el.get("download") is not None and kind.startswith("video/")
        ):
            found.append(el)
    return found


def _around(page: Page, el: HtmlElement) -> str:
    node = el.getparent()
    for _ in range(3):
        if node is None or tag_of(node) in _AROUND:
            break
        node = node.getparent()
    target = node if node is not None else el
    return collapse(" ".join(page.texts(target)))


@page_rule(META)
def check(context: PageContext) -> Iterator[PageHit]:
    page = context.linked.get("sign_language")
    if page is None or easy_language_duty(context.bitv) == "not_required":
        return
    videos = _videos(page)
    if not videos:
        yield hit_at(context, page, params={"url": page.url or ""})
    elif not any(_has_source(video) for video in videos):
        yield hit_at(
            context,
            page,
            outcome="needs_review",
            message=VIDEO_SLOT,
            params={"url": page.url or ""},
        )
        return
    downloads = _downloads(page)
    if not downloads:
        yield hit_at(context, page, message=NO_DOWNLOAD)
        return
    for link in downloads:
        text = _around(page, link)
        missing = [
            name
            for name, pattern in (
                (("Dateigröße", "file size"), SIZE),
                (("Dauer", "duration"), DURATION),
            )
            if not pattern.search(text)
        ]
        if missing:
            yield hit_at(
                context,
                page,
                link,
                message=NO_DETAILS,
                params={
                    "missing_de": " und ".join(m[0] for m in missing),
                    "missing_en": " and ".join(m[1] for m in missing),
                },
            )
