"""A notebook per workshop group, pre-set to its session and group, with the widgets its kit's agenda needs.

``servicepath workshop new`` writes ``group-1.ipynb`` … into the session folder.
Each opens the group's journey with :meth:`Workbench.in_session`, so every change
a group makes is saved in the session database, and shows only the widgets the
kit's agenda steps use: the editor for mapping, the A.R.V.O. scorer, the pain
point board, the aftercare check-up, dot voting and the improvement planner (or,
in the customer-fitness kit, the fitness questionnaire and results), then the
group's map. The notebooks are plain nbformat 4 JSON with no outputs.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..errors import SaveError
from ..i18n import label
from ..io.atomic import atomic_write_many
from ..io.session import Session

__all__ = ["STEP_WIDGETS", "FITNESS_NOTEBOOK", "FITNESS_DATABASE", "group_notebook", "write_group_notebooks"]

#: The widgets a group gets for a step that uses one of these notebooks (the code that makes each).
STEP_WIDGETS = {
    "01_map_the_journey": ("JourneyEditor(bench)",),
    "02_score_with_arvo": ("ArvoScorer(bench)",),
    "03_payment_moment": ('PainPointBoard(bench, view="payment")',),
    "04_aftercare_checkup": ("AftercareCheckup(bench)",),
    "05_plan_improvements": ("DotVote(bench)", "ImprovementPlanner(bench)"),
}
#: Steps that use this notebook get the customer-fitness questionnaire and results instead.
FITNESS_NOTEBOOK = "07_customer_fitness"
#: The fitness database of a session, in the session folder.
FITNESS_DATABASE = "servicepath.db"

_FITNESS_IMPORTS = "from pathlib import Path\n\nimport ipywidgets as w\nimport servicepath as sp\n"
_METADATA = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
             "language_info": {"name": "python"}}


def group_notebook(session_folder: str | os.PathLike, group: str, kit) -> dict:
    """The notebook of one group of a session (an nbformat 4 notebook as a dict, no outputs).

    Parameters
    ----------
    session_folder : path-like
        The session's folder; the notebook names it in full, so it runs from anywhere.
    group : str
        The group's id, e.g. ``"group-1"``.
    kit : Kit
        Its title, goal and agenda give the introduction; the agenda's
        notebooks choose the widgets (see :data:`STEP_WIDGETS`).

    Examples
    --------
    >>> from servicepath.io.kits import find_kit
    >>> notebook = group_notebook("/tmp/session", "group-2", find_kit("payment-moment"))
    >>> code = ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]
    >>> print(code[0])
    # Istunto, ryhmä ja kieli · the session, the group and the language
    SESSION = "/tmp/session"
    GROUP = "group-2"
    LANG = "fi"  # "fi" tai/or "en"
    >>> [c for c in code if "(bench" in c and "in_session" not in c]
    ['JourneyEditor(bench)', 'PainPointBoard(bench, view="payment")', 'DotVote(bench)', 'ImprovementPlanner(bench)', \
'MapPanel(bench)']
    """
    folder = str(Path(session_folder).resolve())
    sections = _sections(kit)
    widgets = [code for notebook, _ in sections for code in STEP_WIDGETS.get(notebook, ())]
    fitness = any(notebook == FITNESS_NOTEBOOK for notebook, _ in sections)
    names = sorted({code.split("(")[0] for code in widgets} | {"LanguageSwitch", "MapPanel", "SaveBar", "Workbench"}
                   | ({"FitnessQuestionnaire", "FitnessResults"} if fitness else set()))
    cells = [
        _markdown("intro", _intro(group, kit)),
        _code("parameters", f"# {label('facilitator.notebook.parameters', 'fi')} · "
                            f"{label('facilitator.notebook.parameters', 'en')}\n"
                            f"SESSION = {json.dumps(folder, ensure_ascii=False)}\n"
                            f"GROUP = {json.dumps(group)}\n"
                            "LANG = \"fi\"  # \"fi\" tai/or \"en\""),
        _markdown("language", _both("facilitator.notebook.language", "facilitator.notebook.language_text")),
        _code("setup", (_FITNESS_IMPORTS if fitness else "")
              + f"from servicepath.widgets import {', '.join(names)}\n\n"
              "bench = Workbench.in_session(SESSION, GROUP, lang=LANG)\n"
              "display(LanguageSwitch(bench), SaveBar(bench))"),
    ]
    for notebook, steps in sections:
        number = kit.agenda.index(steps[0]) + 1  # cell ids by step number: a step's id may be long
        cells.append(_markdown(f"step-{number}", "\n\n".join(_step_text(kit, step) for step in steps)))
        if notebook == FITNESS_NOTEBOOK:
            cells += _fitness_cells()
        for i, code in enumerate(STEP_WIDGETS.get(notebook, ())):
            cells.append(_code(f"step-{number}-{i + 1}", code))
    cells += [_markdown("map-text", _both("facilitator.notebook.map", "facilitator.notebook.map_text")),
              _code("map", "MapPanel(bench)")]
    return {"cells": cells, "metadata": _METADATA, "nbformat": 4, "nbformat_minor": 5}


def write_group_notebooks(session: Session, kit, *, force: bool = False) -> list[Path]:
    """Write ``<group>.ipynb`` for every group into the session folder; return the paths, in group order.

    For the customer-fitness kit, the session folder also gets the fitness
    database the groups answer into, with a round and a team per group.

    Raises
    ------
    SaveError
        A group's notebook exists already (it may hold the group's own edits), unless ``force``.

    Examples
    --------
    >>> import servicepath as sp, tempfile
    >>> from servicepath.io.kits import find_kit
    >>> session = Session.create(tempfile.mkdtemp(), kit="arvo-scoring", groups=2, journey=sp.load_sample("webshop"))
    >>> [p.name for p in write_group_notebooks(session, find_kit("arvo-scoring"))]
    ['group-1.ipynb', 'group-2.ipynb']
    """
    notebooks = {session.folder / f"{group}.ipynb": group_notebook(session.folder, group, kit)
                 for group in session.groups()}
    existing = [path for path in notebooks if path.exists()]
    if existing and not force:
        raise SaveError(f"{existing[0]}: a group notebook is there already; it may hold the group's own edits "
                        "(give force=True to write over it)")
    if any(step.notebook == FITNESS_NOTEBOOK for step in kit.agenda):
        _fitness_database(session)
    atomic_write_many({path: _writer(notebook) for path, notebook in notebooks.items()})
    return list(notebooks)


# -- the cells ----------------------------------------------------------------------------------------
def _sections(kit) -> list[tuple[str, list]]:
    """The agenda's steps that use a widget notebook, grouped by notebook in the order first needed."""
    sections: dict[str, list] = {}
    for step in kit.agenda:
        if step.notebook in STEP_WIDGETS or step.notebook == FITNESS_NOTEBOOK:
            sections.setdefault(step.notebook, []).append(step)
    return list(sections.items())


