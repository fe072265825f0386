"""The review of one draft: read it with its comments, check a reviewed version with the loader's own
validator, save it in the load format, and load it the way ``govgraph load`` does.

This is the back end ``frontend.review`` talks to; it lives with the CLI because it composes the loaders
and the graph layer, which the front end does not import.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import typing
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from neo4j.exceptions import DriverError, Neo4jError
from pydantic import BaseModel

from govgraph.graph.connection import connect, resolve_target
from govgraph.graph.errors import GraphError
from govgraph.graph.schema import apply_schema
from govgraph.graph.settings import Settings
from govgraph.loaders.document import MAX_NAME, ProtocolDocument
from govgraph.loaders.errors import InputError
from govgraph.loaders.load import LoadFailed, load_documents, read_documents
from govgraph.loaders.protocol import read_protocol
from govgraph.loaders.source import parse_yaml, read_text

# Suggestions below this confidence, or whose notes say they are flagged, are shown apart.
LOW_CONFIDENCE = 0.75
# Sections of the document that hold suggestions, in the order a draft writes them; approvals sit under
# ``protocol`` and are addressed as ``protocol.approved_by``. Sections the format gains later (people, …)
# are found by introspection and reviewed with generic fields.
APPROVALS = "protocol.approved_by"
_REVIEW_MARK = re.compile(r"^review: (accepted|edited|added)\b")
_CONFIDENCE = re.compile(r"confidence (\d(?:\.\d+)?)")
# Fields naming other items, by what they may name (the loader's reference checks, in data form).
_REFERENCES = {
    "owner": "actors",
    "towards": "actors",
    "from": "actors",
    "to": "actors",
    "body": "bodies",
    "bodies": "actors",
    "duty": "duties",
    "clause": "clauses",
}


@dataclass
class Verdict:
    """What the loader's validator says of a reviewed document: fine (with a summary) or one message."""

    ok: bool
    message: str
    line: int | None = None
    field: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "message": self.message, "line": self.line, "field": self.field}


@dataclass
class ReviewedItem:
    """One item as the page sends it back: its data and how the reviewer decided."""

    status: str = "pending"  # pending | accepted | edited | added
    notes: list[str] = field(default_factory=list)


def section_fields() -> list[dict[str, Any]]:
    """Each suggestion section's fields, read off the load format's own models so the page's forms and
    the loader never disagree about what a field holds or which values an enum allows."""
    sections = []
    for name, info in ProtocolDocument.model_fields.items():
        model = _item_model(info.annotation)
        if model is None or name == "clauses":
            continue
        sections.append({"name": name, "fields": _fields_of(model)})
    approvals = _item_model(
        ProtocolDocument.model_fields["protocol"].annotation.model_fields["approved_by"].annotation
    )  # type: ignore[union-attr]
    if approvals is not None:
        sections.append({"name": APPROVALS, "fields": _fields_of(approvals)})
    return sections


def _item_model(annotation: Any) -> type[BaseModel] | None:
    if typing.get_origin(annotation) is not list:
        return None
    (item,) = typing.get_args(annotation)
    return item if isinstance(item, type) and issubclass(item, BaseModel) else None


def _fields_of(model: type[BaseModel]) -> list[dict[str, Any]]:
    out = []
    for name, info in model.model_fields.items():
        key = info.alias or name
        spec: dict[str, Any] = {"name": key, "required": info.is_required()}
        enum = _enum_in(info.annotation)
        if enum is not None:
            spec.update(kind="enum", options=[member.value for member in enum])
        elif key in _REFERENCES:
            spec.update(kind="ref", ref=_REFERENCES[key])
        else:
            spec["kind"] = "text"
        spec["list"] = typing.get_origin(info.annotation) is list
        out.append(spec)
    return out


def _enum_in(annotation: Any) -> type[Enum] | None:
    candidates = [annotation, *typing.get_args(annotation)]
    return next((c for c in candidates if isinstance(c, type) and issubclass(c, Enum)), None)


