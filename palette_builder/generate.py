"""From the validated palette to the Markdown pages in docs/: every page type of `pages.PAGE_TYPES`,
rendered with one Kit, and written only where the content changed (so `mkdocs serve` does not loop
and a dirty build stays fast)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .kit import Kit, Site
from .pages import GENERATED_DIRS, PAGE_TYPES
from .palette import Palette
from .selection import Selection
from .short_links import is_short_link_folder, taken_names

__all__ = ["GENERATED_DIRS", "WriteStats", "generate_pages", "reserved_names", "write_pages"]


def generate_pages(palette: Palette, selection: Selection, root: Path | None) -> dict[str, str]:
    """Every generated file of the site: path below docs/ -> content."""
    site = Site(palette, selection, root)
    kit = Kit(site, [page_type.template_globals for page_type in PAGE_TYPES if hasattr(page_type, "template_globals")])
    pages: dict[str, str] = {}
    for page_type in PAGE_TYPES:
        pages.update(page_type.pages(kit))
    return pages


def reserved_names(root: Path) -> dict[str, str]:
    """The top-level names of the site a short link may not take."""
    return taken_names(root, GENERATED_DIRS)


@dataclass
class WriteStats:
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    created: int = 0  # written files that did not exist before
    paths: list[Path] = field(default_factory=list)  # the files written, for a rebuild of just those


def write_pages(pages: dict[str, str], docs_dir: Path) -> WriteStats:
    """Write pages whose content changed; remove files in generated folders that are no longer produced."""
    stats = WriteStats()
    for doc_path, content in pages.items():
        target = docs_dir / doc_path
        data = content.encode("utf-8")  # bytes, so line ends (CRLF in the CSV) compare and stay exact
        if target.exists() and target.read_bytes() == data:
            stats.unchanged += 1
            continue
        stats.created += not target.exists()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        stats.written += 1
        stats.paths.append(target)
    wanted = {docs_dir / doc_path for doc_path in pages}
    stats.removed += _remove_stale_short_links(docs_dir, wanted)
    for folder in GENERATED_DIRS:
        for path in sorted((docs_dir / folder).rglob("*"), reverse=True) if (docs_dir / folder).exists() else []:
            if path.is_file() and path not in wanted:
                path.unlink()
                stats.removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return stats


def _remove_stale_short_links(docs_dir: Path, wanted: set[Path]) -> int:
    """Remove the short-link folders of docs/ that this generation no longer writes; the count of files removed."""
    removed = 0
    for path in sorted(docs_dir.iterdir()) if docs_dir.is_dir() else []:
        if is_short_link_folder(path) and path / "index.html" not in wanted:
            (path / "index.html").unlink()
            path.rmdir()
            removed += 1
    return removed
