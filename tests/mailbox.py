"""A real SMTP server for the tests (aiosmtpd), and reading what arrived at it."""
import email
import re
import socket
import threading
from email import policy
from email.message import Message

import pytest
from aiosmtpd.controller import Controller


class Mailbox:
    """Collects every message the server receives."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        with self._lock:
            self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if address in m["To"]]

    def clear(self) -> None:
        self.messages.clear()


def header(message: Message, name: str) -> str:
    """A header's value, unfolded (a long value may start on a continuation line)."""
    return " ".join(str(message[name]).split())


def text_of(message: Message) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode()


def html_of(message: Message) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/html")
    return part.get_payload(decode=True).decode()


def links_in(message: Message) -> list[str]:
    """Paths (without the host) of the links in a message's text part."""
    return [re.sub(r"^https?://[^/]+", "", url) for url in
            re.findall(r"https?://\S+", text_of(message))]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def mailbox():
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=_free_port())
    controller.start()
    box.port = controller.port
    yield box
    controller.stop()


def mail_config(box: Mailbox) -> dict:
    return {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": box.port, "MAIL_BACKEND": "smtp",
            "MAIL_USE_TLS": False, "PUBLIC_URL": "http://learnpm.test"}
