"""The journey model: data and validation (the lowest layer; imports no other layer)."""

from .fitness import (
    AGREEMENT_SCALE,
    DEVELOPMENT_ACTIONS,
    DEVELOPMENT_WAYS,
    FITNESS_AREAS,
    FITNESS_ITEMS,
    FITNESS_LEVELS,
    FITNESS_METHODS,
    INTERVIEW_ANSWERS,
    LEVEL_BARS,
    RECOMMEND_SCALE,
    DevelopmentAction,
    FitnessAnswer,
    FitnessItem,
    Interview,
)
from .journey import PAIN_POINT_COLUMNS, SCHEMA_VERSION, TOUCHPOINT_COLUMNS, TRANSITION_COLUMNS, Journey
from .kit import AgendaStep, Kit, Role
from .starter import new_journey
from .synthetic import synthetic_journey
from .text import Text
from .touchpoint import Answer, Arvo, PainPoint, Rating, Stage, Touchpoint, Transition
from .validate import Problem, check, validate
from .views import stage_overview
from .vocab import AFTERCARE_PRACTICES, KNOWN_TAGS, LANES, PRINCIPLES, RECOVERY_STEPS

__all__ = [
    "AFTERCARE_PRACTICES", "KNOWN_TAGS", "LANES", "PAIN_POINT_COLUMNS", "PRINCIPLES", "RECOVERY_STEPS",
    "SCHEMA_VERSION", "TOUCHPOINT_COLUMNS", "TRANSITION_COLUMNS",
    "Answer", "Arvo", "Journey", "PainPoint", "Problem", "Rating", "Stage", "Text", "Touchpoint", "Transition",
    "AGREEMENT_SCALE", "DEVELOPMENT_ACTIONS", "DEVELOPMENT_WAYS", "FITNESS_AREAS", "FITNESS_ITEMS", "FITNESS_LEVELS",
    "FITNESS_METHODS", "INTERVIEW_ANSWERS", "LEVEL_BARS", "RECOMMEND_SCALE", "DevelopmentAction", "FitnessAnswer",
    "FitnessItem", "Interview", "AgendaStep", "Kit", "Role",
    "check", "new_journey", "stage_overview", "synthetic_journey", "validate",
]
