app_name = "memberships"
urlpatterns: list = []
