"""The GraphQL schema: root fields (names fixed so clients can rely on them), each calling one function.

Guards against abusive queries live here too: depth, aliases and tokens are limited by strawberry's
extensions, page sizes by ``api.pages``, and errors are masked unless they are meant for the client.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

import strawberry
from govgraph.api import fetch, findings, types
from govgraph.api.pages import DEFAULT_PAGE, Connection
from govgraph.api.store import ApiError
from graphql import GraphQLError
from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.types import Info

MAX_DEPTH = 12
MAX_ALIASES = 20
MAX_TOKENS = 4000
INTERNAL_ERROR = "Internal error; it has been logged."
COMPILED = "answered by the selection compiler (api.execute), not by strawberry's resolvers"

Ctx = Info[fetch.Context, None]
log = logging.getLogger("govgraph.api")


@strawberry.type
class Query:
    @strawberry.field(description="Areas with protocols loaded.")
    async def areas(
        self, info: Ctx, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[types.Area]:
        return await fetch.areas(info.context, first, after)

    @strawberry.field
    async def protocols(
        self, info: Ctx, area: str | None = None, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[types.Protocol]:
        return fetch.wrap(
            await fetch.listing(info.context, "Protocol", first, after, area=area), types.Protocol.of
        )

    @strawberry.field
    async def protocol(self, info: Ctx, id: strawberry.ID) -> types.Protocol | None:
        return await fetch.one(info.context, id, "Protocol", types.Protocol.of)

    @strawberry.field
    async def bodies(
        self,
        info: Ctx,
        area: str | None = None,
        kind: str | None = None,
        first: int = DEFAULT_PAGE,
        after: str | None = None,
    ) -> Connection[types.Body]:
        page = await fetch.listing(info.context, "Body", first, after, area=area, kind=kind)
        return fetch.wrap(page, types.Body.of)

    @strawberry.field
    async def body(self, info: Ctx, id: strawberry.ID) -> types.Body | None:
        return await fetch.one(info.context, id, "Body", types.Body.of)

    @strawberry.field(description="An Act or guidance, with every clause that cites it.")
    async def legislation(self, info: Ctx, id: strawberry.ID) -> types.Legislation | None:
        raise ApiError(COMPILED)

    @strawberry.field(description="People recorded in membership registers.")
    async def people(
        self, info: Ctx, area: str | None = None, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[types.Person]:
        return fetch.wrap(
            await fetch.listing(info.context, "Person", first, after, area=area), types.Person.of
        )

    @strawberry.field
    async def person(self, info: Ctx, id: strawberry.ID) -> types.Person | None:
        return await fetch.one(info.context, id, "Person", types.Person.of)

    @strawberry.field
    async def roles(
        self, info: Ctx, area: str | None = None, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[types.Role]:
        return fetch.wrap(await fetch.listing(info.context, "Role", first, after, area=area), types.Role.of)

    @strawberry.field
    async def role(self, info: Ctx, id: strawberry.ID) -> types.Role | None:
        return await fetch.one(info.context, id, "Role", types.Role.of)

    @strawberry.field(description="Who sits on both bodies (roles, and people through the roles they hold).")
    async def shared_members(
        self,
        info: Ctx,
        a: strawberry.ID,
        b: strawberry.ID,
        first: int = DEFAULT_PAGE,
        after: str | None = None,
    ) -> Connection[types.SharedMember]:
        return await fetch.shared_members(info.context, a, b, first, after)

    @strawberry.field(description="Duties, filtered by area, owner, towards and kind, or searched by text.")
    async def duties(
        self,
        info: Ctx,
        area: str | None = None,
        owner: strawberry.ID | None = None,
        towards: strawberry.ID | None = None,
        kind: str | None = None,
        text: str | None = None,
        first: int = DEFAULT_PAGE,
        after: str | None = None,
    ) -> Connection[types.Duty]:
        return await fetch.duties(
            info.context, first, after, area=area, owner=owner, towards=towards, kind=kind, text=text
        )

    @strawberry.field(description="Chains of stated relations from one body or person to another body.")
    async def accountability_paths(
        self,
        info: Ctx,
        from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
        to: strawberry.ID,
        max_hops: int = 4,
        edge_types: Annotated[list[types.PathEdge] | None, strawberry.argument(name="types")] = None,
        first: int = DEFAULT_PAGE,
        after: str | None = None,
    ) -> Connection[types.Path]:
        wanted = [t.value for t in edge_types] if edge_types else None
        return await fetch.paths(info.context, from_, to, max_hops, wanted, first, after)

    @strawberry.field(
        description="Who the party answers to, all the way up: REPORTS_TO, SUBGROUP_OF, CHAIRS, "
        "a role's post "
        "and a person's roles as stated; HOLDS_TO_ACCOUNT, SCRUTINISES and CHALLENGES reversed."
    )
    async def accountable_to(
        self,
        info: Ctx,
        id: strawberry.ID,
        max_hops: int = 4,
        first: int = DEFAULT_PAGE,
        after: str | None = None,
    ) -> Connection[types.AccountabilityChain]:
        raise ApiError(COMPILED)

    @strawberry.field(
        description="Who and what the party answers for, all the way down: the same edges walked the other "
        "way, and the party's duties of kind accountability."
    )
    async def accountable_for(
        self,
        info: Ctx,
        id: strawberry.ID,
        max_hops: int = 4,
        first: int = DEFAULT_PAGE,
        after: str | None = None,
    ) -> Connection[types.AccountabilityChain]:
        raise ApiError(COMPILED)

    @strawberry.field(
        description="Independence check findings (as `govgraph check`), each with clause and path."
    )
    async def checks(
        self,
        info: Ctx,
        area: str | None = None,
        rules: list[str] | None = None,
        min_severity: findings.Severity | None = None,
    ) -> list[findings.Finding]:
        return await fetch.check_findings(info.context, area, rules, min_severity)

    @strawberry.field(
        description="Each rule's outcome per area: PASSED, FAILED or UNVERIFIED (with the reason)."
    )
    async def check_results(
        self, info: Ctx, area: str | None = None, rules: list[str] | None = None
    ) -> list[findings.CheckResult]:
        return await findings.check_results(info.context, area, rules)

    @strawberry.field(description="Bodies, roles, people, duties and clauses matching a phrase.")
    async def search(
        self, info: Ctx, text: str, first: int = DEFAULT_PAGE, after: str | None = None
    ) -> Connection[types.SearchHit]:
        return await fetch.search(info.context, text, first, after)


class StatementCount(SchemaExtension):
    """Reports how many Cypher statements the request sent (``extensions.cypherStatements``)."""

    def get_results(self) -> dict[str, Any]:
        context = self.execution_context.context
        log = getattr(context, "log", None)
        return {"cypherStatements": len(log.names)} if log is not None else {}


def _should_mask(error: GraphQLError) -> bool:
    """Validation errors and ApiErrors speak to the client; anything else is an internal fault."""
    original = error.original_error
    return original is not None and not isinstance(original, ApiError)


def _extensions() -> list:
    return [
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: MaskErrors(should_mask_error=_should_mask, error_message=INTERNAL_ERROR),
        StatementCount,
    ]


class GovgraphSchema(strawberry.Schema):
    """Logs faults with their traceback, but a client's mistake or a database outage as one line."""

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        faults = [e for e in errors if not isinstance(e.original_error, ApiError)]
        for error in errors:
            if isinstance(error.original_error, ApiError):
                log.info("request refused: %s", error.message)
        if faults:
            super().process_errors(faults, execution_context)


schema = GovgraphSchema(query=Query, extensions=_extensions(), types=[types.Body, types.Role, types.Person])
