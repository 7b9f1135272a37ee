"""Lesson state in a real browser: "Set the page up for this" lands at the top with the exercise's question in
view and the exercise in the address; an instructor's link survives a visit to another page through the menu."""

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import open_at, open_step, wait_until_settled


def test_set_the_page_up_for_an_exercise_lands_on_its_question(page: Page, shared_server):
    open_at(page, f"{shared_server}/noise", "Secret spy messages")
    open_step(page, "Try this")  # the exercises: a step drawn only while open
    link = page.get_by_role("link", name="Set the page up for this").nth(1)  # exercise 3: the stamp
    link.scroll_into_view_if_needed()
    link.click()
    banner = page.get_by_text("Exercise 3: The same noise every time.")
    expect(banner).to_be_visible(timeout=30_000)
    wait_until_settled(page)
    expect(page).to_have_url(re.compile(r"/noise\?(.*&)?lesson=3"))
    expect(banner).to_be_in_viewport()


def test_an_instructors_link_survives_a_visit_to_the_glossary(page: Page, shared_server):
    open_at(page, f"{shared_server}/noise?copies=50&lock=all&hide=peek", "Secret spy messages")
    copies = page.get_by_role("slider", name="Number of copies Jane sends")
    expect(copies).to_have_value("50")
    page.get_by_test_id("stSidebar").get_by_role("link", name="Glossary").click()
    expect(page.get_by_role("heading", name="Glossary", level=1)).to_be_visible(timeout=30_000)
    wait_until_settled(page)
    page.get_by_test_id("stSidebar").get_by_role("link", name="Secret spy messages").click()
    expect(page.get_by_role("heading", name="Secret spy messages", level=1)).to_be_visible(timeout=30_000)
    wait_until_settled(page)
    expect(copies).to_have_value("50")
    expect(copies).to_be_disabled()
    expect(page.get_by_text("Peek at the secret")).to_have_count(0)
    assert "copies=50" in page.url and "lock=all" in page.url and "hide=peek" in page.url