class DraftReview:
    """A draft under review: where it is read from, where the reviewed file goes, how it is checked."""

    def __init__(self, draft: Path, output: Path | None = None, settings: Settings | None = None) -> None:
        self.draft = draft.resolve()
        self.output = (output or draft).resolve()
        self.current = self.draft  # after a save, the reviewed file is what the page shows
        self.settings = settings

    # -- reading ---------------------------------------------------------------------------------------

    def payload(self) -> dict[str, Any]:
        """Everything the page needs: the document, each item's comments, the source text, the forms."""
        text = read_text(self.current)
        parsed = parse_yaml(self.current, text)
        data = parsed.data
        if not isinstance(data, dict) or not isinstance(data.get("protocol"), dict):
            raise InputError(self.current, "is not a protocol draft (no 'protocol' mapping)", line=1)
        source = data["protocol"].get("source")
        if not isinstance(source, str) or not source:
            raise InputError(self.current, "names no source text", field="protocol.source")
        source_path = (self.current.parent / source).resolve()
        if not source_path.is_relative_to(self.current.parent):  # the loader's rule (never ../../etc/passwd)
            raise InputError(
                self.current,
                f"source text {source} must be a file beside or below {self.current.name}",
                field="protocol.source",
            )
        try:
            source_text = read_text(source_path)
        except InputError as exc:
            raise InputError(
                self.current, f"source text {source_path}: {exc.message}", field="protocol.source"
            ) from None
        lines = text.splitlines()
        sections = section_fields()
        return {
            "path": str(self.current),
            "output": str(self.output),
            "key": f"{self.current}#{hashlib.sha256(text.encode()).hexdigest()[:16]}",
            "sourceName": source_path.name,
            "sourceText": source_text,
            "document": data,
            "comments": {
                name: _item_comments(lines, parsed, name, data)
                for name in ["clauses", *(s["name"] for s in sections)]
            },
            "header": _leading_comments(lines),
            "trailer": _trailing_comments(lines),
            "sections": sections,
            "lowConfidence": LOW_CONFIDENCE,
            "verdict": self.validate(data).as_json(),
        }

    # -- checking and writing --------------------------------------------------------------------------

    def validate(
        self, document: dict[str, Any], items: dict[str, list[ReviewedItem]] | None = None
    ) -> Verdict:
        """The loader's own verdict, on a temporary file beside the output so ``source:`` resolves (with a
        temporary copy of the text beside it when saving would copy the text there)."""
        try:
            document, copy = self._relocated(document)
        except InputError as exc:
            return Verdict(False, exc.message, exc.line, exc.field)
        text = self._render(document, items, copy)
        if copy is not None:
            return self._validate_with_copy(text, copy)
        handle, name = tempfile.mkstemp(
            prefix=f".{self.output.stem}.review-", suffix=".yaml", dir=self.output.parent
        )
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            protocol = read_protocol(Path(name))
        except InputError as exc:
            return Verdict(False, exc.message, exc.line, exc.field)
        finally:
            Path(name).unlink(missing_ok=True)
        return Verdict(True, protocol.summary())

    def _validate_with_copy(self, text: str, copy: _Copy) -> Verdict:
        """The output and the copy of its text as they will be saved, in a temporary folder beside it."""
        with tempfile.TemporaryDirectory(
            prefix=f".{self.output.stem}.review-", dir=self.output.parent
        ) as tmp:
            folder = Path(tmp)
            try:
                (folder / copy.target.name).write_text(copy.text, encoding="utf-8")
                (folder / self.output.name).write_text(text, encoding="utf-8")
                protocol = read_protocol(folder / self.output.name)
            except InputError as exc:
                return Verdict(False, exc.message, exc.line, exc.field)
        return Verdict(True, protocol.summary())

    def save(self, document: dict[str, Any], items: dict[str, list[ReviewedItem]]) -> Verdict:
        """Write the reviewed file, only if the loader accepts it: what is on disk always loads. An output
        in a folder that does not hold the draft's text gets a copy of the text beside it, since the
        loader reads a protocol's text only from beside or below its YAML file."""
        verdict = self.validate(document, items)
        if not verdict.ok:
            return verdict
        document, copy = self._relocated(document)
        copied = ""
        if copy is not None:
            if not copy.target.exists():
                partial = copy.target.with_name(f".{copy.target.name}.saving")
                partial.write_text(copy.text, encoding="utf-8")
                os.replace(partial, copy.target)
                copied = f"; copied its source text {copy.origin} to {copy.target}, {_COPY_REASON}"
            else:
                copied = f"; its source text is the copy of {copy.origin} at {copy.target}"
        partial = self.output.with_name(f".{self.output.name}.saving")
        partial.write_text(self._render(document, items, copy), encoding="utf-8")
        os.replace(partial, self.output)
        self.current = self.output
        return Verdict(True, f"saved {self.output}: {verdict.message}{copied}")

    def render(self, document: dict[str, Any], items: dict[str, list[ReviewedItem]] | None = None) -> str:
        """The document in the load format, with each item's review notes as comments above it."""
        document, copy = self._relocated(document)
        return self._render(document, items, copy)

    def _render(
        self, document: dict[str, Any], items: dict[str, list[ReviewedItem]] | None, copy: _Copy | None
    ) -> str:
        lines = read_text(self.current).splitlines() if self.current.exists() else []
        header = _leading_comments(lines)
        if copy is not None:
            header = _with_review_note(
                header,
                f"{copy.target.name} is a copy of {copy.origin}, written beside this file by "
                f"`govgraph review`: {_COPY_REASON}",
            )
        return render_document(document, items or {}, header, _trailing_comments(lines))

    def _relocated(self, document: dict[str, Any]) -> tuple[dict[str, Any], _Copy | None]:
        """``source:`` is relative to the YAML file, so it is rewritten for an output in another folder;
        when that folder does not hold the text, the text is to be copied beside the output (under its
        own name) and ``source:`` names the copy. A source outside the draft's own folder is left for the
        loader to refuse: the review never copies a file the draft could not be loaded with."""
        protocol = dict(document.get("protocol") or {})
        source = protocol.get("source")
        copy = None
        if isinstance(source, str) and source and self.output.parent != self.current.parent:
            absolute = (self.current.parent / source).resolve()
            reference = _relative(absolute, self.output.parent)
            if reference is not None and absolute.is_relative_to(self.output.parent):
                protocol["source"] = reference
            elif absolute.is_relative_to(self.current.parent) and absolute.is_file():
                copy = _Copy(absolute, self.output.parent / absolute.name, read_text(absolute))
                if copy.target.resolve() == self.output:
                    raise InputError(
                        self.output,
                        f"the copy of its source text {absolute} would overwrite it",
                        field=_SOURCE,
                    )
                if copy.target.exists() and not _holds(copy.target, copy.text):
                    raise InputError(
                        copy.target,
                        f"{copy.target} is not the draft's source text {absolute}, which saving copies "
                        f"beside {self.output.name}: move it away or save elsewhere",
                        field=_SOURCE,
                    )
                protocol["source"] = copy.target.name
            else:
                protocol["source"] = reference or str(absolute)
        return {**document, "protocol": protocol}, copy

    # -- loading -------------------------------------------------------------------------------------

    def load(self) -> tuple[str, str]:
        """Load the saved file exactly as ``govgraph load`` does; returns the area id and the report."""
        if self.settings is None:
            raise GraphError("this review has no database configured")
        area = read_protocol(self.output).document.area.id
        documents = read_documents([self.output])
        target = resolve_target(self.settings)
        with connect(target) as driver:
            apply_schema(driver, self.settings.neo4j_database)
            reports = load_documents(
                driver,
                self.settings.neo4j_database,
                documents,
                force=False,
                timeout=self.settings.tx_timeout,  # GOVGRAPH_TX_TIMEOUT, as `govgraph load` honours it
            )
        return area, "\n".join(report.describe() for report in reports)


