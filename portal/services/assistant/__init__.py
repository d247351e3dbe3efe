"""The chat assistant: a turn of the conversation (chat), Rasa over HTTP (relay), what the action server
may ask of the portal (action_server) and the signed tokens that name the person (person_tokens)."""
