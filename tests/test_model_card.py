"""lib.model_card: one card format, in plain and kid words, on a page (Markdown) and in a handout."""

import math
import re
from datetime import date

from lib.handout import Handout
from lib.model_card import NOT_TRAINED, ClassScore, ModelCard

CARD = ModelCard(
    title=("Model card: a test network", "Report card: a test robot"),
    learned_from=("Forty measured things.", "Forty things."),
    never_saw=("The ten test things.", "Ten secret things."),
    held_out=("the 10 test things", "the 10 secret things"),
    overall=0.7,
    class_column=("class", "kind"), count_column=("test things", "secret things"),
    per_class=(ClassScore("round", 1.0, 4), ClassScore("square", 0.5, 6), ClassScore("star", math.nan, 0)),
    other_tests=((("Upside down", "Upside down"), 0.995),),
    failures=(("A square called round, 90% sure.", ""), ("", "1 square it called round.")),
    not_for=(("Triangles.", "Triangles."),),
    made=date(2026, 5, 3),
    settings=(("Layers", "4 → 3"), ("Random seed", "0")),
)


def lines(text: str) -> list[str]:
    return text.splitlines()


def test_plain_card_has_every_part_in_order():
    text = CARD.to_markdown(kids=False)
    assert text.startswith("#### Model card: a test network\n")
    parts = ["What it learned from", "What it has never seen", "How well it does", "What it gets wrong",
             "Do not use it for", "Made"]
    positions = [text.index(f"**{part}") for part in parts]
    assert positions == sorted(positions)
    assert "**70.0%** of the 10 test things right." in text
    assert "| class | test things | right |" in lines(text)
    assert "| square | 6 | 50.0% |" in lines(text) and "| star | 0 | – |" in lines(text)  # no example: a dash
    assert "- Upside down: **99.5%** right" in lines(text)
    assert "**Made** 3 May 2026, with these settings:" in text and "| Random seed | 0 |" in lines(text)


def test_kid_card_uses_the_kid_words_and_leaves_the_settings_out():
    text = CARD.to_markdown(kids=True)
    assert text.startswith("#### Report card: a test robot\n")
    assert "What it never saw" in text and "Ten secret things." in text and "Forty measured" not in text
    assert "| kind | secret things | right |" in lines(text)
    assert "**Made on** 3 May 2026." in text and "Random seed" not in text
    # Whole percents, but a class it gets some wrong is never rounded up to a perfect 100%.
    assert "- Upside down: **99%** right" in lines(text) and "| round | 4 | 100% |" in lines(text)


def test_a_line_only_one_wording_needs_is_left_out_of_the_other():
    plain, kids = CARD.to_markdown(False), CARD.to_markdown(True)
    assert "- A square called round, 90% sure." in lines(plain) and "1 square it called" not in plain
    assert "- 1 square it called round." in lines(kids) and "90% sure" not in kids
    assert "- " not in lines(plain) + lines(kids)  # no empty bullet


def test_an_untrained_network_says_so_instead_of_a_score():
    card = ModelCard(**{**CARD.__dict__, "overall": None})
    text = card.to_markdown(False)
    assert NOT_TRAINED[0] in text and "| class |" not in text and "Upside down" not in text
    assert NOT_TRAINED[1] in card.to_markdown(True)


def test_plain_percentages_keep_the_decimals_the_page_shows():
    card = ModelCard(**{**CARD.__dict__, "overall": 0.9908, "decimals": 2})
    assert "**99.08%**" in card.to_markdown(False) and "**99%**" in card.to_markdown(True)


def test_a_handout_carries_the_same_card_under_its_own_heading():
    record = CARD.add_to(Handout("My results"), kids=False)
    markdown = record.to_markdown()
    assert "\n## Model card: a test network\n" in markdown
    body = CARD.to_markdown(False).split("\n", 1)[1].strip()
    assert body in markdown
    html = record.to_html()
    assert html.count("<table>") == 2 and "<h2>Model card: a test network</h2>" in html
    kids = CARD.add_to(Handout("My results"), kids=True).to_markdown()
    assert "## Report card: a test robot" in kids and "Random seed" not in kids


def test_the_heading_level_can_be_chosen():
    assert re.match(r"## Model card", CARD.to_markdown(False, level=2))
