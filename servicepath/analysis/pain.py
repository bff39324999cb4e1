"""Pain points ranked by how much they hurt the customers, and a close look at the payment moment."""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..model.journey import Journey
from ..model.touchpoint import check_number
from ..model.vocab import PRINCIPLES
from .markov import chain
from .scoring import effective_scores

__all__ = ["PAIN_COLUMNS", "CRITICAL_BOOST", "pain_points", "PaymentMoment", "payment_moment", "PAYMENT_TAGS"]

#: Columns of :func:`pain_points`.
PAIN_COLUMNS = (
    "rank", "touchpoint", "pain_point", "text_fi", "text_en", "severity", "frequency", "reach", "critical",
    "priority", "stage", "lane", "owner", "weakest_principle",
)
#: How much more a pain point at a critical touchpoint (a moment of truth) counts.
CRITICAL_BOOST = 1.5
#: Tags that mark the payment moment.
PAYMENT_TAGS = ("payment", "invoicing")


def pain_points(journey: Journey, *, critical_boost: float = CRITICAL_BOOST) -> pd.DataFrame:
    """Every pain point, ranked by severity × frequency × reach, boosted at critical touchpoints.

    Returns
    -------
    DataFrame
        Columns :data:`PAIN_COLUMNS`, highest ``priority`` first. ``reach`` is
        the share of customers who get to the touchpoint; ``weakest_principle``
        is the lowest-scored A.R.V.O. principle there ("" if none is scored).

    Examples
    --------
    >>> import servicepath as sp
    >>> table = sp.pain_points(sp.load_sample("webshop"))
    >>> table[["touchpoint", "pain_point"]].head(2).to_records(index=False).tolist()
    [('search', 'search-results'), ('pay', 'pay-no-reassurance')]
    """
    critical_boost = check_number(critical_boost, 0, 1000, "critical_boost", optional=False)
    solved = chain(journey)
    reach_of = dict(zip(solved.order, solved.reach.tolist(), strict=True))
    scores = effective_scores(journey)[list(PRINCIPLES)]
    rows = []
    for tp, attrs in journey.graph.nodes(data=True):
        encoded = attrs.get("pain_points")
        if not encoded:
            continue
        critical = attrs.get("critical") is True
        for i, pain in enumerate(json.loads(encoded), start=1):
            severity, frequency = pain.get("severity", 3), pain.get("frequency", 3)
            rows.append({
                "touchpoint": tp, "pain_point": pain.get("id") or f"{tp}#{i}",
                "text_fi": pain["text"].get("fi", ""), "text_en": pain["text"].get("en", ""),
                "severity": severity, "frequency": frequency, "reach": reach_of[tp], "critical": critical,
                "priority": severity * frequency * reach_of[tp] * (critical_boost if critical else 1.0),
                "stage": attrs.get("stage"), "lane": attrs.get("lane"), "owner": attrs.get("owner", ""),
                "weakest_principle": _weakest(scores.loc[tp]),
            })
    table = pd.DataFrame(rows, columns=[c for c in PAIN_COLUMNS if c != "rank"])
    table = table.sort_values(["priority", "severity"], ascending=False, kind="stable").reset_index(drop=True)
    table.insert(0, "rank", range(1, len(table) + 1))
    return table


def _weakest(scores: pd.Series) -> str:
    scored = scores.dropna()
    return str(scored.idxmin()) if len(scored) else ""


@dataclass(frozen=True)
class PaymentMoment:
    """The payment moment of a journey: the touchpoints tagged ``payment`` or ``invoicing``.

    Attributes
    ----------
    touchpoints : DataFrame
        One row per payment touchpoint: ``id``, ``emotion``, ``emotion_before``
        and ``emotion_after`` (the customers' emotion at the touchpoints they
        come from and go to, weighted by how many go each way), ``drop_into``
        (emotion − emotion_before; negative = the curve dips), ``rise_out_of``
        (emotion_after − emotion), ``reach``, ``drop_out_share`` (share of the
        customers there who leave without completing), ``dropped_out`` (of all
        customers), and the four A.R.V.O. scores.
    pain_points : DataFrame
        The pain points there, ranked as in :func:`pain_points`.
    suggestions : DataFrame
        Practices for the payment moment, with the principles each lifts
        (``principles``) and its text (``text_fi``, ``text_en``); those that
        lift the weakest principles here come first.
    """

    touchpoints: pd.DataFrame
    pain_points: pd.DataFrame
    suggestions: pd.DataFrame

    @property
    def found(self) -> bool:
        """Whether the journey has any payment touchpoint."""
        return not self.touchpoints.empty