_SOURCE = "protocol.source"
_COPY_REASON = "a protocol's source text must be a file beside or below its YAML file"


@dataclass(frozen=True)
class _Copy:
    """The draft's source text, to be copied beside an output in a folder that does not hold it."""

    origin: Path
    target: Path
    text: str


def _relative(path: Path, folder: Path) -> str | None:
    try:
        reference = os.path.relpath(path, folder)
    except ValueError:  # another drive (Windows)
        return None
    return reference if len(reference) <= MAX_NAME else None


def _holds(path: Path, text: str) -> bool:
    try:
        return path.is_file() and read_text(path) == text
    except InputError:
        return False


def _with_review_note(header: list[str], note: str) -> list[str]:
    """The header with ``note`` added to its review notes (the list ``govgraph extract`` starts)."""
    header = list(header) or ["# Reviewed with `govgraph review`."]
    if "# Review notes:" not in header:
        header += ["#", "# Review notes:"]
    return [*header, f"# - {note}"]


# -- comments ------------------------------------------------------------------------------------------


def _leading_comments(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        if not line.startswith("#"):
            break
        out.append(line)
    return out


def _trailing_comments(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in reversed(lines):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        out.insert(0, line)
    return [line for line in out if line.strip()]


def _item_comments(lines: list[str], parsed: Any, section: str, data: dict[str, Any]) -> list[dict]:
    """For each item of a section: the comment lines just above it, its confidence and review mark."""
    path = tuple(section.split("."))
    items = data
    for part in path:
        items = items.get(part) if isinstance(items, dict) else None  # type: ignore[assignment]
    if not isinstance(items, list):
        return []
    out = []
    for index in range(len(items)):
        line = parsed.lines.get((*path, index))
        notes = _comments_above(lines, line) if line else []
        out.append(_describe(notes))
    return out


def _comments_above(lines: list[str], line: int) -> list[str]:
    notes: list[str] = []
    at = line - 2  # the 0-based index of the line above the item
    while at >= 0 and lines[at].lstrip().startswith("#") and not lines[at].startswith("#"):
        notes.insert(0, lines[at].strip()[1:].strip())
        at -= 1
    return notes


def _describe(notes: list[str]) -> dict[str, Any]:
    confidence = next((float(m.group(1)) for n in notes if (m := _CONFIDENCE.search(n))), None)
    mark = next((m.group(1) for n in notes if (m := _REVIEW_MARK.match(n))), None)
    flagged = any("flag" in n.lower() for n in notes if not _REVIEW_MARK.match(n))
    flagged = flagged or (confidence is not None and confidence < LOW_CONFIDENCE)
    return {
        "notes": [n for n in notes if not _REVIEW_MARK.match(n)],
        "confidence": confidence,
        "reviewed": mark,
        "flagged": flagged,
    }


# -- writing -------------------------------------------------------------------------------------------

_TOP = ("format", "area")


def render_document(
    document: dict[str, Any],
    items: dict[str, list[ReviewedItem]],
    header: list[str],
    trailer: list[str] | None = None,
) -> str:
    """YAML in the style of ``govgraph extract``: one flow mapping per item, strings JSON-quoted; the
    draft's header notes and its closing list of unclassified sentences are kept as they were."""
    out = list(header) or ["# Reviewed with `govgraph review`."]
    for key in _TOP:
        if key in document:
            out.append(f"{key}: {_flow(document[key])}")
    out += _protocol(document.get("protocol") or {}, items.get(APPROVALS))
    for key, value in document.items():
        if key in (*_TOP, "protocol"):
            continue
        out.append("")
        if isinstance(value, list):
            out += _section(key, value, items.get(key))
        else:
            out.append(f"{key}: {_flow(value)}")
    if trailer:
        out += ["", *trailer]
    return "\n".join(out) + "\n"


def _protocol(protocol: dict[str, Any], approvals: list[ReviewedItem] | None) -> list[str]:
    out = ["protocol:"]
    for key, value in protocol.items():
        if key == "approved_by" and isinstance(value, list):
            if value:
                out += ["  " + line for line in _section("approved_by", value, approvals)]
        else:
            out.append(f"  {key}: {_flow(value)}")
    return out


def _section(name: str, values: list[Any], reviewed: list[ReviewedItem] | None) -> list[str]:
    if not values:
        return [f"{name}: []"]
    out = [f"{name}:"]
    for index, value in enumerate(values):
        item = reviewed[index] if reviewed and index < len(reviewed) else None
        if item is not None:
            out += [f"  # {note}" for note in item.notes if note]
            if item.status != "pending":
                out.append(f"  # review: {item.status}")
        out.append(f"  - {_flow(value)}")
    return out


def _flow(value: Any) -> str:
    """A YAML flow value; JSON's strings are YAML double-quoted scalars, keys stay plain names."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow(v)}" for key, v in value.items() if v is not None) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    return (
        json.dumps(str(value), ensure_ascii=False)
        if not isinstance(value, int | float)
        else json.dumps(value)
    )


def reviewed_items(raw: Any) -> dict[str, list[ReviewedItem]]:
    """The page's per-item review state, checked loosely: a bad entry becomes a pending item."""
    out: dict[str, list[ReviewedItem]] = {}
    if not isinstance(raw, dict):
        return out
    for section, entries in raw.items():
        if not isinstance(entries, list):
            continue
        out[str(section)] = [
            ReviewedItem(
                status=e.get("status") if e.get("status") in ("accepted", "edited", "added") else "pending",
                notes=[str(n) for n in e.get("notes", []) if isinstance(n, str)][:20],
            )
            for e in entries
            if isinstance(e, dict)
        ]
    return out


# -- the page's API ------------------------------------------------------------------------------------


class ReviewService:
    """JSON in, (status, JSON) out, for ``frontend.review``: user mistakes are messages, not tracebacks."""

    def __init__(self, review: DraftReview) -> None:
        self.review = review

    def payload(self) -> tuple[int, dict[str, Any]]:
        try:
            return 200, self.review.payload()
        except InputError as exc:
            return 422, {"ok": False, "message": str(exc)}

    def validate(self, body: Any) -> tuple[int, dict[str, Any]]:
        document, items = _body(body)
        if document is None:
            return 400, {"ok": False, "message": "the request holds no document"}
        return 200, self.review.validate(document, items).as_json()

    def save(self, body: Any) -> tuple[int, dict[str, Any]]:
        document, items = _body(body)
        if document is None:
            return 400, {"ok": False, "message": "the request holds no document"}
        try:
            verdict = self.review.save(document, items)
        except OSError as exc:
            return 500, {"ok": False, "message": f"could not write {self.review.output}: {exc.strerror}"}
        return (200 if verdict.ok else 422), verdict.as_json()

    def load(self) -> tuple[int, dict[str, Any]]:
        try:
            area, report = self.review.load()
        except InputError as exc:
            return 422, {"ok": False, "message": str(exc)}
        except GraphError as exc:
            return 503, {"ok": False, "message": f"the graph database: {exc}"}
        except LoadFailed as exc:  # a write that timed out or was refused: rolled back, the page says so
            return 503, {"ok": False, "message": str(exc)}
        except (Neo4jError, DriverError) as exc:
            message = getattr(exc, "message", None) or str(exc)
            return 503, {"ok": False, "message": f"the graph database refused the load: {message}"}
        return 200, {"ok": True, "area": area, "message": report}


def _body(body: Any) -> tuple[dict[str, Any] | None, dict[str, list[ReviewedItem]]]:
    if not isinstance(body, dict) or not isinstance(body.get("document"), dict):
        return None, {}
    return body["document"], reviewed_items(body.get("items"))
