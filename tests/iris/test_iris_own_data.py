"""A learner's own table on /iris (issue #18 part 3): lib.iris.own_data's checks, each bad table with its own
message; the network sized and trained from the table (the irises' runs unchanged); the charts naming its columns
and classes; and the page: upload the sample, train, see the curves; a bad table shows its message and the irises
stay; a typed table trains too; its model card names its classes, on the page and in the record."""

import io

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
from streamlit.testing.v1 import AppTest

from lib import iris
from lib.iris import charts, data as iris_data, network, pictures
from lib.iris import content as words
from lib.iris.own_data import (MAX_CLASSES, MAX_ROWS, MIN_PER_CLASS, SAMPLE_CSV, OwnData, OwnDataError,
                               default_choice, own_data, read_own_table, sample_table)
from lib.iris.tables import species_counts
from lib.kmeans.upload import TableError
from scripts.make_own_data_sample import make_sample
from tests.conftest import ROOT, svg_pictures, unfold
from tests.svg_reader import parse, texts, tips

SAMPLE_INPUTS = ["bill_length_cm", "bill_depth_cm", "flipper_length_cm", "body_mass_kg"]


def table_of(text: str) -> pd.DataFrame:
    return read_own_table(text.encode())


def rows(count: int, label=lambda k: "ab"[k % 2]) -> str:
    """CSV text: ``count`` rows of two measurements and a label."""
    return "x,y,kind\n" + "".join(f"{k},{k % 7 + 0.5},{label(k)}\n" for k in range(count))


def sample() -> OwnData:
    return own_data(sample_table(), "species", SAMPLE_INPUTS)


# --- the checks: each bad table gets its own message -----------------------------------------------------------

@pytest.mark.parametrize("text, label, inputs, words", [
    (rows(20, lambda k: "a"), "kind", ["x", "y"], "has only `a`: the network needs at least 2 classes"),
    (rows(20, lambda k: f"id{k}"), "kind", ["x", "y"], "Every row has its own label in `kind`"),
    (rows(6), "kind", ["x", "y"], "Only 6 rows have every chosen column filled in; the network needs at least 10"),
    (rows(20, lambda k: "a" if k < 17 else "b"), "kind", ["x", "y"], "The class `b` has only 3 rows; every class "
                                                                     "needs at least 5"),
    (rows(1500, lambda k: f"c{k // 2}"), "kind", ["x", "y"], "`kind` has 750 different labels; this page tells at "
                                                             "most 7 classes apart"),
    (rows(MAX_ROWS + 1), "kind", ["x", "y"], "the most this page trains on is 2,000"),
    ("x,y,kind\n" + "".join(f"{k},{'heavy' if k == 3 else k},{'ab'[k % 2]}\n" for k in range(20)), "kind",
     ["x", "y"], "`y` is mostly numbers but has text in it (row 4: `heavy`)"),
    ("x,y,kind,colour\n" + "".join(f"{k},{k},{'ab'[k % 2]},red\n" for k in range(20)), "kind", ["x", "colour"],
     "`colour` holds text, not numbers"),
    (rows(20), "kind", ["x"], "Choose at least 2 input columns"),
    (rows(20), "kind", ["x", "kind"], "`kind` is the label column, so it cannot be an input too"),
    (rows(20), "nope", ["x", "y"], "Choose the column that holds the labels"),
], ids=["one class", "a label per row", "too few rows", "a small class", "thousands of classes", "too many rows",
        "text in measurements", "a text input", "one input", "label as input", "no label"])
def test_a_table_the_network_cannot_use_says_what_to_do(text, label, inputs, words):
    with pytest.raises(OwnDataError) as error:
        own_data(table_of(text), label, inputs)
    assert words in str(error.value)


def test_files_the_reader_refuses_keep_its_message():
    with pytest.raises(TableError, match="the most it can be is 10 MB"):  # a huge file
        read_own_table(b"x,y,kind\n" + b"1,2,a\n" * 2_000_000)
    with pytest.raises(TableError, match="the most this page takes is 10,000"):
        read_own_table(rows(10_001).encode())
    with pytest.raises(TableError, match="not a CSV text file"):
        read_own_table(bytes(range(256)) * 10)


