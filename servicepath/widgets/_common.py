"""Small helpers the scoring and pain-point widgets share: touchpoint pickers and HTML tables."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import ipywidgets as w

from ..model import Journey, Text

__all__ = ["touchpoint_options", "set_options", "html_table", "escape", "Markup", "touchpoint_name"]


def escape(value) -> str:
    """Text for HTML: escaped, ``None`` as empty."""
    return html.escape("" if value is None else str(value))


def touchpoint_options(journey: Journey, lang: str, ids: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """``(name in lang, id)`` for a dropdown, in map order; a name two touchpoints share gets its id too.

    Examples
    --------
    >>> import servicepath as sp
    >>> touchpoint_options(sp.load_sample("webshop"), "en", ["pay", "search"])
    [('Searching for a product', 'search'), ('Payment', 'pay')]
    """
    order = journey.touchpoints["id"].tolist()
    if ids is not None:
        wanted = set(ids)
        order = [tp for tp in order if tp in wanted]
    nodes = journey.graph.nodes
    names = {tp: Text(nodes[tp].get("name_fi"), nodes[tp].get("name_en")).get(lang) or tp for tp in order}
    counts: dict[str, int] = {}
    for name in names.values():
        counts[name] = counts.get(name, 0) + 1
    return [(names[tp] if counts[names[tp]] == 1 else f"{names[tp]} · {tp}", tp) for tp in order]


def touchpoint_name(journey: Journey, touchpoint: str, lang: str) -> str:
    """A touchpoint's name in ``lang`` (or the other language, or its id)."""
    attrs = journey.graph.nodes[touchpoint]
    return Text(attrs.get("name_fi"), attrs.get("name_en")).get(lang) or touchpoint


def set_options(widget: w.ValueWidget, options: Sequence, keep) -> None:
    """Give a selection widget new options, keeping the value ``keep`` where it is still there.

    Changing options resets a selection to its first item; the caller guards
    its own value observer while this runs.

    Examples
    --------
    >>> menu = w.Dropdown(options=[("Kassa", "pay"), ("Haku", "search")], value="search")
    >>> set_options(menu, [("Checkout", "pay"), ("Search", "search")], "search")
    >>> menu.label, menu.value
    ('Search', 'search')
    """
    options = list(options)
    if list(widget.options) != options:
        widget.options = options
    values = [o[1] if isinstance(o, tuple) else o for o in options]
    if keep in values:
        widget.value = keep
    elif values:
        widget.value = values[0]


def html_table(header: Sequence[str], rows: Iterable[Sequence], *, marks: Sequence[str] | None = None,
               caption: str = "") -> str:
    """A small HTML table; cells are escaped unless given as ``Markup``.

    ``marks`` gives a CSS background per row ("" for none), e.g. to flag the
    rows where raters disagree.

    Examples
    --------
    >>> html = html_table(["Rater", "R"], [["Aino", 1], ["<b>Eero</b>", Markup("<b>4</b>")]])
    >>> "&lt;b&gt;Eero&lt;/b&gt;" in html and "<b>4</b>" in html
    True
    """
    rows = list(rows)
    marks = list(marks) if marks is not None else [""] * len(rows)
    cell = "padding:2px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top"
    out = ['<table style="border-collapse:collapse;font-size:90%">']
    if caption:
        out.append(f'<caption style="text-align:left;font-weight:bold">{escape(caption)}</caption>')
    out.append("<tr>" + "".join(f'<th style="{cell}">{escape(h)}</th>' for h in header) + "</tr>")
    for row, mark in zip(rows, marks, strict=True):
        style = f' style="background:{mark}"' if mark else ""
        cells = "".join(f'<td style="{cell}">{v if isinstance(v, Markup) else escape(v)}</td>' for v in row)
        out.append(f"<tr{style}>{cells}</tr>")
    out.append("</table>")
    return "".join(out)


class Markup(str):
    """Text that is already HTML (goes into :func:`html_table` as it is)."""
