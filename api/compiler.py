"""The selection compiler: a GraphQL selection set becomes one Cypher map projection, nested as GraphQL nests.

Each field of each object type is a small building block (``api.fields``): a property, a list of nodes or
edges reached by a typed pattern in a ``COLLECT {}`` subquery, or one node looked up by id. Compiling a
selection walks the request's fields (fragments, inline fragments and aliases included) and writes the map
``{alias: expression, ...}`` for each, so Neo4j returns exactly what was asked, shaped as the response.
Labels, relationship types and property names come only from these blocks; every value the client sends
(arguments, variables) becomes a ``$parameter``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLSchema,
    InlineFragmentNode,
    SelectionSetNode,
    get_named_type,
    is_abstract_type,
)
from graphql.execution.values import get_argument_values, get_directive_values
from graphql.type import GraphQLIncludeDirective, GraphQLSkipDirective

CONCRETE_PARTIES = ("Body", "Role", "Person")
Fields = dict[str, list[FieldNode]]


@dataclass
class Slot:
    """A parameter the statement takes, filled from one field's arguments when the request runs."""

    name: str
    field_def: GraphQLField
    node: FieldNode
    convert: Callable[[dict[str, Any]], Any]


@dataclass
class Build:
    """The state of compiling one root field: fresh variable names, parameter slots, post-processing."""

    schema: GraphQLSchema
    fragments: dict[str, FragmentDefinitionNode]
    variables: dict[str, Any]
    slots: list[Slot] = field(default_factory=list)
    marks: list[list[FieldNode]] = field(default_factory=list)
    counter: int = 0

    def var(self, stem: str = "v") -> str:
        self.counter += 1
        return f"{stem}{self.counter}"

    def slot(self, field_def: GraphQLField, node: FieldNode, convert: Callable[[dict[str, Any]], Any]) -> str:
        name = f"a{len(self.slots)}"
        self.slots.append(Slot(name, field_def, node, convert))
        return f"${name}"

    def collect(self, type_name: str, nodes: list[FieldNode]) -> Fields:
        """The fields under ``nodes`` for an object of ``type_name``, by response key, fragments resolved."""
        found: Fields = {}
        for node in nodes:
            if node.selection_set is not None:
                self._collect(type_name, node.selection_set, found)
        return found

    def _collect(self, type_name: str, selection_set: SelectionSetNode, found: Fields) -> None:
        for selection in selection_set.selections:
            if not self._included(selection):
                continue
            if isinstance(selection, FieldNode):
                key = selection.alias.value if selection.alias else selection.name.value
                found.setdefault(key, []).append(selection)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition.name.value if selection.type_condition else None
                if self._applies(condition, type_name):
                    self._collect(type_name, selection.selection_set, found)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment and self._applies(fragment.type_condition.name.value, type_name):
                    self._collect(type_name, fragment.selection_set, found)

    def _applies(self, condition: str | None, type_name: str) -> bool:
        if condition is None or condition == type_name:
            return True
        abstract = self.schema.get_type(condition)
        concrete = self.schema.get_type(type_name)
        return bool(
            abstract is not None
            and concrete is not None
            and is_abstract_type(abstract)
            and self.schema.is_sub_type(abstract, concrete)  # type: ignore[arg-type]
        )

    def _included(self, selection: Any) -> bool:
        skip = get_directive_values(GraphQLSkipDirective, selection, self.variables)
        if skip and skip.get("if"):
            return False
        include = get_directive_values(GraphQLIncludeDirective, selection, self.variables)
        return not (include and not include.get("if"))

    def field_def(self, type_name: str, name: str) -> GraphQLField:
        return self.schema.get_type(type_name).fields[name]  # type: ignore[union-attr]


def arguments(slot: Slot, variables: dict[str, Any]) -> dict[str, Any]:
    return get_argument_values(slot.field_def, slot.node, variables)


def quote_key(key: str) -> str:
    """A response key as a map key: GraphQL names are [_A-Za-z][_0-9A-Za-z]*, so backticks are safe."""
    return f"`{key}`"


# A block: (build, variable, field nodes, response type name) -> Cypher expression
Block = Callable[[Build, str, list[FieldNode]], str]


def project(build: Build, type_name: str, var: str, nodes: list[FieldNode]) -> str:
    """The map of the selection under ``nodes`` for the object bound to ``var``; interfaces by label."""
    from govgraph.api.fields import BLOCKS  # the blocks call back into project()

    if type_name == "Party":
        cases = " ".join(
            f"WHEN {var}:{concrete} THEN {project(build, concrete, var, nodes)}"
            for concrete in CONCRETE_PARTIES
        )
        return f"CASE {cases} END"
    entries = []
    for key, field_nodes in build.collect(type_name, nodes).items():
        name = field_nodes[0].name.value
        if name == "__typename":
            entries.append(f"{quote_key(key)}: '{type_name}'")
            continue
        block = BLOCKS[type_name][name]
        entries.append(f"{quote_key(key)}: {block(build, var, field_nodes)}")
    return "{" + ", ".join(entries) + "}"


def return_type(build: Build, parent: str, nodes: list[FieldNode]) -> str:
    return get_named_type(build.field_def(parent, nodes[0].name.value).type).name


def _party(build: Build, var: str, nodes: list[FieldNode]) -> str:
    """An interface by label; one map when the selection is the same for every kind of party."""
    maps = {concrete: project(build, concrete, var, nodes) for concrete in CONCRETE_PARTIES}
    shapes = {text.replace(f"'{concrete}'", "'?'") for concrete, text in maps.items()}
    if len(shapes) == 1:
        typename = " ".join(f"WHEN {var}:{c} THEN '{c}'" for c in CONCRETE_PARTIES)
        shape = shapes.pop().replace("'?'", f"CASE {typename} END")
        return f"CASE WHEN {var}:Body OR {var}:Role OR {var}:Person THEN {shape} END"
    cases = " ".join(f"WHEN {var}:{concrete} THEN {text}" for concrete, text in maps.items())
    return f"CASE {cases} END"
