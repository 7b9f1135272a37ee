"""The /convolution pixel picker in a real browser (issue #17, after setosa's image kernels): moving over the
picture shows the sum at the pixel under the pointer at once, worked out in the browser (the course's 89 and 111,
no server run); a click chooses the pixel, and the "Pixel row"/"Pixel column" sliders and the link follow; a tap
does the same at phone width; nothing is fetched from any host but the app's own server.
Screenshots go to tests/screenshots/convolution-picker-*.png."""

from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, open_at, wait_until_settled

TITLE = "Image kernels"


def _picker(page: Page):
    """The picker's root (inside the component's shadow root: Playwright's CSS selectors go through it)."""
    return page.get_by_test_id("stMain").locator(".picker")


def _frame(page: Page, role: str = "before"):
    return _picker(page).locator(f'.frame[data-role="{role}"]')


def _point(page: Page, row: int, col: int, size: tuple[int, int] = (5, 5), role: str = "before") -> tuple:
    """Where on the screen the centre of picture pixel (row, col) (1-based) of a ``size`` (rows, cols) picture is."""
    box = _frame(page, role).bounding_box()
    return (box["x"] + (col - 0.5) * box["width"] / size[1], box["y"] + (row - 0.5) * box["height"] / size[0])


def _slider(page: Page, name: str):
    return page.get_by_role("slider", name=name)


def _never_runs(page: Page) -> list:
    """Start counting the times Streamlit shows its "running" indicator from now on."""
    page.evaluate("""() => {
      window.__runs = [];
      const seen = () => {
        if (document.querySelector('[data-testid="stStatusWidget"]')) window.__runs.push(Date.now());
      };
      window.__runObserver = new MutationObserver(seen);
      window.__runObserver.observe(document.body, {childList: true, subtree: true});
    }""")
    return []


def _hosts(requests: list[str]) -> set[str]:
    """The hosts the page asked for anything; in-page addresses (the component's module is a ``blob:`` of the
    app's own page, pictures may be ``data:``) are no request to any host."""
    return {urlparse(url).netloc for url in requests if urlparse(url).scheme not in ("blob", "data")}


def _open(page: Page, url: str, requests: list) -> None:
    page.on("request", lambda request: requests.append(request.url))
    open_at(page, url, TITLE)
    expect(_picker(page)).to_have_attribute("data-state", "ready", timeout=30_000)


def test_hover_shows_the_sum_live_and_a_click_chooses_the_pixel(page: Page, shared_server):
    requests: list[str] = []
    _open(page, f"{shared_server}/convolution", requests)
    picker = _picker(page)
    # At first the panel shows the chosen pixel: the course's worked example, 99 becomes 89.
    expect(picker).to_have_attribute("data-sum", "89")
    expect(picker.locator(".where")).to_have_text("Chosen pixel: row 2, column 2")
    expect(_frame(page)).to_have_attribute("aria-label", "The course's 5×5 example: 5 × 5 pixels, grey (1 number per "
                                           "pixel), the kernel's 3×3 window marked around row 2, column 2. Move over "
                                           "it to work out the kernel's sum at any pixel; click or tap to choose that "
                                           "pixel.")

    _never_runs(page)
    page.mouse.move(*_point(page, 2, 3))
    expect(picker).to_have_attribute("data-sum", "111")  # one column further: the course's 111
    expect(picker.locator(".where")).to_have_text("Under the pointer: row 2, column 3")
    expect(picker.locator(".answer")).to_contain_text("New pixel: 111 (it was 103)")
    expect(picker.locator(".grid .cell")).to_have_count(27)  # neighbourhood, kernel, products: 3 × 9 numbers
    expect(picker.locator(".mark.hover").first).to_be_visible()
    page.mouse.move(*_point(page, 2, 1))
    expect(picker).to_have_attribute("data-sum", "210")  # the left edge, zero padding: the course's 210
    expect(picker.locator(".cell.padding")).to_have_count(3)
    page.mouse.move(*_point(page, 2, 2))
    expect(picker).to_have_attribute("data-sum", "89")
    page.wait_for_timeout(700)
    assert page.evaluate("window.__runs.length") == 0, "hovering ran the page on the server"
    expect(_slider(page, "Pixel column (left to right)")).to_have_value("2")

    page.mouse.move(*_point(page, 4, 3))
    page.mouse.click(*_point(page, 4, 3))
    wait_until_settled(page)
    expect(_slider(page, "Pixel row (top to bottom)")).to_have_value("4")
    expect(_slider(page, "Pixel column (left to right)")).to_have_value("3")
    assert parse_query(page.url) == {"row": "4", "col": "3"}
    expect(page.get_by_text("the new pixel at row 4, column 3", exact=False)).to_be_visible()
    page.mouse.move(1, 1)  # away: the panel goes back to the chosen pixel
    expect(picker.locator(".where")).to_have_text("Chosen pixel: row 4, column 3")

    # The slider moves the picker's chosen pixel too.
    _slider(page, "Pixel column (left to right)").press("ArrowRight")
    wait_until_settled(page)
    expect(picker.locator(".where")).to_have_text("Chosen pixel: row 4, column 4")
    assert parse_query(page.url) == {"row": "4", "col": "4"}
    expect(page.get_by_test_id("stException")).to_have_count(0)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.mouse.move(*_point(page, 3, 2))
    page.screenshot(path=SCREENSHOTS / "convolution-picker-desktop.png")

    assert _hosts(requests) == {urlparse(shared_server).netloc}, requests
    assert any("/media/" in url for url in requests)  # the pictures come from the app's own server


