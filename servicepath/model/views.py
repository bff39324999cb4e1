"""Tables for people: the touchpoints grouped by stage, in Finnish or English."""

from __future__ import annotations

import pandas as pd

from ..i18n import label
from .journey import Journey
from .vocab import PRINCIPLES

__all__ = ["stage_overview"]


def stage_overview(journey: Journey, lang: str = "en") -> pd.DataFrame:
    """The touchpoints by stage, in map order, with headers in ``lang``.

    The index is (stage, touchpoint id); columns are the touchpoint's name,
    lane, channel, owner, emotion, the four A.R.V.O. scores and the number of
    pain points. Meant for showing; use :attr:`Journey.touchpoints` for data.

    Examples
    --------
    >>> import servicepath as sp
    >>> table = sp.stage_overview(sp.load_sample("webshop"), lang="fi")
    >>> list(table.columns[:3])
    ['Kosketuspiste', 'Kaista', 'Kanava']
    """
    data = journey.touchpoints
    stage_names = {s.id: s.label(lang) for s in journey.stages}
    other = "en" if lang == "fi" else "fi"
    names = data[f"name_{lang}"].where(data[f"name_{lang}"] != "", data[f"name_{other}"])
    table = pd.DataFrame(
        {
            label("column.stage", lang): data["stage"].map(lambda s: stage_names.get(s, s)),
            label("column.id", lang): data["id"],
            label("column.name", lang): names,
            label("column.lane", lang): data["lane"].map(lambda lane: label(f"lane.{lane}", lang)),
            label("column.channel", lang): data["channel"],
            label("column.owner", lang): data["owner"],
            label("column.emotion", lang): data["emotion"],
            **{p: data[p] for p in PRINCIPLES},
            label("column.pain_point_count", lang): data["pain_point_count"],
        }
    )
    return table.set_index([label("column.stage", lang), label("column.id", lang)])
