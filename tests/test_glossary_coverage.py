"""Every glossary word a topic page uses has an entry that names the page, and every page an entry names
really uses the word.

A page's text is what it shows when opened (AppTest: markdown, headings, captions, alerts, widget and
expander labels, in the main area) plus the string literals of its source file, which hold the text shown
only after an interaction (after training, in a chosen demo), and the words it keeps elsewhere: its controls'
labels and help in its lesson file, and ``lib/<slug>/content.py``. Text the glossary itself wrote (the "words on
this page" list, tooltips and popovers) is left out: it explains words rather than using them.
"""

import ast
from functools import cache

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import element_tree as tree

from lib import glossary, lessons
from lib.topics import TOPICS
from tests.conftest import ROOT, unfold

TEXT_ELEMENTS = (tree.Markdown, tree.Caption, tree.HeadingBase, tree.AlertBase, tree.Text)
WORDINGS = tuple(text for item in glossary.TERMS for text in (item.plain, item.kids))


def _shown(node, out: list[str]) -> list[str]:
    if isinstance(node, TEXT_ELEMENTS):
        out.append(str(node.value))
    if isinstance(getattr(node, "label", None), str):
        out.append(node.label)
    for child in getattr(node, "children", {}).values():
        _shown(child, out)
    return out


def _source_strings(path) -> list[str]:
    """The page file's string literals, docstrings left out (they are for programmers, not learners)."""
    module = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.value) for node in ast.walk(module) if isinstance(node, ast.Expr)}
    return [node.value for node in ast.walk(module)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def topic_words(slug: str) -> list[str]:
    """The words a page keeps out of its file (issue #16): its controls' labels, help and glossary terms in its
    lesson file, and the string literals of ``lib/<slug>/content.py`` (and ``words.py``) and ``lib/ui/<slug>.py`` (the text shown
    after an interaction)."""
    settings = lessons.lesson(slug).settings
    modules = [ROOT / "lib" / slug / "content.py", ROOT / "lib" / slug / "words.py",
               ROOT / "lib" / "ui" / f"{slug}.py"]
    return ([text for s in settings for text in (s.label, s.help, s.kids_label, s.kids_help, s.term) if text]
            + [text for module in modules if module.exists() for text in _source_strings(module)])


@cache
def page_text(slug: str) -> str:
    item = next(t for t in TOPICS if t.slug == slug)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    app.switch_page(item.page_file).run()
    assert not app.exception, app.exception
    unfold(app)  # every step drawn, as a learner who opens them all reads them
    texts = _shown(app.main, []) + _source_strings(ROOT / item.page_file) + topic_words(slug)
    return "\n".join(text for text in texts if not any(wording in text for wording in WORDINGS))


@pytest.mark.parametrize("slug", [t.slug for t in TOPICS])
def test_every_word_used_on_the_page_has_an_entry_naming_it(slug):
    unlisted = sorted(name for name in glossary.find_terms(page_text(slug))
                      if slug not in glossary.term(name).pages + glossary.term(name).homonym_pages)
    assert not unlisted, (f"/{slug} uses {unlisted}: add {slug!r} to their pages (or homonym_pages, if the page "
                          "means the everyday word) in lib/glossary.toml")


@pytest.mark.parametrize("slug", [t.slug for t in TOPICS])
def test_every_word_an_entry_places_on_the_page_is_there(slug):
    found = glossary.find_terms(page_text(slug))
    missing = sorted(item.name for item in glossary.terms_for(slug) if item.name not in found)
    assert not missing, (f"lib/glossary.toml says /{slug} uses {missing}, but the page never writes them "
                         "(nor an alias): remove the slug from their pages, or add the page's spelling as an alias")
