"""Renew every picture of README.md and docs/guide.md from the demo workshop.

    python docs/make_pictures.py             # write docs/images/*.png (about 15 s)
    python docs/make_pictures.py --dry-run   # list what it would write, and from what

The screenshots come from ``tandem --demo --lang en --screenshots DIR`` (the
editor per phase, presentation mode, the audience window), the minutes pages
from ``tandem export --demo --lang en --final`` turned into PNG by
``pdftoppm`` (poppler-utils). Both run with fresh settings and data folders,
so your own zoom, type size and language do not leak into the pictures.

Run it after every change to the user interface or the minutes. The docs test
(tests/test_docs.py) checks that the pictures the documents show are exactly
the ones listed here.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
IMAGES = DOCS / "images"
LANGUAGE = "en"  # the guide is in English; the app and the minutes are German and English
PDF_DPI = 100

#: Picture in docs/images ← file written by ``tandem --demo --screenshots DIR``.
SCREENSHOTS: dict[str, str] = {
    "phase-1-setup.png": "01-setup.png",
    "phase-2-inventory.png": "02-inventory.png",
    "phase-3-goals.png": "03-goals.png",
    "phase-4-conflicts.png": "04-conflicts.png",
    "phase-5-communication.png": "05-communication.png",
    "phase-6-culture_pilot.png": "06-culture_pilot.png",
    "phase-7-wrapup.png": "07-wrapup.png",
    "presentation-goals.png": "21-presentation-goals-1280x720.png",
    "presentation-conflicts.png": "21-presentation-conflicts-1280x720.png",
    "audience-results.png": "31-audience-results.png",
}

#: Picture in docs/images ← page of the PDF minutes: the first page, or the one where a section starts.
MINUTES_PAGES: dict[str, str | None] = {
    "minutes-first-page.png": None,
    "minutes-conflicts.png": r"^\s*\d+\s+Conflicts taken up by the room\s*$",  # e.g. "4 Conflicts taken up by the room"
}


class PictureError(Exception):
    """Something the user can fix (a missing tool, a renamed screenshot); reported in one line."""


def planned() -> list[tuple[str, str]]:
    """(picture, where it comes from) for every picture this script writes."""
    rows = [(name, f"tandem --demo --lang {LANGUAGE} --screenshots: {source}") for name, source in SCREENSHOTS.items()]
    for name, heading in MINUTES_PAGES.items():
        page = "page 1" if heading is None else f"the page matching {heading!r}"
        rows.append((name, f"tandem export --demo --lang {LANGUAGE} --final: {page}"))
    return rows


def picture_names() -> list[str]:
    return [name for name, _source in planned()]


def _environment(scratch: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        TANDEM_CONFIG_DIR=str(scratch / "config"),  # default settings: zoom, type scale, no remembered language
        TANDEM_DATA_DIR=str(scratch / "data"),
        TANDEM_LANG=LANGUAGE,
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def _tandem(args: list[str], env: dict[str, str]) -> None:
    command = [sys.executable, "-m", "workshop_app", *args]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PictureError(f"'tandem {' '.join(args)}' failed (exit {result.returncode}):\n{result.stderr.strip()}")


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise PictureError(
            f"'{name}' not found: it turns the PDF minutes into pictures. Install poppler "
            "(Debian/Ubuntu: sudo apt install poppler-utils; macOS: brew install poppler), then run again."
        )
    return path


def _page_text(pdf: Path, page: int) -> str:
    result = subprocess.run([_tool("pdftotext"), "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
                            capture_output=True, text=True, check=True)
    return result.stdout


def _page_count(pdf: Path) -> int:
    result = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", result.stdout, re.M)
    if match is None:
        raise PictureError(f"pdfinfo cannot tell the pages of {pdf}")
    return int(match.group(1))


def _find_page(pdf: Path, heading: str | None) -> int:
    if heading is None:
        return 1
    pattern = re.compile(heading, re.M)
    for page in range(1, _page_count(pdf) + 1):
        if pattern.search(_page_text(pdf, page)):
            return page
    raise PictureError(f"no page of the minutes matches {heading!r}: has the section been renamed?")


def _render_page(pdf: Path, page: int, target: Path) -> None:
    stem = target.with_suffix("")
    subprocess.run([_tool("pdftoppm"), "-png", "-r", str(PDF_DPI), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True)


def _store(source: Path, target: Path) -> None:
    """Copy a PNG, recompressed losslessly (Pillow comes with matplotlib) and without metadata."""
    try:
        from PIL import Image
    except ImportError:
        shutil.copyfile(source, target)
        return
    with Image.open(source) as image:
        image.load()
        clean = image.convert("RGB") if image.mode not in ("RGB", "L", "P") else image
        clean.save(target, "PNG", optimize=True)


def make_pictures(out: Path = IMAGES) -> list[Path]:
    """Write every planned picture into ``out`` and remove PNGs there that are no longer planned."""
    _tool("pdftoppm")  # fail before the slow part
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="tandem-pictures-") as tmp:
        scratch = Path(tmp)
        env = _environment(scratch)
        shots = scratch / "shots"
        _tandem(["--demo", "--lang", LANGUAGE, "--screenshots", str(shots)], env)
        missing = [source for source in SCREENSHOTS.values() if not (shots / source).is_file()]
        if missing:
            made = ", ".join(sorted(p.name for p in shots.glob("*.png")))
            raise PictureError(f"the screenshots command no longer writes {', '.join(missing)} (it wrote: {made})")
        for name, source in SCREENSHOTS.items():
            _store(shots / source, out / name)
            written.append(out / name)

        pdf = scratch / "minutes.pdf"
        _tandem(["export", "--demo", "--lang", LANGUAGE, "--final", "-o", str(pdf)], env)
        for name, heading in MINUTES_PAGES.items():
            page_png = scratch / f"page-{name}"
            _render_page(pdf, _find_page(pdf, heading), page_png)
            _store(page_png, out / name)
            written.append(out / name)

    for stale in sorted(set(out.glob("*.png")) - set(written)):
        print(f"removed {stale} (no longer made by this script)")
        stale.unlink()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Renew the pictures of README.md and docs/guide.md from the demo.")
    parser.add_argument("--dry-run", action="store_true", help="list the pictures and their sources, write nothing")
    parser.add_argument("--out", type=Path, default=IMAGES, help="folder for the pictures (default: docs/images)")
    args = parser.parse_args(argv)
    if args.dry_run:
        for name, source in planned():
            print(f"{name}\t{source}")
        return 0
    try:
        written = make_pictures(args.out)
    except PictureError as exc:
        print(f"make_pictures: {exc}", file=sys.stderr)
        return 1
    total = sum(path.stat().st_size for path in written)
    for path in written:
        print(path)
    print(f"{len(written)} pictures, {total / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
