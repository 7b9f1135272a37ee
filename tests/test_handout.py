"""lib.handout and lib.workshop_handout: Markdown and self-contained HTML, escaped, with working QR codes."""

import base64
import io
import re
from html.parser import HTMLParser

import numpy as np
import pytest
from markdown_it import MarkdownIt
from PIL import Image

from lib import lessons
from lib.handout import Handout, code_span, escape_markdown, markdown_table, qr_png
from lib.topics import TOPICS
from lib.workshop_handout import address_problem, page_address, workshop_handout

HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)> *bold* [link](javascript:alert(3))"


class Tags(HTMLParser):
    """Every start tag with its attributes; raises on nothing, so count what was parsed."""

    def __init__(self, text):
        super().__init__()
        self.tags = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def images_in(html_text):
    return [attrs for tag, attrs in Tags(html_text).tags if tag == "img"]


def test_markdown_and_html_carry_the_same_blocks():
    sheet = (Handout("My results", link="http://localhost:8501/noise?copies=5", intro="What I did.")
             .heading("Settings").bullets(["copies: 5", "noise: salt and pepper"])
             .image(np.full((28, 28), 255, np.uint8), "A white square", min_side=112)
             .table([[1, 0.5], [2, 0.25]], ["copies", "error"], "Error falls"))
    markdown, page = sheet.to_markdown(), sheet.to_html()
    assert markdown.startswith("# My results\n")
    assert "http://localhost:8501/noise?copies=5" in markdown
    assert "| copies | error |" in markdown and "| 2 | 0.25 |" in markdown
    tags = [tag for tag, _ in Tags(page).tags]
    assert tags.count("h1") == 1 and tags.count("h2") == 1 and "table" in tags and "ul" in tags
    (img,) = images_in(page)
    assert img["alt"] == "A white square" and img["src"].startswith("data:image/png;base64,")
    picture = Image.open(io.BytesIO(base64.b64decode(img["src"].split(",", 1)[1])))
    assert picture.size == (112, 112)  # enlarged so a 28-pixel digit is visible on paper
    assert "<script" not in page and "http" not in page.split("<body>")[0]  # nothing loaded from outside


def test_learner_text_is_never_html():
    sheet = Handout("Answers").text(escape_markdown(HOSTILE)).table([[HOSTILE]], ["answer"])
    sheet.text("App text with <b>tags</b> is escaped too")
    page = sheet.to_html()
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "javascript:" not in re.sub(r"&[a-z]+;", "", "".join(str(a) for _, a in Tags(page).tags))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "*bold*" in page  # escaped Markdown shows its stars instead of making bold text


def test_table_cells_cannot_break_the_table():
    markdown = Handout("T").table([["a|b", "two\nlines"]], ["x", "y"]).to_markdown()
    assert "| a\\|b | two lines |" in markdown


def test_qr_codes_encode_the_link():
    png = qr_png("http://localhost:8501/mnist?invert=on", scale=4)
    picture = Image.open(io.BytesIO(png))
    assert picture.format == "PNG" and picture.size[0] == picture.size[1] >= 100
    # A longer link needs a bigger symbol: the code really depends on its content.
    assert Image.open(io.BytesIO(qr_png("http://x/" + "a" * 200, 4))).size[0] > picture.size[0]


def test_pictures_may_be_arrays_or_images_and_small_ones_grow_until_their_longer_side_fits():
    sheet = (Handout("Pictures").image(Image.new("L", (5, 3)), "A Pillow image")
             .images([np.zeros((128, 8), np.uint8), np.zeros((300, 20, 3), np.uint8)], ["strip", "tall"], min_side=256))
    sizes = [Image.open(io.BytesIO(base64.b64decode(img["src"].split(",", 1)[1]))).size
             for img in images_in(sheet.to_html())]
    assert sizes == [(5, 3), (16, 256), (20, 300)]  # 128 long: doubled; 300 long: big enough already