def payment_moment(journey: Journey) -> PaymentMoment:
    """Look closely at the payment moment: the emotion dip, the drop-out, the pain, what to do.

    Examples
    --------
    >>> import servicepath as sp
    >>> moment = sp.payment_moment(sp.load_sample("webshop"))
    >>> row = moment.touchpoints.iloc[0]
    >>> row["id"], float(row["drop_into"]) < 0, round(float(row["drop_out_share"]), 2)
    ('pay', True, 0.22)
    >>> len(moment.suggestions) >= 6
    True
    """
    graph = journey.graph
    solved = chain(journey)
    index = {n: i for i, n in enumerate(solved.order)}
    scores = effective_scores(journey)[list(PRINCIPLES)]
    ids = [n for n, a in graph.nodes(data=True) if set(a.get("tags", "").split(",")) & set(PAYMENT_TAGS)]
    rows = []
    for tp in ids:
        attrs = graph.nodes[tp]
        emotion = _emotion(attrs)
        before = _flow_mean(((solved.visits[index[s]] * a.get("share", 0), _emotion(graph.nodes[s]))
                             for s, _, a in graph.in_edges(tp, data=True)))
        after = _flow_mean(((a.get("share", 0), _emotion(graph.nodes[t]))
                            for _, t, a in graph.out_edges(tp, data=True)))
        leave = float(solved.leave[index[tp]])
        drop_share = 0.0 if attrs.get("final") is True else leave
        rows.append({
            "id": tp, "emotion": emotion, "emotion_before": before, "emotion_after": after,
            "drop_into": emotion - before, "rise_out_of": after - emotion,
            "reach": float(solved.reach[index[tp]]), "drop_out_share": drop_share,
            "dropped_out": float(solved.visits[index[tp]]) * drop_share,
            **scores.loc[tp].to_dict(),
        })
    table = pd.DataFrame(rows, columns=["id", "emotion", "emotion_before", "emotion_after", "drop_into",
                                        "rise_out_of", "reach", "drop_out_share", "dropped_out", *PRINCIPLES])
    ranked = pain_points(journey)
    invoicing = any("invoicing" in graph.nodes[tp].get("tags", "").split(",") for tp in ids)
    return PaymentMoment(table, ranked[ranked["touchpoint"].isin(ids)].reset_index(drop=True),
                         _suggestions(scores.loc[ids], invoicing=invoicing) if ids else _suggestions(None))


def _emotion(attrs: dict) -> float:
    value = attrs.get("emotion")
    return float(value) if value is not None else np.nan


def _flow_mean(pairs) -> float:
    weighted = [(w, e) for w, e in pairs if w > 0 and not np.isnan(e)]
    total = sum(w for w, _ in weighted)
    return sum(w * e for w, e in weighted) / total if total > 0 else np.nan


def _suggestions(scores: pd.DataFrame | None, *, invoicing: bool = False) -> pd.DataFrame:
    from .library import PAYMENT_PRACTICES

    columns = ["practice", "principles", "text_fi", "text_en", "need"]
    if scores is None:  # no payment moment in the journey: nothing to suggest
        return pd.DataFrame(columns=columns)
    # Invoice practices only where customers are invoiced (tag "invoicing").
    practices = [p for p in PAYMENT_PRACTICES if invoicing or not p.id.startswith("pay-invoice")]
    # Need = the gap to 4 of the principle a practice lifts. A principle nobody has scored at the
    # payment moment gets the mean gap of the scored ones: unknown, so neither first nor last.
    gaps = 4 - scores.mean()
    weakness = gaps.fillna(gaps.mean() if gaps.notna().any() else 0.0)
    rows = [{
        "practice": p.id, "principles": ", ".join(p.principles), "text_fi": p.text.fi, "text_en": p.text.en,
        "need": max((float(weakness.get(x, 0.0)) for x in p.principles), default=0.0),
    } for p in practices]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values("need", ascending=False, kind="stable").reset_index(drop=True)
