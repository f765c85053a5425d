"""Calendar arithmetic the certification rules need (leap days included)."""
from datetime import date, timedelta

AVERAGE_MONTH_DAYS = 365.2425 / 12


def add_years(day: date, years: int) -> date:
    """Same day N years on; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: every month has a 28th


def merge_periods(periods: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """Join overlapping or touching periods (inclusive dates) so no day counts twice."""
    merged: list[tuple[date, date]] = []
    for start, end in sorted((min(a, b), max(a, b)) for a, b in periods):
        if merged and start <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def months_covered(periods: list[tuple[date, date]], since: date | None = None,
                   until: date | None = None) -> int:
    """Months of experience (to the nearest month), overlaps counted once, optionally within
    a window."""
    days = 0
    for start, end in merge_periods(periods):
        start = max(start, since) if since else start
        end = min(end, until) if until else end
        if end >= start:
            days += (end - start).days + 1
    return round(days / AVERAGE_MONTH_DAYS)
