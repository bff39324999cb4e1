"""Printed workshop materials for a kit: agenda, blank journey canvas, scoring sheets and a cheat sheet.

Four A4 PDFs for groups that prefer paper and for the facilitator's pocket:

* ``<kit>-agenda.pdf`` — goal, duration, group size, the timed agenda and the roles;
* ``<kit>-canvas.pdf`` — a blank service blueprint (stages × the five lanes, the three
  lines labelled) with an emotion band −3…+3, one landscape page per group;
* ``<kit>-scoring.pdf`` — one sheet per group: touchpoints × A R V O with 0–4 boxes
  for A.R.V.O. kits; the 18 self-assessment statements (1–5) and the three customer
  questions for a kit that uses the customer-fitness notebook; the ten aftercare
  practices and five recovery steps as a checklist for a kit that uses the aftercare
  notebook (see :func:`sheet_kind`);
* ``<kit>-cheatsheet.pdf`` — one page: timings, questions to ask, the key ideas.

Pages are drawn on bare matplotlib figures with real (TrueType) text, so the PDFs
are searchable; no text is ever read as mathtext.
"""

from __future__ import annotations

import functools
import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..analysis.library import AFTERCARE_PRACTICES, RECOVERY_STEPS
from ..figures import style
from ..i18n import LABELS, label
from ..io.atomic import atomic_write_many
from ..io.kits import kit_journey
from ..model import FITNESS_AREAS, FITNESS_ITEMS, LANES, PRINCIPLES, Journey
from ..model.kit import EMPTY_JOURNEY, Kit
from .names import target_path

__all__ = ["print_kit", "kit_pdfs", "sheet_kind", "PRINT_KINDS", "SHEET_KINDS"]

#: The four printed materials, in the order :func:`print_kit` returns them.
PRINT_KINDS = ("agenda", "canvas", "scoring", "cheatsheet")
#: The kinds of scoring sheet (see :func:`sheet_kind`).
SHEET_KINDS = ("arvo", "fitness", "aftercare")
MAX_GROUPS = 50

_A4 = (8.27, 11.69)  # inches, portrait
_A4_LANDSCAPE = (11.69, 8.27)
_MARGIN = 40.0  # points
_LINE = 1.3  # line height as a multiple of the font size
_EMPTY_STAGES = 6
_EMPTY_TOUCHPOINT_ROWS = 16
_INTERVIEW = ("got", "again", "recommend")


def sheet_kind(kit: Kit) -> str:
    """Which scoring sheet a kit gets, from the notebooks its agenda uses.

    ``"fitness"`` if a step uses ``07_customer_fitness``, ``"aftercare"`` if one
    uses ``04_aftercare_checkup``, else ``"arvo"`` (touchpoints × A R V O).

    Examples
    --------
    >>> from servicepath.io.kits import find_kit
    >>> sheet_kind(find_kit("payment-moment")), sheet_kind(find_kit("customer-fitness"))
    ('arvo', 'fitness')
    """
    notebooks = kit.notebooks()
    if any("customer_fitness" in n for n in notebooks):
        return "fitness"
    if any("aftercare" in n for n in notebooks):
        return "aftercare"
    return "arvo"


def print_kit(kit: Kit, folder: str | os.PathLike, *, lang: str = "fi", groups: int = 4,
              force: bool = False) -> list[Path]:
    """Write the kit's four PDFs into ``folder``; return their paths.

    Parameters
    ----------
    kit : Kit
        E.g. from :func:`servicepath.io.kits.find_kit`.
    folder : path-like
        Where to write; made if it does not exist.
    lang : {"fi", "en"}
        The language of every text.
    groups : int
        How many groups get a canvas and a scoring sheet (one page each, 1…50).
    force : bool
        Replace PDFs that exist. Without it nothing is written if any of the
        four exists.

    Raises
    ------
    SaveError
        If a file exists (without ``force``) or cannot be written; either all
        four files are written or none is.

    Examples
    --------
    >>> import tempfile
    >>> from servicepath.io.kits import find_kit
    >>> paths = print_kit(find_kit("payment-moment"), tempfile.mkdtemp(), lang="en", groups=2)
    >>> [p.name for p in paths]  # doctest: +NORMALIZE_WHITESPACE
    ['payment-moment-agenda.pdf', 'payment-moment-canvas.pdf', 'payment-moment-scoring.pdf',
     'payment-moment-cheatsheet.pdf']
    """
    style.check_lang(lang)
    _check_groups(groups)
    targets = {kind: target_path(folder, f"{kit.id}-{kind}.pdf", force=force) for kind in PRINT_KINDS}
    data = kit_pdfs(kit, lang=lang, groups=groups)
    atomic_write_many({targets[kind]: _writer(data[kind]) for kind in PRINT_KINDS})
    return [targets[kind] for kind in PRINT_KINDS]


