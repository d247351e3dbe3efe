"""Custom Rasa NLU components (referenced from config.yml as components.<module>.<Class>)."""
