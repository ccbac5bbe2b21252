"""Weeks run Monday to Sunday in every weekly figure (stats, adherence, check-ins, cramp
trends, reports), so one function says where a week starts and they always line up."""

from __future__ import annotations

from datetime import date, timedelta


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())
