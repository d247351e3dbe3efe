"""The guidance library: Markdown pages with front matter in content/<lang>/<topic-id>.md.

One source of truth: the portal renders these pages and the assistant quotes their summaries and
key steps. Rendering is safe (raw HTML is escaped, then the output is sanitised by nh3).
"""
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import content_format
import nh3
from markdown_it import MarkdownIt

from portal.services import languages
from portal.services.safety.phrases import fold

AUDIENCES = ("prisoner", "released", "family", "champion")
REVIEW_EVERY = timedelta(days=365)
REQUIRED_FIELDS = ("id", "title", "audience", "summary", "reviewed", "sources")
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_ALLOWED_TAGS = {"h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "blockquote", "br", "hr", "a", "code"}


class ContentError(ValueError):
    """A guidance file is malformed: raised at load time so a bad page never reaches a reader."""


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class GuidancePage:
    id: str
    lang: str
    title: str
    audience: tuple[str, ...]
    summary: str
    reviewed: date
    sources: tuple[Source, ...]
    related: tuple[str, ...]
    key_steps: tuple[str, ...]
    body_markdown: str
    body_html: str
    plain_text: str

    def review_due(self, today: date) -> bool:
        return today - self.reviewed > REVIEW_EVERY


@dataclass(frozen=True)
class SearchHit:
    page: GuidancePage
    score: int
    in_fallback_language: bool


def render_markdown(text: str, lang: str = "en") -> str:
    """Markdown to sanitised HTML: no raw HTML, no scripts, only links within the portal.

    In Arabic and Urdu the numbers, codes and Latin address lines of the text (not of the links'
    targets) are isolated so they keep their order."""
    tokens = _markdown.parse(text)
    for block in tokens:
        for token in block.children or ():
            if token.type == "text":
                token.content = languages.isolate_ltr_runs(token.content, lang)
    html = _markdown.renderer.render(tokens, _markdown.options, {})
    return nh3.clean(html, tags=_ALLOWED_TAGS, attributes={"a": {"href"}}, url_schemes=set(),
                     link_rel=None)


def plain_text(markdown_text: str) -> str:
    """Readable text for search and reading-ease scores: Markdown symbols removed."""
    text = re.sub(r"^\s{0,3}(#{1,6}|[-*+]|\d+[.)])\s+", "", markdown_text, flags=re.MULTILINE)
    text = re.sub(r"[*_`>]", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def parse_page(path: Path, lang: str) -> GuidancePage:
    try:
        meta, body = content_format.read(path)
    except content_format.PageFormatError as error:
        raise ContentError(f"{path}: {error}") from error
    missing = [name for name in REQUIRED_FIELDS if not meta.get(name)]
    if missing:
        raise ContentError(f"{path}: missing {', '.join(missing)}")
    if meta["id"] != path.stem:
        raise ContentError(f"{path}: id {meta['id']!r} does not match the file name")
    audience = tuple(meta["audience"])
    if not set(audience) <= set(AUDIENCES):
        raise ContentError(f"{path}: unknown audience in {audience}")
    reviewed = meta["reviewed"]
    if not isinstance(reviewed, date):
        raise ContentError(f"{path}: reviewed must be an ISO date")
    sources = tuple(Source(str(s["title"]), str(s["url"])) for s in meta["sources"])
    if any(not s.url.startswith("https://") for s in sources):
        raise ContentError(f"{path}: every source needs an https address")
    body = body.strip()

    def shown(text) -> str:
        return languages.isolate_ltr_runs(str(text), lang)

    return GuidancePage(
        id=meta["id"], lang=lang, title=shown(meta["title"]), audience=audience, summary=shown(meta["summary"]),
        reviewed=reviewed, sources=sources, related=tuple(meta.get("related") or ()),
        key_steps=tuple(shown(step) for step in meta.get("key_steps") or ()), body_markdown=body,
        body_html=render_markdown(body, lang), plain_text=plain_text(body),
    )


class GuidanceLibrary:
    def __init__(self, root: Path, languages: tuple[str, ...], default_language: str = "en"):
        self.root = Path(root)
        self.languages = languages
        self.default_language = default_language
        self._pages: dict[tuple[str, str], GuidancePage] = {}
        for lang in languages:
            folder = self.root / lang
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.md")):
                self._pages[(lang, path.stem)] = parse_page(path, lang)

    def topic_ids(self, lang: str | None = None) -> set[str]:
        return {topic for (page_lang, topic) in self._pages if lang is None or page_lang == lang}

    def page(self, topic_id: str, lang: str) -> tuple[GuidancePage | None, bool]:
        """The page in the reader's language, else in English; the flag says it fell back."""
        if (lang, topic_id) in self._pages:
            return self._pages[(lang, topic_id)], False
        fallback = self._pages.get((self.default_language, topic_id))
        return fallback, fallback is not None

    def pages_for(self, audience: str, lang: str) -> list[GuidancePage]:
        topics = sorted(t for t in self.topic_ids(self.default_language) | self.topic_ids(lang))
        pages = [self.page(topic, lang)[0] for topic in topics]
        return [page for page in pages if page and audience in page.audience]

    def related(self, page: GuidancePage) -> list[GuidancePage]:
        return [p for p in (self.page(topic, page.lang)[0] for topic in page.related) if p]

    def search(self, query: str, lang: str, limit: int = 10) -> list[SearchHit]:
        """Titles count most, then summaries and key steps, then the body; English when nothing matches."""
        words = [w for w in re.findall(r"\w+", fold(query)) if len(w) > 1]
        if not words:
            return []
        hits = self._search_in(words, lang, fallback=False)
        if not hits and lang != self.default_language:
            hits = self._search_in(words, self.default_language, fallback=True)
        return sorted(hits, key=lambda hit: (-hit.score, hit.page.title))[:limit]

    def _search_in(self, words: list[str], lang: str, fallback: bool) -> list[SearchHit]:
        hits = []
        for (page_lang, _topic), page in self._pages.items():
            if page_lang != lang:
                continue
            title, summary = fold(page.title), fold(page.summary + " " + " ".join(page.key_steps))
            body = fold(page.plain_text)
            score = 0
            for word in words:
                pattern = re.compile(rf"\b{re.escape(word)}")
                score += 6 * len(pattern.findall(title)) + 3 * len(pattern.findall(summary)) + len(pattern.findall(body))
            if score:
                hits.append(SearchHit(page, score, fallback))
        return hits

    def translations(self, pages: list[GuidancePage]) -> dict[str, list[str]]:
        """For each page, the languages it is written in (not just shown in English)."""
        return {page.id: sorted(lang for lang in self.languages if (lang, page.id) in self._pages) for page in pages}

    def review_schedule(self, today: date) -> list[GuidancePage]:
        """English pages (the master copies), oldest review first."""
        pages = [page for (lang, _), page in self._pages.items() if lang == self.default_language]
        return sorted(pages, key=lambda page: (page.reviewed, page.id))


@lru_cache(maxsize=4)
def library(root: str, languages: tuple[str, ...]) -> GuidanceLibrary:
    return GuidanceLibrary(Path(root), languages)
