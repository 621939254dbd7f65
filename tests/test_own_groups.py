"""analysis.selection.own_groups: each document's group before pooling."""

import pandas as pd

from analysis.selection import own_groups


def test_each_document_maps_to_its_own_group_as_text():
    documents = pd.DataFrame({"doc_id": ["a", 7], "outlet": ["Daily Ledger", 3]})
    assert own_groups(documents, "outlet") == {"a": "Daily Ledger", "7": "3"}


def test_a_table_without_the_column_gives_nothing():
    assert own_groups(pd.DataFrame({"doc_id": ["a"]}), "origin") == {}
