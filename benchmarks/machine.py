"""What the figures were measured on: without it a table of milliseconds means little."""

from __future__ import annotations

import os
import platform
import sys
from importlib import metadata
from pathlib import Path


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_total_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return None


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def describe() -> dict[str, str]:
    """CPU, cores, memory, OS, Python and the libraries the figures depend on."""
    ram = memory_total_gb()
    pyside = _version("PySide6-Essentials")
    return {
        "CPU": cpu_model(),
        "cores": str(os.cpu_count()),
        "RAM": f"{ram:.1f} GB" if ram else "?",
        "OS": f"{platform.system()} {platform.release()} ({platform.machine()})",
        "Python": sys.version.split()[0],
        "PySide6": pyside if pyside != "?" else _version("PySide6"),
        "pydantic": _version("pydantic"),
        "matplotlib": _version("matplotlib"),
        "reportlab": _version("reportlab"),
        "networkx": _version("networkx"),
    }