def test_workshop_handout_has_every_page_goal_link_qr_and_exercise():
    sheet = workshop_handout("https://ml.example.org/")
    markdown, page = sheet.to_markdown(), sheet.to_html()
    for item in TOPICS:
        lesson = lessons.lesson(item.slug)
        assert f"https://ml.example.org/{item.slug}" in markdown
        assert lesson.goal in markdown
        for exercise in lesson.exercises:
            assert exercise.question in markdown
            assert f"https://ml.example.org/{item.slug}?lesson={exercise.number}" in markdown
            assert exercise.answer not in markdown  # learners' copy: no answers
    qr_codes = [img for img in images_in(page) if img["alt"].startswith("QR code for")]
    assert len(qr_codes) == len(TOPICS)
    assert page.count('class="page-break"') == len(TOPICS) - 1


def test_instructor_copy_adds_answers_and_kid_copy_adds_kids_links():
    chosen = {"mnist": [2], "noise": [1]}
    instructor = workshop_handout("http://localhost:8501", chosen, instructor=True).to_markdown()
    mnist = lessons.lesson("mnist")
    assert mnist.exercises[1].answer in instructor and mnist.exercises[0].question not in instructor
    assert "/convolution" not in instructor
    kids = workshop_handout("http://localhost:8501", chosen, kids=True).to_markdown()
    assert "http://localhost:8501/mnist?lesson=2&kids=on" in kids
    assert mnist.kids_goal in kids


@pytest.mark.parametrize("address, chosen, message", [
    ("localhost:8501", None, "must start with http"),
    ("javascript:alert(1)", None, "must start with http"),
    ("http://my laptop:8501", None, "has a space in it"),
    ("http://", None, "no computer name"),
    ("http://example.org:99999", None, "number from 0 to 65535"),
    ("http://example.org", {"tennis": [1]}, "No topic tennis"),
    ("http://example.org", {"mnist": [99]}, "not \\[99\\]"),
])
def test_workshop_handout_refuses_bad_choices(address, chosen, message):
    with pytest.raises(ValueError, match=message):
        workshop_handout(address, chosen)


def test_page_address_encodes_parameters():
    assert page_address("http://h:1/", "noise", {"text": "a b&c"}) == "http://h:1/noise?text=a+b%26c"


LOOPBACK, EVERY_ADDRESS = "each device's name for itself", "is what a server listens on"


@pytest.mark.parametrize("address, words", [
    ("http://localhost:8501", LOOPBACK),
    ("http://LOCALHOST:8501/", LOOPBACK),
    ("http://workshop.localhost", LOOPBACK),
    ("http://127.0.0.1:8501", LOOPBACK),
    ("http://127.0.1.1:8501", LOOPBACK),  # what Debian calls its own host name
    ("http://[::1]:8501", LOOPBACK),
    ("http://0.0.0.0:8501", EVERY_ADDRESS),
    ("http://[::]:8501", EVERY_ADDRESS),
    ("http://my laptop:8501", "has a space in it"),
    ("http://192.168.1.20:8501\tx", "has a space in it"),
    ("localhost:8501", "must start with http"),
    ("ml.example.org", "must start with http"),
    ("http://:8501", "no computer name"),
    ("https://:8501", "no computer name"),
    ("http://example.org:99999", "number from 0 to 65535"),
])
def test_addresses_a_phone_cannot_open_are_named(address, words):
    problem = address_problem(address) or ""
    assert words in problem
    # Shown as Markdown next to the address field: the sentence never repeats what was typed.
    assert address.strip() not in problem and "//" not in problem.replace("http:// or https://", "")


@pytest.mark.parametrize("address", ["http://192.168.1.20:8501", "https://ml.example.org", " http://10.0.0.2:8501/ ",
                                     "https://ml.example.org/workshop", "http://[fd00::5]:8501", "http://laptop.local:8501"])
def test_addresses_learners_can_open_have_no_problem(address):
    assert address_problem(address) is None


def test_a_backslash_in_a_table_shows_once_inside_a_code_span_and_out():
    """A code span shows its backslashes as written (escaping them there doubles them); outside one, an escaped
    backslash shows as one. Rendered with the CommonMark parser the handouts use (tables on)."""
    cells = markdown_table([[code_span("a\\b|c"), "x\\y"]], ["name", "other"])
    html_table = MarkdownIt("commonmark").enable("table").render(cells)
    assert "<code>a\\b|c</code>" in html_table and "<td>x\\y</td>" in html_table
