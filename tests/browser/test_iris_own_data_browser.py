"""/iris with the learner's own table in a real browser (issue #18): choose "My own table", upload the sample
file through the file input, train, and see the curves name its rows and the model card step name its classes
(the downloaded record too); then a table with one class shows its message while the irises come back."""

import re

from playwright.sync_api import Page, expect

from lib.iris.own_data import SAMPLE_CSV
from tests.browser.conftest import SVG_PICTURE, downloaded_text, open_at, open_step, wait_until_settled

ONE_CLASS = "x,y,kind\n" + "".join(f"{k},{k % 7 + 0.5},a\n" for k in range(20))


def upload(page: Page, name: str, content: bytes) -> None:
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": content}])
    wait_until_settled(page)


def test_an_uploaded_table_trains_and_gets_its_card_and_a_bad_one_keeps_the_irises(page: Page, shared_server):
    open_at(page, f"{shared_server}/iris?seed=719", "Iris network")  # a seed no other test trains
    page.get_by_text("My own table", exact=True).click()
    wait_until_settled(page)
    expect(page.get_by_text("Still the iris flowers")).to_be_visible()

    upload(page, SAMPLE_CSV.name, SAMPLE_CSV.read_bytes())
    expect(page.get_by_text(re.compile(r"Training on your table: 120 rows"))).to_be_visible(timeout=60_000)
    expect(page.get_by_text(re.compile(r"of the 30 test rows right"))).to_be_visible()
    page.get_by_role("button", name="Train the network").click()
    expect(page.get_by_text(re.compile(r"After \d+ epochs: .* of the 30 test rows right"))).to_be_visible(
        timeout=180_000)
    wait_until_settled(page)
    curves = page.get_by_test_id(SVG_PICTURE).filter(has_text="Learning, epoch by epoch")
    expect(curves).to_contain_text("training rows")
    expect(curves).to_contain_text("test rows")

    open_step(page, "Its model card")
    heading = f"Model card: the network 4 → 10 → 10 → 3 on your table {SAMPLE_CSV.name}"
    expect(page.get_by_role("heading", name=heading)).to_be_visible(timeout=60_000)
    classes = page.get_by_role("table").filter(has_text="test rows")  # the card's table of its classes
    for name in ("Adelie", "Chinstrap", "Gentoo"):
        expect(classes.get_by_role("cell", name=name, exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile(r"never trained on\. .* of the 30 test rows right\."))).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    record = downloaded_text(page, "Download my results (Markdown)")
    assert f"## {heading.replace(SAMPLE_CSV.name, f'`{SAMPLE_CSV.name}`')}" in record and "| `Gentoo` |" in record

    upload(page, "one-class.csv", ONE_CLASS.encode())
    expect(page.get_by_test_id("stAlertContentError")).to_contain_text("has only a")
    expect(page.get_by_text(re.compile(r"of the 38 test flowers right"))).to_be_visible()  # the irises again
    expect(page.get_by_test_id("stException")).to_have_count(0)
