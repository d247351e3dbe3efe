"""What the portal calls things and how it says them, in the reader's language (Flask-Babel): plan and
appointment labels (plans), champion profiles and match reasons (champions), audiences and needs
(guidance), and the messages for refusals, reminders and check-ins (messages)."""
