from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from config.forms import LoginForm
from config.health import health

urlpatterns = [
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("oidc/", include("config.oidc_urls")),
    path("health/", health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("principles.urls")),
    path("", include("casebook.urls")),
    # Meeting-room URLs before deliberation's catch-all sessies/<pk>/<kind>/.
    path("", include("deliberation.room_urls")),
    path("", include("deliberation.urls")),
]