def kit_pdfs(kit: Kit, *, lang: str = "fi", groups: int = 4) -> dict[str, bytes]:
    """The bytes of the four PDFs, by kind (``agenda``, ``canvas``, ``scoring``, ``cheatsheet``).

    Examples
    --------
    >>> from servicepath.io.kits import find_kit
    >>> pdfs = kit_pdfs(find_kit("customer-fitness"), lang="en", groups=1)
    >>> list(pdfs), pdfs["agenda"][:5]
    (['agenda', 'canvas', 'scoring', 'cheatsheet'], b'%PDF-')
    """
    style.check_lang(lang)
    _check_groups(groups)
    journey = kit_journey(kit) if kit.journey != EMPTY_JOURNEY else None
    title = kit.title.get(lang)
    with style.styled():
        pages = {
            "agenda": _agenda_pages(kit, lang, journey),
            "canvas": [_canvas_page(kit, lang, journey, g) for g in range(1, groups + 1)],
            "scoring": [page for g in range(1, groups + 1) for page in _scoring_pages(kit, lang, journey, g)],
            "cheatsheet": _cheatsheet_pages(kit, lang),
        }
        return _pdfs(pages, {kind: f"{title} · {label(f'print.{kind}.title', lang)}" for kind in pages})


def _check_groups(groups) -> None:
    from ..errors import ServicepathError

    if isinstance(groups, bool) or not isinstance(groups, int) or not 1 <= groups <= MAX_GROUPS:
        raise ServicepathError(f"groups: {groups!r} is not a number of groups; give 1…{MAX_GROUPS}")


def _writer(data: bytes):
    return lambda file: file.write(data)


def _pdfs(figures: dict[str, list], titles: dict[str, str]) -> dict[str, bytes]:
    """Each list of figures as one PDF, by kind.

    All pages are drawn into one PDF first and then split: embedding a font
    (cutting DejaVu Sans down to the letters used) is most of the time it takes
    to write these sheets, and this way each weight is embedded once, not once
    per file.
    """
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages
    from pypdf import PdfReader, PdfWriter

    buffer = io.BytesIO()
    # matplotlib sizes its font subsets by ps.fonttype: at the default (3) every character past U+00FF
    # ("–", "…", "→") starts another embedded copy of the font; with 42 each weight is embedded once,
    # as TrueType (pdf.fonttype is 42 in every servicepath picture).
    with matplotlib.rc_context({"ps.fonttype": 42}), PdfPages(buffer, metadata={"CreationDate": None}) as pdf:
        for kind in figures:
            for figure in figures[kind]:
                pdf.savefig(figure)
    reader = PdfReader(buffer)
    result, first = {}, 0
    for kind, pages in figures.items():
        writer = PdfWriter()
        for page in reader.pages[first:first + len(pages)]:
            writer.add_page(page)
        first += len(pages)
        writer.add_metadata({"/Creator": "servicepath", "/Title": titles[kind]})
        out = io.BytesIO()
        writer.write(out)
        result[kind] = out.getvalue()
    return result


# -- a page: drawing in points from the top-left corner ------------------------------------------
@functools.cache
def _no_ligatures() -> dict:
    """Text options that turn ligatures off, where matplotlib shapes text (3.11 and later).

    A ligature ("fi") is embedded as one more copy of the font, which made writing slow, and
    PDF readers search and copy plain letters more reliably.
    """
    from matplotlib.text import Text

    return {"fontfeatures": ("-liga",)} if hasattr(Text, "set_fontfeatures") else {}


class _Page:
    """One sheet; positions are in points, ``y`` growing downwards from the top edge.

    Rules and boxes are collected and drawn as two collections by :meth:`done`:
    a scoring sheet has hundreds of boxes, and one artist each made printing slow.
    """

    def __init__(self, size: tuple[float, float]):
        self.fig = style.new_figure(*size)
        self.width, self.height = size[0] * 72, size[1] * 72
        self.content_top = 0.0
        self._rules: list[tuple] = []
        self._boxes: list[tuple] = []

    def text(self, x: float, y: float, text: str, size: float, *, bold: bool = False, colour: str = style.INK,
             ha: str = "left", va: str = "baseline") -> None:
        if text:
            self.fig.text(x / self.width, 1 - y / self.height, text, fontsize=size, color=colour, ha=ha, va=va,
                          fontweight="bold" if bold else "normal", parse_math=False, **_no_ligatures())

    def lines(self, x: float, y: float, lines: list[str], size: float, **kwargs) -> float:
        """Draw ``lines`` with their first baseline at ``y``; return the baseline of the line after them."""
        for i, line in enumerate(lines):
            self.text(x, y + i * size * _LINE, line, size, **kwargs)
        return y + len(lines) * size * _LINE

    def rule(self, x0: float, y0: float, x1: float, y1: float, *, colour: str = style.GRID, width: float = 0.6,
             dashed: bool = False) -> None:
        self._rules.append((((x0, self.height - y0), (x1, self.height - y1)), colour, width,
                            (0, (4, 3)) if dashed else "solid"))

    def box(self, x: float, y: float, w: float, h: float, *, fill: str = "none", edge: str = style.GRID,
            width: float = 0.6) -> None:
        self._boxes.append(((x, self.height - y - h, w, h), fill, edge, width))

    def done(self):
        """Add the collected boxes (below) and rules (above) to the figure and return it."""
        from matplotlib.collections import LineCollection, PatchCollection
        from matplotlib.patches import Rectangle
        from matplotlib.transforms import Affine2D

        points = Affine2D().scale(1 / self.width, 1 / self.height) + self.fig.transFigure
        if self._boxes:
            patches = [Rectangle((x, y), w, h) for (x, y, w, h), *_ in self._boxes]
            self.fig.add_artist(PatchCollection(
                patches, transform=points, facecolors=[b[1] for b in self._boxes],
                edgecolors=[b[2] if b[2] != "none" else (0, 0, 0, 0) for b in self._boxes],
                linewidths=[b[3] for b in self._boxes], zorder=0))
        if self._rules:
            self.fig.add_artist(LineCollection(
                [r[0] for r in self._rules], transform=points, colors=[r[1] for r in self._rules],
                linewidths=[r[2] for r in self._rules], linestyles=[r[3] for r in self._rules], zorder=1))
        return self.fig


