"""The ePay gateway client (httpx). Imports :mod:`pos_app.domain` and httpx only."""
