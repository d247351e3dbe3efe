"""Where the content folder is (guidance pages, safety steps, the assistant's own words).

THROUGHCARE_CONTENT_DIR moves it, as it does for the portal (portal/services/paths.py).
"""
import os
from pathlib import Path


def content_root():
    configured = os.environ.get("THROUGHCARE_CONTENT_DIR")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / "content"
