"""Logging for the server: uvicorn's usual lines, or one JSON object a line for machines.

The text form is uvicorn's own (``INFO:     127.0.0.1:50312 - "POST /reconcile
HTTP/1.1" 200 OK``), with the service's messages (reloads, refused
registries) in the same form. The JSON form has ``time`` (UTC, ISO 8601),
``level``, ``logger`` and ``message``, and for each request ``client``,
``method``, ``path``, ``http_version`` and ``status``.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from typing import Any, Literal

LogFormat = Literal["text", "json"]


class JsonFormatter(logging.Formatter):
    """Formats a record as one line of JSON."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as a JSON object on one line."""
        out: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        args = record.args
        # uvicorn's access line: client, method, path with query, HTTP version, status.
        if record.name == "uvicorn.access" and isinstance(args, tuple) and len(args) == 5:
            client, method, path, version, status = args
            out.update(client=client, method=method, path=path, http_version=version, status=status)
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False, default=str)


def _colors() -> bool | None:
    # None lets uvicorn look at the terminal; NO_COLOR and TERM=dumb switch colour off.
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return None


def log_config(fmt: LogFormat = "text", level: str = "info") -> dict[str, Any]:
    """A :func:`logging.config.dictConfig` for uvicorn and the service, in text or JSON.

    Args:
        fmt: ``"text"`` (uvicorn's lines) or ``"json"`` (one object a line).
        level: the lowest level logged (``debug``, ``info``, ``warning``, ``error``).
    """
    if fmt == "json":
        formatters: dict[str, Any] = {
            "default": {"()": f"{__name__}.JsonFormatter"},
            "access": {"()": f"{__name__}.JsonFormatter"},
        }
    else:
        formatters = {
            "default": {"()": "uvicorn.logging.DefaultFormatter", "fmt": "%(levelprefix)s %(message)s", "use_colors": _colors()},
            "access": {
                "()": "uvicorn.logging.AccessFormatter",
                "fmt": '%(levelprefix)s %(client_addr)s - "%(request_line)s" %(status_code)s',
                "use_colors": _colors(),
            },
        }
    lvl = level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": formatters,
        "handlers": {
            "default": {"formatter": "default", "class": "logging.StreamHandler", "stream": "ext://sys.stderr"},
            "access": {"formatter": "access", "class": "logging.StreamHandler", "stream": "ext://sys.stdout"},
        },
        "loggers": {
            "uvicorn": {"handlers": ["default"], "level": lvl, "propagate": False},
            "uvicorn.error": {"level": lvl},
            "uvicorn.access": {"handlers": ["access"], "level": lvl, "propagate": False},
            "aliasctl": {"handlers": ["default"], "level": lvl, "propagate": False},
        },
    }


__all__ = ["JsonFormatter", "LogFormat", "log_config"]
