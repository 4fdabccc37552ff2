"""Single sign-on (config/oidc.py). The patterns always exist, so the login page can name
them; the views answer 404 while OIDC_ENABLED is off."""

from django.urls import path

from config import oidc

urlpatterns = [
    path("authenticate/", oidc.authenticate_view, name="oidc_authentication_init"),
    path("callback/", oidc.callback_view, name=oidc.CALLBACK_URL_NAME),
]
