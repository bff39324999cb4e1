"""The emotion curve along the journey and how the experience will be remembered."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import ServicepathError, UnknownIdError
from ..model.journey import Journey
from .pain import PAYMENT_TAGS
from .paths import likely_paths

__all__ = [
    "EXPERIENCED_LANES", "EMOTION_COLUMNS", "RememberedExperience", "emotion_along_path", "remembered_experience",
    "typical_path",
]

#: Columns of :func:`emotion_along_path`.
EMOTION_COLUMNS = ("step", "id", "stage", "lane", "emotion", "payment")


def typical_path(journey: Journey) -> tuple[str, ...]:
    """The most likely path that completes the journey (ends at a final touchpoint).

    Falls back to the most likely path of all when no path completes.

    Examples
    --------
    >>> import servicepath as sp
    >>> path = sp.typical_path(sp.load_sample("webshop"))
    >>> path[:4]
    ('search', 'product', 'cart', 'pay')
    """
    paths = likely_paths(journey, k=200)
    if not paths:
        raise ServicepathError("no customer path through this journey (no entry point with a share?)")
    completed = [p for p in paths if p.completed]
    return (completed or paths)[0].touchpoints


def emotion_along_path(journey: Journey, path: Sequence[str] | None = None) -> pd.DataFrame:
    """The customer's emotion (−3…+3) step by step along a path.

    Parameters
    ----------
    path : sequence of touchpoint ids, optional
        Defaults to :func:`typical_path`, the most likely completed path.

    Returns
    -------
    DataFrame
        Columns :data:`EMOTION_COLUMNS`; ``emotion`` is NaN where the
        touchpoint has none, ``payment`` marks the payment moment (tags
        ``payment`` or ``invoicing``).

    Examples
    --------
    >>> import servicepath as sp
    >>> curve = sp.emotion_along_path(sp.load_sample("webshop"))
    >>> curve.loc[curve["payment"], "emotion"].tolist()
    [-2.0]
    """
    path = tuple(path) if path is not None else typical_path(journey)
    nodes = journey.graph.nodes
    for tp in path:
        if tp not in nodes:
            raise UnknownIdError(f"the path names {tp!r}, which is not a touchpoint of this journey")
    rows = []
    for step, tp in enumerate(path, start=1):
        attrs = nodes[tp]
        tags = attrs.get("tags", "").split(",")
        emotion = attrs.get("emotion")
        rows.append((step, tp, attrs.get("stage"), attrs.get("lane"),
                     float(emotion) if emotion is not None else np.nan, any(t in PAYMENT_TAGS for t in tags)))
    return pd.DataFrame(rows, columns=list(EMOTION_COLUMNS))


@dataclass(frozen=True)
class RememberedExperience:
    """How a customer will remember the journey, by the peak–end rule.

    People remember an experience mostly by its most intense moment and its
    end (Kahneman et al. 1993; Redelmeier & Kahneman 1996), so
    ``remembered`` ≈ (peak + end) / 2 is reported beside the plain ``mean``.

    Attributes
    ----------
    path : tuple of str
    mean : float
        The plain mean of the emotions along the path.
    peak, peak_id : float, str
        The most intense moment (largest distance from 0; the worse one on a tie).
    end, end_id : float, str
        The last moment with an emotion.
    remembered : float
        (peak + end) / 2.
    worst, worst_id : float, str
        The lowest moment.
    worst_is_payment, end_is_payment : bool
        Flags: the worst or the final moment is payment or invoicing.
    """

    path: tuple[str, ...]
    mean: float
    peak: float
    peak_id: str
    end: float
    end_id: str
    remembered: float
    worst: float
    worst_id: str
    worst_is_payment: bool
    end_is_payment: bool


#: Lanes whose touchpoints the customer experiences (backstage and support work is unseen).
EXPERIENCED_LANES = ("evidence", "customer", "frontstage")


def remembered_experience(journey: Journey, path: Sequence[str] | None = None, *,
                          lanes: Sequence[str] = EXPERIENCED_LANES) -> RememberedExperience:
    """The peak–end estimate of the remembered experience along a path (default: the typical one).

    Only touchpoints in ``lanes`` count — by default those the customer
    experiences (evidence, customer actions, frontstage): backstage and
    support work is not felt directly.

    Raises
    ------
    ServicepathError
        If no touchpoint on the path has an emotion.

    Examples
    --------
    >>> import servicepath as sp
    >>> memory = sp.remembered_experience(sp.load_sample("webshop"))
    >>> memory.worst_id, memory.worst_is_payment
    ('pay', True)
    """
    curve = emotion_along_path(journey, path).dropna(subset=["emotion"])
    curve = curve[curve["lane"].isin(lanes)]
    if curve.empty:
        raise ServicepathError("no touchpoint on this path has an emotion; set emotions (−3…+3) first")
    intensity = curve["emotion"].abs() + (curve["emotion"] < 0) * 1e-9  # a tie goes to the bad moment
    peak_row = curve.loc[intensity.idxmax()]
    end_row = curve.iloc[-1]
    worst_row = curve.loc[curve["emotion"].idxmin()]
    return RememberedExperience(
        path=tuple(emotion_along_path(journey, path)["id"]),
        mean=float(curve["emotion"].mean()),
        peak=float(peak_row["emotion"]),
        peak_id=peak_row["id"],
        end=float(end_row["emotion"]),
        end_id=end_row["id"],
        remembered=float((peak_row["emotion"] + end_row["emotion"]) / 2),
        worst=float(worst_row["emotion"]),
        worst_id=worst_row["id"],
        # A tie for the worst moment counts as payment if any of the tied moments is payment.
        worst_is_payment=bool(curve.loc[curve["emotion"] == worst_row["emotion"], "payment"].any()),
        end_is_payment=bool(end_row["payment"]),
    )
