"""The format of a guidance page, read one way by the portal and by the assistant's action server.

content/<lang>/<topic-id>.md holds YAML front matter between two `---` lines, then Markdown. This
module needs nothing but PyYAML, so both environments import it: the portal's (Python 3.11) and
Rasa's (Python 3.10), which cannot import the portal package. What the fields must hold is each
reader's own business (portal/services/content/guidance.py checks every field; the action server
only needs the summary and key steps).
"""
import re
from pathlib import Path

import yaml

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.DOTALL)


class PageFormatError(ValueError):
    """The file is not front matter followed by Markdown."""


def split(raw: str) -> tuple[dict, str]:
    """(front matter, Markdown body) of a page's text."""
    match = FRONT_MATTER.match(raw)
    if not match:
        raise PageFormatError("no front matter")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise PageFormatError(f"front matter is not valid YAML: {error}") from error
    if not isinstance(meta, dict):
        raise PageFormatError("front matter is not a mapping")
    return meta, match.group(2)


def read(path: Path) -> tuple[dict, str]:
    return split(Path(path).read_text(encoding="utf-8"))
