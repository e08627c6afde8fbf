"""Terms explained where they appear: the first time a page's running text uses a glossary term (its name,
a synonym or an abbreviation; palette/vocabulaires/begrippen.yaml), it carries the term's short explanation
and a link to its place on /begrippen/.

The markup is a toggletip: the term is a button (reachable by keyboard, opened by a tap), its explanation
a note beside it that shows on hover, on focus and when the button is pressed (begrippen.js), described
to screen readers by aria-describedby. The note is left out of the search index and of print. Only text
is marked, after escaping: a heading, a link or a label is never passed through here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup, escape

from .vocabularies import GlossaryTerm

MIN_NAME_LENGTH = 3  # shorter names ('om') are too often an ordinary word
GLOSSARY_DIR = "begrippen"  # the glossary's page: /begrippen/, a term at /begrippen/#<id>


class Glossary:
    def __init__(self, terms: list[GlossaryTerm], link: Callable[[str, str], str]) -> None:
        """`link(doc_path, term_id)`: the address of a term's place on the glossary page, from a page."""
        self.link = link
        self.by_name: dict[str, GlossaryTerm] = {}
        names: list[str] = []
        for term in terms:
            for name in term.names:
                if len(name) < MIN_NAME_LENGTH:
                    continue
                key = name if name in term.abbreviations else name.casefold()
                self.by_name.setdefault(key, term)
                names.append(name)
        # Longest names first, so 'officier van justitie' wins over 'justitie'; whole words only.
        # Abbreviations match in their own case (OM is not 'om'); names in any case.
        parts = []
        for name in sorted(set(names), key=len, reverse=True):
            pattern = re.escape(name).replace(r"\ ", r"\s+")
            abbreviation = any(name in term.abbreviations for term in terms if name in term.names)
            parts.append(pattern if abbreviation else f"(?i:{pattern})")
        self.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])") if parts else None

    def term_of(self, found: str) -> GlossaryTerm | None:
        text = " ".join(found.split())
        return self.by_name.get(text) or self.by_name.get(text.casefold())

    def mark(self, text: str, doc_path: str, explained: set[str], counter: list[int]) -> Markup:
        """`text`, escaped, with the first use on this page of each term (not in `explained`) marked."""
        if self.pattern is None or not text:
            return escape(text)
        out: list[str] = []
        last = 0
        for match in self.pattern.finditer(text):
            term = self.term_of(match.group(0))
            if term is None or term.id in explained:
                continue
            explained.add(term.id)
            counter[0] += 1
            out.append(escape(text[last : match.start()]))
            out.append(self.toggletip(match.group(0), term, self.link(doc_path, term.id), f"begrip-{counter[0]}"))
            last = match.end()
        out.append(escape(text[last:]))
        return Markup("").join(out)

    @staticmethod
    def toggletip(shown: str, term: GlossaryTerm, href: str, note_id: str) -> Markup:
        return Markup(
            '<span class="pv-begrip"><button type="button" class="pv-begrip__term" aria-expanded="false" aria-describedby="{note}" data-begrip>'
            '{shown}</button><span class="pv-begrip__uitleg" id="{note}" role="note" data-pagefind-ignore>'
            '<span class="pv-begrip__naam">{label}:</span> {explanation} <a href="{href}">Meer over {label}</a></span></span>'
        ).format(note=note_id, shown=shown, label=term.label, explanation=term.explanation, href=href)
