"""Files: the workshop JSON format, migrations, atomic writes. No Qt."""

from workshop_app.atomic import atomic_write_bytes
from workshop_app.store.document_file import (
    SUFFIX,
    LoadError,
    load_workshop,
    parse_bytes,
    save_workshop,
    to_json_bytes,
)

__all__ = ["SUFFIX", "LoadError", "atomic_write_bytes", "load_workshop", "parse_bytes", "save_workshop", "to_json_bytes"]
