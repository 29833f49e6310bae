"""The command line: exact output for each format, exit codes, errors."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from aliasctl import __version__
from aliasctl.cli import main
from aliasctl.normalize import NORMALIZER_VERSION

from .conftest import REGISTRY_FIXTURES as R

GOOD = str(R / "good.yaml")


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--registry", GOOD, *args], input=input)
    return result.exit_code, result.stdout, result.stderr


def test_lookup_tsv_when_piped() -> None:
    code, out, err = run("lookup", "Kata'ib Hizballah", "Ansar al-Sharia")
    assert code == 1
    assert err == ""
    assert out == (
        "query\tstatus\tid\tname\tscore\tmethod\tmatched_alias\tcandidates\n"
        "Kata'ib Hizballah\tmatched\tkataib-hezbollah\tKata'ib Hezbollah\t93.6\tskeleton\t"
        "Kata'ib Hezbollah\tkataib-hezbollah=93.6\n"
        "Ansar al-Sharia\tambiguous\t\t\t100.0\texact\t\t"
        "ansar-al-sharia-libya=100.0,ansar-al-sharia-tunisia=100.0\n"
    )


def test_lookup_all_matched_exits_0() -> None:
    code, out, _ = run("lookup", "KH", "Hizballah")
    assert code == 0
    assert out.splitlines()[1].split("\t")[:3] == ["KH", "matched", "kataib-hezbollah"]


def test_lookup_json_fields() -> None:
    code, out, _ = run("lookup", "--format", "json", "Hezbollah Brigades", "Nobody Knows")
    assert code == 1
    data = json.loads(out)
    assert [list(d) for d in data] == [
        ["query", "status", "id", "name", "score", "method", "matched_alias", "candidates", "reason", "registry"]
    ] * 2
    assert data[0]["registry"] == {
        "scorer": "rapidfuzz.fuzz.ratio",
        "min_score": 85.0,
        "ambiguity_margin": 3.0,
        "normalizer": NORMALIZER_VERSION,
        "registry_sha256": hashlib.sha256(Path(GOOD).read_bytes()).hexdigest(),
        "aliasctl": __version__,
    }
    assert data[0]["id"] == "kataib-hezbollah"
    assert data[0]["method"] == "exact"
    assert data[1]["status"] == "unresolved"


def test_lookup_jsonl_from_stdin() -> None:
    code, out, _ = run("lookup", "--format", "jsonl", "-", input="KH\n\nkh-old\r\nDaesh\n")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["query"], r["id"], r["method"]) for r in rows] == [
        ("KH", "kataib-hezbollah", "acronym"),
        ("kh-old", "kataib-hezbollah", "redirect"),
        ("Daesh", "islamic-state", "exact"),
    ]


def test_lookup_explain_shows_steps_and_decision() -> None:
    code, out, _ = run("lookup", "--explain", "كتائب حزب الله")
    assert code == 0
    assert "  transliterate arabic    كتائب حزب الله\n" not in out
    assert "  key                     ktab hzb ala\n" in out
    assert "  skeleton                ktbhzbl\n" in out
    assert (
        "  result                  matched: kataib-hezbollah (Kata'ib Hezbollah), exact, score 100.0\n" in out
    )


def test_lookup_escapes_control_characters_in_tsv() -> None:
    code, out, _ = run("lookup", "a\tb")
    assert code == 1
    assert out.splitlines()[1].startswith("a\\tb\tunresolved")


def test_lookup_table_never_eats_markup() -> None:
    code, out, _ = run("lookup", "--format", "table", "[bold]Jabhat[/bold] al-Nusra [al-Qaeda in Syria]")
    assert code == 1
    assert "[bold]Jabhat[/bold]" in out.replace("\n", "") or "[bold]Jabhat[/bo" in out


def test_show_entity_and_redirect() -> None:
    code, out, _ = run("show", "kh-old")
    assert code == 0
    assert out.startswith(
        "(kh-old redirects here)\nkataib-hezbollah: Kata'ib Hezbollah\n  kind: armed-group\n"
    )
    assert "    - KH  (acronym)\n" in out
    assert "    - part-of popular-mobilization-forces\n" in out


def test_show_json() -> None:
    code, out, _ = run("show", "--format", "json", "hezbollah")
    assert code == 0
    assert json.loads(out)["aliases"][0] == {"text": "Hizballah", "type": "translit"}


def test_show_cites_sources_ids_years_and_designations() -> None:
    result = CliRunner().invoke(main, ["--registry", str(R / "cited.yaml"), "show", "eta"])
    assert result.exit_code == 0
    assert result.stdout == (
        "eta: ETA\n"
        "  kind: armed-group\n"
        "  countries: ES, FR\n"
        "  active: 1959-2018  [1]\n"
        "  ids:\n"
        "    ucdp: 309\n"
        "    wikidata: Q1  [1]\n"
        "    gtd: 20001\n"
        "  aliases:\n"
        "    - Euskadi Ta Askatasuna  [1]\n"
        "    - Basque Homeland and Freedom  (translation)  [https://example.org/b]\n"
        "  designations:\n"
        "    - us-fto (1997-10-08)  https://example.org/fto\n"
        "    - eu (2001-12-27, ref 12)  https://example.org/eu\n"
        "  sources:\n"
        "    [1] https://example.org/a\n"
    )


def test_show_json_has_ids_years_and_designations() -> None:
    result = CliRunner().invoke(main, ["--registry", str(R / "cited.yaml"), "show", "--format", "json", "eta"])
    data = json.loads(result.stdout)
    assert data["ids"] == {"ucdp": 309, "wikidata": "Q1", "gtd": "20001"}
    assert data["ids_sources"] == {"wikidata": "https://example.org/a"}
    assert data["active"] == {"from": 1959, "to": 2018, "source": "https://example.org/a"}
    assert data["designations"][1] == {
        "list": "eu", "date": "2001-12-27", "ref": "12", "url": "https://example.org/eu"
    }
    assert data["aliases"][0]["source"] == "https://example.org/a"


def test_show_unknown_id_is_usage_error() -> None:
    code, _, err = run("show", "nobody")
    assert code == 2
    assert err == "aliasctl: error: no entity with id 'nobody' (try: aliasctl lookup 'nobody')\n"


def test_bad_registry_is_one_line_exit_65() -> None:
    bad = str(R / "yaml11-bool.yaml")
    result = CliRunner().invoke(main, ["--registry", bad, "lookup", "x"])
    assert result.exit_code == 65
    assert result.stderr == (
        f"aliasctl: error: {bad}:8:9: an alias of entity 'x' is NO, which YAML reads as a boolean; "
        'quote it: "NO"\n'
    )
    assert "Traceback" not in result.output


def test_missing_registry_exit_66(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--registry", str(tmp_path / "none.yaml"), "lookup", "x"])
    assert result.exit_code == 66
    assert result.stderr == f"aliasctl: error: {tmp_path / 'none.yaml'}: no such file\n"


def test_env_registry_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIASCTL_REGISTRY", GOOD)
    result = CliRunner().invoke(main, ["lookup", "kh-old"])
    assert result.exit_code == 0
    assert "\tredirect\t" in result.stdout


def test_usage_error_exit_2() -> None:
    code, _, err = run("lookup")
    assert code == 2
    assert "Missing argument" in err


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"aliasctl, version {__version__}\n"


def test_cache_is_used_and_rebuilt_on_damage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "c"
    monkeypatch.setenv("ALIASCTL_CACHE_DIR", str(cache))
    assert run("lookup", "KH")[0] == 0
    files = list(cache.glob("index-*.bin"))
    assert len(files) == 1
    good = files[0].read_bytes()
    files[0].write_bytes(good[:-5])
    assert run("lookup", "KH")[0] == 0
    assert files[0].read_bytes() == good


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ALIASCTL")}
    env.update(extra)
    return env


def test_end_to_end_pipe_to_head_no_traceback(tmp_path: Path) -> None:
    names = "\n".join(["Kataib Hezbollah"] * 20000) + "\n"
    proc = subprocess.run(
        f"{sys.executable} -m aliasctl lookup - | head -1",
        shell=True,
        input=names.encode(),
        capture_output=True,
        env=_env(NO_COLOR="1", LC_ALL="C", LANG="C", ALIASCTL_CACHE_DIR=str(tmp_path)),
        check=False,
    )
    assert proc.stdout == b"query\tstatus\tid\tname\tscore\tmethod\tmatched_alias\tcandidates\n"
    assert b"Traceback" not in proc.stderr
    assert proc.stderr == b""


def test_end_to_end_no_ansi_when_piped(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "aliasctl", "lookup", "--format", "table", "Hamas"],
        capture_output=True,
        env=_env(NO_COLOR="1", TERM="dumb", ALIASCTL_CACHE_DIR=str(tmp_path)),
        check=False,
    )
    assert b"\x1b[" not in proc.stdout
    assert "hamas" in proc.stdout.decode("utf-8")


def test_end_to_end_debug_shows_traceback(tmp_path: Path) -> None:
    bad = str(R / "syntax.yaml")
    proc = subprocess.run(
        [sys.executable, "-m", "aliasctl", "--registry", bad, "--debug", "lookup", "x"],
        capture_output=True,
        env=_env(ALIASCTL_CACHE_DIR=str(tmp_path)),
        check=False,
    )
    assert b"Traceback" in proc.stderr
    assert proc.returncode == 1  # Python's own code for an uncaught exception


def test_debug_given_in_process_raises_the_error() -> None:
    from aliasctl.errors import UsageError

    # The option as parsed decides, not the host process's own command line.
    result = CliRunner().invoke(main, ["--registry", GOOD, "--debug", "show", "no-such-id"])
    assert isinstance(result.exception, UsageError)
    assert str(result.exception) == "no entity with id 'no-such-id' (try: aliasctl lookup 'no-such-id')"
    assert result.stderr == ""
    with pytest.raises(UsageError, match="no entity with id 'no-such-id'"):
        main.main(["--registry", GOOD, "--debug", "show", "no-such-id"])


def test_without_debug_in_process_the_error_is_one_line() -> None:
    code, out, err = run("show", "no-such-id")
    assert (code, out) == (2, "")
    assert err == "aliasctl: error: no entity with id 'no-such-id' (try: aliasctl lookup 'no-such-id')\n"


def test_stats_counts_the_registry() -> None:
    code, out, _ = run("stats", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["entities"] == 10
    assert data["by_kind"] == {"armed-group": 8, "coalition": 1, "front": 1}
    assert data["by_type"]["acronym"] == 5
    assert data["by_script"]["Arabic"] == 1
    assert data["redirects"] == 1
    assert "hezbollah" in data["without_native"]
    assert "kataib-hezbollah" not in data["without_native"]
    assert len(data["without_sources"]) == 9


def test_stats_reports_provenance_sources_ids_and_designations() -> None:
    result = CliRunner().invoke(main, ["--registry", str(R / "cited.yaml"), "stats"])
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "entities without aliases: 0\n"
        "provenance: 2 of 2 aliases (100.0 %) cite a source\n"
        "sources: 1 on 1 hosts\n"
        "sources by class:\n"
        "  other      1\n"
        "sources by host:\n"
        "  example.org      1\n"
        "outside ids: 1 of 1 entities (100.0 %)\n"
        "  gtd               1\n"
        "  ucdp              1\n"
        "  wikidata          1\n"
        "designations: 1 of 1 entities (100.0 %)\n"
        "  eu                1\n"
        "  us-fto            1\n"
        "active years: 1 of 1 entities (100.0 %)\n"
    )
    result = CliRunner().invoke(main, ["--registry", str(R / "cited.yaml"), "stats", "--format", "json"])
    data = json.loads(result.stdout)
    assert (data["aliases_with_source"], data["entities_with_ids"], data["entities_with_designations"]) == (2, 1, 1)
    assert list(data["by_designation_list"].items()) == [("eu", 1), ("us-fto", 1)]


def test_stats_counts_denied_sources_by_class() -> None:
    code, out, _ = run("stats", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["aliases_with_source"] == 0
    assert sum(data["by_source_class"].values()) == data["sources"]


def test_stats_text() -> None:
    code, out, _ = run("stats")
    assert code == 0
    assert out.startswith("entities: 10\naliases: 21 (4 shared)\nredirects: 1\nentities by kind:\n")
    assert "entities without sources: 9\n" in out


def test_closed_pipe_exits_141_quietly(tmp_path: Path) -> None:
    names = "Kataib Hezbollah\n" * 100000
    proc = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m aliasctl lookup --format jsonl - | head -c 10; exit ${{PIPESTATUS[0]}}"],
        input=names.encode(), capture_output=True,
        env=_env(ALIASCTL_CACHE_DIR=str(tmp_path)), check=False,
    )
    assert proc.returncode == 141
    assert proc.stderr == b""


def test_stdin_that_is_not_utf8_is_one_located_error() -> None:
    result = CliRunner().invoke(main, ["--registry", GOOD, "lookup", "-"], input=b"Hamas\n\xff\xfeabc\n")
    assert result.exit_code == 65
    assert result.stderr == "aliasctl: error: -:2:1: not UTF-8: byte 0xFF (names on stdin must be UTF-8)\n"


def test_no_color_table_has_no_escape_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from aliasctl import output
    from aliasctl.matching.resolver import Match

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("NO_COLOR", "1")
    stream = Terminal()
    output.print_lookup_table([Match("Hamas", "matched", "hamas", "Hamas", 100.0, "exact", "Hamas")], stream)
    assert "\x1b[" not in stream.getvalue()
    assert "hamas" in stream.getvalue()


def test_a_damaged_cache_never_breaks_lookup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "c"
    monkeypatch.setenv("ALIASCTL_CACHE_DIR", str(cache))
    assert run("lookup", "KH")[0] == 0
    (entry,) = cache.glob("index-*.bin")
    entry.write_bytes(b"[" * 100000 + b"\n")
    assert run("lookup", "KH")[0] == 0


def test_main_leaves_the_sigterm_handler_as_it_found_it() -> None:
    import signal

    from click.testing import CliRunner

    from aliasctl.cli import main as cli_main

    before = signal.getsignal(signal.SIGTERM)
    CliRunner().invoke(cli_main, ["--version"])
    assert signal.getsignal(signal.SIGTERM) == before
