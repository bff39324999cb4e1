"""The journey as customers live it: a :class:`Journey` built from an event log."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import SchemaError
from ..model import Journey, Stage, Text, Touchpoint
from ..model.vocab import LANES
from .events import encode_events, read_event_frame
from .flows import Flows, count_flows

__all__ = ["journey_from_events", "event_flows", "lived_touchpoints", "lived_transitions", "MAX_STAGES"]

#: Without a stage column, touchpoints are put into at most this many stages by their usual step number.
MAX_STAGES = 8
#: Node attributes a lived journey carries besides a touchpoint's own fields.
LIVED_NODE_ATTRIBUTES = ("visits", "cases", "entries", "exits", "nps", "nps_answers")


def event_flows(events, *, case: str = "case_id", touchpoint: str = "activity", timestamp: str = "timestamp",
                nps: str | None = None, ties: str = "error", engine: str = "auto", memory_limit: str = "1GB",
                top_variants: int = 100, progress: bool = False) -> Flows:
    """Count an event log's flows: directly-follows pairs, durations, entries, exits and variants.

    Takes the same arguments as :func:`journey_from_events` and returns the
    tables behind it (:class:`~servicepath.mining.flows.Flows`).
    """
    file = str(events) if isinstance(events, str | os.PathLike) else "<events>"
    if _engine(events, engine) == "duckdb":
        from .duck import duckdb_flows

        return duckdb_flows(events, case=case, touchpoint=touchpoint, timestamp=timestamp, nps=nps, ties=ties,
                            memory_limit=memory_limit, top_variants=top_variants, progress=progress)
    frame = read_event_frame(events, columns=[case, touchpoint, timestamp, *([nps] if nps else [])], file=file,
                             progress=progress)
    codes = encode_events(frame, case=case, touchpoint=touchpoint, timestamp=timestamp, file=file, nps=nps)
    del frame  # the codes are all we need; the strings can go
    return count_flows(codes, ties=ties, top_variants=top_variants)


#: Files at least this big go through DuckDB, which streams them, when ``engine="auto"``.
DUCKDB_FROM_BYTES = 1 << 30


def _engine(events, engine: str) -> str:
    if engine not in ("auto", "pandas", "duckdb"):
        raise SchemaError(f"{engine!r} is not an engine (expected auto, pandas or duckdb)", where="engine")
    if engine != "auto":
        if engine == "duckdb" and isinstance(events, pd.DataFrame):
            raise SchemaError("the duckdb engine reads CSV or Parquet files (expected a path)", where="engine")
        return engine
    if isinstance(events, str | os.PathLike) and Path(events).suffix.lower() in (".csv", ".parquet", ".pq") \
            and Path(events).is_file() and Path(events).stat().st_size >= DUCKDB_FROM_BYTES:
        return "duckdb"
    return "pandas"


def journey_from_events(events, *, case: str = "case_id", touchpoint: str = "activity",
                        timestamp: str = "timestamp", nps: str | None = None, final=None, goals=(),
                        title: str | dict | None = None, language: str = "en", ties: str = "error",
                        engine: str = "auto", memory_limit: str = "1GB", progress: bool = False) -> Journey:
    """Build the journey customers actually took from an event log.

    Events are sorted by time within each case and directly-follows pairs
    are counted. Each touchpoint gets its ``visits``, ``cases`` (customers
    who passed it), ``entries`` and ``exits`` as node attributes, and its
    entry share; each transition its ``share`` of the source's visits (what
    is left over is drop-out, as in any journey), ``volume``, ``duration``
    (median) and ``duration_p90`` (seconds).

    Parameters
    ----------
    events : DataFrame or path
        One row per event; a CSV, Parquet or XES (``.xes``, ``.xes.gz``) file.
        XES names (``case:concept:name``, ``concept:name``,
        ``time:timestamp``) are taken when the given columns are absent.
    case, touchpoint, timestamp : str
        Column names. Timestamps without a time zone are read as UTC.
    nps : str, optional
        Column with each case's 0…10 recommend answer; then every touchpoint
        gets the ``nps`` of the customers who passed it (and ``nps_answers``).
    final : iterable of str, optional
        Touchpoints where a journey is complete, so leaving there is not drop-out.
        By default, the touchpoints no customer ever went on from.
    goals : iterable of str
        Touchpoints whose reach measures success.
    title : str or dict, optional
        The journey's title; by default it names the file.
    language : {"en", "fi"}
        The language the log's touchpoint names are in.
    ties : {"error", "file-order"}
        Two events of one case at the same time: an error (the default), or
        keep the order of the rows.
    engine : {"auto", "pandas", "duckdb"}
        ``auto`` streams files of 1 GB or more through DuckDB (held to
        ``memory_limit``) and counts everything else in memory with numpy.
    progress : bool
        Show a progress bar while a file is read.

    Returns
    -------
    Journey
        Touchpoint ids are the names in the log (commas become semicolons).
        Stages come from a ``stage`` column, else from the usual step number.
        ``channel``, ``stage`` and ``lane`` columns, when present, are carried
        onto the touchpoints (the most frequent value). Counts of rows left
        out for having no case or no touchpoint are in
        ``journey.graph.graph["event_log"]`` with the number of events, cases
        and the top variants (see :func:`event_flows` for all the tables).

    Raises
    ------
    SchemaError
        A column is missing, a timestamp cannot be read (the row is named), or
        two events of one case have the same time.
    FileFormatError
        The log is empty, or the file cannot be read.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"case_id": ["a", "a", "b", "b", "b"],
    ...                     "activity": ["Cart", "Pay", "Cart", "Pay", "Receipt"],
    ...                     "timestamp": pd.to_datetime(["2026-01-01 10:00", "2026-01-01 10:05",
    ...                         "2026-01-01 11:00", "2026-01-01 11:02", "2026-01-01 11:03"])})
    >>> lived = journey_from_events(log)
    >>> lived.graph.edges["Cart", "Pay"]["share"], lived.graph.edges["Pay", "Receipt"]["share"]
    (1, 0.5)
    >>> lived.graph.nodes["Pay"]["visits"], lived.transition("Cart", "Pay").duration
    (2, datetime.timedelta(seconds=210))
    """
    flows = event_flows(events, case=case, touchpoint=touchpoint, timestamp=timestamp, nps=nps, ties=ties,
                        engine=engine, memory_limit=memory_limit, progress=progress)
    if title is None:
        title = Path(str(events)).name if isinstance(events, str | os.PathLike) else "Event log"
    return journey_from_flows(flows, final=final, goals=goals, title=title, language=language)


def journey_from_flows(flows: Flows, *, final=None, goals=(), title="Event log", language: str = "en") -> Journey:
    """A :class:`Journey` from counted flows (see :func:`journey_from_events`)."""
    nodes, edges = flows.touchpoints.copy(), flows.transitions
    nodes["id"] = _ids(nodes["touchpoint"])
    ids = dict(zip(nodes["touchpoint"], nodes["id"], strict=True))
    went_on = set(edges["source"])
    final = {ids.get(f, f) for f in final} if final is not None else set(nodes["id"][~nodes["touchpoint"]
                                                                                        .isin(went_on)])
    _check_named(final | set(goals), set(nodes["id"]), "final/goals")
    stage_of, stages = _stages(nodes, language)
    title = Text.coerce({language: title} if isinstance(title, str) else title)
    journey = Journey(title, stages=stages, goals=[ids.get(g, g) for g in goals])
    total_entries = nodes["entries"].sum()
    for row in nodes.itertuples(index=False):  # one per touchpoint, not per event
        journey.add_touchpoint(_touchpoint(row, stage_of[row.id], row.id in final, total_entries, language))
        attrs = journey.graph.nodes[row.id]
        for name in LIVED_NODE_ATTRIBUTES:
            if hasattr(row, name):
                value = getattr(row, name)
                attrs[name] = int(value) if name not in ("nps",) else float(value)
    visits = dict(zip(nodes["touchpoint"], nodes["visits"], strict=True))
    for edge in edges.itertuples(index=False):
        journey.add_transition(ids[edge.source], ids[edge.target], share=edge.volume / visits[edge.source],
                               volume=int(edge.volume), duration=timedelta(seconds=round(float(edge.duration_median))))
        journey.graph.edges[ids[edge.source], ids[edge.target]]["duration_p90"] = float(edge.duration_p90)
    journey.graph.graph["event_log"] = {
        "source": flows.source, "events": flows.events, "cases": flows.cases, "skipped": dict(flows.skipped),
        "variants": flows.variants,
    }
    return journey


def _ids(names: pd.Series) -> list[str]:
    """Touchpoint ids from the log's names: commas and outer spaces cannot be in an id."""
    ids, seen = [], set()
    for name in names:
        base = " ".join(str(name).replace(",", ";").split())[:80] or "touchpoint"
        candidate, n = base, 2
        while candidate in seen:
            candidate, n = f"{base} ({n})", n + 1
        seen.add(candidate)
        ids.append(candidate)
    return ids