def test_decimal_commas_and_tsv_are_read_as_numbers():
    semicolons = "länge;breite;art\n" + "".join(f"{k},5;{k % 3},25;{'ab'[k % 2]}\n" for k in range(12))
    tabs = "länge\tbreite\tart\n" + "".join(f"{k},5\t{k % 3},25\t{'ab'[k % 2]}\n" for k in range(12))
    for text in (semicolons, tabs):
        data = own_data(table_of(text), "art", ["länge", "breite"])
        assert data.X[:3].tolist() == [[0.5, 0.25], [1.5, 1.25], [2.5, 2.25]]
        assert data.classes == ("a", "b") and data.y[:3].tolist() == [0, 1, 0]


def test_gaps_leave_rows_out_and_labels_become_classes_in_order():
    text = "x,y,kind\n" + "".join(f"{k},{'' if k == 4 else k},{[2, 10, 1][k % 3]}\n" for k in range(18)) + "1,2,\n"
    data = own_data(table_of(text), "kind", ["x", "y"])
    assert data.dropped == 2 and len(data.table) == 17
    assert data.classes == ("1", "2", "10")  # numbers in number order, as text
    assert data.y[:3].tolist() == [1, 2, 0]


def test_own_data_is_equal_by_its_contents_and_round_trips_through_csv():
    first, second = sample(), sample()
    assert first == second and hash(first) == hash(second) and first.digest
    assert first != own_data(sample_table(), "species", SAMPLE_INPUTS[:3])
    back = pd.read_csv(io.StringIO(first.csv_text()), dtype={"species": str}, keep_default_na=False)
    pd.testing.assert_frame_equal(back, first.table[[*SAMPLE_INPUTS, "species"]])


def test_default_choice_finds_the_label_and_the_measurements():
    assert default_choice(sample_table()) == ("species", SAMPLE_INPUTS)
    assert default_choice(table_of(rows(20, lambda k: "a"))) == ("kind", ["x", "y"])  # so its message shows


def test_the_sample_file_is_what_its_script_makes():
    pd.testing.assert_frame_equal(pd.read_csv(SAMPLE_CSV), make_sample(), check_exact=False, atol=1e-9)
    counts = sample_table()["species"].value_counts()
    assert len(counts) <= MAX_CLASSES and counts.min() >= MIN_PER_CLASS


# --- the network follows the table; the irises are unchanged --------------------------------------------------

def test_the_network_takes_its_sizes_and_data_from_the_table():
    config = iris.IrisConfig(hidden_layers=(5,), data=sample())
    assert config.layer_sizes == (4, 5, 3) and config.features == tuple(SAMPLE_INPUTS)
    assert config.classes == ("Adelie", "Chinstrap", "Gentoo") and config.species_fraction == (1.0, 1.0, 1.0)
    assert config.parameter_count == (4 + 1) * 5 + (5 + 1) * 3
    two = own_data(table_of(rows(20)), "kind", ["x", "y"])
    assert iris.IrisConfig(data=two).layer_sizes == (2, 10, 10, 2)
    with pytest.raises(ValueError, match="species_fraction takes 2 shares"):
        iris.IrisConfig(data=two, species_fraction=(1, 0.5, 1))
    X_train, X_test, y_train, y_test = iris.split(config, seed=3)
    reference = train_test_split(sample().X, sample().y, test_size=0.25, random_state=3)
    np.testing.assert_array_equal(X_test, reference[1])
    np.testing.assert_array_equal(np.sort(X_train, axis=0), np.sort(reference[0], axis=0))


def test_the_iris_network_is_unchanged():
    config = iris.IrisConfig()
    assert config.data is None and config.layer_sizes == (4, 10, 10, 3) and config.classes == iris.SPECIES
    X_train, X_test, y_train, y_test = iris.split(config, seed=0)
    reference = train_test_split(load_iris().data, load_iris().target, test_size=0.25, random_state=0)
    np.testing.assert_array_equal(X_test, reference[1])
    assert sorted(map(tuple, X_train)) == sorted(map(tuple, reference[0]))


def test_the_map_plane_spans_the_table_with_a_tenth_of_its_range():
    data = own_data(table_of(rows(20)), "kind", ["x", "y"])  # x from 0 to 19, y from 0.5 to 6.5
    xs, ys, points = iris_data.plane(0, 1, [0, 0], 3, data)
    assert xs.tolist() == pytest.approx([-1.9, 9.5, 20.9]) and ys.tolist() == pytest.approx([-0.1, 3.5, 7.1])
    assert points.shape == (9, 2)
    weights = network.untrained((2, 3, 2), seed=0)
    _, _, grid = network.decision_grid(weights, "relu", 0, 1, [0, 0], 4, data=data)
    assert grid.shape == (4, 4, 2) and np.allclose(grid.sum(axis=2), 1)


