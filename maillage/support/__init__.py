"""Support for project holders: the territory's service offer (services) and the hub's support
journeys (journeys). Two Django apps; journeys imports services, never the other way round.
"""
