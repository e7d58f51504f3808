"""Sentences that the layers below ``ui`` return in plain English, marked for translation.

``store``, ``services`` and ``domain`` have no Qt, so their messages (settings validation, PIN
rules, keyring reasons) are listed here under the context ``Store`` for ``pyside6-lupdate``; the
dialogs translate them at display time with ``QCoreApplication.translate("Store", text)``. A
message built with values (``Choose one of: …``) has no entry and is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

MESSAGES = (
    # pos_app.store.pin
    QT_TRANSLATE_NOOP("Store", "Use digits only."),
    QT_TRANSLATE_NOOP("Store", "Use 6 to 12 digits."),
    QT_TRANSLATE_NOOP("Store", "Do not use the same digit only."),
    QT_TRANSLATE_NOOP("Store", "The admin PIN file cannot be read."),
    QT_TRANSLATE_NOOP("Store", "The admin PIN file is damaged. Ask the administrator to reset it."),
    QT_TRANSLATE_NOOP("Store", "No admin PIN has been set."),
    QT_TRANSLATE_NOOP(
        "Store", "The admin PIN file is missing. Ask the administrator to set it up again."),
    # pos_app.store.settings
    QT_TRANSLATE_NOOP("Store", "Must be a UUID like 67e34d63-102f-4bd1-898e-370781d0074d."),
    QT_TRANSLATE_NOOP("Store", "The terminal ID is required for real payments."),
    QT_TRANSLATE_NOOP("Store", "The client ID is required for real payments."),
    QT_TRANSLATE_NOOP("Store", "Use only Latin letters, digits and . _ @ -"),
    QT_TRANSLATE_NOOP("Store", "At most 100 characters."),
    QT_TRANSLATE_NOOP("Store", "At most 125 characters."),
    QT_TRANSLATE_NOOP("Store", "At most 200 characters."),
    QT_TRANSLATE_NOOP("Store", "At most 125 bytes (about 62 Cyrillic letters)."),
    QT_TRANSLATE_NOOP("Store", "Must be an amount above zero with at most two decimals."),
    QT_TRANSLATE_NOOP("Store", "Must be zero (off) or a positive amount."),
    QT_TRANSLATE_NOOP("Store", "Between 1 and 1440 minutes."),
    QT_TRANSLATE_NOOP("Store", "Must be true or false."),
    QT_TRANSLATE_NOOP("Store", "Required."),
    QT_TRANSLATE_NOOP("Store", "Not a valid web address."),
    QT_TRANSLATE_NOOP("Store", "A web address here must not contain a user name or password."),
    QT_TRANSLATE_NOOP(
        "Store", "Use https:// (http:// only for 127.0.0.1 or localhost in training and test)."),
    QT_TRANSLATE_NOOP("Store", "Use an https:// address."),
    QT_TRANSLATE_NOOP("Store", "The settings file could not be read; defaults are in use."),
    QT_TRANSLATE_NOOP("Store", "The settings file was damaged; defaults are in use."),
    # pos_app.domain.invoice
    QT_TRANSLATE_NOOP("Store", "The invoice prefix is up to 9 digits."),
    # pos_app.store.credentials
    QT_TRANSLATE_NOOP("Store", "No keyring backend is installed or available."),
    QT_TRANSLATE_NOOP("Store", "The keyring is switched off (null backend)."),
    QT_TRANSLATE_NOOP(
        "Store", "The only keyring stores secrets in a plain file, which is not allowed."),
    QT_TRANSLATE_NOOP("Store", "No keyring backend is available."),
    QT_TRANSLATE_NOOP("Store", "The keyring could not be loaded."),
    # pos_app.preflight
    QT_TRANSLATE_NOOP(
        "Store", "The client secret is not in the system keyring. Run the settings or "
                 "`pos-app configure` to store it."),
    QT_TRANSLATE_NOOP(
        "Store", "This till has no ePay credentials. Open the settings to enter them."),
    # pos_app.epay.config
    QT_TRANSLATE_NOOP(
        "Store", "POS_APP_EPAY_OAUTH_URL, POS_APP_EPAY_API_URL and POS_APP_EPAY_WIDGET_URL work "
                 "only with the test environments. Remove them to use production."),
    # pos_app.services.provisioning
    QT_TRANSLATE_NOOP("Store", "The secret must not start or end with a space."),
    QT_TRANSLATE_NOOP("Store", "This does not look like an ePay client secret."),
    QT_TRANSLATE_NOOP("Store", "Enter the client ID that this secret belongs to."),
    QT_TRANSLATE_NOOP("Store", "Enter the client secret issued by the bank."),
)
