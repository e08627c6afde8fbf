"""One stylesheet and one script for the site's own CSS and JavaScript: a MkDocs plugin.

Each tool has its own small file in `docs/assets/` (easy to read and to change), and `mkdocs.yml`
lists them in `extra_css` and `extra_javascript`. Sent one by one, a first visit costs a request and
a separately compressed file each; joined, the explorer's first load is a few kilobytes smaller and
makes several requests fewer, which counts on a phone on a weak network. Entries that are not files in
`docs/` (the offline copy adds a generated data script) stay as they are.

The scripts are ES modules with explicit imports (`import { a } from "./b.js";`) and exports, so that
Node's test runner can test their pure logic as they are. A browser cannot load modules from file://
(the offline copy), so the bundle joins them into one classic script: each module becomes a function
scope that returns its exports, in the order of their imports, and nothing reaches the page's global
scope. Only the forms written above are understood; anything else is refused with its file and line.

The joined files are minified (rcssmin, rjsmin: small, long-maintained minifiers that only drop
comments and whitespace): the sources explain themselves at length, and their comments were half of
what a first visit downloaded of them. Each part keeps its path in a `/*! ... */` comment.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

import rcssmin
import rjsmin
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

# Beside the files they join, so relative addresses inside them (the search finds the site root from
# the bundle's own address) stay the same.
CSS_BUNDLE = "assets/stylesheets/site.css"
JS_BUNDLE = "assets/javascripts/site.bundel.js"

_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"(\.\.?/[\w./-]+\.js)";[ \t]*$', re.MULTILINE)
_EXPORTED = re.compile(r"^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)", re.MULTILINE)
_EXPORT_KEYWORD = re.compile(r"^export\s+(?=(?:async\s+)?(?:function|const|let|class)\b)", re.MULTILINE)
_OTHER_MODULE_SYNTAX = re.compile(r"^(import|export)\b.*$", re.MULTILINE)


class BundleError(Exception):
    """A script the bundle cannot join, with its place."""


def join_modules(entries: list[str], read: Callable[[str], str]) -> str:
    """The modules `entries` and everything they import, as one classic script. `read` gives a module's
    text by its path (relative to the site root, like the entries)."""
    order: list[str] = []
    parsed: dict[str, tuple[list[tuple[str, str]], str, list[str]]] = {}

    def visit(path: str, chain: tuple[str, ...]) -> None:
        if path in chain:
            raise BundleError(f"{path}: importeert zichzelf via {' -> '.join((*chain[chain.index(path) :], path))}")
        if path in parsed:
            return
        parsed[path] = _parse(path, read(path))
        for _, target in parsed[path][0]:
            visit(target, (*chain, path))
        order.append(path)

    for entry in entries:
        visit(entry, ())
    names = {path: f"m{index}" for index, path in enumerate(order)}
    parts = []
    for path in order:
        imports, body, exported = parsed[path]
        head = "".join(f"const {{ {_bindings(what)} }} = {names[target]};\n" for what, target in imports)
        parts.append(f"/*! {path} */\nconst {names[path]} = (function () {{\n{head}{body}\nreturn {{ {', '.join(exported)} }};\n}})();")
    return '(function () {\n"use strict";\n' + "\n".join(parts) + "\n})();\n"


def _parse(path: str, text: str) -> tuple[list[tuple[str, str]], str, list[str]]:
    """(imports as (names, resolved path), the body without import and export keywords, exported names)."""
    folder = posixpath.dirname(path)
    imports = [(what, posixpath.normpath(posixpath.join(folder, target))) for what, target in _IMPORT.findall(text)]
    body = _IMPORT.sub("", text)
    exported = _EXPORTED.findall(body)
    body = _EXPORT_KEYWORD.sub("", body)
    stray = _OTHER_MODULE_SYNTAX.search(body)
    if stray:
        line = text[: text.find(stray.group(0))].count("\n") + 1
        understood = "'import { a, b } from \"./x.js\";' en 'export function|const|let|class naam'"
        raise BundleError(f"{path}:{line}: de bundel begrijpt alleen {understood}; gevonden: {stray.group(0)[:60]}")
    return imports, body.strip("\n"), exported


def _bindings(what: str) -> str:
    """'a, b as c' (an import list) -> 'a, b: c' (a destructuring)."""
    return ", ".join(re.sub(r"\s+as\s+", ": ", name.strip()) for name in what.split(",") if name.strip())


class BundlePlugin(BasePlugin):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.css = [str(path) for path in config.extra_css]
        self.scripts = list(config.extra_javascript)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        css = [path for path in self.css if files.get_file_from_path(path) is not None]
        scripts = [str(script) for script in self.scripts if _plain(script) and files.get_file_from_path(str(script)) is not None]

        def read(path: str) -> str:
            source = files.get_file_from_path(path)
            if source is None:
                raise BundleError(f"{path}: dit script bestaat niet (geïmporteerd door een ander script)")
            return source.content_string

        if css:
            files.append(File.generated(config, CSS_BUNDLE, content=_join_css(css, read)))
            config.extra_css = [CSS_BUNDLE, *(path for path in self.css if path not in css)]
        if scripts:
            try:
                joined = join_modules(scripts, read)
            except BundleError as error:
                raise PluginError(f"De scripts konden niet worden gebundeld: {error}") from None
            files.append(File.generated(config, JS_BUNDLE, content=rjsmin.jsmin(joined, keep_bang_comments=True) + "\n"))
            rest = [script for script in self.scripts if str(script) not in scripts]
            config.extra_javascript = [ExtraScriptValue(JS_BUNDLE), *rest]
        return files


def _plain(script: str | ExtraScriptValue) -> bool:
    """A classic script without attributes (a module or async script keeps its own tag)."""
    return isinstance(script, str) or not (script.type or script.defer or script.async_)


def _join_css(paths: list[str], read: Callable[[str], str]) -> str:
    return "\n".join(f"/*! {path} */\n{rcssmin.cssmin(read(path))}" for path in paths) + "\n"
