"""lib.table_upload: every kind of bad CSV gets one clear sentence; good ones load."""

import numpy as np
import pytest

from lib import garden
from lib.table_upload import MAX_COLUMNS, MAX_ROWS, TableError, numeric_columns, numeric_table, read_table, \
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