def _width(text: str, size: float, bold: bool = False) -> float:
    """The printed width of ``text`` in points.

    Measured at ten times the size: at the size itself the screen renderer
    rounds every letter up to whole pixels, which made long lines about a
    seventh wider than they print.
    """
    return style.text_width(text, size * 10, bold) / 10


def _fit_sizes(text: str, width: float, sizes: tuple[float, ...], max_lines: int, *,
               bold: bool = False) -> tuple[list[str], float]:
    """Lines and size for ``text``: the first of ``sizes`` at which it fits without breaking a word or cutting."""
    words = text.split()
    for size in sizes:
        lines = _fit(text, width, size, max_lines, bold=bold)
        whole = all(_width(w, size, bold) <= width * 0.98 for w in words)
        if whole and not lines[-1].endswith("…") or size == sizes[-1]:
            return lines, size
    return lines, sizes[-1]


def _fit(text: str, width: float, size: float, max_lines: int = 6, *, bold: bool = False) -> list[str]:
    """Wrap ``text`` into lines at most ``width`` points wide (measured), cut with "…" after ``max_lines``.

    Greedy, word by word, each word measured once (and cached): the sheets
    wrap hundreds of texts, and trying every line length was the slow part.
    A word wider than a line is broken.
    """
    width *= 0.98  # words are measured one by one; kerning across them may add a little
    space = _width("n n", size, bold) - _width("nn", size, bold)
    lines: list[str] = []
    current, used = "", 0.0
    for word in text.split():
        for part in _word_parts(word, width, size, bold):
            part_width = _width(part, size, bold)
            if current and used + space + part_width <= width:
                current, used = f"{current} {part}", used + space + part_width
            else:
                if current:
                    lines.append(current)
                current, used = part, part_width
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and _width(last + "…", size, bold) > width:
            last = last[:-1].rstrip()
        lines[-1] = last + "…"
    return lines or [""]


def _word_parts(word: str, width: float, size: float, bold: bool) -> list[str]:
    """``word`` in pieces that each fit ``width`` (one piece when it fits as it is)."""
    parts = []
    while _width(word, size, bold) > width and len(word) > 1:
        cut = len(word) - 1
        while cut > 1 and _width(word[:cut], size, bold) > width:
            cut -= 1
        parts.append(word[:cut])
        word = word[cut:]
    return [*parts, word]


def _lines_height(count: int, size: float) -> float:
    return count * size * _LINE


# -- pages that flow: blocks of known height, broken over pages ----------------------------------
@dataclass
class _Block:
    height: float
    draw: Callable[[_Page, float], None]
    header: _Block | None = None  # drawn first when this block starts a page (a table's header row)
    keep_with_next: bool = False  # a heading is never the last thing on a page


def _flow(blocks: list[_Block], new_page: Callable[[int], tuple[_Page, float]], bottom: float) -> list:
    """Place ``blocks`` top to bottom, starting a new page when one does not fit; return the figures."""
    pages, (page, y) = [], new_page(1)
    pages.append(page)
    for i, block in enumerate(blocks):
        needed = block.height
        if block.keep_with_next and i + 1 < len(blocks):
            needed += blocks[i + 1].height
        if y + needed > bottom and y > _top_of(page):
            page, y = new_page(len(pages) + 1)
            pages.append(page)
            if block.header is not None:
                block.header.draw(page, y)
                y += block.header.height
        block.draw(page, y)
        y += block.height
    return [p.done() for p in pages]


def _top_of(page: _Page) -> float:
    return page.content_top


def _gap(points: float) -> _Block:
    return _Block(points, lambda page, y: None)


def _heading(text: str, width: float) -> _Block:
    size = style.SIZES["heading"]
    lines = _fit(text, width, size, 2, bold=True)
    return _Block(_lines_height(len(lines), size) + 3,
                  lambda page, y: page.lines(_MARGIN, y + size, lines, size, bold=True), keep_with_next=True)


