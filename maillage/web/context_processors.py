from maillage.core import demo
from maillage.hub import current_hub
from maillage.web.navigation import main_navigation, staff_navigation


def hub(request):
    """The hub's identity, territory and the main navigation, for the layout of every page."""
    current = current_hub()
    return {
        "hub": current.identity,
        "hub_territory": current.territory,
        "main_navigation": main_navigation(request.path),
        "staff_navigation": staff_navigation(getattr(request, "user", None), request.path),
        # A callable: the template asks only when it renders the layout's demonstration notice.
        "demo_site": demo.any_loaded,
    }
