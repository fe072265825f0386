"""Answering a GraphQL request: parse and validate once per document, compile once per operation, then
run one statement per root field and pass Neo4j's nested answer through.

Introspection (the IDE, the explorer's probe) runs on graphql-core's own executor, which needs no
database; ``checks`` and ``Body.findings`` come from the checks engine, as ``govgraph check`` does.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from govgraph.api import fetch, findings, roots
from govgraph.api.compiler import Build, arguments
from govgraph.api.pages import connection
from govgraph.api.schema import INTERNAL_ERROR, MAX_ALIASES, MAX_DEPTH, MAX_TOKENS
from govgraph.api.store import ApiError
from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLError,
    GraphQLSchema,
    NameNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    execute,
    get_operation_ast,
    parse,
    specified_rules,
    validate,
)
from graphql.execution.values import get_argument_values, get_variable_values
from strawberry.extensions.max_aliases import create_validator as alias_validator
from strawberry.extensions.query_depth_limiter import create_validator as depth_validator

log = logging.getLogger("govgraph.api")
CACHE_SIZE = 256
RULES = (*specified_rules, depth_validator(MAX_DEPTH, None), alias_validator(MAX_ALIASES))


@dataclass
class Operation:
    """A validated operation and, once asked, its compiled root fields (keyed by directive variables)."""

    document: DocumentNode
    operation: OperationDefinitionNode
    compiled: OrderedDict[Any, list[tuple[str, FieldNode, roots.Plan | None]]] = field(
        default_factory=OrderedDict
    )
    directives: bool = False  # whether @skip/@include appear (then variables can change the selection)
    constant: bool = False  # no variables: each root field's arguments, so its statement, never change

    def __post_init__(self) -> None:
        self.directives = _has_directives(self)
        self.constant = not self.operation.variable_definitions


class Documents:
    """Parsed, validated and compiled documents, bounded, least recently used dropped first."""

    def __init__(self, schema: GraphQLSchema, size: int = CACHE_SIZE) -> None:
        self.schema, self.size = schema, size
        self._parsed: OrderedDict[tuple[str, str | None], Operation | list[GraphQLError]] = OrderedDict()

    def operation(self, text: str, name: str | None) -> Operation | list[GraphQLError]:
        key = (text, name)
        found = self._parsed.get(key)
        if found is None:
            found = self._prepare(text, name)
            self._parsed[key] = found
            if len(self._parsed) > self.size:
                self._parsed.popitem(last=False)
        else:
            self._parsed.move_to_end(key)
        return found

    def _prepare(self, text: str, name: str | None) -> Operation | list[GraphQLError]:
        try:
            document = parse(text, max_tokens=MAX_TOKENS)
        except GraphQLError as error:
            return [error]
        errors = validate(self.schema, document, RULES)
        if errors:
            return errors
        operation = get_operation_ast(document, name)
        if operation is None:
            return [GraphQLError("Unknown operation, or several operations and no operationName.")]
        if operation.operation is not OperationType.QUERY:
            return [GraphQLError("This API only answers queries; it has no mutations or subscriptions.")]
        return Operation(document, operation)


def _fragments(document: DocumentNode) -> dict[str, Any]:
    return {d.name.value: d for d in document.definitions if d.__class__.__name__ == "FragmentDefinitionNode"}


def _compile(schema: GraphQLSchema, op: Operation, variables: dict[str, Any]) -> list:
    """Each root field once per operation (and per value of variables used by @skip/@include)."""
    key = tuple(sorted((k, repr(v)) for k, v in variables.items())) if op.directives else ()
    found = op.compiled.get(key)
    if found is not None:
        return found
    root = Build(schema, _fragments(op.document), variables)
    fields = []
    for response_key, nodes in root.collect("Query", [_as_field(op.operation)]).items():
        name = nodes[0].name.value
        build = Build(schema, root.fragments, variables)
        compiled = roots.plan(build, name, nodes) if name in roots.WRITERS else None
        fields.append((response_key, nodes[0], compiled, nodes))
    op.compiled[key] = fields
    if len(op.compiled) > 16:
        op.compiled.popitem(last=False)
    return fields


def _has_directives(op: Operation) -> bool:
    return any(isinstance(n, FieldNode) and n.directives for n in _walk(op.operation.selection_set)) or any(
        n.directives for d in _fragments(op.document).values() for n in _walk(d.selection_set)
    )


def _walk(selection_set: SelectionSetNode | None) -> list[Any]:
    found: list[Any] = []
    for selection in selection_set.selections if selection_set else ():
        found.append(selection)
        found.extend(_walk(getattr(selection, "selection_set", None)))
    return found


def _as_field(operation: OperationDefinitionNode) -> FieldNode:
    return FieldNode(
        name=NameNode(value="query"), selection_set=operation.selection_set, directives=(), arguments=()
    )


@dataclass
class Answer:
    data: dict[str, Any] | None
    errors: list[dict[str, Any]]
    statements: list[str]


async def answer(
    schema: GraphQLSchema,
    documents: Documents,
    ctx: fetch.Context,
    text: str,
    variables: dict[str, Any] | None,
    name: str | None,
) -> Answer:
    op = documents.operation(text, name)
    if isinstance(op, list):
        return Answer(None, [_refused(e) for e in op], [])
    coerced = (
        {} if op.constant else get_variable_values(schema, op.operation.variable_definitions, variables or {})
    )
    if isinstance(coerced, list):
        return Answer(None, [_refused(e) for e in coerced], [])
    fields = _compile(schema, op, coerced)
    data: dict[str, Any] = {}
    errors: list[dict[str, Any]] = []
    introspection = [f for f in fields if f[1].name.value.startswith("__")]
    asked = [f for f in fields if not f[1].name.value.startswith("__")]
    results = await _roots(schema, ctx, asked, coerced, op.constant)
    by_key = dict(zip([f[0] for f in asked], results, strict=True))
    if introspection:
        by_key.update(_introspect(schema, op, [f[1] for f in introspection], variables or {}, errors))
    null_data = False
    for key, node, _compiled, _nodes in fields:
        value = by_key.get(key)
        if isinstance(value, BaseException):
            errors.append(_error(value, node, key))
            value = None
            null_data = null_data or _non_null(schema, node)
        data[key] = value
    return Answer(None if null_data else data, errors, ctx.log.names)


async def _roots(
    schema: GraphQLSchema, ctx: fetch.Context, asked: list, variables: dict[str, Any], constant: bool
) -> list[Any]:
    """Each root field's value, or the exception it raised. Several run concurrently; the usual single
    one is awaited in place, which spares a task and a turn of the event loop per request."""
    if len(asked) != 1:
        return await asyncio.gather(
            *(_root(schema, ctx, f, variables, constant) for f in asked), return_exceptions=True
        )
    try:
        return [await _root(schema, ctx, asked[0], variables, constant)]
    except Exception as exc:  # as gather(return_exceptions=True) hands them back
        return [exc]


def _refused(error: GraphQLError) -> dict[str, Any]:
    """A document the schema refuses (syntax, unknown field or enum value, limits) is the client's mistake."""
    formatted = dict(error.formatted)
    formatted["extensions"] = {**(formatted.get("extensions") or {}), "code": "BAD_REQUEST"}
    return formatted


