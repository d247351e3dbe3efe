"""flask commands: database, demo data, translations."""
import subprocess
import sys

import click
from flask import Flask, current_app

from portal.config import REPO_ROOT

LOCALES = ("cy", "pl", "ro", "sq", "lt", "ar", "ur")


def reminder_channels(config) -> list:
    """The in-portal message and SMS (to the log until a gateway is plugged in); e-mail when SMTP is set."""
    from portal.services.plans import reminders

    channels = [reminders.PortalChannel(), reminders.LogSmsChannel()]
    if config.get("SMTP_HOST"):
        channels.append(reminders.SmtpEmailChannel(
            host=config["SMTP_HOST"], port=int(config.get("SMTP_PORT", 587)), sender=config["SMTP_FROM"],
            username=config.get("SMTP_USERNAME", ""), password=config.get("SMTP_PASSWORD", ""),
            use_tls=config.get("SMTP_TLS", True)))
    return channels


def register(app: Flask) -> None:
    @app.cli.command("db-upgrade")
    def db_upgrade():
        """Apply every migration to the configured database."""
        from portal import migrations_runner

        migrations_runner.upgrade(current_app.config["DATABASE_URL"])
        click.echo("database is up to date")

    @app.cli.command("db-revision")
    @click.argument("message")
    def db_revision(message):
        """Write a new migration from the difference between the models and the database."""
        from portal import migrations_runner

        migrations_runner.new_revision(current_app.config["DATABASE_URL"], message)

    @app.cli.command("seed-demo")
    def seed_demo():
        """Load the demo data into an empty database (demo mode only)."""
        from portal import demo_data
        from portal.db import get_session
        from portal.services.clock import today_in_london

        if not current_app.config["DEMO_MODE"]:
            raise click.ClickException("demo data is only for demo mode (THROUGHCARE_ENV=development)")
        session = get_session()
        if not demo_data.is_empty(session):
            click.echo("database already has people: demo data not loaded again")
            return
        demo_data.seed(session, today_in_london())
        click.echo("demo data loaded")

    @app.cli.command("release-due")
    def release_due():
        """Turn prisoners whose release date has come into released people (run daily from cron)."""
        from portal.db import get_session
        from portal.services.clock import today_in_london
        from portal.services.people import release

        count = release.release_everyone_due(get_session(), today_in_london())
        click.echo(f"{count} released")

    @app.cli.command("send-reminders")
    def send_reminders():
        """Send appointment reminders due now (24 h and 2 h before); run every few minutes from cron."""
        from portal.db import get_session
        from portal.services.clock import now_utc
        from portal.services.plans import reminders
        from portal.words.messages import reminder_text

        report = reminders.send_due(get_session(), now_utc(), reminder_channels(current_app.config), reminder_text)
        sent = ", ".join(f"{count} by {name}" for name, count in sorted(report.sent.items())) or "none"
        click.echo(f"reminders sent: {sent}; failed: {report.failed}")

    @app.cli.command("expire-offers")
    def expire_offers():
        """Champion offers not answered in 48 hours expire and go to the next champion (cron, hourly)."""
        from portal.db import get_session
        from portal.services.champions import requests
        from portal.services.clock import now_utc

        count = requests.expire_offers(get_session(), now_utc())
        click.echo(f"{count} offers expired and moved on")

    @app.cli.command("send-checkins")
    def send_checkins():
        """Check-ins on days 1, 3, 7, 14 and 28 after release; chase unanswered ones (cron, hourly)."""
        from portal.db import get_session
        from portal.services.clock import now_utc, today_in_london
        from portal.services.plans import checkins
        from portal.words.messages import checkin_text

        session = get_session()
        sent = checkins.send_due(session, today_in_london(), reminder_channels(current_app.config), checkin_text)
        chased = checkins.escalate_unanswered(session, now_utc())
        click.echo(f"{sent} check-ins sent; {chased} unanswered passed to staff")

    @app.cli.command("import-meetings")
    @click.argument("feed", type=click.File("r", encoding="utf-8"))
    @click.option("--area", "area_id", required=True, help="area id from content/services, e.g. leeds")
    @click.option("--source", required=True, help="a name for the feed, e.g. na-leeds; re-imports replace it")
    def import_meetings(feed, area_id, source):
        """Import mutual-aid meetings from a Meeting Guide JSON feed (contact names are never stored)."""
        import json

        from portal.db import get_session
        from portal.services.content import meetings

        try:
            report = meetings.import_feed(get_session(), json.load(feed), area_id, source)
        except (ValueError, meetings.FeedError) as error:
            raise click.ClickException(f"feed not imported: {error}") from error
        click.echo(f"{report.added} added, {report.updated} updated, {report.removed} removed")
        for problem in report.skipped:
            click.echo(f"skipped: {problem}", err=True)

    @app.cli.command("partner-token")
    @click.argument("name")
    @click.option("--scope", "scopes", multiple=True, type=click.Choice(["plans:write", "appointments:write",
                                                                          "people:read"]))
    @click.option("--replace", is_flag=True, help="issue a new token for an existing partner (the old one stops)")
    @click.option("--revoke", is_flag=True, help="stop the partner's token working")
    def partner_token(name, scopes, replace, revoke):
        """Give a partner system an API token with these scopes; the token is shown only this once."""
        from portal.db import get_session
        from portal.services import partners

        try:
            if revoke:
                partners.revoke_token(get_session(), name)
                click.echo(f"{name}: token revoked")
                return
            token = partners.issue_token(get_session(), name, list(scopes), replace=replace)
        except ValueError as error:
            raise click.ClickException(str(error)) from error
        click.echo(f"{name}: {', '.join(sorted(set(scopes)))}. Token (shown once, keep it secret):")
        click.echo(token)

    @app.cli.group()
    def translate():
        """Extract, update and compile the Babel catalogs."""

    @translate.command()
    def update():
        """Extract strings and update every catalog."""
        _pybabel("extract", "-F", "babel.cfg", "-k", "_l", "--no-location", "--sort-output",
                 "-o", "translations/messages.pot", ".")
        for locale in LOCALES:
            catalog = REPO_ROOT / "translations" / locale / "LC_MESSAGES" / "messages.po"
            action = "update" if catalog.exists() else "init"
            extra = ["--no-fuzzy-matching", "--ignore-obsolete"] if action == "update" else []
            _pybabel(action, "-i", "translations/messages.pot", "-d", "translations", "-l", locale, *extra)

    @translate.command()
    def compile():
        """Compile the catalogs to .mo files."""
        _pybabel("compile", "-d", "translations", "--statistics")


def _pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=REPO_ROOT)
