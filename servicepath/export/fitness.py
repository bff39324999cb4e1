"""A customer-fitness report as files: a workbook, a CSV of the results, a Markdown summary and two pictures.

Only what a :class:`~servicepath.FitnessReport` holds is written, so the
privacy rule carries over: a hidden result has no scores, and the only
person-level rows are those of people who chose to share their own.
Column headers are stable English tokens, as in the client tables; the
``*_name`` columns and the Markdown are in the chosen language.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import pandas as pd

from ..analysis.fitness import ORGANISATION, FitnessReport, development_actions
from ..errors import SaveError, UnsupportedFormatError
from ..figures.style import check_lang
from ..i18n import label, number_text, percent_text
from ..io.atomic import atomic_write_many
from ..io.files import csv_bytes, write_xlsx
from ..model.fitness import FITNESS_AREAS, INTERVIEW_ANSWERS, LEVEL_BARS
from .clienttables import Rows, frame_rows
from .markdown import md_escape, md_table
from .names import target_path
from .pictures import check_dpi, figure_bytes

__all__ = ["FITNESS_REPORT_FILES", "export_fitness_report", "fitness_report_tables", "fitness_markdown",
           "fitness_summary", "fitness_facts"]

#: The files :func:`export_fitness_report` writes (the radar only when the result is shown).
FITNESS_REPORT_FILES = ("fitness-report.xlsx", "fitness-results.csv", "fitness-report.md", "fitness-radar.png",
                        "fitness-trend.png")
RADAR, TREND = "fitness-radar.png", "fitness-trend.png"


def export_fitness_report(report: FitnessReport, folder: str | os.PathLike, *, lang: str = "fi",
                          force: bool = False, csv_dialect: str | None = None, dpi: float = 150) -> list[Path]:
    """Write a team's fitness report into ``folder``, all files or none; return their paths.

    Files: ``fitness-report.xlsx`` (sheets ``results`` — the round-by-round
    rows —, ``actions``, ``interviews`` and ``people``, the last holding only
    people who chose to share), ``fitness-results.csv``, ``fitness-report.md``
    (a short summary in ``lang``), ``fitness-radar.png`` (left out while the
    result is hidden, and the Markdown says so) and ``fitness-trend.png``
    (left out before anyone has answered).

    Parameters
    ----------
    report : FitnessReport
        From :meth:`FitnessStore.report <servicepath.FitnessStore.report>`.
    folder : path-like
        Made if missing.
    lang : {"fi", "en"}
    force : bool
        Replace files that exist; without it nothing is written if any does.
    csv_dialect : {"excel-fi", "excel"}, optional
        Default ``excel-fi`` (``;``, decimal comma, BOM) for Finnish, else ``excel``.
    dpi : float
        Resolution of the pictures.

    Raises
    ------
    SaveError
        A file exists (and ``force`` is false), or writing failed; nothing was changed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from servicepath.io.fitness_store import FitnessStore
    >>> from servicepath.io.fitness_sample import fill_fitness_sample
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with FitnessStore(folder / "servicepath.db") as store:
    ...     fill_fitness_sample(store, rounds=2)
    ...     paths = export_fitness_report(store.report(team="Logistiikka"), folder / "report", lang="en")
    >>> [p.name for p in paths]
    ['fitness-report.xlsx', 'fitness-results.csv', 'fitness-report.md', 'fitness-trend.png']
    """
    check_lang(lang)
    check_dpi(dpi)
    dialect = csv_dialect or ("excel-fi" if lang == "fi" else "excel")
    if dialect not in ("excel", "excel-fi"):
        raise UnsupportedFormatError(f"unknown CSV dialect {dialect!r} (use 'excel' or 'excel-fi')")
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise SaveError(f"{folder} is a file; give a folder for the fitness report")
    names = [name for name in FITNESS_REPORT_FILES
             if (name != RADAR or report.shown) and (name != TREND or len(report.results))]
    # Every target is checked before anything is drawn or written: a refusal costs nothing and changes nothing.
    # A picture this report leaves out is checked too: left from an earlier run, it would contradict this one.
    stale = [target_path(folder, name, force=force) for name in FITNESS_REPORT_FILES if name not in names]
    targets = {name: target_path(folder, name, force=force) for name in names}
    tables = fitness_report_tables(report, lang)
    contents = {
        "fitness-report.xlsx": lambda f: write_xlsx(tables, f),
        "fitness-results.csv": _bytes(csv_bytes(*tables["results"], dialect)),
        "fitness-report.md": _bytes(fitness_markdown(report, lang, pictures=names).encode("utf-8")),
    }
    if RADAR in targets:
        contents[RADAR] = _bytes(figure_bytes(_radar(report, lang), "png", dpi=dpi))
    if TREND in targets:
        contents[TREND] = _bytes(figure_bytes(_trend(report, lang), "png", dpi=dpi))
    atomic_write_many({targets[name]: contents[name] for name in names})
    for path in stale:
        path.unlink(missing_ok=True)
    return [targets[name] for name in names]


def _bytes(data: bytes):
    return lambda stream: stream.write(data)


# -- tables ------------------------------------------------------------------------------------
def fitness_report_tables(report: FitnessReport, lang: str = "en") -> dict[str, Rows]:
    """The workbook's sheets as ``{sheet: (header, rows)}``: results, actions, interviews, people.

    Examples
    --------
    >>> import pandas as pd
    >>> from servicepath.analysis.fitness import fitness_report, FITNESS_ANSWER_COLUMNS
    >>> tables = fitness_report_tables(fitness_report(pd.DataFrame(columns=FITNESS_ANSWER_COLUMNS)))
    >>> list(tables), tables["results"][0][:4]
    (['results', 'actions', 'interviews', 'people'], ['round', 'opened', 'team', 'respondents'])
    """
    check_lang(lang)
    results = _named(report.results, lang, "level", "target", "weakest")
    people = _named(report.people, lang, "level")
    actions = development_actions(report.latest if report.shown else {}, lang)  # in this report's language
    actions.insert(2, "area_name", [label(f"fitness.area.{a}", lang) for a in actions["area"]])
    actions.insert(4, "way_name", [label(f"fitness.way.{w}", lang) for w in actions["way"]])
    return {"results": frame_rows(results), "actions": frame_rows(actions),
            "interviews": frame_rows(report.interviews), "people": frame_rows(people)}


def _named(table: pd.DataFrame, lang: str, *columns: str) -> pd.DataFrame:
    """``table`` with a ``<column>_name`` in ``lang`` after each of ``columns`` (levels or areas)."""
    table = table.copy()
    for column in columns:
        kind = "area" if column == "weakest" else "level"
        names = [label(f"fitness.{kind}.{v}", lang) if isinstance(v, str) and v else None for v in table[column]]
        table.insert(table.columns.get_loc(column) + 1, f"{column}_name", names)
    return table


# -- words ---------------------------------------------------------------------------------------
def _team(report: FitnessReport, lang: str) -> str:
    return label("fitness.organisation", lang) if report.team in (None, ORGANISATION) else report.team


def _level(level, lang: str) -> str:
    return label(f"fitness.level.{level}", lang) if isinstance(level, str) and level else "–"


def _hidden_notice(report: FitnessReport, lang: str) -> str:
    count = int(report.latest["respondents"]) if report.latest else 0
    return label("fitness.hidden", lang).format(count=count, needed=report.min_respondents)


def _latest_interviews(report: FitnessReport) -> dict | None:
    table = report.interviews
    if table.empty:
        return None
    if report.latest is not None:
        same = table[table["round"] == report.latest["round"]]
        if not same.empty:
            return same.iloc[-1].to_dict()
    return table.iloc[-1].to_dict()


def _one_decimal(value: float, *, up: bool = False) -> float:
    """Cut to one decimal, not rounded, so a score shown as 3.5 has reached GOOD's bar and a gap of 0.1 is one."""
    nudge = 1e-9 if not up else -1e-9  # 3.4999999999 is 3.5 computed in floating point
    return (math.ceil if up else math.floor)(value * 10 + nudge * 10) / 10


