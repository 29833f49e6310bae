"""What a source URL is: its host, whether it may be cited, and its class.

Two data files shipped with the package decide: ``data/source-denylist.txt``
(hosts never worth citing: mirrors, proxies, document dumps, dictionaries,
shorteners, aggregators, generated text, open fan wikis) and
``data/source-classes.txt`` (hosts known to be encyclopedias, official or
research sources). A listed host covers its subdomains.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources
from urllib.parse import urlsplit

#: The classes of ``source-denylist.txt``: a source of one of these is not worth citing.
DENIED_CLASSES = ("mirror", "proxy", "dump", "dictionary", "shortener", "aggregator", "generated", "wiki")
#: The class of a host that neither list names and that is not a government's.
OTHER = "other"
_OFFICIAL_TLDS = ("gov", "mil", "int")


# Most sources: a lower-case scheme and an ASCII host with neither user nor port, read here
# as urlsplit reads them (a tenth of its time: an audit reads every source of every entity).
_PLAIN_URL = re.compile(r"https?://([A-Za-z0-9.-]+)(?=[/?#]|$)")


def host_of(url: str) -> str | None:
    """The lower-case host of an ``http(s)`` URL, without ``www.`` or a trailing dot.

    ``None`` when ``url`` is not an absolute http or https URL with a host.
    """
    plain = _PLAIN_URL.match(url)
    if plain is not None and " " not in url:
        host = plain.group(1).lower().rstrip(".")
        return host.removeprefix("www.") if host.startswith("www.") else host
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host or " " in url.strip():
        return None
    host = host.rstrip(".")
    return host.removeprefix("www.") if host.startswith("www.") else host


def _read(name: str) -> dict[str, str]:
    text = resources.files("aliasctl").joinpath("data", name).read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].split()
        if len(line) >= 2:
            out[line[0].lower()] = line[1]
    return out


@cache
def denylist() -> dict[str, str]:
    """Host -> class of every host on ``source-denylist.txt``."""
    return _read("source-denylist.txt")


@cache
def known_classes() -> dict[str, str]:
    """Host -> class of every host on ``source-classes.txt``."""
    return _read("source-classes.txt")


def _lookup(host: str, table: dict[str, str]) -> str | None:
    # The host itself, then each parent domain: "a.b.example.org", "b.example.org", "example.org".
    labels = host.split(".")
    for i in range(len(labels) - 1):
        found = table.get(".".join(labels[i:]))
        if found is not None:
            return found
    return None


def denied(url: str) -> str | None:
    """The deny-list class of ``url``'s host (``mirror``, ``shortener``...), or ``None``."""
    host = host_of(url)
    return _denied_host(host) if host else None


@lru_cache(maxsize=1 << 12)
def _denied_host(host: str) -> str | None:
    # Remembered: an audit asks about every source of every entity, and most share a few hosts.
    return _lookup(host, denylist())


def source_class(url: str) -> str:
    """The class of a source: a deny-list class, a known class, ``official`` or ``other``.

    A URL that is not an http(s) URL with a host is ``not-a-url``.
    """
    host = host_of(url)
    if host is None:
        return "not-a-url"
    found = _lookup(host, denylist()) or _lookup(host, known_classes())
    if found is not None:
        return found
    labels = host.split(".")
    # state.gov, un.int, army.mil; gov.uk, nationalsecurity.gov.au, mod.mil.ng
    if labels[-1] in _OFFICIAL_TLDS or (len(labels) > 1 and labels[-2] in ("gov", "mil")):
        return "official"
    return OTHER
