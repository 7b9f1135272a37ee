"""'Download a notebook (.ipynb)' in a real browser (issue #18): the button beside "Download my results" gives a
file that is valid JSON in nbformat 4, named after the page, built from the view's settings with its link; on
/iris, after Train, the notebook carries the network trained on the page."""

import json
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import Page

from lib.topics import TOPICS
from tests.browser.conftest import open_at, open_record, wait_until_settled
from tests.browser.test_iris_browser import train_iris

LABEL = "Download a notebook (.ipynb)"


def download(page: Page) -> tuple[str, str]:
    """Open the record step, press the notebook button; the file's suggested name and its text."""
    open_record(page)
    button = page.get_by_role("button", name=LABEL)
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=90_000) as download:
        button.click()
    return download.value.suggested_filename, Path(download.value.path()).read_text(encoding="utf-8")


def test_the_notebook_downloads_as_nbformat_4_with_the_views_settings(page: Page, shared_server):
    open_at(page, f"{shared_server}/convolution?preset=box-blur&padding=edge", "Image kernels")
    name, text = download(page)
    assert name == "convolution-notebook.ipynb"
    document = json.loads(text)
    assert document["nbformat"] == 4
    notebook = nbformat.reads(text, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.ml_workshop["settings"] == {"preset": "box-blur", "padding": "edge"}
    assert notebook.metadata.ml_workshop["link"] == f"{shared_server}/convolution?preset=box-blur&padding=edge"
    sources = "\n".join(cell.source for cell in notebook.cells)
    assert "'Box blur': np.array([" in sources and "PADDING = 'edge'" in sources


def test_after_training_the_iris_notebook_carries_the_pages_network(page: Page, shared_server):
    open_at(page, f"{shared_server}/iris?epochs=2&steps=20", "Iris network")
    train_iris(page)
    _, text = download(page)
    sources = "\n".join(cell.source for cell in nbformat.reads(text, as_version=4).cells)
    assert "PAGE_WEIGHTS = [" in sources and "EPOCHS = 2" in sources and "STEPS_PER_EPOCH = 20" in sources


def test_the_mnist_notebook_follows_the_invert_toggle_pressed_in_the_playground_alone(page: Page, shared_server):
    """/mnist's toggle reruns the playground alone (a fragment): the notebook and the results made after it
    still carry the learner's choice, each time, even after an earlier download."""
    open_at(page, f"{shared_server}/mnist", "Handwritten digits")
    toggle = page.get_by_text("Train with inverted copies", exact=True).first
    for expected in ("on", None):
        toggle.click()
        wait_until_settled(page)
        _, text = download(page)
        assert nbformat.reads(text, as_version=4).metadata.ml_workshop["settings"].get("invert") == expected
        button = page.get_by_role("button", name="Download my results (Markdown)")  # beside the notebook's
        with page.expect_download(timeout=90_000) as record:
            button.click()
        said = Path(record.value.path()).read_text(encoding="utf-8")
        assert ("invert=on" in said) == (expected == "on")


@pytest.mark.parametrize("item", TOPICS, ids=[item.slug for item in TOPICS])
def test_every_topic_pages_record_and_notebook_download_in_a_real_browser(page: Page, shared_server, item):
    """The downloads are built on another thread when pressed: a Streamlit call there fails the download
    silently (the browser gets nothing), which only a real browser shows."""
    open_at(page, f"{shared_server}/{item.slug}", item.title)
    name, text = download(page)  # opens the record step
    assert name == f"{item.slug}-notebook.ipynb" and json.loads(text)["nbformat"] == 4
    button = page.get_by_role("button", name="Download my results (Markdown)")
    with page.expect_download(timeout=90_000) as record:
        button.click()
    assert record.value.suggested_filename == f"{item.slug}-my-results.md"
    assert f"{shared_server}/{item.slug}" in Path(record.value.path()).read_text(encoding="utf-8")


def test_the_ethics_record_follows_the_threshold_moved_in_the_playground_alone(page: Page, shared_server):
    """/ethics' dog playground reruns alone (a fragment): the record made after it still says the learner's
    threshold and carries it in its link."""
    open_at(page, f"{shared_server}/ethics", "Before you trust a model")
    page.get_by_role("slider", name="Say 'I don't know' below this confidence").press("ArrowRight")
    wait_until_settled(page)
    open_record(page)
    button = page.get_by_role("button", name="Download my results (Markdown)")
    with page.expect_download(timeout=90_000) as record:
        button.click()
    said = Path(record.value.path()).read_text(encoding="utf-8")
    assert "With 'I don't know' below 51%" in said and "threshold=0.51" in said
