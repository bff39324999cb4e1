"""The tables a report shows, with headers, names and numbers as the reader writes them.

The PDF and HTML reports share these, so both say the same thing in the same
words: shares as percentages, scores with one decimal, a decimal comma in
Finnish. Use the analysis functions for numbers to compute with.
"""

from __future__ import annotations

import pandas as pd

from ..analysis import effective_scores, pain_points, payment_moment, prioritise, score_journey
from ..i18n import label, number_text, percent_text
from ..model import PRINCIPLES, Journey
from ..model.vocab import LANES
from .clienttables import display_name

__all__ = ["REPORT_TABLES", "report_tables", "touchpoint_names", "summary_facts"]

#: The report's tables, in reading order.
REPORT_TABLES = ("touchpoints", "scores", "pain_points", "payment", "suggestions", "plan")


def touchpoint_names(journey: Journey, lang: str) -> dict[str, str]:
    """Touchpoint id → its name in ``lang`` (the other language, then the id, when missing)."""
    return {tp: display_name(journey, tp, lang) for tp in journey.graph}


def summary_facts(journey: Journey, lang: str) -> list[tuple[str, str]]:
    """(what, value) pairs for a report's first lines: size, reach of the goal, overall A.R.V.O. index.

    Examples
    --------
    >>> import servicepath as sp
    >>> dict(summary_facts(sp.load_sample("webshop"), "en"))["Touchpoints"]
    '20'
    """
    from ..analysis import goal_probability

    journey_row = score_journey(journey).query("level == 'journey'")
    facts = [(label("report.fact.touchpoints", lang), str(len(journey))),
             (label("report.fact.stages", lang), str(len(journey.stages))),
             (label("report.fact.pain_points", lang), str(len(journey.pain_points)))]
    if journey.goals:
        facts.append((label("report.fact.goal", lang), percent_text(goal_probability(journey), lang)))
    if not journey_row.empty and pd.notna(journey_row["index"].iloc[0]):
        facts.append((label("report.fact.index", lang), f"{journey_row['index'].iloc[0]:.0f} / 100"))
    return facts


def report_tables(journey: Journey, lang: str = "en") -> dict[str, pd.DataFrame]:
    """The tables of :data:`REPORT_TABLES` with headers in ``lang``.

    Examples
    --------
    >>> import servicepath as sp
    >>> tables = report_tables(sp.load_sample("webshop"), "fi")
    >>> list(tables["pain_points"].columns[:3])
    ['Sija', 'Kosketuspiste', 'Kipupiste']
    """
    names = touchpoint_names(journey, lang)
    stages = {s.id: s.label(lang) for s in journey.stages}
    tables = {
        "touchpoints": _touchpoints(journey, names, stages, lang),
        "scores": _scores(journey, stages, lang),
        "pain_points": _pain(journey, names, lang),
        "payment": _payment(journey, names, lang),
        "suggestions": _suggestions(journey, lang),
        "plan": _plan(journey, lang),
    }
    return {key: _formatted(table, lang) for key, table in tables.items()}


#: How each column is written: shares as percentages, scores with one decimal, counts whole.
_SHARES = ("reach", "drop_out")
_ONE_DECIMAL = ("emotion", "emotion_before", "need", *PRINCIPLES)
_TWO_DECIMALS = ("priority",)
_WHOLE = ("index",)


