"""Common words that resolve to a group: the resolver's precision on word lists.

Every word of each list is resolved against the bundled registry; a word that is an
alias as written (the ``exact`` method) is the registry's own choice and is not
counted. Each other word answered ``matched`` or ``ambiguous`` is a common word, a
person's name or a place the resolver took for a group's name. The lists are
the system's spelling dictionaries, read as they are packaged::

    apt install wamerican wfrench witalian wngerman wspanish wdutch wportuguese \
        hunspell-ar myspell-fa
    python benchmarks/common_words.py /usr/share/dict/american-english \
        /usr/share/hunspell/ar.dic /usr/share/hunspell/fa.dic ...

A Hunspell ``.dic`` file is read without its count line and affix flags. The
report gives, per list, the words read, how many resolved (by method), and with
``--show`` the words themselves; ``--compare OLD-CHECKOUT`` resolves the words
that resolved with either tree again with a checkout's code (``git archive``
of it, its own cache folder) and prints the words whose answer changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def read_list(path: Path) -> list[str]:
    """The words of a word list, one per line; a Hunspell ``.dic`` without its count and flags."""
    words: list[str] = []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    if path.suffix == ".dic" and lines and lines[0].strip().isdigit():
        lines = lines[1:]
    for line in lines:
        word = line.split("/")[0].strip() if path.suffix == ".dic" else line.strip()
        if word and not word[0].isdigit() and "'" not in word:
            words.append(word)
    return list(dict.fromkeys(words))


def resolve_words(tree: Path, words: list[str]) -> dict[str, list[str | None]]:
    """The non-exact answers of ``tree``'s resolver to ``words``, in a child process."""
    script = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(tree)!r})\n"
        "from aliasctl import open_resolver\n"
        "words = json.load(sys.stdin)\n"
        "r = open_resolver()\n"
        "out = {}\n"
        "for i in range(0, len(words), 20000):\n"
        "    chunk = words[i:i + 20000]\n"
        "    for w, m in zip(chunk, r.resolve_batch(chunk)):\n"
        "        if m.status != 'unresolved' and m.method != 'exact':\n"
        "            out[w] = [m.status, m.id, m.method, m.matched_alias]\n"
        "json.dump(out, sys.stdout)\n"
    )
    env = dict(os.environ)
    if tree != HERE:
        env["XDG_CACHE_HOME"] = str(Path(tempfile.gettempdir()) / ("aliasctl-words-" + hashlib.sha1(str(tree).encode()).hexdigest()[:12]))
    done = subprocess.run(
        [sys.executable, "-c", script], input=json.dumps(words), capture_output=True, text=True, env=env, check=True
    )
    answers: dict[str, list[str | None]] = json.loads(done.stdout)
    return answers


def main() -> None:
    parser = argparse.ArgumentParser(description="Common words the resolver takes for a group's name.")
    parser.add_argument("lists", nargs="+", type=Path, help="word lists (one word a line, or Hunspell .dic)")
    parser.add_argument("--show", action="store_true", help="print every word that resolved")
    parser.add_argument("--compare", metavar="OLD-CHECKOUT", help="a commit to compare with")
    args = parser.parse_args()
    total: Counter[str] = Counter()
    found: dict[str, list[str | None]] = {}
    for path in args.lists:
        words = read_list(path)
        answers = resolve_words(HERE, words)
        found.update(answers)
        methods = Counter(str(a[2]) for a in answers.values())
        total["words"] += len(words)
        total["resolved"] += len(answers)
        print(f"{path}: {len(words)} words, {len(answers)} resolved to a group "
              f"({100 * len(answers) / max(len(words), 1):.3f} %): "
              + ", ".join(f"{m} {n}" for m, n in methods.most_common()))
        if args.show:
            for word, (status, entity, method, alias) in sorted(answers.items()):
                print(f"  {word!r} -> {status} {entity or ''} ({method}, via {alias!r})")
    print(f"all lists: {total['words']} words, {total['resolved']} resolved to a group")
    if args.compare:
        with tempfile.TemporaryDirectory() as tmp:
            archive = subprocess.run(["git", "-C", str(HERE), "archive", args.compare], capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
            words = sorted({w for path in args.lists for w in read_list(path)})
            old = resolve_words(Path(tmp), words)
        print(f"{args.compare}: {len(old)} resolved to a group")
        for word in sorted(set(old) | set(found)):
            if old.get(word) != found.get(word):
                print(f"  {word!r}: {old.get(word) or 'unresolved'} -> {found.get(word) or 'unresolved'}")


if __name__ == "__main__":
    main()
