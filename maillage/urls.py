from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Administration de maillage"
admin.site.site_title = "maillage"

urlpatterns = [
    path("", include("maillage.web.urls")),
    path("", include("maillage.plan.urls")),
    path("territoire/", include("maillage.territory.urls")),
    path("compte/", include("maillage.accounts.urls")),
    path("admin/", admin.site.urls),
]