def _non_null(schema: GraphQLSchema, node: FieldNode) -> bool:
    return schema.query_type.fields[node.name.value].type.__class__.__name__ == "GraphQLNonNull"  # type: ignore[union-attr]


def _error(exc: BaseException, node: FieldNode, key: str) -> dict[str, Any]:
    location = node.loc.source.get_location(node.loc.start) if node.loc else None
    where = [{"line": location.line, "column": location.column}] if location else []
    if isinstance(exc, ApiError):
        return {"message": str(exc), "locations": where, "path": [key], "extensions": exc.extensions}
    log.error("internal error answering %s", key, exc_info=exc)
    return {"message": INTERNAL_ERROR, "locations": where, "path": [key]}


def _introspect(
    schema: GraphQLSchema, op: Operation, nodes: list[FieldNode], variables: dict[str, Any], errors: list
) -> dict[str, Any]:
    if all(n.name.value == "__typename" for n in nodes):
        return {(n.alias.value if n.alias else "__typename"): "Query" for n in nodes}
    source = op.operation
    operation = OperationDefinitionNode(
        operation=source.operation,
        name=source.name,
        variable_definitions=source.variable_definitions,
        directives=source.directives,
        selection_set=SelectionSetNode(selections=tuple(nodes)),
    )
    document = DocumentNode(definitions=(operation, *_fragments(op.document).values()))
    result = execute(schema, document, variable_values=variables)
    errors.extend(e.formatted for e in result.errors or [])
    return dict(result.data or {})  # type: ignore[arg-type]