def _paragraph(text: str, width: float, size: float, *, x: float = _MARGIN, colour: str = style.INK,
               bullet: bool = False) -> _Block:
    indent = 10.0 if bullet else 0.0
    lines = _fit(text, width - indent, size, 12)

    def draw(page, y):
        if bullet:
            page.text(x, y + size, "•", size, colour=colour)
        page.lines(x + indent, y + size, lines, size, colour=colour)

    return _Block(_lines_height(len(lines), size) + 2, draw)


def _term(term: str, text: str, width: float, size: float, *, term_width: float = 110.0) -> _Block:
    """A term in bold on the left (a role's name) and what it means beside it."""
    term_lines = _fit(term, term_width - 8, size, 3, bold=True)
    text_lines = _fit(text, width - term_width, size, 8)
    height = _lines_height(max(len(term_lines), len(text_lines)), size) + 2

    def draw(page, y):
        page.lines(_MARGIN, y + size, term_lines, size, bold=True)
        page.lines(_MARGIN + term_width, y + size, text_lines, size)

    return _Block(height, draw)


def _page_header(page: _Page, title: str, subtitle: str, corner: str = "") -> float:
    """Title, muted subtitle and an optional corner text (the group); return the y below them."""
    width = page.width - 2 * _MARGIN
    title_size, sub_size = style.SIZES["title"], style.SIZES["subtitle"]
    corner_width = _width(corner, title_size, True) + 12 if corner else 0
    if corner:
        page.text(page.width - _MARGIN, _MARGIN + title_size, corner, title_size, bold=True, ha="right")
    title_lines, title_size = _fit_sizes(title, width - corner_width, (title_size, 13, 12), 2, bold=True)
    y = page.lines(_MARGIN, _MARGIN + title_size, title_lines, title_size, bold=True)
    if subtitle:
        y = page.lines(_MARGIN, y + 2 + sub_size * 0.2, _fit(subtitle, width, sub_size, 3), sub_size,
                       colour=style.MUTED)
    y += 8
    page.rule(_MARGIN, y, page.width - _MARGIN, y, colour=style.INK, width=0.8)
    page.content_top = y + 10
    return y + 10


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _meta_line(kit: Kit, lang: str, journey: Journey | None) -> str:
    low, high = kit.group_size
    people = label("kit.people", lang).format(low=low, high=high) if low != high else \
        label("kit.people_exact", lang).format(count=low)
    start = journey.title.get(lang) if journey is not None else label("kit.journey.empty", lang)
    return " · ".join([label("kit.minutes", lang).format(minutes=kit.duration), people,
                       f"{label('kit.journey', lang)}: {start}"])


def _numbered_header(kit: Kit, lang: str, kind: str, subtitle: str, corner: str = ""):
    """A ``new_page`` function for :func:`_flow`: page 2 onwards says which page it is."""
    def new_page(number: int, size=_A4):
        page = _Page(size)
        title = f"{kit.title.get(lang)} · {label(f'print.{kind}.title', lang)}"
        if number > 1:
            title += f" ({number})"
        return page, _page_header(page, title, subtitle, corner)
    return new_page


# -- the agenda ------------------------------------------------------------------------------------
_AGENDA_COLUMNS = (("start", 0.07), ("minutes", 0.06), ("step", 0.23), ("what", 0.42), ("notebook", 0.22))


def _agenda_pages(kit: Kit, lang: str, journey: Journey | None) -> list:
    width = _A4[0] * 72 - 2 * _MARGIN
    size = style.SIZES["label"]
    blocks = [_heading(label("kit.goal", lang), width), _paragraph(kit.goal.get(lang), width, size), _gap(10)]
    header = _table_row([label(f"print.agenda.column.{c}", lang) for c, _ in _AGENDA_COLUMNS], width, size,
                        bold=True, rule=style.INK)
    header.keep_with_next = True
    blocks.append(header)
    end = 0
    for step, start in zip(kit.agenda, kit.start_minutes(), strict=True):
        end = start + step.minutes
        cells = [_clock(start), str(step.minutes), step.title.get(lang), step.what.get(lang), step.notebook or "–"]
        row = _table_row(cells, width, size, bold_first=2)
        row.header = header
        blocks.append(row)
    blocks.append(_table_row([_clock(end), "", label("print.agenda.end", lang), "", ""], width, size, bold_first=2))
    blocks += [_gap(10), _heading(label("kit.roles", lang), width)]
    blocks += [_term(role.name.get(lang), role.task.get(lang), width, size) for role in kit.roles]
    blocks += [_gap(10), _heading(label("kit.questions", lang), width)]
    blocks += [_paragraph(q.get(lang), width, size, bullet=True) for q in kit.questions]
    new_page = _numbered_header(kit, lang, "agenda", _meta_line(kit, lang, journey))
    return _flow(blocks, new_page, _A4[1] * 72 - _MARGIN)


