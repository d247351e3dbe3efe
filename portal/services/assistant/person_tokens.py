"""Short-lived signed tokens that let the assistant ask the portal about the signed-in person only."""
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

MAX_AGE_SECONDS = 12 * 3600
_SALT = "assistant-person-token"


def issue(secret_key: str, person_id: int) -> str:
    return URLSafeTimedSerializer(secret_key, salt=_SALT).dumps({"person": person_id})


def person_id_from(secret_key: str, token: str | None, max_age: int = MAX_AGE_SECONDS) -> int | None:
    if not token:
        return None
    try:
        data = URLSafeTimedSerializer(secret_key, salt=_SALT).loads(token, max_age=max_age)
    except (BadSignature, SignatureExpired):
        return None
    return data.get("person") if isinstance(data, dict) else None
