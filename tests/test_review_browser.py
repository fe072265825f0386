"""The review page end to end in headless Chromium, over real HTTP, against the real Neo4j: a draft made by
`govgraph extract` is reviewed (some accepted, one rejected, one relation added from a text selection),
saved, loaded with the page's button, and the explorer then shows the added edge with its clause.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from govgraph.graph.settings import Settings
from govgraph.loaders.protocol import read_protocol
from playwright.sync_api import Page

from govgraph.review_command import review_site
from govgraph.review_draft import DraftReview
from tests.conftest import Cli, HttpApp
from tests.test_diagram import CDN, screenshot, watch
from tests.test_explorer import STATE, panel_section, point_of_edge
from tests.test_review import DRAFT_SOURCE

REVIEW = "window.govgraphReview.state"
# The relation the reviewer adds: words of DRAFT_SOURCE the draft states nothing with, and what they say.
ADDED_QUOTE = "jointly commission training on exploitation"
ADDED = {"type": "COOPERATES_WITH", "from": "nsab", "to": "csp"}


@pytest.fixture(scope="module")
def draft(cli: Cli, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("review") / "draft.yaml"
    result = cli("extract", DRAFT_SOURCE, "-o", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def app(cli: Cli, server_home: Path, draft: Path) -> Iterator[HttpApp]:
    yield from serve_review(cli, server_home, draft)


def serve_review(cli: Cli, server_home: Path, draft: Path) -> Iterator[HttpApp]:
    """The review page of ``draft`` on an empty database, served until the module's tests are done."""
    cli.wipe()
    # a load on this shared machine may wait minutes for its turn: a generous transaction timeout
    settings = Settings(home=server_home, heap="512m", pagecache="64m", tx_timeout=600)
    served = HttpApp(review_site(DraftReview(draft, settings=settings), settings))
    yield served
    served.stop()


def open_review(page: Page, app: HttpApp) -> None:
    page.goto(f"{app.url}/review")
    page.wait_for_selector("body[data-state=ready]", timeout=60_000)


def settle(page: Page) -> None:
    """Wait until the loader's verdict on the latest change is in."""
    page.wait_for_selector("body[data-verdict=ok], body[data-verdict=bad]", timeout=60_000)


def select_words(page: Page, quote: str) -> None:
    """Drag the mouse over ``quote`` in the source text, as a reviewer would."""
    page.evaluate(
        """quote => { const box = document.getElementById("rv-text");
                     const start = box.textContent.indexOf(quote);
                     const seg = [...box.children].find(s => +s.dataset.s <= start && start < +s.dataset.e);
                     seg.scrollIntoView({block: "center"}); }""",
        quote,
    )
    box = page.evaluate(
        """quote => {
          const box = document.getElementById("rv-text"), start = box.textContent.indexOf(quote);
          function rect(offset) {
            const seg = [...box.children].find(s => +s.dataset.s <= offset && offset < +s.dataset.e);
            const r = document.createRange(), at = offset - +seg.dataset.s;
            r.setStart(seg.firstChild, at); r.setEnd(seg.firstChild, at + 1);
            return r.getBoundingClientRect();
          }
          const a = rect(start), b = rect(start + quote.length - 1);
          return {x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2};
        }""",
        quote,
    )
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move(box["x2"], box["y2"], steps=8)
    page.mouse.up()


