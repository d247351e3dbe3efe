"""The page format shared by the portal and the action server (content_format.py)."""
import pytest

import content_format
from tests.support import REPO


def test_every_shipped_page_splits_into_front_matter_and_body():
    pages = sorted((REPO / "content").glob("*/*.md"))
    assert len(pages) > 50
    for path in pages:
        meta, body = content_format.read(path)
        assert meta.get("summary") and body.strip(), path


@pytest.mark.parametrize("raw, reason", [
    ("no front matter here", "no front matter"),
    ("---\nid: [unclosed\n---\nbody", "not valid YAML"),
    ("---\n- a list\n---\nbody", "not a mapping"),
])
def test_a_malformed_page_is_refused_with_the_reason(raw, reason):
    with pytest.raises(content_format.PageFormatError, match=reason):
        content_format.split(raw)