def _table_row(cells: list[str], width: float, size: float, *, bold: bool = False, bold_first: int = 0,
               rule: str = style.GRID) -> _Block:
    """One row of the agenda table; a cell whose longest word does not fit gets a smaller size."""
    widths = [width * share for _, share in _AGENDA_COLUMNS]
    fitted = [_fit_sizes(cell, w - 6, (size, size - 0.5, size - 1), 8, bold=bold or i == bold_first)
              for i, (cell, w) in enumerate(zip(cells, widths, strict=True))]
    height = _lines_height(max(len(lines) for lines, _ in fitted), size) + 6

    def draw(page, y):
        x = _MARGIN
        for i, ((lines, cell_size), w) in enumerate(zip(fitted, widths, strict=True)):
            page.lines(x, y + size + 2, lines, cell_size, bold=bold or i == bold_first)
            x += w
        page.rule(_MARGIN, y + height - 1, _MARGIN + width, y + height - 1, colour=rule, width=0.8 if bold else 0.5)

    return _Block(height, draw)


# -- the canvas ------------------------------------------------------------------------------------
_LINES_BETWEEN = {("customer", "frontstage"): "interaction", ("frontstage", "backstage"): "visibility",
                  ("backstage", "support"): "internal"}


def _canvas_page(kit: Kit, lang: str, journey: Journey | None, group: int):
    page = _Page(_A4_LANDSCAPE)
    hint = label("print.canvas.hint", lang)
    top = _page_header(page, f"{kit.title.get(lang)} · {label('print.canvas.title', lang)}", hint,
                       label("print.group", lang).format(number=group))
    if journey is not None:
        stages = [stage.label(lang) for stage in journey.stages]
    else:
        stages = [""] * _EMPTY_STAGES
    left, right, bottom = _MARGIN, page.width - _MARGIN, page.height - _MARGIN
    label_width = 108.0
    column = (right - left - label_width) / len(stages)
    header_height = 26.0
    emotion_height = 96.0
    lanes_top = top + header_height
    lane_height = (bottom - emotion_height - 10 - lanes_top) / len(LANES)
    size = style.SIZES["label"]
    # Stage headers: the sample's stages, or numbered blanks to write in.
    for i, name in enumerate(stages):
        x = left + label_width + i * column
        page.box(x, top, column, header_height - 4, fill="#F4F4F4", edge=style.GRID)
        if name:
            lines, fitted = _fit_sizes(name, column - 8, (size, 7.5, 7), 2, bold=True)
            first = top + (header_height - 4) / 2 - (len(lines) - 1) * fitted * _LINE / 2
            for j, line in enumerate(lines):
                page.text(x + column / 2, first + j * fitted * _LINE, line, fitted, bold=True, ha="center",
                          va="center")
        else:
            page.text(x + 4, top + 9, label("print.canvas.stage", lang).format(number=i + 1), style.SIZES["small"],
                      colour=style.MUTED)
    # Lanes: a fill per lane, its name on the left, the stage columns over them.
    for i, lane in enumerate(LANES):
        y = lanes_top + i * lane_height
        page.box(left, y, right - left, lane_height, fill=style.LANE_FILLS[lane], edge="none", width=0)
        lines = _fit(label(f"lane.{lane}", lang), label_width - 10, size, 3, bold=True)
        page.lines(left + 5, y + 6 + size, lines, size, bold=True)
        below = LANES[i + 1] if i + 1 < len(LANES) else None
        if (lane, below) in _LINES_BETWEEN:
            line_y = y + lane_height
            page.rule(left, line_y, right, line_y, colour=style.INK, width=0.9, dashed=True)
            small = style.SIZES["small"]
            names = _fit(label(f"map.line.{_LINES_BETWEEN[lane, below]}", lang), label_width - 8, small, 2)
            page.lines(left + 5, line_y - 3 - (len(names) - 1) * small * _LINE, names, small, colour=style.MUTED)
        elif below is not None:
            page.rule(left, y + lane_height, right, y + lane_height, colour=style.GRID, width=0.5)
    for i in range(len(stages) + 1):
        x = left + label_width + i * column
        page.rule(x, lanes_top, x, lanes_top + len(LANES) * lane_height, colour=style.GRID, width=0.5)
    page.box(left, lanes_top, right - left, len(LANES) * lane_height, edge=style.MUTED, width=0.8)
    _emotion_band(page, left, right, label_width, column, len(stages), bottom - emotion_height, emotion_height, lang)
    return page.done()


def _emotion_band(page: _Page, left: float, right: float, label_width: float, column: float, stages: int,
                  top: float, height: float, lang: str) -> None:
    size, small = style.SIZES["label"], style.SIZES["small"]
    page.box(left, top, right - left, height, edge=style.MUTED, width=0.8)
    lines = _fit(label("chart.emotion.title", lang), label_width - 30, size, 2, bold=True)
    page.lines(left + 5, top + 6 + size, lines, size, bold=True)
    step = (height - 12) / 6
    for k, value in enumerate(range(3, -4, -1)):
        y = top + 6 + k * step
        colour = style.emotion_colour(value)
        text = f"{value:+d}".replace("-", "\u2212") if value else "0"  # a real minus sign
        page.text(left + label_width - 6, y, text, small, colour=colour, ha="right", va="center")
        page.rule(left + label_width, y, right, y, colour=style.INK if value == 0 else style.GRID,
                  width=0.8 if value == 0 else 0.4, dashed=value != 0)
    for i in range(stages + 1):
        x = left + label_width + i * column
        page.rule(x, top, x, top + height, colour=style.GRID, width=0.5)


