"""Analysis: what a workshop learns from its journey (reach, paths, scores, pain points, plans).

Functions take a journey first and return pandas DataFrames or plain dataclasses;
this layer imports only the model.
"""

from .checklists import (
    FOLLOW_UP_DAYS,
    AftercareCoverage,
    aftercare_coverage,
    answers_for,
    attentiveness_check,
    record_answers,
    scores_from_answers,
    service_recovery,
)
from .experience import EMOTION_COLUMNS, RememberedExperience, emotion_along_path, remembered_experience, typical_path
from .fitness import (
    FITNESS_ACTION_COLUMNS,
    FITNESS_ANSWER_COLUMNS,
    FITNESS_PERSON_COLUMNS,
    FITNESS_TEAM_COLUMNS,
    INTERVIEW_SUMMARY_COLUMNS,
    MIN_RESPONDENTS,
    FitnessReport,
    Nps,
    development_actions,
    fitness_by_touchpoint,
    fitness_level,
    fitness_report,
    fitness_trend,
    interview_summary,
    level_gap,
    nps,
    person_results,
    team_results,
)
from .improvements import (
    METHODS,
    QUADRANTS,
    STATUSES,
    Improvement,
    add_improvement,
    apply,
    cast_votes,
    compare,
    dot_budget,
    improvement_table,
    improvements,
    prioritise,
    vote_results,
)
from .lived import LIVED_COMPARISON_COLUMNS, MATCH_COLUMNS, compare_lived, lived_reach, match_lived
from .merge import GroupMerge, group_agreement, match_touchpoints, merge_groups, merge_journeys
from .pain import CRITICAL_BOOST, PAIN_COLUMNS, PAYMENT_TAGS, PaymentMoment, pain_points, payment_moment
from .paths import REACH_COLUMNS, Path, goal_probability, likely_paths, reach, removal_effect
from .scoring import (
    CRITICAL_WEIGHT,
    DISAGREEMENT_RANGE,
    effective_scores,
    rating_summary,
    score_from_answers,
    score_journey,
    touchpoint_weights,
    weakest,
)

__all__ = [
    "FOLLOW_UP_DAYS", "AftercareCoverage", "aftercare_coverage", "answers_for", "attentiveness_check",
    "record_answers", "scores_from_answers", "service_recovery",
    "EMOTION_COLUMNS", "RememberedExperience", "emotion_along_path", "remembered_experience", "typical_path",
    "METHODS", "QUADRANTS", "STATUSES", "Improvement", "add_improvement", "apply", "cast_votes", "compare",
    "dot_budget", "improvement_table", "improvements", "prioritise", "vote_results",
    "CRITICAL_BOOST", "PAIN_COLUMNS", "PAYMENT_TAGS", "PaymentMoment", "pain_points", "payment_moment",
    "CRITICAL_WEIGHT", "DISAGREEMENT_RANGE", "REACH_COLUMNS", "Path", "effective_scores", "goal_probability",
    "likely_paths", "rating_summary", "reach", "removal_effect", "score_from_answers", "score_journey",
    "touchpoint_weights", "weakest",
    "FITNESS_ACTION_COLUMNS", "FITNESS_ANSWER_COLUMNS", "FITNESS_PERSON_COLUMNS", "FITNESS_TEAM_COLUMNS",
    "INTERVIEW_SUMMARY_COLUMNS", "MIN_RESPONDENTS", "FitnessReport", "Nps", "development_actions",
    "fitness_by_touchpoint", "fitness_level", "fitness_report", "fitness_trend", "interview_summary", "level_gap",
    "nps", "person_results", "team_results",
    "GroupMerge", "group_agreement", "match_touchpoints", "merge_groups", "merge_journeys",
    "LIVED_COMPARISON_COLUMNS", "MATCH_COLUMNS", "compare_lived", "lived_reach", "match_lived",
]
