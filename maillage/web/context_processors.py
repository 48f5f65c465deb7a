from maillage.hub import current_hub


def hub(request):
    """The hub's identity and territory, for the header and the footer of every page."""
    current = current_hub()
    return {"hub": current.identity, "hub_territory": current.territory}
