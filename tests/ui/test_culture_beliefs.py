"""Culture & pilot lists every belief: Marketing's, Sales' and those both sides hold."""

from tests.builders import small_workshop
from tests.ui.helpers import type_into
from workshop_app.model import Belief, Phase, Side


def test_a_belief_both_sides_hold_has_its_own_list_and_is_added_there(qtbot, window):
    doc = small_workshop()
    doc.elements.append(Belief(id="be-joint", title="The pilot is a restructuring in disguise", side=Side.JOINT))
    window.set_workshop(doc, None)
    window.go_to_phase(Phase.CULTURE_PILOT)
    page = window.page(Phase.CULTURE_PILOT)
    joint = page.beliefs[Side.JOINT]
    assert joint.model.ids == ["be-joint"]
    assert not joint.isVisibleTo(window)  # one list at a time: Marketing's first
    page.show_beliefs(Side.JOINT)
    assert joint.isVisibleTo(window) and page.belief_tabs.tabText(2).endswith("1")
    assert all("be-joint" not in page.beliefs[s].model.ids for s in (Side.MARKETING, Side.SALES))
    type_into(qtbot, joint.add_edit, "Nobody will read the minutes")
    added = [el for el in window.doc.workshop.elements if el.title == "Nobody will read the minutes"]
    assert len(added) == 1 and added[0].side == Side.JOINT
    window.undo()
    assert not any(el.title == "Nobody will read the minutes" for el in window.doc.workshop.elements)
