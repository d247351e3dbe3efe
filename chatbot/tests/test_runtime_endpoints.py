"""The deployment's Rasa endpoints follow the portal's database and Redis settings."""
from runtime_endpoints import endpoints


def test_default_sqlite_portal_gets_a_sqlite_tracker_file_and_no_lock_store():
    config = endpoints({})
    assert config["tracker_store"]["type"] == "SQL" and config["tracker_store"]["dialect"] == "sqlite"
    assert config["tracker_store"]["db"].endswith("rasa-tracker.db")
    assert "lock_store" not in config


def test_postgresql_and_redis_are_shared_with_the_portal():
    config = endpoints({"DATABASE_URL": "postgresql+psycopg://tc:s%40cret@db.internal:5433/throughcare",
                        "REDIS_URL": "redis://cache.internal:6380/2", "ACTIONS_URL": "http://10.0.0.5:5055/webhook"})
    assert config["tracker_store"] == {"type": "SQL", "dialect": "postgresql", "url": "db.internal", "port": 5433,
                                       "db": "throughcare", "username": "tc", "password": "s@cret"}
    assert config["lock_store"] == {"type": "redis", "url": "cache.internal", "port": 6380, "db": 2,
                                    "key_prefix": "throughcare"}
    assert config["action_endpoint"]["url"] == "http://10.0.0.5:5055/webhook"
