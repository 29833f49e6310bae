"""Source hosts: the deny list, the classes, what a URL's host is."""

from __future__ import annotations

from importlib import resources

import pytest

from aliasctl.registry.sources import DENIED_CLASSES, denied, denylist, host_of, known_classes, source_class


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://en.wikipedia.org/wiki/Hamas", "en.wikipedia.org"),
        ("http://www.Piglix.com./w/Hamas", "piglix.com"),
        ("https://156.54.191.165/wiki/Hamas", "156.54.191.165"),
        ("en.wikipedia.org/wiki/Hamas", None),
        ("ftp://example.org/x", None),
        ("https:///nohost", None),
        ("Hamas charter, 1988", None),
        ("https://example.org/a b", None),
        ("https://[::1/x", None),
        # Read without urlsplit when plain, with it otherwise: the same hosts either way.
        ("https://WWW.Example.ORG?q=1", "example.org"),
        ("HTTPS://Example.org/x", "example.org"),
        ("https://user@example.org/x", "example.org"),
        ("https://example.org:8443/x", "example.org"),
        ("https://example.org\t/x", "example.org"),
        ("https://example.org#top", "example.org"),
    ],
)
def test_host_of(url: str, host: str | None) -> None:
    assert host_of(url) == host


@pytest.mark.parametrize(
    ("url", "cls"),
    [
        ("https://piglix.com/w/Hamas", "mirror"),
        ("https://phase2.infogalactic.com/info/Hamas", "mirror"),  # a subdomain of a listed host
        ("https://bit.ly/3abc", "shortener"),
        ("https://docslib.org/doc/1/hamas", "dump"),
        ("https://military-history.fandom.com/wiki/Hamas", "wiki"),
        ("https://en.wikipedia.org/wiki/Hamas", "encyclopedia"),
        ("https://www.state.gov/foreign-terrorist-organizations/", "official"),
        ("https://www.gov.uk/government/publications/proscribed-terror-groups", "official"),
        ("https://www.nationalsecurity.gov.au/x", "official"),
        ("https://www.longwarjournal.org/archives/1", "research"),
        ("https://www.reuters.com/world/x", "other"),
        ("not a url", "not-a-url"),
    ],
)
def test_source_class(url: str, cls: str) -> None:
    assert source_class(url) == cls


def test_a_listed_word_inside_a_host_is_not_a_match() -> None:
    # "t.co" is a shortener; "latimes.com" and "t.com" are not.
    assert denied("https://www.latimes.com/x") is None
    assert denied("https://t.com/x") is None
    assert denied("https://t.co/abc") == "shortener"


def test_data_files_use_known_classes_and_list_each_host_once() -> None:
    assert set(denylist().values()) <= set(DENIED_CLASSES)
    assert set(known_classes().values()) <= {"encyclopedia", "official", "research"}
    assert not set(denylist()) & set(known_classes())
    for name in ("source-denylist.txt", "source-classes.txt"):
        text = resources.files("aliasctl").joinpath("data", name).read_text(encoding="utf-8")
        hosts = [ln.split()[0] for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        assert len(hosts) == len(set(hosts)), name
        assert all(h == h.lower() and "/" not in h for h in hosts), name
