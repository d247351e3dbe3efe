"""The addresses the person's pages had before they were written once, kept as redirects for one
release (bookmarks, printed links, the assistant's older answers). A GET is sent on with 302; a form
posted to an old address is sent on with 307, so the browser posts it again, unchanged, to the new one."""
from flask import redirect, request

from portal.person import bp
from portal.web.access import public

MOVED = {
    "/kiosk/release": "/my-plan",
    "/kiosk/release/questions": "/my-plan/questions",
    "/my/plan": "/my-plan",
    "/my/plan/questions": "/my-plan/questions",
    "/my/appointments/<int:appointment_id>.ics": "/my-plan/appointments/{appointment_id}.ics",
    "/my/appointments.ics": "/my-plan/appointments.ics",
    "/champions/request": "/my-champion",
}
for _old in ("/kiosk/champion", "/my/champion", "/family/support"):
    MOVED.update({
        _old: "/my-champion",
        f"{_old}/meeting": "/my-champion/meeting",
        f"{_old}/<int:match_id>/messages": "/my-champion/{match_id}/messages",
        f"{_old}/<int:match_id>/concern": "/my-champion/{match_id}/concern",
    })


@public  # only a redirect: the new address applies its own access rule
def moved_page(**values):
    target = MOVED[request.url_rule.rule].format(**values)
    if request.query_string:
        target += "?" + request.query_string.decode()
    return redirect(target, 302 if request.method in ("GET", "HEAD") else 307)


for _old in MOVED:
    bp.add_url_rule(_old, "moved", moved_page, methods=["GET", "POST"])