# -- the scoring sheets ----------------------------------------------------------------------------
def _scoring_pages(kit: Kit, lang: str, journey: Journey | None, group: int) -> list:
    kind = sheet_kind(kit)
    corner = label("print.group", lang).format(number=group)
    if kind == "fitness":
        return _fitness_pages(kit, lang, corner)
    if kind == "aftercare":
        return _aftercare_pages(kit, lang, corner)
    return _arvo_pages(kit, lang, journey, corner)


def _boxes(page: _Page, x: float, y: float, count: int, *, cell: float = 13.0, gap: float = 3.0) -> None:
    """A row of empty squares to tick (their values stand once above the column, see :func:`_box_values`)."""
    for i in range(count):
        page.box(x + i * (cell + gap), y, cell, cell, edge=style.MUTED, width=0.6)


def _box_values(page: _Page, x: float, baseline: float, values, *, cell: float = 13.0, gap: float = 3.0) -> None:
    """The values of a column of boxes, each centred over its box."""
    for i, value in enumerate(values):
        page.text(x + i * (cell + gap) + cell / 2, baseline, str(value), style.SIZES["small"] + 0.5,
                  colour=style.MUTED, ha="center")


def _write_line(page: _Page, x: float, y: float, text: str, length: float) -> None:
    """``text`` followed by a line to write on."""
    size = style.SIZES["label"]
    page.text(x, y, text, size, bold=True)
    start = x + _width(text, size, True) + 6
    page.rule(start, y + 2, x + length, y + 2, colour=style.MUTED, width=0.6)


def _fill_in_block(fields: list[str], width: float) -> _Block:
    """Fields with lines to write on, side by side (name, team …)."""
    def draw(page, y):
        share = width / len(fields)
        for i, text in enumerate(fields):
            _write_line(page, _MARGIN + i * share, y + 12, text, share - 16)
    return _Block(24, draw)


def _arvo_rows(journey: Journey | None, lang: str) -> list[tuple[str, str]]:
    """(stage, touchpoint) per row, stage only on a stage's first row; blank rows for an empty journey."""
    if journey is None:
        return [("", "")] * _EMPTY_TOUCHPOINT_ROWS
    stages = {stage.id: stage.label(lang) for stage in journey.stages}
    rows, previous = [], None
    for _, tp in journey.touchpoints.iterrows():
        name = style.text_in(tp, "name", lang) or str(tp["id"])
        stage = stages.get(tp["stage"], str(tp["stage"]))
        rows.append((stage if stage != previous else "", name))
        previous = stage
    return rows


def _arvo_pages(kit: Kit, lang: str, journey: Journey | None, corner: str) -> list:
    width = _A4[0] * 72 - 2 * _MARGIN
    size = style.SIZES["label"]
    cell, gap = 12.0, 2.5
    principle_width = 5 * cell + 4 * gap + 10
    stage_width = 0.36 * (width - 4 * principle_width)
    name_width = width - 4 * principle_width - stage_width

    def row_block(stage: str, name: str, *, head: bool = False) -> _Block:
        stage_lines = _fit(stage, stage_width - 8, style.SIZES["small"] + 0.5, 2, bold=True) if stage else []
        name_lines = _fit(name, name_width - 6, size, 2, bold=head) if name else []
        height = max(20.0, _lines_height(max(len(stage_lines), len(name_lines), 1), size) + 8) + (12 if head else 0)

        def draw(page, y):
            if stage and not head:
                page.rule(_MARGIN, y, _MARGIN + width, y, colour=style.MUTED, width=0.6)
            if stage_lines:
                page.lines(_MARGIN, y + 4 + size, stage_lines, style.SIZES["small"] + 0.5,
                           bold=True, colour=style.INK if head else style.MUTED)
            page.lines(_MARGIN + stage_width, y + 4 + size, name_lines, size, bold=head)
            x = _MARGIN + stage_width + name_width
            for p in PRINCIPLES:
                if head:
                    page.text(x + (principle_width - 10) / 2, y + 4 + size, p, size + 1, bold=True, ha="center",
                              colour=style.PRINCIPLE_COLOURS[p])
                    _box_values(page, x, y + height - 4, range(5), cell=cell, gap=gap)
                else:
                    _boxes(page, x, y + (height - cell) / 2, 5, cell=cell, gap=gap)
                x += principle_width
            page.rule(_MARGIN, y + height, _MARGIN + width, y + height, colour=style.INK if head else style.GRID,
                      width=0.8 if head else 0.4)
        return _Block(height, draw)

    header = row_block(label("print.scoring.stage", lang), label("print.scoring.touchpoint", lang), head=True)
    header.keep_with_next = True
    blocks = [_fill_in_block([label("print.scoring.rater", lang)], width * 0.6), _gap(4),
              _paragraph(label("print.scoring.instructions", lang), width, size, colour=style.MUTED), _gap(4), header]
    for stage, name in _arvo_rows(journey, lang):
        row = row_block(stage, name)
        row.header = header
        blocks.append(row)
    blocks += [_gap(10), _heading(label("print.scoring.rubric", lang), width)]
    for p in PRINCIPLES:
        blocks.append(_paragraph(f"{label(f'principle.{p}', lang)}: {label(f'print.rubric.{p}', lang)}", width,
                                 style.SIZES["small"] + 0.5))
    start = journey.title.get(lang) if journey is not None else label("kit.journey.empty", lang)
    subtitle = f"{label('print.scoring.arvo', lang)} · {start}"
    return _flow(blocks, _numbered_header(kit, lang, "scoring", subtitle, corner), _A4[1] * 72 - _MARGIN)


