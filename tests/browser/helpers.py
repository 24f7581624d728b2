"""What the browser tests share besides their fixtures."""

from tests.conftest import host_of


def url(server_port: int, university, path: str = "/") -> str:
    """A path on the university's host, as the browser reaches it on the test server."""
    return f"http://{host_of(university)}:{server_port}{path}"
