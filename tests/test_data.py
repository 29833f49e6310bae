"""The shipped registry: loads strictly, every name resolves to its own entity."""

from __future__ import annotations

from collections import defaultdict

import pytest

from aliasctl import Registry, Resolver
from aliasctl.normalize import acronym_key, key


def _shared_keys(reg: Registry) -> set[tuple[str, str]]:
    out = set()
    for ent in reg.entities:
        for a in ent.aliases:
            if a.shared:
                out.add(("A", acronym_key(a.text)) if a.type == "acronym" else ("K", key(a.text)))
    return out


def test_shipped_registry_is_large_and_sourced(shipped_registry: Registry) -> None:
    assert len(shipped_registry.entities) >= 300
    assert all(ent.sources for ent in shipped_registry.entities)
    assert not shipped_registry.problems


def test_every_name_resolves_to_its_own_entity(
    shipped_registry: Registry, shipped_resolver: Resolver
) -> None:
    shared = _shared_keys(shipped_registry)
    wrong = []
    for ent in shipped_registry.entities:
        for alias in ent.names():
            m = shipped_resolver.resolve(alias.text)
            if m.status == "matched" and m.id == ent.id:
                continue
            k = ("A", acronym_key(alias.text)) if alias.type == "acronym" else ("K", key(alias.text))
            if m.status == "ambiguous" and ent.id in {c.id for c in m.candidates} and (k in shared or alias.weak):
                continue  # a shared name names several groups; a weak one never decides alone
            wrong.append((ent.id, alias.text, m.status, m.id))
    assert wrong == []


def test_no_unshared_name_belongs_to_two_entities(shipped_registry: Registry) -> None:
    holders: dict[str, set[str]] = defaultdict(set)
    for ent in shipped_registry.entities:
        for alias in ent.names():
            if not alias.shared and alias.type != "acronym":
                holders[key(alias.text)].add(ent.id)
    clashes = {k: v for k, v in holders.items() if len(v) > 1 and k}
    shared = {k for kind, k in _shared_keys(shipped_registry) if kind == "K"}
    assert {k: v for k, v in clashes.items() if k not in shared} == {}


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        # The July 2020 Diwaniyah convoy report's spellings.
        ("Saraya Thorat al-Ashrin", "saraya-thawrat-al-ishrin-al-thani"),
        ("Sayara Thora Al-Ashrin", "saraya-thawrat-al-ishrin-al-thani"),
        ("Saraya Thurat Al-Ashrin", "saraya-thawrat-al-ishrin-al-thani"),
        ("Saraya Ashreen Thani", "saraya-thawrat-al-ishrin-al-thani"),
        ("Usbat al-Thaireen", "usbat-al-thaireen"),
        ("Ashab al-Kahaf", "ashab-al-kahf"),
        ("Kataib Hezbollah", "kataib-hezbollah"),
        ("كتائب حزب الله", "kataib-hezbollah"),
        ("Hezbollah Brigades", "kataib-hezbollah"),
    ],
)
def test_seed_report_spellings(shipped_resolver: Resolver, query: str, entity: str) -> None:
    m = shipped_resolver.resolve(query)
    assert (m.status, m.id) == ("matched", entity)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Hezbollah", "hezbollah"),  # not kataib-hezbollah
        ("al-Qaeda", "al-qaeda"),  # not aqap
        ("al-Qaeda in the Arabian Peninsula", "aqap"),  # not al-qaeda
        ("Hamas", "hamas"),  # not hamas-of-iraq
        ("Kata'ib Thawrat al-Ishrin", "1920-revolution-brigades"),  # not saraya-thawrat-al-ishrin-al-thani
        ("Saraya Thawrat al-Ishrin al-Thani", "saraya-thawrat-al-ishrin-al-thani"),  # not 1920-revolution-brigades
        ("IS", "islamic-state"),  # not islamic-state-of-iraq
    ],
)
def test_look_alike_groups_resolve_apart(shipped_resolver: Resolver, query: str, entity: str) -> None:
    m = shipped_resolver.resolve(query)
    assert (m.status, m.id, [c.id for c in m.candidates]) == ("matched", entity, [entity])


@pytest.mark.parametrize(
    "name",
    [
        "Nasrallah",  # a person, not Ansarallah
        "Talabani",  # a person, not the Taliban
        "Ajnad al-Sham",  # another Syrian group than Jund al-Sham
        "Iraqi Army",  # not the Arakan Army
        "Sabiqun",  # one consonant from al-Sadiqoun
        "Jabhat Thuwar Suriya",  # not Jabhat Tahrir Souriya
        "Homs",
        "Hama",
        "Diwaniyah",
        "Jeanne",  # an outline of two consonants, like the alias "Jennet"
        "Jeune",
    ],
)
def test_look_alike_names_are_not_matched(shipped_resolver: Resolver, name: str) -> None:
    m = shipped_resolver.resolve(name)
    assert (m.status, m.id) == ("unresolved", None)


# -- what makes the registry citable and joinable ------------------------------


def test_every_wikidata_id_is_well_formed_and_unique(shipped_registry: Registry) -> None:
    from aliasctl.registry.model import WIKIDATA_RE

    seen: dict[str, str] = {}
    for ent in shipped_registry.entities:
        qid = ent.outside_id("wikidata")
        if qid is None:
            continue
        assert isinstance(qid, str) and WIKIDATA_RE.match(qid), (ent.id, qid)
        assert qid not in seen, f"{qid} is on {seen.get(qid)} and {ent.id}"
        seen[qid] = ent.id


def test_every_source_url_parses(shipped_registry: Registry) -> None:
    from aliasctl.registry.sources import host_of

    bad = [
        (ent.id, url)
        for ent in shipped_registry.entities
        for url in (
            *ent.sources,
            *(a.source for a in ent.aliases if isinstance(a.source, str)),
            *(d.url for d in ent.designations),
        )
        if host_of(url) is None
    ]
    assert bad == []


def test_every_designation_names_a_known_list(shipped_registry: Registry) -> None:
    from aliasctl.constants import DESIGNATION_LISTS

    assert [
        (ent.id, d.code) for ent in shipped_registry.entities for d in ent.designations
        if d.code not in DESIGNATION_LISTS
    ] == []


def test_no_source_is_on_the_deny_list(shipped_registry: Registry) -> None:
    from aliasctl.registry.sources import denied

    cited = [
        (ent.id, url)
        for ent in shipped_registry.entities
        for url in (
            *ent.sources,
            *(a.source for a in ent.aliases if isinstance(a.source, str)),
            *(d.url for d in ent.designations),
        )
    ]
    assert [(eid, url, denied(url)) for eid, url in cited if denied(url)] == []


def test_every_entity_has_an_alias_or_says_why_not(shipped_registry: Registry) -> None:
    bare = [e.id for e in shipped_registry.entities if not e.aliases]
    assert [eid for eid in bare if not (shipped_registry.get(eid).notes and "AL033" in shipped_registry.get(eid).audit_ignore)] == []  # type: ignore[union-attr]


def test_seed_group_name_is_a_spelling_its_sources_show(shipped_registry: Registry) -> None:
    ent = shipped_registry.get("saraya-thawrat-al-ishrin-al-thani")
    assert ent is not None
    assert ent.name == "Saraya Thorat Al-Ashrin Al-Thaniyah"
    assert "Saraya Thurat Al-Ashrin Al-Thaniyah" not in {a.text for a in ent.aliases}
    assert all(ent.source_url(a.source) for a in ent.aliases)
    assert ent.notes is not None and " I " not in f" {ent.notes} "
