"""Where the repository's own files are, found one way for the portal, its services and its build steps.

THROUGHCARE_CONTENT_DIR moves the content (guidance, directory, safety phrases and steps) elsewhere,
for an image that keeps it outside the code.
"""
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CONTENT = Path(os.environ.get("THROUGHCARE_CONTENT_DIR", REPO / "content"))
VAR = REPO / "var"
