"""XES event logs: read as a stream, refused when they try XML attacks, written and read back."""

from __future__ import annotations

import gzip
import tracemalloc

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import servicepath as sp
from servicepath.errors import FileFormatError, SchemaError
from servicepath.mining import journey_from_events
from servicepath.mining.xes import read_xes, write_xes

LOG = """<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <global scope="trace"><string key="concept:name" value="DEFAULT"/></global>
  <trace>
    <string key="concept:name" value="asiakas-1"/>
    <event><string key="concept:name" value="Ostoskori"/><date key="time:timestamp" value="2026-03-02T10:00:00+02:00"/>
      <string key="org:resource" value="web"/></event>
    <event><string key="concept:name" value="Maksu &amp; kuitti"/>
      <date key="time:timestamp" value="2026-03-02T10:04:30+02:00"/></event>
  </trace>
  <trace>
    <event><string key="concept:name" value="Ostoskori"/>
      <date key="time:timestamp" value="2026-03-02T11:00:00Z"/></event>
    <string key="concept:name" value="asiakas-2"/>
  </trace>
</log>
"""


def test_a_namespaced_log_reads_to_one_row_per_event(tmp_path):
    path = tmp_path / "log.xes"
    path.write_text(LOG, encoding="utf-8")
    frame = read_xes(path, attributes=("concept:name", "time:timestamp", "org:resource"))
    assert frame["case:concept:name"].tolist() == ["asiakas-1", "asiakas-1", "asiakas-2"]  # name after events too
    assert frame["concept:name"].tolist() == ["Ostoskori", "Maksu & kuitti", "Ostoskori"]
    assert frame["time:timestamp"].iloc[0] == pd.Timestamp("2026-03-02 08:00", tz="UTC")
    assert frame["org:resource"].tolist()[0] == "web" and pd.isna(frame["org:resource"].iloc[1])


def test_a_log_without_namespace_and_gzip_by_content(tmp_path):
    path = tmp_path / "log.gz-but-named.xes"
    path.write_bytes(gzip.compress(LOG.replace(' xmlns="http://www.xes-standard.org/"', "").encode()))
    assert len(read_xes(path)) == 3


def test_the_lived_journey_comes_straight_from_an_xes_file(tmp_path):
    path = tmp_path / "log.xes"
    path.write_text(LOG, encoding="utf-8")
    lived = journey_from_events(path)
    assert lived.graph.edges["Ostoskori", "Maksu & kuitti"]["volume"] == 1
    assert lived.graph.nodes["Ostoskori"]["visits"] == 2


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE log [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>
<log><trace><string key="concept:name" value="&c;"/></trace></log>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE log [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<log><trace><string key="concept:name" value="&secret;"/></trace></log>"""


@pytest.mark.parametrize("text", [BILLION_LAUGHS, EXTERNAL], ids=["entity-expansion", "external-entity"])
def test_entity_tricks_are_refused_without_expanding_anything(tmp_path, text):
    path = tmp_path / "evil.xes"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"evil\.xes: refused: the file declares a DTD or entities"):
        read_xes(path)


@pytest.mark.parametrize(("text", "message"), [
    (LOG[:500], r"line \d+: not well-formed XML"),
    ("<journey/>", r"the root element is <journey> \(expected <log>\)"),
    ("<log></log>", "no events"),
    ("<log><trace><event/></trace></log>", "trace 1 has no concept:name"),
    (LOG.replace("2026-03-02T11:00:00Z", "eilen"), r"trace 'asiakas-2', event 1: 'eilen' is not a date and time"),
])
def test_bad_files_name_the_file_and_the_place(tmp_path, text, message):
    path = tmp_path / "bad.xes"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileFormatError, match=message) as info:
        read_xes(path)
    assert str(info.value).startswith(str(path))


def test_a_missing_file(tmp_path):
    with pytest.raises(FileFormatError, match="no such file"):
        read_xes(tmp_path / "nothing.xes")


def test_written_logs_read_back_the_same_and_escape_text(tmp_path):
    log = sp.simulate_events(sp.load_sample("webshop"), cases=30, seed=4)
    log["activity"] = log["activity"].replace({"pay": 'Maksu <"&"> \'ok\''})
    for name in ("log.xes", "log.xes.gz"):
        back = read_xes(write_xes(log, tmp_path / name))
        assert back["case:concept:name"].tolist() == log["case_id"].tolist()
        assert back["concept:name"].tolist() == log["activity"].tolist()
        assert (back["time:timestamp"].to_numpy() == log["timestamp"].to_numpy()).all()


names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12).filter(str.strip)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), names), min_size=1, max_size=15))
def test_any_log_round_trips_through_xes(tmp_path_factory, rows):
    frame = pd.DataFrame({"case_id": [c for c, _ in rows], "activity": [a for _, a in rows],
                          "timestamp": pd.Timestamp("2026-01-01", tz="UTC") + pd.to_timedelta(range(len(rows)),
                                                                                               unit="s")})
    path = write_xes(frame, tmp_path_factory.mktemp("xes") / "log.xes")
    back = read_xes(path)
    expected = frame.sort_values(["case_id", "timestamp"], key=lambda s: s.map({c: i for i, c in enumerate(
        dict.fromkeys(frame["case_id"]))}) if s.name == "case_id" else s, kind="stable")
    assert back["concept:name"].tolist() == expected["activity"].tolist()
    assert back["case:concept:name"].tolist() == expected["case_id"].tolist()


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "log.xes"
    path.write_text("old", encoding="utf-8")
    monkeypatch.setattr("servicepath.mining.xes._xes_text", lambda *a: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        write_xes(sp.simulate_events(sp.load_sample("webshop"), cases=3), path)
    assert path.read_text(encoding="utf-8") == "old"
    with pytest.raises(SchemaError, match="no column 'activity'"):
        write_xes(pd.DataFrame({"case_id": ["a"], "timestamp": [pd.Timestamp("2026-01-01")]}), path)


def test_reading_a_big_log_needs_a_small_multiple_of_its_size(tmp_path):
    log = sp.simulate_events(sp.load_sample("webshop"), cases=30_000, seed=5)
    path = write_xes(log, tmp_path / "big.xes")
    size = path.stat().st_size
    assert size > 8_000_000
    tracemalloc.start()
    frame = read_xes(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(frame) == len(log)
    assert peak < 3 * size, f"peak {peak / 2**20:.0f} MB for a {size / 2**20:.0f} MB file"
