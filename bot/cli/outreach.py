"""`a6bot outreach ...`: send what is due (for cron and tests), show delivery status, subscribe a chat."""

from __future__ import annotations

import asyncio
import json
import signal

import typer

from bot.cli.common import err, out, run
from bot.cli.platforms import PLATFORMS, open_database
from bot.config import Settings
from bot.outreach import outbox, subscriptions
from bot.outreach.dispatcher import Policy
from bot.platform import rates
from bot.services import Backend
from bot.outreach.service import build_notifiers, close_notifiers, make_dispatcher, parse_now

app = typer.Typer(help="Event outreach: deliveries and subscriptions.", no_args_is_help=True)


@app.command("tick")
def tick(now: str = typer.Option(None, "--now", help="ISO time to plan for (default: now), e.g. 2026-03-05T09:00Z"),
         drain: bool = typer.Option(True, "--drain/--no-drain", help="wait for retries due within 30 s"),
         lease: float = typer.Option(15.0, "--lease", help="seconds before a dead worker's claims are retried "
                                                           "(renewed every lease/3 s while this worker lives)"),
         rate_scale: float = typer.Option(1.0, "--rate-scale", help="multiply the platforms' rate limits"),
         worker: str = typer.Option(None, "--worker", help="worker name in the claims (default host:pid)")) -> None:
    """Plan and send everything due as of --now; SIGTERM finishes the sends in flight and exits. Deliveries
    another worker holds (claimed, not yet sent) are listed in "held", with when they become claimable."""
    try:
        when = parse_now(now)
    except ValueError:
        err.print(f"[red]--now {now!r} is not an ISO time such as 2026-03-05T09:00:00Z[/red]")
        raise typer.Exit(2)

    async def main() -> None:
        settings = Settings()
        services = Backend(settings, await open_database(settings))
        notifiers = build_notifiers(PLATFORMS, services)
        dispatcher = make_dispatcher(settings, services.db, notifiers, rates=rates(PLATFORMS), rate_scale=rate_scale,
                                     policy=Policy(lease=lease), worker=worker)
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, dispatcher.stop)
        try:
            report = await dispatcher.tick(when, drain=drain)
            others = await outbox.held(services.db, exclude=dispatcher.worker)
            out.print(json.dumps({**report.__dict__, "held": [h.to_json() for h in others]}))
            for h in others:
                err.print(f"not sent here: {h.describe()}", highlight=False)
        finally:
            await close_notifiers(notifiers)
            await services.close()

    run(main())


@app.command("status")
def status(as_json: bool = typer.Option(False, "--json", help="print JSON")) -> None:
    """Deliveries per event: pending (including claimed), sent, failed, paused; then the deliveries each
    worker holds and when they become claimable if it died."""

    async def main() -> tuple[list[dict[str, object]], list[outbox.Held]]:
        db = await open_database(Settings())
        try:
            return await outbox.status(db), await outbox.held(db)
        finally:
            await db.close()

    rows, held = run(main())
    if as_json:
        print(json.dumps(rows))
        return
    if not rows:
        out.print("No deliveries yet.")
        return
    out.print(f"{'event':<40} {'pending':>8} {'sent':>6} {'failed':>7} {'paused':>7} {'skipped':>8}")
    for r in rows:
        out.print(f"{str(r['event'])[:40]:<40} {r['pending'] + r['claimed']:>8} {r['sent']:>6} {r['failed']:>7} "
                  f"{r['paused']:>7} {r['skipped']:>8}")
    for h in held:
        out.print(f"claimed, not yet sent: {h.describe()}")


@app.command("subscribe")
def subscribe(platform: str = typer.Option(..., "--platform", help=" or ".join([p.name for p in PLATFORMS] + ["webhook"])),
              chat: str = typer.Option(..., "--chat", help="chat or channel id (a URL for webhook)"),
              topic: list[str] = typer.Option([], "--topic", help="repeat; none = every topic"),
              kind: list[str] = typer.Option(None, "--kind", help="repeat; none = every kind"),
              timezone: str = typer.Option(None, "--timezone", help="IANA zone or city"),
              language: str = typer.Option(None, "--language"),
              digest: bool = typer.Option(None, "--digest/--no-digest", help="weekly digest on Monday 09:00")) -> None:
    """Subscribe a chat (what the adapters' /subscribe does), e.g. for a webhook or a test."""

    async def main() -> str:
        db = await open_database(Settings())
        try:
            sub = await subscriptions.subscribe(db, platform=platform, chat_id=chat, topics=topic, kinds=kind or None,
                                                timezone=timezone, language=language, digest=digest)
            return f"{sub.platform}:{sub.chat_id} topics={sub.topics or 'all'} zone={sub.timezone} digest={sub.digest}"
        finally:
            await db.close()

    try:
        out.print(run(main()))
    except ValueError as error:
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(2)
