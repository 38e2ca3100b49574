"""The query language of the search box, the pickers and the keyword-in-context box.

    biển đảo                 one phrase: the words in this order, side by side ("biển, đảo" too).
                             Vietnamese words run over several syllables ("thông tin đối ngoại"),
                             so a run of words is a phrase, never words scattered over an article
    "biển đảo" "Trường Sa"   quoted phrases; two of them side by side must both be there (AND)
    biển đảo AND Trường Sa   the same without quotes (also VÀ)
    Lào OR Campuchia         either phrase (also HOẶC, |)
    NOT Trung Quốc, -Mỹ      leave out articles with the phrase (also KHÔNG)

Operators are recognised in capitals only: "và", "hoặc", "không" in lower case are words of
the phrase. Each phrase is widened to its spelling variants from assets/search_variants.txt
(Campuchia = Cam-pu-chia). Pure: parsing never fails; what it cannot read it takes as words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .keys import search_key
from .variants import Groups, widen

OR_WORDS = frozenset({"OR", "HOẶC", "|"})
NOT_WORDS = frozenset({"NOT", "KHÔNG"})
AND_WORDS = frozenset({"AND", "VÀ", "&"})
# a "quoted phrase" (straight or curly quotes), else one whitespace-separated word
TOKEN_RE = re.compile(r'"([^"]*)"?|“([^”]*)”?|(\S+)')


@dataclass(frozen=True)
class Phrase:
    text: str  # as the user typed it (shown back, e.g. in the filter sentence)
    keys: tuple[str, ...]  # padded search keys of the phrase and of its spelling variants


@dataclass(frozen=True)
class Clause:
    phrases: tuple[Phrase, ...]  # any one of them (OR)
    negated: bool = False  # NOT: articles with any of them are left out


@dataclass(frozen=True)
class Query:
    clauses: tuple[Clause, ...] = ()  # all of them (AND)

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    @property
    def phrases(self) -> tuple[Phrase, ...]:
        """Every phrase that must or may be there (not the NOT ones)."""
        return tuple(p for c in self.clauses if not c.negated for p in c.phrases)

    @property
    def positive_keys(self) -> tuple[str, ...]:
        """Keys of every phrase that must or may be there: what a highlighter marks."""
        return tuple(k for c in self.clauses if not c.negated for p in c.phrases for k in p.keys)


def _phrase(text: str, groups: Groups | None) -> Phrase | None:
    key = search_key(text)
    if not key.strip():
        return None
    return Phrase(text.strip(), widen(key, groups))


def _items(text: str) -> list[tuple[str, str]]:
    """("phrase", text) and ("op", OR/NOT/AND) items: runs of plain words become one phrase."""
    items: list[tuple[str, str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            items.append(("phrase", " ".join(run)))
            run.clear()

    for m in TOKEN_RE.finditer(text or ""):
        quoted = m.group(1) if m.group(1) is not None else m.group(2)
        word = m.group(3)
        if quoted is not None:
            flush()
            items.append(("phrase", quoted))
        elif word in OR_WORDS or word in NOT_WORDS or word in AND_WORDS:
            flush()
            items.append(("op", "OR" if word in OR_WORDS else "NOT" if word in NOT_WORDS else "AND"))
        elif word.startswith("-") and len(word) > 1:  # "-Mỹ": NOT ("Cam-pu-chia" has its hyphens inside)
            flush()
            items.append(("op", "NOT"))
            run.append(word[1:])
        else:
            run.append(word)
    flush()
    return items


def parse(text: str, groups: Groups | None = None) -> Query:
    """The query in ``text``; ``groups`` replaces the asset's variant groups (tests)."""
    clauses: list[Clause] = []
    negate_next = join_next = False
    for kind, value in _items(text):
        if kind == "op":
            negate_next = negate_next or value == "NOT"
            join_next = value == "OR" and bool(clauses)
            continue
        phrase = _phrase(value, groups)
        if phrase is None:
            continue
        if join_next and not negate_next:
            last = clauses[-1]
            clauses[-1] = Clause((*last.phrases, phrase), last.negated)
        else:
            clauses.append(Clause((phrase,), negate_next))
        negate_next = join_next = False
    return Query(tuple(clauses))