def _fitness_pages(kit: Kit, lang: str, corner: str) -> list:
    width = _A4[0] * 72 - 2 * _MARGIN
    size = style.SIZES["label"]
    cell, gap = 13.0, 4.0
    scale_width = 5 * cell + 4 * gap + 8
    text_width = width - scale_width - 24
    blocks = [_fill_in_block([label("print.fitness.name", lang), label("print.fitness.team", lang)], width),
              _gap(2),
              _paragraph(label("print.fitness.instructions", lang).format(
                  low=label("fitness.scale.1", lang), high=label("fitness.scale.5", lang)), width, size,
                  colour=style.MUTED)]
    for area in FITNESS_AREAS:
        blocks += [_gap(4), _area_heading(label(f"fitness.area.{area}", lang), width - scale_width,
                                          _MARGIN + 24 + text_width + 8, cell, gap)]
        for item in (i for i in FITNESS_ITEMS if i.area == area):
            blocks.append(_statement_row(item.id, item.text.get(lang), text_width, scale_width, size, cell, gap))
    blocks += [_gap(10), _heading(label("print.fitness.interview", lang), width),
               _paragraph(label("print.fitness.interview_hint", lang), width, size, colour=style.MUTED)]
    for key in _INTERVIEW:
        blocks.append(_interview_row(key, lang, width, size))
    return _flow(blocks, _numbered_header(kit, lang, "scoring", label("print.fitness.title", lang), corner),
                 _A4[1] * 72 - _MARGIN)


def _area_heading(text: str, width: float, boxes_x: float, cell: float, gap: float) -> _Block:
    """A fitness area's name, with the scale's values over the column of boxes."""
    block = _heading(text, width)
    draw_heading = block.draw

    def draw(page, y):
        draw_heading(page, y)
        _box_values(page, boxes_x, y + style.SIZES["heading"], range(1, 6), cell=cell, gap=gap)

    block.draw = draw
    return block


def _statement_row(item_id: str, text: str, text_width: float, scale_width: float, size: float, cell: float,
                   gap: float) -> _Block:
    lines = _fit(text, text_width, size, 3)
    height = max(cell + 6, _lines_height(len(lines), size) + 5)

    def draw(page, y):
        page.text(_MARGIN, y + 3 + size, item_id, style.SIZES["small"], colour=style.MUTED)
        page.lines(_MARGIN + 24, y + 3 + size, lines, size)
        _boxes(page, _MARGIN + 24 + text_width + 8, y + (height - cell) / 2, 5, cell=cell, gap=gap)
        page.rule(_MARGIN, y + height, _MARGIN + 24 + text_width + scale_width, y + height, width=0.4)

    return _Block(height, draw)


def _interview_row(key: str, lang: str, width: float, size: float) -> _Block:
    question = label(f"fitness.question.{key}", lang)
    answers = [str(n) for n in range(11)] if key == "recommend" else \
        [label(f"fitness.answer.{a}", lang) for a in ("yes", "partly", "no")]
    lines = _fit(question, width, size, 2, bold=True)
    height = _lines_height(len(lines), size) + 54

    def draw(page, y):
        bottom = page.lines(_MARGIN, y + size, lines, size, bold=True)
        x = _MARGIN
        for answer in answers:
            page.box(x, bottom, 10, 10, edge=style.MUTED)
            page.text(x + 13, bottom + 8, answer, size)
            x += 13 + _width(answer, size) + 12
        _write_line(page, _MARGIN, bottom + 30, label("fitness.why", lang), width)

    return _Block(height, draw)


def _aftercare_pages(kit: Kit, lang: str, corner: str) -> list:
    width = _A4[0] * 72 - 2 * _MARGIN
    size = style.SIZES["label"]
    answers = [label(f"print.check.{a}", lang) for a in ("yes", "partly", "no")]
    answer_width = sum(_width(a, size) + 25 for a in answers)
    where_width = 0.28 * width
    text_width = width - answer_width - where_width - 10
    blocks = [_paragraph(label("print.aftercare.instructions", lang), width, size, colour=style.MUTED), _gap(4)]
    for title_key, items in (("print.aftercare.practices", AFTERCARE_PRACTICES),
                             ("print.aftercare.recovery", RECOVERY_STEPS)):
        header = _check_header(label(title_key, lang), label("print.aftercare.where", lang), width, where_width, size)
        blocks.append(header)
        for number, text in enumerate(items.values(), start=1):
            row = _check_row(number, text.get(lang), answers, text_width, answer_width, where_width, size)
            row.header = header
            blocks.append(row)
        blocks.append(_gap(12))
    return _flow(blocks[:-1], _numbered_header(kit, lang, "scoring", label("print.aftercare.title", lang), corner),
                 _A4[1] * 72 - _MARGIN)


