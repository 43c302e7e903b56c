"""The dashboard's chart of the core's figures (bot.stats): questions per day as inline SVG."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup, escape


def day_chart(days: list[tuple[date, int, int]], *, width: int = 720, height: int = 200) -> Markup:
    """Stacked bars per day (answered below, not answered above) as inline SVG: no script, no CDN."""
    top = max((a + u for _, a, u in days), default=0) or 1
    slot = width / max(len(days), 1)
    plot = height - 30
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Questions per day, answered and not answered">']
    for n, (day, answered, missed) in enumerate(days):
        x = n * slot + 2
        h_ok, h_miss = plot * answered / top, plot * missed / top
        label = escape(f"{day:%d %b}: {answered} answered, {missed} not answered")
        parts.append(f'<g><title>{label}</title>'
                     f'<rect x="{x:.1f}" y="{plot - h_ok:.1f}" width="{slot - 4:.1f}" height="{h_ok:.1f}" class="ok"/>'
                     f'<rect x="{x:.1f}" y="{plot - h_ok - h_miss:.1f}" width="{slot - 4:.1f}" '
                     f'height="{h_miss:.1f}" class="miss"/></g>')
        last = n == len(days) - 1
        if (n % 7 == 0 and len(days) - n > 3) or last:  # weekly ticks, and today at the right edge
            anchor = f' text-anchor="end" x="{width - 2}"' if last else f' x="{x:.1f}"'
            parts.append(f'<text{anchor} y="{height - 10}" class="axis">{day:%d %b}</text>')
    parts.append(f'<text x="{width - 4}" y="12" class="axis" text-anchor="end">max {top}/day</text></svg>')
    return Markup("".join(parts))
