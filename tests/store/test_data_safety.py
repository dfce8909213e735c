"""Data safety below the window: owners, the private folder, special files, saving over files.

Each test is one way a real laptop or a shared folder broke a promise:
a reused process id, a renamed host, a folder owned by root after a
``sudo tandem``, a planted copy, a FIFO, a symlinked or read-only workshop,
two users saving one file, a kill in the middle of a save.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tests.builders import titled_workshop
from workshop_app.paths import user_data_dir
from workshop_app.store import LoadError, load_workshop, save_workshop
from workshop_app.store.backup import backup_path
from workshop_app.store.disk import current_stamp, read_regular, remove_leftover_temps
from workshop_app.store.lock import FileLock
from workshop_app.store.owners import Liveness, Owner, liveness, this_process
from workshop_app.store.private_files import DataFolderProblem, private_dir
from workshop_app.store.recovery import RecoveryWriter, recovery_dir, scan_recoveries
from workshop_app.store.saving import ChangedOnDisk, ReadOnlyFile, SaveRefused, save_file

POSIX_ROOT = hasattr(os, "getuid") and os.getuid() == 0
NOBODY = 65534


pytestmark = pytest.mark.usefixtures("empty_recovery_folder")


def live_child() -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", "import sys; print('up', flush=True); sys.stdin.read()"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "up"
    return child


def stop(child: subprocess.Popen) -> None:
    child.kill()
    child.wait()
    child.stdout.close()
    child.stdin.close()


# -- who owns a lock or a copy ------------------------------------------------------

def test_the_liveness_check_leaves_a_live_process_running():
    child = live_child()
    try:
        started = psutil.Process(child.pid).create_time()
        owner = Owner(child.pid, this_process().host, started, psutil.boot_time())
        assert liveness(owner) is Liveness.ALIVE
        time.sleep(0.1)
        assert child.poll() is None  # still running: checking is never a signal
    finally:
        stop(child)
    assert liveness(owner) is Liveness.GONE


def test_a_reused_process_id_does_not_keep_a_crashed_owner_alive():
    child = live_child()
    try:
        real = psutil.Process(child.pid).create_time()
        reused = Owner(child.pid, this_process().host, real - 3600, psutil.boot_time())  # a process started earlier
        assert liveness(reused) is Liveness.GONE
        before_reboot = Owner(child.pid, this_process().host, real, psutil.boot_time() - 86400)
        assert liveness(before_reboot) is Liveness.GONE
    finally:
        stop(child)


def test_setting_the_clock_does_not_make_a_running_owner_look_gone_but_a_reboot_does():
    child = live_child()
    try:
        me = this_process()
        started, boot = psutil.Process(child.pid).create_time(), psutil.boot_time()
        stepped = Owner(child.pid, me.host, started + 3600, boot + 3600, me.boot_id)  # written before the clock moved
        assert liveness(stepped) is Liveness.ALIVE
        if me.boot_id:
            rebooted = Owner(child.pid, me.host, started, boot, "another-boot")
            assert liveness(rebooted) is Liveness.GONE
    finally:
        stop(child)


def test_an_owner_under_another_host_name_cannot_be_checked_here():
    assert liveness(Owner(os.getpid(), this_process().host + "-old-name", None, None)) is Liveness.ELSEWHERE


def test_a_lock_whose_pid_belongs_to_another_program_now_is_stale(tmp_path):
    doc_path = tmp_path / "w.workshop.json"
    child = live_child()
    try:
        lock = FileLock(doc_path)
        record = {**this_process().record(), "pid": child.pid, "started": psutil.Process(child.pid).create_time() - 500,
                  "since": "2026-11-30T09:00:00+01:00"}
        lock.path.write_text(json.dumps(record))
        assert FileLock(doc_path).acquire() is None  # taken over: the writer is gone
    finally:
        stop(child)


def test_a_lock_from_another_host_name_is_reported_and_can_be_taken_over(tmp_path):
    doc_path = tmp_path / "w.workshop.json"
    lock = FileLock(doc_path)
    lock.path.write_text(json.dumps({**this_process().record(), "host": "old-laptop-name", "since": ""}))
    owner = FileLock(doc_path).acquire()
    assert owner is not None and owner.elsewhere and owner.host == "old-laptop-name"
    mine = FileLock(doc_path)
    mine.take_over()
    assert FileLock(doc_path).acquire() is not None  # now ours, and live
    mine.release()
    assert not mine.path.exists()


def test_a_recovery_copy_whose_pid_was_reused_is_offered():
    child = live_child()
    try:
        writer = RecoveryWriter()
        writer.write(titled_workshop("Crashed before the reboot"), None)
        data = json.loads(writer.path.read_text())
        data.update(pid=child.pid, started=psutil.Process(child.pid).create_time() - 1000)
        writer.path.write_text(json.dumps(data))
        offered = scan_recoveries().orphaned
        assert [r.doc.meta.title for r in offered] == ["Crashed before the reboot"]
    finally:
        stop(child)


def test_copies_of_running_windows_are_counted_not_offered():
    child = live_child()
    try:
        writer = RecoveryWriter()
        writer.write(titled_workshop(), None)
        data = json.loads(writer.path.read_text())
        data.update(pid=child.pid, started=psutil.Process(child.pid).create_time())
        writer.path.write_text(json.dumps(data))
        scan = scan_recoveries()
        assert scan.orphaned == [] and scan.running == 1
    finally:
        stop(child)


# -- the private folder ---------------------------------------------------------------

@pytest.mark.skipif(not POSIX_ROOT, reason="handing a file to another user needs root")
def test_a_copy_planted_by_another_user_is_never_offered():
    planted = recovery_dir() / "1-planted.recovery.json"
    writer = RecoveryWriter()
    writer.write(titled_workshop("Planted"), None)
    os.replace(writer.path, planted)
    data = json.loads(planted.read_text())
    data.update(pid=999_999_999)
    planted.write_text(json.dumps(data))
    os.chown(planted, NOBODY, NOBODY)
    scan = scan_recoveries()
    assert scan.orphaned == []
    assert len(scan.refused) == 1 and "belongs to the user nobody" in scan.refused[0]


def test_files_left_open_to_others_are_made_private():
    writer = RecoveryWriter()
    writer.write(titled_workshop("Old and open"), None)
    data = json.loads(writer.path.read_text())
    data.update(pid=999_999_999, started=None, boot=None)
    writer.path.write_text(json.dumps(data))
    os.chmod(writer.path, 0o644)
    os.chmod(recovery_dir(), 0o755)
    assert [r.doc.meta.title for r in scan_recoveries().orphaned] == ["Old and open"]
    assert stat.S_IMODE(writer.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(recovery_dir().stat().st_mode) == 0o700


def test_a_recovery_folder_that_is_a_link_is_not_used(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    elsewhere = tmp_path / "someone-elses"
    elsewhere.mkdir()
    (data / "recovery").symlink_to(elsewhere)
    monkeypatch.setenv("TANDEM_DATA_DIR", str(data))
    with pytest.raises(DataFolderProblem, match="link"):
        private_dir("recovery")


@pytest.mark.skipif(not POSIX_ROOT, reason="a folder of another user needs root to make")
def test_a_data_folder_owned_by_another_user_says_how_to_fix_it(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    os.chown(data, NOBODY, NOBODY)
    monkeypatch.setenv("TANDEM_DATA_DIR", str(data))
    with pytest.raises(DataFolderProblem) as caught:
        RecoveryWriter().write(titled_workshop(), None)
    assert "belongs to the user nobody" in str(caught.value) and "sudo chown -R" in str(caught.value)


def test_a_data_folder_that_cannot_be_created_is_a_clear_problem(tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    monkeypatch.setenv("TANDEM_DATA_DIR", str(blocker / "tandem"))
    writer = RecoveryWriter()  # creating the writer never fails: the app starts
    with pytest.raises(DataFolderProblem, match="cannot be created"):
        writer.write(titled_workshop(), None)
    assert user_data_dir() == blocker / "tandem"


# -- special files ---------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_named_like_a_workshop_is_refused_at_once(tmp_path):
    fifo = tmp_path / "trap.workshop.json"
    os.mkfifo(fifo)
    with pytest.raises(LoadError) as caught:
        load_workshop(fifo)  # would block forever if opened like a file
    assert "is a pipe, not a workshop file" in str(caught.value)
    result = subprocess.run([sys.executable, "-m", "workshop_app", "check", str(fifo)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "pipe" in result.stdout + result.stderr
    with pytest.raises(SaveRefused, match="pipe"):
        save_file(titled_workshop(), fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_folder_is_refused():
    with pytest.raises(OSError, match="folder"):
        read_regular(Path(__file__).parent, 1000)


# -- saving over a file -------------------------------------------------------------------

def test_saving_a_linked_workshop_writes_the_target_and_keeps_the_link(tmp_path):
    synced = tmp_path / "synced"
    synced.mkdir()
    real = synced / "kick-off.workshop.json"
    save_workshop(titled_workshop("First"), real)
    link = tmp_path / "kick-off.workshop.json"
    link.symlink_to(real)
    outcome = save_file(titled_workshop("Second"), link)
    assert link.is_symlink() and outcome.path == real
    assert load_workshop(real).meta.title == "Second"


def test_a_read_only_file_is_replaced_only_when_the_user_says_so(tmp_path):
    path = tmp_path / "final.workshop.json"
    save_workshop(titled_workshop("Signed off"), path)
    os.chmod(path, 0o444)
    with pytest.raises(ReadOnlyFile):
        save_file(titled_workshop("Changed"), path)
    assert load_workshop(path).meta.title == "Signed off"
    save_file(titled_workshop("Changed"), path, replace_read_only=True)
    assert load_workshop(path).meta.title == "Changed"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444  # still marked read-only


@pytest.mark.skipif(not POSIX_ROOT, reason="choosing a file's group needs a member of it (root is one of all)")
def test_a_team_file_keeps_its_group_and_mode(tmp_path):
    path = tmp_path / "team.workshop.json"
    save_workshop(titled_workshop("Team"), path)
    os.chown(path, -1, NOBODY)
    os.chmod(path, 0o660)
    save_file(titled_workshop("Saved by someone else"), path)
    info = path.stat()
    assert info.st_gid == NOBODY and stat.S_IMODE(info.st_mode) == 0o660


def test_a_file_changed_on_disk_since_it_was_read_is_not_saved_over(tmp_path):
    path = tmp_path / "shared.workshop.json"
    save_workshop(titled_workshop("Mine"), path)
    read_then = current_stamp(path, 10**6)
    save_workshop(titled_workshop("Theirs"), path)  # another user in the shared folder
    with pytest.raises(ChangedOnDisk):
        save_file(titled_workshop("Mine, changed"), path, expected=read_then)
    assert load_workshop(path).meta.title == "Theirs"
    os.utime(path, ns=(1, 1))  # touched only: same content, no conflict
    latest = current_stamp(path, 10**6)
    os.utime(path)
    save_file(titled_workshop("Mine, after reading theirs"), path, expected=latest)
    assert load_workshop(path).meta.title == "Mine, after reading theirs"


def test_the_same_file_under_two_names_is_one_file_to_the_lock_and_the_save(tmp_path):
    path = tmp_path / "shared.workshop.json"
    save_workshop(titled_workshop("Mine"), path)
    twin = tmp_path / "same-file.workshop.json"
    os.link(path, twin)
    first = FileLock(path)
    assert first.acquire() is None
    assert FileLock(twin).acquire() is not None  # the second window sees the first one
    first.release()
    read_then = current_stamp(path, 10**6)
    save_workshop(titled_workshop("Theirs, through the other name"), twin)  # gives that name a file of its own
    with pytest.raises(ChangedOnDisk):
        save_file(titled_workshop("Mine, changed"), path, expected=read_then)


def test_a_backup_that_cannot_be_written_does_not_block_the_save(tmp_path, monkeypatch):
    path = tmp_path / "w.workshop.json"
    save_workshop(titled_workshop("Before"), path)

    def no_room(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("workshop_app.store.backup.atomic_write_bytes", no_room)
    outcome = save_file(titled_workshop("After"), path, keep_backup=True)
    assert load_workshop(path).meta.title == "After"
    assert outcome.backup_problem == "No space left on device"
    assert not backup_path(path).exists()


def test_text_that_cannot_be_written_is_refused_with_its_field(tmp_path):
    doc = titled_workshop()
    doc.elements[0].__dict__["title"] = "Leads \ud800"  # bypasses validation, as a paste might
    path = tmp_path / "w.workshop.json"
    with pytest.raises(SaveRefused, match=r"elements\[0\]\.title"):
        save_file(doc, path)
    assert not path.exists()
    with pytest.raises(Exception):  # noqa: B017 (the recovery writer's own error reaches its caller)
        RecoveryWriter().write(doc, None)


def test_leftovers_of_a_killed_save_are_removed_on_the_next_open(tmp_path):
    path = tmp_path / "w.workshop.json"
    save_workshop(titled_workshop(), path)
    own = tmp_path / ".w.workshop.json.k3j9x_2a.tmp"
    other_recent = tmp_path / ".other.workshop.json.abcdefgh.tmp"
    other_old = tmp_path / ".old.workshop.json.zyxwvuts.tmp"
    unrelated = tmp_path / ".notes.txt.abcdefgh.tmp"
    for leftover in (own, other_recent, other_old, unrelated):
        leftover.write_text("{half")
    os.utime(other_old, (time.time() - 7200, time.time() - 7200))
    removed = remove_leftover_temps(tmp_path, own_file=path)
    assert sorted(p.name for p in removed) == sorted([own.name, other_old.name])
    assert other_recent.exists() and unrelated.exists() and path.exists()


def test_the_scan_removes_what_killed_writes_left_in_the_recovery_folder():
    old = recovery_dir() / ".123-abc.recovery.json.k3j9x_2a.tmp"
    fresh = recovery_dir() / ".456-def.recovery.json.zz99yy88.tmp"
    for leftover in (old, fresh):
        leftover.write_text("{half")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    scan_recoveries()
    assert not old.exists() and fresh.exists()  # a write may still be under way in the fresh one