async def _root(
    schema: GraphQLSchema, ctx: fetch.Context, entry: tuple, variables: dict[str, Any], constant: bool
) -> Any:
    _key, node, plan, nodes = entry
    if plan is not None and plan.fixed is not None:
        args, text, params = plan.fixed
    else:
        args = get_argument_values(schema.query_type.fields[node.name.value], node, variables)  # type: ignore[union-attr]
        if plan is None:
            return await _checks(schema, ctx, nodes, args)
        text, params = roots.statement(plan, args)
        for slot in plan.build.slots:
            params[slot.name] = slot.convert(arguments(slot, variables))
        if constant:  # arguments were valid; the same document will send the same statement
            plan.fixed = (args, text, params)
    row = await ctx.store.one(text, params, ctx.log, f"api/compiled/{plan.name}")
    if plan.name in roots.SINGLE:
        value = row["value"] if row else None
    else:
        roots.check_found(plan, args, row or {})
        value = _page(plan, row or {}, params["offset"])
    if plan.build.marks and value is not None:
        await _fill_findings(schema, ctx, plan.build, value)
    return value


def _page(plan: roots.Plan, row: dict[str, Any], offset: int) -> dict[str, Any]:
    """The connection's own fields around the items Neo4j projected."""
    items, total = row.get("items", []), row.get("total", 0)
    page = connection(items, total, offset)
    out: dict[str, Any] = {}
    for key, nodes in plan.page_keys.items():
        name = nodes[0].name.value
        if name == "nodes":
            out[key] = items if len(plan.items) == 1 else [item[key] for item in items]
        elif name == "totalCount":
            out[key] = total
        elif name == "__typename":
            out[key] = f"{roots.CONNECTION_ITEM[plan.name]}Connection"
        elif name == "pageInfo":
            out[key] = _page_info(plan.build, page.page_info, nodes)
    return out


def _page_info(build: Build, info: Any, nodes: list[FieldNode]) -> dict[str, Any]:
    values = {"hasNextPage": info.has_next_page, "endCursor": info.end_cursor, "__typename": "PageInfo"}
    return {key: values[found[0].name.value] for key, found in build.collect("PageInfo", nodes).items()}


async def _checks(schema: GraphQLSchema, ctx: fetch.Context, nodes: list[FieldNode], args: dict) -> Any:
    if nodes[0].name.value == "checkResults":
        results = await findings.check_results(ctx, args.get("area"), args.get("rules"))
        return [plain(Build(schema, {}, {}), "CheckResult", r, nodes) for r in results]
    floor = args.get("minSeverity")
    severity = findings.Severity(getattr(floor, "value", floor)) if floor is not None else None
    found = await fetch.check_findings(ctx, args.get("area"), args.get("rules"), severity)
    build = Build(schema, {}, {})
    return [plain(build, "Finding", f, nodes) for f in found]


async def _fill_findings(schema: GraphQLSchema, ctx: fetch.Context, build: Build, value: Any) -> None:
    """Replace each body's findings marker by its findings, projected as selected."""
    for holder, key, mark in _markers(value):
        found = await fetch.area_findings(ctx, mark["area"])
        about = [f for f in found if any(n.id == mark["id"] for n in (*f.subjects, *f.nodes))]
        floor = findings.Severity(mark["floor"]) if mark["floor"] else None
        selected = findings.select(about, None, floor)
        holder[key] = [plain(build, "Finding", f, build.marks[mark["__findings__"]]) for f in selected]


def _markers(value: Any) -> list[tuple[Any, Any, dict]]:
    found: list[tuple[Any, Any, dict]] = []
    stack = [value]
    while stack:
        item = stack.pop()
        pairs = item.items() if isinstance(item, dict) else enumerate(item) if isinstance(item, list) else ()
        for key, child in pairs:
            if isinstance(child, dict) and "__findings__" in child:
                found.append((item, key, child))
            elif isinstance(child, dict | list):
                stack.append(child)
    return found


def plain(build: Build, type_name: str, obj: Any, nodes: list[FieldNode]) -> Any:
    """Project a Python object (a finding) by the selection, as GraphQL would resolve its attributes."""
    out: dict[str, Any] = {}
    for key, found in build.collect(type_name, nodes).items():
        name = found[0].name.value
        if name == "__typename":
            out[key] = type_name
            continue
        value = getattr(obj, _snake(name))
        child = build.field_def(type_name, name).type
        while hasattr(child, "of_type"):
            child = child.of_type
        out[key] = _plain_value(build, child, value, found)
    return out


def _plain_value(build: Build, child: Any, value: Any, nodes: list[FieldNode]) -> Any:
    if isinstance(value, list):
        return [_plain_value(build, child, v, nodes) for v in value]
    if value is None:
        return None
    if hasattr(child, "fields"):
        return plain(build, child.name, value, nodes)
    if hasattr(child, "values"):  # an enum: its GraphQL name
        return value.name
    return value


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)
