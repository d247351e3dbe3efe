"""Talking to the Rasa assistant over its REST channel."""
import time
from dataclasses import dataclass, field

import httpx

READY = "ready"
UNAVAILABLE = "unavailable"


class AssistantUnavailable(Exception):
    """Rasa is starting, down, or too slow to answer within the timeout."""


@dataclass
class BotReply:
    text: str = ""
    buttons: list[dict] = field(default_factory=list)
    custom: dict = field(default_factory=dict)


_status_cache: dict[str, tuple[float, str]] = {}
# One pooled client per process: no new TCP connection to Rasa for every chat message.
_client = httpx.Client(limits=httpx.Limits(max_keepalive_connections=10, max_connections=20))


def status(rasa_url: str, timeout: float = 1.0, cache_seconds: float = 5.0) -> str:
    """READY when Rasa has a model loaded and answers; cached briefly so pages stay fast."""
    cached = _status_cache.get(rasa_url)
    now = time.monotonic()
    if cached and now - cached[0] < cache_seconds:
        return cached[1]
    try:
        response = _client.get(f"{rasa_url}/status", timeout=timeout)
        state = READY if response.status_code == 200 and response.json().get("model_file") else UNAVAILABLE
    except (httpx.HTTPError, ValueError):
        state = UNAVAILABLE
    _status_cache[rasa_url] = (now, state)
    return state


def forget_status() -> None:
    _status_cache.clear()


def send(rasa_url: str, conversation_id: str, text: str, metadata: dict, timeout: float) -> list[BotReply]:
    try:
        response = _client.post(
            f"{rasa_url}/webhooks/rest/webhook",
            json={"sender": conversation_id, "message": text, "metadata": metadata},
            timeout=timeout,
        )
        response.raise_for_status()
        payload = response.json()
    except (httpx.HTTPError, ValueError) as error:
        _status_cache.pop(rasa_url, None)
        raise AssistantUnavailable(str(error)) from error
    replies = []
    for item in payload if isinstance(payload, list) else []:
        replies.append(
            BotReply(
                text=str(item.get("text") or ""),
                buttons=[b for b in item.get("buttons") or [] if isinstance(b, dict) and b.get("title")],
                custom=item.get("custom") if isinstance(item.get("custom"), dict) else {},
            )
        )
    return replies


def resume(rasa_url: str, conversation_id: str, timeout: float) -> bool:
    """Un-pause a conversation the assistant handed to staff (Rasa's `resume` event)."""
    try:
        response = _client.post(f"{rasa_url}/conversations/{conversation_id}/tracker/events",
                              json={"event": "resume"}, timeout=timeout)
        return response.status_code == 200
    except httpx.HTTPError:
        return False
