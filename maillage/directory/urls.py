from maillage.directory import urls_public, urls_stewardship

# Under « annuaire/ »: the public directory and its exports, then how entries are kept right
# (claims, imports, duplicates, the staff's queues).
urlpatterns = [
    *urls_public.urlpatterns,
    *urls_stewardship.urlpatterns,
]
