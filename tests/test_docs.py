"""The documentation's example and commands stay true."""

import html
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

from workshop_app.store import parse_bytes

ROOT = Path(__file__).resolve().parent.parent


def test_file_format_example_is_a_valid_workshop():
    text = (ROOT / "docs" / "file-format.md").read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)```", text, re.S).group(1)
    doc = parse_bytes(example.encode("utf-8"))
    assert doc.meta.title and doc.links


def test_the_file_format_examples_finding_records_match_findings_of_this_build():
    """The example records the room's view of detected findings by their ids: those ids must still be found."""
    from workshop_app.analysis import find_conflicts

    example = re.search(r"```json\n(.*?)```", (ROOT / "docs" / "file-format.md").read_text(encoding="utf-8"), re.S)
    doc = parse_bytes(example.group(1).encode("utf-8"))
    found = {f.id: f for f in find_conflicts(doc)}
    detected = [c for c in doc.conflicts if c.rule != "declared"]
    assert detected
    for record in detected:
        assert record.id in found, record.id
        assert set(record.element_ids) == set(found[record.id].element_ids), record.id


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- test-command -->", 1)[1]
    command = re.search(r"```sh\n(.*?)\n```", block, re.S).group(1)
    assert "pytest" in command and 'pip install -e ".[test]"' in command
    assert "test-command" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


# -- pictures and links of README.md and docs/*.md -----------------------------------------------------------

PICTURE_SCRIPT = ROOT / "docs" / "make_pictures.py"
IMAGES = ROOT / "docs" / "images"
MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_IMAGE = re.compile(r"<img\b[^>]*\bsrc\s*=\s*[\"']([^\"']+)[\"']", re.I)
MARKDOWN_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def _documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _without_code(text: str) -> str:
    """Markdown outside fenced code blocks and inline code, where links are not links."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    return re.sub(r"`[^`\n]*`", "", text)


def _local(target: str) -> bool:
    return not re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) and not target.startswith("#")


def _images(doc: Path) -> list[Path]:
    text = _without_code(doc.read_text(encoding="utf-8"))
    targets = MARKDOWN_IMAGE.findall(text) + HTML_IMAGE.findall(text)
    return [(doc.parent / t.split("#")[0]).resolve() for t in targets if _local(t)]


