"""Form pieces every audience shares, and the one way a view keeps a form when a service says no."""
from wtforms import SelectMultipleField
from wtforms.widgets import CheckboxInput, ListWidget

from portal.services.errors import DomainError, StaleEdit
from portal.words.messages import message_for


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def attempt(form, action, *, latest=None) -> tuple[bool, object]:
    """Runs `action()`: (True, its result), or (False, None) with the refusal's message on the form, so
    the page is shown again with everything the person typed.

    For a stale edit, `latest()` re-reads the record and its version goes into the form: saving again
    then overwrites the other person's change knowingly."""
    try:
        return True, action()
    except DomainError as error:
        form.form_errors.append(message_for(error))
        if isinstance(error, StaleEdit) and latest is not None:
            form.version.data = latest().version
        return False, None
