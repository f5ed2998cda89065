"""Time: the reference date of a document and the date of each event, in four modules, each reading only the ones
before it:

1. ``words``: the English words of time and their TIMEX3 values (month and weekday names, number words, units),
   as tables and regular-expression alternations; the package's one copy of month names and number words;
2. ``calendar``: calendar arithmetic (ISO weeks, month and quarter steps, the day a tense points to);
3. ``timex``: finds the temporal expressions (TIMEX3) of a text and normalises each against a reference date;
4. ``dates``: ``reference_date`` decides a document's reference date once, before the parse; ``DateResolver``
   gives each event trigger of the parsed document the date of the expression that belongs to it.
"""
