"""The /ethics page in a real browser: answer a question with a note, download "my results" (Markdown) and
the JSON file and read them, refuse a bad import without losing the answers, and fit on a phone screen."""

import json

from playwright.sync_api import Page, expect

from lib import ethics
from lib.ethics import words
from tests.browser.conftest import (DESKTOP, PHONE, SCREENSHOTS, SVG_PICTURE, open_record, open_step,
                                    screenshot_desktop_and_phone)

TITLE = "Before you trust a model"
NOTE = "only adults <b>so far</b>"


def _settle(page: Page) -> None:
    # Streamlit reruns finish asynchronously; wait until it no longer shows its "running" indicator.
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=30_000)


def _open_save_step(page: Page) -> None:
    # Saving and loading the answers is a step drawn only while open: its label opens it.
    page.get_by_test_id("stExpander").get_by_text(words.SAVE_HEADING, exact=True).click()
    _settle(page)


def _download(page: Page, label: str) -> str:
    with page.expect_download() as info:
        page.get_by_test_id("stDownloadButton").filter(has_text=label).get_by_role("button").click()
    return info.value.path().read_text(encoding="utf-8")


def test_answer_download_and_a_refused_import(page: Page, shared_server):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{shared_server}/ethics")
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible(timeout=30_000)
    _settle(page)

    _open_save_step(page)  # the project's name is asked where the answers are saved
    page.get_by_role("textbox", name="Project name").fill("Digit reader")
    page.get_by_role("textbox", name="Project name").press("Enter")
    _settle(page)
    first_item = ethics.ITEMS[1]  # "collect-who"
    open_step(page, "Collecting data ·")  # the checklist's sections are drawn once opened
    card = page.locator(f".st-key-ethics_item_{first_item.id}")
    card.get_by_test_id("stRadioOption").filter(has_text="no").first.click()
    _settle(page)
    card.get_by_role("textbox", name="Note (optional)").fill(NOTE)
    card.get_by_role("textbox", name="Note (optional)").press("Enter")
    _settle(page)
    expect(page.get_by_text("Collecting data: 1 of 5 settled")).to_be_visible()

    open_record(page)
    markdown = _download(page, "Download my results (Markdown)")
    assert "## Ethics checklist: Digit reader" in markdown
    assert f"- **{first_item.question}** ({first_item.id})  \n  Answer: **no**" in markdown
    assert "Note: only adults \\<b\\>so far\\</b\\>" in markdown
    saved = ethics.from_json(_download(page, "Download as JSON"))
    assert saved == {"project": "Digit reader", "answers": {first_item.id: {"answer": "no", "note": NOTE}}}

    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "other.json", "mimeType": "application/json", "buffer": json.dumps({"a": 1}).encode()}])
    expect(page.get_by_text("Your answers were kept as they were.")).to_be_visible(timeout=30_000)
    _settle(page)
    expect(page.get_by_text("Collecting data: 1 of 5 settled")).to_be_visible()
    expect(card.get_by_role("textbox", name="Note (optional)")).to_have_value(NOTE)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    # The note is shown as typed, never as HTML: no bold element was created from it.
    expect(page.locator("b", has_text="so far")).to_have_count(0)

    screenshot_desktop_and_phone(page, "ethics-answered", "/ethics")


def test_printable_view_shows_the_answers_without_widgets(page: Page, shared_server):
    page.set_viewport_size(PHONE)
    page.goto(f"{shared_server}/ethics")
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible(timeout=30_000)
    _settle(page)
    page.get_by_text("Printable view", exact=True).click()
    _settle(page)
    expect(page.get_by_role("heading", name="Ethics checklist: (unnamed project)", level=3)).to_be_visible()
    expect(page.get_by_test_id("stRadio")).to_have_count(0)
    page.screenshot(path=SCREENSHOTS / "ethics-printable-phone.png", full_page=True)


