"""What the commands print about a loaded palette: its problems and the entries due for review."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import answers, completeness, language
from .dutch import count_phrase, dutch_date
from .freshness import Due
from .models import Kind, ReviewStatus
from .palette import Palette
from .safe_yaml import locate


def review_summary(palette: Palette) -> str:
    """One line: how many entries were checked claim by claim against named sources."""
    entries = [entry.intervention for entry in palette.entries.values()]
    reviewed = sum(item.review_status is ReviewStatus.reviewed for item in entries)
    return f"Gecontroleerd: {reviewed} van {len(entries)} interventies; de rest is nog niet volledig nagekeken."


def due_for_review(palette: Palette) -> tuple[list[Due], list[Due]]:
    """(past their review date, due within the notice period), each sorted by date."""
    review, today = palette.review, palette.today
    found = [
        Due(entry.display, entry.intervention.name, review.due_date(entry.intervention), review.months_for(entry.intervention))
        for entry in palette.entries.values()
    ]
    for entry_id, supplements in palette.supplements.items():
        for region, supplement in supplements:
            display = f"palette/regio/{region}/aanvullingen/{entry_id}.yaml"
            months = review.supplement_months or review.default_months
            found.append(Due(display, palette.entries[entry_id].intervention.name, review.supplement_due_date(supplement), months, region))
    found.sort(key=lambda due: (due.due, due.display))
    soon = today + dt.timedelta(days=review.notice_days)
    return [due for due in found if due.due <= today], [due for due in found if today < due.due <= soon]


def report_due(palette: Palette, root: Path, strict: bool) -> bool:
    """Print the entries due for review: warnings, or errors with --streng. True when any is past due."""
    overdue, upcoming = due_for_review(palette)
    stream = sys.stderr if strict else sys.stdout
    kind = "fout" if strict else "waarschuwing"
    for due in overdue:
        path = root / due.display
        line, column = locate(path.read_text(encoding="utf-8"), ("laatst_gecontroleerd",)) if path.exists() else (1, 1)
        what = f"de regionale aanvulling ({due.supplement_of}) bij {due.name}" if due.supplement_of else due.name
        print(
            f"{due.display}:{line}:{column}: laatst_gecontroleerd: {kind}: {what} is mogelijk verouderd; "
            f"opnieuw nakijken sinds {dutch_date(due.due)} (termijn {due.months} maanden)",
            file=stream,
        )
    if overdue:
        phrase, verb = count_phrase(sum(due.supplement_of is None for due in overdue), sum(due.supplement_of is not None for due in overdue))
        print(f"Controle: {phrase} {verb} toe aan controle." + ("" if strict else " Met --streng telt dat als fout."), file=stream)
    else:
        print("Controle: alles is binnen de controletermijn.")
    if upcoming:
        phrase, verb = count_phrase(sum(due.supplement_of is None for due in upcoming), sum(due.supplement_of is not None for due in upcoming))
        names = "; ".join(f"{due.name} ({dutch_date(due.due)})" for due in upcoming[:10]) + (f" en {len(upcoming) - 10} meer" if len(upcoming) > 10 else "")
        print(f"Binnen {palette.review.notice_days} dagen {verb} {phrase} toe aan controle: {names}.")
    return bool(overdue)


def report_problems(palette: Palette) -> bool:
    for problem in palette.problems:
        print(problem, file=sys.stderr)
    if palette.problems:
        count, files = len(palette.problems), len({p.path for p in palette.problems})
        print(f"{count} {'probleem' if count == 1 else 'problemen'} in {files} {'bestand' if files == 1 else 'bestanden'}.", file=sys.stderr)
    return bool(palette.problems)


@dataclass(frozen=True)
class Finding:
    """Something an entry or term still lacks: a warning, and with --streng an error when `strict`."""

    display: str
    loc: tuple[Any, ...]
    field: str
    message: str
    strict: bool


def quality_findings(palette: Palette) -> list[Finding]:
    """Missing answers, texts that are not plain enough, and legal articles not read in the official text."""
    findings: list[Finding] = []
    for entry in palette.entries.values():
        item = entry.intervention
        strict = completeness.needs_strict_answers(item)
        for question in answers.missing(item):
            findings.append(Finding(entry.display, (question.key,), question.key, f"ontbreekt: {question.missing}", strict))
        if item.kind is Kind.legal_measure and item.review_status is ReviewStatus.reviewed:
            for index, article in completeness.unread_articles(item, palette.official_hosts):
                message = (
                    f"artikel {article} is niet nagekeken in de officiële tekst: geef een controle met 'wet', 'artikel' en 'versie' "
                    "en een bron op een host uit palette/vocabulaires/officiele-bronnen.yaml, of zet de status op te-controleren"
                )
                findings.append(Finding(entry.display, ("wettelijke_grondslag", index, "artikel"), f"wettelijke_grondslag[{index}].artikel", message, True))
        for text in language.entry_texts(item):
            findings += [Finding(entry.display, text.loc, text.label, f"taal: {problem}", True) for problem in text.problems()]
    for term_id, term in palette.vocabularies.terms.get("begrippen", {}).items():
        display, index = palette.vocabularies.places["begrippen"][term_id]
        for text in language.glossary_texts(index, term):  # type: ignore[arg-type]
            findings += [Finding(display, text.loc, f"[{index}].uitleg", f"taal: {problem}", True) for problem in text.problems()]
    return findings


def report_quality(palette: Palette, root: Path, strict: bool) -> bool:
    """Print what entries still lack; True when --streng must fail on it."""
    findings = quality_findings(palette)
    texts: dict[str, str] = {}
    failing = [finding for finding in findings if finding.strict]
    for finding in findings:
        error = strict and finding.strict
        path = root / finding.display
        if finding.display not in texts:
            texts[finding.display] = path.read_text(encoding="utf-8") if path.exists() else ""
        line, column = locate(texts[finding.display], finding.loc)
        print(
            f"{finding.display}:{line}:{column}: {finding.field}: {'fout' if error else 'waarschuwing'}: {finding.message}",
            file=sys.stderr if error else sys.stdout,
        )
    print(completeness_summary(palette))
    if findings:
        language_count = sum(finding.message.startswith("taal:") for finding in findings)
        print(
            f"Nog te doen: {len(findings) - language_count} ontbrekende antwoorden of controles, {language_count} taalpunten."
            + ("" if strict else " Met --streng telt wat in een gecontroleerde interventie ontbreekt, en elk taalpunt, als fout.")
        )
    return strict and bool(failing)


def completeness_summary(palette: Palette) -> str:
    legal = [entry.intervention for entry in palette.entries.values() if entry.intervention.kind is Kind.legal_measure]
    complete = sum(answers.six_answers_complete(item) for item in legal)
    return f"Volledig: {complete} van {len(legal)} wettelijke maatregelen beantwoorden alle zes vragen."


def report_language(palette: Palette) -> None:
    """check --taal: every measured text with its sentence length and Flesch-Douma score, then the summaries' figures."""
    rows = []
    for entry in sorted(palette.entries.values(), key=lambda entry: entry.display):
        rows += [(entry.display, text) for text in language.entry_texts(entry.intervention)]
    for term_id, term in palette.vocabularies.terms.get("begrippen", {}).items():
        display, index = palette.vocabularies.places["begrippen"][term_id]
        rows += [(display, text) for text in language.glossary_texts(index, term)]  # type: ignore[arg-type]
    print("bestand\ttekst\tzinnen\tgemiddeld\tlangste\tFlesch-Douma\tvoldoet")
    for display, text in rows:
        lengths = text.sentence_lengths or [0]
        score = language.flesch_douma(text.value)
        print(f"{display}\t{text.label}\t{len(text.sentence_lengths)}\t{text.average:.1f}\t{max(lengths)}\t{score:.0f}\t{'nee' if text.problems() else 'ja'}")
    summaries = [text for _, text in rows if text.label == "samenvatting"]
    if summaries:
        lengths = [length for text in summaries for length in text.sentence_lengths]
        scores = sorted(language.flesch_douma(text.value) for text in summaries)
        long_ones = sum(max(text.sentence_lengths or [0]) > language.MAX_SENTENCE_WORDS for text in summaries)
        median = scores[len(scores) // 2] if len(scores) % 2 else (scores[len(scores) // 2 - 1] + scores[len(scores) // 2]) / 2
        print(
            f"Samenvattingen: {long_ones} van {len(summaries)} met een zin van meer dan {language.MAX_SENTENCE_WORDS} woorden; "
            f"gemiddeld {sum(lengths) / len(lengths):.1f} woorden per zin; Flesch-Douma mediaan {median:.0f}, "
            f"{sum(score < 60 for score in scores)} onder 60."
        )
