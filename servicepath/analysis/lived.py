"""Designed versus lived: the workshop's map next to the journey customers actually took.

The lived journey is any :class:`Journey` (usually one built by
:func:`servicepath.mining.journey_from_events`); its touchpoints are matched
to the designed ones by a mapping table, then by id, then by name.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..errors import SchemaError, UnknownIdError, shown
from ..model.journey import Journey
from .markov import chain

__all__ = ["LIVED_COMPARISON_COLUMNS", "MATCH_COLUMNS", "match_lived", "compare_lived", "lived_reach", "pooled_shares"]

#: Columns of :func:`match_lived`.
MATCH_COLUMNS = ("designed", "lived", "matched_by")
#: Columns of :func:`compare_lived`.
LIVED_COMPARISON_COLUMNS = ("kind", "designed_id", "lived_id", "designed", "lived", "difference", "surprise")


def match_lived(designed: Journey, lived: Journey, mapping=None) -> pd.DataFrame:
    """Pair the touchpoints of a designed and a lived journey.

    Parameters
    ----------
    designed, lived : Journey
    mapping : dict or DataFrame, optional
        Lived id → designed id (a dict), or a table with columns ``designed``
        and ``lived``; several lived touchpoints may map to one designed one.
        Pairs not in the mapping are matched by the same id, then by the same
        name (either language, case and spaces ignored).

    Returns
    -------
    DataFrame
        :data:`MATCH_COLUMNS`: one row per pair, plus rows with an empty
        ``lived`` (designed only) or ``designed`` (lived only);
        ``matched_by`` is ``mapping``, ``id``, ``name`` or ``""``.

    Raises
    ------
    UnknownIdError
        The mapping names a touchpoint that is in neither journey.

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> bool(match_lived(j, j)["matched_by"].eq("id").all())
    True
    """
    pairs = _mapping_pairs(mapping, designed, lived)
    taken_lived = {lv for _, lv in pairs}
    rows = [(d, lv, "mapping") for d, lv in pairs]
    names = _name_index(designed)
    for tp in lived.graph:
        if tp in taken_lived:
            continue
        if tp in designed.graph:
            rows.append((tp, tp, "id"))
        elif (key := _name_key(lived.graph.nodes[tp])) & names.keys():
            rows.append((names[sorted(key & names.keys())[0]], tp, "name"))
        else:
            rows.append(("", tp, ""))
    matched = {d for d, _, _ in rows if d}
    rows += [(tp, "", "") for tp in designed.graph if tp not in matched]
    return pd.DataFrame(rows, columns=list(MATCH_COLUMNS))


def _mapping_pairs(mapping, designed: Journey, lived: Journey) -> list[tuple[str, str]]:
    if mapping is None:
        return []
    if isinstance(mapping, Mapping):
        pairs = [(str(d), str(lv)) for lv, d in mapping.items()]
    elif isinstance(mapping, pd.DataFrame):
        missing = [c for c in ("designed", "lived") if c not in mapping.columns]
        if missing:
            raise SchemaError(f"the mapping table has no column {missing[0]!r} (expected columns designed and lived)",
                              where="mapping")
        pairs = [(str(d), str(lv)) for d, lv in zip(mapping["designed"], mapping["lived"], strict=True)]
    else:
        raise SchemaError(f"{type(mapping).__name__} is not a mapping (expected a dict lived id → designed id, or a "
                          "DataFrame with columns designed and lived)", where="mapping")
    for d, lv in pairs:
        if d not in designed.graph:
            raise UnknownIdError(f"mapping: no touchpoint {shown(d)} in the designed journey")
        if lv not in lived.graph:
            raise UnknownIdError(f"mapping: no touchpoint {shown(lv)} in the lived journey")
    return pairs


def _name_key(attrs: dict) -> set[str]:
    return {" ".join(str(attrs[k]).lower().split()) for k in ("name_fi", "name_en") if attrs.get(k)}


def _name_index(journey: Journey) -> dict[str, str]:
    index: dict[str, str] = {}
    for tp, attrs in journey.graph.nodes(data=True):
        for key in _name_key(attrs):
            index.setdefault(key, tp)
    return index


def lived_reach(journey: Journey) -> pd.Series:
    """Share of customers who reach each touchpoint: counted (``cases``) when the journey has them, else modelled."""
    nodes = journey.graph.nodes
    total = journey.graph.graph.get("event_log", {}).get("cases")
    if total and all("cases" in nodes[n] for n in nodes):
        return pd.Series({n: nodes[n]["cases"] / total for n in nodes}, dtype=float)
    solved = chain(journey)
    return pd.Series(solved.reach, index=solved.order, dtype=float)


def _leave(journey: Journey, *, final: bool = True) -> pd.Series:
    """Share of the customers at each touchpoint who leave there (0 at final touchpoints unless ``final=False``)."""
    out = {n: 0.0 for n in journey.graph}
    for source, _, attrs in journey.graph.edges(data=True):
        out[source] += attrs.get("share", 0.0)
    nodes = journey.graph.nodes
    return pd.Series({n: 0.0 if final and nodes[n].get("final") else max(0.0, 1 - s) for n, s in out.items()},
                     dtype=float)


def compare_lived(designed: Journey, lived: Journey, *, mapping=None) -> pd.DataFrame:
    """Where the journey customers live differs from the one the workshop designed, biggest surprises first.

    Parameters
    ----------
    designed, lived : Journey
    mapping : dict or DataFrame, optional
        How lived touchpoints map to designed ones (see :func:`match_lived`).

    Returns
    -------
    DataFrame
        :data:`LIVED_COMPARISON_COLUMNS`, one row per finding, biggest
        ``surprise`` first. ``difference`` is lived − designed; ``surprise``
        is its size in customers: for reach and touchpoints in one journey
        only, the absolute difference; for drop-out and transition shares,
        the absolute difference times the larger reach of the touchpoint
        (a share that differs where few customers come is a small surprise).

        - ``only_designed`` / ``only_lived``: a touchpoint in one journey
          only; the value is its reach (share of customers getting there).
        - ``reach``: a touchpoint in both, its reach on each side.
        - ``drop_out``: the share of those at the touchpoint who leave there
          (not for touchpoints the design marks ``final``: leaving there is completing).
        - ``share``: a transition ``source → target`` (designed ids where
          matched); 0 on the side that does not have it.

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> bool(compare_lived(j, j)["surprise"].max() < 1e-9)
    True
    """
    matches = match_lived(designed, lived, mapping)
    reach_d, reach_l = lived_reach(designed), lived_reach(lived)
    leave_d, leave_l = _leave(designed), _leave(lived, final=False)
    reach_pooled: dict[str, float] = reach_l.to_dict()  # reach in designed terms: matched lived ids pooled
    rows = []  # (kind, designed id, lived id, designed, lived, weight)
    for d, lv in zip(matches["designed"], matches["lived"], strict=True):
        if not lv:
            rows.append(("only_designed", d, "", reach_d[d], 0.0, 1.0))
        elif not d:
            rows.append(("only_lived", "", lv, 0.0, reach_l[lv], 1.0))
    both = matches[(matches["designed"] != "") & (matches["lived"] != "")]
    for d, group in both.groupby("designed", sort=False):  # several lived touchpoints may share one designed one
        lv = group["lived"].tolist()
        reach_pooled[d] = min(1.0, float(reach_l[lv].sum()))
        rows.append(("reach", d, ", ".join(lv), reach_d[d], reach_pooled[d], 1.0))
        if designed.graph.nodes[d].get("final"):
            continue  # leaving where the design says the journey is complete is no drop-out, on either side
        visits = [lived.graph.nodes[x].get("visits", 1.0) for x in lv]
        rows.append(("drop_out", d, ", ".join(lv), leave_d[d], float(np.average(leave_l[lv], weights=visits)),
                     max(reach_d[d], reach_pooled[d])))
    for kind, d, lv, before, after, source in _transition_rows(designed, lived, matches):
        rows.append((kind, d, lv, before, after, max(reach_d.get(source, 0.0), reach_pooled.get(source, 0.0))))
    table = pd.DataFrame(rows, columns=["kind", "designed_id", "lived_id", "designed", "lived", "weight"])
    table["difference"] = table["lived"] - table["designed"]
    # a share that differs where few customers come is a small surprise: weigh it by who gets there
    table["surprise"] = table["difference"].abs() * table.pop("weight")
    return table.sort_values("surprise", ascending=False, kind="stable").reset_index(drop=True)


def _transition_rows(designed: Journey, lived: Journey, matches: pd.DataFrame) -> list[tuple]:
    """("share", designed id, lived ids, designed share, lived share, source in designed terms) per transition."""
    shares = pooled_shares(designed, lived, matches)
    rows = [("share", f"{s} → {t}" if d == d else "", ids, 0.0 if d != d else d, lv, s)
            for s, t, lv, d, ids in shares.itertuples(index=False)]
    seen = set(zip(shares["source"], shares["target"], strict=True))
    rows += [("share", f"{s} → {t}", "", attrs.get("share", 0.0), 0.0, s)
             for s, t, attrs in designed.graph.edges(data=True) if (s, t) not in seen]
    return rows


def pooled_shares(designed: Journey, lived: Journey, matches: pd.DataFrame) -> pd.DataFrame:
    """Lived transitions in designed terms: ``source``, ``target``, ``lived``, ``designed`` (NaN when the design
    lacks it) and ``lived_ids``. Lived touchpoints matched to one designed touchpoint pool their visits; a step
    between two of them is inside it and left out. Unmatched lived touchpoints keep their own ids."""
    to_designed = {lv: d for d, lv in zip(matches["designed"], matches["lived"], strict=True) if lv and d}
    nodes = lived.graph.nodes
    visits: dict[str, float] = {}
    for tp in lived.graph:
        group = to_designed.get(tp, tp)
        visits[group] = visits.get(group, 0.0) + nodes[tp].get("visits", 1.0)
    flow: dict[tuple[str, str], float] = {}
    lived_ids: dict[tuple[str, str], list[str]] = {}
    for source, target, attrs in lived.graph.edges(data=True):
        key = (to_designed.get(source, source), to_designed.get(target, target))
        if key[0] == key[1] and source != target and key[0] in designed.graph:
            continue
        flow[key] = flow.get(key, 0.0) + attrs.get("share", 0.0) * nodes[source].get("visits", 1.0)
        lived_ids.setdefault(key, []).append(f"{source} → {target}")
    rows = [(s, t, amount / visits[s],
             designed.graph.edges[s, t].get("share", 0.0) if designed.graph.has_edge(s, t) else np.nan,
             ", ".join(lived_ids[(s, t)])) for (s, t), amount in flow.items()]
    return pd.DataFrame(rows, columns=["source", "target", "lived", "designed", "lived_ids"])
