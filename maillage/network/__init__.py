"""The hub's network: its address book of people, its members, working groups and decisions.

One area of work in the architecture, four Django apps here (people, memberships,
working_groups, decisions): each owns its models and migrations, and they import downwards
in that order.
"""