def test_charts_and_tables_name_the_tables_columns_and_classes():
    data = sample()
    config = iris.IrisConfig(data=data)
    diagram = parse(pictures.network_diagram(config.layer_sizes, features=config.features, classes=config.classes,
                                             alt="x"))
    _, neurons = pictures.diagram_rows(config.layer_sizes, features=config.features, classes=config.classes)
    assert [n["name"] for n in neurons if n["x"] == 0] == ["bill_length_cm", "bill_depth_cm", "flipper_length_cm",
                                                           "body_mass_kg"]
    assert [n["kind"] for n in neurons if n["x"] == 3] == ["Adelie", "Chinstrap", "Gentoo"]
    assert {"bill_length_cm", "Adelie", "Chinstrap", "Gentoo"} <= set(texts(diagram))
    grid = np.full((2, 2, 3), 1 / 3)
    chart = parse(pictures.decision_map(np.array([0, 1]), np.array([0, 1]), grid, data.table, 0, 2, compact=True,
                                        features=data.inputs, classes=data.classes, labels=data.y, alt="x"))
    assert {"bill_length_cm", "flipper_length_cm"} <= set(texts(chart))  # the axes' titles
    assert {t.split(":")[0] for t in [*tips(chart, "circle"), *tips(chart, "polygon")]} == set(data.classes)
    matrix = charts.confusion_figure(np.eye(3, dtype=int), classes=data.classes)
    assert {row["true species"] for row in matrix["data"]["values"]} == set(data.classes)
    counts = species_counts(np.array([0, 0, 2]), np.array([1]), data.classes)
    assert counts.index.tolist() == ["0 Adelie", "1 Chinstrap", "2 Gentoo"]
    assert counts["training"].tolist() == [2, 0, 1]


@pytest.mark.slow
def test_training_on_the_sample_reaches_a_sensible_accuracy():
    result = iris.train(iris.IrisConfig(data=sample()), seed=0)
    assert result.test_accuracy >= 0.7  # chance is one in three
    assert result.predict_proba(result.X_test).shape == (30, 3)
    assert iris.confusion(result.model, result.X_test, result.y_test).sum() == 30
    assert iris.per_species_accuracy(result.model, result.X_test, result.y_test).shape == (3,)


# --- the page -------------------------------------------------------------------------------------------------

def own_table_page() -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
    app.switch_page("pages/2_iris.py").run()
    app.radio(key="iris_source").set_value("own").run()
    assert not app.exception, app.exception
    assert app.session_state["open_iris_own"]  # choosing it opens step 0
    return app


def note(app: AppTest) -> str:
    return next(m.value for m in app.markdown if "test flowers right" in m.value or "test rows right" in m.value)


def test_the_page_trains_on_the_uploaded_sample_and_draws_its_curves():
    app = own_table_page()
    assert any("Still the iris flowers" in c.value for c in app.caption)
    app.file_uploader(key="iris_own_upload").set_value(("penguins.csv", SAMPLE_CSV.read_bytes(), "text/csv")).run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    assert "Training on your table: 120 rows" in app.success[0].value
    assert "of the 30 test rows" in note(app)  # a quarter of 120 penguins, not 38 irises
    app.button(key="iris_train").click().run()
    assert not app.exception, app.exception
    shown = {key: parse(markup) for key, markup in svg_pictures(app).items()}
    curves = texts(shown["iris_small_curves"])
    assert curves[0] == "Learning, epoch by epoch" and {"training rows", "test rows"} <= set(curves)
    assert texts(shown["iris_diagram"])[0] == words.OWN_DIAGRAM_TITLE
    # What a screen reader hears speaks of the table, not of flowers.
    alts = {key: picture.get("aria-label") for key, picture in shown.items()}
    assert "test rows" in alts["iris_small_curves"] and "4 input columns" in alts["iris_diagram"]
    assert "120 rows" in alts["iris_small_map"] and not any("flower" in alt for alt in alts.values())
    result = app.session_state["iris_result"]  # what the curves draw
    assert result.config.data == sample() and len(result.history["test_accuracy"]) == 10
    assert "After 10 epochs" in note(app)
    unfold(app)
    assert not app.exception, app.exception
    assert float({m.label: m.value for m in app.metric}["Test accuracy"].rstrip("%")) >= 70
    assert any("not shown for your table" in c.value for c in app.caption)
    assert not app.get("code") or not any("Prediction is 'setosa'" in c.value for c in app.code)
    assert any(c.value.startswith("Solid: training rows; dashed: test rows.") for c in app.caption)


