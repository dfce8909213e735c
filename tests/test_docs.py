"""The documentation's example and commands stay true."""

import re
from pathlib import Path

from workshop_app.store import parse_bytes

ROOT = Path(__file__).resolve().parent.parent


def test_file_format_example_is_a_valid_workshop():
    text = (ROOT / "docs" / "file-format.md").read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)```", text, re.S).group(1)
    doc = parse_bytes(example.encode("utf-8"))
    assert doc.meta.title and doc.links


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- test-command -->", 1)[1]
    command = re.search(r"```sh\n(.*?)\n```", block, re.S).group(1)
    assert "pytest" in command and 'pip install -e ".[test]"' in command
    assert "test-command" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
