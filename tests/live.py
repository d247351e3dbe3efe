"""The portal over real HTTP: a werkzeug server on 127.0.0.1 and a free port, in a background thread."""
import threading
from contextlib import contextmanager

from werkzeug.serving import WSGIRequestHandler, make_server


class QuietRequestHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs):
        pass  # one line per request would drown pytest's output; errors are still logged


@contextmanager
def serving(app):
    """Yields the base URL of `app` served over HTTP until the block ends."""
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietRequestHandler)
    thread = threading.Thread(target=server.serve_forever, name="live-portal", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
