"""lib.kmeans.upload: every kind of bad CSV gets one clear sentence; good ones load."""

import numpy as np
import pytest

from lib.kmeans import garden
from lib.kmeans.upload import MAX_COLUMNS, MAX_ROWS, TableError, numeric_columns, numeric_table, read_table, \
    text_in_numbers


def test_the_garden_file_loads_like_load_garden():
    table = read_table(garden.GARDEN_CSV.read_bytes())
    assert numeric_columns(table) == list(garden.MEASUREMENTS)
    values, dropped = numeric_table(table, list(garden.MEASUREMENTS))
    assert dropped == 0
    np.testing.assert_allclose(values.to_numpy(), garden.load_garden()[list(garden.MEASUREMENTS)].to_numpy())


def test_semicolons_and_a_byte_order_mark_are_fine():
    table = read_table("\ufeffa;b\n1;2\n3;4\n".encode("utf-8"))
    assert list(table.columns) == ["a", "b"] and numeric_columns(table) == ["a", "b"]


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a CSV"),
    (b"a,b\n1,2\n", "fewer than two rows"),
    (b"a,b\n", "fewer than two rows"),
    (b'a,b\n1,"2\n3,4\n', "could not be read"),
    (("x\n" + "1\n" * (MAX_ROWS + 1)).encode(), "the most this page takes is 10,000"),
    ((",".join(f"c{i}" for i in range(MAX_COLUMNS + 1)) + "\n" + ",".join("1" * (MAX_COLUMNS + 1)) + "\n") .encode()
     * 1, "columns"),
])
def test_bad_files_get_clear_messages(data, message):
    with pytest.raises(TableError, match=message):
        read_table(data)


def test_no_numeric_columns_and_text_in_numbers_are_reported():
    table = read_table(b"name,colour\nann,red\nbob,blue\n")
    assert numeric_columns(table) == []
    table = read_table(b"length,weight\n1,2\n3,heavy\n4,5\n")
    assert numeric_columns(table) == ["length"]
    assert text_in_numbers(table) == {"weight": "row 2: `heavy`"}


def test_missing_values_are_dropped_and_counted():
    table = read_table(b"a,b\n1,2\n,4\n5,6\n7,\n")
    values, dropped = numeric_table(table, ["a", "b"])
    assert dropped == 2 and len(values) == 2
    with pytest.raises(TableError, match="Choose at least one"):
        numeric_table(table, [])
    with pytest.raises(TableError, match="Fewer than two rows"):
        numeric_table(read_table(b"a,b\n1,\n,2\n3,4\n"), ["a", "b"])


# The usual European spreadsheet export: semicolons between cells, a decimal comma in numbers; also tab
# separated, and comma separated with the decimal-comma numbers quoted (as a spreadsheet set to German saves).
EUROPEAN = {
    "semicolons": ("Länge;Gewicht;Art\n12,5;3,25;Apfel\n-0,5;4;Birne\n7;,75;Apfel\n", ";"),
    "tabs": ("Länge\tGewicht\tArt\n12,5\t3,25\tApfel\n-0,5\t4\tBirne\n7\t,75\tApfel\n", "\t"),
    "quoted commas": ('Länge,Gewicht,Art\n"12,5","3,25",Apfel\n"-0,5",4,Birne\n7,",75",Apfel\n', ","),
}


@pytest.mark.parametrize("name", sorted(EUROPEAN))
def test_decimal_commas_are_read_as_pandas_reads_them_when_told(name):
    import io

    import pandas as pd

    text, separator = EUROPEAN[name]
    table = read_table(text.encode("utf-8"))
    reference = pd.read_csv(io.StringIO(text), sep=separator, decimal=",")
    assert numeric_columns(table) == ["Länge", "Gewicht"]
    assert text_in_numbers(table) == {}
    pd.testing.assert_frame_equal(table[["Länge", "Gewicht"]], reference[["Länge", "Gewicht"]].astype(float))
    assert list(table["Art"]) == ["Apfel", "Birne", "Apfel"]


def test_a_semicolon_file_with_decimal_points_and_gaps_still_loads():
    table = read_table(b"a;b\n1.5;2\n;4\n3.25;\n")
    assert numeric_columns(table) == ["a", "b"]
    np.testing.assert_allclose(table["a"], [1.5, np.nan, 3.25])


def test_a_typo_in_a_decimal_comma_column_is_pointed_at():
    table = read_table("a;b\n1,5;2\n2,5;schwer\n3,5;4\n4,5;5\n".encode())
    assert numeric_columns(table) == ["a"]
    assert text_in_numbers(table) == {"b": "row 2: `schwer`"}


def test_a_comma_that_may_separate_thousands_is_not_guessed():
    # "1,234" in an English file is one thousand two hundred and thirty-four; the page says which value to fix
    table = read_table(b'a,b\n"1,234",2\n"5,678",3\n')
    assert numeric_columns(table) == ["b"]
    assert text_in_numbers(table) == {"a": "row 1: `1,234`"}


@pytest.mark.parametrize("header", ["weight", "x", "length_cm"])
def test_a_single_column_file_keeps_its_column(header):
    table = read_table(f"{header}\n1.5\n2\n3\n".encode())
    assert list(table.columns) == [header] and numeric_columns(table) == [header]
