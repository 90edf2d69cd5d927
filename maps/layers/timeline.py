"""A time control: a histogram of the events by day, month or year and a
range to show only the events of a stretch of time (with a play button
that walks the range forward). Turned off in the layer control, every event
shows again."""

from __future__ import annotations

import datetime as dt

from maps.layers import ScriptLayer

DAYS_LIMIT, MONTHS_LIMIT = 62, 120  # spans up to these are binned by day, then by month, else by year


class TimelineLayer(ScriptLayer):
    script = "timeline"
    css = "timeline"

    def __init__(self, events, *, name: str = "Time control", show: bool = True):
        super().__init__(name, show=show, depends=[events])
        table = events.table
        days = [table["dates"][d] for d in table["d"]]
        self.bins = date_bins(table["dates"])
        self.counts, self.undated = bin_counts(self.bins, days)

    def data(self):
        return {"bins": self.bins, "counts": self.counts, "undated": self.undated}


def date_bins(dates) -> list[list[str]]:
    """[label, first day (ISO)] of each bin from the earliest to the latest of
    ``dates`` (ISO strings; empty ones ignored)."""
    days = sorted(dt.date.fromisoformat(d[:10]) for d in dates if d)
    if not days:
        return []
    first, last = days[0], days[-1]
    if (last - first).days <= DAYS_LIMIT:
        return [[d.isoformat(), d.isoformat()] for d in _range(first, last, "day")]
    months = (last.year - first.year) * 12 + last.month - first.month
    unit = "month" if months <= MONTHS_LIMIT else "year"
    fmt = "%b %Y" if unit == "month" else "%Y"
    return [[d.strftime(fmt), d.isoformat()] for d in _range(first, last, unit)]


def bin_counts(bins, days) -> tuple[list[int], int]:
    """Events per bin, and the number with no date."""
    from bisect import bisect_right

    starts = [start for _, start in bins]
    counts, undated = [0] * len(bins), 0
    for day in days:
        if not day:
            undated += 1
        else:
            counts[bisect_right(starts, day) - 1] += 1
    return counts, undated


def _range(first: dt.date, last: dt.date, unit: str):
    if unit == "day":
        for n in range((last - first).days + 1):
            yield first + dt.timedelta(days=n)
        return
    current = first.replace(day=1) if unit == "month" else first.replace(month=1, day=1)
    while current <= last:
        yield current
        if unit == "year":
            current = current.replace(year=current.year + 1)
        else:
            current = current.replace(year=current.year + current.month // 12, month=current.month % 12 + 1)
