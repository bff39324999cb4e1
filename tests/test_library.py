"""The bilingual content library is complete and fits where it is shown."""

import servicepath as sp
from servicepath.analysis import library


def _texts():
    yield from ((t, 40) for t in library.PRINCIPLE_NAMES.values())
    for principle in sp.PRINCIPLES:
        yield from ((t, 200) for t in library.RUBRIC[principle].values())
    questions = [q for qs in library.CHECK_QUESTIONS.values() for q in qs] + list(library.ATTENTIVENESS_QUESTIONS)
    yield from ((q.text, 120) for q in questions)
    yield from ((p.text, 200) for p in library.PAYMENT_PRACTICES)
    yield from ((t, 200) for t in (*library.AFTERCARE_PRACTICES.values(), *library.RECOVERY_STEPS.values()))


def test_every_principle_has_a_rubric_of_five_levels_and_four_questions():
    assert tuple(library.PRINCIPLE_NAMES) == tuple(library.RUBRIC) == tuple(library.CHECK_QUESTIONS) == sp.PRINCIPLES
    for principle in sp.PRINCIPLES:
        assert sorted(library.RUBRIC[principle]) == [0, 1, 2, 3, 4]
        assert len(library.CHECK_QUESTIONS[principle]) == 4
        assert all(q.principle == principle for q in library.CHECK_QUESTIONS[principle])


def test_practices_and_questions_name_real_principles_and_unique_ids():
    questions = [q for qs in library.CHECK_QUESTIONS.values() for q in qs] + list(library.ATTENTIVENESS_QUESTIONS)
    assert all(q.principle in sp.PRINCIPLES for q in questions)
    assert all(p.principles and set(p.principles) <= set(sp.PRINCIPLES) for p in library.PAYMENT_PRACTICES)
    ids = [q.id for q in questions] + [p.id for p in library.PAYMENT_PRACTICES]
    assert len(ids) == len(set(ids))


def test_checklists_use_the_glossary_tokens_in_order():
    assert tuple(library.AFTERCARE_PRACTICES) == sp.AFTERCARE_PRACTICES
    assert tuple(library.RECOVERY_STEPS) == sp.RECOVERY_STEPS


def test_every_text_is_in_finnish_and_english_and_short_enough_to_show():
    for text, limit in _texts():
        assert text.fi and text.en, text
        assert len(text.fi) <= limit and len(text.en) <= limit, text
