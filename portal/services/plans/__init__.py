"""Release plans and what hangs off them: the checklist and its warnings (release_plans), appointments,
their calendar files (calendar_export), reminders, and the check-ins after release (checkins)."""
