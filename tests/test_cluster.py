"""Clustering unknown names and reviewing the proposals."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from aliasctl import Resolver, load_registry
from aliasctl.cli import main
from aliasctl.cluster import Value, group, proposals_text, propose, review_decide, slug, well_formed
from aliasctl.cluster.review import Decision, Proposal, review_proposals
from aliasctl.errors import UsageError

from .conftest import REGISTRY_FIXTURES

GOOD = REGISTRY_FIXTURES / "good.yaml"


def texts(groups: list[list[Value]]) -> list[list[str]]:
    return [[v.text for v in g] for g in groups]


def test_group_by_key_skeleton_and_typo() -> None:
    values = [
        Value("Liwa al-Ghadab al-Jadid", 4),
        Value("Liwa al-Ghadhab al-Jadeed", 1),  # vowel drift: one skeleton
        Value("Liwa el-Ghadab el-Jadid", 2),  # the article: one key
        Value("Liwa al-Ghadab al-Jadiq", 1),  # a typo: a fuzzy neighbour
        Value("Liwa al-Ghadab", 3),  # a missing word: another group
        Value("Homs", 2),
        Value("---", 9),  # no letters: left out
    ]
    assert texts(group(values)) == [
        ["Liwa al-Ghadab al-Jadid", "Liwa el-Ghadab el-Jadid", "Liwa al-Ghadab al-Jadiq", "Liwa al-Ghadhab al-Jadeed"],
        ["Liwa al-Ghadab"],
        ["Homs"],
    ]


def test_a_rare_spelling_a_keystroke_from_a_frequent_one_is_its_typo() -> None:
    values = [
        Value("Sons of Iraq", 40),
        Value("Son sof Iraq", 2),  # a letter moved across the space
        Value("Sons o Iraq", 1),  # a letter left out of a short word
        Value("Brigade 12 Sons", 30),
        Value("Brigade 13 Sons", 2),  # a number names another unit
    ]
    assert texts(group(values)) == [
        ["Sons of Iraq", "Son sof Iraq", "Sons o Iraq"],
        ["Brigade 12 Sons"],
        ["Brigade 13 Sons"],
    ]
    # as often as the other, a spelling is a name of its own
    assert texts(group([Value("Sons of Iraq", 40), Value("Son sof Iraq", 20)])) == [["Sons of Iraq"], ["Son sof Iraq"]]
    # a letter of an abbreviation is another word: Nepal's Maoist party is not India's
    assert texts(group([Value("CPN (Maoist)", 30), Value("CPI (Maoist)", 5)])) == [["CPN (Maoist)"], ["CPI (Maoist)"]]
    # a name all in capitals is the name, not an abbreviation
    assert texts(group([Value("SONS OF IRAQ", 80), Value("Son sof Iraq", 2)])) == [["SONS OF IRAQ", "Son sof Iraq"]]


def test_a_proposal_is_named_by_its_most_frequent_well_formed_spelling() -> None:
    _, clusters = _propose([Value("HAYAT TAHRIR AL-JADID", 90), Value("Hayat Tahrir al-Jadid", 12),
                            Value("hayat tahrir al-jadid", 30)])
    assert [(c.kind, c.name, c.entity_id) for c in clusters] == [
        ("new", "Hayat Tahrir al-Jadid", "hayat-tahrir-al-jadid")
    ]
    # an acronym is written in capitals; a name of no capitals at all is taken as it is
    assert well_formed("HTS") and not well_formed("HAYAT TAHRIR") and not well_formed("hayat  tahrir")
    _, clusters = _propose([Value("hayat tahrir al-jadid", 3)])
    assert clusters[0].name == "hayat tahrir al-jadid"
    # a name of one word in capitals is taken only when no spelling has small letters
    _, clusters = _propose([Value("AL-JADIDA", 80), Value("al-Jadida", 30)])
    assert clusters[0].name == "al-Jadida"


def test_group_keeps_arabic_with_its_transliteration() -> None:
    groups = group([Value("Usbat al-Thaireen", 2), Value("عصبة الثائرين", 1), Value("Ashab al-Kahf", 1)])
    assert texts(groups) == [["Usbat al-Thaireen", "عصبة الثائرين"], ["Ashab al-Kahf"]]


def test_slug() -> None:
    assert slug("Liwa al-Ghadab al-Jadid") == "liwa-al-ghadab-al-jadid"
    assert slug("Kata'ib Sayyid") == "kataib-sayyid"
    assert slug("عصبة الثائرين") == "asba-al-tharyn"


def _propose(values: list[Value]):  # type: ignore[no-untyped-def]
    resolver = Resolver(load_registry(GOOD))
    answers = {v.text: resolver.resolve(v.text) for v in values}
    return resolver, propose(group(values), resolver, answers, resolver.index.entity_ids)


def test_propose_existing_and_new() -> None:
    resolver, clusters = _propose(
        [Value("Kataib Hesbullah", 3, [4, 9]), Value("Liwa al-Ghadab al-Jadid", 2, [5]), Value("Hezbollah", 1, [7])]
    )
    kinds = [(c.kind, c.entity_id, [v.text for v in c.new_spellings()]) for c in clusters]
    assert kinds == [
        ("existing", "kataib-hezbollah", ["Kataib Hesbullah"]),
        ("new", "liwa-al-ghadab-al-jadid", ["Liwa al-Ghadab al-Jadid"]),
        ("existing", "hezbollah", []),
    ]
    text = proposals_text(clusters, resolver, "incidents.csv")
    assert "  - id: kataib-hezbollah\n    name: Kata'ib Hezbollah\n    kind: armed-group\n" in text
    assert "      - Kataib Hesbullah\n" in text
    assert "seen 3 times in incidents.csv (rows 4, 9)" in text
    assert "  - id: liwa-al-ghadab-al-jadid\n    name: Liwa al-Ghadab al-Jadid\n" in text
    assert "id: hezbollah" not in text  # nothing new to propose
    assert text.count("    proposed: true\n") == 2
    reg = load_registry(_write(text))
    assert [e.id for e in reg.entities if e.proposed] == ["kataib-hezbollah", "liwa-al-ghadab-al-jadid"]


def test_a_name_with_another_word_is_not_an_alias_of_the_shorter_one() -> None:
    _, clusters = _propose([Value("Kataib Hezbolla al-Jadida", 2)])
    assert clusters[0].kind == "new"
    assert clusters[0].entity_id == "kataib-hezbolla-al-jadida"


def test_a_country_the_entity_is_in_does_not_make_a_new_group() -> None:
    _, clusters = _propose([Value("Kataib Hezbolla Iraq", 2)])
    assert clusters[0].kind == "existing"
    assert clusters[0].entity_id == "kataib-hezbollah"


def _write(text: str, name: str = "p.yaml") -> Path:
    import tempfile

    path = Path(tempfile.mkdtemp()) / name
    path.write_text(text, encoding="utf-8")
    return path


PROPOSALS = """# from cluster
schema: 1
entities:
  - id: liwa-x
    name: Liwa X
    kind: armed-group
    aliases: [Liwa Ex]
    notes: 'proposed: a new entity'
    proposed: true
  - id: hezbollah
    name: Hezbollah
    kind: armed-group
    aliases: [Hizbollahh]
    notes: 'proposed: 1 new spelling'
    proposed: true
  - id: kh-2
    name: Kataeb Hizbollah al-Iraq
    kind: armed-group
    proposed: true
