"""Time: words and calendar arithmetic, time expressions (TIMEX3) and the date of each event."""
