"""Funders, applications and grants of the hub, their schedules, reports due and per-grant
report; the open data of grants (SCDL « subventions »); the hub's representation mandates."""
