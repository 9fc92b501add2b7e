"""Run the app under gunicorn from Python, so ``timeline serve`` needs no other command."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):
    def __init__(self, options: dict, config: dict) -> None:
        self.options, self.app_config = options, config
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from . import create_app

        return create_app(self.app_config)


def run(host: str, port: int, workers: int) -> None:
    """Serve on ``host:port`` with ``workers`` processes; JSON log lines go to stderr.

    The workers' apps are told the bind address: without API tokens, writes depend on it.
    """
    from .logs import gunicorn_logconfig

    _Server(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "errorlog": "-",
            "logconfig_dict": gunicorn_logconfig(),
            "timeout": 60,
            "graceful_timeout": 10,
        },
        {"HOST": host, "PORT": port},
    ).run()
