"""The pure pieces behind /mnist's page: live training once per setting (lib.mnist.live), the page's words
that quote a result (lib.mnist.content), and the image check every network function applies (lib.mnist.data)."""

import numpy as np
import pytest

from lib.mnist import content, live
from lib.mnist.augment import Augmentations
from lib.mnist.data import check_images


def test_a_setting_trains_once_and_is_kept(trainings):
    setting = live.LiveSetting(1_000, 1, Augmentations(invert=True))
    assert live.cached(setting) is None
    events = []
    run = live.train_cached(setting, on_progress=lambda p: events.append(p.step),
                            on_start=lambda: events.append("start"))
    assert events == ["start", *range(1, 9)] and trainings == [2_000]  # 1,000 digits and their inverted copies
    assert len(run.history["seen"]) == 8
    assert 0.9 < run.normal <= 1 and 0.9 < run.inverted <= 1  # the shipped inverted network, on the test set
    assert live.cached(setting) is run
    again = live.train_cached(setting, on_progress=lambda p: events.append(p.step),
                              on_start=lambda: events.append("start"))
    assert again is run and trainings == [2_000] and len(events) == 9  # not trained again


def test_settings_are_told_apart_and_described():
    plain = live.LiveSetting(1_000, 2, Augmentations())
    assert plain != live.LiveSetting(1_000, 2, Augmentations(rotation=10))
    assert plain == live.LiveSetting(1_000, 2, Augmentations())
    assert plain.describe() == "1,000 digits, 2 epoch(s), no augmentation"
    assert live.LiveSetting().describe() == "10,000 digits, 1 epoch(s), inverted copies"
    assert live.LiveSetting().size in live.SIZES


@pytest.mark.parametrize("images, every", [(100, 1), (2_560, 2), (20_000, 15), (40_000, 20), (120_000, 20)])
def test_progress_is_reported_about_ten_times_an_epoch(images, every):
    assert live.report_every(images) == every


@pytest.mark.parametrize("kind, truth, best, words", [
    ("right", 7, 7, ("Right: it is a 7.", "Right! It is a 7.")),
    ("right", None, 3, ("Right: it is not a digit", "Right! It is not a number.")),
    ("confidently wrong", None, 3, ("**Confidently wrong.** It is 95% sure this is a 3, but it is not a digit",
                                    "**Always a number.**")),
    ("confidently wrong", 1, 7, ("**Confidently wrong.** It is 95% sure this is a 7, but it is a 1.",
                                 "**Sure, and wrong.** The robot is 95% sure it is a 7, but it is a 1.")),
    ("wrong", 1, 7, ("Wrong, but not sure either: only 95% for 7, and it is a 1.", "Wrong: it is a 1.")),
    ("unsure", 7, 7, ("It would not say. Its best guess, 7, was right.", "The robot did not say. It is a 7.")),
    ("unsure", 1, 7, ("It would not say. Its best guess, 7, was wrong: it is a 1.", "The robot did not say.")),
])
def test_verdict_words(kind, truth, best, words):
    plain, kids = content.verdict(kind, truth, best, 0.95)
    assert plain.startswith(words[0]) and kids.startswith(words[1])


def test_words_that_quote_results():
    assert content.answer(7, 0.953, True) == "It's a 7 (95% sure)"
    assert content.answer(7, 0.4, False) == "I don't know (best guess 7, only 40%)"
    assert content.threshold_trade(0.7, 0.9512, 0.99456).startswith(
        "On the 10,000 MNIST test digits, at 70% the network answers 95.1% of them and gets 99.46% of those right.")
    assert content.trained("1,000 digits", 0.9, 0.5) == ("Your network (1,000 digits): 90.0% right on the normal "
                                                         "test digits, 50.0% on inverted ones.")


def test_check_images_makes_a_batch_and_refuses_what_is_not_a_digit():
    assert check_images(np.zeros((28, 28))).shape == (1, 28, 28)
    assert check_images(np.ones((3, 28, 28), dtype=np.float64)).dtype == np.float32
    speck = np.zeros((28, 28))
    speck[3, 4] = np.nan
    for bad, message in ((np.zeros((28, 27)), "shaped"), (np.full((28, 28), 255.0), "divide"), (speck, "divide")):
        with pytest.raises(ValueError, match=message):
            check_images(bad)
