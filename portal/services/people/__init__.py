"""People and their accounts: signing in (accounts, passwords), reading someone's record with the read
audited (records), the role change at release (release), and the kiosk-to-phone hand-over (handover)."""
