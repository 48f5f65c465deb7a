"""What the hub shows of its year: indicators counted through the plan links, the yearly
activity report, and its funding and representation mandates. It sits on top of the hub's work
and reads each app through its own functions; one Django app per part (ADR 0005)."""