def _check_named(named: set[str], ids: set[str], what: str) -> None:
    unknown = sorted(named - ids)
    if unknown:
        raise SchemaError(f"{unknown[0]!r} is not a touchpoint in the event log (expected one of "
                          f"{', '.join(sorted(ids)[:10])})", where=what)


def _stages(nodes: pd.DataFrame, language: str) -> tuple[dict[str, str], list[Stage]]:
    """Stages from the log's ``stage`` column, else by the usual step number (at most :data:`MAX_STAGES`)."""
    if "stage" in nodes and (nodes["stage"] != "").all():
        named = list(dict.fromkeys(nodes.sort_values("position")["stage"]))
        ids = dict(zip(named, _ids(pd.Series(named)), strict=True))
        return dict(zip(nodes["id"], nodes["stage"].map(ids), strict=True)), \
            [Stage(ids[s], Text.coerce({language: s})) for s in named]
    steps = nodes["position"].fillna(0).to_numpy()
    bands = np.unique(np.round(steps))
    if len(bands) > MAX_STAGES:  # equal-width bands over the step numbers
        edges = np.linspace(steps.min(), steps.max(), MAX_STAGES + 1)[1:-1]
        band = np.searchsorted(edges, steps, side="right")
    else:
        band = np.searchsorted(bands, np.round(steps))
    used = sorted(set(band.tolist()))
    stage_ids = {b: f"step-{k}" for k, b in enumerate(used, start=1)}
    stages = [Stage(stage_ids[b], Text(fi=f"Vaihe {k}", en=f"Step {k}")) for k, b in enumerate(used, start=1)]
    return dict(zip(nodes["id"], [stage_ids[b] for b in band], strict=True)), stages


