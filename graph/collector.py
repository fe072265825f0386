"""Cyclic garbage collection paused around work that builds many small objects and frees them together.

Validating a protocol or decoding a check run's rows builds hundreds of thousands of containers that all
live until the end; the collector would scan them again and again for cycles they do not have. It lives
here, in the layer every command stands on, so that `check` can use it without importing the loaders.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collector() -> Iterator[None]:
    """Cyclic garbage collection off for the block (on again after, unless it was off before)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
