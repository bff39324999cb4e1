"""The aftercare checkup: the ten aftercare practices and service recovery, checked against the journey.

A practice is on the journey when a touchpoint carries its ``aftercare:*`` tag; a
recovery step when a touchpoint carries its ``recovery:*`` tag. The group tags
touchpoints here (every tag goes through :meth:`Workbench.change`, so it is saved
and can be undone) and sees at once how many of the ten are covered and whether the
five recovery steps follow each complaint in order.
"""

from __future__ import annotations

import html

import ipywidgets as w

from ..analysis import aftercare_coverage, service_recovery
from ..analysis.library import AFTERCARE_PRACTICES, RECOVERY_STEPS
from ..i18n import label
from ..model import Journey
from ..model.text import Text
from .panels import status_line
from .workbench import Workbench

__all__ = ["AftercareCheckup"]

#: The tag that marks where a customer complains; recovery is checked from there.
COMPLAINT = "complaint"

_TEXTS: dict[str, Text] = {
    **AFTERCARE_PRACTICES,
    COMPLAINT: Text(fi=label("widget.aftercare.complaint_row", "fi"), en=label("widget.aftercare.complaint_row", "en")),
    **RECOVERY_STEPS,
}


def _name(tag: str, lang: str) -> str:
    """The short name of a practice or step: its text up to the first colon ("Kumppanuus", "Assure")."""
    text = _TEXTS[tag].get(lang)
    return text.split(":", 1)[0].strip() if ":" in text else text


def _touchpoint_names(journey: Journey, lang: str) -> dict[str, str]:
    """Touchpoint id → its name in ``lang``, in map order (by stage)."""
    table = journey.touchpoints
    other = "en" if lang == "fi" else "fi"
    return {row["id"]: (row[f"name_{lang}"] or row[f"name_{other}"] or row["id"])
            for _, row in table.iterrows()}


def _tags_of(journey: Journey) -> dict[str, tuple[str, ...]]:
    return {tp.id: tp.tags for tp in journey}


class _TagRow(w.VBox):
    """One practice or step: its text, the touchpoints that carry its tag, and two pickers to change that."""

    def __init__(self, checkup: AftercareCheckup, tag: str):
        self.checkup, self.tag = checkup, tag
        self.text = w.HTML()
        self.carriers = w.HTML(layout=w.Layout(width="24rem"))
        self.add = w.Dropdown(layout=w.Layout(width="17rem"))
        self.remove = w.Dropdown(layout=w.Layout(width="17rem"))
        super().__init__([self.text, w.HBox([self.carriers, self.add, self.remove])],
                         layout=w.Layout(border_bottom="1px solid #ddd", padding="0.2rem 0"))
        self.add.observe(lambda change: self._picked(change["new"], add=True), names="value")
        self.remove.observe(lambda change: self._picked(change["new"], add=False), names="value")

    @property
    def touchpoints(self) -> list[str]:
        """Ids of the touchpoints that carry this row's tag, in map order."""
        return [tp for tp, tags in self.checkup._tags.items() if self.tag in tags]

    def refresh(self, names: dict[str, str], lang: str) -> None:
        carriers = self.touchpoints
        mark = "✓" if carriers else "○"
        colour = "#009E73" if carriers else "#D55E00"
        head, _, rest = _TEXTS[self.tag].get(lang).partition(":")
        text = f"<b>{html.escape(head)}</b>:{html.escape(rest)}" if rest else html.escape(head)
        self.text.value = f'<span style="color:{colour}">{mark}</span> {text}'
        listed = ", ".join(f"{html.escape(names.get(tp, tp))} <code>{html.escape(tp)}</code>" for tp in carriers)
        self.carriers.value = listed or f"<i>{html.escape(label('widget.aftercare.nowhere', lang))}</i>"
        self.add.options = [(label("widget.aftercare.add", lang), None),
                            *((name, tp) for tp, name in names.items() if tp not in carriers)]
        self.remove.options = [(label("widget.aftercare.remove", lang), None),
                               *((names.get(tp, tp), tp) for tp in carriers)]
        self.add.value = self.remove.value = None
        self.remove.disabled = not carriers

    def _picked(self, touchpoint: str | None, *, add: bool) -> None:
        if touchpoint is None or self.checkup._refreshing:
            return
        changed = self.checkup.tag(self.tag, touchpoint) if add else self.checkup.untag(self.tag, touchpoint)
        if not changed:
            self.checkup.refresh()  # a refused change bumps no version: put the picker back by hand


