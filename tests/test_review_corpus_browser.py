"""The review page on a real protocol, end to end in headless Chromium against the real Neo4j: a draft that
`govgraph extract` makes in the test from a development-half corpus text is reviewed (some suggestions
accepted, one rejected, bodies and a relation added from text selections, a duty added), saved, loaded with
the page's button, and the explorer then shows the added edge with its clause.

The extractor changes under this test, so what it decides on is read from the page, never from a list of
ids: the items accepted are the next ones still to decide, the one rejected is a relation (or, with none, a
legislation or declaration) nothing else names, and each body the added relation joins is taken from the
draft by its name or added by selecting its name in the text. What it then asserts is the reviewer's own
work, which no change of the extractor should undo.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from govgraph.loaders.protocol import read_protocol
from playwright.sync_api import Page

from tests.conftest import Cli, HttpApp
from tests.corpus import CORPUS, half_of
from tests.test_diagram import CDN, screenshot, watch
from tests.test_explorer import STATE, panel_section, point_of_edge
from tests.test_review_browser import REVIEW, open_review, select_words, serve_review, settle

SLUG = "oxfordshire"  # a development-half document: tests/corpus.py decides, and the first test checks
AREA = "Oxfordshire"
# The relation the reviewer adds, and the bodies at its ends (by their names in the text).
ADDED_QUOTE = "They work with relevant partners through the Oxfordshire Safeguarding Children Board"
ADDED_TYPE = "COOPERATES_WITH"
FROM_BODY = ("Executive Group", "subgroup")
TO_BODY = ("Oxfordshire Safeguarding Children Board", "safeguarding_board")
# The duty the reviewer adds, and a body the draft may miss, named by the reviewer from the text.
DUTY_QUOTE = "co-ordinate their safeguarding services"
NEW_BODY = ("Integrated Care Board Buckinghamshire, Oxfordshire, and Berkshire West", "nhs_body")
# Sections whose items nothing else in a document names: rejecting one never breaks a reference.
UNREFERENCED = ("relations", "legislation", "declarations")


@pytest.fixture(scope="module")
def draft(cli: Cli, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("review-corpus") / "draft.yaml"
    result = cli("extract", CORPUS / SLUG / "text.txt", "--area", AREA, "-o", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def app(cli: Cli, server_home: Path, draft: Path) -> Iterator[HttpApp]:
    yield from serve_review(cli, server_home, draft)


def fresh_review(page: Page, app: HttpApp) -> None:
    """The page with no decision kept from an earlier test."""
    open_review(page, app)
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("body[data-state=ready]", timeout=60_000)


def clause_holding(draft: Path, quote: str) -> str:
    """The one clause of the draft whose text holds ``quote``."""
    clauses = [c.id for c in read_protocol(draft).document.clauses if quote in " ".join(c.text.split())]
    assert len(clauses) == 1, (quote, clauses)
    return clauses[0]


def body_named(page: Page, name: str) -> str | None:
    """The id of a body of the review (not rejected) whose name or an alias is ``name``."""
    return page.evaluate(
        f"""name => {{ const n = name.toLowerCase();
              const hit = {REVIEW}.items.find(x => x.section === "bodies" && x.status !== "rejected" &&
                [x.data.name, ...(x.data.aliases || [])].some(a => a.toLowerCase() === n));
              return hit ? hit.data.id : null; }}""",
        name,
    )


def ensure_body(page: Page, name: str, kind: str) -> str:
    """The draft's body of that name, accepted; or, when the draft misses it, one added by selecting its
    name in the text. Either way the body is then highlighted at its words and will be saved."""
    found = body_named(page, name)
    if found is None:
        select_words(page, name)
        page.wait_for_selector("#rv-add:not([hidden])")
        page.check("input[name=rv-add-what][value=bodies]")
        assert page.locator("#rv-add-ends").is_hidden()  # a body has no ends to pick
        page.select_option("#rv-add-type", kind)
        page.click("#rv-add-submit")
        settle(page)
        found = body_named(page, name)
        assert found is not None, f"adding {name!r} from the selection made no body"
        item = page.evaluate(f"{REVIEW}.items.find(x => x.section === 'bodies' && x.data.id === {found!r})")
        assert item["added"] and item["status"] == "accepted" and item["data"]["kind"] == kind
    else:
        card = page.locator(f".rv-card[data-section=bodies][data-key='{key_of(page, found)}']")
        if card.get_attribute("data-status") == "pending":
            card.locator("button[data-action=accept]").click()
            settle(page)
    key = key_of(page, found)
    highlighted = page.evaluate(
        "key => [...document.querySelectorAll('#rv-text [data-keys]')]"
        ".filter(s => s.dataset.keys.split(' ').includes(key)).map(s => s.textContent).join('')",
        key,
    )
    assert name.lower() in " ".join(highlighted.split()).lower(), (name, highlighted)
    return found


def key_of(page: Page, body: str) -> str:
    return page.evaluate(
        f"{REVIEW}.items.find(x => x.section === 'bodies' && x.data.id === {body!r}"
        " && x.status !== 'rejected').key"
    )


def status_counts(page: Page) -> dict[str, int]:
    return page.evaluate(
        f"""(() => {{ const c = {{accepted: 0, rejected: 0, added: 0}};
              {REVIEW}.items.forEach(x => {{ if (x.status in c) c[x.status]++; if (x.added) c.added++; }});
              return c; }})()"""
    )


def test_the_corpus_document_is_of_the_development_half_and_its_draft_is_highlighted(
    app: HttpApp, page: Page, draft: Path
) -> None:
    assert half_of(SLUG) == "dev"
    seen = watch(page)
    fresh_review(page, app)
    page.wait_for_load_state("networkidle")
    assert seen.clean(), seen
    assert all(url.startswith(app.url) for url in seen.requests), seen.requests
    assert not CDN.search(page.content())
    items = page.evaluate(f"{REVIEW}.items.map(x => [x.key, x.section, x.span, x.problem])")
    assert items and [key for key, _, span, problem in items if span is None or problem] == []
    # people are marked as their own kind, each at its name, and the legend says which mark is whose
    people = read_protocol(draft).document.people
    assert people, "the draft names no person (the text names three beside their posts)"
    for index, person in enumerate(people):
        marks = page.evaluate(  # the segments where the person is the innermost item, which sets the mark
            "key => [...document.querySelectorAll('#rv-text [data-keys]')]"
            ".filter(s => s.dataset.keys.split(' ')[0] === key).map(s => [s.textContent, [...s.classList]])",
            f"people/{index}",
        )
        assert marks and all("rv-k-people" in classes for _, classes in marks), (person.id, marks)
        assert person.name in "".join(text for text, _ in marks)
    legend = page.locator("#rv-legend li[data-kind=people] .rv-hl")
    assert legend.inner_text() == "person"
    decoration = legend.evaluate("e => getComputedStyle(e).textDecorationStyle")
    role_mark = page.locator("#rv-legend li[data-kind=roles] .rv-hl").evaluate(
        "e => [getComputedStyle(e).borderBottomStyle, getComputedStyle(e).textDecorationStyle]"
    )
    assert decoration == "wavy" and role_mark[0] == "solid", (decoration, role_mark)
    screenshot(page, "review-corpus-draft")


def test_a_body_and_a_duty_added_from_selections_are_highlighted_and_valid(app: HttpApp, page: Page) -> None:
    fresh_review(page, app)
    duties_before = page.evaluate("window.govgraphReview.reviewed().document.duties || []")
    owner = ensure_body(page, *FROM_BODY)
    icb = ensure_body(page, *NEW_BODY)
    select_words(page, DUTY_QUOTE)
    page.wait_for_selector("#rv-add:not([hidden])")
    page.check("input[name=rv-add-what][value=duties]")
    assert page.locator("#rv-add-type-label").inner_text() == "Kind"
    page.select_option("#rv-add-type", "coordination")
    page.select_option("#rv-add-from", owner)
    page.select_option("#rv-add-to", "")  # a duty may be owed to no one in particular
    page.click("#rv-add-submit")
    settle(page)
    assert page.locator("body").get_attribute("data-verdict") == "ok", page.locator(
        "#rv-verdict"
    ).inner_text()
    document = page.evaluate("window.govgraphReview.reviewed().document")
    added = [d for d in document["duties"] if d not in duties_before]
    assert len(added) == 1, added
    (duty,) = added
    assert (duty["owner"], duty["kind"], duty["text"]) == (owner, "coordination", DUTY_QUOTE)
    assert "towards" not in duty
    assert any(b["id"] == icb and b["name"] == NEW_BODY[0] for b in document["bodies"])
    card = page.locator(".rv-card.rv-selected")
    assert card.get_attribute("data-section") == "duties" and "coordination:" in card.inner_text()
    marked = page.evaluate(
        "key => [...document.querySelectorAll('#rv-text .rv-k-duties')]"
        ".filter(s => s.dataset.keys.split(' ').includes(key)).map(s => s.textContent).join('')",
        card.get_attribute("data-key"),
    )
    assert marked == DUTY_QUOTE
    verdict = page.locator("#rv-verdict").inner_text()
    assert f"{len(duties_before) + 1} duties" in verdict, verdict
    screenshot(page, "review-corpus-duty")
    page.evaluate("localStorage.clear()")


def test_a_corpus_draft_reviewed_saved_and_loaded_shows_the_added_edge_in_the_explorer(
    app: HttpApp, page: Page, draft: Path, cli: Cli
) -> None:
    before = read_protocol(draft).document
    clause = clause_holding(draft, ADDED_QUOTE)
    fresh_review(page, app)

    # accept three with the keyboard: n selects the next suggestion to decide, a accepts and moves on
    page.locator("#rv-text").focus()
    page.keyboard.press("n")
    for _ in range(3):
        page.keyboard.press("a")
    settle(page)
    assert status_counts(page)["accepted"] == 3

    # the two ends of the relation to add: the draft's bodies of those names, or added from the text
    source = ensure_body(page, *FROM_BODY)
    target = ensure_body(page, *TO_BODY)
    assert source != target

    # reject one: the draft's own statement of the relation about to be added if it has one, else the first
    # relation (or legislation, or declaration) still to decide
    rejected_key = page.evaluate(
        f"""(([type, from, to, sections]) => {{
              const open = {REVIEW}.items.filter(x => x.status === "pending");
              const same = open.find(x => x.section === "relations" && x.data.type === type &&
                                          x.data.from === from && x.data.to === to);
              const any = sections.map(s => open.find(x => x.section === s)).find(Boolean);
              return (same || any || {{}}).key || null; }})""",
        [ADDED_TYPE, source, target, list(UNREFERENCED)],
    )
    assert rejected_key, "the draft has nothing to reject that nothing else names"
    gone = page.evaluate(f"{REVIEW}.items.find(x => x.key === {rejected_key!r})")
    page.locator(f".rv-card[data-key='{rejected_key}'] button[data-action=reject]").click()
    settle(page)

    # add the relation from a selection of the text
    select_words(page, ADDED_QUOTE)
    page.wait_for_selector("#rv-add:not([hidden])")
    page.check("input[name=rv-add-what][value=relations]")
    assert page.locator("#rv-add-quote").inner_text() == f"“{ADDED_QUOTE}”"
    assert page.locator("#rv-add-clause").inner_text() == f"in clause {clause}"
    page.select_option("#rv-add-type", ADDED_TYPE)
    page.select_option("#rv-add-from", source)
    page.select_option("#rv-add-to", target)
    page.click("#rv-add-submit")
    settle(page)
    assert page.locator("body").get_attribute("data-verdict") == "ok", page.locator(
        "#rv-verdict"
    ).inner_text()
    added_key = page.locator(".rv-card.rv-selected").get_attribute("data-key")
    assert added_key and added_key.startswith("added/")
    counts = status_counts(page)
    bodies_added = counts["added"] - 1
    assert counts["rejected"] == 1 and counts["added"] >= 1
    shown = page.locator("#rv-counts").inner_text()
    assert shown.startswith(f"{counts['accepted']} accepted ({counts['added']} added) · 1 rejected"), shown
    screenshot(page, "review-corpus-added")

    # nothing is lost on a reload
    page.reload()
    page.wait_for_selector("body[data-state=ready]")
    assert page.locator("#rv-counts").inner_text() == shown
    assert page.locator(f".rv-card[data-key='{added_key}'][data-status=accepted]").count() == 1

    page.click("#rv-save")
    page.wait_for_selector("body[data-saved]", timeout=120_000)
    saved = read_protocol(draft).document
    relations = [(r.type, r.from_, r.to, r.clause, r.quote) for r in saved.relations]
    assert (ADDED_TYPE, source, target, clause, ADDED_QUOTE) in relations
    dropped = 1 if gone["section"] == "relations" else 0
    assert len(saved.relations) == len(before.relations) - dropped + 1
    section = getattr(saved, gone["section"])
    assert gone["data"] not in [x.model_dump(by_alias=True, exclude_none=True) for x in section]
    text = draft.read_text()
    assert text.count("# review: added") == 1 + bodies_added
    assert text.count("# review: accepted") == counts["accepted"] - counts["added"]

    page.click("#rv-load")
    area = saved.area.id
    page.wait_for_url(f"{app.url}/?area={area}", timeout=300_000)
    page.wait_for_selector(  # ready, or the explorer's own word on why not (never a silent wait)
        "body[data-state=ready], body[data-state=empty], #gx-status.gx-error", timeout=300_000
    )
    assert page.locator("body").get_attribute("data-state") == "ready", page.locator(
        "#gx-status"
    ).inner_text()
    assert page.locator("body").get_attribute("data-area") == area
    clause_id = f"{area}/{saved.protocol.id}/{clause}"
    assert (
        cli.value(
            f"MATCH (:Body {{id: $a}})-[r:{ADDED_TYPE} {{clause: $c}}]->(:Body {{id: $b}}) RETURN r.quote",
            a=f"{area}/{source}",
            b=f"{area}/{target}",
            c=clause_id,
        )
        == ADDED_QUOTE
    )
    edges = page.evaluate(
        f"([t, a, b]) => {STATE}.edgeView.get().filter(e => e.etype === t && e.from === a && e.to === b)"
        ".map(e => e.id)",
        [ADDED_TYPE, f"{area}/{source}", f"{area}/{target}"],
    )
    assert len(edges) == 1, edges
    for box in page.locator("#gx-filters input[data-edge-type]").all():
        if box.get_attribute("data-edge-type") != ADDED_TYPE:
            box.uncheck()
    point = point_of_edge(page, edges[0])
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("body[data-panel=ready]", timeout=120_000)
    stated = panel_section(page, "Where the protocol says so")
    assert any(ADDED_QUOTE in s and f"clause {clause}" in s for s in stated), stated
    screenshot(page, "review-corpus-loaded-explorer")


def test_a_clause_is_accepted_or_rejected_and_a_rejected_clause_still_named_is_the_loaders_error(
    app: HttpApp, page: Page, draft: Path
) -> None:
    fresh_review(page, app)
    document = read_protocol(draft).document
    clauses = [c.id for c in document.clauses]
    # a clause no suggestion stands on (a heading, a truncated last line) and one that some do
    named = page.evaluate(
        f"[...new Set({REVIEW}.items.filter(x => x.section !== 'clauses').map(x => x.clause))]"
    )
    free = [c for c in clauses if c not in named]
    used = [c for c in clauses if c in named]
    assert free and used, (free, used)
    group = page.locator(".rv-group[data-group=clauses] .rv-card")
    assert group.count() == len(clauses)
    assert group.first.locator("button[data-action=edit]").count() == 0  # the source's words: never edited

    def card(clause: str):  # type: ignore[no-untyped-def]
        return page.locator(f".rv-card[data-section=clauses][data-key='clauses/{clauses.index(clause)}']")

    card(free[0]).locator("button[data-action=reject]").click()
    settle(page)
    assert page.locator("body").get_attribute("data-verdict") == "ok", page.locator(
        "#rv-verdict"
    ).inner_text()
    kept = page.evaluate("window.govgraphReview.reviewed().document.clauses.map(c => c.id)")
    assert kept == [c for c in clauses if c != free[0]]
    struck = page.locator(f"#rv-text [data-clause='{free[0]}']")
    assert struck.count() and all("rv-cl-rejected" in (s.get_attribute("class") or "") for s in struck.all())
    assert f"{len(clauses) - 1} clauses" in page.locator("#rv-verdict").inner_text()
    card(used[0]).locator("button[data-action=accept]").click()
    settle(page)
    assert card(used[0]).get_attribute("data-status") == "accepted"
    screenshot(page, "review-corpus-clause-rejected")

    card(used[0]).locator("button[data-action=reject]").click()
    settle(page)
    assert page.locator("body").get_attribute("data-verdict") == "bad"
    verdict = page.locator("#rv-verdict").inner_text()
    assert used[0] in verdict, verdict  # the loader names the clause a suggestion still stands on
    assert page.locator("#rv-save").is_disabled()
    page.evaluate("localStorage.clear()")
