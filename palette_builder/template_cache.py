"""Compiled templates kept between builds in one process, so that a `serve` reload does not compile
the same jinja templates again (the generator's and the theme's: about a third of a reload's time).

Jinja checks each template's source against the cached code and compiles again when it changed. The
code also depends on the environment's settings, so every kind of environment has a cache of its own.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # checks the source's checksum; a stale entry is ignored

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


# For the generator's Renderer environments (all made with the same settings).
GENERATOR = MemoryBytecodeCache()
