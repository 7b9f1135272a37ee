"""The kernel page in a real browser: step the sharpen kernel across the course's 5×5 example and read the
course's numbers (89, 111, and 210 at the left edge with zero padding); no sideways scrolling on a phone.
Screenshots go to tests/screenshots/convolution-*.png."""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, open_step, screenshot_desktop_and_phone

TITLE = "Image kernels"


def _wait(page: Page) -> None:
    # Streamlit reruns finish asynchronously; wait until it no longer shows its "running" indicator.
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=30_000)


def _choose_picture(page: Page, picture: str) -> None:
    """Open the panel of pictures from its button, tap one: the panel closes and the button names it."""
    page.get_by_test_id("stPopover").get_by_role("button", name="Picture:").click()
    page.get_by_test_id("stButtonGroup").get_by_text(picture, exact=True).click()
    _wait(page)
    expect(page.get_by_test_id("stPopover").get_by_role("button", name=f"Picture: {picture}")).to_be_visible()
    expect(page.get_by_test_id("stButtonGroup").get_by_text(picture, exact=True)).to_have_count(0)


def _choose_kernel(page: Page, kernel: str) -> None:
    """Tap a kernel's pill, one of the row beside the pictures."""
    page.get_by_test_id("stButtonGroup").get_by_text(kernel, exact=True).click()
    _wait(page)


def _result(page: Page):
    return page.get_by_test_id("stAlertContentSuccess")


def test_stepping_the_kernel_shows_the_course_numbers(page: Page, shared_server):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{shared_server}/convolution")
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible(timeout=30_000)
    _wait(page)
    # The default is the course's example with the sharpen kernel at row 2, column 2: 99 becomes 89.
    expect(page.get_by_text("the new pixel at row 2, column 2 (it was 99)", exact=False)).to_be_visible()
    open_step(page, "2 · Multiply and add")
    expect(_result(page)).to_contain_text("Result: 89 goes into the output at row 2, column 2", timeout=30_000)
    expect(page.get_by_text(re.compile(r"= 89$"))).to_be_visible()

    page.get_by_role("button", name="Next pixel").click()
    expect(_result(page)).to_contain_text("Result: 111 goes into the output at row 2, column 3", timeout=30_000)

    page.get_by_role("button", name="Previous pixel").click()
    expect(_result(page)).to_contain_text("Result: 89 goes into the output at row 2, column 2", timeout=30_000)
    _wait(page)
    page.get_by_role("button", name="Previous pixel").click()
    expect(_result(page)).to_contain_text("Result: 210 goes into the output at row 2, column 1", timeout=30_000)
    expect(page.get_by_text("Orange squares mark padding", exact=False)).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)

    screenshot_desktop_and_phone(page, "convolution-steps", "/convolution")


def test_a_photo_with_an_edge_detector_and_signed_view(page: Page, shared_server):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{shared_server}/convolution")
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible(timeout=30_000)
    _wait(page)
    _choose_picture(page, "Photo: flower")
    expect(page.get_by_text("Photo: flower: 640 × 427 pixels", exact=False)).to_be_visible(timeout=30_000)
    _choose_kernel(page, "Sobel magnitude")
    open_step(page, "2 · Multiply and add")
    open_step(page, "4 · Numbers below 0")
    page.get_by_text("Show the signs", exact=False).click()
    _wait(page)
    expect(page.get_by_text("Edge strength: √(horizontal² + vertical²)", exact=False)).to_be_visible()
    expect(page.get_by_text("Signed output", exact=False)).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot_desktop_and_phone(page, "convolution-photo", "/convolution")