@pytest.mark.parametrize("text, words", [
    (rows(20, lambda k: "a"), "has only `a`"),
    (rows(20, lambda k: f"id{k}"), "Every row has its own label"),
    (rows(6), "the network needs at least 10"),
    (rows(1500, lambda k: f"c{k // 2}"), "750 different labels"),
    ("x,y,kind\n" + "".join(f"{k},{'heavy' if k == 3 else k},{'ab'[k % 2]}\n" for k in range(20)), "has text in it"),
    ("x,y,kind\n" + "1,2,a\n" * 10_001, "the most this page takes is 10,000"),
    ("", "The file is empty"),
], ids=["one class", "a label per row", "too few rows", "thousands of classes", "text in measurements",
        "huge file", "empty"])
def test_a_bad_table_shows_its_message_and_the_irises_stay(text, words):
    app = own_table_page()
    app.file_uploader(key="iris_own_upload").set_value(("bad.csv", text.encode(), "text/csv")).run()
    assert not app.exception, app.exception
    assert any(words in e.value for e in app.error), [e.value for e in app.error]
    assert "iris_own_data" not in app.session_state or app.session_state["iris_own_data"] is None
    assert "of the 38 test flowers" in note(app)  # still the irises
    app.button(key="iris_train").click().run()  # and Train trains the irises
    assert not app.exception, app.exception
    unfold(app, "iris_judge")
    assert any("Prediction is 'setosa'" in c.value for c in app.code)


def test_a_typed_table_trains_too():
    app = own_table_page()
    app.radio(key="iris_own_how").set_value("typed").run()
    assert not app.exception, app.exception
    assert "15 rows" in app.success[0].value  # the editor starts with five penguins of each species
    assert "of the 4 test rows" in note(app)
    app.multiselect(key=next(k for k in app.session_state if str(k).startswith("iris_own_inputs"))).set_value(
        ["bill_length_cm"]).run()
    assert any("at least 2 input columns" in e.value for e in app.error)
    assert "of the 38 test flowers" in note(app)


def test_the_model_card_step_names_the_tables_classes_and_goes_into_the_record(downloads):
    app = unfold(own_table_page(), "record_iris")  # the record's buttons are in the page's last step
    app.file_uploader(key="iris_own_upload").set_value(("penguins.csv", SAMPLE_CSV.read_bytes(), "text/csv")).run()
    untrained = downloads["iris-my-results.md"]()  # before training the record's card says so
    assert "## Model card: the network 4 → 10 → 10 → 3 on your table `penguins.csv`" in untrained
    assert "Not measured" in untrained and "The 30 test rows" in untrained
    app.button(key="iris_train").click().run()
    assert not app.exception, app.exception
    assert "6 · What is it good for, and what not? Its model card" in [e.label for e in app.expander]
    unfold(app, "iris_judge", "iris_card")
    card = next(m.value for m in app.markdown if m.value.startswith("#### "))
    assert card.startswith("#### Model card: the network 4 → 10 → 10 → 3 on your table `penguins.csv`")
    accuracy = next(m.value for m in app.metric if m.label == "Test accuracy")
    assert f"**{accuracy}** of the 30 test rows right" in card  # the judge step's number
    assert "| `species` | test rows | right |" in card
    table = app.dataframe[-1].value  # the judge step's accuracy per class
    assert list(table.iloc[:, 0]) == ["Adelie", "Chinstrap", "Gentoo"]
    for _, row in table.iterrows():
        assert any(line.startswith(f"| `{row.iloc[0]}` | {row.iloc[1]} | ") for line in card.splitlines())
    assert "`bill_length_cm`" in card and "flower" not in card.lower()
    record = downloads["iris-my-results.md"]()
    assert "\n## Model card: the network 4 → 10 → 10 → 3 on your table `penguins.csv`\n" in record
    assert f"**{accuracy}**" in record and "| `Gentoo` |" in record
    # Kid mode keeps the flowers (the choice is grown-ups' only): the irises, not trained yet, and their card
    app.toggle(key="kids_switch").set_value(True).run()
    assert not app.exception, app.exception
    assert any("of the secret flowers right" in m.value for m in app.markdown)
    assert not any("report card" in e.label for e in app.expander)
    record = downloads["iris-my-results.md"]()
    assert "## Report card: the flower robot" in record and "Gentoo" not in record