class AftercareCheckup(w.VBox):
    """The ten aftercare practices and the five service-recovery steps as a checklist on the journey.

    For each practice: its text in the workshop's language, the touchpoints that
    carry its tag, and pickers that add the tag to a touchpoint or take it off.
    Above them, how many of the ten are covered; below, the recovery view: a row
    for complaints and one for each step in order, and in words, for every
    complaint, which steps follow it in order, which are missing or out of order,
    and whether the follow-up comes 1–2 weeks after the fix.

    Parameters
    ----------
    bench : Workbench

    Attributes
    ----------
    practices : dict of str to row
        One row per ``aftercare:*`` tag, in the domain's order; a row has
        ``add`` and ``remove`` dropdowns (set ``.value`` to a touchpoint id) and
        ``touchpoints`` (ids carrying the tag).
    steps : dict of str to row
        The same for ``complaint`` and the five ``recovery:*`` tags, in order.
    summary, recovery : ipywidgets.HTML
        The coverage summary and the recovery check, in words.

    Examples
    --------
    >>> import servicepath as sp
    >>> bench = Workbench(sp.load_sample("b2b-service"), lang="en")
    >>> checkup = AftercareCheckup(bench)
    >>> checkup.coverage.count, checkup.practices["aftercare:gifts"].touchpoints
    (10, ['gifts'])
    >>> checkup.practices["aftercare:gifts"].remove.value = "gifts"
    >>> checkup.coverage.count, "Remembrances and gifts" in checkup.summary.value
    (9, True)
    >>> checkup.steps["recovery:assure"].add.value = "contact-person"
    >>> bench.journey.touchpoint("contact-person").tags
    ('aftercare:contact-person', 'recovery:assure')
    """

    def __init__(self, bench: Workbench):
        self.bench = bench
        self._refreshing = False
        self._tags: dict[str, tuple[str, ...]] = {}
        self.title = w.HTML()
        self.summary = w.HTML()
        self.practices = {tag: _TagRow(self, tag) for tag in AFTERCARE_PRACTICES}
        self.recovery_title = w.HTML()
        self.steps = {tag: _TagRow(self, tag) for tag in (COMPLAINT, *RECOVERY_STEPS)}
        self.recovery = w.HTML()
        self.status = w.HTML()
        super().__init__([self.title, self.summary, *self.practices.values(), self.recovery_title,
                          *self.steps.values(), self.recovery, self.status])
        bench.observe(lambda _: self.refresh(), names=["version", "lang"])
        bench.observe(lambda _: setattr(self.status, "value", status_line(bench.status)), names="status")
        self.refresh()

    @property
    def coverage(self):
        """The journey's :class:`~servicepath.analysis.checklists.AftercareCoverage` now."""
        return aftercare_coverage(self.bench.journey)

    # -- changing tags ---------------------------------------------------------------------------------
    def tag(self, tag: str, touchpoint: str) -> bool:
        """Give ``touchpoint`` the tag (a practice, ``complaint`` or a recovery step); return whether it changed."""
        return self._retag(tag, touchpoint, add=True)

    def untag(self, tag: str, touchpoint: str) -> bool:
        """Take the tag off ``touchpoint``; return whether it changed."""
        return self._retag(tag, touchpoint, add=False)

    def _retag(self, tag: str, touchpoint: str, *, add: bool) -> bool:
        bench, lang = self.bench, self.bench.lang
        if tag not in _TEXTS:
            bench.status = "✗ " + label("widget.aftercare.unknown_tag", lang).format(tag=tag)
            return False
        tags = _tags_of(bench.journey).get(touchpoint)
        if tags is not None and (tag in tags) == add:
            key = "widget.aftercare.already" if add else "widget.aftercare.not_there"
            bench.status = "✗ " + label(key, lang).format(touchpoint=touchpoint, tag=tag)
            return False
        key = "widget.aftercare.tagged" if add else "widget.aftercare.untagged"

        def retag(journey: Journey) -> None:
            now = journey.touchpoint(touchpoint).tags  # an unknown id is refused here, with the reason
            journey.update_touchpoint(touchpoint, tags=(*now, tag) if add else tuple(t for t in now if t != tag))

        return bench.change(label(key, lang).format(touchpoint=touchpoint, tag=tag), retag)

    # -- showing ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the journey as it is now, in the workbench's language."""
        journey, lang = self.bench.journey, self.bench.lang
        names, tags = _touchpoint_names(journey, lang), _tags_of(journey)
        self._tags = {tp: tags[tp] for tp in names}
        self._refreshing = True
        try:
            for row in (*self.practices.values(), *self.steps.values()):
                row.refresh(names, lang)
        finally:
            self._refreshing = False
        self.title.value = f"<h3>{html.escape(label('widget.aftercare.title', lang))}</h3>"
        self.summary.value = self._summary(lang)
        self.recovery_title.value = f"<h3>{html.escape(label('widget.aftercare.recovery_title', lang))}</h3>"
        self.recovery.value = self._recovery(journey, names, lang)
        self.status.value = status_line(self.bench.status)

    def _summary(self, lang: str) -> str:
        coverage = self.coverage
        text = html.escape(label("widget.aftercare.coverage", lang).format(count=coverage.count))
        if coverage.missing:
            missing = ", ".join(_name(tag, lang) for tag in coverage.missing)
            more = html.escape(label("widget.aftercare.missing", lang).format(names=missing))
        else:
            more = html.escape(label("widget.aftercare.all_covered", lang))
        return f"<p><b>{text}</b> {more}</p>"

    def _recovery(self, journey: Journey, names: dict[str, str], lang: str) -> str:
        table = service_recovery(journey)
        if table.empty:
            return f"<p>{html.escape(label('widget.aftercare.no_complaint', lang))}</p>"
        items = "".join(f"<li>{_recovery_words(row, names, lang)}</li>" for _, row in table.iterrows())
        return f"<ul>{items}</ul>"


