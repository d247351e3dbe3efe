"""Where the content folder is (guidance pages, safety steps, the assistant's own words).

THROUGHCARE_CONTENT_DIR moves it, as it does for the portal (portal/services/paths.py).
"""
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# The page format is read by one module shared with the portal (content_format.py at the top of the
# repository, PyYAML only); the action server runs from chatbot/, so the repository is put on the path.
if str(REPO) not in sys.path:
    sys.path.append(str(REPO))

import content_format


def content_root():
    configured = os.environ.get("THROUGHCARE_CONTENT_DIR")
    if configured:
        return Path(configured)
    return REPO / "content"


def read_page(path):
    """(front matter, Markdown body), or None when the file is not a readable page."""
    try:
        return content_format.read(path)
    except (OSError, content_format.PageFormatError):
        return None
