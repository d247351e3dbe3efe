"""Web plumbing shared by every audience: access rules, errors, i18n, security headers, notices."""
