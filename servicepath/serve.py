"""``python -m servicepath.serve`` (``make workshop``): the workshop notebooks as web apps, code hidden.

Voilà runs each notebook top to bottom for every visitor and shows only the
outputs and widgets. By default it listens on this computer only; ``--room``
opens it to the local network with a random token in the link, so only people
who were given the link can join.
"""

from __future__ import annotations

import argparse
import secrets
import signal
import socket
import subprocess
import sys
from pathlib import Path

__all__ = ["voila_command", "room_address", "main"]

DEFAULT_PORT = 8866


def voila_command(notebooks: str | Path = "notebooks", *, port: int = DEFAULT_PORT, room: bool = False,
                  token: str | None = None) -> tuple[list[str], str]:
    """The Voilà command line and the address to give people.

    Examples
    --------
    >>> command, url = voila_command(port=9000)
    >>> url, "--Voila.ip=127.0.0.1" in command, "--show_tracebacks=False" in command
    ('http://127.0.0.1:9000/', True, True)
    >>> command, url = voila_command(port=9000, room=True, token="abc")
    >>> url.endswith(":9000/?token=abc"), "--Voila.ip=0.0.0.0" in command
    (True, True)
    """
    host = room_address() if room else "127.0.0.1"
    command = [
        sys.executable, "-m", "voila", str(notebooks), "--no-browser", f"--port={port}",
        f"--Voila.ip={'0.0.0.0' if room else '127.0.0.1'}",  # noqa: S104 - the room's network, on purpose
        "--show_tracebacks=False",  # participants see a short message, never code or paths
        f"--Voila.token={token or ''}",
    ]
    url = f"http://{host}:{port}/" + (f"?token={token}" if token else "")
    return command, url


def room_address() -> str:
    """This computer's address on the local network (no packet is sent to find it)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # a UDP "connect" only picks the outgoing interface
        return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def main(argv: list[str] | None = None) -> int:
    """Start Voilà on the notebooks and print the address; runs until Ctrl+C."""
    parser = argparse.ArgumentParser(prog="servicepath.serve", description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="?", default="notebooks")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--room", action="store_true",
                        help="serve the local network, with a token in the link (default: this computer only)")
    args = parser.parse_args(argv)
    token = secrets.token_urlsafe(12) if args.room else None
    command, url = voila_command(args.notebooks, port=args.port, room=args.room, token=token)
    if args.room and "//127.0.0.1:" in url:
        print("No network found: the link works on this computer only.", flush=True)
    print(f"Workshop notebooks at {url}\n(Ctrl+C stops the server)", flush=True)
    server = subprocess.Popen(command)
    # A service manager or `kill` stops us with SIGTERM: pass it on, so Voilà does not live on without us.
    signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    try:
        return server.wait()
    except KeyboardInterrupt:  # Ctrl+C reaches Voilà too (same process group); wait for it to finish
        return 0 if server.wait() in (0, -signal.SIGINT, 130) else 1


if __name__ == "__main__":
    sys.exit(main())
