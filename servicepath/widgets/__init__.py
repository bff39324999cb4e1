"""Widgets for workshop notebooks: each wires library functions to controls, nothing more.

Every widget is built on a :class:`Workbench` (the journey, its file, the language and an
undo history) and redraws when the workbench's ``version`` or ``lang`` changes, so tests
drive them by setting ``.value`` and calling ``.click()`` with no browser.
"""

from .aftercare import AftercareCheckup
from .editor import JourneyEditor
from .exporter import ExportPanel
from .facilitator import AgendaTimer, FacilitatorView, GroupComparison, GroupProgress, MergedResult, demo_session
from .fitness import FitnessQuestionnaire, FitnessResults, InterviewForm, open_fitness_store
from .lived import LivedJourneyView
from .pain_board import PainPointBoard
from .panels import LanguageSwitch, MapPanel, SaveBar, status_line
from .planning import DotVote, ImprovementPlanner
from .scorer import ArvoScorer
from .workbench import UNDO_DEPTH, Workbench

__all__ = ["Workbench", "UNDO_DEPTH", "MapPanel", "LanguageSwitch", "SaveBar", "status_line",
           "DotVote", "ImprovementPlanner", "AftercareCheckup", "ExportPanel",
           "ArvoScorer", "PainPointBoard", "JourneyEditor",
           "FitnessQuestionnaire", "FitnessResults", "InterviewForm", "open_fitness_store",
           "AgendaTimer", "GroupProgress", "GroupComparison", "MergedResult", "FacilitatorView", "demo_session",
           "LivedJourneyView"]