def test_every_item_of_the_draft_is_highlighted_at_its_quote(app: HttpApp, page: Page, draft: Path) -> None:
    seen = watch(page)
    open_review(page, app)
    page.wait_for_load_state("networkidle")
    assert seen.clean(), seen
    assert all(url.startswith(app.url) for url in seen.requests), seen.requests
    assert not CDN.search(page.content())
    document = read_protocol(draft).document
    expected = (
        len(document.bodies)
        + len(document.roles)
        + len(document.duties)
        + len(document.relations)
        + len(document.declarations)
        + len(document.legislation)
        + len(document.protocol.approved_by)
        + len(document.people)  # people are items of their own (a mark of their own on the page)
    )
    items = page.evaluate(f"{REVIEW}.items.map(x => [x.key, x.span, x.problem])")
    assert len(items) == expected + len(document.clauses)  # clauses are reviewed too (kept or left out)
    assert [key for key, span, problem in items if span is None or problem] == []
    text = DRAFT_SOURCE.read_text()
    for key, span, _ in items:  # each highlight covers the item's words in the text
        item = page.evaluate(f"{REVIEW}.items.find(x => x.key === {key!r}).data")
        words = item.get("quote") or item.get("text") or item.get("name")
        if words and not item.get("duty"):
            assert " ".join(text[span["start"] : span["end"]].split()) == " ".join(words.split()), key
    highlighted = page.evaluate(
        "new Set([...document.querySelectorAll('#rv-text [data-keys]')]"
        ".flatMap(s => s.dataset.keys.split(' '))).size"
    )
    assert highlighted == expected
    clauses = page.locator("#rv-text [data-clause-start]").count()
    assert clauses == len(document.clauses)
    comments = DraftReview(draft).payload()["comments"]
    flagged = sum(c["flagged"] for section in comments.values() for c in section)
    assert flagged and page.locator(".rv-flagged .rv-card").count() == flagged
    screenshot(page, "review-draft")


def test_the_loaders_verdict_is_live_and_points_at_the_card_to_fix(app: HttpApp, page: Page) -> None:
    open_review(page, app)
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("body[data-state=ready][data-verdict=ok]")
    # rejecting a role that relations still name: the loader's own message, and the card it is about
    role = page.locator(".rv-card[data-section=roles]").filter(has_text="Director of Adult Social Services")
    role.locator("button[data-action=reject]").click()
    settle(page)
    assert page.locator("body").get_attribute("data-verdict") == "bad"
    verdict = page.locator("#rv-verdict").inner_text()
    assert "unknown body or role 'dass'" in verdict and "relations[" in verdict, verdict
    culprit = page.locator(".rv-card.rv-error")
    assert culprit.count() == 1 and culprit.get_attribute("data-section") == "relations"
    assert "Director of Adult Social Services" in culprit.inner_text() or "dass" in culprit.inner_text()
    assert page.locator("#rv-save").is_disabled() and page.locator("#rv-load").is_disabled()
    page.click("#rv-show-error")
    assert page.locator(".rv-card.rv-selected").get_attribute("data-key") == culprit.get_attribute("data-key")
    role.locator("button[data-action=undo]").click()
    settle(page)
    assert page.locator("body").get_attribute("data-verdict") == "ok"

    # editing with the keyboard: e opens the form on the selected card, Apply keeps it as edited
    chairs = page.locator(".rv-card[data-section=relations]").filter(has_text="CHAIRS:").first
    chairs.click()
    page.keyboard.press("e")
    page.wait_for_selector(".rv-editor [data-field=type]")
    assert page.evaluate("document.activeElement.dataset.field") == "type"
    page.select_option(".rv-editor [data-field=type]", "OVERSEES")
    screenshot(page, "review-edit")
    page.click(".rv-editor button[type=submit]")
    settle(page)
    edited = page.locator(".rv-card[data-status=accepted]").filter(has_text="OVERSEES:")
    assert edited.count() == 1 and "edited" in edited.inner_text()
    assert page.locator("body").get_attribute("data-verdict") == "ok"
    # a quote the clause does not hold is refused by the loader, named by its field
    edited.click()
    page.keyboard.press("e")
    page.fill(".rv-editor [data-field=quote]", "words the protocol never says")
    page.click(".rv-editor button[type=submit]")
    settle(page)
    assert "does not occur in clause" in page.locator("#rv-verdict").inner_text()
    page.evaluate("localStorage.clear()")


