"""Simulated event logs: the customers walk the journey's shares and durations, and the logs save safely."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

import servicepath as sp
from servicepath.analysis.markov import chain
from servicepath.errors import SaveError, SchemaError, UnsupportedFormatError, ValidationError
from servicepath.mining.simulate import simulate_events, write_event_log

CASES = 20_000


def journey(*transitions, entry=(("A", 1.0),), final=("C",)) -> sp.Journey:
    """Touchpoints A, B, C in one stage; transitions as (source, target, share[, duration])."""
    j = sp.Journey(sp.Text(en="Hand-made"), stages=[sp.Stage("s")])
    entries = dict(entry)
    for tp in "ABC":
        j.add_touchpoint(sp.Touchpoint(tp, sp.Text(en=tp), "s", entry_share=entries.get(tp, 0.0), final=tp in final))
    for source, target, share, *duration in transitions:
        j.add_transition(source, target, share, duration=duration[0] if duration else None)
    return j


@pytest.fixture(scope="module")
def fork():
    """A→B 0.7 (30 min), A→C 0.2, so a tenth leave at A; B→C always (no duration)."""
    return journey(("A", "B", 0.7, timedelta(minutes=30)), ("A", "C", 0.2), ("B", "C", 1.0))


@pytest.fixture(scope="module")
def fork_events(fork):
    return simulate_events(fork, CASES, seed=7, mean_gap=timedelta(minutes=2))


def share_of_cases(events, mask) -> float:
    return events.loc[mask, "case_id"].nunique() / events["case_id"].nunique()


# -- walking the shares ----------------------------------------------------------------
def test_cases_follow_the_shares_and_leave_with_what_is_left_over(fork_events):
    first = fork_events.groupby("case_id")["activity"].first()
    last = fork_events.groupby("case_id")["activity"].last()
    assert len(first) == CASES and (first == "A").all()
    assert share_of_cases(fork_events, fork_events["activity"] == "B") == pytest.approx(0.7, abs=0.02)
    assert (last == "A").mean() == pytest.approx(0.1, abs=0.01)
    assert (last == "C").mean() == pytest.approx(0.9, abs=0.01)  # B always goes on to C


def test_the_frame_has_the_three_columns_named_as_asked(fork):
    events = simulate_events(fork, 1000, case="case", touchpoint="touchpoint", timestamp="time")
    assert list(events.columns) == ["case", "touchpoint", "time"]
    assert events["case"].iloc[0] == "case-0001" and events["case"].iloc[-1] == "case-1000"
    assert isinstance(events["time"].dtype, pd.DatetimeTZDtype) and str(events["time"].dt.tz) == "UTC"


def test_cases_start_within_the_first_day():
    events = simulate_events(journey(entry=(("A", 0.5), ("B", 0.5))), 2000, start="2026-05-04 08:00")
    start = pd.Timestamp("2026-05-04 08:00", tz="UTC")
    assert events["timestamp"].min() >= start and events["timestamp"].max() < start + pd.Timedelta(hours=24)
    assert events["activity"].eq("A").mean() == pytest.approx(0.5, abs=0.04)  # entries drawn by entry_share
    assert len(events) == 2000  # no transitions: one event per case


def test_a_loop_ends_and_its_visits_match_the_markov_chain():
    loop = journey(("A", "B", 0.8), ("B", "A", 0.5), ("B", "C", 0.4))
    events = simulate_events(loop, CASES, seed=3)
    expected = chain(loop)
    visits = events["activity"].value_counts() / CASES
    for tp, want in zip(expected.order, expected.visits, strict=True):
        assert visits.get(tp, 0) == pytest.approx(want, rel=0.03), tp
    assert len(events) / CASES == pytest.approx(expected.visits.sum(), rel=0.03)


def test_cases_still_walking_after_max_steps_are_cut_there():
    almost_trap = journey(("A", "B", 1.0), ("B", "A", 0.999))
    events = simulate_events(almost_trap, 500, max_steps=6)
    assert events.groupby("case_id").size().max() == 6


def test_a_final_touchpoint_can_still_send_customers_on():
    onward = journey(("A", "B", 1.0), ("B", "C", 0.5), final=("B",))
    events = simulate_events(onward, 4000, seed=2)
    assert share_of_cases(events, events["activity"] == "C") == pytest.approx(0.5, abs=0.03)


# -- time ------------------------------------------------------------------------------
def gaps(events, source, target) -> pd.Series:
    """Seconds from each visit of ``source`` to the next event of the case, where that is ``target``."""
    same_case = events["case_id"].eq(events["case_id"].shift(-1))
    step = same_case & events["activity"].eq(source) & events["activity"].shift(-1).eq(target)
    return (events["timestamp"].shift(-1) - events["timestamp"])[step].dt.total_seconds()


def test_gaps_have_the_transition_duration_or_mean_gap_as_their_mean(fork_events):
    assert gaps(fork_events, "A", "B").mean() == pytest.approx(30 * 60, rel=0.05)
    assert gaps(fork_events, "B", "C").mean() == pytest.approx(2 * 60, rel=0.05)  # no duration: mean_gap
    assert gaps(fork_events, "A", "C").mean() == pytest.approx(2 * 60, rel=0.05)


def test_the_default_mean_gap_is_ten_minutes(fork):
    events = simulate_events(fork, 4000, seed=5)
    assert gaps(events, "B", "C").mean() == pytest.approx(600, rel=0.08)


def test_events_of_a_case_never_share_a_time_and_come_sorted(fork_events):
    assert not fork_events.duplicated(["case_id", "timestamp"]).any()
    ordered = fork_events.sort_values(["case_id", "timestamp"], kind="stable")
    pd.testing.assert_frame_equal(fork_events, ordered)
    assert (fork_events["timestamp"].dt.microsecond == 0).all()  # whole seconds
    zero = journey(("A", "B", 1.0, timedelta(0)))
    assert gaps(simulate_events(zero, 200), "A", "B").min() == 1  # at least a second apart


# -- seeds -----------------------------------------------------------------------------
def test_the_same_seed_gives_the_same_frame_and_another_seed_another(fork):
    first, again = simulate_events(fork, 500, seed=11), simulate_events(fork, 500, seed=11)
    pd.testing.assert_frame_equal(first, again)
    assert not first.equals(simulate_events(fork, 500, seed=12))


@pytest.mark.parametrize("name", sp.SAMPLES)
def test_every_sample_simulates(name):
    j = sp.load_sample(name)
    events = simulate_events(j, 300)
    assert events["case_id"].nunique() == 300
    assert set(events["activity"]) <= set(j.graph)


# -- bad input -------------------------------------------------------------------------
@pytest.mark.parametrize("cases", [0, -3, 2.5, True, "100", None])
def test_cases_must_be_a_positive_whole_number(fork, cases):
    with pytest.raises(SchemaError, match="cases.*positive whole number") as caught:
        simulate_events(fork, cases)
    assert caught.value.where == "cases"


def test_max_steps_must_be_a_positive_whole_number(fork):
    with pytest.raises(SchemaError, match="max steps.*positive whole number"):
        simulate_events(fork, 10, max_steps=0)


@pytest.mark.parametrize(("argument", "value"), [("start", "not a time"), ("start", None), ("mean_gap", "soon"),
                                                 ("mean_gap", timedelta(minutes=-1)), ("seed", -1),
                                                 ("case", ""), ("timestamp", "case_id")])
def test_other_bad_arguments_are_named(fork, argument, value):
    with pytest.raises(SchemaError) as caught:
        simulate_events(fork, 10, **{argument: value})
    assert argument in caught.value.where


def test_a_journey_customers_cannot_walk_is_refused():
    with pytest.raises(ValidationError, match="entry shares sum to 0.5"):
        simulate_events(journey(entry=(("A", 0.5),)), 10)
    with pytest.raises(ValidationError, match="can never leave"):
        simulate_events(journey(("A", "B", 1.0), ("B", "A", 1.0)), 10)


# -- writing ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def small_log(fork):
    return simulate_events(fork, 200, seed=4)


def test_csv_reads_back_to_the_same_log(small_log, tmp_path):
    path = write_event_log(small_log, tmp_path / "log.csv")
    assert path == tmp_path / "log.csv"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "case_id,activity,timestamp" and text.splitlines()[1].endswith("Z")
    back = pd.read_csv(path)
    back["timestamp"] = pd.to_datetime(back["timestamp"], utc=True)
    pd.testing.assert_frame_equal(back, small_log, check_dtype=False)


def test_parquet_reads_back_with_strings_and_utc_microseconds(small_log, tmp_path):
    path = write_event_log(small_log, tmp_path / "log.parquet")
    schema = pq.read_schema(path)
    assert [str(schema.field(n).type) for n in schema.names] == ["string", "string", "timestamp[us, tz=UTC]"]
    back = pd.read_parquet(path)
    pd.testing.assert_frame_equal(back, small_log, check_dtype=False)
    assert back["timestamp"].equals(small_log["timestamp"].astype("datetime64[us, UTC]"))


def test_other_column_names_and_extra_columns_are_written(tmp_path):
    events = pd.DataFrame({"channel": ["web", "shop"], "time": ["2026-01-01T10:00:00+02:00", "2026-01-01 09:00"],
                           "step": ["cart", "pay"], "who": [7, 7]})
    path = write_event_log(events, tmp_path / "log.csv", case="who", touchpoint="step", timestamp="time")
    assert path.read_text(encoding="utf-8").splitlines() == [
        "who,step,time,channel", "7,cart,2026-01-01T08:00:00Z,web", "7,pay,2026-01-01T09:00:00Z,shop"]
    back = pd.read_parquet(write_event_log(events, tmp_path / "log.parquet", case="who", touchpoint="step",
                                           timestamp="time"))
    assert back["who"].tolist() == ["7", "7"] and back["channel"].tolist() == ["web", "shop"]


def test_text_that_looks_like_a_formula_is_made_harmless_in_csv(tmp_path):
    events = pd.DataFrame({"case_id": ["c1", "c1"], "activity": ["=HYPERLINK(\"http://x\")", "-cancel"],
                           "timestamp": pd.to_datetime(["2026-01-01 09:00", "2026-01-01 09:05"], utc=True)})
    back = pd.read_csv(write_event_log(events, tmp_path / "log.csv"))
    assert back["activity"].tolist() == ["'=HYPERLINK(\"http://x\")", "'-cancel"]
    parquet = pd.read_parquet(write_event_log(events, tmp_path / "log.parquet"))
    assert parquet["activity"].tolist() == events["activity"].tolist()  # not a spreadsheet: kept as it is


@pytest.mark.parametrize("name", ["log.csv", "log.parquet"])
def test_a_failed_write_leaves_the_old_file_untouched(small_log, tmp_path, monkeypatch, name):
    path = tmp_path / name
    path.write_bytes(b"the old log")

    def half_then_fail(self, file, *args, **kwargs):
        file.write(b"case_id,activ")
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_then_fail)
    monkeypatch.setattr(pq, "write_table", lambda table, file, **kwargs: half_then_fail(None, file))
    with pytest.raises(SaveError, match="disk full"):
        write_event_log(small_log, path)
    assert path.read_bytes() == b"the old log"
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind


def test_an_unsupported_ending_names_it_and_the_supported_ones(small_log, tmp_path):
    with pytest.raises(UnsupportedFormatError, match=r"'\.xlsx'.*\.csv, \.parquet"):
        write_event_log(small_log, tmp_path / "log.xlsx")
    with pytest.raises(UnsupportedFormatError, match="no ending"):
        write_event_log(small_log, tmp_path / "log")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_column_is_named_with_the_columns_present(small_log, tmp_path):
    with pytest.raises(SchemaError, match=r"no column 'activity' \(columns present: case_id, timestamp\)"):
        write_event_log(small_log.drop(columns="activity"), tmp_path / "log.csv")
    with pytest.raises(SchemaError, match="no column 'when'"):
        write_event_log(small_log, tmp_path / "log.parquet", timestamp="when")


def test_a_timestamp_that_cannot_be_read_names_its_row(tmp_path):
    events = pd.DataFrame({"case_id": ["c1", "c1"], "activity": ["a", "b"], "timestamp": ["2026-01-01", "later"]})
    with pytest.raises(SchemaError, match="row 2: 'later' is not a date and time"):
        write_event_log(events, tmp_path / "log.csv")


def test_a_simulated_log_is_mined_back_to_its_shares(fork, tmp_path):
    from servicepath.mining import journey_from_events

    path = write_event_log(simulate_events(fork, CASES, seed=9), tmp_path / "log.parquet")
    lived = journey_from_events(path)
    assert lived.transition("A", "B").share == pytest.approx(0.7, abs=0.02)
    assert lived.transition("A", "C").share == pytest.approx(0.2, abs=0.02)
    assert np.isclose(lived.transition("B", "C").share, 1.0)


def test_times_beyond_what_pandas_holds_are_an_error_not_garbage():
    endless = journey(("A", "B", 1.0, timedelta(days=999_999_999)), ("B", "A", 0.5, timedelta(days=999_999_999)))
    with pytest.raises(SchemaError, match="shorter durations"):
        simulate_events(endless, 100)
