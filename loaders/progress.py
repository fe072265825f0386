"""A progress bar for long loads, on stderr: done/total, rate and time left.

On a terminal it redraws one line in place (at most a few times a second); elsewhere (a log, CI) it
writes a line at every tenth of the way, so a log shows progress without thousands of lines.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

WIDTH = 24
REDRAW_SECONDS = 0.25


class Bar:
    def __init__(self, what: str, total: int, say: Callable[[str], None]) -> None:
        self.what, self.total, self.say = what, total, say
        self.done_count = 0
        self.started = self.drawn = time.monotonic()
        self.interactive = sys.stderr.isatty()
        self.next_line = max(1, total // 10)

    def step(self) -> None:
        self.done_count += 1
        now = time.monotonic()
        if self.interactive:
            if now - self.drawn >= REDRAW_SECONDS or self.done_count == self.total:
                sys.stderr.write("\r" + self.line(now))
                sys.stderr.flush()
                self.drawn = now
        elif self.done_count >= self.next_line and self.done_count < self.total:
            self.say(self.line(now))
            self.next_line += max(1, self.total // 10)

    def done(self) -> None:
        now = time.monotonic()
        if self.interactive:
            sys.stderr.write("\r" + self.line(now) + "\n")
            sys.stderr.flush()
        else:
            self.say(self.line(now))

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done_count / elapsed
        left = (self.total - self.done_count) / rate if rate > 0 else 0.0
        filled = WIDTH * self.done_count // max(self.total, 1)
        bar = "#" * filled + "." * (WIDTH - filled)
        return (
            f"{self.what:<10} [{bar}] {self.done_count}/{self.total} files  "
            f"{rate:.1f}/s  {elapsed:.0f}s elapsed, ETA {left:.0f}s"
        )
