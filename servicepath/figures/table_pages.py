"""Tables drawn as pages, for the PDF report: wrapped cells, repeated headers, as many pages as needed."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from . import style

__all__ = ["table_pages", "PAGE_SIZE"]

#: A4 landscape, inches.
PAGE_SIZE = (11.69, 8.27)
_MARGIN = 0.6
_LINE_IN = 0.16  # one line of SIZES["label"] text with spacing
_CHAR_IN = 0.062  # average width of a character at SIZES["label"]


def table_pages(table: pd.DataFrame, *, title: str, subtitle: str = "", widths: Sequence[float] | None = None,
                max_lines: int = 3) -> list:
    """Draw ``table`` on A4-landscape pages; return one Figure per page.

    Parameters
    ----------
    table : DataFrame
        Its column names are the headers; cells are shown as text (NaN and None as empty).
    title, subtitle : str
        Printed on every page; pages after the first say which page they are.
    widths : sequence of float, optional
        Relative column widths (default: equal).
    max_lines : int
        Lines a cell may wrap to before it is cut with "…".

    Examples
    --------
    >>> import pandas as pd
    >>> pages = table_pages(pd.DataFrame({"n": range(80)}), title="Numbers")
    >>> len(pages) > 1
    True
    """
    widths = list(widths or [1] * len(table.columns))
    usable = PAGE_SIZE[0] - 2 * _MARGIN
    inches = [usable * w / sum(widths) for w in widths]
    chars = [max(3, int(w / _CHAR_IN) - 1) for w in inches]
    rows = [[_cell_lines(value, n, max_lines) for value, n in zip(row, chars, strict=True)]
            for row in table.itertuples(index=False)]
    header = [_header_lines(str(c), n) for c, n in zip(table.columns, chars, strict=True)]
    pages, page = [], []
    room = PAGE_SIZE[1] - 2 * _MARGIN - 0.9 - _height(header)
    used = 0.0
    for row in rows:
        if page and used + _height(row) > room:
            pages.append(page)
            page, used = [], 0.0
        page.append(row)
        used += _height(row)
    pages.append(page)
    with style.styled():
        return [_page(header, body, inches, title, subtitle, i, len(pages)) for i, body in enumerate(pages, start=1)]


def _cell_lines(value, width: int, max_lines: int) -> list[str]:
    if value is None or (isinstance(value, float) and value != value):
        return [""]
    if isinstance(value, float):
        value = f"{value:.2f}".rstrip("0").rstrip(".")
    return style.wrap(str(value), width, max_lines) or [""]


def _header_lines(text: str, width: int) -> list[str]:
    """A header wraps between words only: "Tavoittavuus" is never cut into "Tavoittavuu" and "s"."""
    longest = max((len(word) for word in text.split()), default=0)
    return style.wrap(text, max(width, longest), 2) or [""]


def _height(row) -> float:
    return _LINE_IN * max(len(cell) for cell in row) + 0.1


def _page(header, body, inches, title, subtitle, number, count):
    fig = style.new_figure(*PAGE_SIZE)
    width, height = PAGE_SIZE
    top = height - _MARGIN
    heading = title if number == 1 else f"{title} ({number}/{count})"
    fig.text(_MARGIN / width, top / height, heading, fontsize=style.SIZES["title"], fontweight="bold", va="top",
             parse_math=False,
             gid="page-title")
    if subtitle:
        fig.text(_MARGIN / width, (top - 0.38) / height, subtitle, fontsize=style.SIZES["subtitle"], parse_math=False,
                 color=style.MUTED, va="top")
    y = top - 0.9
    y = _row(fig, header, inches, y, bold=True)
    fig.add_artist(_rule(fig, y + 0.05, style.INK))
    for row in body:
        y = _row(fig, row, inches, y)
        fig.add_artist(_rule(fig, y + 0.05, style.GRID))
    return fig


def _row(fig, cells, inches, y, *, bold=False) -> float:
    width, height = fig.get_size_inches()
    x = _MARGIN
    for lines, w in zip(cells, inches, strict=True):
        # One text per line, each on its baseline: cells of a row line up whatever letters they start
        # with, and a wrapped cell grows downwards (matplotlib puts a multi-line text's last line there).
        for i, line in enumerate(lines):
            fig.text(x / width, (y - 0.11 - i * _LINE_IN) / height, line, fontsize=style.SIZES["label"],
                     parse_math=False, va="baseline", ha="left", fontweight="bold" if bold else "normal")
        x += w
    return y - _height(cells)


def _rule(fig, y, colour):
    from matplotlib.lines import Line2D

    width, height = fig.get_size_inches()
    return Line2D([_MARGIN / width, 1 - _MARGIN / width], [y / height, y / height], transform=fig.transFigure,
                  color=colour, lw=0.6)
