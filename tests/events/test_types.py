"""Event types and their CAMEO codes."""

from service.events.types import CAMEO, TYPES


def test_every_type_has_a_documented_cameo_choice():
    assert set(TYPES) == set(CAMEO)
    assert CAMEO["statement"] == "01"
    assert CAMEO["meeting"] == "04"
    assert CAMEO["sanctions"] == "16"
    assert CAMEO["election"] is None