def _check_header(title: str, where: str, width: float, where_width: float, size: float) -> _Block:
    heading = style.SIZES["heading"]
    title_lines = _fit(title, width - where_width - 10, heading, 2, bold=True)
    height = _lines_height(len(title_lines), heading) + 6

    def draw(page, y):
        page.lines(_MARGIN, y + heading, title_lines, heading, bold=True)
        page.text(_MARGIN + width - where_width, y + heading, where, size, bold=True)
        page.rule(_MARGIN, y + height, _MARGIN + width, y + height, colour=style.INK, width=0.8)

    return _Block(height, draw, keep_with_next=True)


def _check_row(number: int, text: str, answers: list[str], text_width: float, answer_width: float,
               where_width: float, size: float) -> _Block:
    name, _, rest = text.partition(":")
    name_lines = _fit(f"{number}. {name.strip()}", text_width - 4, size, 2, bold=True)
    rest = rest.strip()
    rest_lines = _fit(rest[:1].upper() + rest[1:], text_width - 4, style.SIZES["small"], 4) if rest else []
    height = _lines_height(len(name_lines), size) + _lines_height(len(rest_lines), style.SIZES["small"]) + 8

    def draw(page, y):
        below = page.lines(_MARGIN, y + 3 + size, name_lines, size, bold=True)
        page.lines(_MARGIN, below - size * _LINE + 2 + style.SIZES["small"] * _LINE, rest_lines,
                   style.SIZES["small"], colour=style.MUTED)
        x = _MARGIN + text_width + 6
        for answer in answers:
            page.box(x, y + 5, 10, 10, edge=style.MUTED)
            page.text(x + 13, y + 13, answer, size)
            x += _width(answer, size) + 25
        line_x = _MARGIN + text_width + 10 + answer_width
        page.rule(line_x, y + height - 6, line_x + where_width - 4, y + height - 6, colour=style.MUTED, width=0.5)
        page.rule(_MARGIN, y + height, line_x + where_width, y + height, width=0.4)

    return _Block(height, draw)


# -- the cheat sheet -------------------------------------------------------------------------------
def _cheatsheet_pages(kit: Kit, lang: str) -> list:
    """One page if it fits: the text gets smaller before a second page is started."""
    for size in (style.SIZES["label"], 8.0, 7.5, 7.0):
        pages = _cheatsheet_at(kit, lang, size)
        if len(pages) == 1:
            return pages
    return pages


def _cheatsheet_at(kit: Kit, lang: str, size: float) -> list:
    width = _A4[0] * 72 - 2 * _MARGIN
    blocks = [_paragraph(kit.goal.get(lang), width, size), _gap(6), _heading(label("print.cheatsheet.timings", lang),
                                                                             width)]
    for step, start in zip(kit.agenda, kit.start_minutes(), strict=True):
        blocks.append(_timing_row(kit, step, start, lang, width, size))
    blocks += [_gap(8), _heading(label("print.cheatsheet.questions", lang), width)]
    blocks += [_paragraph(q.get(lang), width, size, bullet=True) for q in kit.questions]
    ideas = [label(f"print.idea.{name}", lang) for name in kit.notebooks() if f"print.idea.{name}" in LABELS]
    if ideas:
        blocks += [_gap(8), _heading(label("print.cheatsheet.ideas", lang), width)]
        blocks += [_paragraph(idea, width, size, bullet=True) for idea in ideas]
    blocks += [_gap(8), _heading(label("kit.roles", lang), width)]
    blocks += [_term(r.name.get(lang), r.task.get(lang), width, size) for r in kit.roles]
    subtitle = label("print.cheatsheet.subtitle", lang).format(minutes=kit.duration)
    return _flow(blocks, _numbered_header(kit, lang, "cheatsheet", subtitle), _A4[1] * 72 - _MARGIN)


def _timing_row(kit: Kit, step, start: int, lang: str, width: float, size: float) -> _Block:
    clock = f"{_clock(start)}–{_clock(start + step.minutes)}"
    clock_width = _width("0:00–0:00", size, True) + 10
    title = f"{step.title.get(lang)} ({label('kit.minutes', lang).format(minutes=step.minutes)})"
    if step.notebook:
        title += f" · {step.notebook}"
    title_lines = _fit(title, width - clock_width, size, 2, bold=True)
    what_lines = _fit(step.what.get(lang), width - clock_width, size, 4)
    height = _lines_height(len(title_lines) + len(what_lines), size) + 4

    def draw(page, y):
        page.text(_MARGIN, y + size, clock, size, bold=True)
        below = page.lines(_MARGIN + clock_width, y + size, title_lines, size, bold=True)
        page.lines(_MARGIN + clock_width, below, what_lines, size, colour=style.MUTED)

    return _Block(height, draw)
