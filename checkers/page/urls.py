"""URL parsing that never raises: pages link to anything, and one odd href (an unclosed IPv6
bracket, a port out of range) must not stop an audit. Such a URL splits into empty parts."""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit

_EMPTY = SplitResult("", "", "", "", "")


def split_url(url: str) -> SplitResult:
    """``urlsplit``, or empty parts when Python's parser refuses the URL."""
    try:
        return urlsplit(url)
    except ValueError:
        return _EMPTY


