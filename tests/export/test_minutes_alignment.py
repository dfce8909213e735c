"""The minutes' alignment check: each side's stage per round, "too few to show" below 3 respondents,
only aggregates per side (never a respondent's name or answers), and no section without a round.

Read back with pypdf like :mod:`tests.export.test_minutes_agreed`: page furniture cut off, the
section's text taken from its numbered heading to the next section's.
"""

from __future__ import annotations

import re

import pytest

from tests.export.test_minutes_content import body_text, normalise, pages_text
from workshop_app.analysis.alignment import MIN_RESPONDENTS, STAGE_NAMES, alignment_summary, standard_statements
from workshop_app.export.minutes import SECTION_TITLES, minutes_pdf_bytes
from workshop_app.model import AlignmentResponse, AlignmentRound, Meta, Participant, Side, Workshop
from workshop_app.store.demo import load_demo
from workshop_app.vocabulary import Translator

M, S = Side.MARKETING, Side.SALES
TITLE = "Alignment check"


def _text(doc: Workshop, lang: str) -> str:
    return "\n".join(body_text(page) for page in pages_text(minutes_pdf_bytes(doc, lang)))


def section(doc: Workshop, lang: str) -> str | None:
    """The alignment section's text, normalised; None when the minutes have no such section."""
    tr = Translator(lang)
    text = _text(doc, lang)
    head = re.search(rf"^\d+\s+{re.escape(tr(TITLE))}$", text, re.M)
    if head is None:
        return None
    others = "|".join(re.escape(tr(t)) for t in SECTION_TITLES if t != TITLE)
    end = re.compile(rf"^\d+\s+({others})$", re.M).search(text, head.end())
    return normalise(text[head.end(): end.start() if end else len(text)])


def _workshop(rounds: tuple[str, ...] = ("before",)) -> Workshop:
    doc = Workshop(meta=Meta(title="Alignment"))
    doc.alignment.statements = standard_statements()
    doc.alignment.rounds = [AlignmentRound(id=f"r-{name}", name=name) for name in rounds]
    return doc


def _respond(doc: Workshop, side: Side, value: int | None, round_id: str = "r-before",
             participant: str | None = None, response_id: str | None = None) -> None:
    rid = response_id or f"resp-{len(doc.alignment.responses) + 1}"
    scores = {s.id: value for s in doc.alignment.statements}
    doc.alignment.responses.append(AlignmentResponse(id=rid, round_id=round_id, side=side, participant=participant,
                                                     scores=scores))


def _side_row(tr: Translator, side: Side, respondents: int, score: int, stage: str) -> str:
    return f"{tr.side(side)} {respondents} {tr('{score} of 100').format(score=score)} {tr(STAGE_NAMES[stage])}"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_demo_minutes_hold_both_sides_stage_and_score(lang):
    doc, tr = load_demo(lang), Translator(lang)
    text = section(doc, lang)
    assert text is not None
    (first,) = alignment_summary(doc)["rounds"]
    assert normalise(first["name"]) in text
    for side in (M, S):
        result = first["sides"][side.value]
        assert not result["too_few"]
        row = _side_row(tr, side, result["respondents"], round(result["score"]), result["stage"])
        assert row in text, (row, text[:800])
    assert tr("Where the sides see it differently") in text  # the gap chart's heading
    assert tr("Profile per dimension") in text
    # the chart shortens long statements; the largest gaps are printed in full beneath it
    statements = {st.id: st for st in doc.alignment.statements}
    largest = [normalise(statements[g["statement_id"]].text(lang)) for g in first["largest_gaps"]]
    assert largest and all(item in text for item in largest), largest


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_side_with_two_respondents_is_too_few_to_show_and_has_no_number(lang):
    tr = Translator(lang)
    doc = _workshop()
    for _ in range(3):
        _respond(doc, M, 4)  # 80 of 100, mean 4.0
    for _ in range(2):
        _respond(doc, S, 2)  # would be 40 of 100, mean 2.0
    text = section(doc, lang)
    assert text is not None
    assert _side_row(tr, M, 3, 80, "integrated") in text
    too_few = tr("too few to show (at least {n} respondents needed)").format(n=MIN_RESPONDENTS)
    assert f"{tr.side(S)} 2 {too_few}" in text
    assert tr("{score} of 100").format(score=40) not in text
    assert "2.0" not in text and "2,0" not in text  # nor Sales' mean answer in the profile
    assert tr(STAGE_NAMES["defined"]) not in text  # nor its stage (the introduction names it in lower case)
    assert tr("No gaps to show: each side needs at least {n} respondents.").format(n=MIN_RESPONDENTS) in text
    assert tr("Where the sides see it differently") not in text  # no gap chart with one side alone


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_named_respondents_answers_cannot_be_read_off(lang):
    """Zelda answered 1 everywhere, two colleagues 5: the minutes show Sales' mean (3.7, 73 of 100) only."""
    tr = Translator(lang)
    doc = _workshop()
    doc.participants = [Participant(id="p-zelda-quirinus", name="Zelda Quirinus", side=S)]
    _respond(doc, S, 1, participant="p-zelda-quirinus", response_id="resp-zelda-own")
    for _ in range(2):
        _respond(doc, S, 5)
    for _ in range(3):
        _respond(doc, M, 4)
    text = section(doc, lang)
    assert text is not None
    assert _side_row(tr, S, 3, 73, "aligned") in text  # (1 + 5 + 5) / 3 × 20
    mean = "3,7" if lang == "de" else "3.7"
    assert mean in text
    for leak in ("Zelda", "Quirinus", "p-zelda", "resp-zelda", "1,0" if lang == "de" else "1.0",
                 tr("{score} of 100").format(score=20), tr(STAGE_NAMES["undefined"]) + " (20"):
        assert leak not in text, leak
    # her name is printed once, in the list of participants, and never beside an answer
    assert normalise(_text(doc, lang)).count("Zelda Quirinus") == 1


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_section_without_an_alignment_round(lang):
    doc = _workshop(rounds=())
    doc.participants = [Participant(id="p1", name="Ana", side=S)]
    assert section(doc, lang) is None
    assert Translator(lang)(TITLE) not in _text(doc, lang)


def test_a_later_round_says_the_change_since_the_one_before():
    tr = Translator("en")
    doc = _workshop(rounds=("before", "after"))
    for _ in range(3):
        _respond(doc, M, 3)  # 60
        _respond(doc, S, 2)  # 40
        _respond(doc, M, 4, round_id="r-after")  # 80
        _respond(doc, S, 3, round_id="r-after")  # 60
    text = section(doc, "en")
    assert text is not None
    assert "Since “before”" in text
    assert f"{tr.side(M)} 3 80 of 100 Integrated (80–100) 60 → 80 (+20)" in text
    assert f"{tr.side(S)} 3 60 of 100 Aligned (60–79) 40 → 60 (+20)" in text
    assert "Change since “before”" in text


def test_a_side_whose_respondents_all_said_dont_know_is_too_few_for_lack_of_answers():
    tr = Translator("en")
    doc = _workshop()
    for _ in range(3):
        _respond(doc, M, 4)
        _respond(doc, S, None)  # "don't know" throughout
    text = section(doc, "en")
    assert text is not None
    assert f"{tr.side(S)} 3 too few to show (at least 3 answers per statement needed)" in text
    assert "respondents needed" not in text  # three did respond: the sentence must not say otherwise
