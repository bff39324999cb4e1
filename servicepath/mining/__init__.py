"""Journeys as customers live them, built from event logs.

:func:`journey_from_events` turns an event export (one row per event: case,
touchpoint, time) into a :class:`~servicepath.Journey` with shares, volumes,
durations, entries and drop-out counted from the data.
"""

from .build import (
    MAX_STAGES,
    event_flows,
    journey_from_events,
    journey_from_flows,
    lived_touchpoints,
    lived_transitions,
)
from .events import OPTIONAL_COLUMNS, XES_COLUMNS
from .flows import TOUCHPOINT_FLOW_COLUMNS, TRANSITION_FLOW_COLUMNS, Flows
from .simulate import EVENT_LOG_WRITE_FORMATS, simulate_events, write_event_log
from .xes import read_xes, write_xes

__all__ = [
    "journey_from_events", "journey_from_flows", "event_flows", "lived_touchpoints", "lived_transitions",
    "simulate_events", "write_event_log", "EVENT_LOG_WRITE_FORMATS", "Flows", "XES_COLUMNS", "OPTIONAL_COLUMNS",
    "TOUCHPOINT_FLOW_COLUMNS", "TRANSITION_FLOW_COLUMNS", "MAX_STAGES", "read_xes", "write_xes",
]
