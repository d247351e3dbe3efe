"""Web plumbing every audience shares: who may use each route (access), errors as pages or JSON (errors),
the reader's language (i18n), kiosk sessions that end when idle (kiosk_idle), security headers, template
helpers (templates), shared forms and the form-keeping helper (forms), the safety steps shown after a
form (safety_notice), messages between a matched pair (pair_messages) and where content lives (content)."""
