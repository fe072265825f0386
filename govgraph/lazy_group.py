"""A click group whose commands are imported only when they run.

``govgraph check`` in CI is a new process every time: importing the API (FastAPI, strawberry) and the
diagram renderer for every command cost more CPU than the check's own rendering at 1,500 areas. Each
command registered here is a ``module:attribute`` string, imported when click asks for that command (to
run it, or to show ``--help``).
"""

from __future__ import annotations

from importlib import import_module

import click


class LazyGroup(click.Group):
    """``click.Group`` plus ``add_lazy(name, "module:attribute")``."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy: dict[str, str] = {}

    def add_lazy(self, name: str, target: str) -> None:
        self.lazy[name] = target

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            module, _, attribute = self.lazy[cmd_name].partition(":")
            self.add_command(getattr(import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)
