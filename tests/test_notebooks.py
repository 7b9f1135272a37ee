"""lib.notebooks (issue #18, "Open this in a notebook"): what every topic's notebook shares. Each is valid nbformat 4;
its first cell names the page, its settings (as the page reads them: refused values named, left at their default)
with the lesson link, and the pip line with the project's pins; building one imports neither Streamlit nor
TensorFlow. Running the notebooks is tested per topic (tests/<topic>/test_<topic>_notebook.py); the download button
is tested here on every topic page (AppTest) and in a browser (tests/browser/test_notebook_browser.py)."""

import json
import subprocess
import sys

import nbformat
import pytest

from lib import notebooks
from lib.topics import TOPICS
from tests.conftest import ROOT, open_with_link, unfold

SLUGS = [item.slug for item in TOPICS]


def first_cell(text: str) -> str:
    return nbformat.reads(text, as_version=4).cells[0].source


@pytest.mark.parametrize("slug", SLUGS)
def test_every_topic_builds_a_valid_notebook_that_says_where_it_came_from(slug):
    text = notebooks.build(slug, {})
    notebook = nbformat.reads(text, as_version=4)
    nbformat.validate(notebook)
    assert notebook.nbformat == 4 and notebook.metadata.kernelspec.name == "python3"
    assert notebook.metadata.ml_workshop == {"page": f"/{slug}", "settings": {},
                                             "link": f"http://localhost:8501/{slug}"}
    first = notebook.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert f"(`/{slug}`)" in first.source and f"<http://localhost:8501/{slug}>" in first.source
    assert "**Settings:** as the page starts." in first.source
    assert [cell.cell_type for cell in notebook.cells].count("code") >= 1


def test_the_pip_line_has_the_project_pins():
    pins = notebooks.requirement_pins(["numpy", "scikit-learn", "tensorflow", "pillow", "scipy"])
    assert pins == ["numpy", "scikit-learn==1.9.1", "tensorflow==2.21.0", "pillow==13.0.0", "scipy==1.17.1"]
    requirements = (ROOT / "requirements.txt").read_text()
    first = first_cell(notebooks.build("iris", {}))
    assert 'pip install numpy "scikit-learn==1.9.1" "tensorflow==2.21.0"' in first
    for pin in ("scikit-learn==1.9.1", "tensorflow==2.21.0"):
        assert pin in requirements  # read from the file, not written here
    assert "It uses nothing beyond Python itself." in first_cell(notebooks.build("ethics", {}))


def test_changed_settings_are_listed_and_linked_as_the_app_links_them():
    text = notebooks.build("mnist", {"invert": "on", "threshold": "70"})
    first = first_cell(text)
    assert "- Train with inverted copies: **on**" in first
    assert "- 'I don't know' threshold \\(%\\): **70**" in first
    assert "<http://localhost:8501/mnist?invert=on&threshold=70>" in first
    assert json.loads(text)["metadata"]["ml_workshop"]["settings"] == {"invert": "on", "threshold": "70"}
    given = notebooks.build("mnist", {"invert": "on"}, link="https://ml.example.org/mnist?invert=on&lesson=2")
    assert "<https://ml.example.org/mnist?invert=on&lesson=2>" in first_cell(given)


def test_refused_values_are_named_and_left_at_their_default_as_the_page_does():
    text = notebooks.build("noise", {"copies": "5000", "colour": "red", "kind": "uniform"})
    first = first_cell(text)
    assert "*Note:* " in first and "5000" in first and "colour" in first
    assert "- Kind of noise: **Uniform: flat fuzz**" in first and "- Number of copies" not in first
    assert "COPIES = 20 " in "\n".join(cell.source for cell in nbformat.reads(text, as_version=4).cells)


def test_a_learners_text_cannot_break_out_of_the_notebook():
    message = 'A"); import os #'
    notebook = nbformat.reads(notebooks.build("noise", {"source": "message", "message": message}), as_version=4)
    sources = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert message not in sources  # only the picture it makes is carried, as a PNG
    assert f"`{message}`" in notebook.cells[3].source  # shown as typed, as code, in the secret's Markdown


def test_unknown_pages_and_misplaced_weights_are_refused():
    with pytest.raises(KeyError, match="No notebook for /glossary"):
        notebooks.build("glossary", {})
    with pytest.raises(ValueError, match="Only the /iris notebook"):
        notebooks.build("noise", {}, weights=[])
    with pytest.raises(ValueError, match="4 → 10 → 10 → 3"):
        notebooks.build("iris", {}, weights=[([[0.0]], [0.0])])


def test_building_imports_neither_streamlit_nor_tensorflow():
    script = ("import sys; from lib import notebooks\n"
              f"for slug in {SLUGS!r}: notebooks.build(slug, {{}})\n"
              "print(sorted(m for m in ('streamlit', 'tensorflow', 'keras') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "[]"


@pytest.mark.parametrize("item", TOPICS, ids=SLUGS)
def test_every_topic_page_offers_the_notebook_beside_its_results(item):
    app = unfold(open_with_link(item.page_file, {}), f"record_{item.slug}")  # a step, drawn once opened
    buttons = {button.proto.label: button for button in app.get("download_button")}
    assert "Download my results (HTML)" in buttons
    button = buttons["Download a notebook (.ipynb)"]
    assert button.proto.label == "Download a notebook (.ipynb)"
