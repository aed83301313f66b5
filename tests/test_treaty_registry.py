"""The treaty registry is data with a schema: every entry complete, sourced and flagged."""

from __future__ import annotations

import re

from drafting import resources
from drafting.treaties import by_citation, find_mentions, registry

REQUIRED = {
    "id": str,
    "title": str,
    "year": int,
    "aliases": list,
    "series": (str, type(None)),
    "volumes": list,
    "number": (str, type(None)),
    "status": str,
    "verified": bool,
    "source": str,
}


def test_schema():
    data = resources.load_json("treaties", "registry.json")
    assert isinstance(data["source"], str)
    ids = set()
    for entry in data["instruments"]:
        for key, kind in REQUIRED.items():
            assert isinstance(entry.get(key), kind), (entry.get("id"), key)
        assert set(entry) <= set(REQUIRED) | {"zh_aliases", "adopted", "entry_into_force"}, entry["id"]
        assert entry["id"] not in ids
        ids.add(entry["id"])
        assert entry["status"] in ("V", "S", "K")
        assert entry["verified"] is (entry["status"] != "K")
        assert entry["series"] in (None, "UNTS", "LNTS")
        assert 1800 < entry["year"] < 2100
        assert entry["source"].strip()
        assert entry["aliases"], entry["id"]
        for alias in entry["aliases"] + entry.get("zh_aliases", []):
            re.compile(alias)
        if entry["series"]:
            assert entry["volumes"]
            assert entry["number"]


def test_lookup_by_citation():
    assert [i.id for i in by_citation("976", "14152")] == ["single-convention-1961-amended"]
    assert [i.id for i in by_citation("VIII", "222")] == ["international-opium-convention"]
    assert {i.id for i in by_citation("2237", "39574")} == {"transnational-organized-crime-and-protocols"}


def test_recognition_prefers_the_most_specific_name():
    (mention,) = find_mentions(
        "the Single Convention on Narcotic Drugs of 1961 as amended by the 1972 Protocol,"
    )
    assert mention.instrument.id == "single-convention-1961-amended"
    assert mention.year == 1961
    assert mention.nonstandard is None
    (plain,) = find_mentions("the Single Convention on Narcotic Drugs, 1961, and")
    assert plain.instrument.id == "single-convention-1961"
    (chinese,) = find_mentions("1971 年《精神药物公约》", "zh")
    assert (chinese.instrument.id, chinese.year) == ("psychotropic-substances-1971", 1971)


def test_every_instrument_title_is_recognised_as_standard():
    for instrument in registry():
        mentions = find_mentions(f"Recalling the {instrument.title},")
        assert mentions, instrument.id
        assert mentions[0].nonstandard is None, instrument.id
