"""lib.cards and data/cards: the home page's card pictures are shipped as drawn, and describe themselves."""

import numpy as np
import pytest
from PIL import Image

from lib import cards
from lib.topics import TOPICS


@pytest.mark.parametrize("slug", [t.slug for t in TOPICS])
def test_each_topic_ships_the_card_picture_lib_cards_draws(slug):
    shipped = np.asarray(Image.open(cards.card_file(slug)))
    drawn = cards.PICTURES[slug]()
    assert shipped.shape == drawn.shape and np.array_equal(shipped, drawn), \
        f"data/cards/{slug}.png is stale: run scripts/make_cards.py"
    assert shipped.shape[0] <= cards.HEIGHT and cards.card_alt(slug)


def test_the_home_page_shows_a_picture_on_every_card_and_one_start_here_path():
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file("../app.py").run()
    assert not app.exception
    assert len(app.main.get("image")) == len(TOPICS)  # the sidebar has the QR code too
    links = [link.label for link in app.get("page_link")]
    assert [label for label in links if label.startswith("Start here")] == ["Start here: Image kernels"]