def _score_text(value, lang: str) -> str:
    return "–" if value is None or math.isnan(value) else number_text(_one_decimal(value), lang)


def _md_cell(text: str) -> str:
    """Our own text escaped for Markdown; a leading + (of an NPS) needs no escaping in a cell or after a label."""
    return "+" + md_escape(text[1:]) if text.startswith("+") else md_escape(text)


def _nps_text(row: dict | None, lang: str) -> str:
    if row is None or row.get("nps") is None or math.isnan(float(row["nps"])):
        return "–"
    score = float(row["nps"])
    text = ("+" if round(score) > 0 else "") + number_text(score, lang, 0).replace("-", "−")
    return label("fitness.report.nps_value", lang).format(score=text, count=int(row["recommend_answers"]))


def fitness_facts(report: FitnessReport, lang: str = "en") -> list[tuple[str, str]]:
    """(what, value) pairs of a report's summary: round, level, target, gap, weakest area, scores, NPS.

    Hidden values are ``–``; the notice saying why is :func:`fitness_summary`'s and the Markdown's.

    Examples
    --------
    >>> import pandas as pd
    >>> from servicepath.analysis.fitness import fitness_report, FITNESS_ANSWER_COLUMNS
    >>> fitness_facts(fitness_report(pd.DataFrame(columns=FITNESS_ANSWER_COLUMNS)), "fi")
    [('Suositteluindeksi (NPS)', '–')]
    """
    latest = report.latest
    nps = (label("fitness.nps", lang), _nps_text(_latest_interviews(report), lang))
    if latest is None:
        return [nps]
    shown = report.shown
    gap = latest["gap"]
    gap_text = ("–" if not shown else label("fitness.report.reached", lang) if gap <= 1e-9
                else number_text(_one_decimal(gap, up=True), lang))
    facts = [
        (label("fitness.report.round", lang),
         label("fitness.report.round_value", lang).format(round=latest["round"], opened=latest["opened"])),
        (label("fitness.report.respondents", lang), str(int(latest["respondents"]))),
        (label("fitness.report.level", lang), _level(latest["level"] if shown else None, lang)),
        (label("fitness.report.target", lang), _level(latest["target"], lang)),
        (label("fitness.report.gap", lang), gap_text),
        (label("fitness.report.weakest", lang),
         label(f"fitness.area.{latest['weakest']}", lang) if shown else "–"),
    ]
    facts += [(label(f"fitness.area.{area}", lang), _score_text(latest[area] if shown else None, lang))
              for area in FITNESS_AREAS]
    return [*facts, nps]


