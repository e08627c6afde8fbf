"""One stylesheet and one script for the site's own CSS and JavaScript: a MkDocs plugin.

Each tool has its own small file in `docs/assets/` (easy to read and to change), and `mkdocs.yml`
lists them in `extra_css` and `extra_javascript`. Sent one by one, a first visit costs a request and
a separately compressed file each; joined in their listed order, the explorer's first load is a few
kilobytes smaller and makes eight requests fewer, which counts on a phone on a weak network.
Entries that are not files in `docs/` (the offline copy adds generated scripts) stay as they are.

The joined files are minified (rcssmin, rjsmin: small, long-maintained minifiers that only drop
comments and whitespace): the sources explain themselves at length, and their comments were half of
what a first visit downloaded of them. Each part keeps its path in a `/*! ... */` comment.
"""

from __future__ import annotations

from collections.abc import Callable

import rcssmin
import rjsmin
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

# Beside the files they join, so relative addresses inside them (zoeken.js finds the site root from
# its own address) stay the same.
CSS_BUNDLE = "assets/stylesheets/site.css"
JS_BUNDLE = "assets/javascripts/site.bundel.js"


class BundlePlugin(BasePlugin):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.css = [str(path) for path in config.extra_css]
        self.scripts = list(config.extra_javascript)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        css = [path for path in self.css if files.get_file_from_path(path) is not None]
        scripts = [script for script in self.scripts if _plain(script) and files.get_file_from_path(str(script)) is not None]
        if css:
            files.append(File.generated(config, CSS_BUNDLE, content=_join(files, css, "\n", rcssmin.cssmin)))
            config.extra_css = [CSS_BUNDLE, *(path for path in self.css if path not in css)]
        if scripts:
            # A statement separator between files: one that ends without a semicolon must not run on.
            files.append(File.generated(config, JS_BUNDLE, content=_join(files, [str(script) for script in scripts], "\n;\n", rjsmin.jsmin)))
            rest = [script for script in self.scripts if script not in scripts]
            config.extra_javascript = [ExtraScriptValue(JS_BUNDLE), *rest]
        return files


def _plain(script: str | ExtraScriptValue) -> bool:
    """A classic script without attributes (a module or async script keeps its own tag)."""
    return isinstance(script, str) or not (script.type or script.defer or script.async_)


def _join(files: Files, paths: list[str], separator: str, minify: Callable[[str], str]) -> str:
    parts = []
    for path in paths:
        source = files.get_file_from_path(path)
        assert source is not None
        parts.append(f"/*! {path} */\n{minify(source.content_string)}")
    return separator.join(parts) + "\n"
