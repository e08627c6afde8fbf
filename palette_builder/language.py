"""Plain language (B1), measured: sentence length in words and the Flesch-Douma score.

The site is read by people from care and from law; each meets the other's jargon. What readers meet first
(an entry's summary and the first paragraph of 'Wat is het?') and every short answer has a measured
limit: no sentence over 20 words and at most 15 words a sentence on average; a short answer is one
phrase of at most 15 words, a glossary explanation at most 25. `check` warns where a text breaks one,
`check --streng` fails, and `check --taal` lists every text with its figures.

A sentence ends at '.', '!' or '?' followed by a space and the next sentence, or at the end of the text;
a period inside a number (1.2.1) or after a known abbreviation ('art.', 'bijv.') does not end one.
Syllables for Flesch-Douma come from textstat's Dutch hyphenation (pyphen).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Intervention
    from .vocabularies import GlossaryTerm

MAX_SENTENCE_WORDS = 20
MAX_AVERAGE_WORDS = 15
MAX_ANSWER_WORDS = 15
MAX_GLOSSARY_WORDS = 25

# Abbreviations written with a period that do not end a sentence (lower case, without the final period).
ABBREVIATIONS = frozenset(
    (
        "art",
        "artt",
        "bijv",
        "bv",
        "ca",
        "d.w.z",
        "e.a",
        "e.d",
        "enz",
        "evt",
        "i.p.v",
        "i.s.m",
        "i.v.m",
        "jo",
        "m.b.t",
        "m.n",
        "nr",
        "nrs",
        "o.a",
        "o.b.v",
        "p.p",
        "resp",
        "t.a.v",
        "t.b.v",
        "t.o.v",
        "vgl",
        "z.g.a.n",
        "zgn",
    )
)
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*(?=\s+|$)")
_WORD = re.compile(r"[0-9A-Za-zÀ-ÿ][0-9A-Za-zÀ-ÿ'’./:-]*")

# Flesch-Douma: Flesch's reading ease with Douma's constants for Dutch (as textstat uses them).
DOUMA_BASE, DOUMA_SENTENCE, DOUMA_SYLLABLE = 206.835, 0.93, 77


def sentences(text: str) -> list[str]:
    """The sentences of a text, by the rule above."""
    found, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()]
        last_word = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
        if match.group().startswith(".") and len(match.group()) == 1 and last_word.rstrip(".") in ABBREVIATIONS:
            continue
        if match.end() < len(text) and not re.match(r"\s+[\"'“(]?[A-ZÀ-Ý0-9]", text[match.end() :]):
            continue  # '... ca. tien dagen' or a period before a lower-case word: not a new sentence
        found.append(text[start : match.end()].strip())
        start = match.end()
    rest = text[start:].strip()
    if rest:
        found.append(rest)
    return [sentence for sentence in found if words(sentence)]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def flesch_douma(text: str) -> float:
    """Flesch-Douma reading ease: 100 is very easy, below 60 is hard for many readers, below 30 very hard."""
    import textstat  # loaded only by the commands that measure

    textstat.set_lang("nl")
    counted = sentences(text)
    word_count = sum(len(words(sentence)) for sentence in counted)
    if not word_count:
        return 0.0
    syllables = sum(textstat.syllable_count(word) for sentence in counted for word in words(sentence))
    return DOUMA_BASE - DOUMA_SENTENCE * word_count / len(counted) - DOUMA_SYLLABLE * syllables / word_count


@dataclass(frozen=True)
class Text:
    """One text an editor wrote, where it is (a YAML location in its file) and the limits it has."""

    loc: tuple[Any, ...]
    label: str  # how check names it: 'samenvatting', 'beschrijving (eerste alinea)'
    value: str
    max_words: int | None = None  # for a short answer: the whole text

    @property
    def sentence_lengths(self) -> list[int]:
        return [len(words(sentence)) for sentence in sentences(self.value)]

    @property
    def average(self) -> float:
        lengths = self.sentence_lengths
        return sum(lengths) / len(lengths) if lengths else 0.0

    def problems(self) -> list[str]:
        """What breaks the limits, in Dutch; empty when the text passes."""
        found = []
        total = len(words(self.value))
        if self.max_words is not None and total > self.max_words:
            found.append(f"{total} woorden; een kort antwoord heeft er hoogstens {self.max_words}")
        for sentence, length in zip(sentences(self.value), self.sentence_lengths, strict=True):
            if length > MAX_SENTENCE_WORDS:
                found.append(f"een zin van {length} woorden (hoogstens {MAX_SENTENCE_WORDS}): “{_start(sentence)}”")
        if self.average > MAX_AVERAGE_WORDS and len(self.sentence_lengths) > 1:
            found.append(f"gemiddeld {self.average:.1f} woorden per zin (hoogstens {MAX_AVERAGE_WORDS})".replace(".", ",", 1))
        return found


def _start(sentence: str, size: int = 8) -> str:
    parts = sentence.split()
    return " ".join(parts[:size]) + (" …" if len(parts) > size else "")


def first_paragraph(text: str) -> str:
    """The first paragraph of a description (paragraphs are separated by a blank line; a list ends it)."""
    lines = []
    for line in text.strip().split("\n\n", 1)[0].splitlines():
        if line.strip().startswith("- "):
            break
        lines.append(line.strip())
    return " ".join(lines)


ANSWER_FIELDS = ("in_gang_zetten", "hoe_snel", "daarna", "bij_overtreding", "bezwaar_en_beroep")


def entry_texts(item: Intervention) -> Iterator[Text]:
    """The texts of an entry that readers meet first, and its short answers."""
    yield Text(("samenvatting",), "samenvatting", item.summary)
    yield Text(("beschrijving",), "beschrijving (eerste alinea)", first_paragraph(item.description))
    if item.duration:
        yield Text(("duur",), "duur", item.duration, MAX_ANSWER_WORDS)
    for key, answer in zip(ANSWER_FIELDS, (item.how_to_start, item.how_fast, item.what_next, item.on_violation, item.objection), strict=True):
        if answer is not None and not isinstance(answer, str):
            yield Text((key, "kort"), f"{key}.kort", answer.short, MAX_ANSWER_WORDS)


def glossary_texts(index: int, term: GlossaryTerm) -> Iterator[Text]:
    yield Text((index, "uitleg"), f"begrip {term.id}: uitleg", term.explanation, MAX_GLOSSARY_WORDS)