def test_review_save_load_and_see_the_added_edge_in_the_explorer(
    app: HttpApp, page: Page, draft: Path, cli: Cli
) -> None:
    before = read_protocol(draft).document
    key = (ADDED["type"], ADDED["from"], ADDED["to"])
    # the draft may state the same ends from another clause (1.1: "how the NSAB, the CSP and the HWB work
    # together"); what the reviewer adds is the relation these words, in clause 4.3, state
    stated_here = {(r.type, r.from_, r.to, r.quote) for r in before.relations}
    assert (*key, ADDED_QUOTE) not in stated_here, "the draft already states it"
    open_review(page, app)
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("body[data-state=ready]")

    # accept three with the keyboard: n selects the next suggestion to decide, a accepts and moves on
    page.locator("#rv-text").focus()
    page.keyboard.press("n")
    for _ in range(3):
        page.keyboard.press("a")
    # reject one relation with its button
    rejected = page.locator(".rv-group[data-group=relations] .rv-card").first
    rejected_key = rejected.get_attribute("data-key")
    rejected.locator("button[data-action=reject]").click()
    gone = page.evaluate(f"{REVIEW}.items.find(x => x.key === {rejected_key!r}).data")
    settle(page)

    # add a relation from a selection of the text
    select_words(page, ADDED_QUOTE)
    page.wait_for_selector("#rv-add:not([hidden])")
    assert page.locator("#rv-add-quote").inner_text() == f"“{ADDED_QUOTE}”"
    assert page.locator("#rv-add-clause").inner_text() == "in clause 4.3"
    page.select_option("#rv-add-type", ADDED["type"])
    page.select_option("#rv-add-from", ADDED["from"])
    page.select_option("#rv-add-to", ADDED["to"])
    page.click("#rv-add-submit")
    page.wait_for_selector(".rv-card[data-key='added/1']")
    settle(page)
    assert page.locator("body").get_attribute("data-verdict") == "ok", page.locator(
        "#rv-verdict"
    ).inner_text()
    counts = page.locator("#rv-counts").inner_text()
    assert counts.startswith("4 accepted (1 added) · 1 rejected")
    screenshot(page, "review-added")

    # nothing is lost on a reload
    page.reload()
    page.wait_for_selector("body[data-state=ready]")
    assert page.locator("#rv-counts").inner_text() == counts
    assert page.locator(".rv-card[data-key='added/1'][data-status=accepted]").count() == 1

    page.click("#rv-save")
    page.wait_for_selector("body[data-saved]", timeout=120_000)
    saved = read_protocol(draft).document
    relations = [(r.type, r.from_, r.to, r.clause, r.quote) for r in saved.relations]
    assert (*key, "4.3", ADDED_QUOTE) in relations
    assert len(saved.relations) == len(before.relations)  # one rejected, one added
    assert gone not in [r.model_dump(by_alias=True, exclude_none=True) for r in saved.relations]
    assert draft.read_text().count("# review: accepted") == 3
    assert draft.read_text().count("# review: added") == 1
    assert page.locator("#rv-counts").inner_text().startswith("4 accepted")  # the saved file says so

    page.click("#rv-load")
    page.wait_for_url(f"{app.url}/?area=northmoor", timeout=300_000)
    page.wait_for_selector("body[data-state=ready][data-area=northmoor]", timeout=300_000)
    assert (
        cli.value(
            "MATCH (:Body {id: $a})-[r:COOPERATES_WITH {clause: $c}]->(:Body {id: $b}) RETURN r.quote",
            a="northmoor/nsab",
            b="northmoor/csp",
            c="northmoor/nsab-csp-hwb/4.3",
        )
        == ADDED_QUOTE
    )
    edges = page.evaluate(
        f"{STATE}.edgeView.get().filter(e => e.etype === 'COOPERATES_WITH' && e.from === 'northmoor/nsab'"
        " && e.to === 'northmoor/csp').map(e => e.id)"
    )
    edges = [e for e in edges if "/4.3|" in e]  # the added one (clause 1.1 states the same ends)
    assert len(edges) == 1
    for box in page.locator("#gx-filters input[data-edge-type]").all():
        if box.get_attribute("data-edge-type") != "COOPERATES_WITH":
            box.uncheck()
    point = point_of_edge(page, edges[0])
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("body[data-panel=ready]", timeout=120_000)
    stated = panel_section(page, "Where the protocol says so")
    assert any(ADDED_QUOTE in s and "clause 4.3" in s for s in stated), stated
    screenshot(page, "review-loaded-explorer")