def fitness_summary(report: FitnessReport, lang: str = "en") -> str:
    """The report as plain text for a terminal: title, facts, privacy notice and actions.

    Examples
    --------
    >>> import pandas as pd
    >>> from servicepath.analysis.fitness import fitness_report, FITNESS_ANSWER_COLUMNS
    >>> print(fitness_summary(fitness_report(pd.DataFrame(columns=FITNESS_ANSWER_COLUMNS)), "en"))
    Customer fitness: All teams
    Nobody has answered yet.
    Net Promoter Score (NPS): –
    """
    lines = [label("fitness.report.title", lang).format(team=_team(report, lang))]
    if report.latest is None:
        lines.append(label("fitness.report.no_answers", lang))
    facts = fitness_facts(report, lang)
    width = max(len(what) for what, _ in facts)
    lines += [f"{what + ':':<{width + 1}} {value}" for what, value in facts]
    if report.latest is not None and not report.shown:
        lines.append(_hidden_notice(report, lang))
    if report.withheld:
        lines.append(label("fitness.withheld", lang).format(count=report.withheld))
    actions = development_actions(report.latest if report.shown else {}, lang)
    if not actions.empty:
        lines += ["", label("fitness.report.actions", lang) + ":"]
        lines += [f"- {label(f'fitness.way.{a.way}', lang)}: {a.text}" for a in actions.itertuples()]
    return "\n".join(lines)


