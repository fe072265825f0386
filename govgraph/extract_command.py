"""``govgraph extract``: a protocol's text (.txt, .md, .docx, .pdf) → a draft YAML for review.

The draft is valid input for ``govgraph validate`` and ``govgraph load``: it is checked with the same
validator before the command reports success. For Word and PDF input the extracted text is written
beside the draft, since every quote is checked against text; a text file that is not beside or below
the draft is copied beside it, since the loader reads a draft's source only from there.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import click

from govgraph.loaders.document import MAX_NAME
from govgraph.loaders.errors import InputError
from govgraph.loaders.extract.draft import render
from govgraph.loaders.extract.evaluate import evaluate
from govgraph.loaders.extract.pipeline import Extraction, extract_file
from govgraph.loaders.protocol import ValidProtocol, read_protocol

USAGE_ERROR = 2


@click.command()
@click.argument("file", type=click.Path(path_type=Path, readable=False))  # our own messages
@click.option("--area", metavar="AREA", help="The area's name (e.g. Leicester); default: read from the text.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write the draft YAML here (for .docx/.pdf the extracted text goes beside it, same name, .txt; "
    "a text file in another folder is copied beside it).",
)
@click.option(
    "--evaluate",
    "reviewed",
    type=click.Path(path_type=Path),
    metavar="REVIEWED.yaml",
    help="Print precision and recall of the draft's relations, duties and memberships against this file.",
)
@click.option("--details/--no-details", default=True, show_default=True, help="With --evaluate: list misses.")
@click.option("--force", is_flag=True, help="Overwrite an existing, different text file beside the draft.")
def extract(
    file: Path, area: str | None, output: Path | None, reviewed: Path | None, details: bool, force: bool
) -> None:
    """Extract a draft protocol YAML from FILE for review, or measure it with --evaluate.

    \b
    Examples:
      govgraph extract protocol.docx --area Kent -o kent.yaml
      govgraph extract examples/protocols/wirral-wct-lscb.txt --evaluate examples/protocols/wirral.yaml
    """
    if output is None and reviewed is None:
        _fail("give -o DRAFT.yaml to write the draft, or --evaluate REVIEWED.yaml to measure it")
    try:
        extraction = extract_file(file, area)
        if output is not None:
            draft, text = _write(extraction, file, output, force)
            if text.copy_of is not None:
                done = "copied it to" if text.wrote else "using its copy already at"
                click.echo(
                    f"{file} is not beside or below the draft, where its source text must be: "
                    f"{done} {text.path}",
                    err=True,
                )
        else:
            with tempfile.TemporaryDirectory() as scratch:
                draft, _ = _write(extraction, file, Path(scratch) / "draft.yaml", force=True)
        reviewed_protocol = read_protocol(reviewed) if reviewed is not None else None
    except InputError as exc:
        _fail(str(exc))
    findings = extraction.findings
    click.echo(
        f"{draft.summary()}; {len(findings.unclassified)} unclassified, "
        f"{len(extraction.entities.notes) + len(extraction.segmented.notes)} review notes"
        + (f"; wrote {output}" if output else ""),
        err=True,
    )
    if reviewed_protocol is not None:
        click.echo(evaluate(draft.document, reviewed_protocol.document).render(details))


@dataclass(frozen=True)
class _Text:
    """The text file a draft's quotes are checked against, as the draft names it."""

    path: Path
    wrote: bool  # this run wrote it (and removes it if the draft does not validate)
    copy_of: Path | None = None  # the input, when the text is a copy of it beside the draft


def _write(extraction: Extraction, file: Path, output: Path, force: bool) -> tuple[ValidProtocol, _Text]:
    """Write the draft (and the text beside it for Word and PDF, or for a text file outside the draft's
    folder) so that only a valid draft is ever left on disk: the YAML goes to a temporary file beside
    ``output``, is validated, then renamed."""
    output.parent.mkdir(parents=True, exist_ok=True)
    text = _write_text(extraction, file, output, force)
    source_ref = os.path.relpath(text.path.resolve(), output.resolve().parent)
    notes = []
    if text.copy_of is not None:
        notes.append(
            f"{text.path.name} is a copy of the input {text.copy_of.name}, written beside this draft: "
            "a draft's source text must be beside or below it"
        )
    descriptor, scratch_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".yaml", dir=output.parent)
    scratch = Path(scratch_name)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(render(extraction, Path(source_ref).as_posix(), file.name, notes))
        protocol = read_protocol(scratch)
        os.replace(scratch, output)
        return protocol, text
    except InputError as exc:  # the extractor's own mistake, not the user's: say so, leave nothing
        if text.wrote:
            text.path.unlink(missing_ok=True)
        message = str(exc).replace(str(scratch), str(output))
        raise InputError(
            output, f"the draft does not validate, so it was not written (a bug in extract): {message}"
        ) from None
    finally:
        scratch.unlink(missing_ok=True)


def _write_text(extraction: Extraction, file: Path, output: Path, force: bool) -> _Text:
    """The text the quotes are checked against. The loader reads a draft's source only from beside or
    below the draft (never ``../../etc/passwd``), so a text file elsewhere is copied beside the draft,
    under its own name; Word, PDF and re-encoded text is written beside it as ``DRAFT.txt``."""
    if extraction.source.needs_copy:
        text_path, copy_of = output.with_suffix(".txt"), None
        if text_path.resolve() == file.resolve():
            raise InputError(
                output, f"the extracted text would overwrite the input {file}: choose another -o"
            )
    else:
        text_file, draft_dir = file.resolve(), output.resolve().parent
        if text_file.is_relative_to(draft_dir) and len(os.path.relpath(text_file, draft_dir)) <= MAX_NAME:
            return _Text(file, wrote=False)
        text_path, copy_of = output.parent / file.name, file
        if text_path.resolve() == output.resolve():
            raise InputError(output, f"the copy of {file} would overwrite the draft: choose another -o")
    wanted = extraction.source.text.encode("utf-8")
    try:
        if text_path.exists():
            if text_path.is_file() and text_path.read_bytes() == wanted:
                return _Text(text_path, wrote=False, copy_of=copy_of)
            if not force or not text_path.is_file():
                what = "the text of" if copy_of is not None else "the text extracted from"
                raise InputError(
                    text_path,
                    f"exists and differs from {what} {file.name}, which is written here beside the draft: "
                    "use --force to overwrite it, or choose another -o",
                )
        text_path.write_bytes(wanted)
    except OSError as exc:
        raise InputError(text_path, f"cannot be written: {exc.strerror}") from None
    return _Text(text_path, wrote=True, copy_of=copy_of)


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(USAGE_ERROR)
