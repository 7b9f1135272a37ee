"""Every download button's label is readable whole: the "Keep a record" buttons at the end of each topic page and
the home page's workshop-handout buttons, at desktop (1280×800), 1024 and 800 px and phone (390×844) size, in adult
and kid mode.
Streamlit cuts a label that does not fit its button with "…"; kid mode's bigger text did that at 1280 px.
Screenshots: tests/screenshots/download-labels-<page>-kids-{desktop,phone}.png."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from lib.topics import TOPICS
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, open_at, open_record, open_step

# Each shown download button's label: its text, and how much wider the text is than the room it is shown in.
LABELS = """() => [...document.querySelectorAll('[data-testid="stDownloadButton"] button [data-testid="stMarkdownContainer"]')]
  .filter(label => label.getClientRects().length > 0)
  .map(label => [label.textContent, label.scrollWidth - label.clientWidth])"""

TABLET, NARROW = {"width": 1024, "height": 768}, {"width": 800, "height": 600}  # the sidebar still open at both
PAGES = [("", "Machine learning, hands on", 2)] + [(item.slug, item.title, 3) for item in TOPICS]


def cut_labels(page: Page, count: int) -> list[tuple[str, int]]:
    """The shown download labels that are cut short (with how many pixels hidden), after checking ``count``
    labels are shown."""
    page.locator('[data-testid="stDownloadButton"]').last.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    labels = page.evaluate(LABELS)
    assert len(labels) == count, labels
    return [(text, hidden) for text, hidden in labels if hidden > 1]  # a pixel of rounding is not a cut


@pytest.mark.parametrize(("slug", "heading", "count"), PAGES, ids=[slug or "home" for slug, _, _ in PAGES])
def test_every_download_label_is_shown_whole(page: Page, shared_server, slug, heading, count):
    for kids in ("off", "on"):
        open_at(page, f"{shared_server}/{slug}?kids={kids}", heading, timeout=180_000)
        if not slug:  # the handout buttons are in the instructors' step, drawn once opened
            open_step(page, "Make a workshop handout")
        else:  # a topic page's buttons are in its last step
            open_record(page)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        for size, name in ((DESKTOP, "desktop"), (TABLET, "tablet"), (NARROW, "narrow"), (PHONE, "phone")):
            page.set_viewport_size(size)
            assert cut_labels(page, count) == [], f"/{slug}?kids={kids} at {size['width']} px"
            if kids == "on" and size in (DESKTOP, PHONE):
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=SCREENSHOTS / f"download-labels-{slug or 'home'}-kids-{name}.png")
