"""A standalone HTML report: one file with pictures inside, readable offline in any browser.

Every text that came from users goes through :func:`html.escape`, pictures are
``data:`` URIs, and a Content-Security-Policy forbids the page to load or run
anything, so a report can be mailed to a client as it is.
"""

from __future__ import annotations

import base64
import html
import os
import re
from pathlib import Path

import pandas as pd

from ..figures import style
from ..figures.journey_map import map_pain_numbers
from ..i18n import label
from ..io.atomic import atomic_write
from ..model import Journey
from .drawings import Drawings
from .names import output_path
from .report_tables import REPORT_TABLES, report_tables, summary_facts

__all__ = ["html_report", "export_html", "CSP"]

#: Nothing may be fetched or run: images only from the page itself, styles only inline.
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

_CSS = """
body{font-family:"DejaVu Sans",Verdana,sans-serif;color:#222;margin:2rem auto;max-width:72rem;padding:0 1rem;
line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #ccc}
.persona{color:#555;max-width:50rem}.facts{display:flex;gap:2rem;flex-wrap:wrap;padding:0;list-style:none}
.facts li{background:#f3f5f7;padding:.5rem .9rem;border-radius:.3rem}.facts b{display:block;font-size:1.3rem}
figure{margin:1rem 0;overflow-x:auto}figure img{max-width:none;height:auto}figure.fit img{max-width:100%}
figcaption{color:#555;font-size:.9rem}table{border-collapse:collapse;font-size:.88rem;margin:.5rem 0}
th,td{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f3f5f7}td.num{text-align:right;font-variant-numeric:tabular-nums}
ol.pains li{margin:.2rem 0}footer{margin-top:3rem;color:#777;font-size:.8rem}
"""


def html_report(journey: Journey, *, lang: str = "en", pictures: str = "png", drawings: Drawings | None = None) -> str:
    """The report as one HTML document (a string).

    Parameters
    ----------
    lang : {"en", "fi"}
    pictures : {"png", "svg"}
        How pictures are embedded: PNG (smaller for big maps) or SVG (sharp at any zoom).
    drawings : Drawings, optional
        Pictures already drawn for this journey and language (an export bundle shares them).

    Examples
    --------
    >>> import servicepath as sp
    >>> page = html_report(sp.load_sample("webshop"), lang="fi")
    >>> page.startswith("<!DOCTYPE html>"), '<html lang="fi">' in page, "http://" in page or "https://" in page
    (True, True, False)
    """
    style.check_lang(lang)
    drawings = drawings or Drawings(journey, lang)
    tables = report_tables(journey, lang)
    title = journey.title.get(lang) or label("map.untitled", lang)
    parts = [_head(title, lang), _header(journey, title, lang)]
    parts += _section("map", lang, _figure(drawings, "map", pictures, title, fit=False), _pain_list(journey, lang))
    parts += _section("emotion", lang, _figure(drawings, "emotion", pictures, title))
    parts += _section("heatmap", lang, _figure(drawings, "heatmap", pictures, title))
    for key in REPORT_TABLES:
        parts += _section(key, lang, _table(tables[key], lang))
        if key == "plan":
            parts.append(_figure(drawings, "priority", pictures, title))
    parts.append(f"<footer>{_e(label('report.generated', lang))}</footer>\n</body>\n</html>\n")
    return "".join(parts)


def export_html(journey: Journey, path: str | os.PathLike, *, lang: str = "en", pictures: str = "png",
                force: bool = False) -> Path:
    """Write :func:`html_report` to ``path`` (an ``.html`` file or a folder); return the path written."""
    target = output_path(path, suffix=".html", title=f"{journey.title.get(lang) or 'journey'}-report", force=force)
    text = html_report(journey, lang=lang, pictures=pictures)
    return atomic_write(target, lambda f: f.write(text.encode("utf-8")))


def _e(text) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _head(title: str, lang: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n")


def _header(journey: Journey, title: str, lang: str) -> str:
    persona = journey.persona.get(lang)
    facts = "".join(f"<li><b>{_e(value)}</b>{_e(what)}</li>" for what, value in summary_facts(journey, lang))
    intro = f'<p class="persona">{_e(label("word.persona", lang))}: {_e(persona)}</p>' if persona else ""
    return f"<header>\n<h1>{_e(title)}</h1>\n{intro}\n<ul class=\"facts\">{facts}</ul>\n</header>\n"


def _section(key: str, lang: str, *body: str) -> list[str]:
    return [f'<section id="{_e(key)}">\n<h2>{_e(label(f"report.section.{key}", lang))}</h2>\n', *body,
            "</section>\n"]


def _figure(drawings: Drawings, name: str, kind: str, title: str, *, fit: bool = True) -> str:
    figure, data = drawings.figure(name), drawings.encoded(name, kind)
    mime = "image/svg+xml" if kind == "svg" else "image/png"
    source = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    width = int(figure.get_figwidth() * 96)  # CSS pixels, so the map keeps its size and scrolls sideways
    return (f'<figure class="{"fit" if fit else "wide"}"><img src="{source}" width="{width}" '
            f'alt="{_e(title)}"></figure>\n')


def _pain_list(journey: Journey, lang: str) -> str:
    numbers = map_pain_numbers(journey)
    if numbers.empty:
        return ""
    other = "en" if lang == "fi" else "fi"
    items = "".join(f"<li value=\"{row['number']}\">{_e(row[f'text_{lang}'] or row[f'text_{other}'])}</li>"
                    for _, row in numbers.iterrows())
    return f'<ol class="pains">{items}</ol>\n'


def _table(table: pd.DataFrame, lang: str) -> str:
    if table.empty:
        return f"<p>{_e(label('report.empty', lang))}</p>\n"
    head = "".join(f"<th>{_e(c)}</th>" for c in table.columns)
    rows = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>\n" for row in table.itertuples(index=False))
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n"


_NUMBER = re.compile(r"^[−+-]?\d[\d  ,.]*( ?%)?$")


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "<td></td>"
    if isinstance(value, str) and _NUMBER.match(value):  # numbers written for people still align right
        return f'<td class="num">{_e(value)}</td>'

    if isinstance(value, bool):
        return f"<td>{'✓' if value else ''}</td>"
    if isinstance(value, int | float):
        text = f"{value:.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
        return f'<td class="num">{_e(text)}</td>'
    return f"<td>{_e(value)}</td>"