def _formatted(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    table = table.copy()
    for kinds, write in ((_SHARES, lambda v: percent_text(v, lang)), (_ONE_DECIMAL, lambda v: _short(v, lang, 1)),
                         (_TWO_DECIMALS, lambda v: number_text(v, lang, 2)), (_WHOLE, lambda v: _short(v, lang, 0))):
        for key in kinds:
            column = _h(key, lang) if key not in PRINCIPLES else key
            if column in table.columns:
                table[column] = [write(v) for v in table[column]]
    return table


def _short(value, lang: str, digits: int) -> str:
    """A number with at most ``digits`` decimals, no trailing ",0"."""
    text = number_text(value, lang, digits)
    return text[:-2] if digits and text[-2:] in (".0", ",0") else text


def _h(key: str, lang: str) -> str:
    return label(f"column.{_COLUMN_KEYS.get(key, key)}", lang)


_COLUMN_KEYS = {"touchpoint": "name", "pain_points": "pain_point_count", "drop_out": "drop_out_share"}


def _touchpoints(journey, names, stages, lang) -> pd.DataFrame:
    data = journey.touchpoints
    scores = effective_scores(journey)  # the raters' median where rated, as on the map and the heatmap
    return pd.DataFrame({
        _h("stage", lang): data["stage"].map(lambda s: stages.get(s, s)),
        _h("touchpoint", lang): data["id"].map(names),
        _h("lane", lang): data["lane"].map(lambda lane: label(f"lane.{lane}", lang) if lane in LANES else lane),
        _h("channel", lang): data["channel"],
        _h("owner", lang): data["owner"],
        _h("emotion", lang): data["emotion"],
        **{p: scores.loc[data["id"], p].to_numpy() for p in PRINCIPLES},
        _h("pain_points", lang): data["pain_point_count"],
    })


def _scores(journey, stages, lang) -> pd.DataFrame:
    table = score_journey(journey)
    table = table[table["level"] != "touchpoint"]
    where = [stages.get(s, s) if level == "stage" else label("report.whole_journey", lang)
             for level, s in zip(table["level"], table["stage"], strict=True)]
    return pd.DataFrame({_h("stage", lang): where, **{p: table[p].to_numpy() for p in PRINCIPLES},
                         _h("index", lang): table["index"].to_numpy()})


def _pain(journey, names, lang) -> pd.DataFrame:
    table = pain_points(journey)
    return pd.DataFrame({
        _h("rank", lang): table["rank"], _h("touchpoint", lang): table["touchpoint"].map(names),
        _h("pain_point", lang): _in(table, "text", lang), _h("severity", lang): table["severity"],
        _h("frequency", lang): table["frequency"], _h("reach", lang): table["reach"],
        _h("priority", lang): table["priority"],
    })


def _payment(journey, names, lang) -> pd.DataFrame:
    moment = payment_moment(journey)
    table = moment.touchpoints
    return pd.DataFrame({
        _h("touchpoint", lang): table["id"].map(names), _h("emotion", lang): table["emotion"],
        _h("emotion_before", lang): table["emotion_before"], _h("reach", lang): table["reach"],
        _h("drop_out", lang): table["drop_out_share"],
        **{p: table[p] for p in PRINCIPLES},
    })


def _suggestions(journey, lang) -> pd.DataFrame:
    """Payment-moment practices, the most needed first (need = gap to the top score of what they lift)."""
    table = payment_moment(journey).suggestions
    return pd.DataFrame({_h("practice", lang): _in(table, "text", lang), "A.R.V.O.": table["principles"],
                         _h("need", lang): table["need"]})


def _plan(journey, lang) -> pd.DataFrame:
    ranked = prioritise(journey)
    details = {row["id"]: row for row in _improvement_rows(journey)}
    return pd.DataFrame({
        _h("rank", lang): ranked["rank"], _h("improvement", lang): _in(ranked, "title", lang),
        _h("quadrant", lang): ranked["quadrant"].map(lambda q: label(f"quadrant.{q}", lang)),
        _h("impact", lang): ranked["impact"], _h("effort", lang): ranked["effort"],
        _h("owner", lang): ranked["id"].map(lambda i: details[i]["owner"] or ""),
        _h("due", lang): ranked["id"].map(lambda i: details[i]["due"] or ""),
        _h("status", lang): ranked["id"].map(lambda i: label(f"status.{details[i]['status']}", lang)),
        _h("votes", lang): ranked["votes"],
    })


def _improvement_rows(journey):
    from ..analysis import improvement_table

    return improvement_table(journey).to_dict("records")


def _in(table: pd.DataFrame, key: str, lang: str) -> pd.Series:
    other = "en" if lang == "fi" else "fi"
    return table[f"{key}_{lang}"].where(table[f"{key}_{lang}"].fillna("") != "", table[f"{key}_{other}"])
