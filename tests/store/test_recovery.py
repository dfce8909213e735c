"""Recovery copies, locks and backups: nothing is ever lost, nothing leaks."""

import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
import time

import pytest

from workshop_app.model import Goal, Workshop
from workshop_app.model.diff import differences
from workshop_app.store import load_workshop, save_workshop
from workshop_app.store.backup import backup_path, prune_backups
from workshop_app.store.lock import FileLock
from workshop_app.store.recovery import RecoveryWriter, orphaned_recoveries, read_recovery, recovery_dir

#: Scripted edits shared by the child that is killed and the parent that checks.
EDITS = textwrap.dedent('''
    from workshop_app.model import AddItem, Goal, RemoveItem, UpdateItem

    def make_edit(i, doc):
        if i % 5 == 4 and doc.elements:
            return RemoveItem("elements", doc.elements[0].id)
        if i % 3 == 2 and doc.elements:
            return UpdateItem("elements", doc.elements[-1].id, {"title": f"edited {i} äß€"})
        return AddItem("elements", Goal(id=f"g-{i}", title=f"goal {i}", horizon_months=i))
''')

CHILD = EDITS + textwrap.dedent('''
    import sys
    from workshop_app.model import Workshop
    from workshop_app.store.recovery import RecoveryWriter

    doc = Workshop()
    writer = RecoveryWriter()
    print("path", writer.path, flush=True)
    for i in range(int(sys.argv[1])):
        make_edit(i, doc).apply(doc)
        writer.write(doc, None)
        print("ack", i, flush=True)
    sys.stdin.read()  # wait to be killed
''')


def expected_after(n_edits: int) -> Workshop:
    namespace: dict = {}
    exec(EDITS, namespace)
    doc = Workshop()
    for i in range(n_edits):
        namespace["make_edit"](i, doc).apply(doc)
    return doc


pytestmark = pytest.mark.usefixtures("empty_recovery_folder")


def kill_run(rng: random.Random, edits: int = 40) -> tuple[int, int]:
    """Start a child, kill it at a random moment; return (acknowledged, restored) edit counts."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(edits)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=os.environ.copy(),
    )
    first = child.stdout.readline().split()
    assert first[0] == "path", first
    kill_after = rng.randint(0, edits)
    acked = 0
    while acked < kill_after:
        line = child.stdout.readline()
        if not line:
            break
        acked += 1
    time.sleep(rng.random() * 0.004)  # land inside a later write now and then
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    child.stdin.close()
    found = [r for r in orphaned_recoveries() if r.path.name == os.path.basename(first[1])]
    if acked == 0 and not found:
        return 0, 0
    assert len(found) == 1
    recovered = found[0]
    assert recovered.problems == [], recovered.problems
    assert recovered.doc == expected_after(recovered.sequence)
    recovered.discard()
    return acked, recovered.sequence


def test_every_acknowledged_edit_survives_sigkill():
    runs = int(os.environ.get("TANDEM_KILL_RUNS", "50"))
    rng = random.Random(int(os.environ.get("TANDEM_KILL_SEED", "20261126")))
    acknowledged = lost = 0
    for _ in range(runs):
        acked, restored = kill_run(rng)
        acknowledged += acked
        lost += max(0, acked - restored)
    print(f"kill runs: {runs}, edits acknowledged: {acknowledged}, edits lost: {lost}")
    assert lost == 0


def test_recovery_file_is_private_and_removed_on_clean_close():
    writer = RecoveryWriter()
    doc = Workshop()
    writer.write(doc, "/somewhere/w.workshop.json")
    mode = writer.path.stat().st_mode
    assert stat.S_IMODE(mode) == 0o600
    assert stat.S_IMODE(recovery_dir().stat().st_mode) == 0o700
    assert orphaned_recoveries() == []  # our own process is alive: not an orphan
    recovered = read_recovery(writer.path)
    assert recovered.doc == doc and str(recovered.source_path) == "/somewhere/w.workshop.json"
    writer.discard()
    assert not writer.path.exists()


def test_damaged_recovery_file_is_reported_not_raised():
    path = recovery_dir() / "999999999-abc.recovery.json"
    path.write_bytes(b"\x00garbage")
    found = orphaned_recoveries()
    assert len(found) == 1 and found[0].doc is None and found[0].problems


def test_differences_between_recovered_and_saved():
    saved = Workshop()
    saved.elements.append(Goal(id="g-1", title="Leads"))
    recovered = saved.model_copy(deep=True)
    recovered.elements[0].title = "Qualified leads"
    recovered.elements.append(Goal(id="g-2", title="Brand"))
    recovered.meta.title = "Day 1"
    diff = {d.collection: d for d in differences(saved, recovered)}
    assert diff["elements"].added == ["Brand"]
    assert diff["elements"].changed == ["Qualified leads"]
    assert "meta" in diff


def test_second_lock_sees_the_first_owner(tmp_path):
    doc_path = tmp_path / "w.workshop.json"
    first, second = FileLock(doc_path), FileLock(doc_path)
    assert first.acquire() is None
    owner = second.acquire()
    assert owner is not None and owner.pid == os.getpid()
    first.release()
    assert second.acquire() is None
    second.release()
    assert not second.path.exists()


def test_lock_of_a_dead_process_is_taken_over(tmp_path):
    doc_path = tmp_path / "w.workshop.json"
    child = subprocess.Popen([
        sys.executable, "-c",
        f"from workshop_app.store.lock import FileLock; FileLock({str(doc_path)!r}).acquire(); print('ok', flush=True)",
    ], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ok"
    child.wait()
    child.stdout.close()
    assert FileLock(doc_path).acquire() is None


def test_lock_held_by_another_live_process_is_reported(tmp_path):
    doc_path = tmp_path / "w.workshop.json"
    child = subprocess.Popen([
        sys.executable, "-c",
        f"import sys; from workshop_app.store.lock import FileLock; FileLock({str(doc_path)!r}).acquire(); "
        "print('ok', flush=True); sys.stdin.read()",
    ], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ok"
        owner = FileLock(doc_path).acquire()
        assert owner is not None and owner.pid == child.pid
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
        child.stdin.close()


def test_save_keeps_the_previous_version_privately(tmp_path):
    path = tmp_path / "w.workshop.json"
    first = Workshop()
    first.meta.title = "first"
    save_workshop(first, path, keep_backup=True)
    assert not backup_path(path).exists()  # nothing to keep yet
    second = Workshop()
    second.meta.title = "second"
    save_workshop(second, path, keep_backup=True)
    assert load_workshop(path).meta.title == "second"
    kept = backup_path(path)
    assert load_workshop(kept).meta.title == "first"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert prune_backups(now=time.time() + 15 * 24 * 3600) >= 1
    assert not kept.exists()
