"""Our counts against pm4py's on a generated log (pm4py is a test dependency only: servicepath never imports it)."""

import contextlib
import io

import pytest

import servicepath as sp
from servicepath.mining import event_flows
from servicepath.mining.samples import sample_event_log

with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    pm4py = pytest.importorskip("pm4py")  # it prints a licence banner on import

KEYS = {"case_id_key": "case_id", "activity_key": "activity", "timestamp_key": "timestamp"}


@pytest.fixture(scope="module")
def log():
    frame = sample_event_log(3000, seed=11)
    frame = frame.sort_values("timestamp", kind="stable").reset_index(drop=True)  # as an export comes: by time
    return frame


def test_edge_start_and_end_counts_agree_with_pm4py(log):
    dfg, starts, ends = pm4py.discover_dfg(log, **KEYS)
    flows = event_flows(log)
    ours = {(s, t): int(v) for s, t, v in flows.transitions[["source", "target", "volume"]].itertuples(index=False)}
    assert ours == {edge: int(count) for edge, count in dfg.items()}
    nodes = flows.touchpoints.set_index("touchpoint")
    assert {k: int(v) for k, v in nodes["entries"].items() if v} == {k: int(v) for k, v in starts.items()}
    assert {k: int(v) for k, v in nodes["exits"].items() if v} == {k: int(v) for k, v in ends.items()}


def test_median_durations_agree_with_pm4py(log):
    performance, _, _ = pm4py.discover_performance_dfg(log, **KEYS)
    medians = event_flows(log).transitions.set_index(["source", "target"])["duration_median"]
    assert {edge: medians[edge] for edge in performance} == pytest.approx(
        {edge: float(values["median"]) for edge, values in performance.items()})


def test_a_simulated_design_mined_back_agrees_with_pm4py_too():
    log = sp.simulate_events(sp.load_sample("b2b-service"), 2000, seed=3)
    dfg, _, _ = pm4py.discover_dfg(log, **KEYS)
    flows = event_flows(log)
    assert dict(zip(zip(flows.transitions["source"], flows.transitions["target"]), flows.transitions["volume"])) \
        == {edge: int(count) for edge, count in dfg.items()}
