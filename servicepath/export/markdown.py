"""A journey report in Markdown that renders on GitHub, GitLab and in Jupyter.

Everything people wrote (titles, names, pain points) is escaped, so a name
can neither break a table nor smuggle HTML, links or headings into the page.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from urllib.parse import quote

from ..analysis import effective_scores, goal_probability, pain_points, payment_moment, score_journey
from ..errors import InputError
from ..figures.style import check_lang
from ..i18n import label, number_text, percent_text
from ..model.journey import Journey
from ..model.vocab import PRINCIPLES
from .clienttables import display_name, plan_table

__all__ = ["markdown_report", "md_escape", "md_table"]

# Turned into HTML entities: they would open HTML, code spans or table cells.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "`": "&#96;"}
# Backslash-escaped anywhere: emphasis, links and images, math, strikethrough.
_ESCAPED = set("\\*_[]$~")
# At the start of a line these make a heading, a list, a quote or a rule.
_LINE_START = re.compile(r"^(?:[#+=\-]|\d{1,9}[.)])")
# Bidirectional controls can make text read differently from what it is ("Trojan source").
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def md_escape(text) -> str:
    """User text made inert in Markdown: one line, no HTML, no table breaks, no formatting.

    Examples
    --------
    >>> md_escape("<script>alert(1)</script> | x")
    '&lt;script&gt;alert(1)&lt;/script&gt; &#124; x'
    >>> md_escape("# not a *heading*\\nsecond line")
    '\\\\# not a \\\\*heading\\\\* second line'
    >>> md_escape("1. first")
    '1\\\\. first'
    """
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in str(text) if ch not in _BIDI)
    text = " ".join(text.split())
    out = "".join(_ENTITIES.get(ch) or ("\\" + ch if ch in _ESCAPED else ch) for ch in text)
    start = _LINE_START.match(out)
    if start:
        marker = start.group()
        out = (marker[:-1] + "\\" + marker[-1]) + out[len(marker):]
    return out


def md_table(header: list[str], rows: list[list[str]], *, numeric: set[int] = frozenset()) -> str:
    """A GitHub table; cells must already be escaped (:func:`md_escape`). Columns in ``numeric`` align right.

    Examples
    --------
    >>> print(md_table(["Name", "Score"], [["Payment", "1.0"]], numeric={1}))
    | Name | Score |
    | --- | ---: |
    | Payment | 1.0 |
    """
    lines = ["| " + " | ".join(header) + " |",
             "| " + " | ".join("---:" if i in numeric else "---" for i in range(len(header))) + " |"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def markdown_report(journey: Journey, *, lang: str = "en", pictures: Mapping[str, str] | None = None) -> str:
    """A report of the journey in Markdown: summary, stages, scores, pain points, payment moment, plan.

    Parameters
    ----------
    journey : Journey
    lang : {"en", "fi"}
    pictures : mapping of caption to path, optional
        Images to show after the summary, e.g. ``{"Journey map": "map.png"}``;
        paths are relative to where the report is saved.

    Examples
    --------
    >>> import servicepath as sp
    >>> text = markdown_report(sp.load_sample("webshop"), pictures={"Journey map": "webshop map.png"})
    >>> print(text.splitlines()[0])
    # Webshop: buying a coffee maker
    >>> "![Journey map](webshop%20map.png)" in text
    True
    """
    check_lang(lang)
    sections = [
        _heading(journey, lang), _summary(journey, lang), _pictures(pictures or {}, lang),
        _stages(journey, lang), _scores(journey, lang), _pain(journey, lang), _payment(journey, lang),
        _plan(journey, lang),
    ]
    return "\n\n".join(s for s in sections if s) + "\n"


# -- helpers --------------------------------------------------------------------------------
def _text(fi, en, lang: str) -> str:
    first, second = (fi, en) if lang == "fi" else (en, fi)
    return first if isinstance(first, str) and first else second if isinstance(second, str) else ""


# -- sections ----------------------------------------------------------------------------------
def _heading(journey: Journey, lang: str) -> str:
    title = journey.title.get(lang) or label("report.untitled", lang)
    lines = [f"# {md_escape(title)}"]
    persona = journey.persona.get(lang)
    if persona:
        lines.append(f"**{md_escape(label('word.persona', lang))}:** {md_escape(persona)}")
    return "\n\n".join(lines)


def _summary(journey: Journey, lang: str) -> str:
    rows = [
        [label("report.touchpoints", lang), str(len(journey))],
        [label("report.stages", lang), str(len(journey.stages))],
        [label("report.transitions", lang), str(journey.graph.number_of_edges())],
        [label("report.pain_points", lang), str(len(journey.pain_points))],
    ]
    goals = [g for g in journey.goals if g in journey.graph]
    if goals:
        reached = goal_probability(journey)
        rows += [
            [label("report.goals", lang), ", ".join(md_escape(display_name(journey, g, lang)) for g in goals)],
            [label("report.goal_probability", lang), percent_text(reached, lang)],
            [label("report.drop_out", lang), percent_text(1 - reached, lang)],
        ]
    whole = score_journey(journey).iloc[-1]
    rows.append([label("report.arvo_index", lang), number_text(whole["index"], lang, 0)])
    table = md_table([label("report.measure", lang), label("report.value", lang)], rows, numeric={1})
    return f"## {label('report.summary', lang)}\n\n{table}"


def _pictures(pictures: Mapping[str, str], lang: str) -> str:
    if not pictures:
        return ""
    shown = [f"![{md_escape(caption)}]({_image_path(caption, path)})" for caption, path in pictures.items()]
    return f"## {label('report.pictures', lang)}\n\n" + "\n\n".join(shown)


def _image_path(caption: str, path) -> str:
    text = str(path).replace("\\", "/")
    if not text or text.startswith("/") or re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:", text):
        raise InputError(f"picture {caption!r}: {text!r} is not a relative path; give the image's path "
                         "relative to the report, e.g. 'map.png'", where="pictures")
    return quote(text, safe="/._-~")  # spaces and parentheses would end the link


def _stages(journey: Journey, lang: str) -> str:
    table = journey.touchpoints
    scores = effective_scores(journey)  # the raters' median where rated, as on the map and the heatmap
    for p in PRINCIPLES:
        table[p] = scores.loc[table["id"], p].to_numpy()
    parts = [f"## {label('report.stages', lang)}"]
    headers = [label(f"column.{c}", lang) for c in ("name", "lane", "channel", "emotion")]
    headers += [*PRINCIPLES, label("column.pain_point_count", lang)]
    stage_names = [(s.id, s.label(lang)) for s in journey.stages]
    stage_names += [(s, s) for s in dict.fromkeys(table["stage"]) if s not in journey.stage_ids]
    for number, (stage_id, name) in enumerate(stage_names, start=1):
        rows = [_stage_row(journey, row, lang) for row in table[table["stage"] == stage_id].to_dict("records")]
        parts.append(f"### {number}. {md_escape(name)}")
        parts.append(md_table(headers, rows, numeric={3, 4, 5, 6, 7, 8}) if rows else "–")
    return "\n\n".join(parts)


def _stage_row(journey: Journey, row: dict, lang: str) -> list[str]:
    name = md_escape(display_name(journey, row["id"], lang))
    if row["critical"]:
        name += f" — **{label('report.moment_of_truth', lang)}**"
    return [name, label(f"lane.{row['lane']}", lang), md_escape(row["channel"]), number_text(row["emotion"], lang, 0),
            *(number_text(row[p], lang) for p in PRINCIPLES), str(row["pain_point_count"])]


def _scores(journey: Journey, lang: str) -> str:
    table = score_journey(journey)
    stages = {s.id: s.label(lang) for s in journey.stages}
    rows = []
    for row in table[table["level"] != "touchpoint"].to_dict("records"):
        whole = row["level"] == "journey"
        name = f"**{label('report.whole_journey', lang)}**" if whole else md_escape(stages.get(row["id"], row["id"]))
        rows.append([name, *(number_text(row[p], lang) for p in PRINCIPLES), number_text(row["index"], lang, 0),
                     row["unscored_principles"] or ""])
    headers = [label("column.stage", lang), *PRINCIPLES, label("column.index", lang), label("column.unscored", lang)]
    body = md_table(headers, rows, numeric={1, 2, 3, 4, 5})
    return f"## {label('report.scores', lang)}\n\n{label('report.scores_note', lang)}\n\n{body}"


def _pain(journey: Journey, lang: str) -> str:
    table = pain_points(journey)
    heading = f"## {label('report.pain_ranked', lang)}"
    if table.empty:
        return f"{heading}\n\n{label('report.no_pain_points', lang)}"
    headers = [label(f"column.{c}", lang) for c in ("rank", "name", "pain_point", "severity", "frequency",
                                                     "reach", "priority")]
    rows = [[str(r["rank"]), md_escape(display_name(journey, r["touchpoint"], lang)),
             md_escape(_text(r["text_fi"], r["text_en"], lang)), str(r["severity"]), str(r["frequency"]),
             percent_text(r["reach"], lang), number_text(r["priority"], lang, 2)] for r in table.to_dict("records")]
    return f"{heading}\n\n{md_table(headers, rows, numeric={0, 3, 4, 5, 6})}"


def _payment(journey: Journey, lang: str) -> str:
    moment = payment_moment(journey)
    heading = f"## {label('report.payment_moment', lang)}"
    if not moment.found:
        return f"{heading}\n\n{label('report.no_payment', lang)}"
    headers = [label(f"column.{c}", lang) for c in ("name", "emotion", "emotion_before", "drop_into",
                                                     "drop_out_share")] + list(PRINCIPLES)
    rows = [_payment_row(journey, r, lang) for r in moment.touchpoints.to_dict("records")]
    tips = [f"- {md_escape(_text(s['text_fi'], s['text_en'], lang))} ({s['principles']})"
            for s in moment.suggestions.head(3).to_dict("records")]
    parts = [heading, md_table(headers, rows, numeric=set(range(1, len(headers))))]
    if tips:
        parts += [f"**{label('report.suggestions', lang)}**", "\n".join(tips)]
    return "\n\n".join(parts)


def _payment_row(journey: Journey, row: dict, lang: str) -> list[str]:
    return [md_escape(display_name(journey, row["id"], lang)), number_text(row["emotion"], lang, 0),
            number_text(row["emotion_before"], lang), number_text(row["drop_into"], lang),
            percent_text(row["drop_out_share"], lang), *(number_text(row[p], lang) for p in PRINCIPLES)]


def _plan(journey: Journey, lang: str) -> str:
    table = plan_table(journey)
    heading = f"## {label('report.plan', lang)}"
    if table.empty:
        return f"{heading}\n\n{label('report.no_plan', lang)}"
    headers = [label(f"column.{c}", lang) for c in ("rank", "improvement", "quadrant", "owner", "status", "due",
                                                     "touchpoints")]
    rows = [_plan_row(journey, r, lang) for r in table.to_dict("records")]
    return f"{heading}\n\n{md_table(headers, rows, numeric={0})}"


def _plan_row(journey: Journey, row: dict, lang: str) -> list[str]:
    touchpoints = [display_name(journey, tp, lang) for tp in _ids(row["touchpoints"]) if tp in journey]
    due = row["due"].isoformat() if hasattr(row["due"], "isoformat") else ""
    return [str(row["rank"]), md_escape(_text(row["title_fi"], row["title_en"], lang)),
            label(f"quadrant.{row['quadrant']}", lang), md_escape(row["owner"] or ""),
            label(f"status.{row['status']}", lang), due, md_escape(", ".join(touchpoints))]


def _ids(text) -> list[str]:
    return [part.strip() for part in str(text or "").split(",") if part.strip()]