def _touchpoint(row, stage: str, final: bool, total_entries: int, language: str) -> Touchpoint:
    lane = getattr(row, "lane", "") or "customer"
    return Touchpoint(
        id=row.id, name=Text.coerce({language: str(row.touchpoint)}), stage=stage,
        lane=lane if lane in LANES else "customer", channel=getattr(row, "channel", "") or "",
        entry_share=float(row.entries / total_entries) if total_entries else 0.0, final=final,
    )


def lived_touchpoints(journey: Journey) -> pd.DataFrame:
    """Per touchpoint of a lived journey: ``id``, ``stage``, ``visits``, ``cases``, ``entries``, ``exits``,
    ``drop_out`` (exits at a touchpoint that is not final) and, when known, ``nps``."""
    rows = []
    for tp, attrs in journey.graph.nodes(data=True):
        exits = attrs.get("exits", 0)
        rows.append({"id": tp, "stage": attrs.get("stage"), "visits": attrs.get("visits", 0),
                     "cases": attrs.get("cases", 0), "entries": attrs.get("entries", 0), "exits": exits,
                     "drop_out": 0 if attrs.get("final") else exits, "nps": attrs.get("nps", np.nan)})
    return pd.DataFrame(rows, columns=["id", "stage", "visits", "cases", "entries", "exits", "drop_out", "nps"])


def lived_transitions(journey: Journey) -> pd.DataFrame:
    """Per transition: ``source``, ``target``, ``share``, ``volume``, ``duration_median`` and ``duration_p90`` (s)."""
    rows = [(s, t, a.get("share"), a.get("volume"), Journey.transition(journey, s, t).duration, a.get("duration_p90"))
            for s, t, a in journey.graph.edges(data=True)]
    table = pd.DataFrame(rows, columns=["source", "target", "share", "volume", "duration_median", "duration_p90"])
    table["duration_median"] = pd.to_timedelta(table["duration_median"]).dt.total_seconds()
    return table

