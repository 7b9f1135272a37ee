"""/convolution lesson links in a real browser: a link opens the page with that picture, kernel, padding and
stride (an exercise's question on top, a section hidden), changing a control puts the new value in the address
bar; screenshots of the linked page (desktop, phone, kid mode) go to tests/screenshots/."""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, open_at, screenshot_desktop_and_phone, wait_until_settled


def _open(page: Page, url: str) -> None:
    open_at(page, url, "Image kernels")
    # Settled is not yet drawn: wait for the sidebar's switch and the playground's pictures before looking.
    expect(page.get_by_text("Simpler words")).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("stMain").locator(".picker")).to_have_attribute("data-state", "ready", timeout=30_000)


def test_a_link_sets_the_page_up_and_the_address_follows_changes(page: Page, shared_server):
    _open(page, f"{shared_server}/convolution?lesson=4&padding=edge&hide=cnn")
    expect(page.get_by_text("Exercise 4: Dark borders.")).to_be_visible()
    expect(page.get_by_text("The course's 5×5 example: 5 × 5 pixels", exact=False)).to_be_visible()
    expect(page.get_by_text("Box blur:", exact=False).first).to_be_visible()
    expect(page.get_by_role("radio", name="Repeat the edge pixels")).to_be_checked()
    expect(page.get_by_text("5 · From kernels to CNNs")).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot_desktop_and_phone(page, "convolution-link", "/convolution from a link")

    page.set_viewport_size(DESKTOP)
    page.get_by_text("Zero padding: a frame of 0s").click()
    wait_until_settled(page)
    expect(page).to_have_url(re.compile(r"lesson=4"))
    assert "padding=" not in page.url and "hide=cnn" in page.url  # zero padding is the exercise's own value
    page.get_by_role("radiogroup", name=re.compile("^Stride")).get_by_text("2", exact=True).click()
    wait_until_settled(page)
    expect(page).to_have_url(re.compile(r"stride=2"))


def test_kid_mode_link(page: Page, shared_server):
    _open(page, f"{shared_server}/convolution?kids=on&preset=outline&picture=pattern")
    expect(page.get_by_text("like a stamp", exact=False).first).to_be_visible()
    expect(page.get_by_text("Outline (Laplacian)", exact=False).first).to_be_visible()  # the kernel, as chosen
    expect(page.get_by_text("5 · From kernels to CNNs")).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot_desktop_and_phone(page, "convolution-kids", "/convolution in kid mode")
