"""lib.iris.content (the page's words that quote a result) and lib.iris.tables (its small tables)."""

import numpy as np

from lib import iris
from lib.iris import content
from lib.iris.own_data import own_data, sample_table
from lib.iris.tables import species_counts, species_scores


def test_verdict_names_the_species_or_says_i_dont_know():
    probabilities = np.array([0.1, 0.7, 0.2])
    assert content.verdict(probabilities, 1, 50) == "This looks like **versicolor** (70.0% sure)."
    assert content.verdict(probabilities, None, 80) == ("I don't know: no species reaches 80%. The best guess "
                                                         "would be versicolor at 70.0%.")


def test_sentences_that_quote_numbers():
    assert content.waiting(1) == ("Waiting for 1 other training run on this server to finish; yours starts "
                                  "right after.")
    assert "3 other training runs" in content.waiting(3)
    assert content.epoch_line(2, 10, 0.875) == "Epoch 2 of 10: test accuracy 87.5%"
    assert content.split_caption(112, 38) == "112 flowers to learn from, 38 to test on."
    assert "first 12" not in content.diagram_caption((4, 10, 10, 3), 12)
    assert content.diagram_caption((4, 64, 3), 12).endswith("Layers wider than 12 neurons show their first 12.")
    assert "link you opened" in content.press_train(True) and "link" not in content.press_train(False)


def test_overfit_words_describe_the_demo():
    intro = content.overfit_intro(iris.OVERFIT_CONFIG)
    assert "(9 flowers)" in intro and "(4 → 64 → 64 → 64 → 3)" in intro and "40 epochs" in intro
    history = {"accuracy": [0.5, 1.0], "test_loss": [0.4, 0.3, 0.9]}
    assert content.overfit_caption(history, 0.92).startswith(
        "Training accuracy 100%, test accuracy 92%; test loss went from 0.30 at best to 0.90.")


def test_every_word_pair_has_plain_and_kid_words():
    for pair in (content.DATA, content.SPLIT, content.TRAIN, content.REPLAYING, content.REPLAYED, content.STEP_DATA,
                 content.DATA_QUESTION, content.STEP_SPLIT, content.SPLIT_QUESTION, content.STEP_JUDGE,
                 content.JUDGE_QUESTION, content.STEP_MEASURE, content.MEASURE, content.untrained(0.3, 38, False),
                 content.trained(0.95, 38, 10)):
        assert len(pair) == 2 and all(pair) and pair[0] != pair[1]


def test_the_playgrounds_line_says_rows_for_an_own_table_and_flowers_for_the_irises():
    own = iris.IrisConfig(data=own_data(sample_table(), "species", ["bill_length_cm", "bill_depth_cm"]))
    assert content.items(iris.IrisConfig()) == "flowers" and content.items(own) == "rows"
    assert content.trained(0.95, 30, 10, "rows")[0].startswith("After 10 epochs: **95.0%** of the 30 test rows right.")
    assert "of the secret rows right" in content.trained(0.95, 30, 10, "rows")[1]
    assert "of the 30 test rows right" in content.untrained(0.3, 30, False, "rows")[0]
    assert content.trained(0.95, 38, 10) == content.trained(0.95, 38, 10, "flowers")  # the irises' words
    assert "of the 38 test flowers right" in content.untrained(0.3, 38, False)[0]


def test_species_tables():
    counts = species_counts(np.array([0, 0, 1, 2, 2, 2]), np.array([1, 1]))
    assert counts.index.tolist() == ["0 setosa", "1 versicolor", "2 virginica"]
    assert counts["training"].tolist() == [2, 1, 3] and counts["test"].tolist() == [0, 2, 0]
    scores = species_scores(np.array([0, 1, 1]), np.array([1.0, 0.5, np.nan]))
    assert scores.to_dict("list") == {"species": list(iris.SPECIES), "test flowers": [1, 2, 0],
                                      "accuracy": ["100%", "50%", "–"]}