def _intro(group: str, kit) -> str:
    title = " · ".join(label("facilitator.notebook.title", lang).format(group=group, kit=kit.title.get(lang))
                       for lang in ("fi", "en"))
    parts = [f"# {title}"]
    for lang in ("fi", "en"):
        intro = label("facilitator.notebook.intro", lang).format(group=group, kit=kit.title.get(lang),
                                                                 goal=kit.goal.get(lang))
        agenda = "\n".join(f"{n}. {step.title.get(lang)} ({step.minutes} min)" for n, step in enumerate(kit.agenda, 1))
        parts.append(f"**{lang.upper()}** {intro}\n\n{label('facilitator.notebook.agenda', lang)}:\n\n{agenda}")
    return "\n\n".join(parts)


def _step_text(kit, step) -> str:
    number = kit.agenda.index(step) + 1
    heading = " · ".join(label("facilitator.notebook.step", lang).format(number=number, title=step.title.get(lang),
                                                                          minutes=step.minutes)
                         for lang in ("fi", "en"))
    return f"## {heading}\n\n**FI** {step.what.get('fi')}\n\n**EN** {step.what.get('en')}"


def _both(heading: str, text: str) -> str:
    return (f"## {label(heading, 'fi')} · {label(heading, 'en')}\n\n"
            f"**FI** {label(text, 'fi')}\n\n**EN** {label(text, 'en')}")


def _fitness_cells() -> list[dict]:
    person = f"{label('facilitator.notebook.person', 'fi')} · {label('facilitator.notebook.person', 'en')}"
    return [
        _markdown("fitness-text", f"**FI** {label('facilitator.notebook.fitness_text', 'fi')}\n\n"
                                  f"**EN** {label('facilitator.notebook.fitness_text', 'en')}"),
        _code("fitness-store", f"store = sp.FitnessStore(Path(SESSION) / {FITNESS_DATABASE!r})\n"
                               "if store.rounds().empty:\n"
                               "    store.new_round()"),
        _code("fitness-person", f"PERSON = \"\"  # {person}\n\n"
                                "results = FitnessResults(store, person=PERSON or None, team=GROUP, lang=LANG)\n"
                                "w.link((bench, \"lang\"), (results, \"lang\"))\n"
                                "if PERSON:\n"
                                "    questionnaire = FitnessQuestionnaire(store, PERSON, team=GROUP, lang=LANG)\n"
                                "    questionnaire.on_finish(results.refresh)\n"
                                "    w.link((bench, \"lang\"), (questionnaire, \"lang\"))\n"
                                "    display(questionnaire)\n"
                                "else:\n"
                                "    print(sp.label(\"facilitator.notebook.no_person\", LANG))"),
        _code("fitness-results", "results"),
    ]


def _markdown(cell_id: str, text: str) -> dict:
    return {"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": _lines(text)}


def _code(cell_id: str, code: str) -> dict:
    return {"cell_type": "code", "execution_count": None, "id": cell_id, "metadata": {}, "outputs": [],
            "source": _lines(code)}


def _lines(text: str) -> list[str]:
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + [lines[-1]]


def _writer(notebook: dict):
    data = (json.dumps(notebook, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return lambda stream: stream.write(data)


def _fitness_database(session: Session) -> None:
    """The fitness database the groups answer into: a round open, a team per group."""
    from ..io.fitness_store import FitnessStore

    with FitnessStore(session.folder / FITNESS_DATABASE) as store:
        if store.rounds().empty:
            store.new_round()
        for group in session.groups():
            store.add_team(group)  # adding a team that is there already changes nothing
