"""The journey as lived, from event logs: hand-made logs with known answers, bad input, and both engines agreeing."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import servicepath as sp
from servicepath.errors import FileFormatError, SchemaError, UnsupportedFormatError
from servicepath.mining import (
    event_flows,
    journey_from_events,
    journey_from_flows,
    lived_touchpoints,
    lived_transitions,
)

T0 = pd.Timestamp("2026-03-02 09:00", tz="UTC")


def log(*cases: list[tuple[str, int]], **columns) -> pd.DataFrame:
    """A log from cases written as [(touchpoint, minutes after the case started), ...]."""
    rows = [(f"c{n}", tp, T0 + pd.Timedelta(hours=n, minutes=m)) for n, steps in enumerate(cases) for tp, m in steps]
    frame = pd.DataFrame(rows, columns=["case_id", "activity", "timestamp"])
    for name, values in columns.items():
        frame[name] = values
    return frame


BASIC = log([("Cart", 0), ("Pay", 5), ("Receipt", 6)],
            [("Cart", 0), ("Pay", 10)],
            [("Cart", 0), ("Pay", 3), ("Receipt", 4)],
            [("Cart", 0)])


def edge(journey, source, target, name):
    return journey.graph.edges[source, target][name]


def test_counts_shares_entries_and_exits_of_a_hand_made_log():
    lived = journey_from_events(BASIC)
    assert edge(lived, "Cart", "Pay", "volume") == 3
    assert edge(lived, "Cart", "Pay", "share") == pytest.approx(3 / 4)  # one of four left at the cart
    assert edge(lived, "Pay", "Receipt", "share") == pytest.approx(2 / 3)
    nodes = lived_touchpoints(lived).set_index("id")
    assert nodes.loc["Cart", ["visits", "cases", "entries", "exits"]].tolist() == [4, 4, 4, 1]
    assert nodes.loc["Pay", ["visits", "entries", "exits", "drop_out"]].tolist() == [3, 0, 1, 1]
    assert nodes.loc["Receipt", "drop_out"] == 0  # nobody goes on from the receipt: it is final
    assert lived.touchpoint("Cart").entry_share == 1
    assert lived.graph.graph["event_log"]["events"] == 9 and lived.graph.graph["event_log"]["cases"] == 4


def test_durations_are_the_median_and_90th_percentile_of_the_gaps():
    lived = journey_from_events(BASIC)
    gaps = np.array([5, 10, 3]) * 60.0
    assert lived.transition("Cart", "Pay").duration == pd.Timedelta(seconds=np.median(gaps))
    assert edge(lived, "Cart", "Pay", "duration_p90") == pytest.approx(np.quantile(gaps, 0.9))
    table = lived_transitions(lived).set_index(["source", "target"])
    assert table.loc[("Pay", "Receipt"), "duration_median"] == 60


def test_the_lived_journey_is_a_journey_the_analysis_understands():
    lived = journey_from_events(BASIC, goals=["Receipt"])
    assert sp.goal_probability(lived) == pytest.approx(3 / 4 * 2 / 3)
    assert sp.validate(lived) == [] or all(p.level != "error" for p in sp.validate(lived))


def test_single_event_cases_enter_and_leave_at_once():
    lived = journey_from_events(log([("Call", 0)], [("Call", 0)], [("Call", 0), ("Visit", 1)]))
    nodes = lived_touchpoints(lived).set_index("id")
    assert nodes.loc["Call", ["entries", "exits"]].tolist() == [3, 2]
    assert edge(lived, "Call", "Visit", "share") == pytest.approx(1 / 3)


def test_loops_count_every_pass():
    lived = journey_from_events(log([("Delivery", 0), ("Complaint", 1), ("Handled", 2), ("Delivery", 3),
                                     ("Complaint", 4), ("Handled", 5), ("Delivery", 6)]))
    assert edge(lived, "Complaint", "Handled", "volume") == 2
    assert edge(lived, "Handled", "Delivery", "share") == 1
    nodes = lived_touchpoints(lived).set_index("id")
    assert nodes.loc["Delivery", ["visits", "cases", "exits"]].tolist() == [3, 1, 1]


def test_events_out_of_order_in_the_file_are_sorted_by_time_within_the_case():
    shuffled = BASIC.sample(frac=1, random_state=3)
    a, b = event_flows(BASIC), event_flows(shuffled)
    key = ["source", "target"]
    pd.testing.assert_frame_equal(a.transitions.sort_values(key).reset_index(drop=True),
                                  b.transitions.sort_values(key).reset_index(drop=True))


def test_ties_within_a_case_are_an_error_naming_the_rows_unless_file_order_is_asked_for():
    tied = log([("Cart", 0), ("Pay", 5), ("Receipt", 5)])
    with pytest.raises(SchemaError, match=r"rows 2 and 3: two events of case 'c0' have the same time") as info:
        journey_from_events(tied)
    assert "ties='file-order'" in str(info.value)
    lived = journey_from_events(tied, ties="file-order")
    assert lived.graph.has_edge("Pay", "Receipt") and not lived.graph.has_edge("Receipt", "Pay")


def test_ties_in_different_cases_are_fine():
    frame = log([("Cart", 0)], [("Cart", 0)])
    frame["timestamp"] = T0
    assert journey_from_events(frame).graph.nodes["Cart"]["visits"] == 2


def test_xes_column_names_are_read_directly():
    xes = BASIC.rename(columns={"case_id": "case:concept:name", "activity": "concept:name",
                                "timestamp": "time:timestamp"})
    assert edge(journey_from_events(xes), "Cart", "Pay", "volume") == 3


def test_a_missing_column_is_named_with_the_columns_present():
    with pytest.raises(SchemaError, match=r"no touchpoint column 'activity'.*columns present: case_id, step"):
        journey_from_events(BASIC.rename(columns={"activity": "step"}))


def test_an_unparseable_timestamp_names_the_column_and_the_row(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("case_id,activity,timestamp\na,Cart,2026-01-01T10:00:00Z\na,Pay,yesterday\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"events\.csv: column 'timestamp': row 2: 'yesterday' is not a date"):
        journey_from_events(path)


def test_an_empty_log_is_an_error(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("case_id,activity,timestamp\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match="empty.csv: the event log is empty"):
        journey_from_events(path)


def test_rows_with_no_case_or_touchpoint_are_counted_and_reported_not_dropped_silently(tmp_path):
    path = tmp_path / "gaps.csv"
    path.write_text("case_id,activity,timestamp\n"
                    "a,Cart,2026-01-01T10:00:00Z\n"
                    ",Pay,2026-01-01T10:01:00Z\n"
                    "a,,2026-01-01T10:02:00Z\n"
                    "a,Pay,2026-01-01T10:03:00Z\n", encoding="utf-8")
    lived = journey_from_events(path)
    assert lived.graph.graph["event_log"]["skipped"] == {"no case": 1, "no touchpoint": 1}
    assert edge(lived, "Cart", "Pay", "volume") == 1


def test_a_file_of_another_kind_or_missing_file_is_refused(tmp_path):
    with pytest.raises(UnsupportedFormatError, match=r"\.txt is not an event log format"):
        journey_from_events(tmp_path / "log.txt")
    with pytest.raises(FileFormatError, match="no such file"):
        journey_from_events(tmp_path / "nothing.csv")


def test_nps_per_touchpoint_counts_each_customer_who_passed_it_once():
    frame = log([("Cart", 0), ("Pay", 1)], [("Cart", 0), ("Pay", 1)], [("Cart", 0)], [("Cart", 0), ("Cart", 2)],
                nps=[10, 10, 3, 3, None, 9, 9])
    lived = journey_from_events(frame, nps="nps")
    nodes = lived_touchpoints(lived).set_index("id")
    # Pay: promoter (10) and detractor (3) → 50 − 50 = 0; Cart: 10, 3, 9 answered (the third case did not) → 33.3
    assert nodes.loc["Pay", "nps"] == 0
    assert nodes.loc["Cart", "nps"] == pytest.approx(100 * (2 - 1) / 3)
    assert lived.graph.nodes["Cart"]["nps_answers"] == 3
    variants = lived.graph.graph["event_log"]["variants"].set_index("path")
    assert variants.loc[[("Cart", "Pay")], "nps"].item() == 0


def test_an_nps_answer_out_of_range_names_the_row():
    frame = log([("Cart", 0), ("Pay", 1)], nps=[11, 11])
    with pytest.raises(SchemaError, match="column 'nps': row 1: 11 is not an answer from 0 to 10"):
        journey_from_events(frame, nps="nps")


def test_variants_are_the_complete_paths_most_frequent_first():
    variants = event_flows(BASIC).variants
    assert variants["path"].tolist() == [("Cart", "Pay", "Receipt"), ("Cart", "Pay"), ("Cart",)]
    assert variants["cases"].tolist() == [2, 1, 1]
    assert variants["share"].sum() == 1


def test_channel_stage_and_lane_columns_are_carried_onto_the_touchpoints():
    frame = log([("Cart", 0), ("Pay", 1)], [("Cart", 0), ("Pay", 1)],
                channel=["web", "web", "app", "mobile"], stage=["buy", "pay", "buy", "pay"],
                lane=["customer", "frontstage", "customer", "frontstage"])
    lived = journey_from_events(frame)
    assert [s.id for s in lived.stages] == ["buy", "pay"]
    pay = lived.touchpoint("Pay")
    assert (pay.stage, pay.lane, lived.touchpoint("Cart").channel) == ("pay", "frontstage", "web")


def test_stages_follow_the_usual_step_number_without_a_stage_column():
    lived = journey_from_events(BASIC)
    assert [lived.touchpoint(t).stage for t in ("Cart", "Pay", "Receipt")] == ["step-1", "step-2", "step-3"]
    assert lived.stages[0].name.get("fi") == "Vaihe 1"


def test_final_touchpoints_can_be_named_and_unknown_ones_are_refused():
    lived = journey_from_events(BASIC, final=["Pay", "Receipt"])
    assert lived.touchpoint("Pay").final
    assert lived_touchpoints(lived).set_index("id").loc["Pay", "drop_out"] == 0
    with pytest.raises(SchemaError, match="'Paid' is not a touchpoint in the event log"):
        journey_from_events(BASIC, final=["Paid"])


def test_names_with_commas_become_valid_ids_and_keep_their_name():
    lived = journey_from_events(log([("Pay, card", 0), ("Done", 1)]))
    assert "Pay; card" in lived and lived.touchpoint("Pay; card").name.get("en") == "Pay, card"


def test_naive_timestamps_are_read_as_utc():
    frame = BASIC.assign(timestamp=BASIC["timestamp"].dt.tz_localize(None))
    assert journey_from_events(frame).transition("Cart", "Pay").duration == pd.Timedelta(minutes=5)


def test_a_lived_journey_saves_and_loads(tmp_path):
    lived = journey_from_events(BASIC)
    sp.save(lived, tmp_path / "lived.journey.json")
    again = sp.load(tmp_path / "lived.journey.json")
    assert again.transition("Cart", "Pay").volume == 3 and again.graph.edges["Cart", "Pay"]["share"] == 0.75


# -- the DuckDB engine -------------------------------------------------------------------------
def generated_log(cases: int, seed: int = 0) -> pd.DataFrame:
    """A branching log with drop-out and a loop, cases interleaved in time as a real export is."""
    rng = np.random.default_rng(seed)
    names = np.array(["Ad", "Shop", "Cart", "Pay", "Failed", "Paid", "Complaint", "Handled"])
    nxt = {0: [(1, .9)], 1: [(2, .7)], 2: [(3, .8)], 3: [(5, .6), (4, .1)], 4: [(3, .5)],
           5: [(6, .2)], 6: [(7, .9)], 7: [(6, .3)]}
    state = np.zeros(cases, dtype=int)
    alive = np.ones(cases, dtype=bool)
    clock = rng.integers(0, 86_400, cases).astype(np.int64)
    rows = []
    for _ in range(30):
        idx = np.flatnonzero(alive)
        rows.append((idx, state[idx].copy(), clock[idx].copy()))
        draw = rng.random(len(idx))
        new = np.full(len(idx), -1)
        for source, options in nxt.items():
            low = np.zeros(len(idx))
            for target, share in options:
                hit = (state[idx] == source) & (draw >= low) & (draw < low + share)
                new[hit] = target
                low = low + share
        alive[idx[new < 0]] = False
        state[idx[new >= 0]] = new[new >= 0]
        clock[idx] += rng.integers(1, 600, len(idx))
    case = np.concatenate([r[0] for r in rows])
    activity = names[np.concatenate([r[1] for r in rows])]
    frame = pd.DataFrame({"case_id": [f"C{c:06d}" for c in case], "activity": activity,
                          "timestamp": T0 + pd.to_timedelta(np.concatenate([r[2] for r in rows]), unit="s")})
    frame["channel"] = np.where(frame["activity"].isin(["Complaint", "Handled"]), "phone", "web")
    return frame.sort_values("timestamp", kind="stable").reset_index(drop=True)


def same_flows(a, b):
    for table, key in (("touchpoints", ["touchpoint"]), ("transitions", ["source", "target"])):
        left = getattr(a, table).sort_values(key).reset_index(drop=True)
        right = getattr(b, table).sort_values(key).reset_index(drop=True)[left.columns]
        pd.testing.assert_frame_equal(left, right, check_dtype=False)
    assert (a.events, a.cases) == (b.events, b.cases)
    # the 100th place may be shared by several paths: with that many, compare those above the 21st
    top = a.variants["cases"].iloc[20] if len(a.variants) >= 100 else 0
    assert {p: n for p, n in zip(a.variants["path"], a.variants["cases"]) if n > top} == \
        {p: n for p, n in zip(b.variants["path"], b.variants["cases"]) if n > top}


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_duckdb_engine_gives_the_same_flows_as_the_in_memory_one(tmp_path, suffix):
    frame = generated_log(3_000)
    path = tmp_path / f"events{suffix}"
    frame.to_parquet(path) if suffix == ".parquet" else frame.to_csv(path, index=False)
    same_flows(event_flows(frame), event_flows(path, engine="duckdb"))


def test_duckdb_engine_counts_a_log_bigger_than_its_memory_limit(tmp_path):
    frame = generated_log(200_000, seed=1)
    path = tmp_path / "big.parquet"
    frame.to_parquet(path)
    assert frame.memory_usage(deep=True).sum() > 28 * 2**20  # the log held in memory would not fit the limit
    same_flows(event_flows(frame), event_flows(path, engine="duckdb", memory_limit="28MB"))


def test_duckdb_engine_reports_bad_input_clearly(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("case_id,activity,timestamp\na,Cart,2026-01-01T10:00:00Z\na,Pay,soon\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"bad\.csv: column 'timestamp': case 'a': 'soon' is not a date"):
        event_flows(path, engine="duckdb")
    path.write_text("case_id,step,timestamp\na,Cart,2026-01-01T10:00:00Z\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="no touchpoint column 'activity'"):
        event_flows(path, engine="duckdb")
    path.write_text("case_id,activity,timestamp\na,Cart,2026-01-01T10:00:00Z\na,Pay,2026-01-01T10:00:00Z\n",
                    encoding="utf-8")
    with pytest.raises(SchemaError, match="two events of case 'a' have the same time"):
        event_flows(path, engine="duckdb")
    with pytest.raises(SchemaError, match="not a memory limit"):
        event_flows(path, engine="duckdb", memory_limit="lots")


def test_duckdb_engine_out_of_memory_says_which_limit_to_raise(tmp_path):
    path = tmp_path / "big.parquet"
    generated_log(20_000).to_parquet(path)
    with pytest.raises(sp.ResourceError, match=r"big\.parquet: counting needed more than memory_limit='1MB'"):
        event_flows(path, engine="duckdb", memory_limit="1MB")


def test_formula_safe_names_written_by_servicepath_read_back_as_they_were(tmp_path):
    from servicepath.mining.simulate import write_event_log

    frame = log([("=Cart", 0), ("Pay", 1)])
    path = write_event_log(frame, tmp_path / "events.csv")
    assert "'=Cart" in path.read_text(encoding="utf-8")  # harmless in Excel
    assert "=Cart" in journey_from_events(path)
    assert "=Cart" in journey_from_events(path, engine="duckdb")


def test_case_ids_that_look_like_numbers_stay_text_in_a_csv(tmp_path):
    path = tmp_path / "ids.csv"
    path.write_text("case_id,activity,timestamp\n007,Cart,2026-01-01T10:00:00Z\n7,Cart,2026-01-01T10:01:00Z\n"
                    "007,Pay,2026-01-01T10:02:00Z\n", encoding="utf-8")
    lived = journey_from_events(path)
    assert lived.graph.graph["event_log"]["cases"] == 2 and lived.graph.edges["Cart", "Pay"]["volume"] == 1


def test_only_the_needed_parquet_columns_are_read_and_nps_comes_along(tmp_path):
    frame = log([("Cart", 0), ("Pay", 1)], nps=[9, 9], notes=["a" * 1000, "b" * 1000])
    frame.to_parquet(tmp_path / "log.parquet")
    lived = journey_from_events(tmp_path / "log.parquet", nps="nps")
    assert lived.graph.nodes["Pay"]["nps"] == 100


# -- the counts against a plain Python reference, on any small log --------------------------------
def reference(frame: pd.DataFrame) -> tuple[dict, dict, dict, dict]:
    """Directly-follows counts, starts, ends and median gaps (s), one case at a time."""
    follows, starts, ends, gaps = {}, {}, {}, {}
    for _, events in frame.sort_values("timestamp", kind="stable").groupby("case_id", sort=False):
        steps = list(zip(events["activity"], events["timestamp"], strict=True))
        starts[steps[0][0]] = starts.get(steps[0][0], 0) + 1
        ends[steps[-1][0]] = ends.get(steps[-1][0], 0) + 1
        for (a, ta), (b, tb) in zip(steps, steps[1:]):
            follows[(a, b)] = follows.get((a, b), 0) + 1
            gaps.setdefault((a, b), []).append((tb - ta).total_seconds())
    return follows, starts, ends, {k: float(np.median(v)) for k, v in gaps.items()}


event_rows = st.lists(st.tuples(st.integers(0, 5), st.sampled_from(["A", "B", "C", "D"]),
                                st.integers(0, 10_000)), min_size=1, max_size=60, unique_by=lambda r: (r[0], r[2]))


@settings(max_examples=60, deadline=None)
@given(event_rows)
def test_counts_agree_with_a_plain_reference_on_any_log(rows):
    frame = pd.DataFrame({"case_id": [f"c{c}" for c, _, _ in rows], "activity": [a for _, a, _ in rows],
                          "timestamp": T0 + pd.to_timedelta([t for _, _, t in rows], unit="s")})
    follows, starts, ends, medians = reference(frame)
    flows = event_flows(frame)
    edges = flows.transitions.set_index(["source", "target"])
    assert edges["volume"].to_dict() == follows
    assert edges["duration_median"].to_dict() == pytest.approx(medians)
    nodes = flows.touchpoints.set_index("touchpoint")
    assert {k: v for k, v in nodes["entries"].items() if v} == starts
    assert {k: v for k, v in nodes["exits"].items() if v} == ends
    assert flows.variants["cases"].sum() == frame["case_id"].nunique()
    lived = journey_from_flows(flows)
    for tp in lived:  # what goes on plus what leaves is everyone who came
        out = sum(a["share"] for *_, a in lived.graph.out_edges(tp.id, data=True))
        assert out + nodes.loc[tp.id, "exits"] / nodes.loc[tp.id, "visits"] == pytest.approx(1)


@settings(max_examples=8, deadline=None)
@given(event_rows)
def test_duckdb_engine_agrees_with_the_in_memory_one_on_any_log(tmp_path_factory, rows):
    frame = pd.DataFrame({"case_id": [f"c{c}" for c, _, _ in rows], "activity": [a for _, a, _ in rows],
                          "timestamp": T0 + pd.to_timedelta([t for _, _, t in rows], unit="s")})
    path = tmp_path_factory.mktemp("log") / "log.parquet"
    frame.to_parquet(path)
    same_flows(event_flows(frame), event_flows(path, engine="duckdb"))
