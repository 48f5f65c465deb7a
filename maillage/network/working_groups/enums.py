from django.db import models


class WorkingGroupStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposé"
    ACTIVE = "active", "Actif"
    PAUSED = "paused", "En pause"
    CLOSED = "closed", "Clos"


# Groups people may join by themselves: a paused or closed group takes nobody new.
JOINABLE_STATUSES = (WorkingGroupStatus.PROPOSED, WorkingGroupStatus.ACTIVE)
