"""Custom actions of the Throughcare assistant (run with `rasa run actions`).

One module per concern: conversation (language, device, who is speaking), small_talk,
guidance (answers from content/), safety (emergency and crisis), portal (HTTP to the portal),
personal (release plan and appointments), people (talking to staff, Recovery Champions),
languages (changing language). All texts are in texts.py.
"""
