from maillage.directory import urls_open_data, urls_public, urls_stewardship

app_name = "directory"
# Three areas, one namespace: the public directory, open data (map, API, exports), and how
# entries are kept right (claims, edits, imports, duplicates: representatives and staff).
urlpatterns = [
    *urls_public.urlpatterns,
    *urls_open_data.urlpatterns,
    *urls_stewardship.urlpatterns,
]
