"""Domain errors: raised by services, shown to the user in their language by one handler."""


class DomainError(Exception):
    """A rule was broken. `code` names a message in portal/web/errors.py; `fields` keeps form errors."""

    status = 400

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


class SignInFailed(DomainError):
    status = 200  # the sign-in form is shown again with the message, not an error page


class AccountLocked(SignInFailed):
    pass


class NotAllowed(DomainError):
    status = 403


class NotFound(DomainError):
    status = 404


class StaleEdit(DomainError):
    """Someone else saved this record after the form was opened."""

    status = 409
