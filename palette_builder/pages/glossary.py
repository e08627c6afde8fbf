"""The glossary (/begrippen/): every term from care and law with its plain explanation, from A to Z,
each at its own anchor (/begrippen/#<id>), where the explanations in running text link to."""

from __future__ import annotations

from collections.abc import Iterator

from ..dutch import alphabetical
from ..glossary import GLOSSARY_DIR
from ..kit import Kit, Page

FOLDERS = (GLOSSARY_DIR,)
GLOSSARY = "begrippen"  # the vocabulary


def pages(kit: Kit) -> Iterator[Page]:
    site = kit.site
    terms = sorted(site.vocab.terms.get(GLOSSARY, {}).values(), key=lambda term: (alphabetical(term.label), term.label))
    letters: dict[str, list] = {}
    for term in terms:
        letters.setdefault(alphabetical(term.label)[:1].upper(), []).append(term)
    yield kit.page(
        "begrippen.md.j2",
        f"{GLOSSARY_DIR}/index.md",
        kit.meta("Begrippen", "Woorden uit zorg en recht, in gewone taal uitgelegd voor wie uit de andere wereld komt."),
        letters=letters,
        count=len(terms),
        origin=lambda term_id: site.vocab.origin(GLOSSARY, term_id),
    )