def _recovery_words(row, names: dict[str, str], lang: str) -> str:
    """One complaint's recovery check in sentences (HTML, escaped)."""
    e = html.escape

    def steps(cell: str) -> str:
        return ", ".join(_name(s, lang) for s in cell.split(", ") if s)

    where = names.get(row["complaint"], row["complaint"])
    complaint = label("widget.aftercare.complaint", lang).format(touchpoint=where)
    path = " → ".join(names.get(tp, tp) for tp in row["path"].split(" → ") if tp)
    found = int(row["steps_found"])
    if found == len(RECOVERY_STEPS):
        verdict = label("widget.aftercare.all_steps", lang).format(path=path)
    elif found:
        verdict = label("widget.aftercare.some_steps", lang).format(count=found, path=path)
    else:
        verdict = label("widget.aftercare.no_steps", lang)
    sentences = [f"<b>{e(complaint)}</b>: {e(verdict)}"]
    out_of_order = [s for s in row["out_of_order"].split(", ") if s]
    absent = [s for s in row["missing"].split(", ") if s and s not in out_of_order]
    if absent:
        sentences.append(e(label("widget.aftercare.steps_missing", lang).format(steps=steps(", ".join(absent)))))
    if out_of_order:
        sentences.append(e(label("widget.aftercare.steps_out_of_order", lang).format(steps=steps(row["out_of_order"]))))
    if "recovery:follow-up" not in row["missing"] and "recovery:fix" not in row["missing"]:
        days = row["follow_up_days"]
        if days != days:  # NaN: the transitions have no durations
            sentences.append(e(label("widget.aftercare.follow_up_unknown", lang)))
        else:
            key = "widget.aftercare.follow_up_in_time" if row["follow_up_in_time"] else "widget.aftercare.follow_up_off"
            shown = f"{days:g}".replace(".", "," if lang == "fi" else ".")
            sentences.append(e(label(key, lang).format(days=shown)))
    return " ".join(sentences)