def parse_query(url: str) -> dict:
    from urllib.parse import parse_qsl

    return dict(parse_qsl(urlparse(url).query))


def test_a_colour_photo_sums_its_colours_as_the_server_does(page: Page, shared_server):
    """On a photo, the sum under the pointer is the server's (the step-through's) for that pixel."""
    requests: list[str] = []
    _open(page, f"{shared_server}/convolution?picture=temple&preset=box-blur&row=100&col=200", requests)
    picker = _picker(page)
    expect(picker).to_have_attribute("data-row", "100")
    expect(picker.locator(".grid figcaption").first).to_have_text("Neighbourhood (red)")
    served = page.get_by_text("the new pixel at row 100, column 200", exact=False).inner_text()
    assert f"= {picker.get_attribute('data-sum')}:" in served.replace("*", "")
    page.mouse.move(*_point(page, 300, 500, size=(427, 640)))
    expect(picker.locator(".where")).to_contain_text("Under the pointer: row")
    assert _hosts(requests) == {urlparse(shared_server).netloc}, requests


def test_a_tap_chooses_the_pixel_on_a_phone(browser, shared_server):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=2)
    page = context.new_page()
    try:
        page.goto(f"{shared_server}/convolution?kids=on")
        expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible(timeout=120_000)
        wait_until_settled(page)
        picker = _picker(page)
        expect(picker).to_have_attribute("data-state", "ready", timeout=30_000)
        frame = _frame(page)
        frame.scroll_into_view_if_needed()
        box = frame.bounding_box()
        assert box["width"] >= 120 and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        # Within the first two screens, under the controls.
        scrolled = page.evaluate("document.querySelector('[data-testid=stMain]').scrollTop")
        assert box["y"] + scrolled < 2 * PHONE["height"]
        page.touchscreen.tap(*_point(page, 3, 4))
        wait_until_settled(page)
        expect(picker).to_have_attribute("data-row", "3")
        expect(picker).to_have_attribute("data-col", "4")
        expect(_slider(page, "Dot column (left to right)")).to_have_value("4")  # kid words: a pixel is a dot
        assert parse_query(page.url) == {"row": "3", "col": "4", "kids": "on"}
        expect(picker.locator(".where")).to_have_text("Your dot: row 3, column 4")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
        page.screenshot(path=SCREENSHOTS / "convolution-picker-phone.png")
    finally:
        context.close()
