"""Where the content files are, from the configuration (CONTENT_DIR, LANGUAGES): the guidance library and
the services directory, each read once per process (services/content keeps them)."""
from flask import current_app

from portal.services.content import directory, guidance


def library() -> guidance.GuidanceLibrary:
    return guidance.library(str(current_app.config["CONTENT_DIR"]), tuple(current_app.config["LANGUAGES"]))


def services_directory() -> directory.Directory:
    return directory.directory(str(current_app.config["CONTENT_DIR"] / "services"))