def fitness_markdown(report: FitnessReport, lang: str = "en", *, pictures=()) -> str:
    """The report in Markdown: summary, privacy notice, pictures, trend, actions and customer interviews.

    ``pictures`` names the picture files written beside it (``fitness-radar.png``, ``fitness-trend.png``).

    Examples
    --------
    >>> import pandas as pd
    >>> from servicepath.analysis.fitness import fitness_report, FITNESS_ANSWER_COLUMNS
    >>> fitness_markdown(fitness_report(pd.DataFrame(columns=FITNESS_ANSWER_COLUMNS)), "fi").splitlines()[0]
    '# Asiakaskunto: Kaikki tiimit'
    """
    check_lang(lang)
    parts = [f"# {md_escape(label('fitness.report.title', lang).format(team=_team(report, lang)))}"]
    if report.latest is None:
        parts.append(label("fitness.report.no_answers", lang))
    facts = [[md_escape(what), _md_cell(value)] for what, value in fitness_facts(report, lang)]
    parts += [f"## {label('fitness.report.summary', lang)}",
              md_table([label("report.measure", lang), label("report.value", lang)], facts)]
    if report.latest is not None and not report.shown:
        parts += [f"**{md_escape(_hidden_notice(report, lang))}**", label("fitness.report.no_radar", lang)]
    if report.withheld:
        parts.append(md_escape(label("fitness.withheld", lang).format(count=report.withheld)))
    if RADAR in pictures:
        parts.append(f"![{md_escape(label('fitness.report.radar', lang))}]({RADAR})")
    if len(report.results):
        parts += [f"## {label('fitness.report.trend', lang)}", _trend_table(report, lang)]
        if TREND in pictures:
            parts.append(f"![{md_escape(label('fitness.report.trend_picture', lang))}]({TREND})")
    parts += [f"## {label('fitness.report.actions', lang)}", _actions(report, lang)]
    interviews = _latest_interviews(report)
    if interviews is not None:
        parts += [f"## {md_escape(label('fitness.report.interviews', lang).format(round=interviews['round']))}",
                  _interviews(interviews, lang)]
    return "\n\n".join(parts) + "\n"


def _trend_table(report: FitnessReport, lang: str) -> str:
    header = [label("fitness.report.round", lang), label("fitness.report.respondents", lang),
              *(label(f"fitness.area.{a}", lang) for a in FITNESS_AREAS), label("fitness.report.level", lang)]
    rows = [[md_escape(r["round"]), str(int(r["respondents"])),
             *(_score_text(r[a] if r["shown"] else None, lang) for a in FITNESS_AREAS),
             md_escape(_level(r["level"] if r["shown"] else None, lang))]
            for r in report.results.to_dict("records")]
    return md_table(header, rows, numeric={1, 2, 3, 4})


def _actions(report: FitnessReport, lang: str) -> str:
    actions = development_actions(report.latest if report.shown else {}, lang)
    if actions.empty:
        return label("fitness.report.no_actions", lang)
    return "\n".join(f"- **{md_escape(label(f'fitness.way.{a.way}', lang))}:** {md_escape(a.text)}"
                     for a in actions.itertuples())


def _interviews(row: dict, lang: str) -> str:
    lines = [f"- {label('fitness.report.interview_count', lang)}: {int(row['interviews'])}"]
    for question in ("got", "again"):
        shares = ", ".join(f"{label(f'fitness.answer.{a}', lang)} {percent_text(row[f'{question}_{a}'], lang)}"
                           for a in INTERVIEW_ANSWERS)
        lines.append(f"- {md_escape(label(f'fitness.question.{question}', lang))} {shares}")
    lines.append(f"- {md_escape(label('fitness.nps', lang))}: {_md_cell(_nps_text(row, lang))}")
    return "\n".join(lines)


# -- pictures ----------------------------------------------------------------------------------
def _radar(report: FitnessReport, lang: str):
    from ..figures.fitness import fitness_radar

    latest, team = report.latest, _team(report, lang)
    series = {f"{team} · {latest['round']}": {a: latest[a] for a in FITNESS_AREAS}}
    earlier = report.results[report.results["shown"].astype(bool)].iloc[:-1]
    if len(earlier):  # the previous shown round, to see the change
        previous = earlier.iloc[-1]
        series[f"{team} · {previous['round']}"] = {a: previous[a] for a in FITNESS_AREAS}
    target = latest["target"]
    if target in LEVEL_BARS:
        name = label("fitness.target", lang).format(level=label(f"fitness.level.{target}", lang))
        series[name] = dict.fromkeys(FITNESS_AREAS, LEVEL_BARS[target])
    return fitness_radar(series, lang=lang)


def _trend(report: FitnessReport, lang: str):
    from ..figures.fitness import fitness_trend_chart

    return fitness_trend_chart(report.results, lang=lang, min_respondents=report.min_respondents)
