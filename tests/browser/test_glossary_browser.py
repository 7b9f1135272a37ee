"""The /glossary page in a real browser: typing in "Find a word" filters the list and goes into the address,
and a link with ?q= opens the page already filtered. Screenshots at desktop and phone size."""

import re

from playwright.sync_api import Page, expect

from lib import glossary
from tests.browser.conftest import DESKTOP, screenshot_desktop_and_phone, wait_until_settled


def _open(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name="Glossary", level=1)).to_be_visible(timeout=30_000)
    wait_until_settled(page)


def _cards(page: Page):
    return page.get_by_test_id("stMain").get_by_role("heading", level=3)


def test_search_filters_the_list(page: Page, shared_server):
    page.set_viewport_size(DESKTOP)
    _open(page, f"{shared_server}/glossary")
    expect(_cards(page)).to_have_count(len(glossary.TERMS))
    screenshot_desktop_and_phone(page, "glossary", "/glossary")

    page.set_viewport_size(DESKTOP)
    page.get_by_label("Find a word", exact=True).fill("stride")
    page.keyboard.press("Enter")
    expect(_cards(page).first).to_have_text("stride", timeout=15_000)
    wait_until_settled(page)
    expected = len(glossary.search("stride"))
    expect(_cards(page)).to_have_count(expected)
    assert expected < len(glossary.TERMS)
    expect(page.get_by_text(f"{expected} of {len(glossary.TERMS)} words")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot_desktop_and_phone(page, "glossary-search", "/glossary?q=stride")


def test_typing_puts_the_search_in_the_address(page: Page, shared_server):
    page.set_viewport_size(DESKTOP)
    _open(page, f"{shared_server}/glossary")
    page.get_by_label("Find a word", exact=True).fill("stride")
    page.keyboard.press("Enter")
    expect(_cards(page).first).to_have_text("stride", timeout=15_000)
    wait_until_settled(page)
    expect(page).to_have_url(re.compile(r"[?&]q=stride"))


def test_a_link_opens_the_page_filtered(page: Page, shared_server):
    page.set_viewport_size(DESKTOP)
    _open(page, f"{shared_server}/glossary?q=overfitting")
    expect(page.get_by_label("Find a word", exact=True)).to_have_value("overfitting")
    expect(_cards(page).first).to_have_text("overfitting")
    expect(_cards(page)).to_have_count(len(glossary.search("overfitting")))


def test_a_see_also_link_shows_its_word_while_a_search_hides_it(page: Page, shared_server):
    page.set_viewport_size(DESKTOP)
    _open(page, f"{shared_server}/glossary?q=stride&topic=convolution")
    expect(_cards(page).first).to_have_text("stride")
    assert "kernel" not in _cards(page).all_inner_texts()  # the search hides it
    page.get_by_test_id("stMain").get_by_role("button", name="kernel", exact=True).first.click()
    expect(_cards(page).first).to_have_text("kernel", timeout=15_000)
    wait_until_settled(page)
    expect(page.get_by_label("Find a word", exact=True)).to_have_value("kernel")
    expect(page).to_have_url(re.compile(r"[?&]q=kernel"))
    expect(page).not_to_have_url(re.compile("topic="))


def test_the_topic_goes_into_the_address(page: Page, shared_server):
    page.set_viewport_size(DESKTOP)
    _open(page, f"{shared_server}/glossary")
    page.get_by_test_id("stMain").get_by_role("radio", name="Iris network").click()
    wait_until_settled(page)
    expect(page).to_have_url(re.compile(r"[?&]topic=iris"))
    expect(_cards(page)).to_have_count(len(glossary.terms_for("iris")))
