"""A stand-in mail server that speaks enough SMTP (RFC 5321: EHLO, MAIL, RCPT, DATA, RSET,
NOOP, QUIT) for Django's SMTP backend, and keeps each message's recipients, subject and
Message-ID."""

from __future__ import annotations

import email
import email.policy
import socketserver
import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class Received:
    recipients: tuple[str, ...]
    subject: str
    message_id: str


class _Session(socketserver.StreamRequestHandler):
    server: _Server

    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        self.reply("220 stand-in ESMTP")
        recipients: list[str] = []
        while line := self.rfile.readline(65_536):
            verb = line.decode("ascii", "replace").strip().split(" ", 1)[0].upper()
            if verb in {"EHLO", "HELO"}:
                self.reply("250 stand-in")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(line.decode().split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                self._message(recipients)
                self.reply("250 OK queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:  # RSET, NOOP
                recipients = [] if verb == "RSET" else recipients
                self.reply("250 OK")

    def _message(self, recipients: list[str]) -> None:
        lines = []
        while (line := self.rfile.readline(1_000_000)) not in {b".\r\n", b".\n", b""}:
            lines.append(line[1:] if line.startswith(b"..") else line)
        message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
        with self.server.lock:
            self.server.received.append(
                Received(tuple(recipients), str(message["Subject"]), str(message["Message-ID"]))
            )


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int]) -> None:
        self.received: list[Received] = []
        self.lock = threading.Lock()
        super().__init__(address, _Session)


class MailStandIn:
    def __init__(self, host: str, port: int) -> None:
        self.server = _Server((host, port))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def received(self) -> list[Received]:
        with self.server.lock:
            return list(self.server.received)

    def __enter__(self) -> MailStandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