"""


@pytest.fixture
def resolver() -> Resolver:
    return Resolver(load_registry(GOOD))


def test_review_accept_existing_drops_notes(resolver: Resolver) -> None:
    out = review_decide(PROPOSALS, entity_id="hezbollah", action="accept", value=None, resolver=resolver).text
    assert "  - id: hezbollah\n    name: Hezbollah\n    kind: armed-group\n    aliases:\n      - Hizbollahh\n  - id: kh-2" in out
    assert out.startswith("# from cluster\nschema: 1\n")


def test_review_reject_rename_and_same_as(resolver: Resolver) -> None:
    out = review_decide(PROPOSALS, entity_id="liwa-x", action="reject", value=None, resolver=resolver).text
    assert "liwa-x" not in out
    out = review_decide(PROPOSALS, entity_id="liwa-x", action="id", value="liwa-ex", resolver=resolver).text
    assert "  - id: liwa-ex\n    name: Liwa X\n" in out and out.count("proposed: true") == 3
    out = review_decide(PROPOSALS, entity_id="kh-2", action="same-as", value="kh-old", resolver=resolver).text
    assert out.endswith(
        "  - id: kataib-hezbollah\n    name: Kata'ib Hezbollah\n    kind: armed-group\n"
        "    aliases:\n      - Kataeb Hizbollah al-Iraq\n"
    )
    with pytest.raises(UsageError, match="no entity 'nobody' in the registry"):
        review_decide(PROPOSALS, entity_id="kh-2", action="same-as", value="nobody", resolver=resolver)
    with pytest.raises(UsageError, match="not a valid id"):
        review_decide(PROPOSALS, entity_id="kh-2", action="id", value="Bad Id", resolver=resolver)


def test_review_command_saves_as_it_goes_and_resumes(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(PROPOSALS, encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(main, ["--registry", str(GOOD), "review", str(path)], input="a\nq\n")
    assert first.exit_code == 0
    assert first.stdout.endswith("1 decided; 2 still proposed in " + str(path) + "\n")
    assert "    proposed: true" not in path.read_text(encoding="utf-8").split("  - id: hezbollah")[0]
    # The end of the input ends the review like q: the decision made is kept.
    second = runner.invoke(main, ["--registry", str(GOOD), "review", str(path)], input="r\n")
    assert second.exit_code == 0
    assert second.stdout.endswith("1 decided; 1 still proposed in " + str(path) + "\n")
    assert "id: hezbollah\n" not in path.read_text(encoding="utf-8")
    third = runner.invoke(main, ["--registry", str(GOOD), "review", str(path)], input="s\nnobody\ns\nkataib-hezbollah\n")
    assert third.exit_code == 0
    assert third.stderr == "aliasctl: error: no entity 'nobody' in the registry\n"
    assert third.stdout.endswith("1 decided; 0 still proposed in " + str(path) + "\n")
    reg = load_registry(path)
    assert [(e.id, e.proposed) for e in reg.entities] == [("liwa-x", False), ("kataib-hezbollah", False)]


def test_review_session_from_python(tmp_path: Path, resolver: Resolver) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(PROPOSALS, encoding="utf-8")
    answers = iter([
        Decision("skip"),                       # liwa-x: not shown again in this session
        Decision("id", "kh-2"),                 # hezbollah: the id is taken, refused
        Decision("accept"),                     # hezbollah again
        Decision("same-as", "kh-old"),          # kh-2 joins the registry's kataib-hezbollah
    ])
    shown: list[str] = []

    def show(item: Proposal | UsageError) -> None:
        shown.append(str(item) if isinstance(item, UsageError) else f"{item.entity.id} {item.known} {item.pending}")

    result = review_proposals(path, resolver, ask=lambda proposal: next(answers), show=show)
    assert shown == [
        "liwa-x False 3",
        "hezbollah True 2",
        "'kh-2' is already the id of another proposal",
        "hezbollah True 2",
        "kh-2 False 1",
    ]
    assert (result.decided, result.left) == (2, 1)
    assert [e.report for e in result.edits] == [("accept hezbollah",), ("same-as kh-2",)]
    reg = load_registry(path)
    assert [(e.id, e.proposed) for e in reg.entities] == [
        ("liwa-x", True), ("hezbollah", False), ("kataib-hezbollah", False)
    ]


def test_review_session_quits_with_the_decisions_saved(tmp_path: Path, resolver: Resolver) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(PROPOSALS, encoding="utf-8")
    answers = iter([Decision("reject"), Decision("quit")])
    result = review_proposals(path, resolver, ask=lambda proposal: next(answers), show=lambda item: None)
    assert (result.decided, result.left) == (1, 2)
    assert "liwa-x" not in path.read_text(encoding="utf-8")


INCIDENTS = (
    "date,actor,place\n"
    "2020-07-11,Sayara Thora Al-Ashrin,Diwaniyah\n"
    "2020-07-12,Liwa al-Ghadab al-Jadid,Basra\n"
    "2020-07-13,\"Liwa al-Ghadhab al-Jadeed\",Basra\n"
    "2020-07-14,Kataib Hesbullah,Baghdad\n"
    "2020-07-15,\"Liwa, al-Ghadab: al-Jadid #2\",Basra\n"
)


def test_cluster_review_merge_round_trip(tmp_path: Path) -> None:
    registry = tmp_path / "aliases.yaml"
    registry.write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    table = tmp_path / "incidents.csv"
    table.write_text(INCIDENTS, encoding="utf-8")
    proposals = tmp_path / "proposals.yaml"
    runner = CliRunner()
    base = ["--registry", str(registry)]
    result = runner.invoke(main, [*base, "cluster", str(table), "-c", "actor", "-o", str(proposals)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "aliasctl: 5 distinct values, 3 clusters: 2 new entities, 1 with new aliases of existing ones; "
        f"wrote {proposals}\n"
    )
    reg = load_registry(proposals)
    assert [(e.id, [a.text for a in e.aliases], e.proposed) for e in reg.entities] == [
        ("liwa-al-ghadab-al-jadid", ["Liwa al-Ghadhab al-Jadeed"], True),
        ("kataib-hezbollah", ["Kataib Hesbullah"], True),
        ("liwa-al-ghadab-al-jadid-2", [], True),
    ]
    assert reg.entities[2].name == "Liwa, al-Ghadab: al-Jadid #2"
    # An existing proposals file is not overwritten by accident.
    again = runner.invoke(main, [*base, "cluster", str(table), "-c", "actor", "-o", str(proposals)])
    assert again.exit_code == 2
    assert "exists" in again.stderr
    review = runner.invoke(main, [*base, "review", str(proposals)], input="a\na\nr\n")
    assert review.exit_code == 0, review.stderr
    merged = runner.invoke(main, [*base, "merge", "--from", str(proposals)])
    assert merged.exit_code == 0, merged.stderr
    lookup = runner.invoke(main, [*base, "lookup", "Kataib Hesbullah", "Liwa al-Ghadhab al-Jadeed"])
    rows = [line.split("\t")[:3] for line in lookup.stdout.splitlines()[1:]]
    assert rows == [
        ["Kataib Hesbullah", "matched", "kataib-hezbollah"],
        ["Liwa al-Ghadhab al-Jadeed", "matched", "liwa-al-ghadab-al-jadid"],
    ]


def test_cluster_reads_the_review_queue_with_its_counts(tmp_path: Path) -> None:
    queue = tmp_path / "review.csv"
    queue.write_text(
        "value,count,status,candidates,reason\n"
        "Liwa al-Ghadab al-Jadid,40,unresolved,,no alias is close enough\n"
        "'=Liwa al-Ghadhab al-Jadeed,2,unresolved,,no alias is close enough\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--registry", str(GOOD), "cluster", str(queue), "-c", "value"])
    assert result.exit_code == 0, result.stderr
    assert "seen 42 times in review.csv" in result.stdout
    assert "      - =Liwa al-Ghadhab al-Jadeed\n" in result.stdout


def test_cluster_on_a_review_queue_cites_the_rows_of_the_cleaned_table(tmp_path: Path) -> None:
    table = tmp_path / "incidents.csv"
    table.write_text(
        "actor,n\nKH,1\nKH,2\nLiwa al-Ghadab al-Jadid,3\nKH,4\nLiwa al-Ghadhab al-Jadeed,5\n"
        "Liwa al-Ghadab al-Jadid,6\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    cleaned = runner.invoke(
        main,
        ["--registry", str(GOOD), "clean", "-q", str(table), "-c", "actor",
         "-o", str(tmp_path / "out.csv"), "--review", str(tmp_path / "review.csv")],
    )
    assert cleaned.exit_code == 0, cleaned.stderr
    result = runner.invoke(main, ["--registry", str(GOOD), "cluster", str(tmp_path / "review.csv"), "-c", "value"])
    assert result.exit_code == 0, result.stderr
    # Rows 4 and 6 of incidents.csv (the header is row 1), not rows 2 and 3 of review.csv.
    assert "seen 3 times in the table reviewed in review.csv (rows 4, 6)" in result.stdout


def test_cluster_bad_column_is_a_usage_error(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(INCIDENTS, encoding="utf-8")
    result = CliRunner().invoke(main, ["--registry", str(GOOD), "cluster", str(table), "-c", "group"])
    assert result.exit_code == 2
    assert result.stderr == "aliasctl: error: no column 'group' in the header (columns: date, actor, place)\n"


def test_cluster_reads_xlsx_jsonl_and_parquet(tmp_path: Path) -> None:
    import json

    from openpyxl import Workbook

    names = ["Liwa al-Ghadab al-Jadid", "Liwa al-Ghadhab al-Jadeed"]
    wb = Workbook()
    ws = wb.active
    ws.append(["date", "actor"])
    for n in names:
        ws.append(["2020-07-12", n])
    wb.save(tmp_path / "t.xlsx")
    (tmp_path / "t.jsonl").write_text("".join(json.dumps({"actor": n}) + "\n" for n in names), encoding="utf-8")
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"actor": names, "n": [1, 2]}), tmp_path / "t.parquet")
    for name in ("t.xlsx", "t.jsonl", "t.parquet"):
        result = CliRunner().invoke(main, ["--registry", str(GOOD), "cluster", str(tmp_path / name), "-c", "actor"])
        assert result.exit_code == 0, (name, result.stderr)
        assert "  - id: liwa-al-ghadab-al-jadid\n" in result.stdout, name
        assert "      - Liwa al-Ghadhab al-Jadeed\n" in result.stdout, name
    bad = CliRunner().invoke(main, ["--registry", str(GOOD), "cluster", str(tmp_path / "t.jsonl"), "-c", "group"])
    assert bad.exit_code == 2
    num = CliRunner().invoke(main, ["--registry", str(GOOD), "cluster", str(tmp_path / "t.parquet"), "-c", "n"])
    assert num.exit_code == 2
    assert "holds int64, not text" in num.stderr


def test_cluster_opens_its_input_as_clean_does(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(main, ["--registry", str(GOOD), "cluster", str(tmp_path / "t.parquet"), "-c", "actor"])
    assert missing.exit_code == 66
    assert missing.stderr == f"aliasctl: error: {tmp_path / 't.parquet'}: no such file\n"
    piped = runner.invoke(
        main, ["--registry", str(GOOD), "cluster", "-", "--input-format", "xlsx", "-c", "actor"], input=b"PK"
    )
    assert piped.exit_code == 2
    assert piped.stderr == "aliasctl: error: xlsx cannot be read from stdin: give a file name\n"


def test_cluster_quotes_ids_yaml_would_misread_and_joins_lines(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text('actor\nyes\n"Multi\nLine Group"\n', encoding="utf-8")
    proposals = tmp_path / "p.yaml"
    result = CliRunner().invoke(
        main, ["--registry", str(GOOD), "cluster", str(table), "-c", "actor", "-o", str(proposals)]
    )
    assert result.exit_code == 0, result.stderr
    reg = load_registry(proposals)
    assert sorted((e.id, e.name) for e in reg.entities) == [("multi-line-group", "Multi Line Group"), ("yes", "yes")]


def test_cluster_never_writes_over_its_input(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(INCIDENTS, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--registry", str(GOOD), "cluster", str(table), "-c", "actor", "-o", str(table), "--force"]
    )
    assert result.exit_code == 2
    assert table.read_text(encoding="utf-8") == INCIDENTS


def test_cluster_refuses_a_value_past_the_limit(tmp_path: Path) -> None:
    import json

    (tmp_path / "in.jsonl").write_text(
        json.dumps({"actor": "Liwa al-Ghadab"}) + "\n" + json.dumps({"actor": "A" * 131_073}) + "\n"
    )
    result = CliRunner().invoke(main, ["--registry", str(GOOD), "cluster", str(tmp_path / "in.jsonl"), "-c", "actor"])
    assert result.exit_code == 65
    assert result.stderr == (
        f"aliasctl: error: {tmp_path / 'in.jsonl'}:2: a value of 131,073 characters: "
        "aliasctl resolves values of at most 131,072\n"
    )


def test_the_same_words_in_another_order_or_with_translated_head_words_join() -> None:
    groups = group([Value("Kataib Hezbollah Nujaba", 3), Value("Hezbollah Nujaba Brigades", 2)])
    assert [sorted(v.text for v in g) for g in groups] == [["Hezbollah Nujaba Brigades", "Kataib Hezbollah Nujaba"]]


def test_translated_distinguishing_words_or_a_word_set_aside_do_not_join() -> None:
    # Over a table's unknown names nothing says which words are distinctive: these stay apart.
    groups = group([Value("Jaysh al-Fursan", 3), Value("Army of the Knights", 2), Value("Fursan Hawks Brigade", 1)])
    assert len(groups) == 3



def test_verdicts_of_both_cores_are_those_of_one() -> None:
    from aliasctl.cluster.forked import MIN_FORKED, verdicts

    items = [(i, i * 7 % 13) for i in range(MIN_FORKED * 2 + 11)]
    assert verdicts(lambda pair: pair[1] < 4, items) == bytes(pair[1] < 4 for pair in items)


def test_a_word_written_as_two_joins_and_the_names_sharing_either_half_stay_apart() -> None:
    others = [Value(f"{x} {w}", 1) for x in ("Ras", "Kamboni") for w in ("Hamza", "Tariq", "Furqan")]
    groups = [sorted(v.text for v in g) for g in group([Value("Raskamboni Tawhid", 3), Value("Ras Kamboni Tawhid", 2), *others])]
    assert groups[0] == ["Ras Kamboni Tawhid", "Raskamboni Tawhid"]
    assert all(len(g) == 1 for g in groups[1:]) and len(groups) == 7


def test_a_job_beside_the_parent_gives_what_it_gives_in_the_parent() -> None:
    from aliasctl.cluster.forked import beside

    for worth in (True, False):
        with beside(lambda: sorted({i * 7 % 13 for i in range(100)}), worth=worth) as later:
            assert later() == list(range(13))


def _joined_by_the_word_stage(one: str, two: str) -> bool:
    from aliasctl.matching.alignment import HEAD, align, analyse

    for q, a in ((one, two), (two, one)):
        al = align(analyse(q), analyse(a))
        if isinstance(al, str) or al.drops or al.acronyms:
            continue
        if not any(p.how == "concept" and p.query.kind != HEAD for p in al.pairs):
            return True
    return False


def test_pairs_set_aside_before_aligning_are_never_joined_by_the_word_stage(shipped_registry) -> None:  # type: ignore[no-untyped-def]
    from aliasctl import normalize
    from aliasctl.cluster.grouping import _may_join, _Near, _Shape
    from aliasctl.matching.alignment import analyse

    # Each alias of the bundled registry beside the other aliases of its entity, and beside
    # itself with a word dropped, two words written together, a word abbreviated, one added.
    pairs = []
    for ent in shipped_registry.entities:
        keys = [k for k in dict.fromkeys(normalize.keys(n).key for n in (ent.name, *(a.text for a in ent.aliases))) if k]
        for k in keys:
            ws = k.split()
            variants = [o for o in keys if o != k]
            variants += [" ".join(ws[:i] + ws[i + 1 :]) for i in range(len(ws))]
            variants += [" ".join([*ws[:i], ws[i] + ws[i + 1], *ws[i + 2 :]]) for i in range(len(ws) - 1)]
            variants += [" ".join([*ws[:i], ws[i][0] + ws[i + 1][0] + ws[i + 2][0], *ws[i + 3 :]]) for i in range(len(ws) - 2)]
            variants += [f"{k} shura", f"jabha {k}", f"{k} brigade"]
            pairs += [(k, v) for v in variants if v]
    near = _Near()
    refused = joined = 0
    for one, two in pairs:
        if _joined_by_the_word_stage(one, two):
            joined += 1
            assert _may_join(_Shape(analyse(one)), _Shape(analyse(two)), near), (one, two)
        elif not _may_join(_Shape(analyse(one)), _Shape(analyse(two)), near):
            refused += 1
    # Most pairs the word stage refuses are set aside before it is asked; none it joins is.
    assert joined > 500 and refused > len(pairs) // 2


def test_keys_worked_out_on_both_cores_are_those_of_one() -> None:
    from aliasctl import normalize
    from aliasctl.cluster.forked import MIN_FORKED
    from aliasctl.cluster.grouping import _keys

    texts = [f"Kata'ib {n} al-Ḥaqq {'لواء' if n % 3 else ''}" for n in range(2 * MIN_FORKED + 5)]
    assert _keys(texts) == [normalize.keys(t) for t in texts]


def test_values_resolved_on_two_cores_get_the_answers_of_one(small_resolver) -> None:  # type: ignore[no-untyped-def]
    from aliasctl.cluster.forked import MIN_FORKED
    from aliasctl.cluster.grouping import _resolve_all

    names = ["Kataib Hezbollah", "Kata'ib Hizballah", "Hezbollah Brigades", "al-Qaida", "Unknown Front", "PMF", "KH"]
    # Each name as written, then with a number after it: as many distinct values as forking needs.
    texts = names + [f"{names[i % len(names)]} {i}" for i in range(2 * MIN_FORKED)]
    assert len(texts) >= 2 * MIN_FORKED  # enough to fork
    answers = _resolve_all(small_resolver, texts)
    assert answers == small_resolver.resolve_batch(texts)
    assert any(m.status == "matched" for m in answers)