def _picture_script():
    spec = importlib.util.spec_from_file_location("make_pictures", PICTURE_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_image_the_docs_show_exists():
    missing = [f"{doc.name}: {image.relative_to(ROOT)}" for doc in _documents() for image in _images(doc)
               if not image.is_file()]
    assert not missing, "run `python docs/make_pictures.py`; missing: " + ", ".join(missing)


def test_readme_and_guide_show_pictures():
    assert any("images" in str(p) for p in _images(ROOT / "README.md"))
    assert len(_images(ROOT / "docs" / "guide.md")) >= 8  # one per phase and a page of the minutes


def _anchors(doc: Path) -> set[str]:
    """The heading anchors GitHub makes: lower case, punctuation dropped, spaces become hyphens."""
    headings = re.findall(r"^#{1,6}\s+(.+?)\s*$", _without_code(doc.read_text(encoding="utf-8")), re.M)
    return {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}


def test_relative_links_in_the_docs_lead_somewhere():
    broken = []
    for doc in _documents():
        for target in MARKDOWN_LINK.findall(_without_code(doc.read_text(encoding="utf-8"))):
            path, _hash, anchor = target.partition("#")
            if target.startswith("#"):
                if anchor not in _anchors(doc):
                    broken.append(f"{doc.name}: {target}")
            elif _local(target):
                file = doc.parent / path
                if not file.exists() or (anchor and file.suffix == ".md" and anchor not in _anchors(file)):
                    broken.append(f"{doc.name}: {target}")
    assert not broken, broken


def test_the_picture_script_makes_exactly_the_pictures_the_docs_show():
    planned = {(IMAGES / name).resolve() for name in _picture_script().picture_names()}
    shown = {image for doc in _documents() for image in _images(doc) if image.parent == IMAGES.resolve()}
    assert shown == planned, {"shown but not made": sorted(p.name for p in shown - planned),
                              "made but not shown": sorted(p.name for p in planned - shown)}


def test_the_picture_script_dry_run_lists_its_pictures_and_writes_nothing(tmp_path):
    result = subprocess.run([sys.executable, str(PICTURE_SCRIPT), "--dry-run", "--out", str(tmp_path / "images")],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    listed = [line.split("\t")[0] for line in result.stdout.splitlines() if line.strip()]
    assert listed == _picture_script().picture_names()
    assert not (tmp_path / "images").exists()


def test_the_picture_script_asks_for_screenshots_the_app_writes():
    from workshop_app.model import Phase

    phases = {phase.value for phase in Phase}
    for source in _picture_script().SCREENSHOTS.values():
        match = re.fullmatch(r"(0[1-7]|2[01]|3[01])-(?:presentation-|audience-)?([a-z_]+?)(-1280x720)?\.png", source)
        assert match, source
        assert match.group(2) in phases | {"results"}, source


def test_the_readme_lists_every_keyboard_shortcut_of_the_app():
    from workshop_app import i18n
    from workshop_app.ui.window.help import shortcuts_text

    before = i18n.current_language()
    i18n.set_language("en")
    try:
        keys = re.findall(r"<b>(.*?)</b>", shortcuts_text())
    finally:
        i18n.set_language(before)
    readme = html.unescape((ROOT / "README.md").read_text(encoding="utf-8"))
    rows = {row.split("|")[1].strip() for row in readme.splitlines() if row.startswith("| ")}
    missing = [html.unescape(key) for key in keys if html.unescape(key) not in rows]
    assert keys and not missing, missing


# -- docs/file-format.md against the model and the rules: it cannot go stale --------------------------------

FILE_FORMAT = ROOT / "docs" / "file-format.md"


def _format_text() -> str:
    return FILE_FORMAT.read_text(encoding="utf-8")


def _quoted(text: str) -> set[str]:
    """Every `name` the page writes in code quotes (outside the example)."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    return set(re.findall(r"`([^`\n]+)`", text))


def _stored_classes():
    from workshop_app.model import alignment, elements, workshop

    classes = [workshop.Workshop, workshop.Meta, workshop.AnalysisSettings, workshop.Participant, workshop.AgendaItem,
               workshop.Link, workshop.Conflict, workshop.Decision, workshop.ActionItem, workshop.Pilot,
               workshop.ParkingItem, elements.Position, *elements.ELEMENT_CLASSES.values(), alignment.Alignment,
               alignment.AlignmentStatement, alignment.AlignmentRound, alignment.AlignmentResponse,
               alignment.AlignmentTally]
    return classes


def test_file_format_names_every_field_of_the_model():
    quoted = _quoted(_format_text())
    missing = sorted({f"{cls.__name__}.{name}" for cls in _stored_classes() for name in cls.model_fields
                      if name not in quoted})
    assert not missing, missing


def test_file_format_names_every_allowed_value():
    from workshop_app.model import alignment, enums

    quoted = _quoted(_format_text())
    enum_types = [value for value in vars(enums).values()
                  if isinstance(value, type) and issubclass(value, enums.StrEnum) and value is not enums.StrEnum]
    enum_types.append(alignment.Dimension)
    missing = sorted(f"{e.__name__}.{member.value}" for e in enum_types for member in e if member.value not in quoted)
    assert not missing, missing


def test_file_format_gives_each_element_kind_its_section_and_each_link_kind_its_ends():
    from workshop_app.model import ElementKind
    from workshop_app.model.references import LINK_ENDS

    text = _format_text()
    headings = set(re.findall(r"^### `([a-z_]+)`", text, re.M))
    assert headings == {kind.value for kind in ElementKind}
    rows = dict(re.findall(r"^\| `([a-z_]+)` \| ([^|]+→[^|]+) \|", text, re.M))
    for kind, (sources, targets) in LINK_ENDS.items():
        ends = rows[kind.value].split("→")
        for end, allowed in zip(ends, (sources, targets), strict=True):
            if allowed is None:
                assert "any element" in end, kind
            else:
                assert set(re.findall(r"[a-z_]+", end)) - {"or"} == set(allowed), (kind, end)


def test_file_format_lists_exactly_the_rule_ids_of_this_build():
    from workshop_app.analysis import RULE_IDS

    table = _format_text().split("<!-- rule-ids -->", 1)[1].split("<!-- /rule-ids -->", 1)[0]
    listed = re.findall(r"^\| `([a-z0-9-]+)` \|", table, re.M)
    assert listed == list(RULE_IDS)


def test_file_format_states_the_current_schema_version_and_the_analysis_defaults():
    from workshop_app.model import AnalysisSettings
    from workshop_app.model.workshop import SCHEMA_VERSION

    text = _format_text()
    assert f"currently **{SCHEMA_VERSION}**" in text
    assert f'"schema_version": {SCHEMA_VERSION}' in text
    for name, field in AnalysisSettings.model_fields.items():
        assert re.search(rf"^\| `{name}` \|[^|]+\| `{field.default}` \|", text, re.M), name
