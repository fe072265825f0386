"""``govgraph extract``: a protocol's text (.txt, .md, .docx, .pdf) → a draft YAML for review.

The draft is valid input for ``govgraph validate`` and ``govgraph load``: it is checked with the same
validator before the command reports success. For Word and PDF input the extracted text is written
beside the draft, since every quote is checked against text.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from loaders.errors import InputError
from loaders.extract.draft import render
from loaders.extract.evaluate import evaluate
from loaders.extract.pipeline import Extraction, extract_file
from loaders.protocol import ValidProtocol, read_protocol

USAGE_ERROR = 2


@click.command()
@click.argument("file", type=click.Path(path_type=Path, readable=False))  # our own messages
@click.option("--area", metavar="AREA", help="The area's name (e.g. Leicester); default: read from the text.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write the draft YAML here (for .docx/.pdf the extracted text goes beside it, same name, .txt).",
)
@click.option(
    "--evaluate",
    "reviewed",
    type=click.Path(path_type=Path),
    metavar="REVIEWED.yaml",
    help="Print precision and recall of the draft's relations, duties and memberships against this file.",
)
@click.option("--details/--no-details", default=True, show_default=True, help="With --evaluate: list misses.")
@click.option("--force", is_flag=True, help="Overwrite an existing text file beside the draft.")
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
            draft = _write(extraction, file, output, force)
        else:
            with tempfile.TemporaryDirectory() as scratch:
                draft = _write(extraction, file, Path(scratch) / "draft.yaml", force=True)
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


def _write(extraction: Extraction, file: Path, output: Path, force: bool) -> ValidProtocol:
    """Write the draft (and the text beside it for Word and PDF) so that only a valid draft is ever
    left on disk: the YAML goes to a temporary file beside ``output``, is validated, then renamed."""
    output.parent.mkdir(parents=True, exist_ok=True)
    text_path, wrote_text = _write_text(extraction, file, output, force)
    text_file, draft_dir = text_path.resolve(), output.resolve().parent
    shares_a_folder = os.path.commonpath([text_file, draft_dir]) != text_file.anchor
    source_ref = os.path.relpath(text_file, draft_dir) if shares_a_folder else str(text_file)
    descriptor, scratch_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".yaml", dir=output.parent)
    scratch = Path(scratch_name)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(render(extraction, Path(source_ref).as_posix(), file.name))
        protocol = read_protocol(scratch)
        os.replace(scratch, output)
        return protocol
    except InputError as exc:  # the extractor's own mistake, not the user's: say so, leave nothing
        if wrote_text:
            text_path.unlink(missing_ok=True)
        message = str(exc).replace(str(scratch), str(output))
        raise InputError(
            output, f"the draft does not validate, so it was not written (a bug in extract): {message}"
        ) from None
    finally:
        scratch.unlink(missing_ok=True)


def _write_text(extraction: Extraction, file: Path, output: Path, force: bool) -> tuple[Path, bool]:
    """The text the quotes are checked against, and whether this run wrote it."""
    if not extraction.source.needs_copy:
        return file, False
    text_path = output.with_suffix(".txt")
    if text_path.resolve() == file.resolve():
        raise InputError(output, f"the extracted text would overwrite the input {file}: choose another -o")
    if text_path.exists():
        if text_path.read_text(errors="replace") == extraction.source.text:
            return text_path, False
        if not force:
            raise InputError(
                text_path, "exists and differs from the extracted text: use --force to overwrite it"
            )
    text_path.write_text(extraction.source.text, encoding="utf-8")
    return text_path, True


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(USAGE_ERROR)
