"""The in-memory search index: Chinese text, codes, full pinyin and pinyin initials.

Each searchable field of all items is laid out as one long string of ``\\0``-separated segments,
so a lookup is a handful of C-level ``str.find`` calls over a few hundred kilobytes instead of a
Python loop over every item: fast enough for every keystroke at 10,000 items.

Ranking is by tier, best first; within a tier the content's own order (the office's order of
items) is kept:

0. the item code or implementation code, exactly
1. the name starts with the query (Chinese, full pinyin or initials); the code starts with it
2. a keyword matches the query exactly (``hp`` → 环评)
3. the name contains the query
4. a keyword starts with the query
5. a keyword, the department or a topic contains the query

Names, keywords, departments and topics the content gives in English are searched with the Chinese
ones (as text: lower case, blanks ignored, so "air quality" finds "Air Quality Information"); pinyin
is spelled for the Chinese texts only. Results come in the language asked for (:meth:`SearchIndex.search`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin

from kiosk.data.views import SearchEntry

SEP = "\0"
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class SearchResult:
    query: str
    entries: tuple[SearchEntry, ...]
    more: bool  # there were more matches than the limit

    @property
    def empty(self) -> bool:
        return not self.entries


class _Field:
    """Segments of one kind (say, all names in initials) with the item each belongs to."""

    def __init__(self, segments: Iterable[tuple[int, str]]) -> None:
        parts: list[str] = []
        self.starts: list[int] = []
        self.owners: list[int] = []
        offset = 0
        for owner, text in segments:
            if not text:
                continue
            self.starts.append(offset + 1)
            self.owners.append(owner)
            parts.append(SEP + text)
            offset += len(text) + 1
        self.text = "".join(parts) + SEP

    def owner_at(self, offset: int) -> int:
        return self.owners[bisect_right(self.starts, offset) - 1]

    def find(self, needle: str, *, prefix: bool, exact: bool = False) -> Iterable[int]:
        """Owners of segments containing (or starting with, or equal to) ``needle``, in order."""
        pattern = (SEP + needle if prefix or exact else needle) + (SEP if exact else "")
        text, find = self.text, self.text.find
        position = find(pattern)
        while position >= 0:
            yield self.owner_at(position + 1 if prefix or exact else position)
            if exact or prefix:
                position = find(pattern, position + 1)
            else:
                # skip to the end of this segment: one hit per segment is enough
                end = text.find(SEP, position + len(pattern))
                position = find(pattern, end) if end >= 0 else -1


def normalise(query: str) -> str:
    """Full-width to half-width, lower case, no blanks or control characters."""
    text = unicodedata.normalize("NFKC", query).lower()
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    return _SPACES.sub("", text)


def full_pinyin(text: str) -> str:
    """Pinyin without tones or blanks; Latin letters and digits in the text are kept (AQI数据 → aqishuju)."""
    return _NOT_ALNUM.sub("", "".join(lazy_pinyin(text, errors="default")).lower())


def initials(text: str) -> str:
    """First letters of the syllables; Latin letters and digits are kept (AQI数据 → aqisj)."""
    return _NOT_ALNUM.sub("", "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")).lower())


def code_key(text: str) -> str:
    """Codes compare on letters and digits only: "SP-01" is found by typing sp01."""
    return _NOT_ALNUM.sub("", normalise(text))


class SearchIndex:
    """Build once (off the UI thread), then query from anywhere; it is never modified."""

    def __init__(self, entries: Sequence[SearchEntry]) -> None:
        self.entries = tuple(entries)
        #: the entries as an English list shows them (the same objects where there is no English)
        self._entries_en = tuple(entry.shown("en") for entry in self.entries)
        pinyin_cache: dict[str, tuple[str, str]] = {}

        def spelled(text: str) -> tuple[str, str]:
            if text not in pinyin_cache:
                pinyin_cache[text] = (full_pinyin(text), initials(text))
            return pinyin_cache[text]

        self._codes: dict[str, int] = {}
        for index, entry in enumerate(self.entries):
            for code in (entry.code, entry.impl_code):
                if code_key(code):
                    self._codes.setdefault(code_key(code), index)
        names = [(i, normalise(e.name)) for i, e in enumerate(self.entries)]
        keywords = [(i, normalise(k)) for i, e in enumerate(self.entries) for k in e.keywords]
        others = [(i, normalise(t)) for i, e in enumerate(self.entries)
                  for t in (e.department_name, *e.topic_names)]
        # the English after the Chinese of the same item: a field's segments stay in the items' order
        both_names = [(i, normalise(t)) for i, e in enumerate(self.entries) for t in (e.name, e.en_name) if t]
        both_keywords = [(i, normalise(k)) for i, e in enumerate(self.entries) for k in (*e.keywords, *e.en_keywords)]
        both_others = [(i, normalise(t)) for i, e in enumerate(self.entries)
                       for t in (e.department_name, *e.topic_names, e.en_department_name, *e.en_topic_names)]
        self._code = _Field((i, code_key(c)) for i, e in enumerate(self.entries)
                            for c in (e.code, e.impl_code))
        self._name = _Field(both_names)
        self._name_full = _Field((i, spelled(t)[0]) for i, t in names)
        self._name_initials = _Field((i, spelled(t)[1]) for i, t in names)
        self._kw = _Field(both_keywords)
        self._kw_full = _Field((i, spelled(t)[0]) for i, t in keywords)
        self._kw_initials = _Field((i, spelled(t)[1]) for i, t in keywords)
        self._other = _Field(both_others)
        self._other_full = _Field((i, spelled(t)[0]) for i, t in others)
        self._other_initials = _Field((i, spelled(t)[1]) for i, t in others)

    def __len__(self) -> int:
        return len(self.entries)

    def search(self, query: str, limit: int = 60, language: str = "zh") -> SearchResult:
        """Items matching ``query``, best first; in ``language`` ("en": English names where given)."""
        entries = self._entries_en if language == "en" else self.entries
        q = normalise(query)
        if not q:
            return SearchResult(query, (), False)
        latin = q.isascii() and q.isalnum()
        letters = latin and q.isalpha()
        code = code_key(q) if q.isascii() else ""
        tiers: list[Iterable[int]] = []
        if code in self._codes:
            tiers.append([self._codes[code]])
        tiers.append(self._name.find(q, prefix=True))
        if letters:
            tiers += [self._name_full.find(q, prefix=True), self._name_initials.find(q, prefix=True)]
        if code:
            tiers.append(self._code.find(code, prefix=True))
        tiers.append(self._kw.find(q, prefix=False, exact=True))
        if letters:
            tiers += [self._kw_initials.find(q, prefix=False, exact=True),
                      self._kw_full.find(q, prefix=False, exact=True)]
        tiers.append(self._name.find(q, prefix=False))
        if letters:
            tiers += [self._name_full.find(q, prefix=False), self._name_initials.find(q, prefix=False)]
        tiers.append(self._kw.find(q, prefix=True))
        if letters:
            tiers += [self._kw_full.find(q, prefix=True), self._kw_initials.find(q, prefix=True)]
        tiers.append(self._kw.find(q, prefix=False))
        tiers.append(self._other.find(q, prefix=False))
        if letters:
            tiers += [self._kw_full.find(q, prefix=False), self._other_full.find(q, prefix=True),
                      self._other_initials.find(q, prefix=True)]
        if len(code) >= 3:
            tiers.append(self._code.find(code, prefix=False))

        seen: dict[int, None] = {}
        for tier in tiers:
            for owner in tier:
                if owner in seen:
                    continue
                if len(seen) == limit:
                    return SearchResult(query, tuple(entries[i] for i in seen), True)
                seen[owner] = None
        return SearchResult(query, tuple(entries[i] for i in seen), False)