def test_answers_show_as_they_were_after_the_printable_view(page: Page, shared_server):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{shared_server}/ethics")
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible(timeout=30_000)
    _settle(page)
    _open_save_step(page)
    project = page.get_by_role("textbox", name="Project name")
    project.fill("Digit reader")
    project.press("Enter")
    _settle(page)
    open_step(page, "Collecting data ·")
    card = page.locator(".st-key-ethics_item_collect-who")
    card.get_by_test_id("stRadioOption").filter(has_text="no").first.click()
    _settle(page)
    card.get_by_role("textbox", name="Note (optional)").fill("only adults")
    card.get_by_role("textbox", name="Note (optional)").press("Enter")
    _settle(page)

    for _ in range(2):  # twice: the second round trip must not lose what the first one kept
        page.get_by_text("Printable view", exact=True).click()
        _settle(page)
        expect(page.get_by_role("heading", name="Ethics checklist: Digit reader", level=3)).to_be_visible()
        page.get_by_text("Printable view", exact=True).click()
        _settle(page)
        expect(project).to_have_value("Digit reader")
        expect(card.get_by_role("radio", name="no", exact=True)).to_be_checked()
        expect(card.get_by_role("textbox", name="Note (optional)")).to_have_value("only adults")
        expect(page.get_by_text("Collecting data: 1 of 5 settled")).to_be_visible()


def test_an_imported_project_name_shows_as_text_and_the_limit_is_stated(page: Page, shared_server):
    hostile = "**bold** [x](http://evil.test) :red[r]"
    saved = ethics.empty_answers(hostile)
    saved["answers"]["collect-who"] = {"answer": "no", "note": "see www.evil.test"}
    page.set_viewport_size(DESKTOP)
    page.goto(f"{shared_server}/ethics")
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible(timeout=30_000)
    _settle(page)
    _open_save_step(page)
    uploader = page.get_by_test_id("stFileUploader").filter(has_text="Continue from a saved JSON file")
    expect(uploader).to_contain_text("1MB per file", timeout=30_000)  # the limit the page applies (MAX_FILE_MB);
    # the wait: the uploader is drawn below the demos, which a busy machine draws slowly
    data = b"\xef\xbb\xbf" + ethics.to_json(saved).encode()  # saved by Windows Notepad, with a byte-order mark
    uploader.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "notepad.json", "mimeType": "application/json", "buffer": data}])
    message = page.get_by_test_id("stAlertContentSuccess")
    expect(message).to_contain_text(f"Loaded 1 answers for the project {hostile}.", timeout=30_000)
    _settle(page)
    expect(message.locator("a, strong, .stMarkdownColoredText")).to_have_count(0)
    screenshot_desktop_and_phone(page, "ethics-imported", "/ethics after an import")

    page.set_viewport_size(DESKTOP)
    page.get_by_text("Printable view", exact=True).click()
    _settle(page)
    expect(page.get_by_text("see www.evil.test", exact=True)).to_be_visible()
    expect(page.locator("a", has_text="evil.test")).to_have_count(0)  # no live link made from the note
    expect(page.get_by_text("Answer: no").first).to_be_visible()


def test_a_kids_answer_shows_in_the_whole_checklist(page: Page, shared_server):
    # Kid mode's detective questions are the checklist's own items: an answer given there is the checklist's.
    page.set_viewport_size(DESKTOP)
    page.goto(f"{shared_server}/ethics?kids=on")
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible(timeout=30_000)
    _settle(page)
    card = page.locator(".st-key-ethics_item_model-dont-know")
    card.get_by_test_id("stRadioOption").filter(has_text="no").first.click()
    _settle(page)
    expect(page.get_by_text("1 of 6 answered")).to_be_visible()
    simpler_words = page.locator("[data-testid=stSidebar] label").filter(has_text="Simpler words").first
    simpler_words.click()
    _settle(page)
    expect(page.get_by_text("Building the model: 1 of 7 settled")).to_be_visible()
    open_step(page, "Building the model ·")
    expect(card.get_by_role("radio", name="no", exact=True)).to_be_checked()
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_a_step_opens_from_its_label_and_stays_open_in_kid_mode(page: Page, shared_server):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{shared_server}/ethics")
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible(timeout=30_000)
    _settle(page)
    swap = page.get_by_text("Swap black and white", exact=True)
    expect(swap).to_have_count(0)  # drawn only once the learner opens the step
    page.get_by_text("1 · Black digits on white paper – ", exact=False).click()
    _settle(page)
    expect(swap).to_be_visible()
    expect(page.get_by_test_id(SVG_PICTURE).filter(has_text="Accuracy on 200 test digits")).to_have_count(1)
    page.locator("[data-testid=stSidebar] label").filter(has_text="Simpler words").first.click()
    _settle(page)
    expect(page.get_by_text("1 · Black on white – ", exact=False)).to_be_visible()
    expect(swap).to_be_visible()  # the step kept open under its kid-mode label
    page.get_by_text("1 · Black on white – ", exact=False).click()
    _settle(page)
    expect(swap).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)
