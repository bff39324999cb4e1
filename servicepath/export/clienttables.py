"""The tables a client gets beside the journey's own: scores, ranked pain points and the plan.

Shared by the workbook and the CSV export so both give the same rows. Cells
are plain Python values (no NumPy or pandas scalars, no NaN) that spreadsheet
writers store as they are.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pandas as pd

from ..analysis import improvement_table, pain_points, prioritise, score_journey
from ..model.durations import format_duration
from ..model.journey import Journey

__all__ = ["CLIENT_SHEETS", "Rows", "client_tables", "display_name", "frame_rows", "plain", "plan_table"]

#: Sheet (and CSV file) names of the client tables; none is a journey sheet name or its Finnish alias.
CLIENT_SHEETS = ("scores", "pain_points_ranked", "plan")

#: ``(header, rows)`` as :func:`servicepath.io.tables.tables_from_document` gives them.
Rows = tuple[list[str], list[list]]


def client_tables(journey: Journey, lang: str = "en") -> dict[str, Rows]:
    """The client tables of :data:`CLIENT_SHEETS`, with a ``name`` column in ``lang``.

    Examples
    --------
    >>> import servicepath as sp
    >>> tables = client_tables(sp.load_sample("webshop"), lang="fi")
    >>> header, rows = tables["pain_points_ranked"]
    >>> header[:4], rows[0][:4]
    (['rank', 'touchpoint', 'name', 'pain_point'], [1, 'search', 'Tuotteen etsiminen', 'search-results'])
    """
    return {
        "scores": frame_rows(_scores(journey, lang)),
        "pain_points_ranked": frame_rows(_pain(journey, lang)),
        "plan": frame_rows(plan_table(journey)),
    }


def display_name(journey: Journey, touchpoint_id: str, lang: str = "en") -> str:
    """A touchpoint's name in ``lang`` (or the other language), or its id if it has none.

    Examples
    --------
    >>> import servicepath as sp
    >>> display_name(sp.load_sample("webshop"), "pay", "fi")
    'Maksaminen'
    """
    attrs = journey.graph.nodes[touchpoint_id]
    other = "en" if lang == "fi" else "fi"
    return attrs.get(f"name_{lang}") or attrs.get(f"name_{other}") or str(touchpoint_id)


def _scores(journey: Journey, lang: str) -> pd.DataFrame:
    table = score_journey(journey)
    stages = {s.id: s.label(lang) for s in journey.stages}
    title = journey.title.get(lang)
    names = [display_name(journey, row_id, lang) if level == "touchpoint"
             else stages.get(row_id, row_id) if level == "stage" else title
             for level, row_id in zip(table["level"], table["id"], strict=True)]
    table.insert(2, "name", names)
    return table


def _pain(journey: Journey, lang: str) -> pd.DataFrame:
    table = pain_points(journey)
    table.insert(2, "name", [display_name(journey, tp, lang) for tp in table["touchpoint"]])
    return table


def plan_table(journey: Journey) -> pd.DataFrame:
    """:func:`~servicepath.prioritise`'s ranking with each improvement's touchpoints, owner, metric, due date
    and status (from :func:`~servicepath.improvement_table`).

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.Journey(sp.Text(en="Café"), stages=[sp.Stage("pay")])
    >>> j.add_touchpoint(sp.Touchpoint("card", sp.Text(en="Card"), "pay", entry_share=1.0))
    >>> sp.add_improvement(j, sp.Improvement("tap", sp.Text(en="Tap to pay"), ("card",), owner="Maija"))
    >>> plan_table(j)[["rank", "id", "quadrant", "owner"]].to_dict("records")
    [{'rank': 1, 'id': 'tap', 'quadrant': 'big bet', 'owner': 'Maija'}]
    """
    ranked = prioritise(journey)
    details = improvement_table(journey)[["id", "touchpoints", "principles", "effort_days", "owner", "metric",
                                          "due", "status", "pain_points"]]
    return ranked.merge(details, on="id", how="left", sort=False)


def frame_rows(table: pd.DataFrame) -> Rows:
    """A DataFrame as ``(header, rows)`` of plain values (see :func:`plain`)."""
    header = [str(c) for c in table.columns]
    return header, [[plain(v) for v in row] for row in table.itertuples(index=False, name=None)]


def plain(value):
    """A cell value as spreadsheets and CSV writers take it.

    NumPy and pandas scalars become Python numbers, dates and times; NaN,
    infinity and missing values become ``None`` (an empty cell, which Excel
    cannot confuse with a number); times become naive UTC, since Excel has
    no time zones; durations become ISO 8601 text (``PT15M``).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> plain(np.float64(2.5)), plain(np.int64(3)), plain(float("nan")), plain(pd.NA), plain(np.bool_(True))
    (2.5, 3, None, None, True)
    >>> plain(pd.Timestamp("2026-11-23T09:00:00Z"))
    datetime.datetime(2026, 11, 23, 9, 0)
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, pd.Timedelta):
        value = value.to_pytimedelta()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, timedelta):
        return format_duration(value)
    if isinstance(value, (str, bool, int, float, date)):
        return value
    return str(value)
