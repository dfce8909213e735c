"""End to end: a phone (headless Chromium) joins the Room link the window started, sends a card, votes.

The window runs the real server on 127.0.0.1 with the demo open. The
facilitator accepts the card (it becomes an element), closes the round (the
dots are recorded) and reveals it: the phone and the projector show the
result only after the reveal.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import press, wall_dots
from workshop_app.i18n import current_language
from workshop_app.model import Phase
from workshop_app.store.demo import load_demo

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
WAIT_MS = 20_000


def _browser_missing() -> str:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if not missing and shutil.which(str(CHROMEDRIVER)) is None:
        missing.append(str(CHROMEDRIVER))
    return ", ".join(missing)


pytestmark = pytest.mark.skipif(bool(_browser_missing()),
                                reason=f"no headless browser for the end-to-end test: {_browser_missing()} not installed "
                                       "(Debian: apt-get install chromium chromium-driver)")


@pytest.fixture
def phone(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path / 'chromium'}", "--window-size=400,900", "--lang=en-US"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


@pytest.fixture
def room_link(qtbot, window, tmp_path, monkeypatch):
    """The demo open, the Room link started from its window on loopback; the journal in a tmp folder."""
    monkeypatch.setenv("TANDEM_DATA_DIR", str(tmp_path / "data"))
    window.set_workshop(load_demo("en"), None)
    window.go_to_phase(Phase.INVENTORY)
    from workshop_app.ui.room.entry import open_room_link

    dialog = open_room_link(window)
    assert dialog.join.choose_address("127.0.0.1")
    assert dialog.join.start(), dialog.controller.last_error
    yield dialog
    dialog.controller.stop()
    dialog.close()


def shown(driver, element_id: str) -> bool:
    found = driver.find_elements("id", element_id)
    return bool(found) and found[0].is_displayed()


def test_a_phone_joins_sends_a_card_the_facilitator_accepts_and_votes_in_a_round_revealed_later(
        qtbot, window, room_link, phone):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    dialog, controller = room_link, room_link.controller
    info = controller.info
    assert info.url.startswith("http://127.0.0.1:")

    # join with the PIN
    phone.get(info.url)
    qtbot.waitUntil(lambda: shown(phone, "join-form"), timeout=WAIT_MS)
    phone.find_element(By.ID, "pin").send_keys(info.pin)
    phone.find_element(By.CSS_SELECTOR, "input[name=side][value=sales]").click()
    phone.find_element(By.ID, "name").send_keys("Kim")
    phone.find_element(By.CSS_SELECTOR, "#join-form button[type=submit]").click()
    qtbot.waitUntil(lambda: shown(phone, "room"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(controller.devices) == 1, timeout=WAIT_MS)
    assert controller.devices[0].name == "Kim" and "Sales 1" in dialog.join.counts.text()

    # a card, with markup in it, reaches the screening queue — and not the document
    title = "Reply to <b>leads</b> within 24 h"
    phone.find_element(By.ID, "tab-card").click()
    qtbot.waitUntil(lambda: shown(phone, "card-form"), timeout=WAIT_MS)
    Select(phone.find_element(By.ID, "card-kind")).select_by_value("goal")
    phone.find_element(By.ID, "card-title").send_keys(title)
    phone.find_element(By.ID, "card-detail").send_keys("<script>alert(1)</script>")
    phone.find_element(By.CSS_SELECTOR, "#card-form button[type=submit]").click()
    qtbot.waitUntil(lambda: len(controller.cards) == 1, timeout=WAIT_MS)
    card = controller.cards[0]
    assert (card.title, card.kind, card.side.value) == (title, "goal", "sales")
    assert not [el for el in window.doc.workshop.elements if el.title == title]
    dialog.tabs.setCurrentWidget(dialog.queue)
    assert title in dialog.queue.list.currentItem().text()
    assert dialog.queue.detail.text() == "<script>alert(1)</script>"
    qtbot.mouseClick(dialog.queue.accept_button, Qt.MouseButton.LeftButton)
    [element] = [el for el in window.doc.workshop.elements if el.title == title]
    assert element.kind == "goal" and element.side.value == "sales" and element.hidden
    assert controller.cards == [] and controller.link.pending_cards() == ()

    # the phone's projector tab shows what the wall shows: the new goal only once it is revealed
    phone.find_element(By.ID, "tab-show").click()
    visible_goal = next(el.title for el in window.doc.workshop.elements
                        if el.kind == "goal" and el.origin == "as_is" and el.level == "department" and not el.hidden)
    qtbot.waitUntil(lambda: visible_goal in phone.find_element(By.ID, "show-entries").text, timeout=WAIT_MS)
    assert title not in phone.find_element(By.ID, "show-entries").text
    window.presenter.reveal_all()
    assert not window.doc.workshop.element(element.id).hidden
    qtbot.waitUntil(lambda: title in phone.find_element(By.ID, "show-entries").text, timeout=WAIT_MS)
    assert not phone.find_elements(By.CSS_SELECTOR, "#show-entries b")  # the markup is text, not bold

    # a round on two of the room's conflicts, with the projector on
    window.go_to_phase(Phase.CONFLICTS)
    press(qtbot, window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    presenter = window.presenter
    qtbot.waitUntil(lambda: presenter.audience is not None and presenter.audience.isVisible(), timeout=2000)
    panel = dialog.voting
    dialog.tabs.setCurrentWidget(panel)
    ids = panel.checked_ids()[:2]
    panel.set_checked(set(ids))
    before = {v.id: v.votes for v in window.doc.conflict_views(current_language()) if v.id in ids}
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown(phone, "tab-vote"), timeout=WAIT_MS)
    phone.find_element(By.ID, "tab-vote").click()
    qtbot.waitUntil(lambda: len(phone.find_elements(By.CSS_SELECTOR, "#vote-items button.dot")) == 4, timeout=WAIT_MS)
    plus = [b for b in phone.find_elements(By.CSS_SELECTOR, "#vote-items button.dot") if b.text == "+"]
    plus[0].click()
    plus = [b for b in phone.find_elements(By.CSS_SELECTOR, "#vote-items button.dot") if b.text == "+"]
    plus[0].click()  # the list is redrawn after every dot
    plus = [b for b in phone.find_elements(By.CSS_SELECTOR, "#vote-items button.dot") if b.text == "+"]
    plus[1].click()
    phone.find_element(By.ID, "vote-send").click()
    qtbot.waitUntil(lambda: controller.round is not None and controller.round.devices_voted == 1, timeout=WAIT_MS)
    assert controller.live_result().tallies == {ids[0]: 2, ids[1]: 1}

    # closing records the dots in one step; neither the phone nor the wall shows them yet
    steps = window.doc.undo_stack.count()
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert window.doc.undo_stack.count() == steps + 1
    after = {v.id: v.votes for v in window.doc.conflict_views(current_language()) if v.id in ids}
    assert after == {ids[0]: before[ids[0]] + 2, ids[1]: before[ids[1]] + 1}
    # the phone's own dots stay on it ("your dots are in"); a new page load asks the server afresh
    phone.refresh()
    qtbot.waitUntil(lambda: shown(phone, "tab-vote"), timeout=WAIT_MS)
    phone.find_element(By.ID, "tab-vote").click()
    qtbot.waitUntil(lambda: phone.find_element(By.ID, "vote-info").text != "", timeout=WAIT_MS)
    assert not shown(phone, "result-heading") and not phone.find_elements(By.CSS_SELECTOR, "#vote-result li")
    assert not presenter.results and wall_dots(presenter, ids) == before

    # the reveal: the chart on the wall, the result on the phone
    qtbot.mouseClick(panel.reveal_button, Qt.MouseButton.LeftButton)
    assert presenter.results and not presenter.withheld
    chart = presenter.audience.view.current_view().chart
    qtbot.waitUntil(lambda: any(bar[0] == ids[0] and bar[2] == after[ids[0]] for bar in chart.results.bars),
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: shown(phone, "result-heading"), timeout=WAIT_MS)
    rows = phone.find_elements(By.CSS_SELECTOR, "#vote-result li")
    assert [r.find_element(By.CSS_SELECTOR, ".count").text for r in rows] == ["Dots: 2", "Dots: 1"]
    # and the phone's projector tab follows the wall: the revealed results
    phone.find_element(By.ID, "tab-show").click()
    qtbot.waitUntil(lambda: "Dot-vote results" in phone.find_element(By.ID, "show-entries").text, timeout=WAIT_MS)
